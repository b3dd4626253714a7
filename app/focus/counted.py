"""The focus time a session counts towards every total: one rule for Today,
``fokus log``, goals, Insights, the weekly report and the plan.

On one computer sessions never overlap (the engine and the history refuse it).
Two computers that sync can each have run a session at the same time (one
forgotten running): the sync shows them as a conflict for the person to
settle, and until then the time is counted once. The rule:

- Focused time is the session's span less its pauses.
- The sessions that overlap are taken in a fixed order, the same on every
  computer: earliest start first, then by the session's uid (``sync_row``),
  which both computers share.
- Each counts only the focused time that no session before it in that order
  already counts. Together they count the union of their focused time; the
  shared part goes to the session that began first.

Sessions that overlap nothing count their whole focused time, unchanged."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import exists, func, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.clock import as_utc
from app.focus.engine import LONGEST_SESSION, sessions_between
from app.store.models import FocusSession, SessionPause, SyncRow

Stretch = tuple[datetime, datetime]


def focused_stretches(x: FocusSession, pauses: Iterable[SessionPause],
                      now: datetime) -> list[Stretch]:
    """The session's span (to ``now`` while it runs) less its pauses, in UTC."""
    start = as_utc(x.started_at)
    end = as_utc(x.ended_at) if x.ended_at else as_utc(now)
    stretches = [(start, end)] if end > start else []
    for p in sorted(pauses, key=lambda p: as_utc(p.started_at)):
        p0 = as_utc(p.started_at)
        p1 = as_utc(p.ended_at) if p.ended_at else end
        stretches = _less(stretches, [(p0, p1)])
    return stretches


def _less(stretches: list[Stretch], taken: list[Stretch]) -> list[Stretch]:
    """``stretches`` without any time inside ``taken``."""
    for t0, t1 in taken:
        nxt: list[Stretch] = []
        for a, z in stretches:
            if t1 <= a or t0 >= z:
                nxt.append((a, z))
                continue
            if t0 > a:
                nxt.append((a, t0))
            if t1 < z:
                nxt.append((t1, z))
        stretches = nxt
    return stretches


def _seconds(stretches: Iterable[Stretch]) -> float:
    return sum((z - a).total_seconds() for a, z in stretches)


@dataclass
class CountedFocus:
    """What each session of a set counts (by session id)."""

    stretches: dict[int, list[Stretch]] = field(default_factory=dict)
    seconds: dict[int, float] = field(default_factory=dict)
    # Focused seconds of a session already counted by an overlapping one.
    shared: dict[int, float] = field(default_factory=dict)

    def minutes(self, session_id: int) -> float:
        return self.seconds.get(session_id, 0.0) / 60

    def total_seconds(self) -> float:
        return sum(self.seconds.values())


def _span(x: FocusSession, now: datetime) -> Stretch:
    start = as_utc(x.started_at)
    return start, max(start, as_utc(x.ended_at) if x.ended_at else as_utc(now))


def _groups(sessions: Sequence[FocusSession], now: datetime) -> list[list[FocusSession]]:
    """The sessions in runs whose spans overlap one another (transitively)."""
    ordered = sorted(sessions, key=lambda x: _span(x, now))
    groups: list[list[FocusSession]] = []
    reach: datetime | None = None
    for x in ordered:
        a, z = _span(x, now)
        if groups and reach is not None and a < reach:
            groups[-1].append(x)
            reach = max(reach, z)
        else:
            groups.append([x])
            reach = z
    return groups


def counted_focus(s: Session, sessions: Sequence[FocusSession],
                  pauses: Mapping[int, Sequence[SessionPause]], now: datetime) -> CountedFocus:
    """What each of ``sessions`` counts (see the module's rule). Sessions not
    in the set that overlap one of them (a day's neighbours) are read here, so
    a figure of one day counts the same time as the week it is part of."""
    out = CountedFocus()
    if not sessions:
        return out
    given = {x.id for x in sessions}
    spans = [_span(x, now) for x in sessions]
    lo, hi = min(a for a, _z in spans), max(z for _a, z in spans)
    neighbours = [x for x in s.exec(select(FocusSession).where(
        sessions_between(lo.replace(tzinfo=None), hi.replace(tzinfo=None)),
        col(FocusSession.id).not_in(given)))] if hi > lo else []
    every: dict[int, list[SessionPause]] = {k: list(v) for k, v in pauses.items()}
    groups = _groups([*sessions, *neighbours], now)
    crowded = [x for g in groups if len(g) > 1 for x in g]
    uids: dict[str, str] = {}
    if crowded:
        missing = [x.id for x in crowded if x.id not in every]
        for p in s.exec(select(SessionPause).where(col(SessionPause.session_id).in_(missing))):
            every.setdefault(p.session_id, []).append(p)
        uids = dict(s.exec(select(SyncRow.row_key, SyncRow.uid).where(
            SyncRow.entity == "focus_session",
            col(SyncRow.row_key).in_([str(x.id) for x in crowded]))).all())
    for group in groups:
        if len(group) == 1:
            (x,) = group
            if x.id in given and x.id is not None:
                own = every.get(x.id, [])
                out.stretches[x.id] = focused_stretches(x, own, now)
                out.seconds[x.id] = _seconds(out.stretches[x.id])
            continue
        taken: list[Stretch] = []
        for x in sorted(group, key=lambda x: (as_utc(x.started_at),
                                              uids.get(str(x.id), ""), x.id or 0)):
            assert x.id is not None
            whole = focused_stretches(x, every.get(x.id, []), now)
            mine = _less(whole, taken)
            taken.extend(mine)
            if x.id in given:
                out.stretches[x.id] = mine
                out.seconds[x.id] = _seconds(mine)
                out.shared[x.id] = _seconds(whole) - out.seconds[x.id]
    return out


def shared_minutes_by_batch(s: Session, batch_ids: Sequence[int], since: datetime,
                            now: datetime) -> dict[int, float]:
    """For the plan, which adds up what each batch was worked on in SQL: the
    focused minutes of each batch's finished sessions (started from ``since``)
    that an overlapping session already counts, to take off its sum. Only the
    sessions that overlap another are read."""
    if not batch_ids:
        return {}
    other = aliased(FocusSession)
    overlapped = list(s.exec(select(FocusSession).where(
        col(FocusSession.batch_id).in_(batch_ids), col(FocusSession.ended_at).is_not(None),
        col(FocusSession.started_at) >= as_utc(since).replace(tzinfo=None),
        exists().where(
            col(other.id) != col(FocusSession.id),
            # Read through the index on started_at: no finished session lasts longer.
            col(other.started_at) >= func.datetime(col(FocusSession.started_at),
                                                   f"-{LONGEST_SESSION.days} days"),
            col(other.started_at) < col(FocusSession.ended_at),
            or_(col(other.ended_at).is_(None),
                col(other.ended_at) > col(FocusSession.started_at))))))
    if not overlapped:
        return {}
    counted = counted_focus(s, overlapped, {}, now)
    out: dict[int, float] = {}
    for x in overlapped:
        if x.batch_id is not None and x.id is not None:
            out[x.batch_id] = out.get(x.batch_id, 0.0) + counted.shared.get(x.id, 0.0) / 60
    return out
