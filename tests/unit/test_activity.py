"""Switches, interruptions, time away, sleep, notes and the day's log, with a
fake clock; rules and hotkey parsing."""

from __future__ import annotations

import pytest

from app.activity.rules import AutoSwitchSettings, DwellTracker, Field, Rule, match_project
from app.activity.service import AwayChoice
from app.clock import FakeClock, SleepDetector
from app.domain import EndReason, PauseReason, SessionState
from app.errors import ErrorCode, FokusError
from app.service import FokusService


@pytest.fixture
def two(service: FokusService) -> tuple[int, int]:
    a = service.add_project("SIASN").id
    b = service.add_project("MyASN").id
    assert a and b
    return a, b


def test_switch_logs_from_to_trigger_and_source(service: FokusService, clock: FakeClock,
                                                two: tuple[int, int]) -> None:
    a, b = two
    service.start(a)
    clock.advance(600)
    result = service.activity.switch(b, "urgent", "hotkey")
    assert (result.from_project, result.to_project) == ("SIASN", "MyASN")
    assert result.ended_session is not None
    assert result.ended_session.end_reason == EndReason.SWITCHED
    assert service.current() is None  # the switch ended the session
    log = service.activity.day_log(clock.now().astimezone(clock.zone()).date())
    assert log["switches"] == [{"id": result.switch_id, "at": log["switches"][0]["at"],
                                "from": "SIASN", "to": "MyASN",
                                "trigger": "urgent", "source": "hotkey"}]
    # Now on MyASN: switching to it again is refused, back to SIASN is fine.
    with pytest.raises(FokusError):
        service.activity.switch(b)
    assert service.activity.switch(a).from_project == "MyASN"
    with pytest.raises(FokusError) as err:
        service.activity.switch(a, "bored")
    assert err.value.code == ErrorCode.INVALID_VALUE


def test_interruptions_count_per_session_and_day(service: FokusService, clock: FakeClock,
                                                 two: tuple[int, int]) -> None:
    service.activity.interrupt("chat")  # outside a session
    view = service.start(two[0])
    service.activity.interrupt("colleague", 5)
    service.activity.interrupt("phone")
    log = service.activity.day_log()
    assert [i["source"] for i in log["interruptions"]] == ["chat", "colleague", "phone"]
    assert log["sessions"][0]["interruptions"] == 2
    assert [i["session"] for i in log["interruptions"]] == [None, view.id, view.id]
    with pytest.raises(FokusError):
        service.activity.interrupt("aliens")


def test_cost_of_switching_is_an_estimate_from_the_buffer(service: FokusService,
                                                          two: tuple[int, int]) -> None:
    a, b = two
    service.activity.switch(a)
    service.activity.switch(b)
    service.activity.switch(a)
    log = service.activity.day_log()
    assert log["estimated_minutes_lost_to_switching"] == 60
    from app.store.settings import RESUMPTION_BUFFER_MINUTES

    service.settings.set(RESUMPTION_BUFFER_MINUTES, 25)
    assert service.activity.day_log()["estimated_minutes_lost_to_switching"] == 75
    assert "Parnin" in log["estimate_source"]


def test_idle_pauses_at_the_moment_input_stopped(service: FokusService, clock: FakeClock,
                                                 two: tuple[int, int]) -> None:
    service.start(two[0])
    clock.advance(20 * 60)
    stopped = clock.now()
    clock.advance(6 * 60)  # the idle threshold passed, then the check ran
    view = service.engine.pause(PauseReason.IDLE, at=stopped)
    assert view.paused_since == stopped and view.focused_seconds == 20 * 60


