"""What a screen reader finds in Fokus inside the real headless GNOME session,
on Qt's wayland plugin: every window the tray menu opens (each page of Settings,
each page of the welcome guide) is read through AT-SPI on the session's
accessibility bus (Debian's pyatspi, as Orca reads it), and every control in it
has a name that says what it is, not merely the item a combo box shows."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.deep_window import ZONE
from tests.helpers.gnome import GnomeFokus, GnomeSession, gnome  # noqa: F401
from tests.helpers.x11 import wait_for

pytestmark = pytest.mark.gnome
READER = Path(__file__).resolve().parents[1] / "helpers" / "atspi_tree.py"
SYSTEM_PYTHON = Path("/usr/bin/python3")
CONTROLS = {"push button", "text", "entry", "password text", "combo box", "spin button",
            "check box", "radio button", "list", "list box", "table", "tree", "tree table",
            "slider", "page tab", "toggle button"}


def _require_pyatspi() -> None:
    if not (SYSTEM_PYTHON.exists() and Path("/usr/lib/python3/dist-packages/pyatspi").is_dir()):
        pytest.fail("reading AT-SPI needs Debian's pyatspi; install: sudo apt-get install "
                    "--no-install-recommends python3-pyatspi at-spi2-core", pytrace=False)


@pytest.fixture
def fokus(gnome: GnomeSession, tmp_path: Path) -> Iterator[GnomeFokus]:  # noqa: F811
    _require_pyatspi()
    f = GnomeFokus(gnome, tmp_path / "data", TZ=ZONE, FOKUS_LANG="en",
                   QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1")
    for args in (("project", "add", "SIASN"),
                 ("batch", "add", "-p", "SIASN", "-t", "Fix rank promotion bug")):
        result = f.cli(*args)
        assert result.returncode == 0, result.stderr
    yield f
    f.stop_tray()


# Each tray entry and the title of the window it opens (read in this order, once).
TRAY_WINDOWS = (("Projects & batches…", "Projects & batches"), ("Today…", "Fokus — Today"),
                ("Week…", "Fokus — Week"), ("Reflect on today…", "Reflect on"),
                ("Insights…", "Fokus — Insights"), ("Export weekly report…", "Export the weekly"),
                ("Team report…", "Fokus — Team report"), ("Settings…", "Fokus — Settings"))


def read_windows(gnome: GnomeSession, *args: str) -> list[dict[str, Any]]:  # noqa: F811
    for _attempt in range(10):
        result = gnome.run(str(SYSTEM_PYTHON), str(READER), "fokus", *args, check=False)
        # 3: a control went away mid-read (the window changed). A reader that
        # died because it could not reach the accessibility bus (the reply timed
        # out on a loaded machine and libatspi aborts) did nothing: asked again.
        # (The same words as a mere warning, the reader going on, are no reason.)
        lost_bus = result.returncode < 0 and "accessibility bus" in result.stderr
        if result.returncode != 3 and not lost_bus:
            break
    assert result.returncode == 0, result.stderr
    windows: list[dict[str, Any]] = json.loads(result.stdout)
    return windows


def press(gnome: GnomeSession, title: str, button: str) -> None:  # noqa: F811
    """Presses ``button`` in the window ``title`` through AT-SPI. Right after a
    page changes its buttons can be shown a moment before they are enabled:
    the press is tried again until it lands."""
    def pressed() -> bool:
        result = gnome.run(str(SYSTEM_PYTHON), str(READER), "fokus", "--window", title,
                           "--press", button, check=False)
        assert result.returncode in (0, 1, 3) or "accessibility bus" in result.stderr, \
            result.stderr
        return result.returncode == 0

    wait_for(pressed, timeout=20, interval=0.3, what=f"{button!r} to be pressed in {title!r}")


def window_titled(gnome: GnomeSession, title: str, *args: str  # noqa: F811
                  ) -> dict[str, Any] | None:
    """The window whose name holds ``title`` once it is on the bus and showing."""
    for window in read_windows(gnome, *args, "--window", title):
        if window["showing"]:
            return window
    return None


def controls(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The controls a screen reader lands on: showing, and of a control's role
    (a combo box's own popup list and a spin box's inner text are its parts)."""
    if node["role"] in CONTROLS and node["showing"]:
        yield node
    if node["role"] in ("combo box", "spin button"):
        return
    for child in node["children"]:
        yield from controls(child)


def said(control: dict[str, Any]) -> bool:
    """Whether a screen reader can say what the control is. On Linux Qt gives a
    combo box its current item as its name (the item, not what it chooses):
    what it is comes only from the label it is labelled by."""
    if control["role"] == "combo box":
        return bool(control["labels"])
    return bool(control["name"].strip() or control["labels"])


