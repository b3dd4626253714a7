"""The wall clock the week-long stories set (tests/helpers/wallclock.py) is
itself tested: a process on it reads the story's time, keeps a real monotonic
clock, and can still sleep and wait for a child process, which libfaketime
0.9.10 alone breaks (every time.sleep raised EINVAL)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.helpers.wallclock import WallClock

PROBE = """
import json, subprocess, time
start = time.monotonic()
time.sleep(0.05)
slept = time.monotonic() - start
for _ in range(5):  # run() with a timeout sleeps while it reaps the child
    subprocess.run(["true"], capture_output=True, timeout=5, check=True)
print(json.dumps({"now": time.time(), "slept": slept}))
"""


def test_a_process_on_the_story_clock_reads_its_time_and_still_sleeps(tmp_path: Path) -> None:
    clock = WallClock(tmp_path / "faketime.rc", "Asia/Jakarta")
    target = clock.set("2026-11-23 07:59:35")
    run = subprocess.run([sys.executable, "-c", PROBE], env=clock.env(), capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout)
    assert abs(seen["now"] - target.timestamp()) < 30, seen
    assert 0.04 < seen["slept"] < 5, seen
