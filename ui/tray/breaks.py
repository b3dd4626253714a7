"""The break after a focus session and the deep-work goals, as the tray (and the
no-tray window) shows them.

``BreakWatch`` follows the core's break (``app.focus.breaks``): it tells when a
break starts and when it is over (``started``/``over``, for a notification —
never a dialog), ticks the break at its end and, while the user is away past
it, every half minute with the desktop's idle time, so time away counts as the
break taken. Snooze and skip go to the core here."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from app.errors import FokusError
from app.focus.breaks import BreakReason, BreakState
from ui.messages import error_text, tr

if TYPE_CHECKING:
    from app.focus.breaks import BreakView
    from app.focus.goals import GoalProgress
    from ui.shell.controller import FokusController

log = logging.getLogger(__name__)
RESTING_POLL_MS = 30_000


def duration_text(minutes: float) -> str:
    """"2 h 10", "4 h", "45 min"."""
    whole = max(0, round(minutes))
    hours, rest = divmod(whole, 60)
    if not hours:
        return tr("{m} min").format(m=rest)
    if not rest:
        return tr("{h} h").format(h=hours)
    return tr("{h} h {m}").format(h=hours, m=f"{rest:02d}")


def clock_text(rest: BreakView) -> str:
    from app.clock import to_local
    from app.formats import clock

    return clock(to_local(rest.until, rest.utc_offset_min))


def break_title(rest: BreakView) -> str:
    return tr("Break until {time}").format(time=clock_text(rest))


def break_detail(rest: BreakView) -> str:
    if rest.reason == BreakReason.BEFORE_MEETING:
        return tr("{minutes} min after {focused} min of focus, ending before your "
                  "meeting").format(minutes=rest.minutes, focused=rest.focused_minutes)
    return tr("{minutes} min after {focused} min of focus").format(
        minutes=rest.minutes, focused=rest.focused_minutes)


def goal_lines(progress: GoalProgress | None) -> list[str]:
    """"Deep work today 2 h 10 of 4 h", "This week 9 h of 12 h"."""
    if progress is None:
        return []
    today = tr("Deep work today {done} of {cap}").format(
        done=duration_text(progress.today_minutes),
        cap=duration_text(progress.daily_cap_minutes))
    if progress.over_cap:
        today += " · " + tr("{over} past the daily cap").format(
            over=duration_text(progress.over_cap_minutes))
    lines = [today]
    if progress.week.goal_minutes:
        week = tr("This week {done} of {goal}").format(
            done=duration_text(progress.week.done_minutes),
            goal=duration_text(progress.week.goal_minutes))
        if progress.week.met:
            week += " ✓"
        lines.append(week)
    return lines


class BreakWatch(QObject):
    started = Signal(object)  # BreakView: a break began
    over = Signal(object)  # BreakView: its time is up (not skipped, not cut short)
    changed = Signal()
    failed = Signal(str)

    def __init__(self, controller: FokusController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.current: BreakView | None = None
        self.goals: GoalProgress | None = None
        # A break already running when Fokus starts was told of by the one before.
        self._looked = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.tick)
        controller.changed.connect(self.update)

    def _idle_seconds(self) -> float | None:
        monitor = self.controller.activity_monitor
        if monitor is None:
            return None
        monitor.idle_status()  # makes the idle source on first use
        source = monitor.idle_source
        try:
            return float(source.idle_seconds()) if source is not None else None
        except Exception:  # an idle source that stopped answering: judge by the clock
            log.debug("idle time unavailable for the break", exc_info=True)
            return None

    def tick(self) -> None:
        """At the break's end (and while the user rests past it): close it when over."""
        if not self.controller.is_ready:
            return
        try:
            self.controller.service.breaks.tick(self._idle_seconds())
        except FokusError as err:
            self.failed.emit(error_text(err))
        self.update()

    def update(self) -> None:
        """Re-read the break and the goals; tell a start or an end once."""
        if not self.controller.is_ready:
            return
        svc = self.controller.service
        try:
            rest = svc.breaks.current()
            self.goals = svc.goals.progress()
            resting = svc.breaks.open_break()
        except FokusError as err:
            self.failed.emit(error_text(err))
            return
        before, self.current = self.current, rest
        if before is not None and (rest is None or rest.id != before.id):
            ended = svc.breaks.get(before.id)
            cut = ended is not None and (ended.state == BreakState.SKIPPED or (
                ended.ended_at is not None and ended.ended_at < ended.until))
            if ended is not None and not cut:
                self.over.emit(ended)
        if rest is not None and (before is None or before.id != rest.id) and self._looked:
            log.info("break until %s", rest.until)
            self.started.emit(rest)
        self._looked = True
        if rest is not None:
            delay = rest.remaining_seconds(self.controller.clock.now())
            self._timer.start(max(200, int(delay * 1000) + 200))
        elif resting is not None:
            self._timer.start(RESTING_POLL_MS)
        else:
            self._timer.stop()
        if rest is not None or before is not None:
            self.changed.emit()

    def snooze(self) -> None:
        self._answer(lambda: self.controller.service.breaks.snooze())

    def skip(self) -> None:
        self._answer(lambda: self.controller.service.breaks.skip())

    def _answer(self, action: object) -> None:
        try:
            assert callable(action)
            action()
        except FokusError as err:
            self.failed.emit(error_text(err))
        self.update()
        self.changed.emit()
