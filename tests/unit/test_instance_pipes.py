"""The command channel on Windows, as far as Linux can check it: the named
pipe's address (one per user and data directory), the command line's pipe
client speaking the same one-line JSON protocol as over the Unix socket, and
its answers to a missing or busy pipe. The tray's side (QLocalServer) is the
same code on both; tests/gui/test_tray_faults.py drives it with this client."""

from __future__ import annotations

import json
import re
import socket
import threading
from pathlib import Path
from typing import IO, Any

import pytest

from app.errors import ErrorCode, FokusError
from app.platform import instance
from app.platform.instance import listen_address, pipe_name, pipe_path, send_pipe

DATA = Path("C:/Users/Dewi/AppData/Local/Fokus/fokus.sock")


def test_a_pipe_is_named_per_user_and_data_directory() -> None:
    name = pipe_name(DATA, "Dewi")
    assert re.fullmatch(r"fokus-dewi-[0-9a-f]{16}", name)
    assert pipe_name(DATA, "Dewi") == name  # the tray and the command line agree
    assert pipe_name(Path(str(DATA).upper()), "dewi") == name  # Windows ignores case
    assert pipe_name(DATA, "Budi") != name
    assert pipe_name(DATA.with_name("other.sock"), "Dewi") != name
    assert re.fullmatch(r"fokus-a_b_c-[0-9a-f]{16}", pipe_name(DATA, "a b\\c"))
    assert len(pipe_name(DATA, "x" * 300)) < 256


def test_the_tray_listens_on_the_socket_path_or_the_pipe() -> None:
    assert listen_address(DATA, platform="linux") == str(DATA)
    assert listen_address(DATA, platform="darwin") == str(DATA)
    assert listen_address(DATA, platform="win32", user="Dewi") == pipe_name(DATA, "Dewi")
    assert pipe_path(DATA, "Dewi") == "\\\\.\\pipe\\" + pipe_name(DATA, "Dewi")


class FakeTray:
    """The far end of a duplex stream: reads one request line, answers one line."""

    def __init__(self, answer: dict[str, Any]) -> None:
        self.ours, theirs = socket.socketpair()
        self.stream: IO[bytes] = theirs.makefile("rwb", buffering=0)
        self._theirs = theirs
        self.answer = answer
        self.received: dict[str, Any] = {}
        self.thread = threading.Thread(target=self._serve)
        self.thread.start()

    def _serve(self) -> None:
        with self.ours, self.ours.makefile("rwb", buffering=0) as f:
            self.received = json.loads(f.readline())
            f.write((json.dumps(self.answer) + "\n").encode())

    def open(self, name: str) -> IO[bytes]:
        self.opened = name
        return self.stream

    def close(self) -> None:
        self.thread.join(5)
        self._theirs.close()


def test_the_pipe_client_speaks_the_socket_protocol(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("getpass.getuser", lambda: "Dewi")
    tray = FakeTray({"ok": True, "result": {"state": "focusing", "project": "SIASN"}})
    try:
        result = send_pipe(DATA, "start", {"project": "SIASN"}, opener=tray.open)
    finally:
        tray.close()
    assert result == {"state": "focusing", "project": "SIASN"}
    assert tray.received == {"command": "start", "args": {"project": "SIASN"}}
    assert tray.opened == pipe_path(DATA, "Dewi")


def test_the_pipe_client_raises_the_trays_error() -> None:
    error = FokusError(ErrorCode.UNKNOWN_PROJECT, project="nope").to_json()
    tray = FakeTray({"ok": False, "error": error})
    try:
        with pytest.raises(FokusError) as raised:
            send_pipe(DATA, "start", {"project": "nope"}, opener=tray.open)
    finally:
        tray.close()
    assert raised.value.code is ErrorCode.UNKNOWN_PROJECT


def test_no_pipe_means_no_tray_and_a_busy_one_is_waited_for() -> None:
    def missing(_name: str) -> IO[bytes]:
        raise FileNotFoundError(2, "The system cannot find the file specified")

    with pytest.raises(ConnectionError):
        send_pipe(DATA, "status", opener=missing)

    tray = FakeTray({"ok": True, "result": {"state": "idle"}})
    tries: list[str] = []

    def busy_once(name: str) -> IO[bytes]:
        tries.append(name)
        if len(tries) == 1:
            raise OSError(231, "All pipe instances are busy")
        return tray.open(name)

    try:
        assert send_pipe(DATA, "status", opener=busy_once) == {"state": "idle"}
    finally:
        tray.close()
    assert len(tries) == 2


def test_a_pipe_that_never_answers_is_told_not_waited_on_forever(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(instance, "REPLY_TIMEOUT", 0.3)
    ours, theirs = socket.socketpair()
    try:
        with pytest.raises(FokusError) as raised:
            send_pipe(DATA, "status", opener=lambda _n: theirs.makefile("rwb", buffering=0))
        assert raised.value.code is ErrorCode.INSTANCE_UNREACHABLE
    finally:
        ours.close()
        theirs.close()


def test_on_windows_send_takes_the_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Path, str]] = []
    monkeypatch.setattr(instance.sys, "platform", "win32")
    monkeypatch.setattr(instance, "send_pipe",
                        lambda path, command, args=None, **_: calls.append((path, command)) or {})
    assert instance.send(DATA, "status") == {}
    assert calls == [(DATA, "status")]
