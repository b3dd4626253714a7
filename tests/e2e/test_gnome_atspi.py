"""What a screen reader finds in Fokus inside the real headless GNOME session,
on Qt's wayland plugin: the tree of the Settings window the tray menu opens is
read through AT-SPI on the session's accessibility bus (Debian's pyatspi, as
Orca reads it), and every control in it has a name."""

from __future__ import annotations

import json
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
    result = f.cli("project", "add", "SIASN")
    assert result.returncode == 0, result.stderr
    yield f
    f.stop_tray()


def read_windows(gnome: GnomeSession, tab: str | None = None  # noqa: F811
                 ) -> list[dict[str, Any]]:
    result = gnome.run(str(SYSTEM_PYTHON), str(READER), "fokus", *([tab] if tab else []),
                       check=False)
    assert result.returncode == 0, result.stderr
    windows: list[dict[str, Any]] = json.loads(result.stdout)
    return windows


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


def settings_window(gnome: GnomeSession, tab: str | None = None  # noqa: F811
                    ) -> dict[str, Any] | None:
    for window in read_windows(gnome, tab):
        if "Settings" in window["name"]:
            return window
    return None


def test_a_screen_reader_finds_a_name_on_every_control_of_settings(
        fokus: GnomeFokus, gnome: GnomeSession) -> None:  # noqa: F811
    item = fokus.start_tray()
    item.click("Settings…")
    window = wait_for(lambda: settings_window(gnome), timeout=60,
                      what="the Settings window on the accessibility bus")
    assert isinstance(window, dict)
    tabs = [t["name"] for t in nodes(window, "page tab")]
    assert len(tabs) >= 3, tabs
    found: list[dict[str, Any]] = []
    for tab in tabs:  # each page, selected as a screen reader user selects it
        def on_page(tab: str = tab) -> dict[str, Any] | None:
            w = settings_window(gnome, tab)
            chosen = [t for t in nodes(w, "page tab") if t["selected"]] if w else []
            return w if chosen and chosen[0]["name"] == tab else None

        page = wait_for(on_page, timeout=30, what=f"the {tab!r} page")
        assert isinstance(page, dict)
        found += [c for c in controls(page) if c["role"] != "page tab"]
    nameless = [f'{c["role"]} {c["name"]}'.strip() for c in found if not said(c)]
    names = {c["name"] for c in found}
    assert len(found) >= 30, [c["role"] + " " + c["name"] for c in found]
    assert nameless == [], f"{len(nameless)} of {len(found)} controls have no name: {nameless}"
    roles = {c["role"] for c in found}
    assert {"push button", "combo box", "spin button", "check box"} <= roles, roles
    assert {"Sync folder", "Allocation matrix"} <= names, sorted(names)
