"""The hybrid week: work model, matrix, calendar import, conflicts, planner."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.clock import FakeClock
from app.domain import BlockKind, TaskType
from app.errors import ErrorCode, FokusError
from app.service import FokusService
from app.week.allocation import Allocation, Place, Window
from app.week.planner import Strategy
from app.week.service import Conflict, WeekService
from app.week.workmodel import DayKind, Span, WindowKind, WorkModel, iso_week_days

DATA = Path(__file__).parents[1] / "data"
WIB = timezone(timedelta(hours=7))
WEEK = "2026-W48"  # Monday 23 November 2026


@pytest.fixture
def week(service: FokusService, clock: FakeClock) -> WeekService:
    # Sunday evening before the week, Jakarta time.
    clock.current = datetime(2026, 11, 22, 20, 0, tzinfo=WIB).astimezone(UTC)
    return WeekService(service.store, clock)


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 23 + day, hour, minute, tzinfo=WIB)


# -- work model ---------------------------------------------------------------------

def test_default_model_is_the_thesis_model() -> None:
    m = WorkModel()
    kinds = [m.day_kind(d) for d in iso_week_days(WEEK)]
    assert kinds == [DayKind.REMOTE, DayKind.OFFICE, DayKind.OFFICE, DayKind.REMOTE,
                     DayKind.REMOTE, DayKind.OFF, DayKind.OFF]
    monday = date(2026, 11, 23)
    assert m.window_at(monday, 8 * 60)[0] == WindowKind.DEEP
    assert m.window_at(monday, 10 * 60)[0] == WindowKind.CORE
    assert m.window_at(monday, 16 * 60 + 59)[0] == WindowKind.DEEP
    assert m.window_at(monday, 17 * 60)[0] == WindowKind.OUTSIDE
    assert m.problems() == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"no_meeting": (Span.parse("07:00-09:00"),)}, "outside_work_hours"),
        ({"no_meeting": (Span.parse("08:00-09:30"), Span.parse("09:00-10:00"))},
         "windows_overlap"),
        ({"no_meeting": (Span.parse("09:00-11:00"),)}, "overlaps_core"),
        ({"week": {i: DayKind.OFF for i in range(7)}}, "empty_week"),
        ({"core_hours": Span.parse("15:00-10:00")}, "empty_span"),
        ({"max_projects_per_day": 0}, "bad_limit"),
    ],
)
def test_invalid_models_are_refused_with_the_reason(change: dict[str, object],
                                                    problem: str) -> None:
    from dataclasses import replace

    model = replace(WorkModel(), **change)  # type: ignore[arg-type]
    with pytest.raises(FokusError) as err:
        model.checked()
    assert err.value.code == ErrorCode.INVALID_WORK_MODEL
    assert err.value.params["problem"] == problem


def test_model_and_overrides_round_trip(week: WeekService) -> None:
    from dataclasses import replace

    model = replace(WorkModel(), overrides={date(2026, 11, 24): DayKind.REMOTE,
                                            date(2026, 11, 27): DayKind.HOLIDAY})
    week.set_work_model(model)
    again = week.work_model()
    assert again == model
    assert again.day_kind(date(2026, 11, 24)) == DayKind.REMOTE
    assert again.windows(date(2026, 11, 27), WindowKind.DEEP) == []
    with pytest.raises(FokusError):
        WorkModel.from_json({"work_hours": "eight to five"})


def test_matrix_defaults_and_edits(week: WeekService) -> None:
    matrix = week.matrix()
    assert matrix[TaskType.CODING] == Allocation(Place.REMOTE, Window.DEEP)
    assert matrix[TaskType.PAIR_PROGRAMMING].block_kind == BlockKind.COLLABORATIVE
    edited = matrix.with_allocation(TaskType.DOCUMENTATION, Allocation(Place.OFFICE, Window.CORE))
    week.set_matrix(edited)
    assert week.matrix()[TaskType.DOCUMENTATION].window == Window.CORE
    assert not week.matrix().is_default(TaskType.DOCUMENTATION)


# -- calendars ------------------------------------------------------------------------

def titles(week: WeekService) -> list[tuple[str, str, bool]]:
    _, start, end = week.week_bounds(WEEK)
    return [(m.title, week.local(m.start_at).strftime("%a %H:%M"), m.all_day)
            for m in week.meetings(start, end)]


def test_outlook_export_with_windows_zones_recurrence_and_exceptions(week: WeekService) -> None:
    result = week.import_calendar(DATA / "outlook.ics")
    assert result.meetings > 20  # a daily series expanded
    assert titles(week) == [
        ("Daily stand-up", "Mon 09:30", False),
        ("Daily stand-up", "Tue 09:30", False),
        ("Daily stand-up (moved)", "Wed 11:00", False),  # a moved instance
        # Thursday is an EXDATE
        ("Daily stand-up", "Fri 09:30", False),
        ("Sprint review SIASN", "Fri 14:00", False),  # W. Europe Standard Time, 08:00 CET
    ]
    # 09:30 is inside the 08:00-10:00 no-meeting window: the number a PIC needs.
    _, start, end = week.week_bounds(WEEK)
    assert len(week.meetings_in_deep_windows(start, end)) == 3  # Mon, Tue, Fri stand-ups


def test_google_export_with_cancelled_instance_and_all_day(week: WeekService) -> None:
    week.import_calendar(DATA / "google.ics")
    assert titles(week) == [
        ("Weekly planning", "Tue 10:00", False),
        ("Vendor call (in a deep-work window)", "Thu 09:00", False),
    ]
    _, start, end = week.week_bounds("2026-W50")
    assert [m.title for m in week.meetings(start, end)] == []  # cancelled on 8 Dec
    _, start, end = week.week_bounds("2026-W52")
    christmas = week.meetings(start, end)
    assert [(m.title, m.all_day) for m in christmas] == [
        ("Weekly planning", False), ("Hari Raya Natal", True)]


def test_apple_export_with_exdate_and_all_day(week: WeekService) -> None:
    week.import_calendar(DATA / "apple.ics")
    assert titles(week) == [("Sync with PIC", "Mon 15:00", False), ("Cuti", "Fri 00:00", True)]
    _, start, end = week.week_bounds("2026-W49")
    assert week.meetings(start, end) == []  # the EXDATE on 30 November


def test_reimport_replaces_without_duplicates(week: WeekService, tmp_path: Path) -> None:
    path = tmp_path / "team.ics"
    path.write_bytes((DATA / "google.ics").read_bytes())
    first = week.import_calendar(path).meetings
    assert week.import_calendar(path).meetings == first
    _, start, end = week.week_bounds(WEEK)
    assert len(week.meetings(start, end)) == 2
    path.write_bytes((DATA / "apple.ics").read_bytes())
    week.import_calendar(path)
    assert [m.title for m in week.meetings(start, end)] == ["Sync with PIC", "Cuti"]
    assert len(week.calendars()) == 1


@pytest.mark.parametrize(
    ("name", "needle"),
    [("broken-date.ics", "Broken"), ("truncated.ics", "cut short"),
     ("../unit/test_week.py", "not an iCalendar file"), ("missing.ics", "No such file")],
)
def test_malformed_calendar_imports_nothing(week: WeekService, name: str, needle: str) -> None:
    week.import_calendar(DATA / "google.ics")
    _, start, end = week.week_bounds(WEEK)
    before = titles(week)
    with pytest.raises(FokusError) as err:
        week.import_calendar(DATA / name)
    assert err.value.code == ErrorCode.CALENDAR_INVALID
    assert needle in str(err.value.params["reason"])
    assert titles(week) == before


# -- blocks and conflicts ---------------------------------------------------------------

def test_conflicts_are_flagged_where_they_are(week: WeekService, service: FokusService) -> None:
    a = service.add_project("SIASN").id
    b = service.add_project("MyASN").id
    c = service.add_project("SIMPEGNAS").id
    assert a and b and c
    review = service.add_batch("SIASN", "Review", TaskType.CODE_REVIEW)
    week.import_calendar(DATA / "google.ics")  # Tue 10:00-11:00 weekly planning
    deep_core = week.add_block(a, None, local(0, 11), local(0, 12))
    collab_deep = week.add_block(a, review.id, local(0, 8), local(0, 9))
    over_meeting = week.add_block(b, None, local(1, 10, 30), local(1, 11, 30),
                                  kind=BlockKind.COLLABORATIVE)
    outside = week.add_block(c, None, local(3, 17), local(3, 18))
    week.add_block(a, None, local(4, 8), local(4, 9))
    week.add_block(b, None, local(4, 9), local(4, 10))
    third = week.add_block(c, None, local(4, 15), local(4, 16))
    _, start, end = week.week_bounds(WEEK)
    found = week.conflicts(start, end)
    assert found[deep_core.id] == [Conflict.DEEP_IN_CORE]  # type: ignore[index]
    assert found[collab_deep.id] == [Conflict.COLLAB_IN_DEEP]  # type: ignore[index]
    assert found[over_meeting.id] == [Conflict.OVER_MEETING]  # type: ignore[index]
    assert found[outside.id] == [Conflict.OUTSIDE_WORK]  # type: ignore[index]
    assert found[third.id] == [Conflict.TOO_MANY_PROJECTS]  # type: ignore[index]
    assert len(found) == 5
    assert over_meeting.location == "WFO" and outside.location == "WFA"


def test_blocks_move_and_go(week: WeekService, service: FokusService) -> None:
    pid = service.add_project("SIASN").id
    assert pid
    block = week.add_block(pid, None, local(0, 8), local(0, 9, 30))
    moved = week.move_block(block.id, local(1, 15), local(1, 16))  # type: ignore[arg-type]
    assert moved.location == "WFO"
    with pytest.raises(FokusError):
        week.move_block(block.id, local(1, 16), local(1, 15))  # type: ignore[arg-type]
    week.remove_block(block.id)  # type: ignore[arg-type]
    with pytest.raises(FokusError) as err:
        week.remove_block(block.id)  # type: ignore[arg-type]
    assert err.value.code == ErrorCode.UNKNOWN_BLOCK


@pytest.mark.parametrize("today", [date(2026, 11, 22), date(2026, 11, 24), date(2026, 11, 27)])
def test_demo_week_plan_keeps_the_rules_and_beats_urgency_first(
        service: FokusService, clock: FakeClock, tmp_path: Path, today: date) -> None:
    from app.store.demo import fill
    from app.week.planner import count_switches
    from app.week.workmodel import iso_week_of

    clock.current = datetime.combine(today, datetime.min.time(), tzinfo=WIB).replace(
        hour=7).astimezone(UTC)
    fill(service.store, clock, weeks=4, calendar_dir=tmp_path)
    week = WeekService(service.store, clock)
    next_week = iso_week_of(today + timedelta(weeks=1))
    _, start, end = week.week_bounds(next_week)
    planned = [b for b in week.blocks(start, end) if b.source == "planner"]
    # What the rest of this week holds is not placed again next week.
    assert len(planned) >= 5
    conflicts = week.conflicts(start, end)
    assert {b.id: conflicts.get(b.id) for b in planned if b.id in conflicts} == {}
    assert any(m for m in week.meetings(start, end))  # the demo calendar is there
    # Against urgency-first placement of the same batches into the same week:
    from app.week.planner import PlannedBlock

    applied = [PlannedBlock(b.start_at, b.end_at, b.project_id, b.batch_id,
                            BlockKind(b.kind), b.location, new=False)  # type: ignore[arg-type]
               for b in planned]
    for b in planned:
        week.remove_block(b.id)  # type: ignore[arg-type]
    baseline = week.plan(next_week, strategy=Strategy.URGENCY_FIRST)
    zone = clock.zone()
    assert count_switches(applied, zone) <= baseline.switches(zone)
    assert sum(b.minutes for b in applied) >= 0.95 * sum(b.minutes for b in baseline.new_blocks)
