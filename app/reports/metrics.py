"""The weekly SPACE self-report: each metric defined once, here.

SPACE (Forsgren et al., 2021) has five dimensions; Fokus reports the two a
person can self-report well: Satisfaction & well-being, and Efficiency &
flow. docs/metrics.md gives every formula and its source. Figures are for the
programmer's own reflection and for team aggregates, never for ranking."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import Any

from sqlmodel import col, select

from app.clock import Clock, as_utc, to_local
from app.domain import BlockKind, SessionState
from app.focus.counted import CountedFocus, counted_focus
from app.focus.engine import sessions_between
from app.history.records import session_marks
from app.repos.lag import WINDOW as LAG_WINDOW
from app.repos.lag import MeasuredLag, measured_lag
from app.store.engine import Store
from app.store.models import (
    ContextSwitch,
    FocusSession,
    Interruption,
    Meeting,
    Project,
    Reflection,
    ResumptionLag,
    SessionPause,
    TimeBlock,
)
from app.store.settings import RESUMPTION_BUFFER_MINUTES, Settings
from app.week.workmodel import WindowKind, WorkModel, iso_week_days, iso_week_of

LONG_SESSION_MINUTES = 60
TREND_WEEKS = 4
# How far a recorded clock can be from UTC either way (UTC-12 … UTC+14).
RECORDED_MARGIN = timedelta(hours=14)


@dataclass
class DayFigures:
    day: date
    location: str  # WFA | WFO | off | holiday
    focus_minutes: float = 0.0
    focus_in_deep_windows_minutes: float = 0.0
    sessions: int = 0
    completed: int = 0
    abandoned: int = 0
    long_uninterrupted: int = 0
    switches: int = 0
    interruptions: int = 0
    estimated_minutes_lost: int = 0
    meetings: int = 0
    meetings_in_deep_windows: int = 0
    flow_ratings: list[int] = field(default_factory=list)
    by_project: dict[str, float] = field(default_factory=dict)
    by_hour: dict[int, float] = field(default_factory=dict)
    reflection: Reflection | None = None


@dataclass
class WeekReport:
    week: str
    days: list[DayFigures]
    satisfaction: float | None
    energy: float | None
    burnout: float | None
    satisfaction_trend: float | None  # against the mean of the previous four weeks
    energy_trend: float | None
    deep_minutes: float
    deep_share_in_windows: float | None
    long_uninterrupted_sessions: int
    interruptions_per_day: float | None
    switches_per_day: float | None
    estimated_minutes_lost: int
    resumption_buffer_minutes: int
    flow_rating: float | None
    reflection_flow: dict[str, int]
    meetings_in_deep_windows: int
    planned_deep_blocks: int
    planned_deep_blocks_used: int
    projects: dict[str, float]
    history: list[dict[str, Any]]  # satisfaction and energy of earlier weeks
    # The person's measured lag the buffer came from; None: the setting (an estimate).
    resumption_measured: MeasuredLag | None = None
    # Sessions of the week added or edited by hand after the fact (app/history).
    sessions_added: int = 0
    sessions_edited: int = 0

    @property
    def by_hour(self) -> dict[int, float]:
        """The week's focus minutes by hour of day."""
        hours: dict[int, float] = defaultdict(float)
        for d in self.days:
            for hour, minutes in d.by_hour.items():
                hours[hour] += minutes
        return dict(hours)

    @property
    def work_days(self) -> list[DayFigures]:
        return [d for d in self.days if d.location in ("WFA", "WFO") or d.focus_minutes > 0]


@dataclass(frozen=True)
class ResumptionEstimate:
    """What one switch is taken to cost: the person's measured median lag once
    there are enough measurements, else the RESUMPTION_BUFFER_MINUTES setting."""

    minutes: float
    measured: MeasuredLag | None

    @property
    def whole_minutes(self) -> int:
        return round(self.minutes)


