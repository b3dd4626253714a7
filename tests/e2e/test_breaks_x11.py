"""A break after a short real session, in the running tray under Xvfb: the
session ends from the tray's menu, the break shows (the command line, the
notification, the icon), and snooze and skip work through the menu."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from tests.helpers.tray import Fokus
from tests.helpers.x11 import X11Session, wait_for

pytestmark = pytest.mark.x11
# A stopped session earns a break after a minute of real focus (app.focus.breaks).
REAL_FOCUS_SECONDS = 61


@pytest.fixture
def fokus(x11: X11Session, tmp_path: Path) -> Iterator[Fokus]:
    f = Fokus(x11, tmp_path / "data")
    assert f.cli("project", "add", "SIASN").returncode == 0
    yield f
    f.stop_tray()


def _break(fokus: Fokus) -> dict[str, object] | None:
    rest = fokus.status().get("break")
    assert rest is None or isinstance(rest, dict)
    return rest


def test_a_short_session_ends_and_the_tray_offers_its_break(fokus: Fokus, x11: X11Session,
                                                            tmp_path: Path) -> None:
    fokus.start_tray()
    x, y, w, h = fokus.icon()
    fokus.ready()
    x11.notifications()  # start from an empty history
    assert fokus.cli("start", "-p", "SIASN", "-m", "5").returncode == 0
    focusing_png = x11.screenshot(tmp_path / "focusing.png", (x, y, w, h)).read_bytes()
    time.sleep(REAL_FOCUS_SECONDS)  # real focus: the one wait that is the test itself

    # Stop from the menu: the header and Start focus are disabled, then Switch to,
    # Log interruption, Pause, Stop.
    x11.click(x + w // 2, y + h // 2, button=3)
    time.sleep(0.5)
    x11.keys("Down", "Down", "Down", "Down", "Return")
    wait_for(lambda: fokus.status()["state"] == "idle", what="the session to stop")
    rest = wait_for(lambda: _break(fokus), what="the break in fokus status --json")
    assert isinstance(rest, dict) and rest["minutes"] == 5 and rest["focused_minutes"] == 1
    until = datetime.fromisoformat(str(rest["until"]))
    assert fokus.status()["state"] == "idle"  # the next session never starts by itself
    plain = fokus.cli("status")
    assert plain.returncode == 0 and plain.stdout.startswith(
        f"Break until {until:%H:%M}"), plain.stdout
    wait_for(lambda: any(s == f"Break until {until:%H:%M}" for s in x11.notifications()),
             what="the notification at the break's start")
    break_png = x11.screenshot(tmp_path / "break.png", (x, y, w, h)).read_bytes()
    assert break_png != focusing_png

    # The menu opens on the break: its header is disabled, Snooze is the first entry.
    x11.click(x + w // 2, y + h // 2, button=3)
    time.sleep(0.5)
    x11.screenshot(tmp_path / "menu.png")
    x11.keys("Down", "Return")
    snoozed = wait_for(lambda: (lambda r: r and r["snoozes"] == 1 and r)(_break(fokus)),
                       what="the break to be snoozed")
    assert isinstance(snoozed, dict) and snoozed["minutes"] == 10
    assert (datetime.fromisoformat(str(snoozed["until"])) - until).total_seconds() == 300

    x11.click(x + w // 2, y + h // 2, button=3)
    time.sleep(0.5)
    x11.keys("Down", "Down", "Return")  # Snooze, Skip break
    wait_for(lambda: _break(fokus) is None, what="the break to be skipped")
    assert fokus.query("SELECT state, snoozes, minutes FROM focus_break") == ("skipped", 1, 5)
    assert fokus.status()["state"] == "idle"
    # Skipped: no notice that it is over.
    time.sleep(0.5)
    assert not any(s == "Break over" for s in x11.notifications())
