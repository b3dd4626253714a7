"""``fokus demo``: a realistic database for trying Fokus and for screenshots.

Everything is dated relative to today, so the demo always looks current. The
generator is seeded, so the same day gives the same data."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta, timezone

from sqlmodel import func, select

from app.clock import Clock, SystemClock
from app.domain import (
    BatchStatus,
    BlockKind,
    EndReason,
    InterruptionSource,
    Location,
    PauseReason,
    SessionState,
    SwitchTrigger,
    TaskType,
    Urgency,
)
from app.errors import ErrorCode, FokusError
from app.models import (
    ContextSwitch,
    FocusSession,
    Interruption,
    Project,
    ProjectBatch,
    ResumeNote,
    SessionPause,
    TimeBlock,
)
from app.paths import Paths
from app.store import Store

PROJECTS = [
    ("SIASN", "#2a9d8f", "Java, Spring Boot, PostgreSQL"),
    ("MyASN", "#e76f51", "Kotlin, Flutter, Go"),
    ("SIMPEGNAS", "#3a86ff", "PHP, Laravel, MySQL"),
    ("Data Warehouse ASN", "#8e5fa8", "Go, ClickHouse"),
    ("Portal Layanan", "#6a994e", "JavaScript, React"),
]

BATCHES = [
    ("SIASN", "Refactor employee-history API", TaskType.REFACTORING, 180, Urgency.HIGH, 3,
     "Branch feature/riwayat-v2; start from RiwayatService tests"),
    ("SIASN", "Fix rank promotion date bug", TaskType.DEBUGGING, 90, Urgency.CRITICAL, 1,
     "Ticket SIASN-1432; reproduce with NIP 1987… in staging"),
    ("SIASN", "Review pension module PR", TaskType.CODE_REVIEW, 60, Urgency.NORMAL, 4, ""),
    ("MyASN", "Offline attendance sync", TaskType.CODING, 240, Urgency.HIGH, 6,
     "Design note in docs/sync.md; conflicts resolved server-side"),
    ("MyASN", "Evaluate Flutter 4 migration", TaskType.RESEARCH, 120, Urgency.LOW, 14, ""),
    ("SIMPEGNAS", "Leave-balance report query", TaskType.CODING, 90, Urgency.NORMAL, 5,
     "Slow query log from 12 Nov; check index on cuti.tanggal"),
    ("SIMPEGNAS", "Sprint planning", TaskType.SPRINT_PLANNING, 60, Urgency.NORMAL, 2, ""),
    ("Data Warehouse ASN", "Nightly ETL retries", TaskType.CODING, 120, Urgency.NORMAL, 8,
     "Job etl_pegawai fails on timeouts; add backoff"),
    ("Data Warehouse ASN", "Document data dictionary", TaskType.DOCUMENTATION, 90, Urgency.LOW,
     20, ""),
    ("Portal Layanan", "Accessibility pass on forms", TaskType.CODING, 90, Urgency.NORMAL, 10, ""),
]

NOTES = [
    "Stopped at the mapper for golongan; next: unit test for the edge case",
    "Query plan saved in /tmp/plan.txt; next: try the composite index",
    "PR comments answered except the naming one",
    "Sync conflicts reproduce on airplane mode; next: log the vector clock",
]


def _local(day: date, at: time, offset_min: int) -> datetime:
    return datetime.combine(day, at, tzinfo=timezone(timedelta(minutes=offset_min))).astimezone(UTC)


def run_demo(paths: Paths, weeks: int = 4, clock: Clock | None = None) -> dict[str, int]:
    clock = clock or SystemClock()
    store = Store(paths.database)
    try:
        with store.transaction() as s:
            if s.exec(select(func.count()).select_from(Project)).one():
                raise FokusError(ErrorCode.INVALID_VALUE, field="data-dir",
                                 value=f"{paths.data_dir} (already has projects)")
        return fill(store, clock, weeks)
    finally:
        store.close()


def fill(store: Store, clock: Clock, weeks: int) -> dict[str, int]:
    now = clock.now()
    offset = clock.utc_offset_minutes(now)
    local_today = now.astimezone(timezone(timedelta(minutes=offset))).date()
    rng = random.Random(local_today.toordinal())
    counts = {"projects": 0, "batches": 0, "sessions": 0}
    with store.transaction() as s:
        projects: dict[str, Project] = {}
        for name, colour, stack in PROJECTS:
            p = Project(name=name, colour=colour, tech_stack=stack,
                        created_at=now - timedelta(weeks=weeks + 2))
            s.add(p)
            projects[name] = p
        s.flush()
        batches: list[ProjectBatch] = []
        for pname, title, ttype, est, urg, due_in, note in BATCHES:
            b = ProjectBatch(
                project_id=projects[pname].id, title=title, task_type=ttype,  # type: ignore[arg-type]
                estimate_minutes=est, urgency=urg, due_date=local_today + timedelta(days=due_in),
                prep_note=note, created_at=now - timedelta(days=rng.randint(3, 20)),
            )
            s.add(b)
            batches.append(b)
        done = ProjectBatch(
            project_id=projects["SIASN"].id, title="Upgrade Spring Boot", task_type=TaskType.CODING,  # type: ignore[arg-type]
            estimate_minutes=120, urgency=Urgency.NORMAL, status=BatchStatus.DONE,
            created_at=now - timedelta(days=25), done_at=now - timedelta(days=9),
        )
        s.add(done)
        s.flush()
        counts["projects"] = len(projects)
        counts["batches"] = len(batches) + 1
        deep = [b for b in batches if b.task_type in
                (TaskType.CODING, TaskType.DEBUGGING, TaskType.REFACTORING, TaskType.RESEARCH)]

        # History: sessions on past work days, mostly inside the deep-work windows.
        first = local_today - timedelta(weeks=weeks)
        day = first
        previous_project: int | None = None
        while day < local_today:
            if day.weekday() < 5:
                office = day.weekday() in (1, 2)
                slots = [time(8, 5), time(15, 10)] if office else [
                    time(8, 0), time(9, 40), time(13, 0), time(15, 5)]
                for slot in slots:
                    if rng.random() < 0.2:
                        continue
                    batch = rng.choice(deep)
                    minutes = rng.choice((25, 50, 90, 90))
                    start = _local(day, slot, offset) + timedelta(minutes=rng.randint(0, 10))
                    abandoned = rng.random() < 0.15
                    focused = minutes * 60 if not abandoned else rng.randint(8, minutes - 5) * 60
                    pause_s = rng.choice((0, 0, 0, 300, 600))
                    end = start + timedelta(seconds=focused + pause_s)
                    fs = FocusSession(
                        project_id=batch.project_id, batch_id=batch.id,
                        planned_minutes=minutes, started_at=start, utc_offset_min=offset,
                        ended_at=end, heartbeat_at=end,
                        state=SessionState.ABANDONED if abandoned else SessionState.FINISHED,
                        end_reason=EndReason.STOPPED if abandoned else EndReason.COMPLETED,
                        flow_rating=rng.choice((None, 3, 4, 4, 5)), source="tray",
                    )
                    s.add(fs)
                    s.flush()
                    counts["sessions"] += 1
                    if pause_s:
                        p_start = start + timedelta(seconds=focused // 2)
                        s.add(SessionPause(session_id=fs.id, started_at=p_start,  # type: ignore[arg-type]
                                           ended_at=p_start + timedelta(seconds=pause_s),
                                           reason=PauseReason.USER))
                    if previous_project is not None and previous_project != batch.project_id:
                        s.add(ContextSwitch(
                            at=start, utc_offset_min=offset, from_project_id=previous_project,
                            to_project_id=batch.project_id,
                            trigger=rng.choice(list(SwitchTrigger)), source="tray"))
                        s.add(ResumeNote(project_id=previous_project, written_at=start,
                                         text=rng.choice(NOTES)))
                    if rng.random() < 0.3:
                        s.add(Interruption(
                            at=start + timedelta(minutes=rng.randint(5, 20)), utc_offset_min=offset,
                            session_id=fs.id, source=rng.choice(list(InterruptionSource)),
                            minutes=rng.choice((None, 5, 10, 15))))
                    previous_project = batch.project_id
            day += timedelta(days=1)

        # This week's plan: deep blocks in the no-meeting windows of remote
        # days, a collaborative block in the office days' core hours.
        monday = local_today - timedelta(days=local_today.weekday())
        for i in range(5):
            d = monday + timedelta(days=i)
            if d.weekday() in (1, 2):
                b = next(x for x in batches if x.task_type == TaskType.SPRINT_PLANNING)
                s.add(TimeBlock(project_id=b.project_id, batch_id=b.id,
                                start_at=_local(d, time(10, 0), offset),
                                end_at=_local(d, time(11, 0), offset), utc_offset_min=offset,
                                kind=BlockKind.COLLABORATIVE, location=Location.OFFICE,
                                source="demo"))
                continue
            for j, (a, z) in enumerate(((time(8, 0), time(9, 30)), (time(15, 0), time(16, 30)))):
                b = deep[(i * 2 + j) % len(deep)]
                s.add(TimeBlock(project_id=b.project_id, batch_id=b.id,
                                start_at=_local(d, a, offset), end_at=_local(d, z, offset),
                                utc_offset_min=offset, kind=BlockKind.DEEP,
                                location=Location.REMOTE, source="demo"))
    return counts
