"""Insights: the self-report's charts, embedded. matplotlib is imported in a
background thread when the window is first opened, so the tray never waits
for it."""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.week.workmodel import iso_week_days, iso_week_of
from ui.messages import number_text

if TYPE_CHECKING:
    from ui.shell.controller import FokusController


_matplotlib_ready = threading.Event()
_matplotlib_lock = threading.Lock()
_matplotlib_started = False


def load_matplotlib_in_background() -> None:
    """Import matplotlib and its Qt canvas once per process, off the GUI thread.

    Windows wait for ``_matplotlib_ready`` with a timer of their own: a signal
    sent from this thread to a window closed meanwhile would reach a deleted
    object."""
    global _matplotlib_started
    with _matplotlib_lock:
        if _matplotlib_started:
            return
        _matplotlib_started = True

    def work() -> None:
        import matplotlib

        matplotlib.use("QtAgg", force=False)
        import matplotlib.backends.backend_qtagg  # noqa: F401
        import matplotlib.figure  # noqa: F401

        _matplotlib_ready.set()

    threading.Thread(target=work, name="fokus-matplotlib", daemon=True).start()


# The size it opens at where the screen allows; on a small one (1366×768 is a
# common laptop) it takes what the screen has and the charts scroll.
PREFERRED_SIZE = (1100, 780)


