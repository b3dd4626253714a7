"""A deep-work window open right now, for tests of what Fokus does when one
opens: a work model whose no-meeting window holds this minute every day, and a
block of the batch planned in it."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo


def afternoon_zone(hour: int = 15) -> str:
    """A zone where it is now about ``hour`` o'clock, for tray and command line
    (their ``TZ``): a test of "today" or of a window opening now holds whatever
    the hour the suite runs at, with no skip near midnight. Etc/GMT-9 is nine
    hours east of Greenwich (the POSIX sign)."""
    hours = (hour - datetime.now(UTC).hour) % 24
    if hours > 12:
        hours -= 24
    return f"Etc/GMT{-hours:+d}"


ZONE = afternoon_zone()


def _hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def open_deep_window_now(data_dir: Path) -> datetime:
    """Store the work model (straight into the file, before any tray runs)."""
    now = datetime.now(ZoneInfo(ZONE))
    minute = now.hour * 60 + now.minute
    assert 60 <= minute <= 22 * 60, f"{ZONE} was chosen for the afternoon, it is {now}"
    model = {"week": {str(d): "WFO" for d in range(7)}, "work_hours": "00:00-23:59",
             "core_hours": "23:00-23:30",
             "no_meeting": [f"{_hhmm(minute - 30)}-{_hhmm(minute + 60)}"]}
    conn = sqlite3.connect(data_dir / "fokus.sqlite3")
    try:
        with conn:
            conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                         ("work_model", json.dumps(model)))
    finally:
        conn.close()
    return now


def block_args(now: datetime, project: str = "SIASN", batch: str = "1") -> list[str]:
    """``fokus block add`` for a block of ``batch`` that began five minutes ago."""
    start = (now - timedelta(minutes=5)).strftime("%Y-%m-%d %H:%M")
    return ["block", "add", "-p", project, "-b", batch, "--start", start, "--minutes", "90"]
