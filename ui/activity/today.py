"""Today: the day's sessions, switches and interruptions on a timeline, and
the estimated time lost to switching (an estimate, with its source)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, QSize, Qt, QTime
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.messages import tr

if TYPE_CHECKING:
    from ui.shell.controller import FokusController


def _minute(iso: str | None) -> float | None:
    if not iso:
        return None
    t = datetime.fromisoformat(iso)
    return t.hour * 60 + t.minute + t.second / 60


class Timeline(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.log: dict[str, Any] = {"sessions": [], "switches": [], "interruptions": []}
        self.colours: dict[str, str] = {}
        self.now_minute: float | None = None
        self.setFixedHeight(100)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(800, 100)

    def set_log(self, log: dict[str, Any], colours: dict[str, str],
                now_minute: float | None) -> None:
        self.log, self.colours, self.now_minute = log, colours, now_minute
        self.update()

    def _span(self) -> tuple[float, float]:
        minutes = [m for s in self.log["sessions"] for m in (
            _minute(s["start"]), _minute(s["end"]) or self.now_minute) if m is not None]
        minutes += [m for x in self.log["switches"] if (m := _minute(x["at"])) is not None]
        first = min([7 * 60.0, *minutes])
        last = max([18 * 60.0, *minutes])
        return (first // 60) * 60, -(-last // 60) * 60

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt naming
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        first, last = self._span()
        left, right = 10.0, self.width() - 10.0

        def x(minute: float) -> float:
            return left + (minute - first) / (last - first) * (right - left)

        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        p.setFont(small)
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        bar_top, bar_h = 32.0, 36.0
        for hour in range(int(first // 60), int(last // 60) + 1):
            xx = x(hour * 60)
            p.setPen(QPen(muted, 0.5))
            p.drawLine(QPointF(xx, 24), QPointF(xx, bar_top + bar_h + 8))
            p.drawText(QRectF(xx - 20, 6, 40, 16), Qt.AlignmentFlag.AlignCenter, f"{hour:02d}")
        for s in self.log["sessions"]:
            a = _minute(s["start"])
            z = _minute(s["end"]) or self.now_minute
            if a is None or z is None:
                continue
            colour = QColor(self.colours.get(s["project"], "#2a9d8f"))
            p.setPen(QPen(colour.darker(130), 1))
            p.setBrush(colour)
            p.drawRoundedRect(QRectF(x(a), bar_top, max(2.0, x(z) - x(a)), bar_h), 3, 3)
            for pause in s["pauses"]:
                pa = _minute(pause["start"])
                pz = _minute(pause["end"]) or self.now_minute
                if pa is None or pz is None:
                    continue
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QBrush(QColor(255, 255, 255, 200), Qt.BrushStyle.BDiagPattern))
                p.drawRect(QRectF(x(pa), bar_top, max(1.0, x(pz) - x(pa)), bar_h))
        # Switches: triangles under the bar; interruptions: red dots above it.
        for sw in self.log["switches"]:
            m = _minute(sw["at"])
            if m is None:
                continue
            xx = x(m)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#264653") if sw["source"] != "automatic" else QColor("#8e5fa8"))
            p.drawPolygon(QPolygonF([QPointF(xx, bar_top + bar_h + 4),
                                     QPointF(xx - 6, bar_top + bar_h + 15),
                                     QPointF(xx + 6, bar_top + bar_h + 15)]))
        for it in self.log["interruptions"]:
            m = _minute(it["at"])
            if m is None:
                continue
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#c1121f"))
            p.drawEllipse(QPointF(x(m), bar_top - 6), 4, 4)
        if self.now_minute is not None and first <= self.now_minute <= last:
            p.setPen(QPen(QColor("#e76f51"), 1.5, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x(self.now_minute), 22), QPointF(x(self.now_minute),
                                                                bar_top + bar_h + 18))
        p.end()


class TodayWindow(QMainWindow):
    def __init__(self, controller: FokusController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Fokus — Today"))
        self.resize(900, 560)
        self.day = controller.service.week.local(controller.clock.now()).date()
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; font-size: 14pt;")
        self.date_edit = QDateEdit(QDate(self.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setAccessibleName(self.tr("Day shown"))
        self.date_edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self.date_edit.dateChanged.connect(lambda d: self.show_day(d.toPython()))
        today = QPushButton(self.tr("Today"))
        today.clicked.connect(lambda: self.date_edit.setDate(QDate(
            controller.service.week.local(controller.clock.now()).date())))
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.date_edit)
        top.addWidget(today)
        self.figures = QLabel()
        self.figures.setObjectName("todayFigures")
        self.figures.setWordWrap(True)
        self.cost = QLabel()
        self.cost.setObjectName("switchCost")
        self.cost.setWordWrap(True)
        self.cost.setStyleSheet("#switchCost { background: #fff3cd; color: #664d03;"
                                " border-radius: 6px; padding: 8px; }")
        self.timeline = Timeline()
        self.events = QTreeWidget()
        self.events.setHeaderLabels([self.tr("Time"), self.tr("What"), self.tr("Details")])
        self.events.setRootIsDecorated(False)
        self.events.setAccessibleName(self.tr("The day's events"))
        self.events.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.events.setAlternatingRowColors(True)
        legend = QLabel(self.tr("Bars: focus sessions (hatched: paused) · ▲ switch "
                                "(purple: automatic) · ● interruption"))
        legend.setStyleSheet("color: palette(placeholder-text);")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addWidget(self.figures)
        layout.addWidget(self.timeline)
        layout.addWidget(legend)
        layout.addWidget(self.cost)
        layout.addWidget(self.events, 1)
        self.setCentralWidget(central)
        self._stale = False
        # Sessions, switches and interruptions change what the day shows;
        # the running session's own minutes move with ``changed``.
        controller.dataChanged.connect(self._data_changed)
        controller.changed.connect(self._session_moved)
        self.reload()

    def _data_changed(self, topics: frozenset[str]) -> None:
        if topics & {"sessions", "activity", "projects", "settings"}:
            self._reload_when_seen()

    def _session_moved(self) -> None:
        if self.controller.is_ready and self.controller.view is not None:
            self._reload_when_seen()

    def _reload_when_seen(self) -> None:
        """Reload now if on screen, else when next shown."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt naming
        if self._stale:
            self.reload()
        super().showEvent(event)

    def show_day(self, day: date) -> None:
        self.day = day
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(day))
        self.date_edit.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        if not self.controller.is_ready:
            return
        self._stale = False
        svc = self.controller.service
        log = svc.activity.day_log(self.day)
        local_now = svc.week.local(self.controller.clock.now())
        now_minute = local_now.hour * 60 + local_now.minute if local_now.date() == self.day \
            else None
        colours = {p.name: p.colour for p in svc.projects(include_archived=True)}
        self.timeline.set_log(log, colours, now_minute)
        locale = QLocale()
        self.title.setText(self.tr("Today") if now_minute is not None else
                           locale.toString(QDate(self.day), QLocale.FormatType.LongFormat))
        done = sum(1 for s in log["sessions"] if s["state"] == "finished")
        sessions, switches, hits = (len(log["sessions"]), len(log["switches"]),
                                    len(log["interruptions"]))
        switch_text = (self.tr("1 context switch") if switches == 1 else
                       self.tr("{n} context switches").format(n=switches))
        self.figures.setText(self.tr("{focus} min of focus in {sessions} ({done} completed) · "
                                     "{switches} · {interruptions}").format(
            focus=locale.toString(round(log["focus_minutes"])), done=done,
            sessions=self.tr("1 session") if sessions == 1 else
            self.tr("{n} sessions").format(n=sessions),
            switches=switch_text,
            interruptions=self.tr("1 interruption") if hits == 1 else
            self.tr("{n} interruptions").format(n=hits)))
        self.cost.setText(self.tr(
            "Estimated time lost to switching: about {lost} min ({switches} × {buffer} min "
            "to get back into a task). This is an estimate: in Parnin & Rugaber 2011 only "
            "about 10 % of programming sessions resumed with an edit within a minute, and "
            "10–15 minutes before the first edit is typical; change the buffer in "
            "Settings.").format(lost=log["estimated_minutes_lost_to_switching"],
                                switches=switch_text, buffer=log["resumption_buffer_minutes"]))
        self.events.clear()
        rows: list[tuple[str, str, str]] = []
        from app.domain import SwitchTrigger
        from ui.activity.dialogs import trigger_text
        from ui.tray.tray import interruption_sources

        states = {"finished": tr("completed"), "abandoned": tr("stopped early"),
                  "focusing": tr("running"), "paused": tr("paused")}
        sources = {"tray": tr("tray"), "hotkey": tr("hotkey"), "cli": tr("command line"),
                   "automatic": tr("noticed automatically"), "window": tr("window")}
        interruptions = dict(interruption_sources())

        def at(iso: str) -> str:
            # Sorted by the ISO text; shown as the language writes a time (09.30).
            return iso[11:16] + "\0" + locale.toString(
                QTime.fromString(iso[11:16], "HH:mm"), QLocale.FormatType.ShortFormat)

        for s in log["sessions"]:
            what = s["project"] + (f" — {s['batch']}" if s["batch"] else "")
            rows.append((at(s["start"]), tr("Focus session"), tr(
                "{what}: {minutes} min, {state}").format(
                    what=what, minutes=round(s["focus_minutes"]),
                    state=states.get(s["state"], s["state"]))))
        for x in log["switches"]:
            rows.append((at(x["at"]), tr("Switch"), tr("{a} → {b} ({trigger}, {source})").format(
                a=x["from"] or "—", b=x["to"], trigger=trigger_text(SwitchTrigger(x["trigger"])),
                source=sources.get(x["source"], x["source"]))))
        for x in log["interruptions"]:
            detail = interruptions.get(x["source"], x["source"]) + (
                tr(", {n} min").format(n=x["minutes"]) if x["minutes"] else "")
            rows.append((at(x["at"]), tr("Interruption"), detail))
        for when, kind, detail in sorted(rows):
            self.events.addTopLevelItem(QTreeWidgetItem([when.split("\0")[1], kind, detail]))
        for c in range(2):
            self.events.resizeColumnToContents(c)


__all__ = ["TodayWindow", "timedelta"]
