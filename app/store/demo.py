"""``fokus demo``: a realistic database for trying Fokus and for screenshots:
five projects, open batches and the batches done in the last weeks, weeks of
focus sessions, a team calendar, and this week and the next planned.

Everything is dated relative to today, so the demo always looks current. The
generator is seeded, so the same day gives the same data."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

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
from app.i18n import _
from app.platform.paths import Paths
from app.store.engine import Store
from app.store.models import (
    ContextSwitch,
    FocusSession,
    Interruption,
    Project,
    ProjectBatch,
    Reflection,
    ResumeNote,
    SessionPause,
    TimeBlock,
)

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


HELPED = ["Quiet morning at home", "Batching all SIASN tickets", "No meetings before 10",
          "Clear spec from the PIC", ""]
HINDERED = ["Chat pings during the deep window", "Unplanned production issue",
            "Switching between three projects", "Long meeting ran over", ""]

HISTORY = [
    ("SIASN", "Upgrade Spring Boot to 3.3", TaskType.CODING),
    ("SIASN", "Audit-trail for rank changes", TaskType.CODING),
    ("MyASN", "Push notifications for leave approval", TaskType.CODING),
    ("SIMPEGNAS", "Fix payroll rounding bug", TaskType.DEBUGGING),
    ("Data Warehouse ASN", "Partition the attendance fact table", TaskType.REFACTORING),
    ("Portal Layanan", "Evaluate a design system", TaskType.RESEARCH),
]


def demo_calendar(monday: date, weeks: int, zone: str) -> str:
    """A team calendar the way Google exports it: a daily stand-up (inside the
    morning no-meeting window, as in many teams), weekly planning on Tuesday,
    a sprint review every other Thursday, and a public holiday."""
    first = monday - timedelta(weeks=weeks)
    stamp = "20260101T000000Z"

    def dt(d: date, hh: int, mm: int) -> str:
        return f"{d:%Y%m%d}T{hh:02d}{mm:02d}00"

    events = [
        ("standup", "Daily stand-up", dt(first, 9, 30), dt(first, 9, 45),
         "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        ("planning", "Weekly planning", dt(first + timedelta(days=1), 10, 0),
         dt(first + timedelta(days=1), 11, 0), "RRULE:FREQ=WEEKLY;BYDAY=TU"),
        ("review", "Sprint review", dt(first + timedelta(days=3), 13, 0),
         dt(first + timedelta(days=3), 14, 0), "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"),
        ("vendor", "Vendor call: BKN data exchange", dt(monday + timedelta(days=3), 15, 30),
         dt(monday + timedelta(days=3), 16, 0), ""),
    ]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Fokus//demo//EN",
             f"X-WR-TIMEZONE:{zone}"]
    for uid, title, start, end, rule in events:
        lines += ["BEGIN:VEVENT", f"UID:{uid}@fokus.demo", f"DTSTAMP:{stamp}",
                  f"DTSTART;TZID={zone}:{start}", f"DTEND;TZID={zone}:{end}",
                  f"SUMMARY:{title}"] + ([rule] if rule else []) + ["END:VEVENT"]
    holiday = monday + timedelta(weeks=2, days=4)
    lines += ["BEGIN:VEVENT", "UID:holiday@fokus.demo", f"DTSTAMP:{stamp}",
              f"DTSTART;VALUE=DATE:{holiday:%Y%m%d}",
              f"DTEND;VALUE=DATE:{holiday + timedelta(days=1):%Y%m%d}",
              # the one title a calendar would show in the user's language
              f"SUMMARY:{_('Public holiday')}", "TRANSP:TRANSPARENT", "END:VEVENT",
              "END:VCALENDAR"]
    return "\r\n".join(lines) + "\r\n"


def run_demo(paths: Paths, weeks: int = 4, clock: Clock | None = None) -> dict[str, int]:
    clock = clock or SystemClock()
    store = Store(paths.database)
    try:
        with store.transaction() as s:
            if s.exec(select(func.count()).select_from(Project)).one():
                raise FokusError(ErrorCode.INVALID_VALUE, field="data-dir",
                                 value=f"{paths.data_dir} (already has projects)")
        return fill(store, clock, weeks, calendar_dir=paths.data_dir)
    finally:
        store.close()


def fill(store: Store, clock: Clock, weeks: int,
         calendar_dir: Path | None = None, parse_apart: bool = False) -> dict[str, int]:
    """``parse_apart``: the team calendar is parsed by the calendar reader
    process (the tray's way: its interpreter never imports the calendar
    libraries), not in this process."""
    from app.week.service import WeekService
    from app.week.workmodel import WorkModel, iso_week_of

    now = clock.now()
    zone = clock.zone()
    offset = clock.utc_offset_minutes(now)
    local_today = now.astimezone(zone).date()
    rng = random.Random(local_today.toordinal())
    model = WorkModel()
    counts = {"projects": 0, "batches": 0, "sessions": 0}

    def at(day: date, hh: int, mm: int = 0) -> datetime:
        return datetime.combine(day, time(hh, mm), tzinfo=zone).astimezone(UTC)

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
        history: list[ProjectBatch] = []
        for pname, title, ttype in HISTORY:
            b = ProjectBatch(
                project_id=projects[pname].id, title=title, task_type=ttype,  # type: ignore[arg-type]
                estimate_minutes=600, urgency=Urgency.NORMAL, status=BatchStatus.DONE,
                created_at=now - timedelta(weeks=weeks + 1), done_at=now - timedelta(days=3))
            s.add(b)
            history.append(b)
        s.flush()
        counts["projects"] = len(projects)
        counts["batches"] = len(batches) + len(history)

        # History: sessions on past work days, mostly inside the deep-work
        # windows, on the batches that are done by now.
        day = local_today - timedelta(weeks=weeks)
        previous_project: int | None = None
        monday = local_today - timedelta(days=local_today.weekday())
        while day < local_today:
            if model.day_kind(day).is_workday:
                office = model.day_kind(day).value == "WFO"
                slots = [(8, 5), (15, 10)] if office else [(8, 0), (13, 0), (15, 5)]
                for hh, mm in slots:
                    if rng.random() < 0.2:
                        continue
                    batch = rng.choice(history)
                    minutes = rng.choice((25, 50, 90, 90))
                    start = at(day, hh, mm) + timedelta(minutes=rng.randint(0, 10))
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
                    if day >= monday:
                        # This week's past days show what had been planned.
                        s.add(TimeBlock(project_id=batch.project_id, batch_id=batch.id,
                                        start_at=at(day, hh, mm), end_at=at(day, hh, mm)
                                        + timedelta(minutes=90 if minutes > 50 else 60),
                                        utc_offset_min=offset, kind=BlockKind.DEEP,
                                        location=Location(model.day_kind(day).value),
                                        source="demo"))
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
                if rng.random() < 0.85:
                    # The end-of-day reflection, most days.
                    good = rng.random()
                    s.add(Reflection(
                        day=day, answered_at=at(day, 16, 45),
                        satisfaction=3 + (good > 0.4) + (good > 0.8),
                        energy=rng.choice((2, 3, 3, 4, 4, 5)),
                        focus_ability=rng.choice((2, 3, 4, 4, 5)),
                        productivity=rng.choice((3, 4, 4, 5, 6)),
                        flow=rng.choice(("not_at_all", "once", "once", "several")),
                        helped=rng.choice(HELPED), hindered=rng.choice(HINDERED),
                        burnout=rng.choice((None, 1, 2, 2, 3))))
            day += timedelta(days=1)

    # The team calendar, then the planner for the rest of this week and the next.
    week = WeekService(store, clock)
    week.parse_apart = parse_apart
    if calendar_dir is not None:
        zone_name = getattr(zone, "key", None) or "UTC"
        ics = calendar_dir / "demo-team-calendar.ics"
        ics.write_text(demo_calendar(monday, weeks, zone_name), encoding="utf-8")
        week.import_calendar(ics)
    for first in (monday, monday + timedelta(weeks=1)):
        week.plan(iso_week_of(first), apply=True)
    return counts