def resumption_estimate(store: Store, until: datetime | None = None) -> ResumptionEstimate:
    """The switch-cost estimate (docs/metrics.md, "Resumption lag"): the median of
    the person's most recent measured lags before ``until`` (from a switch into a
    project to the first save or commit in its repositories) once there are
    MIN_MEASUREMENTS of them; before that the setting, labelled an estimate."""
    with store.transaction() as s:
        query = select(ResumptionLag.seconds)
        if until is not None:
            query = query.where(col(ResumptionLag.switched_at) < until)
        seconds = list(s.exec(query.order_by(col(ResumptionLag.switched_at).desc())
                              .limit(LAG_WINDOW)))
    measured = measured_lag(seconds)
    if measured is not None:
        return ResumptionEstimate(measured.median_minutes, measured)
    return ResumptionEstimate(float(Settings(store).get(RESUMPTION_BUFFER_MINUTES)), None)


def _mean(values: list[float]) -> float | None:
    return round(statistics.fmean(values), 2) if values else None


def _trend(value: float | None, earlier: list[float | None]) -> float | None:
    """The week's mean against the mean of the earlier weeks that have one."""
    known = [e for e in earlier if e is not None]
    return round(value - statistics.fmean(known), 2) if value is not None and known else None


def _per_day(count: int, workdays: list[DayFigures]) -> float | None:
    return round(count / len(workdays), 2) if workdays else None


@dataclass
class _WeekRows:
    names: dict[int, str]
    sessions: list[FocusSession]
    pauses: dict[int, list[SessionPause]]
    switches: list[ContextSwitch]
    interruptions: list[Interruption]
    meetings: list[Meeting]
    blocks: list[TimeBlock]
    reflections: dict[date, Reflection]
    counted: CountedFocus


def _recorded_zone(offset_min: int) -> tzinfo:
    """The wall clock a row was recorded on: a past day reads the same after
    the machine's time zone changed (a WIB Monday read in UTC keeps 09:00)."""
    return timezone(timedelta(minutes=offset_min))


def _add_session(figures: dict[date, DayFigures], x: FocusSession, counted: CountedFocus,
                 project: str, uninterrupted: bool, model: WorkModel) -> None:
    """One session into the day it started on, and its focused minutes into the
    hours (and no-meeting windows) they fell in, on the session's own clock.
    Time another computer's overlapping session already counts is not counted
    again (app/focus/counted.py)."""
    zone = _recorded_zone(x.utc_offset_min)
    day = figures.get(as_utc(x.started_at).astimezone(zone).date())
    if day is None or x.id is None:
        return
    minutes = counted.minutes(x.id)
    day.sessions += 1
    day.completed += x.state == SessionState.FINISHED
    day.abandoned += x.state == SessionState.ABANDONED
    day.focus_minutes += minutes
    if minutes >= LONG_SESSION_MINUTES and uninterrupted:
        day.long_uninterrupted += 1
    if x.flow_rating:
        day.flow_ratings.append(x.flow_rating)
    day.by_project[project] = day.by_project.get(project, 0.0) + minutes
    for a, z in counted.stretches.get(x.id, []):
        _add_stretch(figures, a.astimezone(zone), z.astimezone(zone), model)


def _add_stretch(figures: dict[date, DayFigures], t: datetime, stop: datetime,
                 model: WorkModel) -> None:
    """Walk a focused stretch minute by minute: by hour, and inside the windows."""
    while t < stop:
        step = min(stop, (t + timedelta(minutes=1)).replace(second=0, microsecond=0)
                   if t.second or t.microsecond else t + timedelta(minutes=1))
        length = (step - t).total_seconds() / 60
        target = figures.get(t.date())
        if target is not None:
            target.by_hour[t.hour] = target.by_hour.get(t.hour, 0.0) + length
            if model.window_at(t.date(), t.hour * 60 + t.minute)[0] == WindowKind.DEEP:
                target.focus_in_deep_windows_minutes += length
        t = step


def _add_meeting(figures: dict[date, DayFigures], m: Meeting, model: WorkModel) -> None:
    zone = _recorded_zone(m.utc_offset_min)
    a = as_utc(m.start_at).astimezone(zone)
    day = figures.get(a.date())
    if day is None:
        return
    day.meetings += 1
    z = as_utc(m.end_at).astimezone(zone)
    first = a.hour * 60 + a.minute
    last = z.hour * 60 + z.minute if z.date() == a.date() else 24 * 60
    if any(model.window_at(a.date(), mm)[0] == WindowKind.DEEP
           for mm in range(first, max(first + 1, last), 5)):
        day.meetings_in_deep_windows += 1


