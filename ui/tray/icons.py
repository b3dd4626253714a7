"""The tray icon, drawn for each state: idle (a calm ring), focusing (the
remaining time as an arc in the project's colour, minutes in the middle),
paused (the arc greyed, two bars), on a break (the break's time left as a
green arc around a green dot: no disc, no digits, nothing to do)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap

IDLE_COLOUR = QColor("#5f6b73")
TRACK_COLOUR = QColor(127, 127, 127, 90)
DISC_COLOUR = QColor(255, 255, 255, 235)
DIGIT_COLOUR = QColor("#1d2427")
BREAK_COLOUR = QColor("#3f9b59")
# Drawn at the sizes trays ask for most; Qt scales the others from these.
SIZES = (22, 32, 64)


def _canvas(size: int) -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


def _ring_rect(size: int, width: float) -> QRectF:
    inset = width / 2 + size * 0.04
    return QRectF(inset, inset, size - 2 * inset, size - 2 * inset)


def _draw(size: int, state: str, fraction: float, colour: QColor, minutes: int | None) -> QPixmap:
    pixmap, p = _canvas(size)
    width = max(2.0, size * 0.14)
    rect = _ring_rect(size, width)
    pen = QPen(TRACK_COLOUR, width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    p.setPen(pen)
    p.drawEllipse(rect)
    if state == "idle":
        pen.setColor(IDLE_COLOUR)
        p.setPen(pen)
        p.drawEllipse(rect)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(IDLE_COLOUR)
        r = size * 0.12
        p.drawEllipse(QRectF(size / 2 - r, size / 2 - r, 2 * r, 2 * r))
    elif state == "break":
        pen.setColor(BREAK_COLOUR)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.drawArc(rect, 90 * 16, int(-360 * 16 * max(0.02, min(1.0, fraction))))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(BREAK_COLOUR)
        r = size * 0.17
        p.drawEllipse(QRectF(size / 2 - r, size / 2 - r, 2 * r, 2 * r))
    else:
        arc = QColor(colour) if state == "focusing" else QColor("#9aa3a8")
        pen.setColor(arc)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        span = int(-360 * 16 * max(0.02, min(1.0, fraction)))
        p.drawArc(rect, 90 * 16, span)
        # A light disc inside the ring: the minutes and the bars stay readable
        # on dark panels (GNOME's top bar) as on light ones.
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(DISC_COLOUR)
        inner = width / 2 + 0.5
        p.drawEllipse(rect.adjusted(inner, inner, -inner, -inner))
        if state == "paused":
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#5f6b73"))
            bar_w, bar_h = size * 0.11, size * 0.36
            top = (size - bar_h) / 2
            p.drawRoundedRect(QRectF(size / 2 - bar_w * 1.6, top, bar_w, bar_h), 1, 1)
            p.drawRoundedRect(QRectF(size / 2 + bar_w * 0.6, top, bar_w, bar_h), 1, 1)
        elif minutes is not None and size >= 20:
            font = QFont()
            font.setBold(True)
            text = str(minutes)
            font.setPixelSize(int(size * (0.42 if len(text) < 3 else 0.32)))
            p.setFont(font)
            p.setPen(DIGIT_COLOUR)
            p.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, text)
    p.end()
    return pixmap


def state_icon(
    state: str, fraction: float = 1.0, colour: str = "#2a9d8f", minutes: int | None = None
) -> QIcon:
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(_draw(size, state, fraction, QColor(colour), minutes))
    return icon


TROUBLE_COLOUR = QColor("#d62828")


def with_trouble_badge(icon: QIcon) -> QIcon:
    """``icon`` with a red "!" badge in its lower right corner: Fokus cannot
    save right now (a full disk, a read-only database)."""
    marked = QIcon()
    for size in SIZES:
        pixmap = icon.pixmap(size, size)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        badge = size * 0.52
        rect = QRectF(size - badge, size - badge, badge, badge)
        p.setPen(QPen(QColor("white"), max(1.0, size * 0.05)))
        p.setBrush(TROUBLE_COLOUR)
        p.drawEllipse(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(badge * 0.8))
        p.setFont(font)
        p.setPen(QColor("white"))
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, "!")
        p.end()
        marked.addPixmap(pixmap)
    return marked


def colour_swatch(colour: str, size: int = 14) -> QIcon:
    pixmap, p = _canvas(size)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(colour))
    p.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    p.end()
    return QIcon(pixmap)
