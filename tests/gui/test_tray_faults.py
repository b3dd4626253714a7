"""The tray under faults: a command that breaks inside it answers the command
line at once and leaves it running; a write that fails shows on the icon and
keeps the session in memory until writing works again."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.clock import FakeClock
from app.errors import ErrorCode, FokusError
from app.platform.instance import send
from app.platform.paths import Paths
from ui.shell.controller import FokusController


@pytest.fixture
def controller(qtbot: QtBot, paths: Paths, clock: FakeClock) -> Iterator[FokusController]:
    c = FokusController(paths, clock=clock, owner="tray", heartbeat_seconds=3600)
    assert c.load()
    yield c
    c.close()


def _in_thread(qtbot: QtBot, call: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}

    def run() -> None:
        try:
            out["result"] = call()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            out["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    qtbot.waitUntil(lambda: bool(out), timeout=10_000)
    thread.join()
    return out


def test_a_fault_in_the_tray_goes_back_to_the_command_line_and_the_tray_serves_on(
        controller: FokusController, paths: Paths, qtbot: QtBot,
        caplog: pytest.LogCaptureFixture) -> None:
    from ui.shell.ipc import InstanceServer

    controller.service.add_project("SIASN")

    def handler(command: str, args: dict[str, Any]) -> dict[str, Any]:
        if command == "interrupt":
            raise RuntimeError("a bug in the tray")
        return controller.execute(command, args)

    server = InstanceServer(str(paths.socket), handler)
    try:
        broken = _in_thread(qtbot, lambda: send(paths.socket, "interrupt", {}))
        err = broken["error"]
        assert isinstance(err, FokusError) and err.code is ErrorCode.INSTANCE_FAILED
        assert err.params["command"] == "interrupt"
        assert "RuntimeError: a bug in the tray" in err.params["reason"]
        assert "a bug in the tray" in caplog.text  # the trace stays in the tray's log
        after = _in_thread(qtbot, lambda: send(paths.socket, "status", {}))
        assert after["result"]["state"] == "idle"
    finally:
        server.close()


def test_the_command_line_prints_a_tray_fault_as_one_line() -> None:
    from app.cli.main import error_text

    text = error_text(FokusError(ErrorCode.INSTANCE_FAILED, command="interrupt",
                                 reason="RuntimeError: boom"))
    assert "\n" not in text and "interrupt" in text and "still running" in text
