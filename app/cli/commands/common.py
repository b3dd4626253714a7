"""Helpers the command groups share: checked argument values, JSON of rows, and
the way times are shown. Nothing here imports SQLModel at import time."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from app.domain import FIRST_YEAR, LAST_YEAR
from app.errors import ErrorCode, FokusError

if TYPE_CHECKING:
    from app.service import FokusService


def minutes(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise FokusError(ErrorCode.INVALID_VALUE, field="minutes", value=value) from None


def day(value: Any, field: str = "due") -> date | None:
    if value in (None, ""):
        return None
    try:
        parsed = date.fromisoformat(str(value))
    except ValueError:
        raise FokusError(ErrorCode.INVALID_VALUE, field=field, value=value) from None
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise FokusError(ErrorCode.INVALID_VALUE, field=field, value=value)
    return parsed


def names(svc: FokusService) -> dict[int, str]:
    """Project id → name, archived projects included."""
    return {p.id: p.name for p in svc.projects(include_archived=True) if p.id is not None}


def names_and_titles(svc: FokusService) -> tuple[dict[int, str], dict[int, str]]:
    titles = {b.id: b.title for b in svc.batches(include_done=True) if b.id is not None}
    return names(svc), titles


def iso(svc: FokusService, at: datetime) -> str:
    return svc.week.local(at).isoformat(timespec="minutes")


def week_arg(svc: FokusService, a: dict[str, Any]) -> str:
    from app.week.workmodel import iso_week_of

    return str(a.get("week") or iso_week_of(svc.week.local(svc.clock.now()).date()))


def local_time(svc: FokusService, text: str, field: str) -> datetime:
    """A local date and time typed by the user, in the clock's zone unless given."""
    try:
        value = datetime.fromisoformat(str(text).replace(" ", "T"))
    except ValueError:
        raise FokusError(ErrorCode.INVALID_VALUE, field=field, value=text) from None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise FokusError(ErrorCode.INVALID_VALUE, field=field, value=text)
    return value if value.tzinfo else value.replace(tzinfo=svc.clock.zone())


# -- text ----------------------------------------------------------------------------


def minutes_text(seconds: Any) -> str:
    return str(max(0, round((seconds or 0) / 60)))


def minutes_left_text(seconds: Any) -> str:
    """Minutes left, rounded up as the tray shows them: 49 min 30 s is "50 min left"."""
    import math

    return str(max(0, math.ceil((seconds or 0) / 60)))


def clock_text(iso_text: str | None) -> str:
    """A local ISO time's hour and minute as the language writes them."""
    from app.formats import clock

    return clock(iso_text)


def span_text(start: str, end: str) -> str:
    """"Mon 23 Nov 08:00–09:30" from two local ISO times, in the language spoken."""
    from app.formats import span

    return span(start, end)


def moment_text(iso_text: str) -> str:
    """"Mon 23 Nov 09:30" from a local ISO time."""
    from app.formats import moment

    return moment(iso_text)


def week_text(week: str) -> str:
    """"2026-W48 (23–29 Nov 2026)": the ISO week beside its dates."""
    from app.formats import date_range
    from app.week.workmodel import iso_week_days

    try:
        days = iso_week_days(week)
    except (ValueError, FokusError):
        return week
    return f"{week} ({date_range(days[0], days[-1])})"
