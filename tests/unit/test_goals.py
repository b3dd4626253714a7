"""Deep-work goals: the daily cap and the weekly goal from the work model."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from app.clock import FakeClock
from app.focus.goals import DAILY_CAP_SOURCE, WeekGoal, derived_weekly_goal
from app.service import FokusService
from app.store.settings import DAILY_DEEP_WORK_CAP, WEEKLY_DEEP_WORK_GOAL
from app.week.workmodel import DayKind, Span, WorkModel, iso_week_days


def test_the_weekly_goal_is_the_no_meeting_windows_of_remote_days() -> None:
    days = iso_week_days("2026-W48")
    # Three WFA days (Mon, Thu, Fri) with two 2-hour windows each.
    assert derived_weekly_goal(WorkModel(), days) == 3 * 4 * 60
    holiday = replace(WorkModel(), overrides={date(2026, 11, 26): DayKind.HOLIDAY})
    assert derived_weekly_goal(holiday, days) == 2 * 4 * 60
    short = replace(WorkModel(), no_meeting=(Span(8 * 60, 9 * 60 + 30),))
    assert derived_weekly_goal(short, days) == 3 * 90


def test_met_or_not_and_by_how_much() -> None:
    assert WeekGoal("2026-W48", 720, True, 750.4).to_json() == {
        "goal_minutes": 720, "goal_source": "work_model", "done_minutes": 750.4, "met": True,
        "difference_minutes": 30}
    short = WeekGoal("2026-W48", 720, False, 540)
    assert (short.met, short.difference_minutes) == (False, -180)
    assert not WeekGoal("2026-W48", 0, True, 0).met  # no remote day: nothing to meet


def test_progress_counts_today_and_the_week_running_session_included(
        service: FokusService, clock: FakeClock) -> None:
    project = service.add_project("SIASN")
    assert project.id is not None
    service.start(project.id, minutes=90)
    clock.advance(90 * 60)
    service.engine.tick()
    clock.advance(24 * 3600)  # Tuesday
    service.start(project.id, minutes=90)
    clock.advance(40 * 60)
    progress = service.goals.progress()
    assert progress.day == date(2026, 11, 24)
    assert round(progress.today_minutes) == 40
    assert round(progress.week.done_minutes) == 130
    assert (progress.daily_cap_minutes, progress.cap_is_default) == (240, True)
    assert progress.week.goal_minutes == 720 and progress.week.derived
    assert progress.to_json()["daily_cap_source"] == DAILY_CAP_SOURCE
    assert not progress.over_cap


def test_past_the_cap_is_shown_not_blocked(service: FokusService, clock: FakeClock) -> None:
    service.settings.set(DAILY_DEEP_WORK_CAP, 60)
    service.settings.set(WEEKLY_DEEP_WORK_GOAL, 100)
    project = service.add_project("SIASN")
    assert project.id is not None
    service.start(project.id, minutes=90)
    clock.advance(80 * 60)
    progress = service.goals.progress()
    assert progress.over_cap and progress.over_cap_minutes == 20
    assert progress.to_json()["daily_cap_source"] == "setting"
    assert (progress.week.goal_minutes, progress.week.derived, progress.week.met) == \
        (100, False, False)
    clock.advance(30 * 60)
    assert service.goals.progress().week.met
    assert service.current() is None  # ran its 90 minutes: never stopped for the cap
    assert service.engine.get(1) is not None
    assert service.goals.focus_minutes(clock.now() - timedelta(days=1), clock.now()) == 90


def test_the_weekly_report_says_goal_met_or_not_and_breaks_taken_against_suggested(
        service: FokusService, clock: FakeClock, tmp_path: object) -> None:
    from pathlib import Path

    from app.reports.export import build_report, validate
    from app.reports.metrics import Metrics
    from app.reports.pdf import goal_and_break_rows, render_pdf

    project = service.add_project("SIASN")
    assert project.id is not None
    for _day in range(2):
        service.start(project.id, minutes=90)
        clock.advance(90 * 60)
        service.engine.tick()  # a 10-minute break
        clock.advance(11 * 60)
        service.breaks.tick()
        service.start(project.id, minutes=90)
        clock.advance(60 * 60)
        service.stop()  # a 10-minute break, skipped
        service.breaks.skip()
        clock.advance(22 * 3600)
    report = build_report(service.store, clock, "2026-W48")
    assert validate(report) == []
    gb = report["goals_breaks"]
    assert gb["weekly_goal"] == {"goal_minutes": 720, "goal_source": "work_model",
                                 "done_minutes": 300.0, "met": False,
                                 "difference_minutes": -420}
    assert gb["breaks"]["suggested"] == 4 and gb["breaks"]["taken"] == 2
    assert gb["breaks"]["skipped"] == 2 and gb["breaks"]["taken_minutes"] == 20
    assert gb["daily_cap_minutes"] == 240 and gb["days_over_daily_cap"] == 0
    rows = dict(goal_and_break_rows(report))
    assert rows["Weekly deep-work goal (no-meeting windows, WFA)"] == "720 min"
    assert rows["… this week"] == "not met, 420 min short"
    assert rows["Breaks taken in full / suggested (skipped)"] == "2 / 4 (2)"
    service.settings.set(WEEKLY_DEEP_WORK_GOAL, 240)
    again = build_report(service.store, clock, "2026-W48")
    assert dict(goal_and_break_rows(again))["Weekly deep-work goal (set by you)"] == "240 min"
    assert dict(goal_and_break_rows(again))["… this week"] == "met, 60 min over"
    week = Metrics(service.store, clock).week("2026-W48")
    pdf = render_pdf(again, week, service.week.work_model(), Path(str(tmp_path)) / "w.pdf")
    assert pdf.stat().st_size > 1000
