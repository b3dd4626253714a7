"""Two gentle reminders: the end-of-day reflection (REFLECTION_TIME, 16:45
unless set, on work days) and the weekly export (EXPORT_REMINDER, Friday 16:30
unless set). Each fires once per day or week; a snoozed reflection comes back
in 15 minutes."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from app.store.settings import EXPORT_REMINDER, REFLECTION_TIME

if TYPE_CHECKING:
    from ui.shell.controller import FokusController

SNOOZE_MINUTES = 15
# The wall clock is looked at again at least this often (see ui/week/window_watch.py);
# the reminders are set to the minute, so once a minute is soon enough.
WALL_CHECK_SECONDS = 60


def _hhmm(text: str) -> time:
    """A declared TIME value, "HH:MM" (already checked by the declaration)."""
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


class Reminders(QObject):
    reflectionDue = Signal(object)  # date
    exportDue = Signal(str)  # ISO week

    def __init__(self, controller: FokusController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)
        self._reflected: date | None = None
        self._exported: str | None = None
        self._snoozed_until: datetime | None = None

    def _now(self) -> datetime:
        return self.controller.service.week.local(self.controller.clock.now())

    def reflection_at(self, day: date) -> datetime:
        value = self.controller.service.settings.get(REFLECTION_TIME)
        return datetime.combine(day, _hhmm(value), tzinfo=self.controller.clock.zone())

    def export_at(self, day: date) -> datetime | None:
        weekday, hhmm = self.controller.service.settings.get(EXPORT_REMINDER).split()
        if day.weekday() != int(weekday):
            return None
        return datetime.combine(day, _hhmm(hhmm), tzinfo=self.controller.clock.zone())

    def snooze(self) -> None:
        self._snoozed_until = self._now() + timedelta(minutes=SNOOZE_MINUTES)
        self._reflected = None
        self.schedule()

    def check(self) -> None:
        if not self.controller.is_ready:
            return
        from app.week.workmodel import iso_week_of

        now = self._now()
        today = now.date()
        model = self.controller.service.week.work_model()
        if model.day_kind(today).is_workday and self._reflected != today:
            due = self._snoozed_until or self.reflection_at(today)
            if now >= due and not self._answered(today):
                self._reflected = today
                self._snoozed_until = None
                self.reflectionDue.emit(today)
        export = self.export_at(today)
        week = iso_week_of(today)
        if export is not None and now >= export and self._exported != week:
            self._exported = week
            self.exportDue.emit(week)
        self.schedule()

    def _answered(self, day: date) -> bool:
        from app.reports.reflection import ReflectionService

        return ReflectionService(self.controller.service.store,
                                 self.controller.clock).get(day) is not None

    def schedule(self) -> None:
        now = self._now()
        candidates = [self._snoozed_until] if self._snoozed_until else []
        for offset in range(0, 8):
            day = now.date() + timedelta(days=offset)
            candidates.append(self.reflection_at(day))
            export = self.export_at(day)
            if export is not None:
                candidates.append(export)
        upcoming = [c for c in candidates if c is not None and c > now]
        if upcoming:
            delay = (min(upcoming) - now).total_seconds()
            # Not longer: the timer's clock stands still while the machine sleeps.
            self._timer.start(int(min(delay, WALL_CHECK_SECONDS) * 1000) + 500)
