"""One Fokus per data directory: a lock file says who runs, a local socket
carries commands to it.

Protocol: one JSON object per line each way, the same over a Unix socket
and, on Windows, over a named pipe (``pipe_name``: one per user and data
directory; QLocalServer serves both, the command line opens the pipe as a file).
Request ``{"command": "start", "args": {...}}``; answer ``{"ok": true,
"result": {...}}`` or ``{"ok": false, "error": {"code": ..., "params": ...}}``.
The socket lives in a directory only its owner can write to (the data
directory, or the user's runtime directory when that path is too long); the
command line checks that the socket file is a socket of the user's own and, on
Linux, that the process listening on it runs as the same user (``SO_PEERCRED``)
before it sends a word. Anything else in the socket's place is refused, never
followed or removed."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import stat
import struct
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from app.errors import ErrorCode, FokusError
from app.i18n import N_
from app.platform.paths import Paths, is_private_dir

CONNECT_TIMEOUT = 2.0
REPLY_TIMEOUT = 15.0
# Commands whose work the tray does in a worker thread (a calendar of 10 MB takes
# many seconds to read): the command line waits this long for them, and says
# that it waits (``on_wait``) once PATIENCE has passed without an answer.
LONG_COMMANDS = frozenset({"import-ics"})
LONG_REPLY_TIMEOUT = 600.0
PATIENCE = 1.0


def reply_timeout(command: str) -> float:
    """How long the command line waits for the tray's answer to ``command``."""
    return LONG_REPLY_TIMEOUT if command in LONG_COMMANDS else REPLY_TIMEOUT


class InstanceLock:
    """An advisory lock held for the life of the process; the OS drops it when
    the process dies, even by kill -9, so a stale lock cannot block a start."""

    def __init__(self, path: Path, role: str = "tray") -> None:
        self.path = path
        self.role = role  # "tray" or "cli": who holds it, for those who wait
        self.read_only = False  # held without a file: the folder cannot be written
        self._fh: IO[str] | None = None

    def acquire(self) -> bool:
        try:
            fh = open(self.path, "a+")  # noqa: SIM115 - held open for the lock's life
        except OSError:
            if os.access(self.path.parent, os.W_OK):
                raise
            # A folder the user made read-only: no lock file can be made, and
            # none is needed, since nobody can write anything there.
            self.read_only = True
            return True
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
        fh.write(f"{os.getpid()} {self.role}\n")
        fh.flush()
        self._fh = fh
        return True

    def holder_role(self) -> str | None:
        """Who holds the lock now, as its holder wrote it: "tray", "cli", or
        None while unknown (nobody, or a holder still writing its line)."""
        try:
            words = self.path.read_text().split()
        except OSError:
            return None
        return words[1] if len(words) == 2 else None

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


def ensure_usable(paths: Paths) -> None:
    """The data directory ready for a Fokus; one the user made read-only is
    still used to read when it holds a database (every write then says why
    it fails, and the instance lock is held without a file)."""
    try:
        paths.ensure()
    except FokusError as err:
        if err.code is not ErrorCode.DATA_DIR_UNUSABLE or \
                not os.access(paths.database, os.R_OK) or not paths.database.is_file():
            raise


def _foreign(path: Path, reason: str) -> FokusError:
    return FokusError(ErrorCode.INSTANCE_SOCKET_FOREIGN, path=path, reason=reason)


def private_socket_dir(socket_path: Path, create: bool = False) -> bool:
    """Is the socket's directory the user's own and closed to others? The
    tray creates it (0700) when missing; a directory someone else made or can
    write to is refused. False when it does not exist (and may not be made)."""
    folder = socket_path.parent
    if not os.path.lexists(folder):
        if not create:
            return False
        # One made just now by someone else is checked below like any other.
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=0o700)
    if not is_private_dir(folder):
        raise _foreign(folder, N_("the folder is not the user's own or others can write to it"))
    return True


def check_socket(path: Path) -> bool:
    """True when ``path`` is a socket of this user's, False when nothing is
    there; anything else in its place is refused without being touched."""
    try:
        st = path.lstat()
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(st.st_mode):
        raise _foreign(path, N_("it is a symbolic link"))
    if not stat.S_ISSOCK(st.st_mode):
        raise _foreign(path, N_("it is not a socket"))
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        raise _foreign(path, N_("it belongs to another user"))
    return True


def peer_uid(sock: socket.socket) -> int | None:
    """The user id of the process at the other end (Linux), None where the
    system does not say."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return None
    size = struct.calcsize("3i")
    _pid, uid, _gid = struct.unpack("3i", sock.getsockopt(socket.SOL_SOCKET, option, size))
    return int(uid)


def prepare_listen(path: Path) -> None:
    """Make ready for the tray to listen on ``path``: its directory private, a
    stale socket of our own removed (the caller holds the instance lock)."""
    private_socket_dir(path, create=True)
    if check_socket(path):
        path.unlink()


def encode(message: dict[str, Any]) -> bytes:
    return (json.dumps(message, ensure_ascii=False) + "\n").encode()


# -- the address: a Unix socket, or a named pipe on Windows --------------------------

PIPE_PREFIX = "\\\\.\\pipe\\"


def uses_pipes(platform: str | None = None) -> bool:
    """Windows has no Unix sockets for this: a named pipe carries the commands."""
    return (platform or sys.platform) == "win32"


def pipe_name(socket_path: Path, user: str | None = None) -> str:
    """The named pipe that stands for ``socket_path`` on Windows: one per user
    and data directory (Windows paths ignore case, so the name does too). The
    pipe's access list admits only its owner (QLocalServer's UserAccessOption)."""
    import getpass
    import hashlib

    who = user if user is not None else getpass.getuser()
    digest = hashlib.sha256(str(socket_path).lower().encode()).hexdigest()[:16]
    safe_user = "".join(c if c.isalnum() else "_" for c in who.lower())[:32] or "user"
    return f"fokus-{safe_user}-{digest}"


def listen_address(socket_path: Path, platform: str | None = None,
                   user: str | None = None) -> str:
    """What the tray's QLocalServer listens on: the socket's path, or on
    Windows the pipe's name (Qt puts the pipe prefix before it itself)."""
    if uses_pipes(platform):
        return pipe_name(socket_path, user)
    return str(socket_path)


