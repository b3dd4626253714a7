"""Logging to a rotating file in the data directory. Log lines carry states,
ids and codes; never key presses, window titles or note texts."""

from __future__ import annotations

import logging
import logging.handlers
import os

from app.platform.paths import Paths

_configured: set[str] = set()


def setup_logging(paths: Paths, console: bool = False, level: int = logging.INFO) -> None:
    target = str(paths.log_dir / "fokus.log")
    if target in _configured:
        return
    root = logging.getLogger()
    root.setLevel(level)
    try:
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        os.chmod(target, 0o600)
    except OSError:
        handler = logging.StreamHandler()
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
