"""The weekly planner: places open batches into time blocks.

Rules, from the hybrid work model (thesis, chapter V) and the users' own
multi-project strategies (project batching, urgency first, time blocking):

- deep batches go into no-meeting windows, remote days first; collaborative
  ones into core hours, office days first (the allocation matrix decides which
  a batch is);
- urgent and soon-due batches are placed first, and never after their due day:
  what does not fit before it (or is overdue already) is reported at risk;
- one project per block, as few projects per day as it can and never more
  than the configured limit, and blocks of a project kept together, so that
  the day has as few context switches as it can;
- never over a meeting (a busy all-day event takes its whole day), never over
  the lunch break, never outside work hours, on a public holiday, or in the past;
- a large batch is split into blocks of the configured focus length, and no
  deep-work block is shorter than the configured minimum (45 min by default);
- the plan never has more context switches than placing by urgency alone
  (the baseline): when the batching heuristic loses, the baseline's placement
  is used.

It is a pure function of its input: the same input gives the same plan."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum
from functools import partial

from app.domain import BlockKind, Location, TaskType, Urgency
from app.week.allocation import Matrix, Place
from app.week.workmodel import DayKind, WindowKind, WorkModel

MIN_BLOCK_MINUTES = 25
GRANULARITY_MINUTES = 5


class Strategy(StrEnum):
    BATCHED = "batched"
    URGENCY_FIRST = "urgency_first"  # the plain baseline the planner is measured against


class Reason(StrEnum):
    NO_WINDOW = "no_window"  # no free window of the right kind left this week
    BEFORE_DUE = "before_due"  # no free window of the right kind before the due date
    OVERDUE = "overdue"  # the due date is before the first day that can still be planned
    PROJECT_LIMIT = "project_limit"  # free windows only on days at the project limit


@dataclass(frozen=True)
class BatchToPlan:
    id: int
    project_id: int
    task_type: TaskType
    minutes_left: int
    urgency: Urgency = Urgency.NORMAL
    due: date | None = None
    # When its project and the batch were made: the same on every computer that
    # syncs, unlike the ids each numbers its own rows with, so ties between
    # batches fall the same way on both and both show the same plan.
    made: tuple[datetime, datetime] | None = None


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

    @property
    def at_risk(self) -> bool:
        """The batch cannot be done by its due date as planned."""
        return self.reason in (Reason.BEFORE_DUE, Reason.OVERDUE)


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


def _subtract(start: datetime, end: datetime, busy: Sequence[Busy],
              shortest: int = MIN_BLOCK_MINUTES) -> list[tuple[datetime, datetime]]:
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
    return [(a, z) for a, z in free if (z - a).total_seconds() >= shortest * 60]


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
    place = partial(_place, days, model, matrix, batches, meetings, existing, now, zone)
    if strategy == Strategy.URGENCY_FIRST:
        return place(Strategy.URGENCY_FIRST)
    batched = place(Strategy.BATCHED)
    baseline = place(Strategy.URGENCY_FIRST)
    # The heuristic is greedy and can lose to the baseline on odd weeks; the
    # plan shown next to the baseline never has more switches than it.
    if (baseline.switches(zone), -_placed(baseline)) < (batched.switches(zone),
                                                        -_placed(batched)):
        return baseline
    return batched


def _placed(plan: Plan) -> int:
    return sum(b.minutes for b in plan.new_blocks)


def _shortest(window: WindowKind, model: WorkModel) -> int:
    return model.min_deep_minutes if window == WindowKind.DEEP else MIN_BLOCK_MINUTES


def _length(left: int, whole: int, slot_minutes: int, shortest: int, focus: int) -> int:
    """How long the next block of a batch with ``left`` minutes is, in a free
    slot of ``slot_minutes``: the focus length at most, the shortest block at
    least, and never leaving a rest too short to place."""
    want = max(min(focus, left), shortest) if left == whole else min(focus, left)
    length = min(want, slot_minutes)
    rest = left - length
    if 0 < rest < shortest:
        if length - (shortest - rest) >= shortest:
            length -= shortest - rest
        elif slot_minutes >= left:
            length = left
    return length


def _place(
    days: Sequence[date],
    model: WorkModel,
    matrix: Matrix,
    batches: Sequence[BatchToPlan],
    meetings: Sequence[Busy],
    existing: Sequence[PlannedBlock],
    now: datetime,
    zone: tzinfo,
    strategy: Strategy,
) -> Plan:
    plan = Plan(days=list(days), blocks=[replace_new(b, False) for b in existing])
    earliest = _ceil(now)
    lunches = []
    for day in days:
        lunch = model.lunch_on(day)
        if lunch is not None:
            a, z = lunch.at(day, zone)
            lunches.append(Busy(a.astimezone(UTC), z.astimezone(UTC)))
    busy = sorted([*meetings, *lunches, *(Busy(b.start, b.end) for b in existing)],
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
                for fa, fz in _subtract(a, z, busy, _shortest(window, model)):
                    slots.append(_Slot(index, day, kind, window, fa, fz))
    slots.sort(key=lambda s: (s.start, s.window))
    first_open = max(days[0], now.astimezone(zone).date())

    def project_days() -> dict[date, set[int]]:
        seen: dict[date, set[int]] = {}
        for block in plan.blocks:
            seen.setdefault(block.start.astimezone(zone).date(), set()).add(block.project_id)
        return seen

    def order(b: BatchToPlan) -> tuple[int, date, tuple[datetime, ...], int, int]:
        return (-b.urgency.rank, b.due or date.max, b.made or (), b.project_id, b.id)

    for batch in sorted(batches, key=order):
        allocation = matrix[batch.task_type]
        window = WindowKind.DEEP if allocation.block_kind == BlockKind.DEEP else WindowKind.CORE
        shortest = _shortest(window, model)
        left = batch.minutes_left
        reason: Reason | None = None
        if batch.due is not None and batch.due < first_open:
            plan.unplaced.append(Unplaced(batch.id, left, Reason.OVERDUE))
            continue
        while left >= shortest or (left > 0 and left == batch.minutes_left):
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
                    on_days=on_days, blocks=plan.blocks, zone=zone))
            slot_minutes = int((slot.end - slot.start).total_seconds() // 60)
            length = _length(left, batch.minutes_left, slot_minutes, shortest,
                             model.focus_minutes)
            if length < shortest:
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
            _take(slots, slot, block, shortest)
            left -= length
            reason = None
        if left > 0 and (left >= shortest or left == batch.minutes_left or (
                reason == Reason.BEFORE_DUE)):
            plan.unplaced.append(Unplaced(batch.id, left, reason or Reason.NO_WINDOW))
    if strategy == Strategy.BATCHED:
        plan.blocks = _regroup(plan.blocks, {b.id: b for b in batches},
                               model.max_projects_per_day, zone)
    plan.blocks.sort(key=lambda b: (b.start, b.project_id))
    return plan


def _regroup(blocks: list[PlannedBlock], batches: dict[int, BatchToPlan],
             limit: int, zone: tzinfo) -> list[PlannedBlock]:
    """Second pass: swap new blocks where that removes context switches.

    Two new blocks of different projects trade places when they are of the
    same kind and place and length (on any days), or when they lie next to
    each other (of any length). A swap is kept only if it keeps every rule
    (due dates, the day's project limit) and lowers the week's switches."""
    from dataclasses import replace

    def day_of(b: PlannedBlock) -> date:
        return b.start.astimezone(zone).date()

    def allowed(block: PlannedBlock, day: date) -> bool:
        batch = batches.get(block.batch_id or -1)
        due = batch.due if batch else None
        return due is None or day <= due

    def within_limit(candidate: list[PlannedBlock]) -> bool:
        seen: dict[date, set[int]] = {}
        for b in candidate:
            seen.setdefault(day_of(b), set()).add(b.project_id)
        return all(len(p) <= limit for p in seen.values())

    current = sorted(blocks, key=lambda b: (b.start, b.project_id))
    best = count_switches(current, zone)
    for _ in range(200):  # bounded: each pass strictly lowers the count
        found = False
        order = sorted(range(len(current)), key=lambda k: (current[k].start, current[k].project_id))
        for x, i in enumerate(order):
            for j in order[x + 1:]:
                a, b = current[i], current[j]
                if not (a.new and b.new) or a.project_id == b.project_id:
                    continue
                if a.end == b.start and a.kind == b.kind:  # neighbours: b first, then a
                    a2 = replace(a, start=a.start + (b.end - b.start), end=b.end)
                    b2 = replace(b, start=a.start, end=a.start + (b.end - b.start))
                elif a.kind == b.kind and a.location == b.location and a.minutes == b.minutes:
                    a2 = replace(a, start=b.start, end=b.end)
                    b2 = replace(b, start=a.start, end=a.end)
                else:
                    continue
                if not (allowed(a2, day_of(a2)) and allowed(b2, day_of(b2))):
                    continue
                candidate = [*current]
                candidate[i], candidate[j] = a2, b2
                if not within_limit(candidate):
                    continue
                count = count_switches(candidate, zone)
                if count < best:
                    current, best, found = candidate, count, True
                    break
            if found:
                break
        if not found:
            break
    return current


def _added_switches(s: _Slot, project_id: int, blocks: Sequence[PlannedBlock],
                    zone: tzinfo) -> int:
    """How many project changes a block of ``project_id`` in ``s`` adds to its day."""
    same_day = [b for b in blocks if b.start.astimezone(zone).date() == s.day]
    before = max((b for b in same_day if b.end <= s.start), key=lambda b: b.end, default=None)
    after = min((b for b in same_day if b.start >= s.end), key=lambda b: b.start, default=None)
    added = sum(1 for b in (before, after) if b is not None and b.project_id != project_id)
    if before is not None and after is not None and before.project_id != after.project_id:
        added -= 1  # that change was there already
    return added


def _score(s: _Slot, batch: BatchToPlan, place: Place, urgent: bool,
           on_days: dict[date, set[int]], blocks: Sequence[PlannedBlock],
           zone: tzinfo) -> tuple[object, ...]:
    """Lower is better: the right place, few projects that day, few new
    switches; urgent work goes as early as it can."""
    projects = on_days.get(s.day, set())
    wrong_place = 0 if _preferred(place, s.day_kind) else 1
    spread = 0 if batch.project_id in projects else 1 + len(projects)
    switches = _added_switches(s, batch.project_id, blocks, zone)
    if urgent:
        return (wrong_place, s.day_index, spread + switches, s.start)
    # The right place weighs as much as two extra projects that day: enough to
    # keep most work where it belongs, without leaving windows empty because a
    # day holds its limit.
    return (2 * wrong_place + spread + switches, s.day_index, s.start)


def _take(slots: list[_Slot], slot: _Slot, block: PlannedBlock, shortest: int) -> None:
    slots.remove(slot)
    for a, z in ((slot.start, block.start), (block.end, slot.end)):
        if (z - a).total_seconds() >= shortest * 60:
            slots.append(_Slot(slot.day_index, slot.day, slot.day_kind, slot.window, a, z))
    slots.sort(key=lambda s: (s.start, s.window))


def replace_new(block: PlannedBlock, new: bool) -> PlannedBlock:
    from dataclasses import replace

    return replace(block, new=new)
