"""Insights: the self-report's charts. One worker thread imports matplotlib and
draws every chart with its Agg backend into images (app/reports/charts.py,
Figures reused); the window shows them as pictures, so neither opening it nor
going from week to week waits on matplotlib. A week's images are kept, and the
weeks either side are drawn ahead while the window is idle. While the tray is
idle the worker also draws this week's charts ahead (``charts_ahead``): a
window opening on the same figures shows them at once. Each picture carries
its title as accessible name and its figures in words as accessible
description, from the same data, for screen readers."""

from __future__ import annotations

import atexit
import itertools
import logging
import threading
from datetime import date, time, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QLocale, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap, QShowEvent
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

from app.reports.charts import Image, InsightsCharts, InsightsData
from app.week.workmodel import iso_week_days, iso_week_of
from ui.messages import clock_text, number_text, tr

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.clock import Clock
    from app.reports.export import ExportOptions
    from app.reports.metrics import WeekReport
    from app.service import FokusService
    from ui.shell.controller import FokusController

log = logging.getLogger(__name__)


Key = tuple[str, int, float]  # week, data generation, screen scale


class ChartRenderer:
    """The one thread that draws Insights charts, a job at a time: the week on
    screen before the weeks drawn ahead.

    Windows collect their images with a timer of their own (``take``): a signal
    sent from this thread to a window closed meanwhile would reach a deleted
    object."""

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._jobs: dict[Key, tuple[int, InsightsData]] = {}
        self._done: dict[Key, list[Image]] = {}
        self._partial: dict[Key, list[Image]] = {}  # being drawn
        self._failed: set[Key] = set()
        self._drawing: Key | None = None  # the job being drawn
        self._dropped = False  # … and its window has closed meanwhile
        self._thread: threading.Thread | None = None
        self._closing = False  # the process is ending: the thread leaves
        self.ready = threading.Event()  # matplotlib is imported
        self.warm = threading.Event()  # … and has drawn once (InsightsCharts.warm_up)
        # This week's charts drawn while nothing else is asked: how to gather
        # their data (in this thread: reads only), at which screen scale; and
        # the last ones drawn, by what they were drawn from.
        self._ahead: tuple[Callable[[], InsightsData], float] | None = None
        self._made: tuple[str, list[Image]] | None = None
        self.made = threading.Event()  # set whenever ahead-drawn charts are ready

    def start(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="fokus-charts",
                                                daemon=True)
                self._thread.start()
                atexit.register(self.stop)

    def stop(self, timeout: float = 5.0) -> None:
        """Lets the thread finish the chart it draws and leave (at the process's
        end: a thread left inside matplotlib's C++ while the interpreter
        finalizes is ended by force, and that aborts the process: "terminate
        called without an active exception")."""
        with self._lock:
            self._closing = True
            self._lock.notify_all()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def submit(self, key: Key, data: InsightsData, urgent: bool) -> None:
        self.start()
        with self._lock:
            if key in self._done or key in self._failed:
                return
            priority = 0 if urgent else 1
            old = self._jobs.get(key)
            self._jobs[key] = (min(priority, old[0]) if old else priority, data)
            self._lock.notify()

    def prepare(self, gather: Callable[[], InsightsData], scale: float) -> None:
        """Draw the charts of ``gather()`` when there is nothing else to draw."""
        self.start()
        with self._lock:
            self._ahead = (gather, scale)
            self.made.clear()
            self._lock.notify()

    def ready_made(self, data: InsightsData, scale: float) -> list[Image] | None:
        """The charts drawn ahead, if they were drawn from these very figures."""
        with self._lock:
            if self._made is not None and self._made[0] == fingerprint(data, scale):
                return list(self._made[1])
        return None

    def take(self, key: Key) -> tuple[list[Image], bool]:
        """The images of ``key`` drawn so far, and whether that is all of them
        (then they are forgotten here: the window keeps them)."""
        with self._lock:
            if key in self._failed:
                self._failed.discard(key)
                return [], True
            if key in self._done:
                return self._done.pop(key), True
            return list(self._partial.get(key, ())), False

    def forget(self, keys: set[Key]) -> None:
        """Drop the queued and finished jobs of ``keys`` (their window closed);
        other windows' jobs stay."""
        with self._lock:
            for table in (self._jobs, self._done):
                for key in [k for k in table if k in keys]:
                    del table[key]
            self._failed -= keys
            if self._drawing in keys:
                self._dropped = True

    def _waited_for(self) -> bool:
        """A window waits for charts (the warm-up gives way), or the process ends."""
        with self._lock:
            return bool(self._jobs) or self._closing

    def _work(self) -> None:
        import matplotlib

        matplotlib.use("Agg", force=False)
        import matplotlib.backends.backend_agg  # noqa: F401
        import matplotlib.figure  # noqa: F401

        self.ready.set()
        charts = InsightsCharts()
        try:
            charts.warm_up(stop=self._waited_for)
        except Exception:  # the real charts say what is wrong, if anything is
            log.exception("cannot draw the sample charts")
        self.warm.set()
        while True:
            with self._lock:
                while not self._jobs and self._ahead is None and not self._closing:
                    self._lock.wait()
                if self._closing:
                    return
                ahead = None
                if self._jobs:
                    key = min(self._jobs, key=lambda k: self._jobs[k][0])
                    _priority, data = self._jobs.pop(key)
                    self._drawing, self._dropped = key, False
                else:
                    ahead, self._ahead = self._ahead, None
            if ahead is not None:
                self._draw_ahead(charts, *ahead)
                continue
            def drawn(image: Image, key: Key = key) -> None:
                with self._lock:
                    self._partial.setdefault(key, []).append(image)

            try:
                # A window closed meanwhile wants no more of them.
                images = charts.draw(data, key[2], drawn,
                                     stop=lambda: self._closing or self._dropped)
            except Exception:
                log.exception("cannot draw the charts of %s", key[0])
                images = None
            with self._lock:
                self._partial.pop(key, None)
                if not self._dropped:  # a closed window's charts are not kept
                    if images is None:
                        self._failed.add(key)
                    else:
                        self._done[key] = images
                self._drawing = None


    def _draw_ahead(self, charts: InsightsCharts, gather: Callable[[], InsightsData],
                    scale: float) -> None:
        """This week's charts, unless they are drawn already from the same
        figures; a window asking for charts meanwhile comes first (then these
        are left, to be drawn at the next quiet moment)."""
        try:
            data = gather()
            drawn_from = fingerprint(data, scale)
            with self._lock:
                if self._made is not None and self._made[0] == drawn_from:
                    self.made.set()
                    return
            images = charts.draw(data, scale, stop=self._waited_for)
        except Exception:  # the store closed under it (quitting), say: nothing to show
            log.exception("cannot draw this week's charts ahead")
            return
        if len(images) < InsightsCharts.COUNT:
            return
        with self._lock:
            self._made = (drawn_from, images)
        self.made.set()


