"""The deep-work notification's action, for real: the tray starts inside a
deep-work window with a block planned now, dunst shows the notification with
its action, and invoking the action (``dunstctl action``, as a click does)
starts the planned session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.deep_window import ZONE, block_args, open_deep_window_now
from tests.helpers.tray import Fokus
from tests.helpers.x11 import X11Session, wait_for

pytestmark = pytest.mark.x11


@pytest.fixture
def fokus(x11: X11Session, tmp_path: Path) -> Iterator[Fokus]:
    f = Fokus(x11, tmp_path / "data", TZ=ZONE, FOKUS_LANG="en")
    assert f.cli("project", "add", "SIASN").returncode == 0
    added = f.cli("batch", "add", "-p", "SIASN", "-t", "Fix rank promotion bug")
    assert added.returncode == 0, added.stderr
    yield f
    f.stop_tray()


def _shown(x11: X11Session) -> int:
    return int(x11.run("dunstctl", "count", "displayed").strip() or 0)


def test_the_deep_work_notification_starts_the_planned_session(
        fokus: Fokus, x11: X11Session) -> None:
    now = open_deep_window_now(fokus.data_dir)
    block = fokus.cli(*block_args(now))
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
