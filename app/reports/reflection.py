"""The end-of-day reflection: the day's facts, then at most six short
questions (satisfaction, energy, focus, productivity against a usual day,
flow, and optional free text). Missed days can be filled in later."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlmodel import col, select

from app.clock import Clock
from app.errors import ErrorCode, FokusError
from app.reports.metrics import DayFigures, Metrics
from app.store.engine import Store
from app.store.models import Reflection
from app.store.settings import REFLECTION_TIME, Settings
from app.week.workmodel import iso_week_of

MAX_TEXT = 1000


class Flow(StrEnum):
    NOT_AT_ALL = "not_at_all"
    ONCE = "once"
    SEVERAL = "several"


@dataclass(frozen=True)
class Answers:
    satisfaction: int | None = None  # 1-5
    energy: int | None = None  # 1-5, private unless the user includes it
    focus_ability: int | None = None  # 1-5
    productivity: int | None = None  # 1-7 against a usual day, 4 = usual
    flow: Flow | None = None
    helped: str = ""
    hindered: str = ""
    burnout: int | None = None  # 1-5, optional and private

    def checked(self) -> Answers:
        for name, value, top in (("satisfaction", self.satisfaction, 5),
                                 ("energy", self.energy, 5),
                                 ("focus", self.focus_ability, 5),
                                 ("productivity", self.productivity, 7),
                                 ("burnout", self.burnout, 5)):
            if value is not None and not 1 <= value <= top:
                raise FokusError(ErrorCode.INVALID_VALUE, field=name, value=value)
        for name, text in (("helped", self.helped), ("hindered", self.hindered)):
            if len(text) > MAX_TEXT:
                raise FokusError(ErrorCode.INVALID_VALUE, field=name, value=text[:20] + "…")
        return self


class ReflectionService:
    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock

    def today(self) -> date:
        return self.clock.now().astimezone(self.clock.zone()).date()

    def facts(self, day: date) -> DayFigures:
        report = Metrics(self.store, self.clock).week(iso_week_of(day))
        return next(d for d in report.days if d.day == day)

    def get(self, day: date) -> Reflection | None:
        with self.store.transaction() as s:
            return s.exec(select(Reflection).where(Reflection.day == day)).first()

    def save(self, day: date, answers: Answers) -> Reflection:
        if day > self.today():
            raise FokusError(ErrorCode.INVALID_VALUE, field="date", value=day.isoformat())
        a = answers.checked()
        with self.store.transaction() as s:
            row = s.exec(select(Reflection).where(Reflection.day == day)).first()
            if row is None:
                row = Reflection(day=day, answered_at=self.clock.now())
                s.add(row)
            row.answered_at = self.clock.now()
            row.satisfaction, row.energy = a.satisfaction, a.energy
            row.focus_ability, row.productivity = a.focus_ability, a.productivity
            row.flow = a.flow.value if a.flow else None
            row.helped, row.hindered = a.helped.strip(), a.hindered.strip()
            row.burnout = a.burnout
            s.flush()
            return row

    def missed_days(self, back: int = 14) -> list[date]:
        """Work days of the last ``back`` days (today included once it is over)
        with no reflection."""
        from app.week.service import WeekService

        model = WeekService(self.store, self.clock).work_model()
        today = self.today()
        first = today - timedelta(days=back)
        with self.store.transaction() as s:
            answered = {r.day for r in s.exec(select(Reflection).where(
                col(Reflection.day) >= first))}
        return [first + timedelta(days=i) for i in range(back)
                if model.day_kind(first + timedelta(days=i)).is_workday
                and first + timedelta(days=i) not in answered]

    def prompt_time(self) -> str:
        """When the reflection is offered on work days, "HH:MM"."""
        return Settings(self.store).get(REFLECTION_TIME)

    @staticmethod
    def to_json(r: Reflection | None) -> dict[str, Any] | None:
        if r is None:
            return None
        return {"date": r.day.isoformat(), "satisfaction": r.satisfaction, "energy": r.energy,
                "focus": r.focus_ability, "productivity": r.productivity, "flow": r.flow,
                "helped": r.helped, "hindered": r.hindered, "burnout": r.burnout}
