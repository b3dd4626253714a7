"""Today's timeline, editable: the day's sessions as bars, switches as triangles
under them, interruptions as dots above. Drag a finished session's left or right
edge to move its start or end; right-click anything for its menu (edit, split,
change project or batch, delete; undo). Sessions added or edited by hand are
marked: a dashed outline and a pencil.

``Timeline`` draws and reports gestures; ``TimelineEditor`` turns them into
edits of the past (app/history), asking before it trims another session."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QMenu, QWidget

from app.domain import SwitchTrigger
from app.errors import ErrorCode, FokusError
from ui.messages import error_text

if TYPE_CHECKING:
    from ui.shell.controller import FokusController

BAR_TOP, BAR_H = 32.0, 36.0
EDGE_PX = 6.0  # how near an edge the pointer must be to grab it


def minute_of(iso: str | None) -> float | None:
    if not iso:
        return None
    t = datetime.fromisoformat(iso)
    return t.hour * 60 + t.minute + t.second / 60


@dataclass(frozen=True)
class Hit:
    """What lies under the pointer."""

    kind: str  # "session", "start", "end" (a session's edges), "pause", "switch",
    # "interruption", or "" (the empty day)
    row: dict[str, Any] | None = None
    session: dict[str, Any] | None = None  # the session a pause belongs to


class Timeline(QWidget):
    edgeDragged = Signal(int, float, float)  # session id, new start and end minute
    menuRequested = Signal(object, float, QPoint)  # Hit, minute of the day, global point

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayTimeline")
        self.log: dict[str, Any] = {"sessions": [], "switches": [], "interruptions": []}
        self.colours: dict[str, str] = {}
        self.marks: dict[tuple[str, int], str] = {}
        self.now_minute: float | None = None
        self.day_text = ""  # YYYY-MM-DD of the day shown
        self._drag: tuple[int, str, float, float] | None = None  # id, edge, start, end
        self.setFixedHeight(100)
        self.setMouseTracking(True)
        # Takes the keyboard, so Ctrl+Z reaches the window's Undo rather than
        # a text field's own.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(800, 100)

    def set_log(self, log: dict[str, Any], colours: dict[str, str],
                now_minute: float | None, marks: dict[tuple[str, int], str] | None = None,
                day_text: str = "") -> None:
        self.log, self.colours, self.now_minute = log, colours, now_minute
        self.marks = marks or {}
        self.day_text = day_text
        self._drag = None
        self.update()

    # -- geometry ---------------------------------------------------------------------

    def span(self) -> tuple[float, float]:
        minutes = [m for s in self.log["sessions"] for m in (
            minute_of(s["start"]), minute_of(s["end"]) or self.now_minute) if m is not None]
        minutes += [m for x in self.log["switches"] if (m := minute_of(x["at"])) is not None]
        first = min([7 * 60.0, *minutes])
        last = max([18 * 60.0, *minutes])
        return (first // 60) * 60, -(-last // 60) * 60

    def x_of(self, minute: float) -> float:
        first, last = self.span()
        left, right = 10.0, self.width() - 10.0
        return left + (minute - first) / (last - first) * (right - left)

    def minute_at(self, x: float) -> float:
        first, last = self.span()
        left, right = 10.0, self.width() - 10.0
        return first + (x - left) / max(1.0, right - left) * (last - first)

    def session_span(self, s: dict[str, Any]) -> tuple[float, float] | None:
        a = minute_of(s["start"])
        z = minute_of(s["end"]) or self.now_minute
        if a is None or z is None:
            return None
        if self._drag is not None and self._drag[0] == s["id"]:
            return self._drag[2], self._drag[3]
        return a, z

    def editable(self, s: dict[str, Any]) -> bool:
        """A finished session that starts and ends on the day shown can be dragged."""
        return bool(s["end"]) and s["start"][:10] == s["end"][:10] == self.day_text

    def hit_at(self, pos: QPointF) -> Hit:
        x, y = pos.x(), pos.y()
        for it in self.log["interruptions"]:
            m = minute_of(it["at"])
            if m is not None and abs(self.x_of(m) - x) <= 6 and abs(BAR_TOP - 6 - y) <= 6:
                return Hit("interruption", it)
        for sw in self.log["switches"]:
            m = minute_of(sw["at"])
            if m is not None and abs(self.x_of(m) - x) <= 7 and \
                    BAR_TOP + BAR_H + 2 <= y <= BAR_TOP + BAR_H + 17:
                return Hit("switch", sw)
        if BAR_TOP <= y <= BAR_TOP + BAR_H:
            for s in self.log["sessions"]:
                found = self.session_span(s)
                if found is None:
                    continue
                xa, xz = self.x_of(found[0]), self.x_of(found[1])
                if self.editable(s):
                    if abs(x - xa) <= EDGE_PX:
                        return Hit("start", s)
                    if abs(x - xz) <= EDGE_PX:
                        return Hit("end", s)
                if xa <= x <= xz:
                    for p in s["pauses"]:
                        pa, pz = minute_of(p["start"]), minute_of(p["end"]) or self.now_minute
                        if pa is not None and pz is not None and \
                                self.x_of(pa) <= x <= self.x_of(pz) and p.get("id"):
                            return Hit("pause", p, s)
                    return Hit("session", s)
        return Hit("")

    # -- gestures ---------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt naming
        if event.button() == Qt.MouseButton.LeftButton:
            hit = self.hit_at(event.position())
            if hit.kind in ("start", "end") and hit.row is not None:
                found = self.session_span(hit.row)
                if found is not None:
                    self._drag = (hit.row["id"], hit.kind, found[0], found[1])
                    event.accept()
                    return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt naming
        if self._drag is not None:
            session_id, edge, a, z = self._drag
            minute = float(round(self.minute_at(event.position().x())))
            if edge == "start":
                a = min(minute, z - 1)
            else:
                z = max(minute, a + 1)
                if self.now_minute is not None:
                    z = min(z, float(int(self.now_minute)))
            self._drag = (session_id, edge, a, z)
            self.update()
            return
        hit = self.hit_at(event.position())
        self.setCursor(Qt.CursorShape.SizeHorCursor if hit.kind in ("start", "end")
                       else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt naming
        if self._drag is not None and event.button() == Qt.MouseButton.LeftButton:
            session_id, _edge, a, z = self._drag
            row = next((s for s in self.log["sessions"] if s["id"] == session_id), None)
            self._drag = None
            self.update()
            if row is not None and (a, z) != (minute_of(row["start"]), minute_of(row["end"])):
                self.edgeDragged.emit(session_id, a, z)
            return
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt naming
        pos = QPointF(event.pos())
        self.menuRequested.emit(self.hit_at(pos), self.minute_at(pos.x()), event.globalPos())

    # -- drawing ----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt naming
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        first, last = self.span()
        x = self.x_of
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        p.setFont(small)
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        for hour in range(int(first // 60), int(last // 60) + 1):
            xx = x(hour * 60)
            p.setPen(QPen(muted, 0.5))
            p.drawLine(QPointF(xx, 24), QPointF(xx, BAR_TOP + BAR_H + 8))
            p.drawText(QRectF(xx - 20, 6, 40, 16), Qt.AlignmentFlag.AlignCenter, f"{hour:02d}")
        for s in self.log["sessions"]:
            found = self.session_span(s)
            if found is None:
                continue
            a, z = found
            colour = QColor(self.colours.get(s["project"], "#2a9d8f"))
            rect = QRectF(x(a), BAR_TOP, max(2.0, x(z) - x(a)), BAR_H)
            p.setPen(QPen(colour.darker(130), 1))
            p.setBrush(colour)
            p.drawRoundedRect(rect, 3, 3)
            for pause in s["pauses"]:
                pa = minute_of(pause["start"])
                pz = minute_of(pause["end"]) or self.now_minute
                if pa is None or pz is None:
                    continue
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QBrush(QColor(255, 255, 255, 200), Qt.BrushStyle.BDiagPattern))
                p.drawRect(QRectF(x(max(pa, a)), BAR_TOP,
                                  max(1.0, x(min(pz, z)) - x(max(pa, a))), BAR_H))
            mark = self.marks.get(("focus_session", s["id"]))
            if mark is not None or (self._drag is not None and self._drag[0] == s["id"]):
                # Changed by hand: a dashed outline, and a pencil in the corner.
                p.setPen(QPen(pal.color(QPalette.ColorRole.Text), 1.5, Qt.PenStyle.DashLine))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRoundedRect(rect.adjusted(-2, -2, 2, 2), 4, 4)
                if rect.width() > 14:
                    p.setPen(QPen(QColor("#ffffff")))
                    p.drawText(rect.adjusted(0, 1, -3, 0),
                               int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                               "✎")
            if self.editable(s):
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor(255, 255, 255, 170))
                for edge in (rect.left() + 2, rect.right() - 4):
                    p.drawRoundedRect(QRectF(edge, BAR_TOP + BAR_H / 2 - 7, 2, 14), 1, 1)
        for sw in self.log["switches"]:
            m = minute_of(sw["at"])
            if m is None:
                continue
            xx = x(m)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#264653") if sw["source"] != "automatic" else QColor("#8e5fa8"))
            p.drawPolygon(QPolygonF([QPointF(xx, BAR_TOP + BAR_H + 4),
                                     QPointF(xx - 6, BAR_TOP + BAR_H + 15),
                                     QPointF(xx + 6, BAR_TOP + BAR_H + 15)]))
        for it in self.log["interruptions"]:
            m = minute_of(it["at"])
            if m is None:
                continue
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#c1121f"))
            p.drawEllipse(QPointF(x(m), BAR_TOP - 6), 4, 4)
        if self.now_minute is not None and first <= self.now_minute <= last:
            p.setPen(QPen(QColor("#e76f51"), 1.5, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x(self.now_minute), 22), QPointF(x(self.now_minute),
                                                                BAR_TOP + BAR_H + 18))
        p.end()


class TimelineEditor(QObject):
    """Turns the timeline's gestures and menus into edits of the past."""

    notice = Signal(str)  # a line for the window: what happened, or why not

    def __init__(self, controller: FokusController, timeline: Timeline, window: QWidget,
                 day: Callable[[], Any]) -> None:
        super().__init__(window)
        self.controller = controller
        self.timeline = timeline
        self.window = window
        self.day = day  # the date shown
        self.menu: QMenu | None = None
        self.dialog: QWidget | None = None
        # Asked when an edit would overlap another session; replaced in tests.
        from ui.activity.history_dialogs import ask_trim

        self.ask_trim: Callable[[QWidget, FokusError], bool] = ask_trim
        timeline.edgeDragged.connect(self._dragged)
        timeline.menuRequested.connect(self.show_menu)

    @property
    def history(self) -> Any:
        return self.controller.service.history

    def at(self, minute: float, row: dict[str, Any] | None = None) -> datetime:
        """The instant of a minute of the day shown: on the clock ``row`` (a
        session of the day's log) was recorded on, where the timeline placed it,
        else in the local zone."""
        zone = self.controller.clock.zone()
        if row is not None and row.get("start"):
            zone = datetime.fromisoformat(row["start"]).tzinfo or zone
        return datetime.combine(self.day(), time(0), tzinfo=zone) + timedelta(
            minutes=round(minute))

    def _session_row(self, session_id: int) -> dict[str, Any] | None:
        return next((s for s in self.timeline.log["sessions"] if s["id"] == session_id), None)

    def run(self, edit: Callable[[bool], object], done: str = "") -> bool:
        """Run ``edit(trim)``; an overlap asks whether to trim the other session."""
        try:
            edit(False)
        except FokusError as err:
            if err.code is not ErrorCode.SESSION_OVERLAP or not self.ask_trim(self.window, err):
                if err.code is not ErrorCode.SESSION_OVERLAP:
                    self.notice.emit(error_text(err))
                return False
            try:
                edit(True)
            except FokusError as again:
                self.notice.emit(error_text(again))
                return False
        finally:
            self.controller.refresh()
        self.notice.emit(done or self.tr("Changed. Ctrl+Z undoes it."))
        return True

    def undo(self) -> None:
        try:
            self.history.undo()
        except FokusError as err:
            self.notice.emit(error_text(err))
            return
        finally:
            self.controller.refresh()
        self.notice.emit(self.tr("Undone."))

    def _dragged(self, session_id: int, start: float, end: float) -> None:
        row = self._session_row(session_id)
        self.run(lambda trim: self.history.edit_session(
            session_id, start=self.at(start, row), end=self.at(end, row), trim=trim))

    # -- the menus --------------------------------------------------------------------

    def show_menu(self, hit: Hit, minute: float, where: QPoint) -> QMenu:
        menu = self.build_menu(hit, minute)
        menu.popup(where)
        return menu

    def build_menu(self, hit: Hit, minute: float) -> QMenu:
        """The menu for what lies under the pointer at ``minute``."""
        menu = QMenu(self.window)
        menu.setObjectName("timelineMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if hit.kind in ("session", "start", "end", "pause") and hit.session is None:
            self._session_menu(menu, hit.row or {}, minute)
        elif hit.kind == "pause":
            self._pause_menu(menu, hit.row or {}, hit.session or {}, minute)
        elif hit.kind == "switch":
            self._switch_menu(menu, hit.row or {})
        elif hit.kind == "interruption":
            self._interruption_menu(menu, hit.row or {})
        else:
            add = menu.addAction(self.tr("Add a session here…"))
            add.triggered.connect(lambda: self.open_add(minute))
        menu.addSeparator()
        undo = menu.addAction(self.tr("Undo"))
        undo.setShortcut("Ctrl+Z")  # shown; the window's own action answers the key
        undo.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        undo.setEnabled(self.history.can_undo())
        undo.triggered.connect(self.undo)
        self.menu = menu
        return menu

    def _projects_menu(self, menu: QMenu, title: str, current: int | None,
                       choose: Callable[[int], object]) -> None:
        sub = menu.addMenu(title)
        for p in self.controller.service.projects():
            act = sub.addAction(p.name)
            act.setCheckable(True)
            act.setChecked(p.id == current)
            act.triggered.connect(lambda _=False, pid=p.id: choose(pid))

    def _entry(self, session_id: int) -> Any:
        start, end = self.history.day_bounds(self.day())
        return next((e for e in self.history.sessions(start - timedelta(days=1), end)
                     if e.id == session_id), None)

    def _session_menu(self, menu: QMenu, row: dict[str, Any], minute: float) -> None:
        entry = self._entry(row["id"])
        if entry is None:
            return
        running = entry.running
        edit = menu.addAction(self.tr("Edit…"))
        edit.triggered.connect(lambda: self.open_edit(row["id"]))
        split = menu.addAction(self.tr("Split here"))
        split.setEnabled(not running)
        split.triggered.connect(lambda: self.run(
            lambda _trim: self.history.split_session(row["id"], self.at(minute, row))))
        self._projects_menu(menu, self.tr("Change project"), entry.project_id,
                            lambda pid: self.run(lambda _trim: self.history.edit_session(
                                row["id"], project=pid)))
        batches = menu.addMenu(self.tr("Change batch"))
        none = batches.addAction(self.tr("No batch"))
        none.setCheckable(True)
        none.setChecked(entry.batch_id is None)
        none.triggered.connect(lambda: self.run(lambda _trim: self.history.edit_session(
            row["id"], batch=None)))
        for b in self.controller.service.batches(entry.project_id, include_done=True):
            act = batches.addAction(b.title)
            act.setCheckable(True)
            act.setChecked(b.id == entry.batch_id)
            act.triggered.connect(lambda _=False, bid=b.id: self.run(
                lambda _trim: self.history.edit_session(row["id"], batch=bid)))
        delete = menu.addAction(self.tr("Delete"))
        delete.setEnabled(not running)
        delete.triggered.connect(lambda: self.run(
            lambda _trim: self.history.delete_session(row["id"]),
            self.tr("Session deleted. Ctrl+Z brings it back.")))

    def _pause_menu(self, menu: QMenu, pause: dict[str, Any], session: dict[str, Any],
                    minute: float) -> None:
        focus = menu.addAction(self.tr("Count this pause as focus"))
        focus.setEnabled(bool(session.get("end")))
        focus.triggered.connect(lambda: self.run(
            lambda _trim: self.history.delete_pause(pause["id"])))
        menu.addSeparator()
        self._session_menu(menu, session, minute)

    def _switch_menu(self, menu: QMenu, row: dict[str, Any]) -> None:
        from ui.activity.dialogs import trigger_text

        names = {p.name: p.id for p in self.controller.service.projects(include_archived=True)}
        self._projects_menu(menu, self.tr("Change project"), names.get(row["to"]),
                            lambda pid: self.run(lambda _trim: self.history.edit_switch(
                                row["id"], to_project=pid)))
        reasons = menu.addMenu(self.tr("Change reason"))
        for trigger in SwitchTrigger:
            act = reasons.addAction(trigger_text(trigger))
            act.setCheckable(True)
            act.setChecked(trigger.value == row["trigger"])
            act.triggered.connect(lambda _=False, t=trigger: self.run(
                lambda _trim: self.history.edit_switch(row["id"], trigger=t)))
        delete = menu.addAction(self.tr("Delete"))
        delete.triggered.connect(lambda: self.run(
            lambda _trim: self.history.delete_entry("context_switch", row["id"])))

    def _interruption_menu(self, menu: QMenu, row: dict[str, Any]) -> None:
        from ui.tray.tray import interruption_sources

        sources = menu.addMenu(self.tr("Change source"))
        for source, text in interruption_sources():
            act = sources.addAction(text)
            act.setCheckable(True)
            act.setChecked(source == row["source"])
            act.triggered.connect(lambda _=False, s=source: self.run(
                lambda _trim: self.history.edit_interruption(row["id"], source=s)))
        delete = menu.addAction(self.tr("Delete"))
        delete.triggered.connect(lambda: self.run(
            lambda _trim: self.history.delete_entry("interruption", row["id"])))

    # -- the dialog ---------------------------------------------------------------------

    def open_edit(self, session_id: int) -> None:
        from ui.activity.history_dialogs import SessionEditDialog

        entry = self._entry(session_id)
        if entry is None:
            return
        zone = self.controller.clock.zone()
        now = self.controller.clock.now()
        dialog = SessionEditDialog(self.controller.service, entry.started_at.astimezone(zone),
                                   (entry.ended_at or now).astimezone(zone), entry.project_id,
                                   entry.batch_id, running=entry.running, parent=self.window)

        def accepted() -> None:
            start, end, project, batch = dialog.values()
            self.run(lambda trim: self.history.edit_session(
                session_id, start=None if entry.running else start,
                end=None if entry.running else end, project=project, batch=batch, trim=trim))

        dialog.accepted.connect(accepted)
        self.dialog = dialog
        dialog.open()

    def open_add(self, minute: float) -> None:
        from ui.activity.history_dialogs import SessionEditDialog

        zone = self.controller.clock.zone()
        now = self.controller.clock.now().astimezone(zone).replace(second=0, microsecond=0)
        start = min(self.at(minute), now - timedelta(minutes=30))
        dialog = SessionEditDialog(self.controller.service, start,
                                   min(start + timedelta(minutes=30), now), None, None,
                                   adding=True, parent=self.window)

        def accepted() -> None:
            a, z, project, batch = dialog.values()
            self.run(lambda trim: self.history.add_session(project, batch, a, z, trim=trim))

        dialog.accepted.connect(accepted)
        self.dialog = dialog
        dialog.open()