def _block_used(b: TimeBlock, sessions: list[FocusSession], now: datetime) -> bool:
    """A planned deep block counts as used when its project's sessions cover half of it."""
    b0, b1 = as_utc(b.start_at), as_utc(b.end_at)
    covered = sum(_overlap_minutes(b0, b1, as_utc(x.started_at),
                                   as_utc(x.ended_at) if x.ended_at else now)
                  for x in sessions if x.project_id == b.project_id)
    return covered >= 0.5 * (b1 - b0).total_seconds() / 60


def _overlap_minutes(a0: datetime, a1: datetime, b0: datetime, b1: datetime) -> float:
    return max(0.0, (min(a1, b1) - max(a0, b0)).total_seconds() / 60)


class Metrics:
    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock

    def _zone(self) -> tzinfo:
        return self.clock.zone()

    def _bounds(self, days: list[date]) -> tuple[datetime, datetime]:
        zone = self._zone()
        return (datetime.combine(days[0], time(0), tzinfo=zone).astimezone(UTC),
                datetime.combine(days[-1] + timedelta(days=1), time(0),
                                 tzinfo=zone).astimezone(UTC))

    def _model(self) -> WorkModel:
        from app.week.service import WeekService

        return WeekService(self.store, self.clock).work_model()

    def week(self, week: str) -> WeekReport:
        days = iso_week_days(week)
        start, end = self._bounds(days)
        model = self._model()
        estimate = resumption_estimate(self.store, until=end)
        # Rows are placed on their own recorded clock; read wide enough for any
        # zone (UTC-12 to UTC+14), each lands on its day or on none.
        now = self.clock.now()
        rows = self._rows(days, start - RECORDED_MARGIN, end + RECORDED_MARGIN, now)
        figures = {d: DayFigures(d, model.day_kind(d).value, reflection=rows.reflections.get(d))
                   for d in days}
        interrupted = {i.session_id for i in rows.interruptions if i.session_id is not None}
        for x in rows.sessions:
            _add_session(figures, x, rows.counted, rows.names.get(x.project_id, "?"),
                         x.id not in interrupted, model)
        for sw in rows.switches:
            day = figures.get(to_local(sw.at, sw.utc_offset_min).date())
            if day is not None:
                day.switches += 1
        for fig in figures.values():
            fig.estimated_minutes_lost = round(fig.switches * estimate.minutes)
        for it in rows.interruptions:
            day = figures.get(to_local(it.at, it.utc_offset_min).date())
            if day is not None:
                day.interruptions += 1
        for m in rows.meetings:
            _add_meeting(figures, m, model)
        past_blocks = [b for b in rows.blocks if as_utc(b.end_at) <= now
                       and to_local(b.start_at, b.utc_offset_min).date() in figures]
        used = sum(_block_used(b, rows.sessions, now) for b in past_blocks)
        report = self._report(week, [figures[d] for d in days], estimate.whole_minutes,
                              len(past_blocks), used)
        report.resumption_measured = estimate.measured
        own = [x.id for x in rows.sessions if x.id is not None
               and to_local(x.started_at, x.utc_offset_min).date() in figures]
        with self.store.transaction() as s:
            marks = list(session_marks(s, own).values())
        report.sessions_added, report.sessions_edited = marks.count("added"), marks.count("edited")
        return report

    def _rows(self, days: list[date], start: datetime, end: datetime,
              now: datetime) -> _WeekRows:
        """Everything the week's figures are made of, read in one transaction."""
        with self.store.transaction() as s:
            sessions = list(s.exec(select(FocusSession).where(sessions_between(start, end))))
            pauses: dict[int, list[SessionPause]] = defaultdict(list)
            if sessions:
                for p in s.exec(select(SessionPause).where(
                        col(SessionPause.session_id).in_([x.id for x in sessions]))):
                    pauses[p.session_id].append(p)
            return _WeekRows(
                names={p.id: p.name for p in s.exec(select(Project)) if p.id is not None},
                sessions=sessions,
                pauses=pauses,
                switches=list(s.exec(select(ContextSwitch).where(
                    col(ContextSwitch.at) >= start, col(ContextSwitch.at) < end))),
                interruptions=list(s.exec(select(Interruption).where(
                    col(Interruption.at) >= start, col(Interruption.at) < end))),
                meetings=list(s.exec(select(Meeting).where(
                    col(Meeting.start_at) < end, col(Meeting.end_at) > start,
                    col(Meeting.all_day).is_(False)))),
                blocks=list(s.exec(select(TimeBlock).where(
                    col(TimeBlock.start_at) >= start, col(TimeBlock.start_at) < end,
                    TimeBlock.kind == BlockKind.DEEP))),
                reflections={r.day: r for r in s.exec(select(Reflection).where(
                    col(Reflection.day) >= days[0], col(Reflection.day) <= days[-1]))},
                counted=counted_focus(s, sessions, pauses, now),
            )

    def _report(self, week: str, day_list: list[DayFigures], buffer: int,
                planned_blocks: int, used_blocks: int) -> WeekReport:
        """The week's summary from its days: each figure as docs/metrics.md defines it."""
        workdays = [d for d in day_list if d.location in ("WFA", "WFO") or d.focus_minutes > 0]
        total = sum(d.focus_minutes for d in day_list)
        in_windows = sum(d.focus_in_deep_windows_minutes for d in day_list)
        refl = [d.reflection for d in day_list if d.reflection is not None]
        history = self._history(day_list[0].day)
        satisfaction = _mean([r.satisfaction for r in refl if r.satisfaction])
        energy = _mean([r.energy for r in refl if r.energy])
        projects: dict[str, float] = defaultdict(float)
        for fig in day_list:
            for name, minutes in fig.by_project.items():
                projects[name] += minutes
        flow_counts = {"not_at_all": 0, "once": 0, "several": 0}
        for r in refl:
            if r.flow in flow_counts:
                flow_counts[r.flow] += 1
        return WeekReport(
            week=week,
            days=day_list,
            satisfaction=satisfaction,
            energy=energy,
            burnout=_mean([r.burnout for r in refl if r.burnout]),
            satisfaction_trend=_trend(satisfaction, [h["satisfaction"] for h in history]),
            energy_trend=_trend(energy, [h["energy"] for h in history]),
            deep_minutes=round(total, 1),
            deep_share_in_windows=round(in_windows / total, 3) if total else None,
            long_uninterrupted_sessions=sum(d.long_uninterrupted for d in day_list),
            interruptions_per_day=_per_day(sum(d.interruptions for d in day_list), workdays),
            switches_per_day=_per_day(sum(d.switches for d in day_list), workdays),
            estimated_minutes_lost=sum(d.estimated_minutes_lost for d in day_list),
            resumption_buffer_minutes=buffer,
            flow_rating=_mean([float(f) for d in day_list for f in d.flow_ratings]),
            reflection_flow=flow_counts,
            meetings_in_deep_windows=sum(d.meetings_in_deep_windows for d in day_list),
            planned_deep_blocks=planned_blocks,
            planned_deep_blocks_used=used_blocks,
            projects={k: round(v, 1) for k, v in sorted(projects.items())},
            history=history,
        )

    def _history(self, monday: date) -> list[dict[str, Any]]:
        """Mean satisfaction and energy of the previous weeks, oldest first."""
        first = monday - timedelta(weeks=TREND_WEEKS)
        with self.store.transaction() as s:
            rows = list(s.exec(select(Reflection).where(col(Reflection.day) >= first,
                                                        col(Reflection.day) < monday)))
        out = []
        for i in range(TREND_WEEKS):
            a = first + timedelta(weeks=i)
            week_rows = [r for r in rows if a <= r.day < a + timedelta(days=7)]
            out.append({"week": iso_week_of(a),
                        "satisfaction": _mean([r.satisfaction for r in week_rows
                                               if r.satisfaction]),
                        "energy": _mean([r.energy for r in week_rows if r.energy])})
        return out
