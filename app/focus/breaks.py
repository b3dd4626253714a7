"""Breaks that fit the work: after a focus session, a break whose length
follows the minutes focused (Flowtime-like by default: up to 25 → 5, up to
50 → 8, up to 90 → 10, longer → 15; the ``break_lengths`` setting).

A break starts where the session ended and is never suggested into a meeting:
one that would run into an imported meeting (or a planned block of kind
meeting) ends when the meeting starts, or is skipped when too little time is
left. Time away from the keyboard counts as the break taken: a break that
already passed while the user was away (a session stopped at the moment they
walked off) is taken at once, and a user still away when the break is over
keeps resting until they come back. Snooze adds five minutes, skip ends it.
The next session never starts by itself; when the user starts one, the break
ends and what was taken is kept.

No Qt and no timers: the front end calls ``tick()`` (with the idle seconds when
it knows them) and the engine's hooks call ``session_ended``/``session_started``."""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlmodel import Session, col, select

from app.clock import Clock, as_utc, to_local
from app.domain import EndReason
from app.errors import ErrorCode, FokusError
from app.focus.break_lengths import BreakLengths
from app.store.engine import Store
from app.store.models import FocusBreak, Meeting, TimeBlock
from app.store.settings import BREAK_LENGTHS, BREAKS, Settings

log = logging.getLogger(__name__)
__all__ = ["BreakLengths", "BreakReason", "BreakService", "BreakState", "BreakView", "tally"]
SNOOZE_MINUTES = 5
# A break that would be shorter than this before a meeting is skipped instead.
MIN_BREAK_MINUTES = 2
# A session stopped early earns a break only after this much real focus.
REAL_FOCUS_MINUTES = 1
# Idle this long at a look counts as away (the idle monitor's own threshold
# decides for sessions; a break needs only to know the user is not typing).
AWAY_SECONDS = 60.0


class BreakState(StrEnum):
    OPEN = "open"
    TAKEN = "taken"  # ended by time, by a new session, or rested while away
    SKIPPED = "skipped"


class BreakReason(StrEnum):
    NONE = ""
    BEFORE_MEETING = "before_meeting"  # shortened to end when a meeting starts
    MEETING = "meeting"  # skipped: a meeting is on or starts at once


@dataclass(frozen=True)
class BreakView:
    """A break as a front end shows it, computed at one instant."""

    id: int
    session_id: int | None
    state: BreakState
    reason: BreakReason
    started_at: datetime
    until: datetime
    utc_offset_min: int
    focused_minutes: int
    suggested_minutes: int
    snoozes: int
    ended_at: datetime | None
    taken_minutes: int | None
    after_completed: bool  # the session ran its planned length

    @property
    def minutes(self) -> int:
        """The break's length now (snoozes included)."""
        return round((self.until - self.started_at).total_seconds() / 60)

    def remaining_seconds(self, now: datetime) -> float:
        return max(0.0, (self.until - as_utc(now)).total_seconds())

    def to_json(self) -> dict[str, Any]:
        return {
            "until": to_local(self.until, self.utc_offset_min).isoformat(timespec="seconds"),
            "minutes": self.minutes,
            "started_at": to_local(self.started_at, self.utc_offset_min).isoformat(
                timespec="seconds"),
            "suggested_minutes": self.suggested_minutes,
            "focused_minutes": self.focused_minutes,
            "snoozes": self.snoozes,
            "state": self.state.value,
            "reason": self.reason.value or None,
        }


def _naive(at: datetime) -> datetime:
    return as_utc(at).replace(tzinfo=None)


def _whole_minutes(a: datetime, z: datetime) -> int:
    return max(0, math.floor((as_utc(z) - as_utc(a)).total_seconds() / 60 + 1e-6))


