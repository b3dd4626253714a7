"""Today: the day's sessions, switches and interruptions on a timeline that can
be edited (ui/activity/timeline.py), entries changed by hand marked as such, and
the estimated time lost to switching (an estimate, with its source)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QLocale, Qt, QTime
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
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

from ui.activity.timeline import Timeline, TimelineEditor
from ui.messages import tr

if TYPE_CHECKING:
    from app.service import FokusService
    from ui.shell.controller import FokusController


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
        # The edit history (ui/history): of the session chosen below, else every change.
        self.history_button = QPushButton(self.tr("History…"))
        self.history_button.setObjectName("todayHistory")
        self.history_button.setAccessibleName(self.tr("Edit history of the chosen session, "
                                                      "or of every change"))
        self.history_button.clicked.connect(self.open_history)
        top.addWidget(self.history_button)
        self.figures = QLabel()
        self.figures.setObjectName("todayFigures")
        self.figures.setWordWrap(True)
        self.cost = QLabel()
        self.cost.setObjectName("switchCost")
        self.cost.setWordWrap(True)
        self.cost.setStyleSheet("#switchCost { background: #fff3cd; color: #664d03;"
                                " border-radius: 6px; padding: 8px; }")
        # Sessions that ran at the same time on two computers (app/sync): to settle here.
        self.conflict = QLabel()
        self.conflict.setObjectName("syncConflict")
        self.conflict.setWordWrap(True)
        self.conflict.setStyleSheet("#syncConflict { background: #fde2cf; color: #6b2e00;"
                                    " border-radius: 6px; padding: 8px; }")
        self.conflict.hide()
        self.timeline = Timeline()
        self.editor = TimelineEditor(controller, self.timeline, self, lambda: self.day)
        self.notice = QLabel()
        self.notice.setObjectName("editNotice")
        self.notice.setStyleSheet("color: palette(placeholder-text);")
        self.editor.notice.connect(self.notice.setText)
        self.undo_action = QAction(self.tr("Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.editor.undo)
        self.addAction(self.undo_action)
        self.events = QTreeWidget()
        self.events.setHeaderLabels([self.tr("Time"), self.tr("What"), self.tr("Details")])
        self.events.setRootIsDecorated(False)
        self.events.setAccessibleName(self.tr("The day's events"))
        self.events.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.events.setAlternatingRowColors(True)
        self.session_history = QAction(self.tr("History of this session…"), self)
        self.session_history.triggered.connect(self.open_history)
        self.events.addAction(self.session_history)
        self.events.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.events.currentItemChanged.connect(
            lambda item, _old: self.session_history.setEnabled(
                self._chosen_session(item) is not None))
        legend = QLabel(self.tr("Bars: focus sessions (hatched: paused; dashed ✎: changed by "
                                "hand) · ▲ switch (purple: automatic) · ● interruption · drag "
                                "a bar's edge to move it, right-click to edit"))
        legend.setWordWrap(True)
        legend.setStyleSheet("color: palette(placeholder-text);")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addWidget(self.figures)
        layout.addWidget(self.conflict)
        from ui.activity.goals_widget import GoalsWidget

        layout.addWidget(GoalsWidget(controller))
        layout.addWidget(self.timeline)
        layout.addWidget(legend)
        layout.addWidget(self.notice)
        layout.addWidget(self.cost)
        layout.addWidget(self.events, 1)
        self.setCentralWidget(central)
        self.timeline.setFocus()
        self._stale = False
        # Sessions, switches and interruptions change what the day shows;
        # the running session's own minutes move with ``changed``.
        controller.dataChanged.connect(self._data_changed)
        controller.changed.connect(self._session_moved)
        self.reload()

    def _data_changed(self, topics: frozenset[str]) -> None:
        if topics & {"sessions", "activity", "projects", "settings", "history"}:
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

    @staticmethod
    def _chosen_session(item: QTreeWidgetItem | None) -> int | None:
        value = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return int(value) if isinstance(value, int) else None

    def open_history(self) -> None:
        from ui.history.window import open_history

        self.history_window = open_history(self.controller, self, self._chosen_session(
            self.events.currentItem()))

    def _show_conflicts(self, svc: FokusService, shown: dict[int, dict[str, Any]]) -> None:
        pairs = [c for c in svc.sync.conflicts() if c.first in shown and c.second in shown]

        def name(session_id: int) -> str:
            row = shown[session_id]
            return f"{row['project']} {str(row['start'])[11:16]}"

        self.conflict.setText(" ".join(self.tr(
            "{a} and {b} ran at the same time on two computers: keep one (right-click a bar "
            "to edit or delete it); until then the time they share counts once.").format(
                a=name(c.first), b=name(c.second)) for c in pairs))
        self.conflict.setVisible(bool(pairs))

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
        marks = {("focus_session", k): v for k, v in svc.history.marks(
            "focus_session", [x["id"] for x in log["sessions"]]).items()}
        for entity, key in (("context_switch", "switches"), ("interruption", "interruptions")):
            marks.update({(entity, k): v for k, v in svc.history.marks(
                entity, [x["id"] for x in log[key]]).items()})
        self.timeline.set_log(log, colours, now_minute, marks, self.day.isoformat())
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
        self._show_conflicts(svc, {x["id"]: x for x in log["sessions"]})
        from ui.activity.git_watch import switch_cost_text

        self.cost.setText(switch_cost_text(log["estimated_minutes_lost_to_switching"],
                                           switch_text, log["resumption_buffer_minutes"],
                                           log.get("resumption_measured")))
        self.events.clear()
        rows: list[tuple[str, str, str, int | None]] = []
        from app.domain import SwitchTrigger
        from ui.activity.dialogs import trigger_text
        from ui.tray.tray import interruption_sources

        states = {"finished": tr("completed"), "abandoned": tr("stopped early"),
                  "focusing": tr("running"), "paused": tr("paused")}
        sources = {"tray": tr("tray"), "hotkey": tr("hotkey"), "cli": tr("command line"),
                   "automatic": tr("noticed automatically"), "window": tr("window"),
                   "git": tr("git activity")}
        interruptions = dict(interruption_sources())
        changed = {"added": tr(" · added by hand"), "edited": tr(" · edited by hand")}

        def mark(entity: str, row_id: int) -> str:
            return changed.get(marks.get((entity, row_id), ""), "")

        def at(iso: str) -> str:
            # Sorted by the ISO text; shown as the language writes a time (09.30).
            return iso[11:16] + "\0" + locale.toString(
                QTime.fromString(iso[11:16], "HH:mm"), QLocale.FormatType.ShortFormat)

        for s in log["sessions"]:
            what = s["project"] + (f" — {s['batch']}" if s["batch"] else "")
            rows.append((at(s["start"]), tr("Focus session"), tr(
                "{what}: {minutes} min, {state}").format(
                    what=what, minutes=round(s["focus_minutes"]),
                    state=states.get(s["state"], s["state"])) + mark("focus_session", s["id"])
                + (tr(" · {n} min more at the same time as another computer's session, "
                      "counted there").format(n=round(s["shared_minutes"]))
                   if s.get("shared_minutes") else ""),
                s["id"]))
        for x in log["switches"]:
            rows.append((at(x["at"]), tr("Switch"), tr("{a} → {b} ({trigger}, {source})").format(
                a=x["from"] or "—", b=x["to"], trigger=trigger_text(SwitchTrigger(x["trigger"])),
                source=sources.get(x["source"], x["source"])) + mark("context_switch", x["id"]),
                None))
        for x in log["interruptions"]:
            detail = interruptions.get(x["source"], x["source"]) + (
                tr(", {n} min").format(n=x["minutes"]) if x["minutes"] else "")
            rows.append((at(x["at"]), tr("Interruption"),
                         detail + mark("interruption", x["id"]), x["session"]))
        for when, kind, detail, session_id in sorted(rows, key=lambda r: r[:3]):
            item = QTreeWidgetItem([when.split("\0")[1], kind, detail])
            if session_id is not None:
                item.setData(0, Qt.ItemDataRole.UserRole, session_id)
            self.events.addTopLevelItem(item)
        self.session_history.setEnabled(False)
        for c in range(2):
            self.events.resizeColumnToContents(c)


__all__ = ["Timeline", "TodayWindow", "timedelta"]
