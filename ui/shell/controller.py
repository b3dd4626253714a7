"""The bridge between the Qt front end and the core: owns the service, runs
the session timer, and turns core errors into translated messages.

Two signals tell the front end what to redraw: ``changed`` when the running
session's state may have moved (the tray icon, the session panel), and
``dataChanged(frozenset[str])`` when stored data changed, with the topics the
writes touched (``app.store.changes``: "projects", "batches", "sessions", "blocks",
"settings", …), coalesced to one emission per turn of the event loop. Windows
connect to ``dataChanged`` and refresh themselves; nobody calls a "refresh
everything" after a write.

The core (and with it SQLModel) is loaded by ``load()``, which the app calls
after the tray icon is up, so the icon appears without waiting for it."""

from __future__ import annotations

import contextlib
import logging
import math
import os
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMetaMethod, QObject, QTimer, Signal

from app.clock import Clock, SystemClock
from app.domain import EndReason, SessionState
from app.errors import ErrorCode, FokusError
from app.platform.paths import Paths
from ui.messages import error_text
from ui.platform.collector import collector_paused
from ui.shell.ipc import Pending

if TYPE_CHECKING:
    from pathlib import Path

    from app.activity.service import SwitchResult
    from app.focus.engine import Recovered, SessionView
    from app.service import FokusService
    from app.store.changes import StoreChanges

log = logging.getLogger(__name__)


# Failures of the disk or the file, not of what was asked: retried, not refused.
WRITE_PROBLEMS = frozenset({ErrorCode.DISK_FULL, ErrorCode.DATABASE_READ_ONLY,
                            ErrorCode.DATA_DIR_UNUSABLE, ErrorCode.DATABASE_LOCKED})


def default_heartbeat() -> float:
    try:
        return float(os.environ.get("FOKUS_HEARTBEAT_SECONDS", "30"))
    except ValueError:
        return 30.0


# How often the GUI thread looks for a worker's finished command work.
WORK_POLL_MS = 50

@dataclass(frozen=True)
class StartRequest:
    """A start that fits the day badly (core hours, a meeting ahead): the
    front end asks, and on yes calls ``start(..., confirmed=True)``."""

    project_id: int
    batch_id: int | None
    minutes: int
    concerns: tuple[str, ...]


