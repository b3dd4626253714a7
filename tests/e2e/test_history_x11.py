"""Editing the past in the running tray's Today window under Xvfb, with real
mouse input from xdotool: a session's edge dragged, its context menu opened."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.helpers.deep_window import afternoon_zone
from tests.helpers.tray import Fokus
from tests.helpers.x11 import X11Session, wait_for

pytestmark = pytest.mark.x11
BAR = (0x2A, 0x9D, 0x8F)  # the first project's colour, the session's bar


# Mid-afternoon where the tray and the command line run, so a session that
# ended two hours ago is today whatever the hour the suite runs at.
ZONE = afternoon_zone()
OFFSET = ZoneInfo(ZONE)


def _session_today(fokus: Fokus) -> tuple[str, str]:
    assert fokus.env.get("TZ") == ZONE, "the tray and the command line run in ZONE"
    now = datetime.now(OFFSET)
    start = (now - timedelta(hours=3)).replace(second=0, microsecond=0)
    assert start.date() == now.date(), (now, start)
    end = start + timedelta(hours=1)
    added = fokus.cli("session", "add", "-p", "SIASN", "--start", start.isoformat(),
                      "--end", end.isoformat())
    assert added.returncode == 0, added.stderr
    return start.isoformat(), end.isoformat()


def _open_today(fokus: Fokus, x11: X11Session, title: str) -> tuple[int, int, int, int]:
    """Open Today from the tray menu with real keys; its window's geometry."""
    x, y, w, h = fokus.icon()
    fokus.ready()
    x11.click(x + w // 2, y + h // 2, button=3)
    time.sleep(0.5)
    # Idle: Start focus, Switch to, Log interruption, Focus length, Projects, Today.
    x11.keys("Down", "Down", "Down", "Down", "Down", "Down", "Return")
    found = wait_for(lambda: x11.run("xdotool", "search", "--onlyvisible", "--name",
                                     f"^{title}$", check=False).split(), timeout=20,
                     what=f"the window {title!r}")
    assert isinstance(found, list)
    geo = x11.run("xdotool", "getwindowgeometry", found[0])
    pos = re.search(r"Position: (-?\d+),(-?\d+)", geo)
    size = re.search(r"Geometry: (\d+)x(\d+)", geo)
    assert pos and size, geo
    return int(pos[1]), int(pos[2]), int(size[1]), int(size[2])


def _bar(x11: X11Session, shot: Path, window: tuple[int, int, int, int]
         ) -> tuple[int, int, int] | None:
    """The session bar on screen: (left x, right x, middle y), found by its colour."""
    from PIL import Image

    x11.screenshot(shot)
    wx, wy, ww, wh = window
    image = Image.open(shot).convert("RGB")
    hits = [(px, py) for py in range(wy, min(wy + wh, image.height), 2)
            for px in range(wx, min(wx + ww, image.width))
            if all(abs(c - b) <= 6 for c, b in zip(image.getpixel((px, py)), BAR,
                                                    strict=True))]
    if len(hits) < 50:
        return None
    xs = [p[0] for p in hits]
    ys = sorted(p[1] for p in hits)
    return min(xs), max(xs), ys[len(ys) // 2]


@pytest.fixture
def fokus(x11: X11Session, tmp_path: Path) -> Iterator[Fokus]:
    f = Fokus(x11, tmp_path / "data", TZ=ZONE)
    assert f.cli("project", "add", "SIASN").returncode == 0
    yield f
    f.stop_tray()


def test_dragging_a_session_edge_in_today_changes_the_stored_start(
        fokus: Fokus, x11: X11Session, tmp_path: Path) -> None:
    start, _end = _session_today(fokus)
    fokus.start_tray()
    window = _open_today(fokus, x11, "Fokus — Today")
    bar = wait_for(lambda: _bar(x11, tmp_path / "before.png", window), timeout=20,
                   what="the session's bar")
    assert isinstance(bar, tuple)
    left, right, middle = bar
    # Grab the left edge and pull it 80 px to the left: the session starts earlier.
    x11.run("xdotool", "mousemove", "--sync", str(left + 1), str(middle), "mousedown", "1")
    for step in (10, 30, 50, 80):
        x11.run("xdotool", "mousemove", "--sync", str(left + 1 - step), str(middle))
        time.sleep(0.05)
    x11.run("xdotool", "mouseup", "1")

    def stored_start() -> str:
        row = fokus.query("SELECT started_at FROM focus_session")
        return str(row[0])

    before = datetime.fromisoformat(start).astimezone().replace(tzinfo=None)
    wait_for(lambda: fokus.query("SELECT count(*) FROM edit_record WHERE action = 'edit'"
                                 )[0] == 1, what="the edit to be stored")
    from app.clock import as_utc

    moved = as_utc(datetime.fromisoformat(stored_start())).astimezone().replace(tzinfo=None)
    assert timedelta(minutes=20) <= before - moved <= timedelta(minutes=120), (before, moved)
    assert fokus.query("SELECT count(*) FROM focus_session")[0] == 1
    listed = fokus.cli("session", "list", "--json")
    assert '"mark": "added"' in listed.stdout
    # The bar on screen moved with it.
    after = wait_for(lambda: (b := _bar(x11, tmp_path / "after.png", window)) and
                     b[0] < left - 40 and b, what="the bar to be redrawn")
    assert isinstance(after, tuple)

    # Right-click the bar: the context menu opens over the window (the picture of
    # Today while editing).
    x11.click((after[0] + after[1]) // 2, after[2], button=3)
    time.sleep(0.6)
    with_menu = x11.screenshot(tmp_path / "today-edit.png")
    assert with_menu.read_bytes() != (tmp_path / "after.png").read_bytes()
    x11.keys("Escape")

    # Ctrl+Z in the window puts the start back where it was.
    x11.keys("ctrl+z")
    wait_for(lambda: fokus.query("SELECT undone FROM edit_record WHERE action = 'edit'"
                                 )[0] == 1, what="the edit to be undone")
    back = as_utc(datetime.fromisoformat(stored_start())).astimezone().replace(tzinfo=None)
    assert back == before


def test_today_in_indonesian_offers_the_same_menu(x11: X11Session, tmp_path: Path) -> None:
    f = Fokus(x11, tmp_path / "data", FOKUS_LANG="id", TZ=ZONE)
    try:
        assert f.cli("project", "add", "SIASN").returncode == 0
        _session_today(f)
        f.start_tray()
        window = _open_today(f, x11, "Fokus — Hari ini")
        bar = wait_for(lambda: _bar(x11, tmp_path / "bar.png", window), timeout=20,
                       what="the session's bar")
        assert isinstance(bar, tuple)
        x11.click((bar[0] + bar[1]) // 2, bar[2], button=3)
        time.sleep(0.6)
        shot = x11.screenshot(tmp_path / "today-edit-id.png")
        assert shot.read_bytes() != (tmp_path / "bar.png").read_bytes()
        x11.keys("Escape")
    finally:
        f.stop_tray()
