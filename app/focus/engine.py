"""The focus session engine: idle → focusing ⇄ paused → finished | abandoned.

No Qt and no timers: the front end calls ``tick()`` when it likes (the tray
does so on a timer) and the engine answers from the injected clock.

Crash safety: a session owned by a running tray is written at start and its
``heartbeat_at`` refreshed every ``heartbeat_seconds``; a later start finds the
session still open, sees that its owner is gone, and closes it at the last
heartbeat, so a crash loses at most one heartbeat interval.

Sleep and clock changes: the engine remembers the wall clock and the monotonic
clock at each look. When the wall clock moved further than the monotonic one
(which stands still while the machine is suspended), the machine slept: the
session is judged at the last awake moment, and paused there unless its time
was already up while awake, so a suspend is never counted as focus. When the
wall clock moved back, the open session's instants move back with it, so it
never ends before it starts and its length is the time that really passed."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlmodel import Session, col, select

from app.clock import Clock, as_utc
from app.domain import MAX_MINUTES, EndReason, PauseReason, SessionState
from app.errors import ErrorCode, FokusError
from app.store.engine import Store
from app.store.models import FocusSession, Project, ProjectBatch, SessionPause

log = logging.getLogger(__name__)
HEARTBEAT_SECONDS = 30.0
# A wall clock that differs from the monotonic one by more than this has jumped.
JUMP_TOLERANCE_SECONDS = 30.0


# The longest a finished session can have lasted and still be found by the day
# or week it reaches into: a pause left over a long holiday. Sessions still open
# are found by their state whenever they began. The bound lets the question read
# the index on started_at from a month before the day, not from the first day.
LONGEST_SESSION = timedelta(days=31)
OPEN_STATES = (SessionState.FOCUSING, SessionState.PAUSED)


def sessions_between(start: datetime, end: datetime) -> Any:
    """Where a focus session overlaps [start, end)."""
    return (col(FocusSession.started_at) < end) & (
        ((col(FocusSession.started_at) >= start - LONGEST_SESSION)
         & ((col(FocusSession.ended_at).is_(None)) | (col(FocusSession.ended_at) > start)))
        | col(FocusSession.state).in_(OPEN_STATES))


@dataclass(frozen=True)
class SessionView:
    """What a front end needs to show a session; computed at one instant."""

    id: int
    state: SessionState
    project_id: int
    project: str
    colour: str
    batch_id: int | None
    batch: str | None
    planned_minutes: int
    started_at: datetime
    utc_offset_min: int
    ended_at: datetime | None
    end_reason: EndReason | None
    focused_seconds: float
    remaining_seconds: float
    paused_since: datetime | None
    pause_reason: PauseReason | None

    def to_json(self) -> dict[str, Any]:
        from app.clock import to_local

        return {
            "id": self.id,
            "state": self.state.value,
            "project": self.project,
            "batch": self.batch,
            "planned_minutes": self.planned_minutes,
            "started_at": to_local(self.started_at, self.utc_offset_min).isoformat(),
            "ended_at": (
                to_local(self.ended_at, self.utc_offset_min).isoformat() if self.ended_at else None
            ),
            "end_reason": self.end_reason.value if self.end_reason else None,
            "focused_seconds": round(self.focused_seconds),
            "remaining_seconds": round(self.remaining_seconds),
            "paused_since": (
                to_local(self.paused_since, self.utc_offset_min).isoformat()
                if self.paused_since
                else None
            ),
        }


@dataclass(frozen=True)
class Recovered:
    session_id: int
    project: str
    ended_at: datetime
    utc_offset_min: int
    focused_seconds: float


class SessionListener(Protocol):
    """Told after a session started or ended, once its transaction committed
    (the breaks: ``app.focus.breaks.BreakService``)."""

    def session_started(self, session: SessionView) -> object: ...

    def session_ended(self, session: SessionView) -> object: ...


def naive(at: datetime) -> datetime:
    """The stored form: naive UTC."""
    return as_utc(at).replace(tzinfo=None)


def focused_seconds(session: FocusSession, pauses: list[SessionPause], until: datetime) -> float:
    end = as_utc(session.ended_at) if session.ended_at else as_utc(until)
    total = (end - as_utc(session.started_at)).total_seconds()
    for pause in pauses:
        p_end = as_utc(pause.ended_at) if pause.ended_at else end
        total -= max(0.0, (min(p_end, end) - as_utc(pause.started_at)).total_seconds())
    return max(0.0, total)


class FocusEngine:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        owner: str | None = None,
        heartbeat_seconds: float = HEARTBEAT_SECONDS,
    ) -> None:
        self.store = store
        self.clock = clock
        # A tray owns its sessions and heartbeats them; the headless command
        # line starts sessions that nobody owns until a tray adopts them.
        self.owner = owner
        self.heartbeat_seconds = heartbeat_seconds
        # (wall, monotonic) at the last look, to notice sleep and clock changes.
        self._anchor: tuple[datetime, float] | None = None
        self.listeners: list[SessionListener] = []

    def _tell(self, started: SessionView | None = None, ended: SessionView | None = None) -> None:
        """The listeners, after the commit: one that fails never undoes the session."""
        for listener in self.listeners:
            try:
                if ended is not None:
                    listener.session_ended(ended)
                if started is not None:
                    listener.session_started(started)
            except FokusError as err:
                log.warning("a session listener failed: %s %s", err.code, err.params)

    # -- queries -----------------------------------------------------------

    def _open(self, s: Session) -> FocusSession | None:
        stmt = select(FocusSession).where(
            col(FocusSession.state).in_([SessionState.FOCUSING, SessionState.PAUSED])
        )
        return s.exec(stmt.order_by(col(FocusSession.started_at).desc())).first()

    def _pauses(self, s: Session, session_id: int) -> list[SessionPause]:
        stmt = select(SessionPause).where(SessionPause.session_id == session_id)
        return list(s.exec(stmt.order_by(col(SessionPause.started_at))))

    def _view(self, s: Session, fs: FocusSession, now: datetime) -> SessionView:
        assert fs.id is not None
        pauses = self._pauses(s, fs.id)
        project = s.get(Project, fs.project_id)
        batch = s.get(ProjectBatch, fs.batch_id) if fs.batch_id else None
        done = focused_seconds(fs, pauses, now)
        open_pause = next((p for p in pauses if p.ended_at is None), None)
        return SessionView(
            id=fs.id,
            state=SessionState(fs.state),
            project_id=fs.project_id,
            project=project.name if project else "?",
            colour=project.colour if project else "#888888",
            batch_id=fs.batch_id,
            batch=batch.title if batch else None,
            planned_minutes=fs.planned_minutes,
            started_at=as_utc(fs.started_at),
            utc_offset_min=fs.utc_offset_min,
            ended_at=as_utc(fs.ended_at) if fs.ended_at else None,
            end_reason=EndReason(fs.end_reason) if fs.end_reason else None,
            focused_seconds=done,
            remaining_seconds=max(0.0, fs.planned_minutes * 60 - done),
            paused_since=as_utc(open_pause.started_at) if open_pause else None,
            pause_reason=PauseReason(open_pause.reason) if open_pause else None,
        )

    def current(self) -> SessionView | None:
        """The open session, after settling one whose planned time is up."""
        self.tick()
        return self.peek()

    def peek(self) -> SessionView | None:
        """The open session seen now, settling and saving nothing: what to show
        while nothing can be saved (a full disk)."""
        with self.store.transaction() as s:
            fs = self._open(s)
            return self._view(s, fs, self.clock.now()) if fs else None

    def get(self, session_id: int) -> SessionView | None:
        with self.store.transaction() as s:
            fs = s.get(FocusSession, session_id)
            return self._view(s, fs, self.clock.now()) if fs else None

    # -- commands ----------------------------------------------------------

    def start(
        self,
        project_id: int,
        batch_id: int | None = None,
        minutes: int = 90,
        source: str = "tray",
    ) -> SessionView:
        if not 1 <= minutes <= MAX_MINUTES:
            raise FokusError(ErrorCode.INVALID_VALUE, field="minutes", value=minutes)
        self.tick()
        now = self.clock.now()
        with self.store.transaction() as s:
            if self._open(s) is not None:
                raise FokusError(ErrorCode.ALREADY_FOCUSING)
            fs = FocusSession(
                project_id=project_id,
                batch_id=batch_id,
                planned_minutes=minutes,
                started_at=naive(now),
                utc_offset_min=self.clock.utc_offset_minutes(now),
                heartbeat_at=naive(now),
                owner=self.owner,
                state=SessionState.FOCUSING,
                source=source,
            )
            s.add(fs)
            s.flush()
            log.info("session %s started: project %s, %d min", fs.id, project_id, minutes)
            view = self._view(s, fs, now)
        self._tell(started=view)
        return view

    def pause(
        self, reason: PauseReason = PauseReason.USER, at: datetime | None = None
    ) -> SessionView:
        """Pause now, or at ``at`` (the moment the user went idle or the machine
        fell asleep): a session is finished first only if its time was up by then."""
        now = self.clock.now()
        at = min(as_utc(at), now) if at else now
        self.tick(judge_at=at)
        now = self.clock.now()
        with self.store.transaction() as s:
            fs = self._open(s)
            if fs is not None and fs.state == SessionState.PAUSED and \
                    reason is PauseReason.SLEEP and self._open_pause_reason(s, fs) is reason:
                return self._view(s, fs, now)  # the engine saw the sleep first
            if fs is None or fs.state != SessionState.FOCUSING:
                raise FokusError(ErrorCode.NOT_FOCUSING)
            assert fs.id is not None
            at = max(at, as_utc(fs.started_at))
            s.add(SessionPause(session_id=fs.id, started_at=naive(at), reason=reason))
            fs.state = SessionState.PAUSED
            fs.heartbeat_at = naive(now)
            s.flush()
            log.info("session %s paused (%s)", fs.id, reason.value)
            return self._view(s, fs, now)

    def _open_pause_reason(self, s: Session, fs: FocusSession) -> PauseReason | None:
        assert fs.id is not None
        open_pause = next((p for p in self._pauses(s, fs.id) if p.ended_at is None), None)
        return PauseReason(open_pause.reason) if open_pause else None

    def _open_paused(self, s: Session) -> FocusSession:
        fs = self._open(s)
        if fs is None or fs.state != SessionState.PAUSED:
            raise FokusError(ErrorCode.NOT_PAUSED)
        assert fs.id is not None
        return fs

    def resume(self) -> SessionView:
        self.tick()  # a clock set back while paused moves the session first
        now = self.clock.now()
        with self.store.transaction() as s:
            fs = self._open_paused(s)
            assert fs.id is not None
            for pause in self._pauses(s, fs.id):
                if pause.ended_at is None:
                    pause.ended_at = naive(now)
            fs.state = SessionState.FOCUSING
            fs.heartbeat_at = naive(now)
            s.flush()
            log.info("session %s resumed", fs.id)
            return self._view(s, fs, now)

    def stop(self, reason: EndReason = EndReason.STOPPED,
             at: datetime | None = None) -> SessionView:
        """End the open session now, or at ``at`` (a moment already past: when
        the user walked away, say)."""
        self.tick()
        now = self.clock.now()
        with self.store.transaction() as s:
            fs = self._open(s)
            if fs is None:
                raise FokusError(ErrorCode.NO_SESSION)
            end = max(as_utc(fs.started_at), min(as_utc(at), now)) if at else now
            self._close(s, fs, end, reason)
            view = self._view(s, fs, now)
        self._tell(ended=view)
        return view

    def rate_flow(self, session_id: int, rating: int | None) -> None:
        """The one-tap flow rating at the end of a session (1-5), or none."""
        if rating is not None and not 1 <= rating <= 5:
            raise FokusError(ErrorCode.INVALID_VALUE, field="flow", value=rating)
        with self.store.transaction() as s:
            fs = s.get(FocusSession, session_id)
            if fs is not None:
                fs.flow_rating = rating

    def forget_open_pause(self) -> SessionView:
        """Count the open pause as focus after all ("I was thinking, not away"),
        and go on focusing."""
        self.tick()
        now = self.clock.now()
        with self.store.transaction() as s:
            fs = self._open_paused(s)
            assert fs.id is not None
            for pause in self._pauses(s, fs.id):
                if pause.ended_at is None:
                    s.delete(pause)
            fs.state = SessionState.FOCUSING
            fs.heartbeat_at = naive(now)
            s.flush()
            log.info("session %s: pause counted as focus", fs.id)
            return self._view(s, fs, now)

    def _close(self, s: Session, fs: FocusSession, at: datetime, reason: EndReason) -> None:
        assert fs.id is not None
        pauses = self._pauses(s, fs.id)
        for pause in pauses:
            if pause.ended_at is None:
                pause.ended_at = naive(max(at, as_utc(pause.started_at)))
        fs.ended_at = naive(at)
        fs.heartbeat_at = naive(at)
        done = focused_seconds(fs, pauses, at)
        complete = done >= fs.planned_minutes * 60 - 1
        fs.state = SessionState.FINISHED if complete else SessionState.ABANDONED
        fs.end_reason = reason
        s.flush()
        log.info("session %s ended (%s, %s) after %.0f s", fs.id, fs.state, reason.value, done)

    def _look(self) -> tuple[datetime, datetime, float]:
        """(now, the wall time the monotonic clock expects, the jump in seconds):
        a jump > 0 means the machine slept (or the clock was set forward), < 0
        that the clock was set back."""
        now, mono = self.clock.now(), self.clock.monotonic()
        anchor, self._anchor = self._anchor, (now, mono)
        if anchor is None:
            return now, now, 0.0
        expected = anchor[0] + timedelta(seconds=max(0.0, mono - anchor[1]))
        return now, expected, (now - expected).total_seconds()

    def _rebase(self, s: Session, fs: FocusSession, seconds: float) -> None:
        """Move the open session's instants by ``seconds`` (the wall clock was set)."""
        assert fs.id is not None
        shift = timedelta(seconds=seconds)
        fs.started_at = fs.started_at + shift
        fs.heartbeat_at = fs.heartbeat_at + shift
        for pause in self._pauses(s, fs.id):
            pause.started_at = pause.started_at + shift
            if pause.ended_at is not None:
                pause.ended_at = pause.ended_at + shift
        log.warning("the clock was set back %.0f s: session %s moved with it", -seconds, fs.id)

    def tick(self, judge_at: datetime | None = None) -> SessionView | None:
        """Finish a session whose planned time is up, and refresh the heartbeat.

        ``judge_at``: the moment to judge at when it is not now (a pause that
        began earlier). Returns the session if this call finished it, so the
        caller can tell the user."""
        now, awake_until, jump = self._look()
        judge = min(as_utc(judge_at), now) if judge_at else now
        finished = self._settle(now, awake_until, jump, judge)
        if finished is not None:
            self._tell(ended=finished)
        return finished

    def _settle(self, now: datetime, awake_until: datetime, jump: float,
                judge: datetime) -> SessionView | None:
        with self.store.transaction() as s:
            fs = self._open(s)
            if fs is None:
                return None
            if jump < -JUMP_TOLERANCE_SECONDS:
                self._rebase(s, fs, jump)
            slept = jump > JUMP_TOLERANCE_SECONDS
            if slept:
                judge = min(judge, awake_until)
            if fs.state == SessionState.FOCUSING:
                assert fs.id is not None
                done = focused_seconds(fs, self._pauses(s, fs.id), judge)
                remaining = fs.planned_minutes * 60 - done
                if remaining <= 0:
                    self._close(s, fs, judge + timedelta(seconds=remaining), EndReason.COMPLETED)
                    return self._view(s, fs, now)
                if slept:
                    at = max(awake_until, as_utc(fs.started_at))
                    s.add(SessionPause(session_id=fs.id, started_at=naive(at),
                                       reason=PauseReason.SLEEP))
                    fs.state = SessionState.PAUSED
                    fs.heartbeat_at = naive(now)
                    log.info("session %s paused at %s: the machine slept %.0f s",
                             fs.id, at, jump)
                    return None
            if self.owner is not None and fs.owner == self.owner:
                beat = as_utc(fs.heartbeat_at)
                if (now - beat).total_seconds() >= self.heartbeat_seconds or now < beat:
                    fs.heartbeat_at = naive(now)
        return None

    def next_deadline(self) -> float | None:
        """Seconds until the open session's planned end, if it is focusing."""
        view = self.current()
        if view is None or view.state != SessionState.FOCUSING:
            return None
        return view.remaining_seconds

    def recover(self) -> list[Recovered]:
        """At start-up of an owner: close sessions whose owner died, adopt
        sessions that the command line started while no tray ran."""
        closed: list[Recovered] = []
        now = self.clock.now()
        with self.store.transaction() as s:
            fs = self._open(s)
            if fs is None:
                return closed
            if fs.owner is None:
                if self.owner is not None:
                    fs.owner = self.owner
                    fs.heartbeat_at = naive(now)
                    log.info("session %s adopted by %s", fs.id, self.owner)
                return closed
            if fs.owner == self.owner:
                return closed
            beat = min(as_utc(fs.heartbeat_at), now)
            assert fs.id is not None
            pauses = self._pauses(s, fs.id)
            done_at_beat = focused_seconds(fs, pauses, beat)
            overshoot = done_at_beat - fs.planned_minutes * 60
            end = beat
            if overshoot > 0 and fs.state == SessionState.FOCUSING:
                end = beat - timedelta(seconds=overshoot)
            self._close(s, fs, end, EndReason.RECOVERED)
            fs.recovered_notice_pending = True
            project = s.get(Project, fs.project_id)
            closed.append(
                Recovered(
                    session_id=fs.id,
                    project=project.name if project else "?",
                    ended_at=end,
                    utc_offset_min=fs.utc_offset_min,
                    focused_seconds=focused_seconds(fs, pauses, end),
                )
            )
            log.warning("session %s recovered after an unexpected exit, closed at %s", fs.id, end)
        return closed

    def pending_recovery_notices(self) -> list[Recovered]:
        with self.store.transaction() as s:
            rows = s.exec(select(FocusSession).where(col(FocusSession.recovered_notice_pending)))
            out = []
            for fs in rows:
                assert fs.id is not None and fs.ended_at is not None
                project = s.get(Project, fs.project_id)
                out.append(
                    Recovered(
                        session_id=fs.id,
                        project=project.name if project else "?",
                        ended_at=as_utc(fs.ended_at),
                        utc_offset_min=fs.utc_offset_min,
                        focused_seconds=focused_seconds(fs, self._pauses(s, fs.id), fs.ended_at),
                    )
                )
            return out

    def acknowledge_recovery(self, session_id: int) -> None:
        with self.store.transaction() as s:
            fs = s.get(FocusSession, session_id)
            if fs is not None:
                fs.recovered_notice_pending = False
