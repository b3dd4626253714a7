"""The focus session engine, driven by a fake clock: no sleeps."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.clock import FakeClock
from app.domain import EndReason, PauseReason, SessionState
from app.errors import ErrorCode, FokusError
from app.focus.engine import FocusEngine
from app.service import FokusService
from app.store.engine import Store


@pytest.fixture
def siasn(service: FokusService) -> int:
    pid = service.add_project("SIASN").id
    assert pid is not None
    return pid


def test_full_cycle_counts_only_focused_time(service: FokusService, clock: FakeClock,
                                             siasn: int) -> None:
    view = service.start("SIASN", minutes=25)
    assert view.state == SessionState.FOCUSING and view.remaining_seconds == 25 * 60
    clock.advance(600)
    assert service.pause().state == SessionState.PAUSED
    clock.advance(300)  # paused time is not focus
    paused = service.current()
    assert paused is not None and paused.focused_seconds == 600
    assert paused.pause_reason == PauseReason.USER
    service.resume()
    clock.advance(120)
    ended = service.stop()
    assert ended.state == SessionState.ABANDONED
    assert ended.end_reason == EndReason.STOPPED
    assert ended.focused_seconds == 720
    assert service.current() is None
    assert service.status()["state"] == "idle"


def test_session_finishes_exactly_at_planned_end(service: FokusService, clock: FakeClock,
                                                 siasn: int) -> None:
    service.start("SIASN", minutes=50)
    clock.advance(10 * 60)
    service.pause()
    clock.advance(5 * 60)
    service.resume()
    clock.advance(45 * 60)  # five minutes past the planned end
    finished = service.engine.tick()
    assert finished is not None
    assert finished.state == SessionState.FINISHED
    assert finished.end_reason == EndReason.COMPLETED
    assert finished.focused_seconds == 50 * 60
    assert finished.ended_at == clock.now() - timedelta(minutes=5)
    assert service.engine.tick() is None


def test_commands_in_the_wrong_state_are_refused(service: FokusService, siasn: int) -> None:
    for action, code in ((service.stop, ErrorCode.NO_SESSION),
                         (service.pause, ErrorCode.NOT_FOCUSING),
                         (service.resume, ErrorCode.NOT_PAUSED)):
        with pytest.raises(FokusError) as err:
            action()
        assert err.value.code == code
    service.start("SIASN")
    with pytest.raises(FokusError) as err:
        service.start("SIASN")
    assert err.value.code == ErrorCode.ALREADY_FOCUSING
    with pytest.raises(FokusError):
        service.resume()


@pytest.mark.parametrize("minutes", [0, -5, 481])
def test_planned_length_is_bounded(service: FokusService, siasn: int, minutes: int) -> None:
    with pytest.raises(FokusError) as err:
        service.start("SIASN", minutes=minutes)
    assert err.value.code == ErrorCode.INVALID_VALUE


def test_heartbeat_is_refreshed_every_interval(store: Store, clock: FakeClock,
                                               siasn: int) -> None:
    engine = FocusEngine(store, clock, owner="tray-1", heartbeat_seconds=30)
    started = engine.start(siasn, minutes=90)
    from app.store.models import FocusSession

    def beat() -> object:
        with store.transaction() as s:
            fs = s.get(FocusSession, started.id)
            assert fs is not None
            return fs.heartbeat_at

    first = beat()
    clock.advance(20)
    engine.tick()
    assert beat() == first  # not yet: at most one write per interval
    clock.advance(15)
    engine.tick()
    assert beat() == clock.now()


def test_crash_loses_at_most_one_heartbeat(store: Store, clock: FakeClock, siasn: int) -> None:
    crashed = FocusEngine(store, clock, owner="tray-1", heartbeat_seconds=30)
    crashed.start(siasn, minutes=90)
    for _ in range(40):  # 20 minutes of ticks every 30 s
        clock.advance(30)
        crashed.tick()
    last_beat = clock.now()
    clock.advance(29)  # the crash, just before the next heartbeat
    clock.advance(3600)  # the machine is off for an hour
    restarted = FocusEngine(store, clock, owner="tray-2")
    recovered = restarted.recover()
    assert len(recovered) == 1
    assert recovered[0].ended_at == last_beat
    assert recovered[0].focused_seconds == 20 * 60
    view = restarted.get(recovered[0].session_id)
    assert view is not None and view.state == SessionState.ABANDONED
    assert view.end_reason == EndReason.RECOVERED
    # The user is told once.
    assert [r.session_id for r in restarted.pending_recovery_notices()] == [view.id]
    restarted.acknowledge_recovery(view.id)
    assert restarted.pending_recovery_notices() == []
    assert restarted.recover() == []


def test_crash_after_the_planned_end_counts_as_finished(store: Store, clock: FakeClock,
                                                         siasn: int) -> None:
    crashed = FocusEngine(store, clock, owner="tray-1")
    crashed.start(siasn, minutes=25)
    clock.advance(25 * 60 - 10)
    crashed.tick()
    clock.advance(40)
    # the heartbeat that would have finished it never came; a later one did
    from app.focus.engine import naive
    from app.store.models import FocusSession

    with store.transaction() as s:
        fs = s.exec(__import__("sqlmodel").select(FocusSession)).one()
        fs.heartbeat_at = naive(clock.now())
    view = FocusEngine(store, clock, owner="tray-2").recover()[0]
    assert view.focused_seconds == 25 * 60


def test_a_tray_adopts_a_session_the_command_line_started(store: Store, clock: FakeClock,
                                                          siasn: int) -> None:
    headless = FocusEngine(store, clock, owner=None)
    started = headless.start(siasn, minutes=50)
    clock.advance(600)
    tray = FocusEngine(store, clock, owner="tray-1")
    assert tray.recover() == []
    current = tray.current()
    assert current is not None and current.id == started.id
    assert current.focused_seconds == 600
    # from now on the tray heartbeats it; a later tray after a crash closes it
    clock.advance(60)
    tray.tick()
    clock.advance(600)
    assert FocusEngine(store, clock, owner="tray-2").recover()[0].focused_seconds == 660


def test_headless_session_settles_itself_when_its_time_is_up(store: Store, clock: FakeClock,
                                                             siasn: int) -> None:
    headless = FocusEngine(store, clock, owner=None)
    headless.start(siasn, minutes=25)
    clock.advance(3600)
    assert FocusEngine(store, clock, owner=None).current() is None
    last = FocusEngine(store, clock).get(1)
    assert last is not None and last.state == SessionState.FINISHED
    assert last.focused_seconds == 25 * 60


def test_start_checks_project_and_batch(service: FokusService, siasn: int) -> None:
    other = service.add_project("MyASN")
    batch = service.add_batch("MyASN", "Sync")
    with pytest.raises(FokusError) as err:
        service.start("SIASN", batch=batch.id)
    assert err.value.code == ErrorCode.BATCH_NOT_IN_PROJECT
    service.set_batch_done(batch.id)  # type: ignore[arg-type]
    with pytest.raises(FokusError) as err:
        service.start("MyASN", batch=batch.id)
    assert err.value.code == ErrorCode.BATCH_DONE
    service.archive_project(other.name)
    with pytest.raises(FokusError) as err:
        service.start("myasn")
    assert err.value.code == ErrorCode.PROJECT_ARCHIVED
    with pytest.raises(FokusError) as err:
        service.start("Nope")
    assert err.value.code == ErrorCode.UNKNOWN_PROJECT


def test_instants_are_utc_with_the_local_offset_beside(service: FokusService,
                                                       clock: FakeClock, siasn: int) -> None:
    clock.offset_minutes = 420
    view = service.start("SIASN")
    data = view.to_json()
    assert data["started_at"].endswith("+07:00")
    import sqlite3

    row = sqlite3.connect(service.store.path).execute(
        "SELECT started_at, utc_offset_min FROM focus_session").fetchone()
    assert row == (clock.now().replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds"),
                   420)


# -- sleep and clock changes never lie -------------------------------------------------


def test_a_suspend_longer_than_the_time_left_pauses_at_the_last_awake_moment(
        service: FokusService, clock: FakeClock, siasn: int) -> None:
    started = service.start("SIASN", minutes=60)
    clock.advance(20 * 60)
    service.current()  # the tray's timer: the engine looks at the clocks
    awake_until = clock.now()
    clock.sleep_machine(3 * 3600)  # the lid closed for three hours
    clock.advance(1)
    view = service.current()
    assert view is not None and view.id == started.id
    assert view.state == SessionState.PAUSED and view.pause_reason == PauseReason.SLEEP
    # Within the one second the timer took to fire after waking.
    assert view.paused_since is not None
    assert abs((view.paused_since - awake_until).total_seconds()) <= 1
    assert view.focused_seconds == pytest.approx(20 * 60, abs=1)
    # The monitor's own detector asks for the same pause: no error, no second pause.
    again = service.engine.pause(PauseReason.SLEEP, at=awake_until)
    assert again.state == SessionState.PAUSED and again.paused_since == view.paused_since
    service.resume()
    clock.advance(40 * 60)
    assert service.current() is None  # the timer finishes it: full length, awake only
    done = service.engine.get(started.id)
    assert done is not None and done.state == SessionState.FINISHED
    assert done.focused_seconds == pytest.approx(60 * 60)


def test_pause_at_a_past_moment_does_not_finish_the_session_first(
        store: Store, clock: FakeClock, siasn: int) -> None:
    """The monitor may see the sleep before the engine does (a fresh engine
    with nothing to compare): pause(at=last awake) must still not complete it."""
    first = FocusEngine(store, clock)
    started = first.start(siasn, minutes=30)
    clock.advance(10 * 60)
    last_awake = clock.now()
    clock.sleep_machine(2 * 3600)
    fresh = FocusEngine(store, clock)
    view = fresh.pause(PauseReason.SLEEP, at=last_awake)
    assert view.id == started.id and view.state == SessionState.PAUSED
    assert view.focused_seconds == pytest.approx(10 * 60)


def test_a_session_whose_time_ran_out_awake_finishes_at_its_planned_end(
        service: FokusService, clock: FakeClock, siasn: int) -> None:
    started = service.start("SIASN", minutes=30)
    service.current()
    clock.advance(40 * 60)  # awake, no tick came
    clock.sleep_machine(2 * 3600)
    assert service.current() is None
    done = service.engine.get(started.id)
    assert done is not None and done.state == SessionState.FINISHED
    assert done.ended_at == started.started_at + timedelta(minutes=30)
    assert done.focused_seconds == pytest.approx(30 * 60)


def test_a_clock_set_back_never_ends_a_session_before_it_starts(
        service: FokusService, clock: FakeClock, siasn: int) -> None:
    started = service.start("SIASN", minutes=90)
    clock.advance(30 * 60)
    service.current()
    clock.set_wall(-2 * 3600)  # someone sets the clock two hours back
    clock.advance(10 * 60)
    ended = service.stop()
    assert ended.ended_at is not None and ended.started_at < ended.ended_at
    assert ended.focused_seconds == pytest.approx(40 * 60)
    assert ended.ended_at == clock.now()
    assert ended.started_at == clock.now() - timedelta(minutes=40)
    log = service.activity.day_log()
    row = next(r for r in log["sessions"] if r["id"] == started.id)
    assert row["focus_minutes"] == pytest.approx(40, abs=0.1)


def test_a_clock_set_back_while_paused_keeps_the_pause_in_order(
        service: FokusService, clock: FakeClock, siasn: int) -> None:
    service.start("SIASN", minutes=90)
    clock.advance(10 * 60)
    service.pause()
    clock.advance(5 * 60)
    clock.set_wall(-3600)
    clock.advance(60)
    service.resume()
    clock.advance(10 * 60)
    ended = service.stop()
    assert ended.focused_seconds == pytest.approx(20 * 60)
    assert ended.ended_at is not None and ended.started_at < ended.ended_at
