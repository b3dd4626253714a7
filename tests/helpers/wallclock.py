"""A wall clock the tests set, for every Fokus process at once: libfaketime
preloaded, reading its offset from one file that the test rewrites.

Only the wall clock moves (``FAKETIME_DONT_FAKE_MONOTONIC``): the monotonic
clock keeps running as on a real machine, so Qt's timers and the session
engine's durations stay real. A jump of the wall clock with no session running
is a night or a long meeting away from the desk; while a session runs Fokus
would read it as the machine sleeping, so the story moves the clock between
sessions, or by seconds."""

from __future__ import annotations

import os
import shutil
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

SITE = Path(__file__).with_name("faketime_site")
LIBRARIES = (
    "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
    "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
    "/usr/lib/faketime/libfaketime.so.1",
    "/usr/local/lib/faketime/libfaketime.so.1",
)


def libfaketime() -> str:
    for path in LIBRARIES:
        if Path(path).exists():
            return path
    pytest.fail("the week-in-the-life tests move the clock with libfaketime; install: "
                "sudo apt-get install faketime", pytrace=False)
    raise AssertionError  # unreachable: pytest.fail raises


class WallClock:
    """The time every Fokus process of the story reads, in ``zone``."""

    def __init__(self, offset_file: Path, zone: str) -> None:
        self.file = offset_file
        self.zone = ZoneInfo(zone)
        self.zone_name = zone
        self.library = libfaketime()
        self.file.write_text("+0\n")
        assert shutil.which("faketime") or Path(self.library).exists()

    def env(self) -> dict[str, str]:
        """What a process needs to live on this clock (its TZ is the story's zone),
        and a ``time.sleep`` that works there (faketime_site/sitecustomize.py)."""
        path = os.pathsep.join(p for p in (str(SITE), os.environ.get("PYTHONPATH")) if p)
        return {"LD_PRELOAD": self.library, "FAKETIME_TIMESTAMP_FILE": str(self.file),
                "FAKETIME_NO_CACHE": "1", "FAKETIME_DONT_FAKE_MONOTONIC": "1",
                "TZ": self.zone_name, "PYTHONPATH": path}

    def set(self, local: str) -> datetime:
        """The wall clock now reads ``local`` ("2026-11-23 07:59:50") in the zone."""
        target = datetime.fromisoformat(local).replace(tzinfo=self.zone)
        offset = target.timestamp() - time.time()
        self.file.write_text(f"{offset:+.3f}\n")
        return target

    def now(self) -> datetime:
        """What the processes on this clock read now, in the zone."""
        text = self.file.read_text().strip()
        return datetime.fromtimestamp(time.time() + float(text), self.zone)
