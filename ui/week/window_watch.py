"""Keeps Fokus in step with the day: notices when a no-meeting window opens
(and offers the planned batch), names the current window for the tooltip,
and re-imports the calendar file when it changes.

The calendar file is read, hashed and (only when its digest changed) parsed
and its meetings stored in a worker thread: a big calendar takes seconds to
expand and tens of milliseconds to store, and the tray must answer meanwhile.
The worker hands its result back through an inbox; the GUI thread makes the
import's last, one-row write (``WeekService.record_calendar``), which tells
every window showing meetings."""

from __future__ import annotations

import contextlib
import logging
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QRunnable, QThreadPool, QTimer, Signal

from app.errors import FokusError
from app.store.settings import CALENDAR_PATH, DEEP_WINDOW_ANNOUNCED
from app.week.workmodel import WindowKind
from ui.messages import clock_text, error_text, tr
from ui.platform.inbox import Inbox

if TYPE_CHECKING:
    from app.service import PlannedChoice
    from app.week.service import WeekService
    from ui.shell.controller import FokusController

log = logging.getLogger(__name__)

# While the calendar file is missing (a sync tool replacing it), look for it again this often.
MISSING_RETRY_MS = 5_000


class _CalendarReply(Inbox):
    """Carries a worker's result to the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.read = self.relay("read")  # serial, Path, meetings stored (None: none), digest
        self.failed = self.relay("failed")  # serial, Path, FokusError


class _Latest:
    """The newest read's serial, for workers to look at (a plain object: the
    watcher may be gone by the time a worker asks)."""

    serial = 0


class _CalendarRead(QRunnable):
    """Hash the calendar file; if the digest is not the known one, parse it (in a
    child process, app/week/calendar_process.py) and store its meetings
    (unless a newer read has started meanwhile)."""

    def __init__(self, serial: int, path: Path, known: str | None, around: datetime,
                 zone: tzinfo, week: WeekService, latest: _Latest,
                 reply: _CalendarReply) -> None:
        super().__init__()
        self.serial, self.path, self.known = serial, path, known
        self.around, self.zone, self.reply = around, zone, reply
        self.week, self.latest = week, latest

    def run(self) -> None:
        try:
            parsed, digest = self.week.read_calendar_file(self.path, self.known, self.around,
                                                          self.zone)
            stored: int | None = None
            if parsed is not None:
                rows = self.week.meeting_rows(self.path, parsed)
                if self.week.write_meetings(self.path, rows,
                                            only_if=lambda: self.latest.serial == self.serial):
                    stored = len(rows)
        except FokusError as err:
            self._send(self.reply.failed, self.serial, self.path, err)
            return
        except Exception:  # the store closed under it (quitting, say)
            log.exception("calendar %s not stored", self.path)
            self._send(self.reply.read, self.serial, self.path, None, "")
            return
        self._send(self.reply.read, self.serial, self.path, stored, digest)

    @staticmethod
    def _send(signal: object, *args: object) -> None:
        # The watcher may have gone away (Fokus is quitting): nobody to tell then.
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)  # type: ignore[attr-defined]


# Qt's timers run on the monotonic clock, which stands still while the machine
# sleeps: the wall clock is looked at again at least this often, so a window that
# opened during a suspend (or after a clock change) is seen seconds after waking.
WALL_CHECK_SECONDS = 20


class WindowWatcher(QObject):
    deepWindowOpened = Signal(object, object)  # window end (datetime), PlannedChoice | None
    calendarFailed = Signal(str)

    def __init__(self, controller: FokusController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._boundary)
        # The file itself, not its folder: a download landing beside it is no reason to look.
        self._files = QFileSystemWatcher(self)
        self._files.fileChanged.connect(self._calendar_changed)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(1500)
        self._debounce.timeout.connect(self.reimport_calendar)
        self._missing = QTimer(self)
        self._missing.setSingleShot(True)
        self._missing.setInterval(MISSING_RETRY_MS)
        self._missing.timeout.connect(self.reimport_calendar)
        self._reply = _CalendarReply(self)
        self._reply.read.connect(self._calendar_read)
        self._reply.failed.connect(self._calendar_failed)
        self._serial = 0  # the newest read; older answers are dropped
        self._latest = _Latest()  # the same, for the workers
        self._quiet = False
        self._busy = False
        self._announced: datetime | None = None
        self._window: tuple[object, datetime | None] | None = None
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
            return tr("Deep-work window until {time}").format(time=clock_text(end))
        if kind == WindowKind.CORE:
            return tr("Core hours until {time}").format(time=clock_text(end))
        return ""

    def planned_now(self) -> PlannedChoice | None:
        choices = [c for c in self.controller.service.planned_choices() if c.is_current]
        return choices[0] if choices else None

    def _was_announced(self, end: datetime) -> bool:
        if self._announced == end:
            return True
        stored = self.controller.service.settings.get(DEEP_WINDOW_ANNOUNCED)
        return bool(stored) and stored == end.isoformat()

    def _boundary(self, startup: bool = False) -> None:
        if not self.controller.is_ready:
            return
        week = self.controller.service.week
        kind, end = week.window_now()
        if kind == WindowKind.DEEP and end is not None and self.controller.view is None \
                and not self._was_announced(end):
            self._announced = end
            # Kept in the settings: a restart inside the window stays quiet.
            self.controller.service.settings.set(DEEP_WINDOW_ANNOUNCED, end.isoformat())
            self.deepWindowOpened.emit(end, self.planned_now())
        if (kind, end) != self._window:
            self._window = (kind, end)
            self.controller.changed.emit()  # the tooltip names the window
        nxt = week.next_boundary()
        if nxt is not None:
            delay = (nxt - week.local(self.controller.clock.now())).total_seconds()
            self._timer.start(int(min(max(delay, 1.0), WALL_CHECK_SECONDS) * 1000) + 500)

    # -- the calendar file ------------------------------------------------------------

    def calendar_path(self) -> Path | None:
        value = self.controller.service.settings.get(CALENDAR_PATH)
        if not value:
            return None
        try:
            return Path(value).expanduser()
        except RuntimeError:  # "~someone/…" for no such user: looked for as written
            return Path(value)

    def watch_calendar(self) -> None:
        for old in self._files.files():
            self._files.removePath(old)
        self._missing.stop()
        path = self.calendar_path()
        if path is None:
            return
        self.reimport_calendar(quiet=True)

    def _calendar_changed(self, _path: str) -> None:
        self._debounce.start()

    @property
    def importing(self) -> bool:
        """True while a worker reads the calendar file."""
        return self._busy

    def reimport_calendar(self, quiet: bool = False) -> None:
        """Read the calendar file in a worker; store it when it has changed."""
        path = self.calendar_path()
        if path is None:
            return
        if not path.exists():
            # Replaced by a sync tool or an editor: the new file comes soon.
            self._missing.start()
            return
        if str(path) not in self._files.files():
            # A replaced file is a new inode; the watch has to follow it.
            self._files.addPath(str(path))
        path = path.expanduser().resolve()
        week = self.controller.service.week
        self._serial += 1
        self._latest.serial = self._serial
        self._quiet, self._busy = quiet, True
        clock = self.controller.clock
        QThreadPool.globalInstance().start(_CalendarRead(
            self._serial, path, week.calendar_digest(path), clock.now(), clock.zone(),
            week, self._latest, self._reply))

    def _calendar_read(self, serial: int, path: Path, stored: int | None, digest: str) -> None:
        if serial != self._serial:
            return
        self._busy = False
        if stored is None or not self.controller.is_ready:
            return
        try:
            self.controller.service.week.record_calendar(path, stored, digest)
        except FokusError as err:
            self._calendar_failed(serial, path, err)
            return
        log.info("calendar %s imported: %d meetings", path, stored)
        self.controller.changed.emit()

    def _calendar_failed(self, serial: int, path: Path, err: FokusError) -> None:
        if serial != self._serial:
            return
        self._busy = False
        log.warning("calendar %s not imported: %s", path, err.params.get("reason"))
        if not self._quiet:
            self.calendarFailed.emit(error_text(err))
