"""The command line under faults, in-process: a crash is told once, whoever
tells it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.cli.main import main
from app.clock import FakeClock
from app.focus.engine import FocusEngine
from app.platform.paths import Paths
from app.service import FokusService
from app.store.engine import Store


def test_a_crash_is_told_once_by_the_command_line_and_not_again_by_the_tray(
        paths: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    store = Store(paths.database)
    clock = FakeClock(datetime.now(UTC) - timedelta(hours=2))
    svc = FokusService(store, clock, owner="tray-that-died")
    svc.add_project("SIASN")
    svc.start("SIASN", None, 50)
    store.close()

    assert main(["status"]) == 0
    first = capsys.readouterr().err
    assert first.count("Fokus had ended unexpectedly") == 1 and "SIASN" in first
    assert main(["status"]) == 0
    assert "ended unexpectedly" not in capsys.readouterr().err
    # The tray's next start finds nothing left to tell.
    store = Store(paths.database)
    try:
        tray = FocusEngine(store, FakeClock(), owner="tray-next")
        assert tray.recover() == [] and tray.pending_recovery_notices() == []
    finally:
        store.close()