def pipe_path(socket_path: Path, user: str | None = None) -> str:
    """The pipe as a file name the command line opens."""
    return PIPE_PREFIX + pipe_name(socket_path, user)


# -- one exchange, the same over either ----------------------------------------------

def read_reply(recv: Callable[[], bytes], where: Path) -> dict[str, Any]:
    """Read one reply line with ``recv`` (b"" at the end) and give back the
    result, or raise the command's error."""
    buf = b""
    while not buf.endswith(b"\n"):
        try:
            chunk = recv()
        except TimeoutError:
            raise FokusError(ErrorCode.INSTANCE_UNREACHABLE, path=where) from None
        if not chunk:
            raise FokusError(ErrorCode.INSTANCE_UNREACHABLE, path=where)
        buf += chunk
    reply = json.loads(buf)
    if reply.get("ok"):
        result: dict[str, Any] = reply.get("result") or {}
        return result
    raise FokusError.from_json(reply["error"])


def request(command: str, args: dict[str, Any] | None) -> bytes:
    return encode({"command": command, "args": args or {}})


def send(socket_path: Path, command: str, args: dict[str, Any] | None = None,
         on_wait: Callable[[], None] | None = None) -> dict[str, Any]:
    """Send one command to the running Fokus. Raises ConnectionError when no
    Fokus listens there, FokusError for the command's own failures. ``on_wait``
    is called once if the answer takes longer than PATIENCE."""
    if uses_pipes():
        return send_pipe(socket_path, command, args, on_wait=on_wait)
    if not hasattr(socket, "AF_UNIX"):
        raise ConnectionError("no local sockets on this platform")
    if not private_socket_dir(socket_path) or not check_socket(socket_path):
        raise ConnectionError(f"no Fokus listens at {socket_path}")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(CONNECT_TIMEOUT)
        try:
            sock.connect(str(socket_path))
        except (FileNotFoundError, ConnectionRefusedError) as exc:
            raise ConnectionError(str(exc)) from exc
        uid = peer_uid(sock)
        if uid is not None and uid != os.getuid():
            raise _foreign(socket_path, N_("another user's program answers on it"))
        sock.sendall(request(command, args))
        return read_reply(_patient(sock, reply_timeout(command), on_wait), socket_path)


def _patient(sock: socket.socket, seconds: float,
             on_wait: Callable[[], None] | None) -> Callable[[], bytes]:
    """``sock.recv`` that gives up after ``seconds`` in all, calling ``on_wait``
    once when the first PATIENCE has passed in silence."""
    deadline = time.monotonic() + seconds
    told = on_wait is None

    def recv() -> bytes:
        nonlocal told
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            sock.settimeout(left if told else min(left, PATIENCE))
            try:
                return sock.recv(65536)
            except TimeoutError:
                if told:
                    raise
                told = True
                assert on_wait is not None
                on_wait()

    return recv


def send_pipe(socket_path: Path, command: str, args: dict[str, Any] | None = None,
              opener: Callable[[str], IO[bytes]] | None = None,
              on_wait: Callable[[], None] | None = None) -> dict[str, Any]:
    """The same exchange over the tray's named pipe (Windows). ``opener``
    opens the pipe's file name; tests hand in another duplex stream."""
    path = pipe_path(socket_path)
    open_pipe = opener or (lambda name: open(name, "r+b", buffering=0))  # noqa: SIM115
    deadline = time.monotonic() + CONNECT_TIMEOUT
    while True:
        try:
            pipe = open_pipe(path)
            break
        except FileNotFoundError as exc:  # nobody listens
            raise ConnectionError(str(exc)) from exc
        except OSError as exc:  # every instance of the pipe is busy: wait a little
            if time.monotonic() > deadline:
                raise ConnectionError(str(exc)) from exc
            time.sleep(0.05)
    with pipe:
        pipe.write(request(command, args))
        pipe.flush()
        return _with_timeout(lambda: read_reply(lambda: pipe.read(65536) or b"", socket_path),
                             reply_timeout(command), socket_path, on_wait)


def _with_timeout(call: Callable[[], dict[str, Any]], seconds: float,
                  where: Path, on_wait: Callable[[], None] | None = None) -> dict[str, Any]:
    """A pipe's read has no timeout of its own: wait for it in a thread."""
    import threading

    out: dict[str, Any] = {}

    def run() -> None:
        try:
            out["result"] = call()
        except BaseException as exc:  # handed to the caller
            out["error"] = exc

    thread = threading.Thread(target=run, name="fokus-pipe-reply", daemon=True)
    thread.start()
    if on_wait is not None:
        thread.join(min(PATIENCE, seconds))
        if thread.is_alive():
            on_wait()
    thread.join(seconds)
    if "error" in out:
        raise out["error"]
    if "result" not in out:
        raise FokusError(ErrorCode.INSTANCE_UNREACHABLE, path=where)
    result: dict[str, Any] = out["result"]
    return result
