"""Keeps Fokus in step with the day: notices when a no-meeting window opens
(and offers the planned batch), names the current window for the tooltip,
and re-imports the calendar file when it changes."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from app.errors import FokusError
from app.store.settings import CALENDAR_PATH
from app.week.workmodel import WindowKind
from ui.messages import error_text, tr

if TYPE_CHECKING:
    from app.service import PlannedChoice
    from ui.shell.controller import FokusController

log = logging.getLogger(__name__)


class WindowWatcher(QObject):
    deepWindowOpened = Signal(object, object)  # window end (datetime), PlannedChoice | None
    calendarFailed = Signal(str)

    def __init__(self, controller: FokusController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._boundary)
        self._files = QFileSystemWatcher(self)
        self._files.fileChanged.connect(self._calendar_changed)
        self._files.directoryChanged.connect(self._calendar_changed)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(1500)
        self._debounce.timeout.connect(self.reimport_calendar)
        self._announced: datetime | None = None
        controller.ready.connect(self.start)

    def start(self) -> None:
        self.watch_calendar()
        self._boundary(startup=True)

    # -- windows ------------------------------------------------------------------

    def label(self) -> str:
        """“Deep-work window until 10:00”, or empty outside the windows."""
        if not self.controller.is_ready:
            return ""
        kind, end = self.controller.service.week.window_now()
        if end is None:
            return ""
        if kind == WindowKind.DEEP:
            return tr("Deep-work window until {time}").format(time=f"{end:%H:%M}")
        if kind == WindowKind.CORE:
            return tr("Core hours until {time}").format(time=f"{end:%H:%M}")
        return ""

    def planned_now(self) -> PlannedChoice | None:
        choices = [c for c in self.controller.service.planned_choices() if c.is_current]
        return choices[0] if choices else None

    def _boundary(self, startup: bool = False) -> None:
        if not self.controller.is_ready:
            return
        week = self.controller.service.week
        kind, end = week.window_now()
        if kind == WindowKind.DEEP and end is not None and self.controller.view is None \
                and self._announced != end:
            self._announced = end
            self.deepWindowOpened.emit(end, self.planned_now())
        self.controller.changed.emit()  # the tooltip names the window
        nxt = week.next_boundary()
        if nxt is not None:
            delay = (nxt - week.local(self.controller.clock.now())).total_seconds()
            self._timer.start(int(min(max(delay, 1.0), 6 * 3600) * 1000) + 500)

    # -- the calendar file ------------------------------------------------------------

    def calendar_path(self) -> Path | None:
        value = self.controller.service.settings.get(CALENDAR_PATH)
        return Path(value) if value else None

    def watch_calendar(self) -> None:
        for old in self._files.files() + self._files.directories():
            self._files.removePath(old)
        path = self.calendar_path()
        if path is None:
            return
        if path.exists():
            self._files.addPath(str(path))
        if path.parent.exists():
            # Editors and sync tools replace the file: watch its folder too.
            self._files.addPath(str(path.parent))
        self.reimport_calendar(quiet=True)

    def _calendar_changed(self, _path: str) -> None:
        self._debounce.start()

    def reimport_calendar(self, quiet: bool = False) -> None:
        path = self.calendar_path()
        if path is None or not path.exists():
            return
        try:
            result = self.controller.service.week.import_calendar(path, force=False)
        except FokusError as err:
            log.warning("calendar %s not imported: %s", path, err.params.get("reason"))
            if not quiet:
                self.calendarFailed.emit(error_text(err))
            return
        if str(path) not in self._files.files():
            self._files.addPath(str(path))
        if not result.unchanged:
            log.info("calendar %s imported: %d meetings", path, result.meetings)
            self.controller.changed.emit()
