"""Quiet while focusing, on a real desktop notification daemon (dunst under
Xvfb): banners are held during a session and given back after it, and after
a crash on the next start."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.tray import Fokus
from tests.helpers.x11 import X11Session, wait_for

pytestmark = pytest.mark.x11


def paused(x11: X11Session) -> bool:
    return subprocess.run(["dunstctl", "is-paused"], env=x11.env, capture_output=True,
                          text=True).stdout.strip() == "true"


@pytest.fixture
def fokus(x11: X11Session, tmp_path: Path) -> Iterator[Fokus]:
    f = Fokus(x11, tmp_path / "data")
    assert f.cli("project", "add", "SIASN").returncode == 0
    try:
        yield f
    finally:
        f.stop_tray()
        subprocess.run(["dunstctl", "set-paused", "false"], env=x11.env, check=False)


def test_banners_are_held_while_focusing_and_given_back(fokus: Fokus, x11: X11Session) -> None:
    assert not paused(x11)
    fokus.start_tray()
    fokus.icon()
    fokus.ready()
    assert fokus.cli("start", "-p", "SIASN", "-m", "25").returncode == 0
    wait_for(lambda: paused(x11), what="dunst to be paused")
    assert fokus.cli("pause").returncode == 0
    wait_for(lambda: not paused(x11), what="banners back while paused")
    assert fokus.cli("resume").returncode == 0
    wait_for(lambda: paused(x11), what="dunst paused again")
    assert fokus.cli("stop").returncode == 0
    wait_for(lambda: not paused(x11), what="banners back after the session")

    # Turned off: the desktop is left as it is.
    assert fokus.cli("config", "set", "do_not_disturb", "off").returncode == 0
    assert fokus.cli("start", "-p", "SIASN").returncode == 0
    assert fokus.status()["state"] == "focusing"
    assert not paused(x11)


def test_a_crash_gives_the_banners_back_on_the_next_start(fokus: Fokus,
                                                         x11: X11Session) -> None:
    proc = fokus.start_tray()
    fokus.icon()
    fokus.ready()
    assert fokus.cli("start", "-p", "SIASN").returncode == 0
    wait_for(lambda: paused(x11), what="dunst to be paused")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    wait_for(lambda: not x11.tray_icons(), what="the killed icon to go")
    assert paused(x11)  # nobody gave them back yet
    fokus.start_tray()
    fokus.icon()
    fokus.ready()
    wait_for(lambda: not paused(x11), what="banners given back after the crash")
