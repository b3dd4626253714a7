"""The week in the database: the work model and matrix in settings, time
blocks, imported meetings, the planner run against them, and the conflicts a
week view flags."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum
from pathlib import Path

from sqlmodel import Session, col, delete, func, select

from app.clock import Clock, as_utc
from app.domain import BatchStatus, BlockKind, Location, TaskType, Urgency
from app.errors import ErrorCode, FokusError
from app.focus.counted import shared_minutes_by_batch
from app.store.engine import Store
from app.store.models import (
    CalendarSource,
    FocusSession,
    Meeting,
    Project,
    ProjectBatch,
    TimeBlock,
)
from app.store.settings import (
    ALLOCATION_MATRIX,
    FOCUS_MINUTES,
    HOLIDAY_COUNTRY,
    MIN_DEEP_BLOCK_MINUTES,
    PROJECT_LIMIT,
    WORK_MODEL,
    Settings,
)
from app.week.allocation import Matrix
from app.week.calendar import MeetingData, is_free, read_calendar_if_changed
from app.week.holidays import PublicHolidays
from app.week.ics_export import is_fokus_block
from app.week.planner import BatchToPlan, Busy, Plan, PlannedBlock, Strategy, plan_week
from app.week.workmodel import DayKind, WindowKind, WorkModel, iso_week_days

MAX_BLOCK = timedelta(hours=12)

# A meeting as stored: calendar, uid, start_at, end_at, utc_offset_min, title,
# all_day, location.
MeetingRow = tuple[str, str, str, str, int, str, bool, str]
MEETING_COLUMNS = ("calendar", "uid", "start_at", "end_at", "utc_offset_min", "title",
                   "all_day", "location")
_INSERT_MEETING = (f"INSERT INTO meeting ({', '.join(MEETING_COLUMNS)}) "
                   f"VALUES ({', '.join('?' * len(MEETING_COLUMNS))})")
# One calendar import writes at a time (the tray's watcher and ``fokus import-ics``).
_CALENDAR_WRITES = threading.RLock()
_WRITTEN: dict[str, int] = {}  # calendar file → how many writes of its meetings so far


def stored_instant(at: datetime) -> str:
    """An instant as the store's UtcDateTime columns hold it: naive UTC in
    SQLAlchemy's SQLite form, so it compares (as text) with what the ORM wrote."""
    return as_utc(at).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
# Blocks placed this far ahead count as planned work (any week, not only the one planned).
HORIZON = timedelta(days=5 * 366)


class Conflict(StrEnum):
    DEEP_IN_CORE = "deep_in_core"  # a deep-work block in core hours
    COLLAB_IN_DEEP = "collab_in_deep"  # a collaborative block in a no-meeting window
    OVER_MEETING = "over_meeting"
    OUTSIDE_WORK = "outside_work"
    TOO_MANY_PROJECTS = "too_many_projects"  # more projects that day than the limit


@dataclass(frozen=True)
class ImportResult:
    path: Path
    meetings: int
    in_deep_windows: int
    unchanged: bool


