"""Loaded by every Python process that lives on the tests' wall clock
(tests/helpers/wallclock.py puts this folder on its PYTHONPATH).

libfaketime 0.9.10 (Debian 12, Ubuntu 24.04) with FAKETIME_DONT_FAKE_MONOTONIC
fails every ``clock_nanosleep`` on the monotonic clock with an absolute
deadline, which is how ``time.sleep`` waits on Linux: each call raised
``OSError: [Errno 22] Invalid argument``. Inside Fokus that lost
notifications now and then (``subprocess.run`` with a timeout sleeps while
it reaps the child), left dunst paused (do-not-disturb held but never given
back) and broke the command line's wait for its turn. Here ``time.sleep``
waits in ``select`` instead, which libfaketime passes through unchanged."""

from __future__ import annotations

import math
import select
import time


def _sleep(seconds: float) -> None:
    if math.isnan(seconds) or seconds < 0:
        raise ValueError("sleep length must be non-negative")
    deadline = time.monotonic() + seconds
    while True:  # select may return early on a signal (its handler has run)
        left = deadline - time.monotonic()
        if left <= 0:
            return
        select.select([], [], [], left)


time.sleep = _sleep
