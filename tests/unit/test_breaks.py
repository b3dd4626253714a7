"""Breaks after focus sessions: lengths, meetings, idle time, snooze and skip."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import select

from app.clock import FakeClock
from app.domain import PauseReason
from app.errors import ErrorCode, FokusError
from app.focus.breaks import (
    BreakLengths,
    BreakReason,
    BreakState,
    tally,
)
from app.service import FokusService
from app.store.models import FocusBreak, Meeting
from app.store.settings import BREAK_LENGTHS, BREAKS


def _focus(service: FokusService, clock: FakeClock, minutes: float, planned: int = 90,
           stop: bool = True) -> None:
    project = service.projects()[0] if service.projects() else service.add_project("SIASN")
    service.start(project.id or 0, minutes=planned)
    clock.advance(minutes * 60)
    if stop:
        service.stop()


@pytest.mark.parametrize(("focused", "expected"), [
    (1, 5), (25, 5), (25.5, 8), (50, 8), (51, 10), (90, 10), (91, 15), (240, 15)])
def test_default_lengths_follow_the_focus(focused: float, expected: int) -> None:
    assert BreakLengths.parse(BREAK_LENGTHS.default).minutes_for(focused) == expected


@pytest.mark.parametrize("text", ["", "25:5", "50:8 25:5 10", "25:0 5", "a:b 5", "25:5 500",
                                  "25 5", "0:5 5", "25:5 25:8 10"])
def test_malformed_lengths_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        BreakLengths.parse(text)
    with pytest.raises(FokusError) as err:
        BREAK_LENGTHS.parse(text)
    assert err.value.code == ErrorCode.SETTING_INVALID


@given(st.lists(st.tuples(st.integers(1, 300), st.integers(1, 120)), max_size=5,
                unique_by=lambda t: t[0]), st.integers(1, 120))
def test_lengths_read_back_as_written(steps: list[tuple[int, int]], longer: int) -> None:
    lengths = BreakLengths(tuple(sorted(steps)), longer)
    assert BreakLengths.parse(str(lengths)) == lengths
    for limit, minutes in lengths.steps:
        assert lengths.minutes_for(limit) == minutes
    assert lengths.minutes_for(10_000) == longer


def test_a_completed_session_suggests_a_break_from_its_end(service: FokusService,
                                                            clock: FakeClock) -> None:
    _focus(service, clock, 45, planned=45, stop=False)
    assert service.engine.tick() is not None  # the planned time is up
    rest = service.breaks.current()
    assert rest is not None
    assert (rest.minutes, rest.focused_minutes, rest.after_completed) == (8, 45, True)
    assert rest.until == clock.now() + timedelta(minutes=8)
    assert rest.to_json()["until"].endswith("08:53:00+07:00")


def test_configured_lengths_and_turning_breaks_off(service: FokusService,
                                                   clock: FakeClock) -> None:
    service.settings.set(BREAK_LENGTHS, "30:3 20")
    _focus(service, clock, 40)
    rest = service.breaks.current()
    assert rest is not None and rest.minutes == 20
    service.settings.set(BREAKS, False)
    _focus(service, clock, 40)
    assert service.breaks.current() is None


def test_no_break_after_a_session_stopped_at_once(service: FokusService,
                                                  clock: FakeClock) -> None:
    _focus(service, clock, 0.5)
    assert service.breaks.current() is None


def test_a_break_ends_when_a_meeting_starts(service: FokusService, clock: FakeClock) -> None:
    _meeting(service, clock, in_minutes=66)
    _focus(service, clock, 60)  # 10 min would be suggested; the meeting is 6 min away
    rest = service.breaks.current()
    assert rest is not None
    assert (rest.minutes, rest.reason) == (6, BreakReason.BEFORE_MEETING)


def test_no_break_into_a_meeting_on_now(service: FokusService, clock: FakeClock) -> None:
    _focus(service, clock, 60, stop=False)
    _meeting(service, clock, in_minutes=-5)
    service.stop()
    assert service.breaks.current() is None
    rows = _rows(service)
    assert [(r.state, r.reason, r.minutes) for r in rows] == [("skipped", "meeting", 10)]
    assert tally(service.breaks.between(clock.now() - timedelta(days=1),
                                        clock.now() + timedelta(days=1))).skipped_for_meetings == 1


def test_snooze_never_runs_into_a_meeting(service: FokusService, clock: FakeClock) -> None:
    _focus(service, clock, 20)  # 5 min
    _meeting(service, clock, in_minutes=8)
    first = service.breaks.snooze()
    assert first.minutes == 8 and first.snoozes == 1
    again = service.breaks.snooze()
    assert again.until == first.until


def test_snooze_and_skip(service: FokusService, clock: FakeClock) -> None:
    _focus(service, clock, 20)
    rest = service.breaks.snooze()
    assert rest.minutes == 10 and rest.snoozes == 1
    clock.advance(3 * 60)
    skipped = service.breaks.skip()
    assert (skipped.state, skipped.taken_minutes) == (BreakState.SKIPPED, 3)
    assert service.breaks.current() is None
    with pytest.raises(FokusError) as err:
        service.breaks.skip()
    assert err.value.code == ErrorCode.NO_BREAK
    with pytest.raises(FokusError):
        service.breaks.snooze()


def test_a_new_session_ends_the_break_counting_what_was_taken(service: FokusService,
                                                              clock: FakeClock) -> None:
    _focus(service, clock, 60)  # 10 min
    clock.advance(4 * 60)
    _focus(service, clock, 10, stop=False)
    row = _rows(service)[0]
    assert (row.state, row.taken_minutes, row.minutes) == ("taken", 4, 10)
    assert service.breaks.current() is None


def test_the_next_session_never_starts_by_itself(service: FokusService,
                                                 clock: FakeClock) -> None:
    _focus(service, clock, 30)
    clock.advance(60 * 60)
    assert service.breaks.tick() is not None
    assert service.current() is None


def test_a_break_over_is_taken_in_full(service: FokusService, clock: FakeClock) -> None:
    _focus(service, clock, 30)  # 8 min
    clock.advance(9 * 60)
    over = service.breaks.tick(idle_seconds=2)
    assert over is not None and (over.state, over.taken_minutes) == (BreakState.TAKEN, 8)


def test_idle_time_during_the_break_counts_as_the_break(service: FokusService,
                                                        clock: FakeClock) -> None:
    _focus(service, clock, 30)  # 8 min, until +8
    clock.advance(20 * 60)  # away since the session ended
    assert service.breaks.tick(idle_seconds=20 * 60) is None  # still away: still resting
    clock.advance(5 * 60)
    assert service.breaks.tick(idle_seconds=25 * 60) is None
    assert service.breaks.current() is None  # not shown as running: its time is over
    clock.advance(5)
    over = service.breaks.tick(idle_seconds=4)  # back
    assert over is not None and over.taken_minutes == 25


def test_a_session_stopped_where_the_user_walked_away_counts_the_time_away(
        service: FokusService, clock: FakeClock) -> None:
    project = service.add_project("SIASN")
    service.start(project.id or 0, minutes=90)
    clock.advance(40 * 60)
    walked_away = clock.now()
    service.engine.pause(PauseReason.IDLE, at=walked_away)
    clock.advance(30 * 60)
    service.engine.stop(at=walked_away)  # "I was away": the session ends there
    assert service.breaks.current() is None  # 8 min long over
    row = _rows(service)[0]
    assert (row.state, row.taken_minutes, row.focused_minutes) == ("taken", 8, 40)


def test_a_break_over_without_a_look_ends_at_its_time_when_a_session_starts(
        service: FokusService, clock: FakeClock) -> None:
    _focus(service, clock, 30)
    clock.advance(60 * 60)
    _focus(service, clock, 5, stop=False)
    assert _rows(service)[0].taken_minutes == 8


def test_tally_counts_taken_against_suggested(service: FokusService, clock: FakeClock) -> None:
    start = clock.now()
    _focus(service, clock, 30)
    clock.advance(10 * 60)
    service.breaks.tick()  # taken in full (8)
    _focus(service, clock, 30)
    clock.advance(2 * 60)
    _focus(service, clock, 30)  # cut short after 2
    service.breaks.skip()  # skipped
    result = tally(service.breaks.between(start, clock.now() + timedelta(hours=1)))
    assert result.to_json() == {"suggested": 3, "taken": 1, "cut_short": 1, "skipped": 1,
                                "skipped_for_meetings": 0, "suggested_minutes": 24,
                                "taken_minutes": 10}


def test_status_shows_the_break(service: FokusService, clock: FakeClock) -> None:
    from app.cli.commands import REGISTRY, execute

    _focus(service, clock, 45)
    result = execute(service, "status", {})
    assert result["state"] == "idle"
    assert result["break"]["minutes"] == 8
    assert result["break"]["until"].startswith("2026-11-23T08:53")
    text = REGISTRY.get("status").text(result)
    assert text.startswith("Break until 08:53")
    clock.advance(9 * 60)
    assert execute(service, "status", {})["break"] is None


def _meeting(service: FokusService, clock: FakeClock, in_minutes: float) -> None:
    start = clock.now() + timedelta(minutes=in_minutes)
    with service.store.transaction() as s:
        s.add(Meeting(calendar="work", uid=f"m{in_minutes}", start_at=start,
                      end_at=start + timedelta(minutes=30), title="Standup"))


def _rows(service: FokusService) -> list[FocusBreak]:
    with service.store.transaction() as s:
        return list(s.exec(select(FocusBreak)))


def test_a_break_nobody_closed_counts_as_taken_once_its_time_is_over(
        service: FokusService, clock: FakeClock) -> None:
    start = clock.now()
    _focus(service, clock, 30)  # 8 min; no tray ticks it
    breaks = service.breaks.between(start, clock.now() + timedelta(hours=1))
    assert tally(breaks, clock.now()).taken == 0
    clock.advance(9 * 60)
    assert tally(breaks, clock.now()).to_json()["taken_minutes"] == 8
    assert tally(breaks).taken == 0  # without a moment, open is open
