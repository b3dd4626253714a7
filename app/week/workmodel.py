"""The hybrid work model: which days are remote (WFA) or in the office (WFO),
the work hours, the core hours for coordination and the no-meeting windows for
deep work, and per-date exceptions.

Defaults from the thesis, chapter V: 3 remote : 2 office days with the office
days mid-week (Tuesday, Wednesday); core hours 10:00-15:00; no-meeting windows
08:00-10:00 and 15:00-17:00; work hours 08:00-17:00.

The focus length, the projects-per-day limit and the shortest deep block are
settings of their own (FOCUS_MINUTES, PROJECT_LIMIT, MIN_DEEP_BLOCK_MINUTES in
app/store/settings.py): WeekService fills them in, and the model's JSON does
not carry them."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import Any

from app.errors import ErrorCode, FokusError
from app.store.settings import FOCUS_MINUTES, MIN_DEEP_BLOCK_MINUTES, PROJECT_LIMIT
from app.week.holidays import PublicHolidays


class DayKind(StrEnum):
    REMOTE = "WFA"
    OFFICE = "WFO"
    OFF = "off"
    HOLIDAY = "holiday"

    @property
    def is_workday(self) -> bool:
        return self in (DayKind.REMOTE, DayKind.OFFICE)


class WindowKind(StrEnum):
    DEEP = "deep"  # a no-meeting window
    CORE = "core"  # core hours, for coordination
    OTHER = "other"  # inside work hours, neither of the above
    OUTSIDE = "outside"  # outside work hours, or not a work day


@dataclass(frozen=True, order=True)
class Span:
    """A span of wall-clock time within a day, in minutes after midnight."""

    start: int
    end: int

    @classmethod
    def parse(cls, text: str) -> Span:
        """``"08:00-10:00"`` → Span(480, 600)."""
        try:
            a, b = text.replace("–", "-").split("-")
            return cls(_minutes(a), _minutes(b))
        except ValueError:
            raise FokusError(ErrorCode.INVALID_VALUE, field="time span", value=text) from None

    def __str__(self) -> str:
        return f"{_hhmm(self.start)}-{_hhmm(self.end)}"

    @property
    def length(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def at(self, day: date, zone: tzinfo) -> tuple[datetime, datetime]:
        """The span on ``day`` as aware instants in ``zone``."""
        return _wall(day, self.start, zone), _wall(day, self.end, zone)


def _wall(day: date, minutes: int, zone: tzinfo) -> datetime:
    extra, minutes = divmod(minutes, 24 * 60)
    return datetime.combine(day + timedelta(days=extra), time(minutes // 60, minutes % 60),
                            tzinfo=zone)


def _minutes(text: str) -> int:
    hours, _, mins = text.strip().partition(":")
    value = int(hours) * 60 + int(mins or 0)
    if not 0 <= value <= 24 * 60 or not 0 <= int(mins or 0) < 60:
        raise ValueError(text)
    return value


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


DEFAULT_WEEK = {
    0: DayKind.REMOTE,
    1: DayKind.OFFICE,
    2: DayKind.OFFICE,
    3: DayKind.REMOTE,
    4: DayKind.REMOTE,
    5: DayKind.OFF,
    6: DayKind.OFF,
}


LUNCH = Span(12 * 60, 13 * 60)
FRIDAY_LUNCH = Span(11 * 60 + 30, 13 * 60)  # Friday prayers
DEFAULT_LUNCH = {0: LUNCH, 1: LUNCH, 2: LUNCH, 3: LUNCH, 4: FRIDAY_LUNCH, 5: LUNCH, 6: LUNCH}


@dataclass(frozen=True)
class Problem:
    """Why a work model was refused: a code and what it is about."""

    code: str
    subject: str = ""


@dataclass(frozen=True)
class WorkModel:
    week: dict[int, DayKind] = field(default_factory=lambda: dict(DEFAULT_WEEK))
    work_hours: Span = Span(8 * 60, 17 * 60)
    core_hours: Span = Span(10 * 60, 15 * 60)
    no_meeting: tuple[Span, ...] = (Span(8 * 60, 10 * 60), Span(15 * 60, 17 * 60))
    overrides: dict[date, DayKind] = field(default_factory=dict)
    # Weekday (Monday 0) → its lunch break; a weekday left out has none.
    lunch: dict[int, Span] = field(default_factory=lambda: dict(DEFAULT_LUNCH))
    max_projects_per_day: int = PROJECT_LIMIT.default
    focus_minutes: int = FOCUS_MINUTES.default
    min_deep_minutes: int = MIN_DEEP_BLOCK_MINUTES.default
    holidays: PublicHolidays | None = field(default=None, compare=False)

    # -- questions -------------------------------------------------------------

    def day_kind(self, day: date) -> DayKind:
        if day in self.overrides:
            return self.overrides[day]
        if self.holidays is not None and day in self.holidays:
            return DayKind.HOLIDAY
        return self.week.get(day.weekday(), DayKind.OFF)

    def holiday_name(self, day: date, language: str = "en") -> str | None:
        """The public holiday's name when ``day`` is one and no exception
        makes it a work day."""
        if self.holidays is None or self.day_kind(day) != DayKind.HOLIDAY:
            return None
        return self.holidays.name(day, language)

    def lunch_on(self, day: date) -> Span | None:
        """The day's lunch break, when it is a work day and has one."""
        if not self.day_kind(day).is_workday:
            return None
        return self.lunch.get(day.weekday())

    def window_at(self, day: date, minute: int) -> tuple[WindowKind, Span | None]:
        """What kind of time ``minute`` (after midnight) is on ``day``."""
        if not self.day_kind(day).is_workday or not (
            self.work_hours.start <= minute < self.work_hours.end
        ):
            return WindowKind.OUTSIDE, None
        lunch = self.lunch_on(day)
        if lunch is not None and lunch.start <= minute < lunch.end:
            return WindowKind.OTHER, None
        for span in self.no_meeting:
            if span.start <= minute < span.end:
                return WindowKind.DEEP, span
        if self.core_hours.start <= minute < self.core_hours.end:
            return WindowKind.CORE, self.core_hours
        return WindowKind.OTHER, None

    def windows(self, day: date, kind: WindowKind) -> list[Span]:
        if not self.day_kind(day).is_workday:
            return []
        if kind == WindowKind.DEEP:
            return sorted(self.no_meeting)
        if kind == WindowKind.CORE:
            return [self.core_hours]
        return []

    # -- checking ----------------------------------------------------------------

    def problems(self) -> list[Problem]:
        found: list[Problem] = []
        spans = [("work", self.work_hours), ("core", self.core_hours)] + [
            ("no_meeting", s) for s in self.no_meeting]
        for name, span in spans:
            if span.start >= span.end:
                found.append(Problem("empty_span", f"{name} {span}"))
        if self.core_hours.start < self.core_hours.end and not self.work_hours.contains(
                self.core_hours):
            found.append(Problem("outside_work_hours", f"core {self.core_hours}"))
        ordered = sorted(self.no_meeting)
        for span in ordered:
            if span.start < span.end and not self.work_hours.contains(span):
                found.append(Problem("outside_work_hours", f"no_meeting {span}"))
            if span.overlaps(self.core_hours):
                found.append(Problem("overlaps_core", f"no_meeting {span}"))
        for a, b in zip(ordered, ordered[1:], strict=False):
            if a.overlaps(b):
                found.append(Problem("windows_overlap", f"{a} {b}"))
        for span in self.lunch.values():
            if span.start >= span.end:
                found.append(Problem("empty_span", f"lunch {span}"))
            elif not self.work_hours.contains(span):
                found.append(Problem("outside_work_hours", f"lunch {span}"))
        if not any(k.is_workday for k in self.week.values()):
            found.append(Problem("empty_week"))
        for setting, value, code in ((PROJECT_LIMIT, self.max_projects_per_day, "bad_limit"),
                                     (FOCUS_MINUTES, self.focus_minutes, "bad_focus_length")):
            try:
                setting.validate(value)
            except FokusError:
                found.append(Problem(code, str(value)))
        return found

    def checked(self) -> WorkModel:
        problems = self.problems()
        if problems:
            raise FokusError(ErrorCode.INVALID_WORK_MODEL,
                             problem=problems[0].code, subject=problems[0].subject)
        return self

    # -- storage -------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "week": {str(k): v.value for k, v in sorted(self.week.items())},
            "work_hours": str(self.work_hours),
            "core_hours": str(self.core_hours),
            "no_meeting": [str(s) for s in self.no_meeting],
            "overrides": {d.isoformat(): k.value for d, k in sorted(self.overrides.items())},
            "lunch": {str(k): str(v) for k, v in sorted(self.lunch.items())},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WorkModel:
        base = cls()
        try:
            return replace(
                base,
                week={int(k): DayKind(v) for k, v in data.get("week", {}).items()} or base.week,
                work_hours=Span.parse(data["work_hours"]) if "work_hours" in data
                else base.work_hours,
                core_hours=Span.parse(data["core_hours"]) if "core_hours" in data
                else base.core_hours,
                no_meeting=tuple(Span.parse(s) for s in data["no_meeting"])
                if "no_meeting" in data else base.no_meeting,
                overrides={date.fromisoformat(k): DayKind(v)
                           for k, v in data.get("overrides", {}).items()},
                lunch={int(k): Span.parse(v) for k, v in data["lunch"].items()}
                if "lunch" in data else base.lunch,
            )
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise FokusError(ErrorCode.INVALID_WORK_MODEL, problem="unreadable",
                             subject=str(exc)) from exc


def iso_week_days(week: str) -> list[date]:
    """``"2026-W48"`` → its seven dates, Monday first."""
    try:
        year_text, week_text = week.upper().split("-W")
        monday = date.fromisocalendar(int(year_text), int(week_text), 1)
    except ValueError:
        raise FokusError(ErrorCode.INVALID_VALUE, field="week", value=week) from None
    return [monday + timedelta(days=i) for i in range(7)]


def iso_week_of(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"
