"""Deep-work goals: a daily cap and a weekly goal, with the progress towards them.

The daily cap (``daily_deep_work_cap``, 4 hours by default) is where more deep
work stops paying off: Newport (*Deep Work*, 2016) puts the limit at about four
hours a day, after Ericsson, Krampe & Tesch-Römer (1993), whose expert
musicians practised deliberately about four hours a day. The figure is theirs,
not the hybrid-work thesis's (which sets the no-meeting windows, not a cap).
Going past the cap is shown, never blocked.

The weekly goal (``weekly_deep_work_goal``) is the user's, or, when 0, the
no-meeting windows of the week's remote (WFA) days in the work model: time
the model keeps free for deep work where deep work is done best.

Deep work is counted as the reports count it (docs/metrics.md): the focus
minutes of the sessions that started in the day or the week."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlmodel import col, select

from app.clock import Clock, as_utc
from app.focus.counted import counted_focus
from app.i18n import N_
from app.store.engine import Store
from app.store.models import FocusSession, SessionPause
from app.store.settings import DAILY_DEEP_WORK_CAP, WEEKLY_DEEP_WORK_GOAL, Settings
from app.week.workmodel import DayKind, WindowKind, WorkModel, iso_week_days, iso_week_of

# Where the default daily cap comes from, said wherever the cap is shown.
DAILY_CAP_SOURCE = N_("Newport, Deep Work (2016), after Ericsson et al. (1993)")


def derived_weekly_goal(model: WorkModel, days: list[date]) -> int:
    """Minutes of no-meeting windows on the remote days among ``days``."""
    return sum(span.length for day in days if model.day_kind(day) == DayKind.REMOTE
               for span in model.windows(day, WindowKind.DEEP))


@dataclass(frozen=True)
class WeekGoal:
    week: str
    goal_minutes: int
    derived: bool  # from the work model, not set by the user
    done_minutes: float

    @property
    def met(self) -> bool:
        return self.goal_minutes > 0 and self.done_minutes >= self.goal_minutes

    @property
    def difference_minutes(self) -> int:
        """Above the goal (> 0) or short of it (< 0)."""
        return round(self.done_minutes - self.goal_minutes)

    def to_json(self) -> dict[str, Any]:
        return {"goal_minutes": self.goal_minutes,
                "goal_source": "work_model" if self.derived else "setting",
                "done_minutes": round(self.done_minutes, 1), "met": self.met,
                "difference_minutes": self.difference_minutes}


@dataclass(frozen=True)
class GoalProgress:
    """Today against the daily cap, this week against the weekly goal."""

    day: date
    today_minutes: float
    daily_cap_minutes: int
    cap_is_default: bool
    week: WeekGoal

    @property
    def over_cap_minutes(self) -> int:
        return max(0, round(self.today_minutes - self.daily_cap_minutes))

    @property
    def over_cap(self) -> bool:
        return self.today_minutes > self.daily_cap_minutes

    def to_json(self) -> dict[str, Any]:
        return {"today_minutes": round(self.today_minutes, 1),
                "daily_cap_minutes": self.daily_cap_minutes,
                "daily_cap_source": DAILY_CAP_SOURCE if self.cap_is_default else "setting",
                "over_cap_minutes": self.over_cap_minutes,
                "week": self.week.week, **{f"week_{k}": v for k, v in
                                           self.week.to_json().items()}}


class Goals:
    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock
        self.settings = Settings(store)

    def bounds(self, first: date, last: date) -> tuple[datetime, datetime]:
        zone = self.clock.zone()
        return (datetime.combine(first, time(0), tzinfo=zone).astimezone(UTC),
                datetime.combine(last + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC))

    def focus_minutes(self, start: datetime, end: datetime) -> float:
        """Focus minutes of the sessions that started in [start, end), up to now."""
        now = self.clock.now()
        with self.store.transaction() as s:
            sessions = list(s.exec(select(FocusSession).where(
                col(FocusSession.started_at) >= as_utc(start).replace(tzinfo=None),
                col(FocusSession.started_at) < as_utc(end).replace(tzinfo=None))))
            ids = [x.id for x in sessions]
            pauses: dict[int, list[SessionPause]] = {}
            for p in s.exec(select(SessionPause).where(col(SessionPause.session_id).in_(ids))):
                pauses.setdefault(p.session_id, []).append(p)
            # Time two computers' sessions share counts once (app/focus/counted.py).
            return counted_focus(s, sessions, pauses, now).total_seconds() / 60

    def weekly_goal(self, week: str) -> tuple[int, bool]:
        """(minutes, derived from the work model)."""
        chosen = self.settings.get(WEEKLY_DEEP_WORK_GOAL)
        if chosen:
            return chosen, False
        from app.week.service import WeekService

        model = WeekService(self.store, self.clock).work_model()
        return derived_weekly_goal(model, iso_week_days(week)), True

    def week(self, week: str) -> WeekGoal:
        days = iso_week_days(week)
        goal, derived = self.weekly_goal(week)
        return WeekGoal(week, goal, derived, self.focus_minutes(*self.bounds(days[0], days[-1])))

    def progress(self) -> GoalProgress:
        today = as_utc(self.clock.now()).astimezone(self.clock.zone()).date()
        return GoalProgress(
            day=today,
            today_minutes=self.focus_minutes(*self.bounds(today, today)),
            daily_cap_minutes=self.settings.get(DAILY_DEEP_WORK_CAP),
            cap_is_default=self.settings.is_default(DAILY_DEEP_WORK_CAP),
            week=self.week(iso_week_of(today)),
        )


def hours_text(minutes: float) -> tuple[int, int]:
    """(hours, minutes) of a length, rounded to the minute."""
    whole = max(0, round(minutes))
    return whole // 60, whole % 60