def fingerprint(data: InsightsData, scale: float) -> str:
    """What a drawing of ``data`` depends on: the figures, the screen's scale and
    the language (its words and its way of writing numbers)."""
    from app.i18n import language

    return repr((data.report["days"], data.by_project, sorted(data.colours.items()),
                 data.history, data.week, data.satisfaction, data.energy,
                 sorted(data.by_hour.items()), data.deep_spans, scale, language()))


RENDERER = ChartRenderer()
_GENERATIONS = itertools.count()


def load_matplotlib_in_background() -> None:
    """Import matplotlib once per process, off the GUI thread, and draw once
    (the first drawing of a process loads the fonts)."""
    RENDERER.start()


def charts_ahead(controller: FokusController) -> None:
    """While the tray is idle: matplotlib made ready, and this week's charts
    drawn, both in the chart worker (the figures are read there too, reads
    only), so Insights opening on the same figures shows them at once."""
    from PySide6.QtGui import QGuiApplication

    service, clock = controller.service, controller.clock
    week = iso_week_of(service.week.local(clock.now()).date())
    screen = QGuiApplication.primaryScreen()
    scale = float(screen.devicePixelRatio()) if screen is not None else 1.0
    RENDERER.prepare(lambda: chart_data(service, clock, week), scale)


def report_options() -> ExportOptions:
    """What the window's report includes: everything, it stays on this machine."""
    from app.reports.export import ExportOptions

    return ExportOptions(health=True, free_text=True)


def chart_data(service: FokusService, clock: Clock, week: str,
               week_report: WeekReport | None = None) -> InsightsData:
    """What the charts of ``week`` are drawn from. It only reads the store, so the
    chart worker may gather it."""
    from app.reports.export import day_rows
    from app.reports.metrics import Metrics
    from app.reports.pdf import focus_by_project

    figures = week_report or Metrics(service.store, clock).week(week)
    report = {"days": day_rows(figures, report_options()),
              "included": {"project_names": True}}
    colours = {p.name: p.colour for p in service.projects(include_archived=True)}
    model = service.week.work_model()
    return InsightsData(report, focus_by_project(report, figures), colours, figures.history,
                        week, figures.satisfaction, figures.energy, figures.by_hour,
                        [(s.start, s.end) for s in model.no_meeting])


# The size it opens at where the screen allows; on a small one (1366×768 is a
# common laptop) it takes what the screen has and the charts scroll.
PREFERRED_SIZE = (1100, 780)


