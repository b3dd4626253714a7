"""The week view: days as columns, hours as rows; each day marked remote (WFA)
or office (WFO); no-meeting windows and core hours shaded; time blocks in
their project's colour; meetings from the calendar; conflicts flagged on the
block they concern. Blocks are created, moved, resized and deleted with the
mouse and with the keyboard."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from PySide6.QtCore import QLocale, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from app.week.workmodel import DayKind, WorkModel
from ui.messages import clock_text

SNAP = 15  # minutes
HEADER = 46
GUTTER = 52
MIN_COLUMN = 92


@dataclass
class BlockItem:
    id: int | None  # None: a block the planner proposes
    start: datetime  # local, aware
    end: datetime
    project: str
    colour: str
    batch: str | None
    kind: str
    conflicts: list[str] = field(default_factory=list)  # translated texts
    proposed: bool = False


@dataclass
class MeetingItem:
    start: datetime
    end: datetime
    title: str
    all_day: bool
    in_deep_window: bool


def minutes_of(at: datetime) -> int:
    return at.hour * 60 + at.minute


class WeekCanvas(QWidget):
    blockMoved = Signal(int, object, object)  # id, start, end (aware local datetimes)
    createRequested = Signal(object, object)  # start, end
    editRequested = Signal(int)
    deleteRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumHeight(420)
        self.days: list[date] = []
        self.model = WorkModel()
        self.zone: tzinfo | None = None
        self.blocks: list[BlockItem] = []
        self.meetings: list[MeetingItem] = []
        self.day_labels: list[str] = []
        self.kind_labels: dict[DayKind, str] = {}
        self.holiday_names: dict[date, str] = {}
        self.selected: int | None = None
        self.key_cursor: tuple[int, int] = (0, 8 * 60)  # keyboard cursor: day index, minute
        self.first_minute = 7 * 60
        self.last_minute = 18 * 60
        self._drag: tuple[str, BlockItem | None, QPointF] | None = None
        self._ghost: tuple[int, int, int] | None = None  # day index, start, end

    # -- data --------------------------------------------------------------------

    def set_week(self, days: list[date], model: WorkModel, zone: tzinfo,
                 blocks: list[BlockItem], meetings: list[MeetingItem],
                 day_labels: list[str], kind_labels: dict[DayKind, str]) -> None:
        language = QLocale().name()
        self.holiday_names = {d: name for d in days
                              if (name := model.holiday_name(d, language)) is not None}
        # A public holiday stays on screen, greyed and named, so a short week
        # reads as one.
        shown = [d for d in days if model.day_kind(d).is_workday or d in self.holiday_names
                 or any(
            b.start.date() == d for b in blocks) or any(
            m.start.date() == d and not m.all_day for m in meetings)]
        keep = [i for i, d in enumerate(days) if d in shown]
        self.days = [days[i] for i in keep]
        self.day_labels = [day_labels[i] for i in keep]
        self.model, self.zone = model, zone
        self.blocks, self.meetings = blocks, meetings
        self.kind_labels = kind_labels
        starts = [model.work_hours.start] + [minutes_of(b.start) for b in blocks]
        ends = [model.work_hours.end] + [minutes_of(b.end) or 24 * 60 for b in blocks]
        self.first_minute = max(0, (min(starts) // 60 - 1) * 60)
        self.last_minute = min(24 * 60, (-(-max(ends) // 60) + 1) * 60)
        if self.selected is not None and not any(b.id == self.selected for b in blocks):
            self.selected = None
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        hours = (self.last_minute - self.first_minute) / 60
        return QSize(GUTTER + MIN_COLUMN * max(1, len(self.days)), int(HEADER + hours * 44))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        hours = (self.last_minute - self.first_minute) / 60
        return QSize(GUTTER + MIN_COLUMN * max(1, len(self.days)), int(HEADER + hours * 34))

    # -- geometry ------------------------------------------------------------------

    def _column_width(self) -> float:
        return (self.width() - GUTTER) / max(1, len(self.days))

    def _per_minute(self) -> float:
        return (self.height() - HEADER) / max(1, self.last_minute - self.first_minute)

    def _y(self, minute: float) -> float:
        return HEADER + (minute - self.first_minute) * self._per_minute()

    def _rect(self, day_index: int, start: int, end: int) -> QRectF:
        w = self._column_width()
        return QRectF(GUTTER + day_index * w + 2, self._y(start), w - 5,
                      max(6.0, self._y(end) - self._y(start)))

    def _day_index(self, day: date) -> int | None:
        return self.days.index(day) if day in self.days else None

    def block_rect(self, block: BlockItem) -> QRectF | None:
        index = self._day_index(block.start.date())
        if index is None:
            return None
        end = minutes_of(block.end) if block.end.date() == block.start.date() else 24 * 60
        return self._rect(index, minutes_of(block.start), end)

    def _at(self, pos: QPointF) -> tuple[int, int] | None:
        if pos.x() < GUTTER or pos.y() < HEADER or not self.days:
            return None
        index = min(len(self.days) - 1, int((pos.x() - GUTTER) // self._column_width()))
        minute = self.first_minute + (pos.y() - HEADER) / self._per_minute()
        return index, int(round(minute / SNAP) * SNAP)

    def _block_at(self, pos: QPointF) -> BlockItem | None:
        for block in reversed(self.blocks):
            rect = self.block_rect(block)
            if rect is not None and rect.contains(pos) and not block.proposed:
                return block
        return None

    def _when(self, index: int, minute: int) -> datetime:
        assert self.zone is not None
        return datetime.combine(self.days[index], datetime.min.time(), tzinfo=self.zone) + \
            timedelta(minutes=minute)

    # -- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt naming
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        if not self.days:
            p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No work days this week"))
            return
        width = self._column_width()
        deep_fill = QColor(42, 157, 143, 34)
        core_fill = QColor(58, 134, 255, 26)
        grid = pal.color(QPalette.ColorRole.Mid)
        grid.setAlpha(70)
        text = pal.color(QPalette.ColorRole.Text)
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        bold = QFont(self.font())
        bold.setBold(True)
        for i, day in enumerate(self.days):
            kind = self.model.day_kind(day)
            x = GUTTER + i * width
            if kind.is_workday:
                for span in self.model.no_meeting:
                    p.fillRect(self._rect(i, span.start, span.end).adjusted(-2, 0, 3, 0),
                               deep_fill)
                core = self.model.core_hours
                lunch = self.model.lunch_on(day)
                pieces = [(core.start, core.end)] if lunch is None else [
                    (core.start, min(core.end, lunch.start)), (max(core.start, lunch.end),
                                                               core.end)]
                for a, z in pieces:
                    if a < z:
                        p.fillRect(self._rect(i, a, z).adjusted(-2, 0, 3, 0), core_fill)
                if lunch is not None:
                    p.setPen(muted)
                    p.setFont(small)
                    p.drawText(self._rect(i, lunch.start, lunch.end),
                               Qt.AlignmentFlag.AlignCenter, self.tr("Lunch break"))
            else:
                p.fillRect(QRectF(x, HEADER, width, self.height() - HEADER),
                           QColor(127, 127, 127, 30))
            # Header: weekday and date, and a WFA/WFO chip.
            p.setPen(text)
            p.setFont(bold)
            p.drawText(QRectF(x + 6, 4, width - 12, 20),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       self.day_labels[i])
            chip_colour = {DayKind.REMOTE: QColor("#2a9d8f"), DayKind.OFFICE: QColor("#3a86ff")}
            label = self.kind_labels.get(kind, kind.value)
            p.setFont(small)
            # Wide enough for its word ("Hari libur"), never wider than the column.
            chip_width = min(max(44.0, p.fontMetrics().horizontalAdvance(label) + 14.0),
                             width - 12)
            chip = QRectF(x + 6, 25, chip_width, 16)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(chip_colour.get(kind, QColor("#8a9399")))
            p.drawRoundedRect(chip, 8, 8)
            p.setPen(QColor("white"))
            p.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
            all_day = [m.title for m in self.meetings if m.all_day and m.start.date() == day]
            holiday = self.holiday_names.get(day)
            if holiday is not None:
                # The name sits in the greyed column too, where there is room.
                p.setPen(text)
                p.drawText(QRectF(x + 6, HEADER + 8, width - 12, 80),
                           Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop |
                           Qt.TextFlag.TextWordWrap, holiday)
            if all_day:
                p.setPen(muted)
                left = chip.right() + 4
                p.drawText(QRectF(left, 25, x + width - left - 4, 16),
                           Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                           p.fontMetrics().elidedText(all_day[0], Qt.TextElideMode.ElideRight,
                                                      int(x + width - left - 6)))
        # Hour lines and labels.
        p.setFont(small)
        for minute in range(self.first_minute, self.last_minute + 1, 60):
            y = self._y(minute)
            p.setPen(QPen(grid, 1))
            p.drawLine(QPointF(GUTTER, y), QPointF(self.width(), y))
            p.setPen(muted)
            p.drawText(QRectF(0, y - 8, GUTTER - 6, 16),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       clock_text(time(minute // 60 % 24)))
        for i in range(len(self.days) + 1):
            x = GUTTER + i * width
            p.setPen(QPen(grid, 1))
            p.drawLine(QPointF(x, 0), QPointF(x, self.height()))
        # Meetings: grey, hatched, under the blocks.
        for m in self.meetings:
            index = self._day_index(m.start.date())
            if m.all_day or index is None:
                continue
            end = minutes_of(m.end) if m.end.date() == m.start.date() else 24 * 60
            rect = self._rect(index, minutes_of(m.start), end)
            rect.setLeft(rect.left() + rect.width() * 0.55)
            p.setPen(QPen(QColor("#c1121f") if m.in_deep_window else QColor("#8a9399"), 1))
            p.setBrush(QBrush(QColor(138, 147, 153, 150), Qt.BrushStyle.BDiagPattern))
            p.drawRoundedRect(rect, 3, 3)
            p.setPen(text)
            p.drawText(rect.adjusted(3, 1, -2, 0), Qt.AlignmentFlag.AlignLeft |
                       Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, m.title)
        # Blocks.
        for block in self.blocks:
            found = self.block_rect(block)
            if found is None:
                continue
            rect = found
            if any(m for m in self.meetings if not m.all_day and m.start < block.end
                   and block.start < m.end):
                rect.setRight(rect.left() + rect.width() * 0.55 - 2)
            colour = QColor(block.colour)
            fill = QColor(colour)
            fill.setAlpha(120 if block.proposed else 225)
            p.setBrush(fill)
            if block.conflicts:
                pen = QPen(QColor("#c1121f"), 2.5)
            elif block.id is not None and block.id == self.selected:
                pen = QPen(pal.color(QPalette.ColorRole.Highlight), 3)
            else:
                pen = QPen(colour.darker(125), 1)
            if block.proposed:
                pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawRoundedRect(rect, 4, 4)
            ink = QColor("#1d2427") if colour.lightness() > 150 else QColor("white")
            p.setPen(ink)
            p.setFont(bold)
            inner = rect.adjusted(5, 2, -4, -2)
            title = block.project + ("  ⚠" if block.conflicts else "")
            p.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
            p.setFont(small)
            lines = [f"{clock_text(block.start)}–{clock_text(block.end)}"]
            if block.batch:
                lines.insert(0, block.batch)
            if inner.height() > 30:
                p.drawText(inner.adjusted(0, 16, 0, 0), Qt.AlignmentFlag.AlignLeft |
                           Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, "\n".join(lines))
        # What a drag or the keyboard cursor would make.
        if self._ghost is not None:
            index, start, end = self._ghost
            p.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 2, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(self._rect(index, start, end), 4, 4)
        if self.hasFocus() and self.selected is None and self.days:
            index, minute = self.key_cursor
            p.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DotLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(self._rect(min(index, len(self.days) - 1), minute, minute + SNAP * 4))
        p.end()

    # -- mouse -------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt naming
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position()
        block = self._block_at(pos)
        self.setFocus()
        if block is not None:
            self.selected = block.id
            rect = self.block_rect(block)
            mode = "resize" if rect is not None and pos.y() > rect.bottom() - 7 else "move"
            self._drag = (mode, block, pos)
        else:
            self.selected = None
            spot = self._at(pos)
            if spot is not None:
                self.key_cursor = spot
                self._drag = ("create", None, pos)
                self._ghost = (spot[0], spot[1], spot[1] + SNAP)
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt naming
        pos = event.position()
        if self._drag is None:
            block = self._block_at(pos)
            rect = self.block_rect(block) if block else None
            resize = rect is not None and pos.y() > rect.bottom() - 7
            self.setCursor(Qt.CursorShape.SizeVerCursor if resize else
                           Qt.CursorShape.OpenHandCursor if block else Qt.CursorShape.ArrowCursor)
            return
        mode, block, origin = self._drag
        spot = self._at(pos)
        start_spot = self._at(origin)
        if spot is None or start_spot is None:
            return
        if mode == "create":
            a, z = sorted((start_spot[1], spot[1]))
            self._ghost = (start_spot[0], a, max(z, a + SNAP))
        elif block is not None:
            begin, end = minutes_of(block.start), minutes_of(block.end) or 24 * 60
            if mode == "move":
                shift = spot[1] - start_spot[1]
                self._ghost = (spot[0], begin + shift, end + shift)
            else:
                self._ghost = (self._day_index(block.start.date()) or 0, begin,
                               max(begin + SNAP, spot[1]))
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt naming
        if self._drag is None:
            return
        mode, block, origin = self._drag
        ghost = self._ghost
        moved = (event.position() - origin).manhattanLength() > 4
        self._drag, self._ghost = None, None
        self.update()
        if mode == "create":
            spot = self._at(origin)
            if spot is None:
                return
            index, start, end = ghost if ghost and moved else (spot[0], spot[1], spot[1] + 60)
            self.createRequested.emit(self._when(index, start), self._when(index, end))
        elif block is not None and block.id is not None and ghost is not None and moved:
            index, start, end = ghost
            start = max(0, min(start, 24 * 60 - SNAP))
            self.blockMoved.emit(block.id, self._when(index, start), self._when(index, end))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt naming
        block = self._block_at(event.position())
        if block is not None and block.id is not None:
            self.editRequested.emit(block.id)

    def event(self, event: object) -> bool:
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QHelpEvent

        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            pos = QPointF(event.pos())
            block = self._block_at(pos)
            tip = ""
            if block is not None:
                tip = f"<b>{block.project}</b>" + (f" — {block.batch}" if block.batch else "")
                tip += f"<br>{clock_text(block.start)}–{clock_text(block.end)}"
                for c in block.conflicts:
                    tip += f"<br><span style='color:#c1121f'>⚠ {c}</span>"
            else:
                for m in self.meetings:
                    index = self._day_index(m.start.date())
                    if m.all_day or index is None:
                        continue
                    end = minutes_of(m.end) if m.end.date() == m.start.date() else 24 * 60
                    if self._rect(index, minutes_of(m.start), end).contains(pos):
                        tip = f"<b>{m.title}</b><br>{clock_text(m.start)}–{clock_text(m.end)}"
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)  # type: ignore[arg-type]

    # -- keyboard ------------------------------------------------------------------------------

    def _ordered(self) -> list[BlockItem]:
        return sorted((b for b in self.blocks if b.id is not None and not b.proposed),
                      key=lambda b: (b.start, b.id))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt naming
        key, mods = Qt.Key(event.key()), event.modifiers()
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        blocks = self._ordered()
        current = next((b for b in blocks if b.id == self.selected), None)
        if key == Qt.Key.Key_Escape:
            self.selected = None
            self.update()
            return
        if current is not None and current.id is not None:
            deltas = {Qt.Key.Key_Up: -SNAP, Qt.Key.Key_Down: SNAP}
            if key in deltas:
                delta = timedelta(minutes=deltas[key])
                if shift:
                    if current.end + delta > current.start:
                        self.blockMoved.emit(current.id, current.start, current.end + delta)
                else:
                    self.blockMoved.emit(current.id, current.start + delta, current.end + delta)
                return
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                index = self._day_index(current.start.date()) or 0
                target = index + (1 if key == Qt.Key.Key_Right else -1)
                if 0 <= target < len(self.days):
                    days = (self.days[target] - self.days[index]).days
                    self.blockMoved.emit(current.id, current.start + timedelta(days=days),
                                         current.end + timedelta(days=days))
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.deleteRequested.emit(current.id)
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.editRequested.emit(current.id)
                return
        elif self.days:
            index, minute = self.key_cursor
            moves = {Qt.Key.Key_Up: (0, -SNAP), Qt.Key.Key_Down: (0, SNAP),
                     Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0)}
            if key in moves:
                di, dm = moves[key]
                self.key_cursor = (max(0, min(len(self.days) - 1, index + di)),
                               max(self.first_minute, min(self.last_minute - 60, minute + dm)))
                self.update()
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_N):
                self.createRequested.emit(self._when(index, minute),
                                          self._when(index, minute + 60))
                return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt naming
        """Tab walks through the blocks; past the last one, focus moves on."""
        blocks = self._ordered()
        ids = [b.id for b in blocks]
        if blocks:
            if self.selected in ids:
                index = ids.index(self.selected) + (1 if forward else -1)
            else:
                index = 0 if forward else len(ids) - 1
            if 0 <= index < len(ids):
                self.selected = ids[index]
                self.update()
                return True
        self.selected = None
        self.update()
        return super().focusNextPrevChild(forward)

    def focusInEvent(self, event: object) -> None:  # noqa: N802 - Qt naming
        self.update()
        super().focusInEvent(event)  # type: ignore[arg-type]

    def select(self, block_id: int | None) -> None:
        self.selected = block_id
        self.update()


__all__ = ["BlockItem", "MeetingItem", "QPoint", "WeekCanvas"]