class FokusController(QObject):
    ready = Signal()
    changed = Signal()
    dataChanged = Signal(object)  # frozenset[str]: the topics written (app.store.changes)
    confirmationNeeded = Signal(object)  # StartRequest
    windowRequested = Signal(str, object)  # window kind, its argument (ui.shell.windows)
    sessionFinished = Signal(object)  # SessionView that ran its full length
    sessionEnded = Signal(object)  # SessionView that ended, for any reason
    sessionStarted = Signal(object)  # SessionView
    recovered = Signal(object)  # Recovered
    failed = Signal(str)
    fatal = Signal(str)
    # Why Fokus cannot save now (a full disk, a read-only database), or None
    # once a write works again: the session goes on in memory meanwhile.
    writeProblem = Signal(object)

    def __init__(
        self,
        paths: Paths,
        clock: Clock | None = None,
        owner: str | None = None,
        heartbeat_seconds: float | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.clock = clock or SystemClock()
        self.owner = owner or f"{os.getpid()}-{os.urandom(4).hex()}"
        self.heartbeat_seconds = heartbeat_seconds or default_heartbeat()
        self._service: FokusService | None = None
        self._view: SessionView | None = None
        self.activity_monitor: Any = None  # ui.activity.ActivityMonitor, once loaded
        self._changes: StoreChanges | None = None
        self._written: set[str] = set()
        self._commits = 0  # committed writes so far: did a command write anything?
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(0)
        self._flush.timeout.connect(self._emit_data_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        self.write_problem: str | None = None
        self._stop_pending: datetime | None = None  # a stop made while nothing could be saved
        self._worked: queue.SimpleQueue[tuple[Pending, Callable[..., dict[str, Any]],
                                              dict[str, Any], object]] = queue.SimpleQueue()
        # A worker only puts its outcome into ``_worked``; the GUI thread looks
        # there while work is out. No Qt call is made from the worker's thread.
        self._working = 0
        self._collect = QTimer(self)
        self._collect.setInterval(WORK_POLL_MS)
        self._collect.timeout.connect(self._store_worked)

    # -- life cycle ------------------------------------------------------------

    def open_service(self) -> FokusService:
        """Open the store (migrating it, recovering a crashed session) and the
        service on it. Touches no Qt object, so the tray runs it in a worker
        thread while its icon is already live (ui/shell/app.py); ``load`` then
        takes the result on the GUI thread."""
        from app.service import FokusService
        from app.store.engine import Store

        store = Store(self.paths.database, check_daily=self.clock.now())
        try:
            service = FokusService(store, self.clock, owner=self.owner)
            service.engine.heartbeat_seconds = self.heartbeat_seconds
            service.week.parse_apart = True  # a calendar's parse never holds the tray
            if not store.read_only:
                service.engine.recover()
            # What the tray asks first (the kind of time it is now) brings in
            # the public holidays, a few hundred modules: here, off the GUI
            # thread, and before it could wait on their import lock.
            service.week.window_now()
            # The other capabilities' services (made when first used) made here too.
            for made_now in ("activity", "repos", "history", "sync"):
                getattr(service, made_now)
        except BaseException:
            store.close()
            raise
        return service

    def load(self, opened: FokusService | FokusError | None = None) -> bool:
        """Take the service ``open_service`` made (or its error), or open it here."""
        try:
            if isinstance(opened, FokusError):
                raise opened
            service = opened if opened is not None else self.open_service()
        except FokusError as err:
            log.error("cannot open the database: %s %s", err.code, err.params)
            self.fatal.emit(error_text(err))
            return False
        self._keep_zone(service)
        from app.store.changes import StoreChanges

        self._service = service
        self._changes = StoreChanges(service.store)
        self._changes.subscribe(self._written_to)
        self.ready.emit()
        store = service.store
        if store.read_only:
            self._set_write_problem(error_text(
                FokusError(ErrorCode.DATABASE_READ_ONLY, path=store.path)))
        else:
            for notice in service.engine.pending_recovery_notices():
                self.recovered.emit(notice)
                service.engine.acknowledge_recovery(notice.session_id)
        self._view = service.current()  # a session already running is not "started" now
        self.refresh()
        return True

    def _keep_zone(self, service: FokusService) -> None:
        """The tray's zone is the person's: kept so that a command line started
        with another ``TZ`` agrees on what today is (app.store.settings.person_clock)."""
        from app.clock import zone_name
        from app.store.settings import PERSON_ZONE

        if service.store.read_only:
            return
        name = zone_name(self.clock.zone())
        try:
            if service.settings.get(PERSON_ZONE) != name:
                service.settings.set(PERSON_ZONE, name)
        except FokusError as err:  # a full disk: the command line uses its own zone
            log.warning("cannot keep the time zone: %s", err.code)

    def close(self) -> None:
        self._timer.stop()
        self._flush.stop()
        if self._changes is not None:
            self._changes.close()
            self._changes = None
        if self._service is not None:
            self._service.store.close()

    @property
    def is_ready(self) -> bool:
        return self._service is not None

    @property
    def service(self) -> FokusService:
        if self._service is None:
            raise FokusError(ErrorCode.INSTANCE_UNREACHABLE, path=self.paths.socket)
        return self._service

    @property
    def view(self) -> SessionView | None:
        return self._view

    # -- the session clock -------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the session, finish it if its time is up, and plan the next
        wake-up: the next change of the minutes shown, the planned end, or the
        next heartbeat, whichever comes first. Idle, nothing is scheduled."""
        if self._service is None:
            return
        before = self._view
        try:
            if self.write_problem is not None:
                self._service.store.check_writable()
            self._settle_pending_stop()
            finished = self._service.engine.tick()
            self._view = self._service.current()
            ended = None
            if before is not None and (self._view is None or self._view.id != before.id):
                ended = finished or self._service.engine.get(before.id)
                # It may have ended elsewhere (a command settled it); tell the
                # user if it ran its full length.
                if finished is None and ended is not None and \
                        ended.end_reason == EndReason.COMPLETED:
                    finished = ended
            elif finished is not None:
                ended = finished
        except FokusError as err:
            if not self._write_failed(err):
                self.failed.emit(error_text(err))
            self._timer.start(int(self.heartbeat_seconds * 1000))
            return
        self._set_write_problem(None)  # the check above wrote, or there was no problem
        if finished is not None:
            log.info("session %s finished", finished.id)
            self.sessionFinished.emit(finished)
        if ended is not None:
            self.sessionEnded.emit(ended)
        if self._view is not None and (before is None or before.id != self._view.id):
            self.sessionStarted.emit(self._view)
        view = self._view
        if view is None:
            self._timer.stop()
        elif view.state == "focusing":
            remaining = view.remaining_seconds
            to_next_minute = remaining - (math.ceil(remaining / 60) - 1) * 60
            delay = min(self.heartbeat_seconds, to_next_minute, remaining)
            self._timer.start(max(200, int(delay * 1000) + 50))
        else:
            self._timer.start(int(self.heartbeat_seconds * 1000))
        self.changed.emit()

    # -- when nothing can be saved ----------------------------------------------------

    def _set_write_problem(self, text: str | None) -> None:
        if text != self.write_problem:
            self.write_problem = text
            self.writeProblem.emit(text)

    def _write_failed(self, err: FokusError) -> bool:
        """A write failed for a reason outside Fokus (disk full, read-only):
        the session goes on in memory, shown from what can still be read, and
        is saved by the next write that works. True when that is the case."""
        if err.code not in WRITE_PROBLEMS or self._service is None:
            return False
        self._set_write_problem(error_text(err))
        with contextlib.suppress(FokusError):  # shown as it was when even reading fails
            self._view = None if self._stop_pending else self._service.engine.peek()
        self.changed.emit()
        return True

    def _settle_pending_stop(self) -> None:
        if self._stop_pending is not None and self._service is not None:
            if self._service.current() is not None:
                self._service.engine.stop(EndReason.STOPPED, at=self._stop_pending)
            self._stop_pending = None

    # -- what changed ---------------------------------------------------------------

    def _written_to(self, topics: frozenset[str]) -> None:
        """Called by the store after each commit, possibly many times in one
        user action: gathered, and told once when the event loop next turns."""
        self._written |= topics
        self._commits += 1
        if not self._flush.isActive():
            self._flush.start()

    def _emit_data_changed(self) -> None:
        topics, self._written = frozenset(self._written), set()
        if topics:
            self.dataChanged.emit(topics)

    # -- commands ------------------------------------------------------------------

    def _guarded(self, action: Any) -> Any:
        """Run a service call; a core error becomes ``failed`` with its text."""
        try:
            return action()
        except FokusError as err:
            self._write_failed(err)
            self.failed.emit(error_text(err))
            return None
        finally:
            self.refresh()

    def execute(self, command: str, args: dict[str, Any]) -> dict[str, Any] | Pending:
        """Run a command from the instance socket (the ``fokus`` command line)
        and update everything that shows state. A command with long work
        (``OFF_THREAD``: a calendar import) answers later, through the
        ``Pending`` returned, while the event loop goes on. In-process callers
        use the methods below."""
        from app.cli.commands import execute
        from app.cli.commands.week import OFF_THREAD

        if command in OFF_THREAD:
            read, store = OFF_THREAD[command]
            return self._execute_in_worker(command, read(self.service, args), store, args)
        commits, changed = self._commits, True
        try:
            result = execute(self.service, command, args)
            # A command that wrote nothing (status, a list, a plan looked at)
            # changed nothing to show: answered without re-reading the session
            # and redrawing the tray first. A failed one is looked at as before.
            changed = self._commits != commits
            return result
        finally:
            if changed:
                self.refresh()

    def import_calendar_file(self, path: Path, if_changed: bool = False,
                             cancelled: threading.Event | None = None) -> Pending:
        """Import a calendar file off the GUI thread, as ``fokus import-ics``
        through the tray does: the result (``file``, ``meetings``,
        ``in_deep_windows``, and ``unchanged`` when ``if_changed`` found the
        file as it was imported last) or the error comes through the ``Pending``.
        Once ``cancelled`` is set nothing more is stored, and a file never
        imported before leaves no meetings behind."""
        outcome = self.execute("import-ics", {"file": str(path), "if_changed": if_changed,
                                              "cancelled": cancelled})
        assert isinstance(outcome, Pending)  # import-ics is one of the OFF_THREAD commands
        return outcome

    def _execute_in_worker(self, command: str, work: Callable[[], object],
                           store: Callable[..., dict[str, Any]],
                           args: dict[str, Any]) -> Pending:
        """Run a command's long ``work`` (pure: no store, no Qt) in a worker thread;
        its result is written by ``store`` back here, and the pending answer given."""
        pending = Pending()

        def run() -> None:
            try:
                with collector_paused():
                    outcome: object = work()
            except BaseException as exc:  # handed to the GUI thread, which answers with it
                outcome = exc
            self._worked.put((pending, store, args, outcome))

        self._working += 1
        self._collect.start()
        threading.Thread(target=run, name=f"fokus-{command}", daemon=True).start()
        return pending

    def _store_worked(self) -> None:
        while True:
            try:
                pending, store, args, outcome = self._worked.get_nowait()
            except queue.Empty:
                return
            self._working -= 1
            if self._working == 0:
                self._collect.stop()
            if isinstance(outcome, BaseException):
                pending.fail(outcome)
                continue
            try:
                result = store(self.service, args, outcome)
            except Exception as exc:  # answered to the command line, as a handler's
                pending.fail(exc)
                continue
            finally:
                self.refresh()
            pending.resolve(result)

    def start(self, project_id: int, batch_id: int | None = None,
              minutes: int | None = None, source: str = "tray",
              confirmed: bool = False) -> bool:
        """Start a focus session. A start that fits the day badly is not made
        but asked about (``confirmationNeeded``) when someone listens. Started
        in one of the project's planned blocks, it lasts until the block's end."""
        if not minutes and self._service is not None:
            minutes = self._service.week.block_minutes_left(project_id, batch_id)
        minutes = minutes or self.focus_minutes()
        if not confirmed and self._service is not None and self.isSignalConnected(
                QMetaMethod.fromSignal(self.confirmationNeeded)):
            concerns = self._service.week.start_concerns(minutes)
            if concerns:
                self.confirmationNeeded.emit(
                    StartRequest(project_id, batch_id, minutes, tuple(concerns)))
                return False
        return self._guarded(lambda: self.service.start(
            project_id, batch_id, minutes, source)) is not None

    def pause(self) -> None:
        self._guarded(lambda: self.service.pause())

    def resume(self) -> None:
        self._guarded(lambda: self.service.resume())

    def pause_or_resume(self) -> None:
        """One button for both (the Projects window, the no-tray window)."""
        view = self._view
        if view is not None and view.state == SessionState.PAUSED:
            self.resume()
        else:
            self.pause()

    def stop(self) -> None:
        at = self.clock.now()
        if self._guarded(lambda: self.service.stop()) is None and \
                self.write_problem is not None and self._view is not None:
            # Kept until a write works again, then saved as stopped at ``at``.
            self._stop_pending = at
            self._view = None
            self.changed.emit()

    def switch(self, project_id: int, source: str = "tray") -> SwitchResult | None:
        """Switch project; a running session ends (the caller offers a new one)."""
        result: SwitchResult | None = self._guarded(
            lambda: self.service.activity.switch(project_id, "self", source))
        return result

    def interrupt(self, source: str) -> None:
        self._guarded(lambda: self.service.activity.interrupt(source))

    def open_window(self, kind: str, arg: object = None) -> None:
        """Ask the app to show a window (``ui.shell.windows`` kinds)."""
        self.windowRequested.emit(kind, arg)

    def open_welcome(self) -> None:
        self.open_window("welcome")

    def focus_minutes(self) -> int:
        from app.store.settings import FOCUS_MINUTES, Settings

        if self._service is None:
            return FOCUS_MINUTES.default
        return Settings(self._service.store).get(FOCUS_MINUTES)

    def set_focus_minutes(self, minutes: int) -> None:
        from app.store.settings import FOCUS_MINUTES, Settings

        self._guarded(lambda: Settings(self.service.store).set(FOCUS_MINUTES, int(minutes)))


__all__ = ["FokusController", "Recovered", "StartRequest"]