class BreakService:
    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock
        self.settings = Settings(store)

    # -- settings ------------------------------------------------------------------------

    def lengths(self) -> BreakLengths:
        try:
            return BreakLengths.parse(self.settings.get(BREAK_LENGTHS))
        except ValueError:  # the declaration's check makes this unreachable
            return BreakLengths.parse(BREAK_LENGTHS.default)

    # -- queries -------------------------------------------------------------------------

    @staticmethod
    def _open(s: Session) -> FocusBreak | None:
        stmt = select(FocusBreak).where(FocusBreak.state == BreakState.OPEN)
        return s.exec(stmt.order_by(col(FocusBreak.suggested_at).desc())).first()

    @staticmethod
    def _view(row: FocusBreak, after_completed: bool = False) -> BreakView:
        assert row.id is not None
        return BreakView(
            id=row.id, session_id=row.session_id, state=BreakState(row.state),
            reason=BreakReason(row.reason), started_at=as_utc(row.suggested_at),
            until=as_utc(row.until), utc_offset_min=row.utc_offset_min,
            focused_minutes=row.focused_minutes, suggested_minutes=row.minutes,
            snoozes=row.snoozes, ended_at=as_utc(row.ended_at) if row.ended_at else None,
            taken_minutes=row.taken_minutes, after_completed=after_completed)

    def _completed(self, s: Session, row: FocusBreak) -> bool:
        from app.store.models import FocusSession

        fs = s.get(FocusSession, row.session_id) if row.session_id else None
        return fs is not None and fs.end_reason == EndReason.COMPLETED

    def current(self) -> BreakView | None:
        """The break running now (before its end); one that is over is closed by ``tick``."""
        now = self.clock.now()
        with self.store.transaction() as s:
            row = self._open(s)
            if row is None or as_utc(row.until) <= now:
                return None
            return self._view(row, self._completed(s, row))

    def open_break(self) -> BreakView | None:
        """The break not yet closed, running or rested past its end."""
        with self.store.transaction() as s:
            row = self._open(s)
            return self._view(row, self._completed(s, row)) if row else None

    def get(self, break_id: int) -> BreakView | None:
        with self.store.transaction() as s:
            row = s.get(FocusBreak, break_id)
            return self._view(row, self._completed(s, row)) if row else None

    def between(self, start: datetime, end: datetime) -> list[BreakView]:
        """Breaks suggested in [start, end), for the reports."""
        with self.store.transaction() as s:
            rows = s.exec(select(FocusBreak).where(
                col(FocusBreak.suggested_at) >= _naive(start),
                col(FocusBreak.suggested_at) < _naive(end)).order_by(
                col(FocusBreak.suggested_at)))
            return [self._view(r) for r in rows]

    # -- meetings ------------------------------------------------------------------------

    def _meetings(self, s: Session, start: datetime, end: datetime) -> list[tuple[datetime,
                                                                                  datetime]]:
        """(start, end) of the meetings overlapping [start, end): imported
        calendar events and planned blocks of kind meeting."""
        spans = [(as_utc(m.start_at), as_utc(m.end_at)) for m in s.exec(select(Meeting).where(
            col(Meeting.start_at) < _naive(end), col(Meeting.end_at) > _naive(start),
            col(Meeting.all_day).is_(False)))]
        spans += [(as_utc(b.start_at), as_utc(b.end_at)) for b in s.exec(select(TimeBlock).where(
            col(TimeBlock.start_at) < _naive(end), col(TimeBlock.end_at) > _naive(start)))
            if str(b.kind) == "meeting"]
        return sorted(spans)

    # -- the engine's hooks --------------------------------------------------------------

    def session_ended(self, session: Any) -> BreakView | None:
        """Suggest the break after ``session`` (a SessionView that just ended)."""
        if not self.settings.get(BREAKS) or session.ended_at is None:
            return None
        if session.end_reason == EndReason.RECOVERED:
            return None  # Fokus was not running: nobody to suggest it to
        focused = session.focused_seconds / 60
        completed = session.end_reason == EndReason.COMPLETED
        if not completed and focused < REAL_FOCUS_MINUTES:
            return None
        now = self.clock.now()
        start = min(as_utc(session.ended_at), now)
        minutes = self.lengths().minutes_for(focused)
        until = start + timedelta(minutes=minutes)
        reason = BreakReason.NONE
        state = BreakState.OPEN
        with self.store.transaction() as s:
            self._end_open(s, now)
            ahead = self._meetings(s, max(start, now), until) if until > now else []
            for m_start, _m_end in ahead[:1]:
                if (m_start - max(start, now)).total_seconds() < MIN_BREAK_MINUTES * 60:
                    # A meeting is on, or starts before a break would be worth it.
                    until, reason, state = start, BreakReason.MEETING, BreakState.SKIPPED
                else:
                    until, reason = m_start, BreakReason.BEFORE_MEETING
            row = FocusBreak(
                session_id=session.id, suggested_at=_naive(start),
                utc_offset_min=self.clock.utc_offset_minutes(start),
                focused_minutes=round(focused),
                minutes=minutes if state == BreakState.SKIPPED else _whole_minutes(start, until),
                until=_naive(until), state=state, reason=reason)
            if state == BreakState.SKIPPED:
                row.ended_at, row.taken_minutes = _naive(now), 0
            elif until <= now:
                # Already over: the user was away from the session's end on.
                row.state, row.ended_at = BreakState.TAKEN, _naive(until)
                row.taken_minutes = _whole_minutes(start, until)
            s.add(row)
            s.flush()
            log.info("break %s after session %s: %s min until %s (%s, %s)", row.id, session.id,
                     row.minutes, until, row.state, reason.value or "-")
            return self._view(row, completed)

    def session_started(self, _session: Any = None) -> BreakView | None:
        """A new session ends the break, counting what was taken."""
        with self.store.transaction() as s:
            return self._end_open(s, self.clock.now())

    def _end_open(self, s: Session, now: datetime) -> BreakView | None:
        row = self._open(s)
        if row is None:
            return None
        until = as_utc(row.until)
        if now < until:
            end = max(as_utc(row.suggested_at), now)
        else:  # over before this session: rested until its end, or while away
            end = max(until, as_utc(row.rested_until) if row.rested_until else until)
        row.state, row.ended_at = BreakState.TAKEN, _naive(end)
        row.taken_minutes = _whole_minutes(row.suggested_at, end)
        log.info("break %s ended by a new session after %s min (until %s)", row.id,
                 row.taken_minutes, until)
        return self._view(row)

    # -- the user's answers --------------------------------------------------------------

    def snooze(self, minutes: int = SNOOZE_MINUTES) -> BreakView:
        """Five more minutes, never into a meeting."""
        now = self.clock.now()
        self.tick()
        with self.store.transaction() as s:
            row = self._open(s)
            if row is None or as_utc(row.until) <= now:
                raise FokusError(ErrorCode.NO_BREAK)
            until = as_utc(row.until) + timedelta(minutes=minutes)
            for m_start, _m_end in self._meetings(s, as_utc(row.until), until):
                until = max(as_utc(row.until), min(until, m_start))
                row.reason = BreakReason.BEFORE_MEETING
                break
            row.until = _naive(until)
            row.snoozes += 1
            log.info("break %s snoozed until %s", row.id, until)
            return self._view(row, self._completed(s, row))

    def skip(self) -> BreakView:
        now = self.clock.now()
        self.tick()
        with self.store.transaction() as s:
            row = self._open(s)
            if row is None or as_utc(row.until) <= now:
                raise FokusError(ErrorCode.NO_BREAK)
            row.state, row.ended_at = BreakState.SKIPPED, _naive(now)
            row.taken_minutes = _whole_minutes(row.suggested_at, now)
            log.info("break %s skipped after %s min", row.id, row.taken_minutes)
            return self._view(row, self._completed(s, row))

    # -- time ----------------------------------------------------------------------------

    def tick(self, idle_seconds: float | None = None) -> BreakView | None:
        """Close a break that is over; returns it when this call closed it.

        ``idle_seconds``: the desktop's idle time, when known. A user away
        since before the break's end is still resting: the break stays open
        (not shown) until they are back, and counts up to their return."""
        now = self.clock.now()
        with self.store.transaction() as s:
            row = self._open(s)
            if row is None or as_utc(row.until) > now:
                return None
            until = as_utc(row.until)
            if idle_seconds is not None and idle_seconds >= AWAY_SECONDS and \
                    now - timedelta(seconds=idle_seconds) < until:
                row.rested_until = _naive(now)
                return None
            end = max(until, as_utc(row.rested_until) if row.rested_until else until)
            row.state, row.ended_at = BreakState.TAKEN, _naive(end)
            row.taken_minutes = _whole_minutes(row.suggested_at, end)
            log.info("break %s over: %s min taken", row.id, row.taken_minutes)
            return self._view(row, self._completed(s, row))


