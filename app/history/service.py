"""Editing the past by hand: add, move, split and delete focus sessions; delete or
add a pause (change an idle or away decision afterwards); move, change and
delete switches and interruptions; undo the last edits, several levels deep.

The rules:
- sessions never overlap: an edit that would is refused with the session in the
  way named, or, when the caller asks to trim, the other session gives way
  (shortened, split around the edit, or removed when wholly covered);
- nothing is moved into the future, and a session keeps at least a minute;
- the running session belongs to the focus engine: only its project and batch
  may change, never its times, its pauses or its existence;
- every changed row is recorded in ``edit_record`` (who, when, before, after),
  the rows of one action under one group, so undo reverts the action whole and
  puts a deleted row back under its own id."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any, TypeVar

from sqlmodel import Session, SQLModel, col, func, select

from app.clock import Clock, as_utc
from app.domain import InterruptionSource, PauseReason, SessionState, SwitchTrigger
from app.errors import ErrorCode, FokusError
from app.focus.engine import focused_seconds, naive
from app.history import records
from app.history.records import ADD, DELETE, EDIT, ENTITIES
from app.store.engine import Store
from app.store.models import (
    ContextSwitch,
    EditRecord,
    FocusSession,
    Interruption,
    Project,
    ProjectBatch,
    SessionPause,
)

E = TypeVar("E", bound=StrEnum)

MIN_SECONDS = 60
MAX_SECONDS = 24 * 3600
ADDED = "edit"  # the source of a session added by hand
_KEEP = object()  # "not given": a batch of None means "no batch"


@dataclass(frozen=True)
class SessionEntry:
    """A session as the history lists it."""

    id: int
    project_id: int
    project: str
    batch_id: int | None
    batch: str | None
    started_at: datetime
    ended_at: datetime | None
    utc_offset_min: int
    state: SessionState
    focus_seconds: float
    mark: str | None  # "added" | "edited" | None

    @property
    def running(self) -> bool:
        return self.state.is_open


@dataclass(frozen=True)
class EditSummary:
    """What one edit (or its undo) did: the action on the row it was about."""

    action: str  # add | edit | delete | split | trim
    entity: str
    entity_id: int
    rows: int  # rows changed, the other session trimmed included


class _Recorder:
    """Records the rows one action changes, under one group."""

    def __init__(self, s: Session, clock: Clock, user: str, machine: str) -> None:
        self.s, self.group = s, uuid.uuid4().hex
        self.now = clock.now()
        self.offset = clock.utc_offset_minutes(self.now)
        self.user, self.machine = user, machine
        self.count = 0

    def _add(self, entity: str, entity_id: int, action: str, before: str | None,
             after: str | None) -> None:
        self.s.add(EditRecord(uid=uuid.uuid4().hex, group_uid=self.group, at=naive(self.now),
                              utc_offset_min=self.offset, user=self.user,
                              machine=self.machine, entity=entity, entity_id=entity_id,
                              action=action, before=before, after=after))
        self.count += 1

    def added(self, row: SQLModel) -> None:
        self.s.flush()
        self._add(_table(row), _id(row), ADD, None, records.dumps(row))

    def edited(self, row: SQLModel, before: str) -> None:
        after = records.dumps(row)
        if after != before:
            self._add(_table(row), _id(row), EDIT, before, after)

    def deleted(self, row: SQLModel) -> None:
        self._add(_table(row), _id(row), DELETE, records.dumps(row), None)
        self.s.delete(row)
        self.s.flush()


def _next_id(s: Session, model: type[SQLModel]) -> int:
    """An id no row has and no deleted row had: a row added by hand never takes
    the id a tombstone keeps for undo (SQLite alone would reuse the highest)."""
    table = model.__table__  # type: ignore[attr-defined]
    used = s.exec(select(func.max(table.c.id))).one() or 0
    kept = s.exec(select(func.max(EditRecord.entity_id)).where(
        EditRecord.entity == table.name)).one() or 0
    return int(max(used, kept)) + 1


def _made_here() -> Any:
    """Edit records synced from another machine (app/sync) are shown, not undone here."""
    from app.store.synced import FOREIGN_GROUP

    return col(EditRecord.group_uid).not_like(f"{FOREIGN_GROUP}%")


def _table(row: SQLModel) -> str:
    return str(row.__table__.name)  # type: ignore[attr-defined]


def _id(row: SQLModel) -> int:
    value = getattr(row, "id", None)
    assert isinstance(value, int)
    return value


class HistoryService:
    def __init__(self, store: Store, clock: Clock, user: str | None = None,
                 machine: str | None = None) -> None:
        self.store = store
        self.clock = clock
        found_user, found_machine = records.who()
        self.user = user or found_user
        self.machine = machine or found_machine

    # -- reading ------------------------------------------------------------------------

    def day_bounds(self, day: date) -> tuple[datetime, datetime]:
        start = datetime.combine(day, time(0), tzinfo=self.clock.zone())
        return start.astimezone(UTC), (start + timedelta(days=1)).astimezone(UTC)

    def sessions(self, start: datetime, end: datetime) -> list[SessionEntry]:
        """The sessions that overlap [start, end), oldest first."""
        now = self.clock.now()
        with self.store.transaction() as s:
            rows = list(s.exec(select(FocusSession).where(
                col(FocusSession.started_at) < naive(end),
                col(FocusSession.ended_at).is_(None) | (col(FocusSession.ended_at) > naive(start)))
                .order_by(col(FocusSession.started_at), col(FocusSession.id))))
            ids = [r.id for r in rows if r.id is not None]
            marks = records.session_marks(s, ids)
            pauses = self._pauses_of(s, ids)
            names = {p.id: p.name for p in s.exec(select(Project))}
            titles = {b.id: b.title for b in s.exec(select(ProjectBatch))}
            return [SessionEntry(
                id=r.id, project_id=r.project_id, project=names.get(r.project_id, "?"),
                batch_id=r.batch_id, batch=titles.get(r.batch_id) if r.batch_id else None,
                started_at=as_utc(r.started_at),
                ended_at=as_utc(r.ended_at) if r.ended_at else None,
                utc_offset_min=r.utc_offset_min, state=SessionState(r.state),
                focus_seconds=focused_seconds(r, pauses.get(r.id, []), now),
                mark=marks.get(r.id)) for r in rows if r.id is not None]

    def marks(self, entity: str, ids: list[int]) -> dict[int, str]:
        """Row id → "added" | "edited" for the rows of ``entity`` changed by hand."""
        with self.store.transaction() as s:
            if entity == "focus_session":
                return records.session_marks(s, ids)
            return records.entity_marks(s, entity, ids)

    def can_undo(self) -> bool:
        with self.store.transaction() as s:
            return s.exec(select(EditRecord.id).where(
                col(EditRecord.undone).is_(False), _made_here()).limit(1)).first() is not None

    def edits(self, limit: int = 50) -> list[EditRecord]:
        """The latest edit records, newest first (undone ones included)."""
        with self.store.transaction() as s:
            return list(s.exec(select(EditRecord).order_by(col(EditRecord.id).desc())
                               .limit(limit)))

    # -- sessions -----------------------------------------------------------------------

    def add_session(self, project: int, batch: int | None, start: datetime, end: datetime,
                    trim: bool = False) -> SessionEntry:
        start, end = self._span(start, end)
        with self.store.transaction() as s:
            rec = self._recorder(s)
            project_id, batch_id = self._project_batch(s, project, batch)
            self._make_room(s, rec, None, start, end, trim)
            minutes = max(1, round((end - start).total_seconds() / 60))
            fs = FocusSession(id=_next_id(s, FocusSession), project_id=project_id,
                              batch_id=batch_id,
                              planned_minutes=minutes, started_at=naive(start),
                              utc_offset_min=self.clock.utc_offset_minutes(start),
                              ended_at=naive(end), state=SessionState.FINISHED,
                              end_reason=None, heartbeat_at=naive(end), owner=None,
                              source=ADDED)
            s.add(fs)
            rec.added(fs)
            assert fs.id is not None
            new_id = fs.id
        return self._entry(new_id)

    def edit_session(self, session_id: int, start: datetime | None = None,
                     end: datetime | None = None, project: int | None = None,
                     batch: Any = _KEEP, trim: bool = False) -> SessionEntry:
        """Change a session's start, end, project or batch (``batch=None``: no batch).
        The running session: its project and batch only."""
        with self.store.transaction() as s:
            fs = self._session(s, session_id)
            rec = self._recorder(s)
            before = records.dumps(fs)
            assert before is not None
            if SessionState(fs.state).is_open and (start is not None or end is not None):
                raise FokusError(ErrorCode.SESSION_RUNNING, session=session_id)
            if project is not None or batch is not _KEEP:
                new_project = project if project is not None else fs.project_id
                new_batch = batch if batch is not _KEEP else fs.batch_id
                if batch is _KEEP and new_project != fs.project_id:
                    new_batch = None  # the old batch belongs to the old project
                fs.project_id, fs.batch_id = self._project_batch(s, new_project, new_batch)
            if start is not None or end is not None:
                assert fs.ended_at is not None
                a, z = self._span(start or as_utc(fs.started_at), end or as_utc(fs.ended_at))
                self._make_room(s, rec, session_id, a, z, trim)
                fs.started_at, fs.ended_at = naive(a), naive(z)
                fs.heartbeat_at = naive(z)
                self._fit_pauses(s, rec, fs)
                self._settle(s, fs)
            rec.edited(fs, before)
        return self._entry(session_id)

    def delete_session(self, session_id: int) -> EditSummary:
        with self.store.transaction() as s:
            fs = self._session(s, session_id)
            if SessionState(fs.state).is_open:
                raise FokusError(ErrorCode.SESSION_RUNNING, session=session_id)
            rec = self._recorder(s)
            self._remove_session(s, rec, fs)
            return EditSummary(DELETE, "focus_session", session_id, rec.count)

    def split_session(self, session_id: int, at: datetime) -> tuple[SessionEntry, SessionEntry]:
        """Cut a finished session in two at ``at``; the focus of the two parts adds
        up to the focus of the one."""
        with self.store.transaction() as s:
            fs = self._session(s, session_id)
            if SessionState(fs.state).is_open:
                raise FokusError(ErrorCode.SESSION_RUNNING, session=session_id)
            rec = self._recorder(s)
            new_id = self._split(s, rec, fs, as_utc(at), as_utc(at))
        return self._entry(session_id), self._entry(new_id)

    # -- pauses: an idle or away decision changed afterwards -----------------------------

    def delete_pause(self, pause_id: int) -> EditSummary:
        """Count a pause (time away, asleep, paused) as focus after all."""
        with self.store.transaction() as s:
            pause = s.get(SessionPause, pause_id)
            if pause is None:
                raise FokusError(ErrorCode.UNKNOWN_ENTRY, entry=pause_id)
            fs = self._session(s, pause.session_id)
            if SessionState(fs.state).is_open:
                raise FokusError(ErrorCode.SESSION_RUNNING, session=fs.id)
            rec = self._recorder(s)
            before = records.dumps(fs)
            assert before is not None
            rec.deleted(pause)
            self._settle(s, fs)
            rec.edited(fs, before)
            return EditSummary(DELETE, "session_pause", pause_id, rec.count)

    def add_pause(self, session_id: int, start: datetime, end: datetime,
                  reason: PauseReason = PauseReason.IDLE) -> EditSummary:
        """Count part of a finished session as time away after all."""
        start, end = self._span(start, end, least=1)
        with self.store.transaction() as s:
            fs = self._session(s, session_id)
            if SessionState(fs.state).is_open:
                raise FokusError(ErrorCode.SESSION_RUNNING, session=session_id)
            assert fs.ended_at is not None and fs.id is not None
            a = max(start, as_utc(fs.started_at))
            z = min(end, as_utc(fs.ended_at))
            if z <= a:
                raise FokusError(ErrorCode.INVALID_VALUE, field="start", value=start.isoformat())
            for other in self._pauses_of(s, [fs.id]).get(fs.id, []):
                o_z = as_utc(other.ended_at) if other.ended_at else z
                if as_utc(other.started_at) < z and o_z > a:  # already away then
                    raise FokusError(ErrorCode.INVALID_VALUE, field="start",
                                     value=a.isoformat())
            rec = self._recorder(s)
            before = records.dumps(fs)
            assert before is not None
            pause = SessionPause(id=_next_id(s, SessionPause), session_id=fs.id,
                                 started_at=naive(a), ended_at=naive(z),
                                 reason=PauseReason(reason))
            s.add(pause)
            rec.added(pause)
            self._settle(s, fs)
            rec.edited(fs, before)
            assert pause.id is not None
            return EditSummary(ADD, "session_pause", pause.id, rec.count)

    # -- switches and interruptions -----------------------------------------------------

    def edit_switch(self, switch_id: int, at: datetime | None = None,
                    to_project: int | None = None,
                    trigger: SwitchTrigger | str | None = None) -> EditSummary:
        with self.store.transaction() as s:
            row = s.get(ContextSwitch, switch_id)
            if row is None:
                raise FokusError(ErrorCode.UNKNOWN_ENTRY, entry=switch_id)
            rec = self._recorder(s)
            before = records.dumps(row)
            assert before is not None
            self._move(row, at)
            if to_project is not None:
                row.to_project_id = self._project_batch(s, to_project, None)[0]
            if trigger is not None:
                row.trigger = _word(SwitchTrigger, trigger, "trigger")
            rec.edited(row, before)
            return EditSummary(EDIT, "context_switch", switch_id, rec.count)

    def edit_interruption(self, interruption_id: int, at: datetime | None = None,
                          source: InterruptionSource | str | None = None,
                          minutes: int | None = None) -> EditSummary:
        with self.store.transaction() as s:
            row = s.get(Interruption, interruption_id)
            if row is None:
                raise FokusError(ErrorCode.UNKNOWN_ENTRY, entry=interruption_id)
            rec = self._recorder(s)
            before = records.dumps(row)
            assert before is not None
            self._move(row, at)
            if source is not None:
                row.source = _word(InterruptionSource, source, "source")
            if minutes is not None:
                if not 0 <= minutes <= 8 * 60:
                    raise FokusError(ErrorCode.INVALID_VALUE, field="minutes", value=minutes)
                row.minutes = minutes
            rec.edited(row, before)
            return EditSummary(EDIT, "interruption", interruption_id, rec.count)

    def delete_entry(self, entity: str, entry_id: int) -> EditSummary:
        """Delete a switch or an interruption."""
        if entity not in ("context_switch", "interruption"):
            raise FokusError(ErrorCode.INVALID_VALUE, field="entity", value=entity)
        with self.store.transaction() as s:
            row = s.get(ENTITIES[entity], entry_id)
            if row is None:
                raise FokusError(ErrorCode.UNKNOWN_ENTRY, entry=entry_id)
            rec = self._recorder(s)
            rec.deleted(row)
            return EditSummary(DELETE, entity, entry_id, rec.count)

    # -- undo ---------------------------------------------------------------------------

    def undo(self) -> EditSummary:
        """Revert the latest edit not yet undone (all the rows of that one action)."""
        now = self.clock.now()
        with self.store.transaction() as s:
            last = s.exec(select(EditRecord).where(col(EditRecord.undone).is_(False),
                                                   _made_here())
                          .order_by(col(EditRecord.id).desc())).first()
            if last is None:
                raise FokusError(ErrorCode.NOTHING_TO_UNDO)
            group = list(s.exec(select(EditRecord).where(EditRecord.group_uid == last.group_uid)
                                .order_by(col(EditRecord.id).desc())))
            for r in group:
                self._revert(s, r)
                r.undone, r.undone_at = True, naive(now)
                s.flush()
            # A session put back must not overlap one made since (a new real one).
            for r in group:
                fs = s.get(FocusSession, r.entity_id) if r.entity == "focus_session" else None
                if fs is not None and fs.ended_at is not None:
                    self._check_free(s, fs.id, as_utc(fs.started_at), as_utc(fs.ended_at))
            first = group[-1]
            return EditSummary(first.action, first.entity, first.entity_id, len(group))

    def _revert(self, s: Session, r: EditRecord) -> None:
        model = ENTITIES[r.entity]
        if r.action == ADD:
            row = s.get(model, r.entity_id)
            if row is not None:
                if isinstance(row, FocusSession) and SessionState(row.state).is_open:
                    raise FokusError(ErrorCode.SESSION_RUNNING, session=r.entity_id)
                s.delete(row)
            return
        assert r.before is not None
        data = json.loads(r.before)
        current = s.get(model, r.entity_id)
        if r.action == DELETE and current is not None:
            # SQLite gives a freed id to the next new row (a session started
            # since): putting the old one back would overwrite it.
            raise FokusError(ErrorCode.UNDO_CONFLICT, entity=r.entity, id=r.entity_id)
        if isinstance(current, FocusSession) and SessionState(current.state).is_open:
            # The engine owns the running session: only what may be edited goes back.
            current.project_id, current.batch_id = data["project_id"], data["batch_id"]
            return
        records.restore(s, r.entity, data)

    # -- the rules ------------------------------------------------------------------------

    def _move(self, row: ContextSwitch | Interruption, at: datetime | None) -> None:
        """A switch or interruption moved to ``at`` (in the past), on the clock of then."""
        if at is not None:
            row.at = naive(self._past(at, "at"))
            row.utc_offset_min = self.clock.utc_offset_minutes(as_utc(at))

    def _recorder(self, s: Session) -> _Recorder:
        return _Recorder(s, self.clock, self.user, self.machine)

    def _past(self, at: datetime, field: str) -> datetime:
        at = as_utc(at)
        if at > self.clock.now():
            raise FokusError(ErrorCode.INVALID_VALUE, field=field, value=at.isoformat())
        return at

    def _span(self, start: datetime, end: datetime,
              least: int = MIN_SECONDS) -> tuple[datetime, datetime]:
        a, z = as_utc(start).replace(microsecond=0), as_utc(end).replace(microsecond=0)
        self._past(z, "end")
        if (z - a).total_seconds() < least:
            raise FokusError(ErrorCode.INVALID_VALUE, field="end", value=z.isoformat())
        if (z - a).total_seconds() > MAX_SECONDS:
            raise FokusError(ErrorCode.INVALID_VALUE, field="start", value=a.isoformat())
        return a, z

    @staticmethod
    def _session(s: Session, session_id: int | None) -> FocusSession:
        fs = s.get(FocusSession, session_id) if session_id is not None else None
        if fs is None:
            raise FokusError(ErrorCode.UNKNOWN_SESSION, session=session_id)
        return fs

    @staticmethod
    def _project_batch(s: Session, project_id: int,
                       batch_id: int | None) -> tuple[int, int | None]:
        if s.get(Project, project_id) is None:
            raise FokusError(ErrorCode.UNKNOWN_PROJECT, project=project_id)
        if batch_id is None:
            return project_id, None
        batch = s.get(ProjectBatch, batch_id)
        if batch is None:
            raise FokusError(ErrorCode.UNKNOWN_BATCH, batch=batch_id)
        if batch.project_id != project_id:
            project = s.get(Project, project_id)
            raise FokusError(ErrorCode.BATCH_NOT_IN_PROJECT, batch=batch_id,
                             project=project.name if project else project_id)
        return project_id, batch_id

    @staticmethod
    def _pauses_of(s: Session, ids: list[int]) -> dict[int, list[SessionPause]]:
        out: dict[int, list[SessionPause]] = {}
        if ids:
            for p in s.exec(select(SessionPause).where(col(SessionPause.session_id).in_(ids))
                            .order_by(col(SessionPause.started_at))):
                out.setdefault(p.session_id, []).append(p)
        return out

    def _others(self, s: Session, session_id: int | None, a: datetime,
                z: datetime) -> list[FocusSession]:
        stmt = select(FocusSession).where(
            col(FocusSession.started_at) < naive(z),
            col(FocusSession.ended_at).is_(None) | (col(FocusSession.ended_at) > naive(a)))
        if session_id is not None:
            stmt = stmt.where(FocusSession.id != session_id)
        return list(s.exec(stmt.order_by(col(FocusSession.started_at))))

    def _conflict(self, s: Session, other: FocusSession) -> FokusError:
        project = s.get(Project, other.project_id)
        zone = self.clock.zone()
        end = as_utc(other.ended_at) if other.ended_at else None
        return FokusError(
            ErrorCode.SESSION_OVERLAP, session=other.id,
            project=project.name if project else other.project_id,
            start=as_utc(other.started_at).astimezone(zone).strftime("%H:%M"),
            end=end.astimezone(zone).strftime("%H:%M") if end else "…")

    def _check_free(self, s: Session, session_id: int | None, a: datetime,
                    z: datetime) -> None:
        others = self._others(s, session_id, a, z)
        if others:
            raise self._conflict(s, others[0])

    def _make_room(self, s: Session, rec: _Recorder, session_id: int | None, a: datetime,
                   z: datetime, trim: bool) -> None:
        """Refuse [a, z) if it overlaps another session, or with ``trim`` make the
        others give way. The running session never gives way."""
        others = self._others(s, session_id, a, z)
        if not others:
            return
        if not trim or any(SessionState(o.state).is_open for o in others):
            raise self._conflict(s, others[0])
        for other in others:
            assert other.ended_at is not None
            o_a, o_z = as_utc(other.started_at), as_utc(other.ended_at)
            if a <= o_a and o_z <= z:
                self._remove_session(s, rec, other)
            elif o_a < a and o_z > z:
                self._split(s, rec, other, a, z)
            else:
                before = records.dumps(other)
                assert before is not None
                if o_a < a:
                    other.ended_at = other.heartbeat_at = naive(a)
                else:
                    other.started_at = naive(z)
                self._fit_pauses(s, rec, other)
                self._settle(s, other)
                rec.edited(other, before)

    def _split(self, s: Session, rec: _Recorder, fs: FocusSession, cut: datetime,
               resume: datetime) -> int:
        """The session keeps [start, cut); a new one takes [resume, end) with the
        same project, batch and state; [cut, resume) is dropped (a trim)."""
        assert fs.id is not None and fs.ended_at is not None
        a, z = as_utc(fs.started_at), as_utc(fs.ended_at)
        if not a < cut <= resume < z:
            raise FokusError(ErrorCode.INVALID_VALUE, field="at", value=cut.isoformat())
        pauses = self._pauses_of(s, [fs.id]).get(fs.id, [])
        total = focused_seconds(fs, pauses, z)
        before = records.dumps(fs)
        assert before is not None
        second = FocusSession(
            id=_next_id(s, FocusSession), project_id=fs.project_id, batch_id=fs.batch_id,
            planned_minutes=fs.planned_minutes, started_at=naive(resume),
            utc_offset_min=fs.utc_offset_min, ended_at=fs.ended_at, state=fs.state,
            end_reason=fs.end_reason, heartbeat_at=fs.heartbeat_at, owner=fs.owner,
            flow_rating=fs.flow_rating, source=fs.source)
        s.add(second)
        fs.ended_at = fs.heartbeat_at = naive(cut)
        s.flush()
        assert second.id is not None
        for p in pauses:
            p_a = as_utc(p.started_at)
            p_z = as_utc(p.ended_at) if p.ended_at else z
            if p_z > resume:  # the part after the cut moves to the second session
                s.add(SessionPause(id=_next_id(s, SessionPause), session_id=second.id,
                                   started_at=naive(max(p_a, resume)), ended_at=naive(p_z),
                                   reason=p.reason))
                s.flush()
        self._fit_pauses(s, rec, fs)
        # Each part plans its share of the whole, so a completed session stays two
        # completed parts and a stopped one two stopped parts.
        first_done = focused_seconds(fs, self._pauses_of(s, [fs.id]).get(fs.id, []), cut)
        share = first_done / total if total else 0.5
        planned = fs.planned_minutes
        fs.planned_minutes = max(1, round(planned * share))
        second.planned_minutes = max(1, planned - fs.planned_minutes)
        rec.edited(fs, before)
        rec.added(second)
        for p in self._pauses_of(s, [second.id]).get(second.id, []):
            rec.added(p)
        return second.id

    def _fit_pauses(self, s: Session, rec: _Recorder, fs: FocusSession) -> None:
        """Keep a closed session's pauses inside it: clipped, or gone if outside."""
        assert fs.id is not None and fs.ended_at is not None
        a, z = as_utc(fs.started_at), as_utc(fs.ended_at)
        for p in self._pauses_of(s, [fs.id]).get(fs.id, []):
            p_a = as_utc(p.started_at)
            p_z = as_utc(p.ended_at) if p.ended_at else z
            if p_z <= a or p_a >= z:
                rec.deleted(p)
                continue
            before = records.dumps(p)
            assert before is not None
            p.started_at, p.ended_at = naive(max(p_a, a)), naive(min(p_z, z))
            rec.edited(p, before)

    def _settle(self, s: Session, fs: FocusSession) -> None:
        """A closed session's state follows its focus as the engine judges it:
        completed when it reached its planned length, stopped early when not."""
        if fs.ended_at is None or fs.id is None:
            return
        s.flush()
        done = focused_seconds(fs, self._pauses_of(s, [fs.id]).get(fs.id, []), fs.ended_at)
        if fs.source == ADDED:  # added by hand: planned as long as it is
            fs.planned_minutes = max(1, round(done / 60))
            fs.state = SessionState.FINISHED
            return
        fs.state = SessionState.FINISHED if done >= fs.planned_minutes * 60 - 1 \
            else SessionState.ABANDONED

    def _remove_session(self, s: Session, rec: _Recorder, fs: FocusSession) -> None:
        assert fs.id is not None
        # Interruptions logged during it stay, no longer tied to a session.
        for it in s.exec(select(Interruption).where(Interruption.session_id == fs.id)):
            before = records.dumps(it)
            assert before is not None
            it.session_id = None
            rec.edited(it, before)
        for p in self._pauses_of(s, [fs.id]).get(fs.id, []):
            rec.deleted(p)
        rec.deleted(fs)

    def _entry(self, session_id: int) -> SessionEntry:
        with self.store.transaction() as s:
            fs = self._session(s, session_id)
        far = timedelta(days=1)
        start = as_utc(fs.started_at)
        for entry in self.sessions(start - far, start + far):
            if entry.id == session_id:
                return entry
        raise FokusError(ErrorCode.UNKNOWN_SESSION, session=session_id)


def _word(kind: type[E], value: object, field: str) -> E:
    """``value`` as one of ``kind``'s words, or the invalid-value error naming ``field``."""
    try:
        return kind(str(value))
    except ValueError:
        raise FokusError(ErrorCode.INVALID_VALUE, field=field, value=value) from None
