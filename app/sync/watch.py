"""Noticing another machine's new change file in the sync folder, through
inotify (``watchdog``), never by polling. The callback runs on watchdog's
thread: it must only hand the news on (the tray emits a queued signal)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from app.sync.folder import ROOT

log = logging.getLogger(__name__)


class _Handler(FileSystemEventHandler):
    def __init__(self, me: str, on_change: Callable[[], None]) -> None:
        self.me = me
        self.on_change = on_change

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in ("created", "moved", "closed"):
            return
        raw = getattr(event, "dest_path", "") or event.src_path
        path = Path(raw.decode() if isinstance(raw, bytes) else raw)
        # Only a whole file of another machine (a copy lands as a temporary name first).
        if path.suffix == ".box" and not path.name.startswith(".") \
                and path.parent.name != self.me:
            self.on_change()


class FolderWatch:
    def __init__(self, folder: Path, me: str, on_change: Callable[[], None]) -> None:
        self.root = folder / ROOT
        self._handler = _Handler(me, on_change)
        self._observer: BaseObserver | None = None

    def start(self) -> bool:
        if not self.root.is_dir():
            return False
        observer = Observer()
        try:
            observer.schedule(self._handler, str(self.root), recursive=True)
            observer.start()
        except OSError as exc:  # too many watches, a folder that went away
            log.warning("cannot watch the sync folder %s: %s", self.root, exc)
            return False
        self._observer = observer
        return True

    def alive(self) -> bool:
        """Still watching: a folder unmounted (a USB stick, a network share) or
        a failure in watchdog's thread ends the watch without telling anyone."""
        observer = self._observer
        return observer is not None and observer.is_alive() and all(
            emitter.is_alive() for emitter in observer.emitters)

    def stop(self) -> None:
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=2)
            self._observer = None