@dataclass(frozen=True)
class BreakTally:
    """Breaks taken against suggested, for Insights and the weekly report."""

    suggested: int
    taken: int  # at least the suggested length
    cut_short: int  # ended early by a new session
    skipped: int
    skipped_for_meetings: int  # not suggested at all: a meeting was on or about to start
    suggested_minutes: int
    taken_minutes: int

    def to_json(self) -> dict[str, int]:
        return {"suggested": self.suggested, "taken": self.taken, "cut_short": self.cut_short,
                "skipped": self.skipped, "skipped_for_meetings": self.skipped_for_meetings,
                "suggested_minutes": self.suggested_minutes, "taken_minutes": self.taken_minutes}


def tally(breaks: list[BreakView], now: datetime | None = None) -> BreakTally:
    """``now``: a break still open after its end (nobody looked since: no tray
    ran) counts as taken in full, as it will be when it is closed."""
    if now is not None:
        breaks = [replace(b, state=BreakState.TAKEN, taken_minutes=b.minutes)
                  if b.state == BreakState.OPEN and b.until <= as_utc(now) else b
                  for b in breaks]
    meeting = [b for b in breaks if b.reason == BreakReason.MEETING]
    offered = [b for b in breaks if b.reason != BreakReason.MEETING]
    closed = [b for b in offered if b.state != BreakState.OPEN]
    full = [b for b in closed if b.state == BreakState.TAKEN
            and (b.taken_minutes or 0) >= b.suggested_minutes]
    return BreakTally(
        suggested=len(offered),
        taken=len(full),
        cut_short=sum(1 for b in closed if b.state == BreakState.TAKEN) - len(full),
        skipped=sum(1 for b in closed if b.state == BreakState.SKIPPED),
        skipped_for_meetings=len(meeting),
        suggested_minutes=sum(b.suggested_minutes for b in offered),
        taken_minutes=sum(b.taken_minutes or 0 for b in closed),
    )
