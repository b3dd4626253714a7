"""Logging to a rotating file in the data directory. Log lines carry states,
ids and codes; never key presses, window titles or note texts.

The log is a help, never a cause of failure: a log that cannot be written (a
full disk, a read-only folder) is skipped quietly, with no "Logging error"
traceback on the terminal; the command itself says what went wrong."""

from __future__ import annotations

import logging
import logging.handlers
import os
import stat

from app.platform.paths import Paths

_configured: set[str] = set()


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log that drops a line it cannot write instead of printing
    a traceback to stderr."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        self.failures = getattr(self, "failures", 0) + 1


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
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o600)
        try:
            regular = stat.S_ISREG(os.fstat(fd).st_mode)
            if regular:
                os.fchmod(fd, 0o600)
        finally:
            os.close(fd)
        if not regular:
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