def _day_text(day: str | date) -> str:
    """"Mon 23 Nov", "Sen 23 Nov": as the chart's axis names the day."""
    when = date.fromisoformat(day) if isinstance(day, str) else day
    return QLocale().toString(QDate(when), "ddd d MMM")


def _minutes(value: float) -> str:
    return tr("{n} min").format(n=number_text(round(value)))


def _sentence(parts: list[str]) -> str:
    text = "; ".join(parts)
    return text if text.endswith(".") else text + "."


def chart_texts(data: InsightsData) -> list[tuple[str, str]]:
    """Each chart's title and its figures in words (what a screen reader says of
    the picture), in the order the charts are drawn."""
    days = data.report["days"]
    focus = []
    for day, projects in zip(days, data.by_project, strict=False):
        total = sum(projects.values())
        text = f"{_day_text(day['date'])}: {_minutes(total)}"
        if projects:
            text += " (" + ", ".join(
                f"{name} {number_text(round(m))}"
                for name, m in sorted(projects.items(), key=lambda p: -p[1])) + ")"
        inside = day["focus_in_deep_windows_minutes"]
        if inside:
            text += tr(", {n} of them in no-meeting windows").format(
                n=number_text(round(inside)))
        focus.append(text)
    if not any(data.by_project):
        focus = [tr("No focus sessions this week yet.")]
    switches = [tr("{day}: context switches {switches}, interruptions {interruptions}").format(
        day=_day_text(d["date"]), switches=d["switches"], interruptions=d["interruptions"])
        for d in days]
    if not any(d["switches"] or d["interruptions"] for d in days):
        switches = [tr("No switches or interruptions this week.")]
    weeks = [(h["week"], h["satisfaction"], h["energy"]) for h in data.history] + [
        (data.week, data.satisfaction, data.energy)]
    wellbeing = []
    for week, satisfaction, energy in weeks:
        label = tr("week {n}").format(n=int(week.split("-W")[1]))
        if satisfaction is None and energy is None:
            wellbeing.append(tr("{week}: no reflection").format(week=label))
        else:
            wellbeing.append(tr("{week}: satisfaction {satisfaction}, energy {energy}").format(
                week=label, satisfaction=number_text(satisfaction, 2),
                energy=number_text(energy, 2)))
    if all(s is None for _w, s, _e in weeks):
        wellbeing = [tr("No reflections in these weeks yet.")]
    hours = [f"{clock_text(time(h))}: {_minutes(m)}" for h, m in sorted(data.by_hour.items())
             if round(m)]
    if not hours:
        hours = [tr("No focus sessions this week yet.")]
    def at(minute: int) -> str:
        return clock_text(time(minute // 60 % 24, minute % 60))

    windows = ", ".join(f"{at(a)}–{at(b)}" for a, b in data.deep_spans)
    by_hour = _sentence(hours)
    if windows:
        by_hour += " " + tr("No-meeting windows: {windows}.").format(windows=windows)
    return [
        (tr("Focus per day, by project"), _sentence(focus)),
        (tr("Switches and interruptions per day"), _sentence(switches)),
        (tr("Satisfaction and energy over the weeks (1–5)"), _sentence(wellbeing)),
        (tr("Focus by hour of day (shaded: no-meeting windows)"), by_hour),
    ]


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
        # One picture per chart; "Drawing the charts…" until the week's are drawn.
        self.canvases: list[QLabel] = []
        for i in range(InsightsCharts.COUNT):
            label = QLabel(self.tr("Drawing the charts…"))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setMinimumSize(int(InsightsCharts.SIZE[0] * 100),
                                 int(InsightsCharts.SIZE[1] * 100))
            self.grid.addWidget(label, i // 2, i % 2)
            self.canvases.append(label)
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
        self.ready = False  # the charts of the week shown are on screen
        # Moves on whenever the data changes; drawn from a count shared by every
        # window, so two windows never ask the worker for the same key.
        self._generation = next(_GENERATIONS)
        self._pictures: dict[Key, list[QPixmap]] = {}  # drawn weeks, kept
        self._wanted: dict[Key, InsightsData] = {}
        self._shown: Key | None = None
        self._waiting = QTimer(self)  # dies with the window, unlike a thread's signal
        self._waiting.setInterval(15)
        self._waiting.timeout.connect(self._collect)
        self._ahead = QTimer(self)
        self._ahead.setSingleShot(True)
        self._ahead.setInterval(150)
        self._ahead.timeout.connect(self._draw_ahead)
        self._stale = False
        controller.dataChanged.connect(self._data_changed)
        self._summary()
        # The window first, with "Drawing the charts…"; then the charts are asked for.
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        self._first.timeout.connect(self.draw)
        self._first.start(0)

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
        self._generation = next(_GENERATIONS)
        self._pictures.clear()
        self._summary()
        self.draw()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt naming
        if self._stale:
            self.refresh()
        elif not self.ready and self._shown is not None and self._shown not in self._wanted:
            self.draw()  # closed while its charts were being drawn
        super().showEvent(event)

    def shift(self, weeks: int) -> None:
        self.week = iso_week_of(iso_week_days(self.week)[0] + timedelta(weeks=weeks))
        self._summary()
        self.draw()

    def _summary(self) -> None:
        from app.reports.export import build_report
        from app.reports.metrics import Metrics

        svc = self.controller.service
        self.week_report = Metrics(svc.store, self.controller.clock).week(self.week)
        self.report = build_report(svc.store, self.controller.clock, self.week,
                                   report_options(), self.week_report)
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
        # What the charts are drawn from, and what they say in words.
        self.chart_data = self._data(self.week)
        texts = chart_texts(self.chart_data)
        for label, (title, figures) in zip(self.canvases, texts, strict=True):
            label.setAccessibleName(title)
            label.setAccessibleDescription(figures)

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

    def _key(self, week: str) -> Key:
        return week, self._generation, float(self.devicePixelRatioF())

    def _data(self, week: str) -> InsightsData:
        """What the charts of ``week`` are drawn from (the week shown: as summed up)."""
        svc = self.controller.service
        return chart_data(svc, self.controller.clock, week,
                          self.week_report if week == self.week else None)

    def draw(self) -> None:
        """Show the week's charts: at once when drawn before, else "Drawing the
        charts…" until the worker has drawn them."""
        key = self._key(self.week)
        self._shown = key
        if key in self._pictures:
            self._show(self._pictures[key])
            self._ahead.start()
            return
        made = RENDERER.ready_made(self.chart_data, key[2])
        if made is not None:  # drawn ahead while the tray was idle
            self._pictures[key] = [_picture(image, key[2]) for image in made]
            self._show(self._pictures[key])
            self._ahead.start()
            return
        self.ready = False
        for label in self.canvases:
            label.setPixmap(QPixmap())
            label.setText(self.tr("Drawing the charts…"))
        if key in self._wanted:  # being drawn ahead already: now it is the one shown
            RENDERER.submit(key, self._wanted[key], urgent=True)
            self._waiting.start()
            return
        self._wanted[key] = self.chart_data
        RENDERER.submit(key, self._wanted[key], urgent=True)
        self._waiting.start()

    def _draw_ahead(self) -> None:
        """While the window is idle, the weeks either side (◀ and ▶ show them at once)."""
        for step in (-1, 1):
            week = iso_week_of(iso_week_days(self.week)[0] + timedelta(weeks=step))
            key = self._key(week)
            if key not in self._pictures and key not in self._wanted:
                self._wanted[key] = self._data(week)
                RENDERER.submit(key, self._wanted[key], urgent=False)
                self._waiting.start()
                self._ahead.start()  # the other side at the next idle moment
                return

    def _collect(self) -> None:
        for key in list(self._wanted):
            images, finished = RENDERER.take(key)
            if key == self._shown and not finished:
                # The first charts while the others are still being drawn.
                shown = sum(1 for label in self.canvases if not label.pixmap().isNull())
                for label, image in list(zip(self.canvases, images, strict=False))[shown:]:
                    label.setText("")
                    label.setPixmap(_picture(image, key[2]))
            if not finished:
                continue
            del self._wanted[key]
            self._pictures[key] = [_picture(image, key[2]) for image in images]
            if key == self._shown:
                self._show(self._pictures[key])
                self._ahead.start()
        # Weeks of an older generation or scale are of no use any more.
        for key in [k for k in self._wanted if k[1:] != self._key(self.week)[1:]]:
            del self._wanted[key]
        if not self._wanted:
            self._waiting.stop()

    def _show(self, pictures: list[QPixmap]) -> None:
        for label, picture in zip(self.canvases, pictures, strict=False):
            label.setText("")
            label.setPixmap(picture)
        self.ready = len(pictures) == len(self.canvases)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt naming
        # Nothing more to draw for a window no one sees (another window's
        # charts are its own: the keys are this window's alone).
        RENDERER.forget(set(self._wanted))
        self._wanted.clear()
        self._waiting.stop()
        self._ahead.stop()
        super().closeEvent(event)


def _picture(image: Image, scale: float) -> QPixmap:
    width, height, pixels = image
    picture = QPixmap.fromImage(QImage(pixels, width, height, 4 * width,
                                       QImage.Format.Format_RGBA8888))
    picture.setDevicePixelRatio(scale)
    return picture
