"""Where Fokus keeps its files. The one place that decides; everything else asks here.

Order: an explicit ``--data-dir``, then ``FOKUS_DATA_DIR``, then the platform's
user data directory (platformdirs).

This module is on the path to the tray icon, so it imports only what it needs
to answer ``resolve()``; the rest is imported where it is used."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "FOKUS_DATA_DIR"
# A Unix socket path must fit in sun_path (108 bytes on Linux, 104 on macOS).
_MAX_SOCKET_PATH = 100


class Paths:
    __slots__ = ("data_dir",)

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir

    def __repr__(self) -> str:
        return f"Paths(data_dir={self.data_dir!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Paths) and other.data_dir == self.data_dir

    def __hash__(self) -> int:
        return hash(self.data_dir)

    @property
    def database(self) -> Path:
        return self.data_dir / "fokus.sqlite3"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "fokus.lock"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def socket(self) -> Path:
        """The command socket: in the data directory when that is the user's own
        and the path fits, else in a runtime directory only the user can write
        to. Never a name in a shared directory that someone else could take."""
        candidate = self.data_dir / "fokus.sock"
        if len(str(candidate)) <= _MAX_SOCKET_PATH and _private_or_absent(self.data_dir):
            return candidate
        import hashlib

        digest = hashlib.sha256(str(self.data_dir).encode()).hexdigest()[:16]
        return runtime_dir() / f"fokus-{digest}.sock"

    def ensure(self) -> Paths:
        """Create the data directory (owner-only) or say clearly why it cannot be."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            self.log_dir.mkdir(exist_ok=True, mode=0o700)
            writable = os.access(self.data_dir, os.W_OK)
            reason: object = "not writable"
        except OSError as exc:
            writable, reason = False, exc.strerror or exc
        if not writable:
            from app.errors import ErrorCode, FokusError

            raise FokusError(ErrorCode.DATA_DIR_UNUSABLE, path=self.data_dir, reason=reason)
        return self


def _uid() -> int | None:
    getuid = getattr(os, "getuid", None)
    return getuid() if getuid else None


def is_private_dir(path: Path) -> bool:
    """A real directory (not a symlink) owned by this user that nobody else can write to."""
    import stat

    try:
        st = path.lstat()
    except OSError:
        return False
    uid = _uid()
    if uid is None:  # no owners to compare on this platform
        return stat.S_ISDIR(st.st_mode)
    return stat.S_ISDIR(st.st_mode) and st.st_uid == uid and not st.st_mode & 0o022


def _private_or_absent(path: Path) -> bool:
    # A data directory that does not exist yet is created owner-only by ensure().
    return not os.path.lexists(path) or is_private_dir(path)


def runtime_dir() -> Path:
    """The user's own directory for sockets: ``$XDG_RUNTIME_DIR`` when it is
    private, else ``fokus-<uid>`` under the temporary directory, which
    instance.private_socket_dir() creates 0700 and checks before any use."""
    xdg = os.environ.get("XDG_RUNTIME_DIR")
    if xdg and os.path.isabs(xdg) and len(xdg) <= _MAX_SOCKET_PATH - 30 \
            and is_private_dir(Path(xdg)):
        return Path(xdg)
    import tempfile

    base = tempfile.gettempdir()
    if len(base) > _MAX_SOCKET_PATH - 40:
        base = "/tmp"
    return Path(base) / f"fokus-{_uid() if _uid() is not None else 0}"


def resolve(data_dir: str | os.PathLike[str] | None = None) -> Paths:
    if data_dir:
        return Paths(Path(data_dir).expanduser().resolve())
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Paths(Path(env).expanduser().resolve())
    from platformdirs import user_data_dir

    return Paths(Path(user_data_dir("fokus", appauthor=False)))