@pytest.mark.parametrize(
    ("choice", "state", "focused", "interruptions"),
    [
        (AwayChoice.FOCUS, SessionState.FOCUSING, 30 * 60, 0),
        (AwayChoice.BREAK, SessionState.FOCUSING, 20 * 60, 0),
        (AwayChoice.MEETING, SessionState.FOCUSING, 20 * 60, 1),
        (AwayChoice.INTERRUPTION, SessionState.FOCUSING, 20 * 60, 1),
        (AwayChoice.DISCARD, SessionState.ABANDONED, 20 * 60, 0),
    ],
)
def test_coming_back_is_settled_as_the_user_says(
        service: FokusService, clock: FakeClock, two: tuple[int, int], choice: AwayChoice,
        state: SessionState, focused: int, interruptions: int) -> None:
    started = service.start(two[0])
    clock.advance(20 * 60)
    service.engine.pause(PauseReason.IDLE, at=clock.now())
    clock.advance(10 * 60)
    service.activity.resolve_away(choice)
    view = service.engine.get(started.id)
    assert view is not None and view.state == state
    assert view.focused_seconds == focused
    log = service.activity.day_log()
    assert len(log["interruptions"]) == interruptions
    if interruptions:
        assert log["interruptions"][0]["minutes"] == 10


def test_sleep_is_noticed_and_never_counted(service: FokusService, clock: FakeClock,
                                            two: tuple[int, int]) -> None:
    detector = SleepDetector(clock)
    started = service.start(two[0], minutes=90)
    clock.advance(25)
    assert detector.check() is None  # awake: both clocks moved alike
    clock.advance(10 * 60)
    assert detector.check() is None
    awake_until = clock.now()
    clock.sleep_machine(45 * 60)  # the lid closed
    clock.advance(2)  # woke up; the timer fires
    slept = detector.check()
    assert slept is not None
    last_awake, seconds = slept
    assert abs((last_awake - awake_until).total_seconds()) <= 2
    assert seconds == pytest.approx(45 * 60)
    service.engine.pause(PauseReason.SLEEP, at=last_awake)
    service.activity.resolve_away(AwayChoice.BREAK)
    clock.advance(60)
    view = service.engine.get(started.id)
    assert view is not None
    assert view.focused_seconds == pytest.approx(25 + 10 * 60 + 60, abs=3)


def test_notes_and_the_context_card(service: FokusService, clock: FakeClock,
                                    two: tuple[int, int]) -> None:
    a, _ = two
    batch = service.add_batch("SIASN", "Refactor", prep_note="branch feature/x")
    assert service.activity.context_card(a).note is None
    service.activity.add_note(a, "  stopped at the mapper;\n next: edge case ")
    clock.advance(60)
    service.activity.add_note(a, "tests pass; next: review")
    card = service.activity.context_card(a, batch.id)
    assert card.note == "tests pass; next: review"
    assert card.prep_note == "branch feature/x" and card.batch == "Refactor"
    assert [n.text for n in service.activity.notes(a)] == [
        "tests pass; next: review", "stopped at the mapper; next: edge case"]
    with pytest.raises(FokusError):
        service.activity.add_note(a, "   ")


def test_rules_match_and_dwell_ignores_a_glance() -> None:
    rules = (Rule(1, Field.CLASS, "jetbrains-*"), Rule(2, Field.TITLE, "myasn"),
             Rule(3, Field.PATH, "~/src/simpegnas/"))
    assert match_project(rules, "jetbrains-idea", "SIASN – Pegawai.java") == 1
    assert match_project(rules, "code", "app.dart - MyASN - Visual Studio Code") == 2
    assert match_project(rules, "code", "~/src/simpegnas/cuti.php - Code") == 3
    assert match_project(rules, "firefox", "Inbox") is None
    dwell = DwellTracker(60)
    dwell.current = 1
    assert dwell.observe(0, 2) is None
    assert dwell.observe(30, 2) is None
    assert dwell.observe(40, None) is None  # a browser in between keeps the project
    assert dwell.observe(45, 1) is None  # back: the glance at 2 did not count
    assert dwell.observe(50, 2) is None
    assert dwell.observe(109, 2) is None
    assert dwell.observe(110, 2) == 2  # 60 s in front: a switch
    assert dwell.observe(200, 2) is None
    settings = AutoSwitchSettings(True, 30, False, rules)
    assert AutoSwitchSettings.from_json(settings.to_json()) == settings


