"""The deep-work notification's action, for real: the tray starts inside a
deep-work window with a block planned now, dunst shows the notification with
its action, and invoking the action (``dunstctl action``, as a click does)
starts the planned session."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.helpers.tray import Fokus
from tests.helpers.x11 import X11Session, wait_for

pytestmark = pytest.mark.x11
ZONE = "Asia/Jakarta"


def _hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def deep_window_now(fokus: Fokus) -> datetime:
    """A work model whose no-meeting window holds this minute, every day."""
    now = datetime.now(ZoneInfo(ZONE))
    minute = now.hour * 60 + now.minute
    if not 60 <= minute <= 22 * 60:
        pytest.skip("too close to midnight in the test's time zone to place the windows")
    model = {"week": {str(d): "WFO" for d in range(7)}, "work_hours": "00:00-23:59",
             "core_hours": "23:00-23:30",
             "no_meeting": [f"{_hhmm(minute - 30)}-{_hhmm(minute + 60)}"]}
    conn = sqlite3.connect(fokus.data_dir / "fokus.sqlite3")
    try:
        with conn:
            conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                         ("work_model", json.dumps(model)))
    finally:
        conn.close()
    return now


@pytest.fixture
def fokus(x11: X11Session, tmp_path: Path) -> Iterator[Fokus]:
    f = Fokus(x11, tmp_path / "data", TZ=ZONE, FOKUS_LANG="en")
    assert f.cli("project", "add", "SIASN").returncode == 0
    added = f.cli("batch", "add", "-p", "SIASN", "-t", "Fix rank promotion bug", "--json")
    assert added.returncode == 0, added.stderr
    yield f
    f.stop_tray()


def _shown(x11: X11Session) -> int:
    return int(x11.run("dunstctl", "count", "displayed").strip() or 0)


def test_the_deep_work_notification_starts_the_planned_session(
        fokus: Fokus, x11: X11Session) -> None:
    now = deep_window_now(fokus)
    start = (now - timedelta(minutes=5)).strftime("%Y-%m-%d %H:%M")
    block = fokus.cli("block", "add", "-p", "SIASN", "-b", "1", "--start", start,
                      "--minutes", "90")
    assert block.returncode == 0, block.stderr
    x11.run("dunstctl", "close-all", check=False)
    fokus.start_tray()
    fokus.ready()
    wait_for(lambda: _shown(x11) >= 1, timeout=30, what="the deep-work notification")
    assert fokus.status()["state"] == "idle"  # nothing starts until the user says so
    x11.run("dunstctl", "action", "0")  # what a click on the notification does
    wait_for(lambda: fokus.status()["state"] == "focusing", timeout=15,
             what="the session the notification started")
    status = fokus.status()
    assert status["project"] == "SIASN" and status["batch"] == "Fix rank promotion bug"
