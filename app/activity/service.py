"""Context switches, interruptions, resume notes and the day's log.

Every switch is stored with where it came from and to, what caused it
(trigger) and how it was made (source); every interruption with its source.
The estimated cost of switching is the day's switches times a resumption
buffer, an estimate the user can change (RESUMPTION_BUFFER_MINUTES; in Parnin
& Rugaber 2011, 10-15 minutes before the first edit after resuming was
typical)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from enum import StrEnum
from typing import Any

from sqlmodel import col, select

from app.clock import Clock, as_utc, to_local
from app.domain import EndReason, EventSource, InterruptionSource, SwitchTrigger
from app.errors import ErrorCode, FokusError
from app.focus.counted import counted_focus
from app.focus.engine import FocusEngine, SessionView, sessions_between
from app.store.engine import Store
from app.store.models import (
    ContextSwitch,
    FocusSession,
    Interruption,
    Project,
    ProjectBatch,
    ResumeNote,
    SessionPause,
)
from app.store.settings import RESUMPTION_BUFFER_MINUTES, Settings


class AwayChoice(StrEnum):
    """What the time away from the keyboard (or asleep) was, as the user says."""

    FOCUS = "focus"  # thinking, reading on paper: count it as focus
    BREAK = "break"
    MEETING = "meeting"
    INTERRUPTION = "interruption"
    DISCARD = "discard"  # the session ended when input stopped


MAX_NOTE = 500


@dataclass(frozen=True)
class SwitchResult:
    switch_id: int
    from_project: str | None
    to_project: str
    ended_session: SessionView | None  # the session the switch ended, if one ran


@dataclass(frozen=True)
class ContextCard:
    """What to show when coming back to a project."""

    project: str
    note: str | None
    note_written_at: datetime | None
    batch: str | None
    prep_note: str | None


class ActivityService:
    def __init__(self, store: Store, clock: Clock, engine: FocusEngine) -> None:
        self.store = store
        self.clock = clock
        self.engine = engine

    # -- where the user is --------------------------------------------------------

    def last_project_id(self) -> int | None:
        """The project of the latest switch or session on any day (not archived):
        a new morning starts where the person left off, not at the first name."""
        with self.store.transaction() as s:
            live = {p.id for p in s.exec(select(Project).where(
                col(Project.archived_at).is_(None)))}
            last_switch = s.exec(select(ContextSwitch)
                                 .order_by(col(ContextSwitch.at).desc())).first()
            last_session = s.exec(select(FocusSession)
                                  .order_by(col(FocusSession.started_at).desc())).first()
        candidates = [(as_utc(x.at), x.to_project_id) for x in [last_switch] if x] + [
            (as_utc(x.started_at), x.project_id) for x in [last_session] if x]
        candidates = [c for c in candidates if c[1] in live]
        return max(candidates)[1] if candidates else None

    def current_project_id(self) -> int | None:
        """The project of the open session, else the last one switched to or
        focused on today."""
        view = self.engine.current()
        if view is not None:
            return view.project_id
        start = self._day_start(self._local_today())
        with self.store.transaction() as s:
            last_switch = s.exec(select(ContextSwitch).where(col(ContextSwitch.at) >= start)
                                 .order_by(col(ContextSwitch.at).desc())).first()
            last_session = s.exec(select(FocusSession).where(col(FocusSession.started_at) >= start)
                                  .order_by(col(FocusSession.started_at).desc())).first()
        candidates = [(as_utc(x.at), x.to_project_id) for x in [last_switch] if x] + [
            (as_utc(x.started_at), x.project_id) for x in [last_session] if x]
        return max(candidates)[1] if candidates else None

    # -- switches -------------------------------------------------------------------

    def switch(self, to_project_id: int, trigger: SwitchTrigger | str = SwitchTrigger.SELF,
               source: EventSource | str = EventSource.TRAY) -> SwitchResult:
        try:
            trigger = SwitchTrigger(trigger)
        except ValueError:
            raise FokusError(ErrorCode.INVALID_VALUE, field="trigger", value=trigger) from None
        now = self.clock.now()
        from_id = self.current_project_id()
        if from_id == to_project_id:
            raise FokusError(ErrorCode.INVALID_VALUE, field="to", value="the current project")
        ended = None
        view = self.engine.current()
        if view is not None:
            ended = self.engine.stop(EndReason.SWITCHED)
        with self.store.transaction() as s:
            to_project = s.get(Project, to_project_id)
            if to_project is None:
                raise FokusError(ErrorCode.UNKNOWN_PROJECT, project=to_project_id)
            from_project = s.get(Project, from_id) if from_id is not None else None
            row = ContextSwitch(at=now, utc_offset_min=self.clock.utc_offset_minutes(now),
                                from_project_id=from_id, to_project_id=to_project_id,
                                trigger=trigger, source=str(source))
            s.add(row)
            s.flush()
            assert row.id is not None
            return SwitchResult(row.id, from_project.name if from_project else None,
                                to_project.name, ended)

    def set_switch_trigger(self, switch_id: int, trigger: SwitchTrigger | str) -> None:
        """The user says afterwards what made them switch."""
        try:
            trigger = SwitchTrigger(trigger)
        except ValueError:
            raise FokusError(ErrorCode.INVALID_VALUE, field="trigger", value=trigger) from None
        with self.store.transaction() as s:
            row = s.get(ContextSwitch, switch_id)
            if row is not None:
                row.trigger = trigger

    # -- interruptions ----------------------------------------------------------------

    def interrupt(self, source: InterruptionSource | str = InterruptionSource.OTHER,
                  minutes: int | None = None, at: datetime | None = None) -> Interruption:
        try:
            source = InterruptionSource(source)
        except ValueError:
            raise FokusError(ErrorCode.INVALID_VALUE, field="source", value=source) from None
        if minutes is not None and not 0 <= minutes <= 8 * 60:
            raise FokusError(ErrorCode.INVALID_VALUE, field="minutes", value=minutes)
        at = at or self.clock.now()
        view = self.engine.current()
        with self.store.transaction() as s:
            row = Interruption(at=at, utc_offset_min=self.clock.utc_offset_minutes(at),
                               session_id=view.id if view else None, source=source,
                               minutes=minutes)
            s.add(row)
            s.flush()
            return row

    def resolve_away(self, choice: AwayChoice | str) -> SessionView | None:
        """Settle the open idle or sleep pause the way the user chose."""
        choice = AwayChoice(choice)
        view = self.engine.current()
        if view is None or view.paused_since is None:
            raise FokusError(ErrorCode.NOT_PAUSED)
        away_from = view.paused_since
        minutes = max(0, round((self.clock.now() - away_from).total_seconds() / 60))
        if choice == AwayChoice.FOCUS:
            return self.engine.forget_open_pause()
        if choice == AwayChoice.DISCARD:
            self.engine.stop(EndReason.STOPPED, at=away_from)
            return None
        if choice in (AwayChoice.MEETING, AwayChoice.INTERRUPTION):
            source = InterruptionSource.MEETING if choice == AwayChoice.MEETING \
                else InterruptionSource.OTHER
            self.interrupt(source, min(minutes, 8 * 60), at=away_from)
        return self.engine.resume()

    # -- resume notes -------------------------------------------------------------------

    def add_note(self, project_id: int, text: str, batch_id: int | None = None) -> ResumeNote:
        text = " ".join((text or "").split())
        if not text:
            raise FokusError(ErrorCode.INVALID_VALUE, field="note", value="")
        if len(text) > MAX_NOTE:
            raise FokusError(ErrorCode.INVALID_VALUE, field="note", value=text[:20] + "…")
        with self.store.transaction() as s:
            if s.get(Project, project_id) is None:
                raise FokusError(ErrorCode.UNKNOWN_PROJECT, project=project_id)
            note = ResumeNote(project_id=project_id, batch_id=batch_id,
                              written_at=self.clock.now(), text=text)
            s.add(note)
            s.flush()
            return note

    def notes(self, project_id: int, limit: int = 50) -> list[ResumeNote]:
        with self.store.transaction() as s:
            return list(s.exec(select(ResumeNote).where(ResumeNote.project_id == project_id)
                               .order_by(col(ResumeNote.written_at).desc(),
                                         col(ResumeNote.id).desc()).limit(limit)))

    def context_card(self, project_id: int, batch_id: int | None = None) -> ContextCard:
        notes = self.notes(project_id, limit=1)
        with self.store.transaction() as s:
            project = s.get(Project, project_id)
            batch = s.get(ProjectBatch, batch_id) if batch_id is not None else None
        if project is None:
            raise FokusError(ErrorCode.UNKNOWN_PROJECT, project=project_id)
        return ContextCard(
            project=project.name,
            note=notes[0].text if notes else None,
            note_written_at=as_utc(notes[0].written_at) if notes else None,
            batch=batch.title if batch else None,
            prep_note=batch.prep_note if batch and batch.prep_note else None,
        )

    # -- the day ---------------------------------------------------------------------------

    def resumption_buffer(self) -> int:
        return Settings(self.store).get(RESUMPTION_BUFFER_MINUTES)

    def switch_cost(self, until: datetime) -> tuple[float, dict[str, Any] | None]:
        """Minutes per switch and, once measured, the person's lag behind them."""
        from app.reports.metrics import resumption_estimate

        estimate = resumption_estimate(self.store, until)
        m = estimate.measured
        return estimate.minutes, (None if m is None else {
            "n": m.n, "median_minutes": m.median_minutes, "min_minutes": m.min_minutes,
            "max_minutes": m.max_minutes})

    def _local_today(self) -> date:
        return self.clock.now().astimezone(self.clock.zone()).date()

    def _day_start(self, day: date) -> datetime:
        return datetime.combine(day, time(0), tzinfo=self.clock.zone())

    def day_log(self, day: date | None = None) -> dict[str, Any]:
        """The day's sessions, pauses, switches and interruptions, each placed
        and written (ISO, with its offset) on the clock it was recorded on, as
        the weekly figures are: a WIB Monday read in UTC still starts at 09:00.
        A switch or an interruption belongs to the day its own local date says;
        a session to every day its own local span touches."""
        day = day or self._local_today()
        end = self._day_start(day) + timedelta(days=1)
        from app.reports.metrics import RECORDED_MARGIN

        now = self.clock.now()
        # Any recorded clock (UTC-12 … UTC+14) may have placed a row on this day.
        wide_start = datetime.combine(day, time(0), tzinfo=UTC) - RECORDED_MARGIN
        wide_end = wide_start + timedelta(days=1) + 2 * RECORDED_MARGIN

        def iso(at: datetime | None, offset_min: int) -> str | None:
            return to_local(at, offset_min).isoformat(timespec="seconds") if at else None

        def on_day(at: datetime, offset_min: int) -> bool:
            return to_local(at, offset_min).date() == day

        def spans_day(x: FocusSession) -> bool:
            zone = timezone(timedelta(minutes=x.utc_offset_min))
            first = datetime.combine(day, time(0), tzinfo=zone)
            started = as_utc(x.started_at)
            stopped = as_utc(x.ended_at) if x.ended_at else max(now, started)
            return started < first + timedelta(days=1) and (
                stopped > first or started >= first)

        with self.store.transaction() as s:
            sessions = [x for x in s.exec(select(FocusSession).where(
                sessions_between(wide_start, wide_end)).order_by(
                col(FocusSession.started_at))) if spans_day(x)]
            pauses: dict[int, list[SessionPause]] = {}
            for p in s.exec(select(SessionPause).where(col(SessionPause.session_id).in_(
                    [x.id for x in sessions])).order_by(col(SessionPause.started_at))):
                pauses.setdefault(p.session_id, []).append(p)
            switches = [x for x in s.exec(select(ContextSwitch).where(
                col(ContextSwitch.at) >= wide_start, col(ContextSwitch.at) < wide_end)
                .order_by(col(ContextSwitch.at))) if on_day(x.at, x.utc_offset_min)]
            interruptions = [x for x in s.exec(select(Interruption).where(
                col(Interruption.at) >= wide_start, col(Interruption.at) < wide_end)
                .order_by(col(Interruption.at))) if on_day(x.at, x.utc_offset_min)]
            # Only the names the day shows: years of batches are not read for one day.
            shown = {x.project_id for x in sessions} | {x.to_project_id for x in switches} | {
                x.from_project_id for x in switches if x.from_project_id is not None}
            names = {p.id: p.name for p in s.exec(select(Project).where(
                col(Project.id).in_(shown)))}
            titles = {b.id: b.title for b in s.exec(select(ProjectBatch).where(
                col(ProjectBatch.id).in_({x.batch_id for x in sessions if x.batch_id})))}
            counted = counted_focus(s, sessions, pauses, now)
        per_switch, measured = self.switch_cost(end)
        buffer = round(per_switch)
        session_rows = []
        for x in sessions:
            assert x.id is not None
            session_rows.append({
                "id": x.id, "project": names.get(x.project_id),
                "batch": titles.get(x.batch_id) if x.batch_id else None,
                "start": iso(x.started_at, x.utc_offset_min),
                "end": iso(x.ended_at, x.utc_offset_min), "state": str(x.state),
                "end_reason": str(x.end_reason) if x.end_reason else None,
                "planned_minutes": x.planned_minutes,
                "focus_minutes": round(counted.minutes(x.id), 1),
                # Focus of this session an overlapping one of another computer
                # already counts (a conflict to settle: app/focus/counted.py).
                "shared_minutes": round(counted.shared.get(x.id, 0.0) / 60, 1),
                # A pause is on the clock of the session it belongs to.
                "pauses": [{"id": p.id, "start": iso(p.started_at, x.utc_offset_min),
                            "end": iso(p.ended_at, x.utc_offset_min),
                            "reason": str(p.reason)} for p in pauses.get(x.id, [])],
                "interruptions": sum(1 for i in interruptions if i.session_id == x.id),
            })
        return {
            "date": day.isoformat(),
            "sessions": session_rows,
            "switches": [{"id": x.id, "at": iso(x.at, x.utc_offset_min),
                          "from": names.get(x.from_project_id or -1),
                          "to": names.get(x.to_project_id), "trigger": str(x.trigger),
                          "source": x.source} for x in switches],
            "interruptions": [{"id": x.id, "at": iso(x.at, x.utc_offset_min),
                               "source": str(x.source), "minutes": x.minutes,
                               "session": x.session_id}
                              for x in interruptions],
            "focus_minutes": round(sum(r["focus_minutes"] for r in session_rows), 1),  # type: ignore[misc]
            "estimated_minutes_lost_to_switching": round(len(switches) * per_switch),
            "resumption_buffer_minutes": buffer,
            "resumption_measured": measured,
            "estimate_source": "your measured resumption lag (median)" if measured else
                               "Parnin & Rugaber 2011: 10-15 min to the first edit after "
                               "resuming; the buffer is a setting",
        }
