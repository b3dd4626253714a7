"""Syncs the tray's data directory with the sync folder: once at start, every
few minutes, soon after another machine's file lands in the folder, and a
little after a change here. Each sync runs in a worker thread (it reads and
writes files and merges in its own SQLite transaction); its report comes back
through an inbox and a bare signal, and the GUI thread tells the windows what changed."""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from app.errors import ErrorCode, FokusError
from ui.messages import error_text
from ui.platform.inbox import Inbox

if TYPE_CHECKING:
    from app.sync.service import SyncReport, SyncService
    from app.sync.watch import FolderWatch
    from ui.shell.controller import FokusController

log = logging.getLogger(__name__)
PERIOD_MS = 5 * 60_000
AFTER_FILE_MS = 2_000  # a copying tool often lands several files at once
AFTER_CHANGE_MS = 30_000  # a burst of edits here becomes one file


class _Reply(Inbox):
    """A sync's outcome, from its worker (or watchdog's thread) to the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.done = self.relay("done")  # SyncReport
        self.failed = self.relay("failed")  # FokusError
        self.fileLanded = self.relay("fileLanded")  # from watchdog's thread
        self.merged = self.relay("merged")  # frozenset[str]: topics a sync wrote


class _SyncRun(QRunnable):
    def __init__(self, sync: SyncService, reply: _Reply) -> None:
        super().__init__()
        self.sync, self.reply = sync, reply

    def run(self) -> None:
        try:
            report = self.sync.sync()
        except FokusError as err:
            with contextlib.suppress(RuntimeError):
                self.reply.failed.emit(err)
            return
        except Exception:  # a bug must not take the tray down; it is logged
            log.exception("sync failed")
            with contextlib.suppress(RuntimeError):
                self.reply.failed.emit(FokusError(ErrorCode.SYNC_FOLDER_UNUSABLE,
                                                  path="", reason="internal error"))
            return
        with contextlib.suppress(RuntimeError):
            self.reply.done.emit(report)


class SyncWatch(QObject):
    synced = Signal(object)  # SyncReport
    failed = Signal(str)  # translated text

    def __init__(self, controller: FokusController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._reply = _Reply(self)
        self._reply.done.connect(self._done)
        self._reply.failed.connect(self._failed)
        self._reply.fileLanded.connect(lambda: self._soon(AFTER_FILE_MS))
        self._reply.merged.connect(self._merged)
        # Every sync of the tray's service tells the windows, also one the command
        # line asks for through the tray (``fokus sync now``).
        controller.service.sync.announce = self._reply.merged.emit
        self._period = QTimer(self)
        self._period.timeout.connect(self.sync_now)
        self._next = QTimer(self)
        self._next.setSingleShot(True)
        self._next.timeout.connect(self.sync_now)
        self._running = False
        self._again = False
        self._echo = False
        self._folder: FolderWatch | None = None
        self._watched = ""
        self.last_report: SyncReport | None = None
        self.last_error = ""
        controller.dataChanged.connect(self._data_changed)

    @property
    def sync(self) -> SyncService:
        return self.controller.service.sync

    def start(self) -> None:
        """Follow the settings: watch and sync when a folder is set, stop when not."""
        folder = str(self.sync.folder() or "") if self.sync.configured() else ""
        if folder == self._watched:
            return
        self._stop_watching()
        self._watched = folder
        if not folder:
            self._period.stop()
            return
        from pathlib import Path

        from app.sync.watch import FolderWatch

        self._folder = FolderWatch(Path(folder), self.sync.machine_id(),
                                   self._reply.fileLanded.emit)
        self._folder.start()
        self._period.start(PERIOD_MS)
        self.sync_now()

    def lines(self) -> list[str]:
        """The sync's state for the tray: when this computer last synced, a
        problem, sessions in conflict; nothing while sync is off."""
        if not self._watched:
            return []
        status = self.sync.status()
        here = next((m for m in status["machines"] if m["this"]), None)
        if here is None or not here["last_synced"]:
            out = [self.tr("Not synced yet")]
        else:
            from datetime import datetime

            from ui.messages import clock_text

            at = datetime.fromisoformat(here["last_synced"]).astimezone()
            out = [self.tr("Synced at {time}").format(time=clock_text(at))]
        if self.last_error:
            out.append(self.tr("Sync problem: see Settings → Sync"))
        count = len(status["conflicts"])
        if count:
            out.append(self.tr("1 session in conflict: see Today") if count == 1 else
                       self.tr("{n} sessions in conflict: see Today").format(n=count))
        return out

    def stop(self) -> None:
        """Quiet, and no sync left half done in a worker when Fokus quits."""
        self._period.stop()
        self._next.stop()
        self._stop_watching()
        self._watched = ""
        if self._running:
            QThreadPool.globalInstance().waitForDone(10_000)

    def _stop_watching(self) -> None:
        if self._folder is not None:
            self._folder.stop()
            self._folder = None

    def sync_now(self) -> None:
        if not self._watched:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        QThreadPool.globalInstance().start(_SyncRun(self.sync, self._reply))

    def _soon(self, ms: int) -> None:
        if self._watched and (not self._next.isActive() or self._next.remainingTime() > ms):
            self._next.start(ms)

    def _data_changed(self, topics: frozenset[str]) -> None:
        if self._echo:  # what a sync just merged: nothing new to write
            return
        if "settings" in topics:
            self.start()
        if topics - {"calendar"}:
            self._soon(AFTER_CHANGE_MS)

    def _merged(self, topics: frozenset[str]) -> None:
        # A sync set up by the command line while the tray ran: watch from now on.
        self.start()
        if not topics:
            # Nothing came in, but the tray's "Synced at …" line moves on (a sync
            # writes round the store's sessions, so no command refresh says so).
            self.controller.changed.emit()
            return
        self._echo = True
        try:
            self.controller.dataChanged.emit(topics)
        finally:
            self._echo = False
        self.controller.refresh()

    def _keep_watching(self) -> None:
        """Watch again after the watch ended (the folder came back, watchdog's
        thread failed): checked after each sync, at the latest every 5 min."""
        if not self._watched or (self._folder is not None and self._folder.alive()):
            return
        from pathlib import Path

        from app.sync.watch import FolderWatch

        log.warning("the sync folder's watch had ended; watching %s again", self._watched)
        self._stop_watching()
        self._folder = FolderWatch(Path(self._watched), self.sync.machine_id(),
                                   self._reply.fileLanded.emit)
        self._folder.start()

    def _done(self, report: SyncReport) -> None:
        self._running = False
        self._keep_watching()
        self.last_report = report
        error = "" if not report.refused else error_text(
            FokusError(ErrorCode.SYNC_FILE_REFUSED, file=", ".join(report.refused)))
        self._tell(error)
        self.synced.emit(report)
        if self._again:
            self._again = False
            self.sync_now()

    def _failed(self, err: FokusError) -> None:
        self._running = False
        self._keep_watching()
        self._again = False
        log.warning("sync failed: %s %s", err.code, err.params)
        self._tell(error_text(err))

    def _tell(self, error: str) -> None:
        """Say a problem once, not at every sync while it lasts."""
        if error and error != self.last_error:
            self.failed.emit(error)
        self.last_error = error
