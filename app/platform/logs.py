"""Logging to a rotating file in the data directory. Log lines carry states,
ids and codes; never key presses, window titles or note texts.

The log is a help, never a cause of failure: a log that cannot be written (a
full disk, a read-only folder) is skipped quietly, with no "Logging error"
traceback on the terminal; the command itself says what went wrong."""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import logging.handlers
import os
import signal
import stat
from typing import IO

from app.platform.paths import Paths

_configured: set[str] = set()
_faults: list[IO[str]] = []  # kept open for the life of the process
FAULTS = "faults.log"
FAULTS_MAX_BYTES = 1_000_000
FAULTS_KEEP_BYTES = 256_000


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log that drops a line it cannot write instead of printing
    a traceback to stderr."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        self.failures = getattr(self, "failures", 0) + 1


def _open_owner_only(target: str) -> int | None:
    """``target`` opened for appending, created owner-only if it is missing;
    None when something other than a regular file is in its place (a link or
    a device). Windows has neither O_NOFOLLOW nor fchmod: the folder's own
    permissions (the user's profile) keep the file there."""
    flags = os.O_RDWR | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(target, flags, 0o600)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            return None
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)
    except OSError:
        os.close(fd)
        raise
    return fd


def _owner_only(target: str) -> bool:
    fd = _open_owner_only(target)
    if fd is None:
        return False
    os.close(fd)
    return True


def record_faults(paths: Paths) -> None:
    """Where a crash of the tray leaves its trace: the Python stack of every
    thread goes to ``faults.log`` beside the log on a fatal signal (a crash in
    Qt or a library), and on POSIX also on SIGUSR1, so that a tray that hangs
    can be asked where it is (``kill -USR1 <pid>``) without ending it. Stacks
    name functions and files, never data."""
    if _faults:
        return
    target = str(paths.log_dir / FAULTS)
    try:
        fd = _open_owner_only(target)
    except OSError:
        return
    if fd is None:
        return
    with contextlib.suppress(OSError):  # a file that cannot be cut is still written
        size = os.fstat(fd).st_size
        if size > FAULTS_MAX_BYTES:  # old stacks: the newest part is kept
            os.lseek(fd, size - FAULTS_KEEP_BYTES, os.SEEK_SET)  # the file checked
            newest = os.read(fd, FAULTS_KEEP_BYTES)
            os.ftruncate(fd, 0)
            os.write(fd, newest)
    try:
        out = os.fdopen(fd, "a", encoding="utf-8")  # the file checked, not its name again
    except OSError:
        os.close(fd)
        return
    _faults.append(out)
    faulthandler.enable(out, all_threads=True)
    usr1 = getattr(signal, "SIGUSR1", None)
    if usr1 is not None:  # not on Windows
        faulthandler.register(usr1, out, all_threads=True)


def setup_logging(paths: Paths, console: bool = False, level: int = logging.INFO) -> None:
    target = str(paths.log_dir / "fokus.log")
    if target in _configured:
        return
    root = logging.getLogger()
    root.setLevel(level)
    handler: logging.Handler
    try:
        # Made owner-only before the first line; a link or a device in its
        # place is not written to.
        if not _owner_only(target):
            raise OSError(f"{target} is not a regular file")
        handler = _QuietFileHandler(target, maxBytes=1_000_000, backupCount=3,
                                    encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s")
    )
    root.addHandler(handler)
    if console:
        stream = logging.StreamHandler()
        stream.setLevel(logging.WARNING)
        stream.setFormatter(logging.Formatter("fokus: %(message)s"))
        root.addHandler(stream)
    _configured.add(target)
