"""How a kind of day (WFA, WFO, off, holiday) is named on screen. The week
window, Settings and the welcome guide all name days; this small module lets
them do it without importing one another."""

from __future__ import annotations

from app.week.workmodel import DayKind
from ui.messages import tr


def day_kind_text(kind: DayKind) -> str:
    return {DayKind.REMOTE: tr("WFA"), DayKind.OFFICE: tr("WFO"), DayKind.OFF: tr("Off"),
            DayKind.HOLIDAY: tr("Holiday")}[kind]
