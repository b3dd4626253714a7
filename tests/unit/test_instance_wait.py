"""A long command (a calendar import the tray parses in a worker) is waited for:
the command line says once, after a second, that it waits, and takes the answer
when it comes; a short command keeps the short timeout."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import client
from app.platform import instance

ANSWER = {"ok": True, "result": {"file": "/x.ics", "meetings": 3, "in_deep_windows": 0},
          "text": "Imported 3 meetings"}


@pytest.fixture
def slow_tray(tmp_path: Path) -> Iterator[tuple[Path, threading.Event]]:
    """A socket that answers one request once it is told to (``answer.set()``)."""
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    path = data / "fokus.sock"
    answer = threading.Event()
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen()

    def serve() -> None:
        conn, _ = server.accept()
        with conn, contextlib.suppress(OSError):  # a command line that gave up is gone
            conn.recv(65536)
            answer.wait(30)
            conn.sendall((json.dumps(ANSWER) + "\n").encode())

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield path, answer
    answer.set()
    thread.join(5)
    server.close()


def _patience(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    monkeypatch.setattr(instance, "PATIENCE", seconds)
    monkeypatch.setattr(client, "PATIENCE", seconds)


def test_the_full_command_line_says_it_waits_once_then_takes_the_answer(
        slow_tray: tuple[Path, threading.Event], monkeypatch: pytest.MonkeyPatch) -> None:
    path, answer = slow_tray
    _patience(monkeypatch, 0.1)
    told: list[int] = []

    def waiting() -> None:
        told.append(1)
        if len(told) == 1:
            answer.set()  # the tray is done after the command line said it waits

    result = instance.send(path, "import-ics", {"file": "/x.ics"}, on_wait=waiting)
    assert result == ANSWER["result"] and told == [1]


def test_the_fast_command_line_says_it_waits_once_then_takes_the_answer(
        slow_tray: tuple[Path, threading.Event], monkeypatch: pytest.MonkeyPatch) -> None:
    path, answer = slow_tray
    _patience(monkeypatch, 0.1)
    told: list[int] = []

    def waiting() -> None:
        told.append(1)
        answer.set()

    request = b'{"command": "import-ics", "args": {"file": "/x.ics"}, "render": "text"}\n'
    assert client._send(str(path), request, "import-ics", waiting) == ANSWER
    assert told == [1]


def test_a_short_command_neither_waits_long_nor_says_so(
        slow_tray: tuple[Path, threading.Event], monkeypatch: pytest.MonkeyPatch) -> None:
    from app.errors import ErrorCode, FokusError

    path, _answer = slow_tray
    _patience(monkeypatch, 0.05)
    monkeypatch.setattr(instance, "REPLY_TIMEOUT", 0.3)
    told: list[int] = []
    with pytest.raises(FokusError) as err:
        instance.send(path, "status", {}, on_wait=lambda: told.append(1))
    assert err.value.code is ErrorCode.INSTANCE_UNREACHABLE
    assert told == [1]  # told it waits; the short timeout still ends the wait
    assert instance.reply_timeout("status") == instance.REPLY_TIMEOUT
    assert instance.reply_timeout("import-ics") >= 300


def test_the_fast_path_knows_the_same_long_commands_and_waits() -> None:
    assert client.LONG_COMMANDS == instance.LONG_COMMANDS
    assert client.LONG_REPLY_TIMEOUT == instance.LONG_REPLY_TIMEOUT
    assert client.PATIENCE == instance.PATIENCE


def test_the_waiting_words_are_the_commands_own(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli.main import waiting
    from app.platform.paths import Paths

    paths = Paths(tmp_path / "data").ensure()
    assert waiting(paths, "status") is None
    say = waiting(paths, "import-ics")
    assert say is not None
    say()
    out = capsys.readouterr()
    assert out.err == "Importing calendar…\n" and out.out == ""
