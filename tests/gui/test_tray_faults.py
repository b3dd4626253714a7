"""The tray under faults: a command that breaks inside it answers the command
line at once and leaves it running; a write that fails shows on the icon and
keeps the session in memory until writing works again."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
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


def _app(paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch,
         notices: list[tuple[str, str]]) -> Any:
    from ui.shell.app import FokusApp

    app = FokusApp(paths)
    app._loader.stop()  # the controller and the tray only: no monitors or socket
    monkeypatch.setattr(app, "notify", lambda title, text: notices.append((title, text)))
    app.controller.clock = clock
    app.controller.heartbeat_seconds = 30
    assert app.controller.load()
    return app


def _badge_red(app: Any) -> bool:
    image = app.tray.icon.icon().pixmap(64, 64).toImage()
    colour = image.pixelColor(56, 56)
    return colour.red() > 180 and colour.green() < 90


def test_a_full_disk_marks_the_icon_tells_once_and_saves_the_session_when_space_returns(
        tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.domain import EndReason
    from tests.helpers.mounts import fill, small_disk

    with small_disk(tmp_path / "disk") as disk:
        paths = Paths(disk / "data").ensure()
        notices: list[tuple[str, str]] = []
        app = _app(paths, clock, monkeypatch, notices)
        try:
            c = app.controller
            c.service.add_project("SIASN")
            assert c.start(c.service.projects()[0].id or 0, minutes=50, confirmed=True)
            started = clock.now()
            assert not _badge_red(app)
            filler = fill(disk)

            clock.advance(60)
            c.refresh()  # the heartbeat cannot be saved
            assert c.write_problem is not None and "full" in c.write_problem
            assert "Fokus cannot save" in app.tray.icon.toolTip()
            assert "49 min left" in app.tray.icon.toolTip()  # still counting, in memory
            assert _badge_red(app)
            assert [title for title, _ in notices] == ["Fokus cannot save"]
            clock.advance(60)
            c.refresh()
            assert c.view is not None and c.view.remaining_seconds == 50 * 60 - 120
            assert len(notices) == 1  # told once, not at every heartbeat

            clock.advance(60)
            c.stop()  # while nothing can be saved: kept, and shown as stopped
            assert c.view is None and c.write_problem is not None
            clock.advance(600)
            filler.unlink()
            c.refresh()
            assert c.write_problem is None and not _badge_red(app)
            assert "cannot save" not in app.tray.icon.toolTip()
            last = c.service.last_session()
            assert last is not None and last.end_reason == EndReason.STOPPED
            assert last.ended_at == started + timedelta(seconds=180)
            assert last.focused_seconds == 180  # nothing lost, nothing invented
        finally:
            app.controller.close()
            app.dispose()


def test_a_read_only_database_opens_for_reading_with_the_icon_marked(
        paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.service import FokusService
    from app.store.engine import Store
    from tests.helpers.mounts import read_only

    store = Store(paths.database)
    FokusService(store, clock).add_project("SIASN")
    store.close()
    with read_only(paths.database):
        notices: list[tuple[str, str]] = []
        app = _app(paths, clock, monkeypatch, notices)
        try:
            c = app.controller
            assert [p.name for p in c.service.projects()] == ["SIASN"]
            assert c.write_problem is not None and "read-only" in c.write_problem
            app.tray.update_state()
            assert _badge_red(app) and "read-only" in app.tray.icon.toolTip()
            assert [title for title, _ in notices] == ["Fokus cannot save"]
            assert not c.start(c.service.projects()[0].id or 0, minutes=50, confirmed=True)
            assert len(notices) == 1
        finally:
            app.controller.close()
            app.dispose()


def test_the_pipe_client_of_windows_is_served_by_the_trays_own_server(
        controller: FokusController, paths: Paths, qtbot: QtBot) -> None:
    """QLocalServer serves a named pipe on Windows and a Unix socket here with
    the same code: the command line's pipe client, handed this socket as its
    stream, runs a command in the tray."""
    import socket

    from app.platform.instance import send_pipe
    from ui.shell.ipc import InstanceServer

    controller.service.add_project("SIASN")
    server = InstanceServer(str(paths.socket), controller.execute)

    def as_pipe(_name: str) -> Any:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.connect(str(paths.socket))
        stream = sock.makefile("rwb", buffering=0)
        sock.close()  # the stream keeps the connection
        return stream

    try:
        out = _in_thread(qtbot, lambda: send_pipe(paths.socket, "start",
                                                  {"project": "siasn", "minutes": 25},
                                                  opener=as_pipe))
        assert out["result"]["state"] == "focusing"
        assert controller.view is not None and controller.view.project == "SIASN"
    finally:
        server.close()