def test_hotkey_combinations_are_checked() -> None:
    from app.platform.hotkeys import check_hotkeys, parse_combo

    assert parse_combo("<ctrl>+<alt>+f") == frozenset({"ctrl", "alt", "f"})
    assert check_hotkeys({"a": "<ctrl>+<alt>+f", "b": "<alt>+<ctrl>+F"}) == {
        "a": "duplicate", "b": "duplicate"}
    assert check_hotkeys({"a": "f"}) == {"a": "invalid"}  # no modifier
    assert check_hotkeys({"a": "<ctrl>+<hyper>+x"}) == {"a": "invalid"}
    assert check_hotkeys({"a": "<ctrl>+<alt>+f", "b": "<ctrl>+<alt>+i", "c": ""}) == {}




def test_a_past_day_keeps_the_clock_it_was_recorded_on(service: FokusService, clock: FakeClock,
                                                       two: tuple[int, int]) -> None:
    """A WIB Monday read later on a machine in UTC still starts at 09:00, and
    each row lands on the day its own local date says, as the weekly figures do."""
    from datetime import UTC, date, datetime

    a, b = two
    # Sunday 22 Nov, 23:30 WIB (16:30 UTC): a switch that belongs to Sunday in WIB,
    # though it is Sunday in UTC too; then Monday 00:30 WIB (Sunday 17:30 UTC).
    clock.current = datetime(2026, 11, 22, 16, 30, tzinfo=UTC)
    sunday = service.activity.switch(a)
    clock.current = datetime(2026, 11, 22, 17, 30, tzinfo=UTC)
    early = service.activity.interrupt("chat")
    clock.current = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 09:00 WIB
    view = service.start(a, minutes=60)
    clock.advance(15 * 60)
    service.pause()
    clock.advance(5 * 60)
    service.resume()
    service.activity.interrupt("colleague")
    clock.advance(40 * 60)
    moved = service.activity.switch(b)
    clock.current = datetime(2026, 11, 23, 17, 30, tzinfo=UTC)  # Tuesday 00:30 WIB
    late = service.activity.interrupt("phone")

    clock.offset_minutes = 0  # the machine now runs on UTC
    clock.current = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    log = service.activity.day_log(date(2026, 11, 23))
    [session] = log["sessions"]
    assert session["id"] == view.id
    assert (session["start"], session["end"]) == ("2026-11-23T09:00:00+07:00",
                                                  "2026-11-23T10:00:00+07:00")
    assert [(p["start"], p["end"]) for p in session["pauses"]] == [
        ("2026-11-23T09:15:00+07:00", "2026-11-23T09:20:00+07:00")]
    assert [x["at"] for x in log["interruptions"]] == [
        "2026-11-23T00:30:00+07:00", "2026-11-23T09:20:00+07:00"]
    assert early.id == log["interruptions"][0]["id"] and late.id not in {
        x["id"] for x in log["interruptions"]}
    assert [(x["id"], x["at"]) for x in log["switches"]] == [
        (moved.switch_id, "2026-11-23T10:00:00+07:00")]
    assert session["interruptions"] == 1
    # The machine's Sunday (UTC) holds nothing of the WIB Monday, and the WIB
    # Sunday's switch is on it; the WIB Tuesday's interruption is on Tuesday.
    sun = service.activity.day_log(date(2026, 11, 22))
    assert [x["id"] for x in sun["switches"]] == [sunday.switch_id]
    assert sun["sessions"] == [] and sun["interruptions"] == []
    tue = service.activity.day_log(date(2026, 11, 24))
    assert [x["id"] for x in tue["interruptions"]] == [late.id] and tue["sessions"] == []
    # The weekly figures agree on which day each row belongs to.
    from app.reports.metrics import Metrics

    days = {d.day: d for d in Metrics(service.store, clock).week("2026-W48").days}
    assert (days[date(2026, 11, 23)].switches, days[date(2026, 11, 23)].interruptions,
            days[date(2026, 11, 23)].sessions) == (1, 2, 1)
    assert days[date(2026, 11, 24)].interruptions == 1
