"""The weekly planner: places open batches into time blocks.

Rules, from the hybrid work model (thesis, chapter V) and the users' own
multi-project strategies (project batching, urgency first, time blocking):

- deep batches go into no-meeting windows, remote days first; collaborative
  ones into core hours, office days first (the allocation matrix decides which
  a batch is);
- urgent and soon-due batches are placed first, and never after their due day;
- one project per block, as few projects per day as it can and never more
  than the configured limit, and blocks of a project kept together, so that
  the day has as few context switches as it can;
- never over a meeting, never outside work hours, never in the past;
- a large batch is split into blocks of the configured focus length.

It is a pure function of its input: the same input gives the same plan."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum
from functools import partial

from app.allocation import Matrix, Place
from app.domain import BlockKind, Location, TaskType, Urgency
from app.workmodel import DayKind, WindowKind, WorkModel

MIN_BLOCK_MINUTES = 25
GRANULARITY_MINUTES = 5


class Strategy(StrEnum):
    BATCHED = "batched"
    URGENCY_FIRST = "urgency_first"  # the plain baseline the planner is measured against


class Reason(StrEnum):
    NO_WINDOW = "no_window"  # no free window of the right kind left this week
    BEFORE_DUE = "before_due"  # no free window of the right kind before the due date
    PROJECT_LIMIT = "project_limit"  # free windows only on days at the project limit


@dataclass(frozen=True)
class BatchToPlan:
    id: int
    project_id: int
    task_type: TaskType
    minutes_left: int
    urgency: Urgency = Urgency.NORMAL
    due: date | None = None


@dataclass(frozen=True)
class Busy:
    start: datetime
    end: datetime


@dataclass(frozen=True)
class PlannedBlock:
    start: datetime
    end: datetime
    project_id: int
    batch_id: int | None
    kind: BlockKind
    location: Location
    new: bool = True
    id: int | None = None

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)


@dataclass(frozen=True)
class Unplaced:
    batch_id: int
    minutes: int
    reason: Reason


@dataclass
class Plan:
    days: list[date]
    blocks: list[PlannedBlock] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)

    @property
    def new_blocks(self) -> list[PlannedBlock]:
        return [b for b in self.blocks if b.new]

    def switches(self, zone: tzinfo) -> int:
        return count_switches(self.blocks, zone)


def count_switches(blocks: Iterable[PlannedBlock], zone: tzinfo) -> int:
    """Changes of project between consecutive blocks of the same day."""
    by_day: dict[date, list[PlannedBlock]] = {}
    for block in blocks:
        by_day.setdefault(block.start.astimezone(zone).date(), []).append(block)
    total = 0
    for day_blocks in by_day.values():
        ordered = sorted(day_blocks, key=lambda b: (b.start, b.project_id))
        total += sum(1 for a, b in zip(ordered, ordered[1:], strict=False)
                     if a.project_id != b.project_id)
    return total


@dataclass
class _Slot:
    """A free interval inside one window of one day."""

    day_index: int
    day: date
    day_kind: DayKind
    window: WindowKind
    start: datetime
    end: datetime


def _subtract(start: datetime, end: datetime,
              busy: Sequence[Busy]) -> list[tuple[datetime, datetime]]:
    free = [(start, end)]
    for b in busy:
        next_free = []
        for a, z in free:
            if b.end <= a or b.start >= z:
                next_free.append((a, z))
                continue
            if b.start > a:
                next_free.append((a, b.start))
            if b.end < z:
                next_free.append((b.end, z))
        free = next_free
    return [(a, z) for a, z in free if (z - a).total_seconds() >= MIN_BLOCK_MINUTES * 60]


def _ceil(at: datetime) -> datetime:
    step = GRANULARITY_MINUTES * 60
    seconds = at.timestamp()
    rounded = -(-seconds // step) * step
    return datetime.fromtimestamp(rounded, UTC)


def _preferred(place: Place, day_kind: DayKind) -> bool:
    return place == Place.EITHER or place.value == day_kind.value


def plan_week(
    days: Sequence[date],
    model: WorkModel,
    matrix: Matrix,
    batches: Sequence[BatchToPlan],
    meetings: Sequence[Busy],
    existing: Sequence[PlannedBlock],
    now: datetime,
    zone: tzinfo,
    strategy: Strategy = Strategy.BATCHED,
) -> Plan:
    plan = Plan(days=list(days), blocks=[replace_new(b, False) for b in existing])
    earliest = _ceil(now)
    busy = sorted([*meetings, *(Busy(b.start, b.end) for b in existing)],
                  key=lambda b: (b.start, b.end))
    slots: list[_Slot] = []
    for index, day in enumerate(days):
        kind = model.day_kind(day)
        if not kind.is_workday:
            continue
        for window in (WindowKind.DEEP, WindowKind.CORE):
            for span in model.windows(day, window):
                a, z = span.at(day, zone)
                a, z = max(a.astimezone(UTC), earliest), z.astimezone(UTC)
                for fa, fz in _subtract(a, z, busy):
                    slots.append(_Slot(index, day, kind, window, fa, fz))
    slots.sort(key=lambda s: (s.start, s.window))

    def project_days() -> dict[date, set[int]]:
        seen: dict[date, set[int]] = {}
        for block in plan.blocks:
            seen.setdefault(block.start.astimezone(zone).date(), set()).add(block.project_id)
        return seen

    def order(b: BatchToPlan) -> tuple[int, date, int, int]:
        return (-b.urgency.rank, b.due or date.max, b.project_id, b.id)

    for batch in sorted(batches, key=order):
        allocation = matrix[batch.task_type]
        window = WindowKind.DEEP if allocation.block_kind == BlockKind.DEEP else WindowKind.CORE
        left = batch.minutes_left
        reason: Reason | None = None
        while left >= MIN_BLOCK_MINUTES or (left > 0 and left == batch.minutes_left):
            want = min(model.focus_minutes, left)
            on_days = project_days()
            candidates = []
            for slot in slots:
                if slot.window != window:
                    continue
                if batch.due is not None and slot.day > batch.due:
                    reason = reason or Reason.BEFORE_DUE
                    continue
                projects = on_days.get(slot.day, set())
                if batch.project_id not in projects and len(projects) >= \
                        model.max_projects_per_day:
                    reason = Reason.PROJECT_LIMIT
                    continue
                candidates.append(slot)
            if not candidates:
                break
            if strategy == Strategy.URGENCY_FIRST:
                slot = min(candidates, key=lambda s: s.start)
            else:
                urgent = batch.urgency.rank >= Urgency.HIGH.rank or (
                    batch.due is not None and (batch.due - days[0]).days <= 2)
                slot = min(candidates, key=partial(
                    _score, batch=batch, place=allocation.place, urgent=urgent,
                    on_days=on_days, blocks=plan.blocks))
            length = min(want, int((slot.end - slot.start).total_seconds() // 60))
            if length < want and length < MIN_BLOCK_MINUTES:
                break
            # Fill the slot from its start, or from its end when that keeps
            # the block next to one of the same project.
            start = slot.start
            after = [b for b in plan.blocks if b.project_id == batch.project_id
                     and b.start == slot.end]
            if after and strategy == Strategy.BATCHED:
                start = slot.end - timedelta(minutes=length)
            block = PlannedBlock(
                start=start,
                end=start + timedelta(minutes=length),
                project_id=batch.project_id,
                batch_id=batch.id,
                kind=allocation.block_kind,
                location=Location(slot.day_kind.value),
            )
            plan.blocks.append(block)
            _take(slots, slot, block)
            left -= length
            reason = None
        if left > 0 and (left >= MIN_BLOCK_MINUTES or left == batch.minutes_left):
            plan.unplaced.append(Unplaced(batch.id, left, reason or Reason.NO_WINDOW))
    plan.blocks.sort(key=lambda b: (b.start, b.project_id))
    return plan


def _score(s: _Slot, batch: BatchToPlan, place: Place, urgent: bool,
           on_days: dict[date, set[int]], blocks: Sequence[PlannedBlock]) -> tuple[object, ...]:
    """Lower is better: the right place, few projects that day, next to a block
    of the same project; urgent work goes as early as it can."""
    projects = on_days.get(s.day, set())
    joins = any(b.project_id == batch.project_id and (b.end == s.start or b.start == s.end)
                for b in blocks)
    wrong_place = 0 if _preferred(place, s.day_kind) else 1
    spread = 0 if batch.project_id in projects else 1 + len(projects)
    together = 0 if joins else 1
    if urgent:
        return (wrong_place, s.day_index, spread, together, s.start)
    # The right place weighs as much as two extra projects that day: enough to
    # keep most work where it belongs, without leaving windows empty because a
    # day holds its limit.
    return (2 * wrong_place + spread, together, s.day_index, s.start)


def _take(slots: list[_Slot], slot: _Slot, block: PlannedBlock) -> None:
    slots.remove(slot)
    for a, z in ((slot.start, block.start), (block.end, slot.end)):
        if (z - a).total_seconds() >= MIN_BLOCK_MINUTES * 60:
            slots.append(_Slot(slot.day_index, slot.day, slot.day_kind, slot.window, a, z))
    slots.sort(key=lambda s: (s.start, s.window))


def replace_new(block: PlannedBlock, new: bool) -> PlannedBlock:
    from dataclasses import replace

    return replace(block, new=new)
