"""One Fokus per data directory: a lock file says who runs, a local socket
carries commands to it.

Protocol: one JSON object per line each way.
Request ``{"command": "start", "args": {...}}``; answer ``{"ok": true,
"result": {...}}`` or ``{"ok": false, "error": {"code": ..., "params": ...}}``.
The socket lives in the owner-only data directory, so only its owner can talk
to the running Fokus."""

from __future__ import annotations

import json
import os
import socket
import sys
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from app.errors import ErrorCode, FokusError

CONNECT_TIMEOUT = 2.0
REPLY_TIMEOUT = 15.0


class InstanceLock:
    """An advisory lock held for the life of the process; the OS drops it when
    the process dies, even by kill -9, so a stale lock cannot block a start."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: IO[str] | None = None

    def acquire(self) -> bool:
        fh = open(self.path, "a+")  # noqa: SIM115 - held open for the lock's life
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            return False
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()}\n")
        fh.flush()
        self._fh = fh
        return True

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    @property
    def held(self) -> bool:
        return self._fh is not None

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def encode(message: dict[str, Any]) -> bytes:
    return (json.dumps(message, ensure_ascii=False) + "\n").encode()


def send(socket_path: Path, command: str, args: dict[str, Any] | None = None) -> dict[str, Any]:
    """Send one command to the running Fokus. Raises ConnectionError when no
    Fokus listens there, FokusError for the command's own failures."""
    if not hasattr(socket, "AF_UNIX"):
        raise ConnectionError("no local sockets on this platform")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(CONNECT_TIMEOUT)
        try:
            sock.connect(str(socket_path))
        except (FileNotFoundError, ConnectionRefusedError) as exc:
            raise ConnectionError(str(exc)) from exc
        sock.settimeout(REPLY_TIMEOUT)
        sock.sendall(encode({"command": command, "args": args or {}}))
        buf = b""
        while not buf.endswith(b"\n"):
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                raise FokusError(ErrorCode.INSTANCE_UNREACHABLE, path=socket_path) from None
            if not chunk:
                raise FokusError(ErrorCode.INSTANCE_UNREACHABLE, path=socket_path)
            buf += chunk
    reply = json.loads(buf)
    if reply.get("ok"):
        result: dict[str, Any] = reply.get("result") or {}
        return result
    raise FokusError.from_json(reply["error"])