class InsightsWindow(QMainWindow):
    def __init__(self, controller: FokusController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Fokus — Insights"))
        self.week = iso_week_of(controller.service.week.local(controller.clock.now()).date())
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; font-size: 14pt;")
        prev_button, next_button = QPushButton("◀"), QPushButton("▶")
        prev_button.clicked.connect(lambda: self.shift(-1))
        next_button.clicked.connect(lambda: self.shift(1))
        top = QHBoxLayout()
        top.addWidget(prev_button)
        top.addWidget(next_button)
        top.addSpacing(10)
        top.addWidget(self.title, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("insightSummary")
        self.grid = QGridLayout()
        self.loading = QLabel(self.tr("Drawing the charts…"))
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grid.addWidget(self.loading, 0, 0)
        body = QWidget()
        body.setLayout(self.grid)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        self.setCentralWidget(central)
        self._fit_screen()
        self.canvases: list[Any] = []
        self.ready = False
        load_matplotlib_in_background()
        self._waiting = QTimer(self)  # dies with the window, unlike a thread's signal
        self._waiting.setInterval(50)
        self._waiting.timeout.connect(self._check_loaded)
        self._waiting.start()
        self._stale = False
        controller.dataChanged.connect(self._data_changed)
        self._summary()


    def _fit_screen(self) -> None:
        width, height = PREFERRED_SIZE
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry()
            # Room for the window's frame and title bar.
            width, height = min(width, room.width() - 16), min(height, room.height() - 48)
        self.resize(width, height)
    def _data_changed(self, topics: frozenset[str]) -> None:
        if topics & {"sessions", "activity", "reflections", "projects", "blocks", "calendar",
                     "settings"}:
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True  # redrawn when next shown, not in the background

    def refresh(self) -> None:
        self._stale = False
        self._summary()
        if self.ready:
            self.draw()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt naming
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def shift(self, weeks: int) -> None:
        self.week = iso_week_of(iso_week_days(self.week)[0] + timedelta(weeks=weeks))
        self.refresh()

    def _check_loaded(self) -> None:
        if _matplotlib_ready.is_set():
            self._waiting.stop()
            self._on_loaded()

    def _on_loaded(self) -> None:
        self.ready = True
        self.loading.hide()
        self.draw()

    def _summary(self) -> None:
        from app.reports.export import ExportOptions, build_report
        from app.reports.metrics import Metrics

        svc = self.controller.service
        self.week_report = Metrics(svc.store, self.controller.clock).week(self.week)
        self.report = build_report(svc.store, self.controller.clock, self.week,
                                   ExportOptions(health=True, free_text=True), self.week_report)
        year, number = self.week.split("-W")
        self.title.setText(self.tr("Week {n}, {year}").format(n=int(number), year=year))
        e, w = self.report["efficiency_flow"], self.report["satisfaction_wellbeing"]
        share = e["deep_work_share_in_no_meeting_windows"]
        self.summary.setText(self.tr(
            "{deep} min of deep work ({share} % in no-meeting windows) · {long} sessions of "
            "60+ min without interruption · {sw} switches and {it} interruptions a day · "
            "satisfaction {sat} · energy {energy} (private)").format(
                deep=number_text(round(e["deep_work_minutes"])),
                share=number_text(round(share * 100)) if share is not None else "—",
                long=e["long_uninterrupted_sessions"],
                sw=number_text(e["switches_per_day"] or 0),
                it=number_text(e["interruptions_per_day"] or 0),
                sat=number_text(w["satisfaction_mean"], 2),
                energy=number_text(w.get("energy_mean"), 2)) + (self.tr(
            " · sessions changed after the fact: {added} added, {edited} edited").format(
                added=e["sessions_added_after_the_fact"],
                edited=e["sessions_edited_after_the_fact"])
            if e["sessions_added_after_the_fact"] or e["sessions_edited_after_the_fact"]
            else ""))
        from ui.activity.git_watch import switch_cost_text

        switches = sum(d.switches for d in self.week_report.days)
        self.summary.setText(self.summary.text() + "\n" + switch_cost_text(
            e["estimated_minutes_lost_to_switching"],
            self.tr("{n} context switches").format(n=switches),
            e["resumption_buffer_minutes"], e.get("resumption_lag_measured")))
        self.summary.setText(self.summary.text() + "\n" + self._goals_breaks_text())

    def _goals_breaks_text(self) -> str:
        """The weekly goal (met or not, by how much) and the breaks taken against suggested."""
        gb = self.report.get("goals_breaks")
        if not gb:
            return ""
        goal, breaks = gb["weekly_goal"], gb["breaks"]
        if not goal["goal_minutes"]:
            met = self.tr("no weekly goal (no remote day)")
        elif goal["met"]:
            met = self.tr("weekly goal of {goal} min met, {n} min over").format(
                goal=number_text(goal["goal_minutes"]),
                n=number_text(goal["difference_minutes"]))
        else:
            met = self.tr("weekly goal of {goal} min not met, {n} min short").format(
                goal=number_text(goal["goal_minutes"]),
                n=number_text(-goal["difference_minutes"]))
        return self.tr("{met} · breaks: {taken} of {suggested} taken in full, {skipped} "
                       "skipped, {rest} of {planned} min of rest").format(
            met=met, taken=breaks["taken"], suggested=breaks["suggested"],
            skipped=breaks["skipped"], rest=number_text(breaks["taken_minutes"]),
            planned=number_text(breaks["suggested_minutes"]))

    def draw(self) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from app.reports import charts
        from app.reports.pdf import focus_by_project

        for canvas in self.canvases:
            self.grid.removeWidget(canvas)
            canvas.deleteLater()
        self.canvases.clear()
        week = self.week_report
        by_project = focus_by_project(self.report, week)
        colours = {p.name: p.colour for p in self.controller.service.projects(
            include_archived=True)}
        model = self.controller.service.week.work_model()
        drawers = [
            lambda ax: charts.focus_per_day(ax, self.report, by_project, colours),
            lambda ax: charts.switches_and_interruptions(ax, self.report),
            lambda ax: charts.wellbeing_over_weeks(
                ax, week.history, self.week, week.satisfaction, week.energy, True),
            lambda ax: charts.focus_by_hour(ax, week.by_hour,
                                            [(s.start, s.end) for s in model.no_meeting]),
        ]
        for i, draw in enumerate(drawers):
            figure = Figure(figsize=(5.2, 3.4), layout="constrained")
            draw(figure.add_subplot())  # type: ignore[no-untyped-call]  # matplotlib's stubs
            canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]
            canvas.setMinimumSize(420, 300)
            self.grid.addWidget(canvas, i // 2, i % 2)
            self.canvases.append(canvas)