def nodes(node: dict[str, Any], role: str) -> Iterator[dict[str, Any]]:
    if node["role"] == role:
        yield node
    for child in node["children"]:
        yield from nodes(child, role)


def page_controls(window: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in controls(window) if c["role"] != "page tab"]


def settings_pages(gnome: GnomeSession) -> dict[str, list[dict[str, Any]]]:  # noqa: F811
    """Each page of Settings, selected as a screen reader user selects it."""
    title = "Fokus — Settings"
    window = window_titled(gnome, title)
    assert window is not None
    tabs = [t["name"] for t in nodes(window, "page tab")]
    assert len(tabs) >= 7, tabs
    pages = {}
    for tab in tabs:
        def on_page(tab: str = tab) -> dict[str, Any] | None:
            w = window_titled(gnome, title, tab)
            chosen = [t for t in nodes(w, "page tab") if t["selected"]] if w else []
            return w if chosen and chosen[0]["name"] == tab else None

        page = wait_for(on_page, timeout=30, what=f"the {tab!r} page")
        assert isinstance(page, dict)
        pages[f"Settings: {tab}"] = page_controls(page)
    return pages


def welcome_pages(gnome: GnomeSession) -> dict[str, list[dict[str, Any]]]:  # noqa: F811
    """Each page of the welcome guide, going on with its Next button."""
    title = "Fokus — Welcome"
    pages: dict[str, list[dict[str, Any]]] = {}
    window = wait_for(lambda: window_titled(gnome, title), timeout=60,
                      what="the welcome guide on the accessibility bus")
    assert isinstance(window, dict)
    for number in range(1, 10):
        found = page_controls(window)
        pages[f"Welcome, page {number}"] = found
        nexts = [c["name"] for c in found if c["role"] == "push button"
                 and c["name"].startswith("Next")]
        if not nexts:
            break
        before = sorted(c["name"] for c in found)
        press(gnome, title, nexts[0])

        def next_page(before: list[str] = before) -> dict[str, Any] | None:
            """The next page once it has settled: read twice alike (mid-change a
            read can hold the last page's Next button beside the new page)."""
            first = window_titled(gnome, title)
            names = sorted(c["name"] for c in page_controls(first)) if first else before
            if names == before:
                return None
            time.sleep(0.3)
            again = window_titled(gnome, title)
            return again if again and sorted(
                c["name"] for c in page_controls(again)) == names else None

        window = wait_for(next_page, timeout=30, what=f"page {number + 1} of the welcome guide")
    return pages


def test_a_screen_reader_finds_a_name_on_every_control_of_every_window(
        fokus: GnomeFokus, gnome: GnomeSession) -> None:  # noqa: F811
    item = fokus.start_tray()
    read: dict[str, list[dict[str, Any]]] = {}
    for entry, title in TRAY_WINDOWS:
        item.click(entry)
        window = wait_for(lambda title=title: window_titled(gnome, title), timeout=60,
                          what=f"{title!r} on the accessibility bus")
        assert isinstance(window, dict)
        if title == "Fokus — Settings":
            for adder in ("Add rule", "Add exception"):  # rows of their own controls
                press(gnome, title, adder)
            read.update(settings_pages(gnome))
        else:
            read[title] = page_controls(window)
    # The guide is opened again from Settings' first page, as a user does.
    assert window_titled(gnome, "Fokus — Settings", "General") is not None
    press(gnome, "Fokus — Settings", "Run the welcome guide again…")
    read.update(welcome_pages(gnome))

    counts = {where: len(found) for where, found in read.items()}
    print("controls read over AT-SPI:", json.dumps(counts, ensure_ascii=False))
    nameless = {where: [f'{c["role"]} {c["name"]!r}' for c in found if not said(c)]
                for where, found in read.items()}
    nameless = {where: missing for where, missing in nameless.items() if missing}
    total = sum(counts.values())
    assert nameless == {}, f"of {total} controls these have no name: {nameless}"
    assert len([w for w in read if w.startswith("Settings: ")]) >= 7, list(read)
    assert len([w for w in read if w.startswith("Welcome, page")]) == 6, list(read)
    assert all(counts[title] for _entry, title in TRAY_WINDOWS if title != "Fokus — Settings"), \
        counts
    everything = [c for found in read.values() for c in found]
    roles = {c["role"] for c in everything}
    assert {"push button", "combo box", "spin button", "check box", "radio button"} <= roles
    labels = {label for c in everything for label in c["labels"]}
    # The allocation matrix's boxes, once out of reach in table cells, and a rule's.
    assert {"Coding: best place", "Coding: best time", "Rule 1: project", "Sync folder"} <= \
        labels | {c["name"] for c in everything}, sorted(labels)
