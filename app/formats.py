"""Dates, times, numbers and the domain's words as the language spoken writes them,
for the command line and the PDF (windows use Qt's QLocale).

Babel holds the rules (CLDR), so Indonesian reads "1,6", "Senin, 23 Nov" and
"09.30" without hand-made formats; it is imported only when something is formatted."""

from __future__ import annotations

from datetime import date, datetime, time
from functools import lru_cache
from typing import TYPE_CHECKING

from app.i18n import N_, _, language

if TYPE_CHECKING:
    from babel import Locale

# The words of the core's enums and codes a person may see, by their stored value.
WORDS: dict[str, str] = {
    # session states and end reasons
    "idle": N_("idle"), "focusing": N_("focusing"), "paused": N_("paused"),
    "finished": N_("completed"), "abandoned": N_("stopped early"),
    # time blocks, and kinds of day (WFA and WFO are the words people use as they are)
    "deep": N_("deep work"), "collaborative": N_("collaborative"),
    "off": N_("off"), "holiday": N_("public holiday"),
    # what made a switch, and where it was said
    "planned": N_("planned"), "interruption": N_("interruption"), "meeting": N_("meeting"),
    "urgent": N_("urgent"), "self": N_("own choice"),
    "tray": N_("tray"), "hotkey": N_("hotkey"), "cli": N_("command line"),
    "automatic": N_("automatic"), "window": N_("window rule"),
    # interruption sources
    "colleague": N_("colleague"), "chat": N_("chat"), "phone": N_("phone"),
    "other": N_("other"),
    # flow in a reflection
    "not_at_all": N_("not at all"), "once": N_("once"), "several": N_("several times"),
    # urgency
    "low": N_("low"), "normal": N_("normal"), "high": N_("high"), "critical": N_("critical"),
    # task types
    "coding": N_("coding"), "debugging": N_("debugging"), "research": N_("research"),
    "refactoring": N_("refactoring"), "documentation": N_("documentation"),
    "code_review": N_("code review"), "pair_programming": N_("pair programming"),
    "sprint_planning": N_("sprint planning"), "retrospective": N_("retrospective"),
    "standup": N_("stand-up"), "design_thinking": N_("design thinking"),
    "administration": N_("administration"),
    # why the planner left work out (app/week/planner.py Reason)
    "no_window": N_("no free window of the right kind left this week"),
    "before_due": N_("at risk: no free window of the right kind before the due date"),
    "overdue": N_("at risk: the due date has passed"),
    "project_limit": N_("the free windows are on days already at the project limit"),
    # a time block's conflicts (app/week/service.py Conflict)
    "deep_in_core": N_("deep work in core hours"),
    "collab_in_deep": N_("collaborative work in a no-meeting window"),
    "over_meeting": N_("overlaps a meeting"),
    "outside_work": N_("outside work hours"),
    "too_many_projects": N_("more projects that day than the limit"),
}


def word(value: object) -> str:
    """The translated word for an enum's value or a code; unknown values as they are."""
    text = str(value)
    return _(WORDS[text]) if text in WORDS else text


@lru_cache(maxsize=8)
def _locale(name: str) -> Locale:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(name.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def locale() -> Locale:
    return _locale(language())


def number(value: float | int | None, digits: int = 2, suffix: str = "") -> str:
    """"1.6" in English, "1,6" in Indonesian; at most ``digits`` decimals; None: "—"."""
    if value is None:
        return "—"
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "#" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=locale()) + suffix


def percent(share: float | None) -> str:
    """A share (0.82) as the language writes a percentage ("82%")."""
    if share is None:
        return "—"
    from babel.numbers import format_percent

    return format_percent(share, locale=locale())


def _naive(value: datetime | time) -> datetime | time:
    # Times reach here already local; Babel would otherwise move an aware one to UTC.
    return value.replace(tzinfo=None)


def clock(value: datetime | time | str | None) -> str:
    """A wall-clock time: "09:30" in English, "09.30" in Indonesian."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    from babel.dates import format_skeleton

    moment = _naive(value)
    if isinstance(moment, time):
        moment = datetime.combine(date(2000, 1, 1), moment)
    return format_skeleton("Hm", moment, locale=locale())


def _as_date(value: date | datetime | str) -> date:
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if len(value) > 10 else date.fromisoformat(value)
    return value.date() if isinstance(value, datetime) else value


def day_short(value: date | datetime | str) -> str:
    """"Mon 23 Nov", "Sen 23 Nov"."""
    from babel.dates import format_date

    return format_date(_as_date(value), "EEE d MMM", locale=locale())


def day_long(value: date | datetime | str) -> str:
    """"Monday, 23 Nov", "Senin, 23 Nov"."""
    from babel.dates import format_date

    return format_date(_as_date(value), "EEEE, d MMM", locale=locale())


def weekday_short(value: date | datetime | str) -> str:
    """"Mon", "Sen"."""
    from babel.dates import format_date

    return format_date(_as_date(value), "EEE", locale=locale())


def date_range(start: date, end: date) -> str:
    """"23–29 Nov 2026" as the language writes an interval."""
    from babel.dates import format_interval

    return format_interval(start, end, "yMMMd", locale=locale())


def moment(value: datetime | str) -> str:
    """A local date and time: "Mon 23 Nov 09:30", "Sen 23 Nov 09.30"."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return f"{day_short(value)} {clock(value)}"


def span(start: datetime | str, end: datetime | str) -> str:
    """"Mon 23 Nov 08:00–09:30"."""
    return f"{moment(start)}–{clock(end)}"
