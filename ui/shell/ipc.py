"""The tray's end of the instance socket: commands from ``fokus …`` run in the
GUI thread against the same controller the tray uses, so the tray shows their
effect at once.

Only the commands the registry declares as running in the tray (app/cli/commands)
and the tray's own ones (``TRAY_COMMANDS``) are accepted; any other name is
refused here, before it reaches the controller. A connection from a process of
another user is closed unanswered (the socket's folder is private already; this
is the second lock on the same door).

A command whose work is long (a calendar import) comes back from the handler as
a ``Pending``: its work runs in a worker thread, the event loop goes on, and the
one reply line is written when the work is done."""

from __future__ import annotations

import json
import logging
import os
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from app.errors import ErrorCode, FokusError
from app.platform.instance import encode, listen_address, peer_uid, prepare_listen, uses_pipes

log = logging.getLogger(__name__)
MAX_REQUEST = 1 << 20
# Answered by the tray app itself rather than a declared command.
TRAY_COMMANDS = frozenset({"show"})



class Pending:
    """A command's answer still being made: ``resolve`` or ``fail`` it (on the GUI
    thread) and whoever waits with ``then`` hears it, once."""

    def __init__(self) -> None:
        self._outcome: dict[str, Any] | BaseException | None = None
        self._waiting: Callable[[dict[str, Any] | BaseException], None] | None = None

    def then(self, done: Callable[[dict[str, Any] | BaseException], None]) -> None:
        if self._outcome is not None:
            done(self._outcome)
        else:
            self._waiting = done

    def resolve(self, result: dict[str, Any]) -> None:
        self._settle(result)

    def fail(self, error: BaseException) -> None:
        self._settle(error)

    def _settle(self, outcome: dict[str, Any] | BaseException) -> None:
        if self._outcome is not None:
            return
        self._outcome = outcome
        done, self._waiting = self._waiting, None
        if done is not None:
            done(outcome)


Handler = Callable[[str, dict[str, Any]], "dict[str, Any] | Pending"]


def accepted(command: str) -> bool:
    """May ``command`` come in over the socket?"""
    from app.cli.commands import REGISTRY

    return command in TRAY_COMMANDS or REGISTRY.runs_remotely(command)


class InstanceServer(QObject):
    def __init__(self, path: str, handler: Handler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handler = handler
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # We hold the instance lock, so a socket of ours left here is stale;
        # anything else in its place is refused, not removed. On Windows the
        # address is a named pipe, with no file to prepare.
        if not uses_pipes():
            try:
                prepare_listen(Path(path))
            except FokusError as err:
                raise OSError(f"{err.code.value}: {err.params}") from err
        self.address = listen_address(Path(path))
        if not self._server.listen(self.address):
            raise OSError(self._server.errorString())
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            sock = self._server.nextPendingConnection()
            if not _same_user(int(sock.socketDescriptor())):
                log.warning("refused a connection from another user on the instance socket")
                sock.abort()
                sock.deleteLater()
                continue
            self._buffers[sock] = b""
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(lambda s=sock: self._drop(s))

    def _drop(self, sock: QLocalSocket) -> None:
        self._buffers.pop(sock, None)
        sock.deleteLater()

    def _read(self, sock: QLocalSocket) -> None:
        data = self._buffers.get(sock, b"") + bytes(sock.readAll().data())
        if len(data) > MAX_REQUEST:
            self._reply(sock, {"ok": False, "error": FokusError(
                ErrorCode.INVALID_VALUE, field="request", value="too large").to_json()})
            return
        if b"\n" not in data:
            self._buffers[sock] = data
            return
        line = data.split(b"\n", 1)[0]
        self._buffers[sock] = b""
        try:
            request = json.loads(line)
            command = str(request["command"])
            if not accepted(command):
                raise FokusError(ErrorCode.INVALID_VALUE, field="command", value=command)
            args = dict(request.get("args") or {})
        except FokusError as err:
            self._reply(sock, {"ok": False, "error": err.to_json()})
            return
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("bad request on the instance socket: %s", type(exc).__name__)
            self._reply(sock, {"ok": False, "error": FokusError(
                ErrorCode.INVALID_VALUE, field="request", value=type(exc).__name__).to_json()})
            return
        outcome: dict[str, Any] | Pending | BaseException
        try:
            outcome = self._handler(command, args)
        except Exception as exc:  # the tray stays up; the command line hears why
            outcome = exc
        if isinstance(outcome, Pending):
            outcome.then(lambda done: self._answer(sock, request, command, done))
        else:
            self._answer(sock, request, command, outcome)

    def _answer(self, sock: QLocalSocket, request: dict[str, Any], command: str,
                outcome: dict[str, Any] | BaseException) -> None:
        if sock not in self._buffers:
            # The command line went away while the work ran (Ctrl+C): the work is
            # done all the same, and nobody is left to tell.
            log.info("the command line left before %r was done", command)
            return
        try:
            if isinstance(outcome, BaseException):
                raise outcome
            reply: dict[str, Any] = {"ok": True, "result": outcome}
            if request.get("render") in ("text", "json") and command not in TRAY_COMMANDS \
                    and not os.environ.get("FOKUS_LANG"):
                # The fast command line (app/cli/client.py) prints these words as they
                # are; a tray told its own language leaves the words to the command line.
                from app.cli.main import render

                reply["text"] = render(command, outcome, request["render"] == "json")
        except FokusError as err:
            reply = {"ok": False, "error": err.to_json()}
        except Exception as exc:  # the tray stays up; the command line hears why
            reply = _failure(command, exc)
        self._reply(sock, reply)

    def _reply(self, sock: QLocalSocket, reply: dict[str, Any]) -> None:
        sock.write(encode(reply))
        sock.flush()
        sock.disconnectFromServer()


def _failure(command: str, exc: BaseException) -> dict[str, Any]:
    """A fault inside the tray while it served ``command``: logged with its
    trace here, told at once to the command line as one line."""
    log.error("the command %r failed in the tray", command, exc_info=exc)
    reason = f"{type(exc).__name__}: {exc}"[:300]
    return {"ok": False, "error": FokusError(
        ErrorCode.INSTANCE_FAILED, command=command, reason=reason).to_json()}


def _same_user(descriptor: int) -> bool:
    if descriptor < 0 or not hasattr(os, "getuid") or uses_pipes():
        return True  # no descriptor to ask (not a Unix socket): the folder guards it
    with socket.socket(fileno=os.dup(descriptor)) as sock:
        uid = peer_uid(sock)
    return uid is None or uid == os.getuid()
