"""The planner on real weeks, through WeekService and a FakeClock: public
holidays and cuti bersama, all-day events, lunch, the shortest deep block, due
dates as hard limits, work placed in an earlier week, a stable baseline, and
sessions started from a block."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.cli.commands import execute
from app.cli.commands.week import _plan_text
from app.clock import FakeClock
from app.domain import BlockKind, TaskType, Urgency
from app.service import FokusService
from app.store.settings import FOCUS_MINUTES, HOLIDAY_COUNTRY, MIN_DEEP_BLOCK_MINUTES, Settings
from app.week.planner import Reason, Strategy
from app.week.service import WeekService
from app.week.workmodel import DayKind, Span, WindowKind, WorkModel

WIB = timezone(timedelta(hours=7))
CHRISTMAS_WEEK = "2026-W52"  # Monday 21 December 2026: 24th cuti bersama, 25th Christmas
NOV_WEEK = "2026-W48"  # Monday 23 November 2026


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=WIB)


def set_now(clock: FakeClock, when: datetime) -> None:
    clock.current = when.astimezone(UTC)


@pytest.fixture
def week(service: FokusService, clock: FakeClock) -> WeekService:
    set_now(clock, at(date(2026, 12, 20), 20))  # Sunday evening before Christmas week
    return service.week


def local_days(week: WeekService, blocks: list) -> list[date]:  # type: ignore[type-arg]
    return sorted({week.local(b.start).date() for b in blocks})


# -- public holidays -------------------------------------------------------------------

def test_cuti_bersama_and_christmas_are_days_off_by_default(
        service: FokusService, week: WeekService) -> None:
    model = week.work_model()
    assert model.day_kind(date(2026, 12, 24)) == DayKind.HOLIDAY  # cuti bersama
    assert model.day_kind(date(2026, 12, 25)) == DayKind.HOLIDAY  # Christmas, a Friday
    assert model.day_kind(date(2026, 12, 23)) == DayKind.OFFICE
    assert model.holiday_name(date(2026, 12, 24), "id") == "Cuti Bersama Hari Raya Natal"
    assert model.holiday_name(date(2026, 12, 25), "en_US") == "Christmas Day"
    assert model.window_at(date(2026, 12, 24), 9 * 60)[0] == WindowKind.OUTSIDE

    service.add_project("SIASN")
    service.add_batch("SIASN", "Sync API", TaskType.CODING, 20 * 60)
    plan = week.plan(CHRISTMAS_WEEK)
    days = local_days(week, plan.new_blocks)
    assert days and date(2026, 12, 24) not in days and date(2026, 12, 25) not in days
    assert max(days) == date(2026, 12, 23)


def test_a_date_exception_still_overrides_a_holiday(service: FokusService,
                                                     week: WeekService) -> None:
    model = week.work_model()
    week.set_work_model(WorkModel(overrides={date(2026, 12, 24): DayKind.REMOTE},
                                  focus_minutes=model.focus_minutes))
    model = week.work_model()
    assert model.day_kind(date(2026, 12, 24)) == DayKind.REMOTE
    assert model.holiday_name(date(2026, 12, 24)) is None
    service.add_project("SIASN")
    service.add_batch("SIASN", "Sync API", TaskType.CODING, 20 * 60)
    assert date(2026, 12, 24) in local_days(week, week.plan(CHRISTMAS_WEEK).new_blocks)


def test_the_holiday_country_is_a_setting(service: FokusService, week: WeekService) -> None:
    settings = Settings(service.store)
    assert settings.get(HOLIDAY_COUNTRY) == "ID"
    settings.set(HOLIDAY_COUNTRY, "")
    assert week.work_model().day_kind(date(2026, 12, 24)) == DayKind.REMOTE
    settings.set(HOLIDAY_COUNTRY, "SG")  # Singapore: Christmas, no cuti bersama
    assert week.work_model().day_kind(date(2026, 12, 24)) == DayKind.REMOTE
    assert week.work_model().day_kind(date(2026, 12, 25)) == DayKind.HOLIDAY
    from app.errors import FokusError

    with pytest.raises(FokusError):
        settings.set(HOLIDAY_COUNTRY, "XX")


# -- calendar days and lunch --------------------------------------------------------------

def _calendar(path: Path, *events: str) -> Path:
    path.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + "".join(
        events) + "END:VCALENDAR\r\n", encoding="utf-8")
    return path


def _all_day(uid: str, day: date, title: str, transp: str) -> str:
    return (f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T000000Z\r\n"
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}\r\n"
            f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}\r\nSUMMARY:{title}\r\n"
            f"TRANSP:{transp}\r\nEND:VEVENT\r\n")


def test_a_busy_all_day_event_blocks_its_day_and_a_free_one_does_not(
        service: FokusService, clock: FakeClock, tmp_path: Path) -> None:
    set_now(clock, at(date(2026, 11, 22), 20))
    week = service.week
    week.import_calendar(_calendar(
        tmp_path / "team.ics",
        _all_day("training", date(2026, 11, 23), "Off-site training", "OPAQUE"),
        _all_day("birthday", date(2026, 11, 26), "Rina's birthday", "TRANSPARENT")))
    service.add_project("SIASN")
    service.add_batch("SIASN", "Sync API", TaskType.CODING, 20 * 60)
    days = local_days(week, week.plan(NOV_WEEK).new_blocks)
    assert date(2026, 11, 23) not in days  # the training takes Monday
    assert date(2026, 11, 26) in days  # a birthday takes nothing


def test_the_lunch_break_stays_free_and_is_longer_on_friday(
        service: FokusService, clock: FakeClock) -> None:
    set_now(clock, at(date(2026, 11, 22), 20))
    week = service.week
    model = week.work_model()
    assert model.lunch_on(date(2026, 11, 23)) == Span.parse("12:00-13:00")
    assert model.lunch_on(date(2026, 11, 27)) == Span.parse("11:30-13:00")  # Friday prayers
    assert model.window_at(date(2026, 11, 27), 11 * 60 + 45)[0] == WindowKind.OTHER
    service.add_project("SIASN")
    # Collaborative work fills core hours, where lunch is.
    service.add_batch("SIASN", "Reviews", TaskType.CODE_REVIEW, 40 * 60)
    blocks = week.plan(NOV_WEEK).new_blocks
    assert blocks
    for b in blocks:
        start, end = week.local(b.start), week.local(b.end)
        lunch = model.lunch_on(start.date())
        assert lunch is not None
        a, z = lunch.at(start.date(), WIB)
        assert end <= a or start >= z, (start, end)
    # Per weekday, kept in the model's JSON.
    changed = WorkModel(lunch={0: Span.parse("12:30-13:30")})
    assert WorkModel.from_json(changed.to_json()).lunch == {0: Span.parse("12:30-13:30")}


# -- shortest deep block and meetings ---------------------------------------------------------

def _meeting(uid: str, start: datetime, end: datetime, title: str) -> str:
    fmt = "%Y%m%dT%H%M%SZ"
    return (f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T000000Z\r\n"
            f"DTSTART:{start.astimezone(UTC):{fmt}}\r\nDTEND:{end.astimezone(UTC):{fmt}}\r\n"
            f"SUMMARY:{title}\r\nEND:VEVENT\r\n")


def test_no_deep_block_shorter_than_the_minimum_and_none_runs_into_a_meeting(
        service: FokusService, clock: FakeClock, tmp_path: Path) -> None:
    set_now(clock, at(date(2026, 11, 22), 20))
    week = service.week
    monday = date(2026, 11, 23)
    # Monday's morning window 08:00-10:00 keeps 08:40-09:20 (40 min) between two
    # meetings; the afternoon window is taken.
    week.import_calendar(_calendar(
        tmp_path / "cal.ics",
        _meeting("a", at(monday, 8), at(monday, 8, 40), "Incident call"),
        _meeting("b", at(monday, 9, 20), at(monday, 10), "Daily stand-up"),
        _meeting("c", at(monday, 15), at(monday, 17), "Training")))
    service.add_project("SIASN")
    service.add_batch("SIASN", "Sync API", TaskType.CODING, 90, due_date=monday)
    plan = week.plan(NOV_WEEK)
    assert plan.new_blocks == []
    assert [(u.reason, u.at_risk) for u in plan.unplaced] == [(Reason.BEFORE_DUE, True)]
    Settings(service.store).set(MIN_DEEP_BLOCK_MINUTES, 30)
    plan = week.plan(NOV_WEEK)
    assert [(week.local(b.start).time(), week.local(b.end).time()) for b in plan.new_blocks] \
        == [(at(monday, 8, 40).time(), at(monday, 9, 20).time())]  # ends at the stand-up


def test_what_cannot_fit_before_its_due_date_is_at_risk_by_name(
        service: FokusService, week: WeekService) -> None:
    service.add_project("SIASN")
    service.add_batch("SIASN", "Year-end report", TaskType.CODING, 20 * 60,
                      urgency=Urgency.HIGH, due_date=date(2026, 12, 22))
    service.add_batch("SIASN", "Last year's audit", TaskType.CODING, 120,
                      due_date=date(2026, 12, 18))
    plan = week.plan(CHRISTMAS_WEEK)
    assert all(week.local(b.end).date() <= date(2026, 12, 22) for b in plan.new_blocks)
    result = execute(service, "plan", {"week": CHRISTMAS_WEEK})
    text = _plan_text(result)
    assert "Year-end report" in text and "Last year's audit" in text
    reasons = {u["batch"]: u["reason"] for u in result["unplaced"]}
    assert reasons == {"Year-end report": "before_due", "Last year's audit": "overdue"}
    assert "before_due" not in text and "overdue" not in text  # words, not codes


# -- what was placed before, and the baseline ---------------------------------------------------

def test_work_placed_in_an_earlier_week_is_not_placed_again(
        service: FokusService, clock: FakeClock) -> None:
    set_now(clock, at(date(2026, 11, 23), 7))  # Monday morning
    week = service.week
    service.add_project("SIASN")
    batch = service.add_batch("SIASN", "Sync API", TaskType.CODING, 6 * 60)
    week.plan(NOV_WEEK, apply=True)
    placed = sum(b.minutes for b in week.plan(NOV_WEEK).blocks)
    assert placed >= 6 * 60 - 45
    nxt = week.plan("2026-W49")
    assert [b for b in nxt.new_blocks if b.batch_id == batch.id] == []
    # The next week takes what did not fit: a bigger batch spills over, once.
    big = service.add_batch("SIASN", "Migration", TaskType.CODING, 40 * 60)
    week.plan(NOV_WEEK, apply=True)
    this_week = sum(b.minutes for b in week.plan(NOV_WEEK).blocks if b.batch_id == big.id)
    next_week = sum(b.minutes for b in week.plan("2026-W49").new_blocks
                    if b.batch_id == big.id)
    assert this_week + next_week <= 40 * 60 + 45


def test_the_plan_never_beats_its_baseline_in_switches_and_the_baseline_holds_after_apply(
        service: FokusService, clock: FakeClock) -> None:
    set_now(clock, at(date(2026, 11, 22), 20))
    week = service.week
    for name in ("SIASN", "e-Kinerja", "SIMPEG"):
        service.add_project(name)
        service.add_batch(name, f"{name} coding", TaskType.CODING, 300)
        service.add_batch(name, f"{name} review", TaskType.CODE_REVIEW, 60)
    zone = clock.zone()
    plan = week.plan(NOV_WEEK)
    before = week.plan(NOV_WEEK, strategy=Strategy.URGENCY_FIRST).switches(zone)
    assert plan.switches(zone) <= before
    result = execute(service, "plan", {"week": NOV_WEEK, "apply": True})
    assert result["switches"] == plan.switches(zone)
    assert result["baseline_switches"] == before
    after = week.plan(NOV_WEEK, strategy=Strategy.URGENCY_FIRST).switches(zone)
    assert after == before


# -- a session started from a block -----------------------------------------------------------

def test_a_session_started_in_a_block_lasts_until_the_block_ends(
        service: FokusService, clock: FakeClock) -> None:
    monday = date(2026, 11, 23)
    set_now(clock, at(monday, 8, 20))
    project = service.add_project("SIASN")
    batch = service.add_batch("SIASN", "Sync API", TaskType.CODING, 120)
    assert project.id is not None and batch.id is not None
    service.week.add_block(project.id, batch.id, at(monday, 8), at(monday, 9, 30),
                           BlockKind.DEEP)
    view = service.start(project.id, batch.id)
    assert view.planned_minutes == 70
    service.stop()
    set_now(clock, at(monday, 10))  # no block now: the focus length
    assert service.start(project.id).planned_minutes == Settings(service.store).get(
        FOCUS_MINUTES)
