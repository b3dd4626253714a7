"""The bridge between the Qt front end and the core: owns the service, runs
the session timer, and turns core errors into translated messages.

The core (and with it SQLModel) is loaded by ``load()``, which the app calls
after the tray icon is up, so the icon appears without waiting for it."""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.clock import Clock, SystemClock
from app.domain import EndReason
from app.errors import ErrorCode, FokusError
from app.platform.paths import Paths
from ui.messages import error_text

if TYPE_CHECKING:
    from app.focus.engine import Recovered, SessionView
    from app.service import FokusService

log = logging.getLogger(__name__)


def default_heartbeat() -> float:
    try:
        return float(os.environ.get("FOKUS_HEARTBEAT_SECONDS", "30"))
    except ValueError:
        return 30.0


class FokusController(QObject):
    ready = Signal()
    changed = Signal()
    sessionFinished = Signal(object)  # SessionView that ran its full length
    sessionEnded = Signal(object)  # SessionView that ended, for any reason
    sessionStarted = Signal(object)  # SessionView
    recovered = Signal(object)  # Recovered
    failed = Signal(str)
    fatal = Signal(str)

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
        # The front end may ask before a start that fits the day badly
        # (core hours, a meeting ahead); given the concerns, True goes ahead.
        self.confirm_start: Callable[[list[str]], bool] | None = None
        self.activity_monitor: Any = None  # ui.activity.ActivityMonitor, once loaded
        self.open_welcome: Callable[..., None] | None = None  # the welcome guide
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)

    # -- life cycle ------------------------------------------------------------

    def load(self) -> bool:
        from app.service import FokusService
        from app.store.engine import Store

        try:
            store = Store(self.paths.database)
            service = FokusService(store, self.clock, owner=self.owner)
            service.engine.heartbeat_seconds = self.heartbeat_seconds
            service.engine.recover()
        except FokusError as err:
            log.error("cannot open the database: %s %s", err.code, err.params)
            self.fatal.emit(error_text(err))
            return False
        self._service = service
        self.ready.emit()
        for notice in service.engine.pending_recovery_notices():
            self.recovered.emit(notice)
            service.engine.acknowledge_recovery(notice.session_id)
        self._view = service.current()  # a session already running is not "started" now
        self.refresh()
        return True

    def close(self) -> None:
        self._timer.stop()
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
            self.failed.emit(error_text(err))
            self._timer.start(int(self.heartbeat_seconds * 1000))
            return
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

    # -- commands ------------------------------------------------------------------

    def _run(self, command: str, args: dict[str, Any]) -> dict[str, Any] | None:
        try:
            return self.execute(command, args)
        except FokusError as err:
            self.failed.emit(error_text(err))
            return None

    def execute(self, command: str, args: dict[str, Any]) -> dict[str, Any]:
        """Run a core command (from a menu, a window or the command line) and
        update everything that shows state."""
        from app.cli.commands import execute

        try:
            return execute(self.service, command, args)
        finally:
            self.refresh()

    def start(self, project_id: int, batch_id: int | None = None,
              minutes: int | None = None) -> bool:
        minutes = minutes or self.focus_minutes()
        if self.confirm_start is not None and self._service is not None:
            concerns = self._service.week.start_concerns(minutes)
            if concerns and not self.confirm_start(concerns):
                return False
        args = {"project": project_id, "batch": batch_id, "minutes": minutes, "source": "tray"}
        return self._run("start", args) is not None

    def pause(self) -> None:
        self._run("pause", {})

    def resume(self) -> None:
        self._run("resume", {})

    def stop(self) -> None:
        self._run("stop", {})

    def switch(self, project_id: int, source: str = "tray") -> object | None:
        """Switch project; a running session ends (the caller offers a new one)."""
        try:
            result = self.service.activity.switch(project_id, "self", source)
        except FokusError as err:
            self.failed.emit(error_text(err))
            return None
        self.refresh()
        return result

    def interrupt(self, source: str) -> None:
        try:
            self.service.activity.interrupt(source)
        except FokusError as err:
            self.failed.emit(error_text(err))
        self.changed.emit()

    def focus_minutes(self) -> int:
        if self._service is None:
            return 90
        value = self._service.store.get_setting("focus_minutes", 90)
        return int(value) if isinstance(value, int) and 1 <= value <= 480 else 90

    def set_focus_minutes(self, minutes: int) -> None:
        try:
            self.service.store.set_setting("focus_minutes", int(minutes))
        except FokusError as err:
            self.failed.emit(error_text(err))
        self.changed.emit()

    def notify_data_changed(self) -> None:
        self.refresh()


__all__ = ["FokusController", "Recovered"]
