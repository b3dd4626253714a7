"""Deep-work goals in Today: today against the daily cap (with where the cap
comes from), this week against the weekly goal, and today's breaks taken
against suggested. Going past the cap is shown, never blocked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QWidget

from app.errors import FokusError
from ui.tray.breaks import duration_text

if TYPE_CHECKING:
    from app.focus.goals import GoalProgress
    from ui.shell.controller import FokusController

OVER_STYLE = "QProgressBar::chunk { background: #e76f51; }"


class GoalsWidget(QWidget):
    def __init__(self, controller: FokusController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goalsWidget")
        self.controller = controller
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 4)
        self.today_label = QLabel()
        self.today_label.setObjectName("goalToday")
        self.today_bar = QProgressBar()
        self.today_bar.setTextVisible(False)
        self.today_bar.setMaximumHeight(10)
        self.week_label = QLabel()
        self.week_label.setObjectName("goalWeek")
        self.week_bar = QProgressBar()
        self.week_bar.setTextVisible(False)
        self.week_bar.setMaximumHeight(10)
        self.breaks_label = QLabel()
        self.breaks_label.setObjectName("breaksToday")
        self.source = QLabel()
        self.source.setObjectName("goalSource")
        self.source.setWordWrap(True)
        self.source.setStyleSheet("color: palette(placeholder-text);")
        grid.addWidget(self.today_label, 0, 0)
        grid.addWidget(self.week_label, 0, 1)
        grid.addWidget(self.today_bar, 1, 0)
        grid.addWidget(self.week_bar, 1, 1)
        grid.addWidget(self.breaks_label, 2, 0)
        grid.addWidget(self.source, 2, 1)
        controller.dataChanged.connect(self._data_changed)
        controller.changed.connect(self.reload)
        self.reload()

    def _data_changed(self, topics: frozenset[str]) -> None:
        if topics & {"sessions", "settings"}:
            self.reload()

    def reload(self) -> None:
        if not self.controller.is_ready:
            return
        svc = self.controller.service
        try:
            progress = svc.goals.progress()
            from datetime import timedelta

            from app.focus.breaks import tally

            start, _end = svc.goals.bounds(progress.day, progress.day)
            breaks = tally(svc.breaks.between(start, start + timedelta(days=1)),
                           self.controller.clock.now())
        except FokusError:
            return
        self.show_progress(progress)
        self.breaks_label.setText(self.tr("Breaks today: {taken} of {suggested} taken in full "
                                          "({minutes} min of rest)").format(
            taken=breaks.taken, suggested=breaks.suggested, minutes=breaks.taken_minutes))

    def show_progress(self, progress: GoalProgress) -> None:
        cap = progress.daily_cap_minutes
        text = self.tr("Deep work today {done} of {cap}").format(
            done=duration_text(progress.today_minutes), cap=duration_text(cap))
        if progress.over_cap:
            text += " · " + self.tr("{over} past the daily cap: rest counts too").format(
                over=duration_text(progress.over_cap_minutes))
        self.today_label.setText(text)
        self.today_bar.setRange(0, max(1, cap))
        self.today_bar.setValue(min(cap, round(progress.today_minutes)))
        self.today_bar.setStyleSheet(OVER_STYLE if progress.over_cap else "")
        week = progress.week
        if week.goal_minutes:
            text = self.tr("This week {done} of {goal}").format(
                done=duration_text(week.done_minutes), goal=duration_text(week.goal_minutes))
            if week.met:
                text += " · " + self.tr("goal met")
        else:
            text = self.tr("This week {done}: no weekly goal (no remote day in the work "
                           "model)").format(done=duration_text(week.done_minutes))
        self.week_label.setText(text)
        self.week_bar.setRange(0, max(1, week.goal_minutes))
        self.week_bar.setValue(min(max(1, week.goal_minutes), round(week.done_minutes)))
        cap_source = self.tr("The daily cap of 4 h: Newport, Deep Work (2016), after Ericsson "
                             "et al. (1993).") if progress.cap_is_default else \
            self.tr("The daily cap is your own (Settings).")
        goal_source = self.tr("The weekly goal: the no-meeting windows of your remote days.") \
            if week.derived else self.tr("The weekly goal is your own (Settings).")
        self.source.setText(f"{cap_source} {goal_source}")