class WeekService:
    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock
        self.settings = Settings(store)
        # The tray parses calendar files in a child process (app/week/calendar_process.py);
        # a command, which ends anyway, in its own.
        self.parse_apart = False

    # -- settings --------------------------------------------------------------

    def work_model(self) -> WorkModel:
        """The stored model, with the focus length, the projects-per-day limit,
        the shortest deep block and the public holidays from their own settings."""
        data = self.settings.get(WORK_MODEL)
        model = WorkModel.from_json(data) if data else WorkModel()
        country = self.settings.get(HOLIDAY_COUNTRY)
        return replace(model, focus_minutes=self.settings.get(FOCUS_MINUTES),
                       max_projects_per_day=self.settings.get(PROJECT_LIMIT),
                       min_deep_minutes=self.settings.get(MIN_DEEP_BLOCK_MINUTES),
                       holidays=PublicHolidays(country) if country else None)

    def set_work_model(self, model: WorkModel) -> WorkModel:
        """Store ``model``; its focus length and limit go to their settings."""
        self.settings.set_all([(FOCUS_MINUTES, model.focus_minutes),
                               (PROJECT_LIMIT, model.max_projects_per_day),
                               (WORK_MODEL, model.checked().to_json())])
        return model

    def matrix(self) -> Matrix:
        return Matrix.from_json(self.settings.get(ALLOCATION_MATRIX))

    def set_matrix(self, matrix: Matrix) -> Matrix:
        self.settings.set(ALLOCATION_MATRIX, matrix.to_json())
        return matrix

    # -- time ----------------------------------------------------------------------

    def week_bounds(self, week: str) -> tuple[list[date], datetime, datetime]:
        days = iso_week_days(week)
        zone = self.clock.zone()
        start = datetime.combine(days[0], datetime.min.time(), tzinfo=zone).astimezone(UTC)
        end = datetime.combine(days[-1] + timedelta(days=1), datetime.min.time(),
                               tzinfo=zone).astimezone(UTC)
        return days, start, end

    def local(self, at: datetime) -> datetime:
        return as_utc(at).astimezone(self.clock.zone())

    # -- blocks ------------------------------------------------------------------------

    def blocks(self, start: datetime, end: datetime) -> list[TimeBlock]:
        with self.store.transaction() as s:
            stmt = select(TimeBlock).where(col(TimeBlock.start_at) < end,
                                           col(TimeBlock.end_at) > start)
            return list(s.exec(stmt.order_by(col(TimeBlock.start_at), col(TimeBlock.id))))

    def export_blocks_ics(self, week: str, path: Path, with_projects: bool = False) -> int:
        """The week's deep-work blocks as busy events in ``path``; how many."""
        from app.week.ics_export import SharedBlock, to_ics, write_ics

        _, start, end = self.week_bounds(week)
        with self.store.transaction() as s:
            names = {p.id: p.name for p in s.exec(select(Project))}
        shared = [SharedBlock(b.id or 0, b.start_at, b.end_at, names.get(b.project_id))
                  for b in self.blocks(start, end) if b.kind == BlockKind.DEEP]
        write_ics(path, to_ics(shared, self.clock.now(), with_projects))
        return len(shared)

    def block(self, block_id: int | str) -> TimeBlock:
        from app.domain import row_id

        key = row_id(block_id)
        if key is None:
            raise FokusError(ErrorCode.UNKNOWN_BLOCK, block=block_id)
        with self.store.transaction() as s:
            found = s.get(TimeBlock, key)
        if found is None:
            raise FokusError(ErrorCode.UNKNOWN_BLOCK, block=block_id)
        return found

    def _check_span(self, start: datetime, end: datetime) -> None:
        if end <= start:
            raise FokusError(ErrorCode.INVALID_VALUE, field="end", value=end.isoformat())
        if end - start > MAX_BLOCK:
            raise FokusError(ErrorCode.INVALID_VALUE, field="length",
                             value=str(end - start))

    def _kind_for(self, batch: ProjectBatch | None) -> BlockKind:
        return self.matrix()[batch.task_type].block_kind if batch else BlockKind.DEEP

    def _location_for(self, start: datetime) -> Location:
        kind = self.work_model().day_kind(self.local(start).date())
        return Location.OFFICE if kind == DayKind.OFFICE else Location.REMOTE

    @staticmethod
    def _batch_of(s: Session, project_id: int, batch_id: int | None) -> ProjectBatch | None:
        """The batch a block is for, checked to be the project's (the project too)."""
        project = s.get(Project, project_id)
        if project is None:
            raise FokusError(ErrorCode.UNKNOWN_PROJECT, project=project_id)
        batch = s.get(ProjectBatch, batch_id) if batch_id is not None else None
        if batch_id is not None and (batch is None or batch.project_id != project_id):
            raise FokusError(ErrorCode.BATCH_NOT_IN_PROJECT, batch=batch_id,
                             project=project.name)
        return batch

    def add_block(self, project_id: int, batch_id: int | None, start: datetime, end: datetime,
                  kind: BlockKind | None = None, source: str = "manual") -> TimeBlock:
        start, end = as_utc(start), as_utc(end)
        self._check_span(start, end)
        with self.store.transaction() as s:
            batch = self._batch_of(s, project_id, batch_id)
            block = TimeBlock(
                project_id=project_id, batch_id=batch_id, start_at=start, end_at=end,
                utc_offset_min=self.clock.utc_offset_minutes(start),
                kind=kind or self._kind_for(batch), location=self._location_for(start),
                source=source)
            s.add(block)
            s.flush()
            return block

    def move_block(self, block_id: int, start: datetime, end: datetime) -> TimeBlock:
        start, end = as_utc(start), as_utc(end)
        self._check_span(start, end)
        with self.store.transaction() as s:
            block = s.get(TimeBlock, block_id)
            if block is None:
                raise FokusError(ErrorCode.UNKNOWN_BLOCK, block=block_id)
            block.start_at, block.end_at = start, end
            block.utc_offset_min = self.clock.utc_offset_minutes(start)
            block.location = self._location_for(start)
            return block

    def update_block(self, block_id: int, project_id: int, batch_id: int | None) -> TimeBlock:
        with self.store.transaction() as s:
            block = s.get(TimeBlock, block_id)
            if block is None:
                raise FokusError(ErrorCode.UNKNOWN_BLOCK, block=block_id)
            batch = self._batch_of(s, project_id, batch_id)
            block.project_id, block.batch_id = project_id, batch_id
            block.kind = self._kind_for(batch)
            return block

    def remove_block(self, block_id: int | str) -> TimeBlock:
        block = self.block(block_id)
        with self.store.transaction() as s:
            s.exec(delete(TimeBlock).where(col(TimeBlock.id) == block.id))
        return block

    # -- meetings ----------------------------------------------------------------------

    def meetings(self, start: datetime, end: datetime) -> list[Meeting]:
        with self.store.transaction() as s:
            stmt = select(Meeting).where(col(Meeting.start_at) < end, col(Meeting.end_at) > start)
            return list(s.exec(stmt.order_by(col(Meeting.start_at), col(Meeting.id))))

    def read_calendar_file(self, path: Path, known_digest: str | None, around: datetime,
                           zone: tzinfo) -> tuple[list[MeetingData] | None, str]:
        """``read_calendar_if_changed``, in a child process where ``parse_apart``
        says so. Touches no store: a worker thread runs it."""
        if self.parse_apart:
            from app.week.calendar_process import read_in_child

            return read_in_child(path, known_digest, around, zone)
        return read_calendar_if_changed(path, known_digest, around, zone)

    def import_calendar(self, path: Path) -> ImportResult:
        """Replace the meetings of an earlier import of the same file, all on
        this thread (the tray's imports go through ``import-ics``, off it)."""
        path = path.expanduser().resolve()
        parsed, digest = self.read_calendar_file(path, None, self.clock.now(),
                                                 self.clock.zone())
        assert parsed is not None  # no digest was given: the file is always read
        return self.save_calendar(path, parsed, digest)

    def calendar_digest(self, path: Path) -> str | None:
        """The digest of the file's last import, if it was imported."""
        with self.store.transaction() as s:
            source = s.get(CalendarSource, str(path))
            return source.digest if source is not None else None

    def unchanged_calendar(self, path: Path) -> ImportResult:
        with self.store.transaction() as s:
            source = s.get(CalendarSource, str(path))
            return ImportResult(path, source.events if source else 0, 0, unchanged=True)

    def save_calendar(self, path: Path, parsed: Sequence[MeetingData], digest: str,
                      count_deep: bool = True) -> ImportResult:
        """Store meetings read from ``path`` in place of its earlier import, all
        on this thread (the tray splits it: ``meeting_rows`` and
        ``write_meetings`` in a worker, ``record_calendar`` on its GUI thread)."""
        rows = self.meeting_rows(path, parsed)
        self.write_meetings(path, rows)
        self.record_calendar(path, len(rows), digest)
        deep = 0
        if count_deep:
            model = self.work_model()
            deep = sum(1 for m in parsed if not m.all_day and not is_fokus_block(m.uid)
                       and self._in_deep_window(model, m.start, m.end))
        return ImportResult(path, len(rows), deep, unchanged=False)

    def meeting_rows(self, path: Path, parsed: Sequence[MeetingData]) -> list[MeetingRow]:
        """The rows an import of ``path`` stores, in the store's own form
        (``MEETING_COLUMNS``). Touches no store: a worker makes them."""
        key = str(path)
        offset = self.clock.utc_offset_minutes
        # Fokus's own blocks, shared as a calendar, are not meetings.
        return [(key, m.uid, stored_instant(m.start), stored_instant(m.end), offset(m.start),
                 m.title, m.all_day, m.location) for m in parsed if not is_fokus_block(m.uid)]

    def write_meetings(self, path: Path, rows: Sequence[MeetingRow],
                       only_if: Callable[[], bool] = lambda: True) -> bool:
        """Put ``rows`` in place of the meetings of an earlier import of ``path``:
        one transaction on a connection of its own and one ``executemany`` (the
        ORM's row-by-row adds cost 25 times as much, SQLAlchemy's bulk insert
        still 4 times). Safe on a worker thread; one import writes at a time,
        and only while ``only_if()`` says it is still wanted (a newer read of
        the file may have started). It goes round the store's sessions, so
        nobody is told: ``record_calendar`` does that. Returns whether it wrote."""
        from sqlalchemy.exc import DBAPIError

        from app.store.engine import translate_sqlite_error

        with _CALENDAR_WRITES:
            if not only_if():
                return False
            try:
                with self.store.engine.begin() as conn:
                    conn.exec_driver_sql("DELETE FROM meeting WHERE calendar = ?", (str(path),))
                    if rows:
                        conn.exec_driver_sql(_INSERT_MEETING, list(rows))
            except DBAPIError as exc:
                mapped = translate_sqlite_error(exc.orig or exc, self.store.path)
                if mapped is not None:
                    raise mapped from exc
                raise
            _WRITTEN[str(path)] = _WRITTEN.get(str(path), 0) + 1
        return True

    def write_meetings_counted(self, path: Path, rows: Sequence[MeetingRow],
                               only_if: Callable[[], bool] = lambda: True) -> int | None:
        """``write_meetings``, and which write of ``path``'s meetings it was
        (None: not written), for ``forget_meetings`` to undo only its own."""
        with _CALENDAR_WRITES:
            if not self.write_meetings(path, rows, only_if):
                return None
            return _WRITTEN[str(path)]

    def forget_meetings(self, path: Path, written: int) -> bool:
        """Take back the meetings ``write_meetings_counted`` wrote as write
        ``written`` of ``path``, unless another write of the same file came
        after it (those rows are someone else's). Returns whether it did."""
        with _CALENDAR_WRITES:
            if _WRITTEN.get(str(path)) != written:
                return False
            return self.write_meetings(path, [])

    def record_calendar(self, path: Path, events: int, digest: str) -> None:
        """Note that ``path``'s meetings are stored (``events`` of them, from a file
        with ``digest``): the import's last and smallest write, through the
        store's sessions, so whoever shows meetings hears of it
        (app/store/changes.py). Until it is made, the file counts as not
        imported and the next start reads it again."""
        key = str(path)
        now = self.clock.now()
        with self.store.transaction() as s:
            source = s.get(CalendarSource, key)
            if source is None:
                source = CalendarSource(key=key, path=key, imported_at=now)
                s.add(source)
            source.imported_at, source.events, source.digest = now, events, digest

    def calendars(self) -> list[CalendarSource]:
        with self.store.transaction() as s:
            return list(s.exec(select(CalendarSource)))

    def _in_deep_window(self, model: WorkModel, start: datetime, end: datetime) -> bool:
        a, z = self.local(start), self.local(end)
        if a.date() != z.date() and z.time() != datetime.min.time():
            return False
        day = a.date()
        first = a.hour * 60 + a.minute
        last = z.hour * 60 + z.minute if z.date() == day else 24 * 60
        return any(
            model.window_at(day, minute)[0] == WindowKind.DEEP
            for minute in range(first, max(first + 1, last), 5)
        )

    def meetings_in_deep_windows(self, start: datetime, end: datetime) -> list[Meeting]:
        model = self.work_model()
        return [m for m in self.meetings(start, end)
                if not m.all_day and self._in_deep_window(model, m.start_at, m.end_at)]

    # -- now -----------------------------------------------------------------------

    def window_now(self) -> tuple[WindowKind, datetime | None]:
        """The kind of time it is now, and when that window ends (local)."""
        now = self.local(self.clock.now())
        kind, span = self.work_model().window_at(now.date(), now.hour * 60 + now.minute)
        if span is None:
            return kind, None
        return kind, span.at(now.date(), self.clock.zone())[1]

    def next_boundary(self) -> datetime | None:
        """The next moment a window opens or closes today or on the next work day."""
        model = self.work_model()
        now = self.local(self.clock.now())
        zone = self.clock.zone()
        for offset in range(0, 8):
            day = now.date() + timedelta(days=offset)
            if not model.day_kind(day).is_workday:
                continue
            edges = sorted({edge for span in (model.work_hours, model.core_hours,
                                              *model.no_meeting)
                            for edge in span.at(day, zone)})
            for edge in edges:
                if edge > now:
                    return edge
        return None

    def block_minutes_left(self, project_id: int, batch_id: int | None = None) -> int | None:
        """Minutes to the end of the block running now for ``project_id`` (and
        ``batch_id`` when given): a session started from a block lasts until
        the block's end, so it never runs into the meeting after it. None when
        no such block runs now, or too little of it is left for a session."""
        from app.domain import MAX_MINUTES, MIN_MINUTES

        now = self.clock.now()
        for b in self.blocks(now, now + timedelta(seconds=1)):
            if b.project_id == project_id and (batch_id is None or b.batch_id in (
                    None, batch_id)):
                left = int((as_utc(b.end_at) - now).total_seconds() // 60)
                return min(left, MAX_MINUTES) if left >= MIN_MINUTES else None
        return None

    def start_concerns(self, minutes: int) -> list[str]:
        """Why starting a focus session now may be a poor fit: core hours, a
        meeting within its planned length."""
        concerns = []
        if self.window_now()[0] == WindowKind.CORE:
            concerns.append("core_hours")
        if self.meetings_ahead(minutes):
            concerns.append("meeting")
        return concerns

    def meetings_ahead(self, minutes: int) -> list[Meeting]:
        """The timed meetings a session of ``minutes`` started now would run into."""
        now = self.clock.now()
        return [m for m in self.meetings(now, now + timedelta(minutes=minutes))
                if not m.all_day]

    # -- conflicts -----------------------------------------------------------------------

    def conflicts(self, start: datetime, end: datetime) -> dict[int, list[Conflict]]:
        model = self.work_model()
        blocks = self.blocks(start, end)
        meetings = [m for m in self.meetings(start, end) if not m.all_day]
        found: dict[int, list[Conflict]] = {}
        per_day: dict[date, list[int]] = {}
        for b in blocks:
            assert b.id is not None
            issues: list[Conflict] = []
            a, z = self.local(b.start_at), self.local(b.end_at)
            day = a.date()
            per_day.setdefault(day, [])
            if b.project_id not in per_day[day]:
                per_day[day].append(b.project_id)
            minutes = range(a.hour * 60 + a.minute,
                            (z.hour * 60 + z.minute) if z.date() == day else 24 * 60, 5)
            kinds = {model.window_at(day, m)[0] for m in minutes}
            if WindowKind.OUTSIDE in kinds:
                issues.append(Conflict.OUTSIDE_WORK)
            if b.kind == BlockKind.DEEP and WindowKind.CORE in kinds:
                issues.append(Conflict.DEEP_IN_CORE)
            if b.kind == BlockKind.COLLABORATIVE and WindowKind.DEEP in kinds:
                issues.append(Conflict.COLLAB_IN_DEEP)
            if any(m.start_at < b.end_at and b.start_at < m.end_at for m in meetings):
                issues.append(Conflict.OVER_MEETING)
            if issues:
                found[b.id] = issues
        for b in blocks:
            day = self.local(b.start_at).date()
            if per_day[day].index(b.project_id) >= model.max_projects_per_day:
                assert b.id is not None
                found.setdefault(b.id, []).append(Conflict.TOO_MANY_PROJECTS)
        return found

    # -- planning ----------------------------------------------------------------------

    def batches_to_plan(self, ignore: frozenset[int] = frozenset()) -> list[BatchToPlan]:
        """Open batches with the minutes still to place: the estimate less what
        was focused on and less what blocks from now on already hold, in any
        week (work placed in an earlier plan is not placed again). Blocks in
        ``ignore`` do not count."""
        now = self.clock.now()
        with self.store.transaction() as s:
            pairs = list(s.exec(
                select(ProjectBatch, Project.created_at).join(Project).where(
                    ProjectBatch.status == BatchStatus.OPEN,
                    col(Project.archived_at).is_(None))))
            rows = [row for row, _made in pairs]
            project_made = {row.id: made for row, made in pairs}
            # Summed for the open batches only, in SQL: years of finished
            # batches' sessions are neither loaded nor added up.
            focused = dict(s.exec(
                select(FocusSession.batch_id, func.coalesce(func.sum(
                    (func.julianday(FocusSession.ended_at) - func.julianday(
                        FocusSession.started_at)) * 24 * 60), 0))
                .where(col(FocusSession.batch_id).in_([r.id for r in rows]),
                       col(FocusSession.ended_at).is_not(None),
                       # A batch's sessions begin after it was made (a day's
                       # margin for a clock set back): the index on started_at
                       # reads from there, not from the first day.
                       col(FocusSession.started_at) >= min(
                           as_utc(r.created_at) for r in rows) - timedelta(days=1))
                .group_by(col(FocusSession.batch_id))).all()) if rows else {}
            # Time two computers' sessions share counts once (app/focus/counted.py).
            if rows:
                for batch_id, minutes in shared_minutes_by_batch(
                        s, [r.id for r in rows if r.id is not None],
                        min(as_utc(r.created_at) for r in rows) - timedelta(days=1),
                        now).items():
                    focused[batch_id] = focused.get(batch_id, 0) - minutes
        planned: dict[int, int] = {}
        for b in self.blocks(now, now + HORIZON):
            if b.batch_id is not None and b.id not in ignore:
                begin = max(as_utc(b.start_at), now)
                planned[b.batch_id] = planned.get(b.batch_id, 0) + int(
                    (as_utc(b.end_at) - begin).total_seconds() // 60)
        out = []
        for row in rows:
            assert row.id is not None
            left = row.estimate_minutes - round(focused.get(row.id, 0)) - planned.get(row.id, 0)
            if left > 0:
                out.append(BatchToPlan(row.id, row.project_id, TaskType(row.task_type), left,
                                       Urgency(row.urgency), row.due_date,
                                       (as_utc(project_made[row.id]), as_utc(row.created_at))))
        return out

    def busy(self, start: datetime, end: datetime) -> list[Busy]:
        """What the planner must keep clear: timed meetings, and whole days
        under a busy all-day event."""
        return [Busy(as_utc(m.start_at), as_utc(m.end_at)) for m in self.meetings(start, end)
                if not (m.all_day and is_free(m.uid))]

    def names_and_titles(self, batch_ids: set[int | None]) -> tuple[dict[int, str],
                                                                     dict[int, str]]:
        """Every project's name, and the titles of the batches asked for only."""
        with self.store.transaction() as s:
            names = {p.id: p.name for p in s.exec(select(Project)) if p.id is not None}
            titles = {b.id: b.title for b in s.exec(select(ProjectBatch).where(
                col(ProjectBatch.id).in_({i for i in batch_ids if i is not None})))
                if b.id is not None}
        return names, titles

    def plan(self, week: str, apply: bool = False,
             strategy: Strategy = Strategy.BATCHED) -> Plan:
        """The week's plan. The urgency-first baseline is the same before and
        after a plan is applied: it is placed as if this week's planner blocks
        still to come were not there."""
        days, start, end = self.week_bounds(week)
        now = self.clock.now()
        rows = self.blocks(start, end)
        ignore = frozenset(b.id for b in rows if b.id is not None and b.source == "planner"
                           and as_utc(b.start_at) >= now) \
            if strategy == Strategy.URGENCY_FIRST else frozenset()
        existing = [
            PlannedBlock(as_utc(b.start_at), as_utc(b.end_at), b.project_id, b.batch_id,
                         BlockKind(b.kind), Location(b.location), new=False, id=b.id)
            for b in rows if b.id not in ignore]
        result = plan_week(days, self.work_model(), self.matrix(),
                           self.batches_to_plan(ignore), self.busy(start, end), existing,
                           now, self.clock.zone(), strategy)
        if apply:
            self.apply(result.new_blocks)
        return result

    def apply(self, blocks: Sequence[PlannedBlock]) -> None:
        with self.store.transaction() as s:
            for b in blocks:
                s.add(TimeBlock(project_id=b.project_id, batch_id=b.batch_id, start_at=b.start,
                                end_at=b.end, utc_offset_min=self.clock.utc_offset_minutes(
                                    b.start), kind=b.kind, location=b.location,
                                source="planner"))
