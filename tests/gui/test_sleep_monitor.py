"""A suspend seen first by the controller's timer (the engine pauses at the
last awake moment) still reaches the user as "you were asleep" from the monitor."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.clock import FakeClock
from app.domain import PauseReason, SessionState
from app.platform.paths import Paths
from ui.activity.monitor import ActivityMonitor
from ui.shell.controller import FokusController


@pytest.fixture
def controller(qtbot: QtBot, paths: Paths, clock: FakeClock) -> Iterator[FokusController]:
    c = FokusController(paths, clock=clock, owner="test-sleep")
    assert c.load()
    c.service.add_project("SIASN")
    yield c
    c.close()


def test_the_timer_sees_the_sleep_first_and_the_user_is_still_asked(
        controller: FokusController, clock: FakeClock, qtbot: QtBot) -> None:
    monitor = ActivityMonitor(controller)
    try:
        _sleep_then_ask(controller, monitor, clock, qtbot)
    finally:
        monitor.stop()
        monitor.deleteLater()
        qtbot.wait_until(lambda: True)


def _sleep_then_ask(controller: FokusController, monitor: ActivityMonitor, clock: FakeClock,
                    qtbot: QtBot) -> None:
    controller.start(controller.service.projects()[0].id, None)
    assert controller.view is not None and controller.view.state == SessionState.FOCUSING
    clock.advance(20 * 60)
    controller.refresh()
    monitor.poll()
    clock.sleep_machine(3 * 3600)
    clock.advance(1)
    controller.refresh()  # the controller's timer fires first after waking
    view = controller.view
    assert view is not None and view.state == SessionState.PAUSED
    assert view.pause_reason == PauseReason.SLEEP
    assert view.focused_seconds == pytest.approx(20 * 60, abs=1)
    with qtbot.waitSignal(monitor.awayReturned) as got:
        monitor.poll()
    assert got.args == ["sleep", 180]
    assert controller.view is not None and controller.view.state == SessionState.PAUSED


class StillDesktop:
    """An idle source on a desktop nobody has touched since ``since`` (seconds ago)."""

    name = "still"

    def __init__(self, clock: FakeClock, untouched_for: float) -> None:
        self.clock = clock
        self.last_input = clock.now().timestamp() - untouched_for

    def idle_seconds(self) -> float:
        return self.clock.now().timestamp() - self.last_input

    def close(self) -> None:
        pass


def test_idle_before_the_session_started_does_not_count(
        controller: FokusController, clock: FakeClock, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Started from the command line on a desktop idle for an hour, a session
    used to pause five seconds later with "No input for 0 min"."""
    monkeypatch.setenv("FOKUS_IDLE_SECONDS", "300")
    monitor = ActivityMonitor(controller)
    monitor._idle_tried = True  # the test's own idle source, not the machine's
    monitor.idle_source = StillDesktop(clock, untouched_for=3600)
    try:
        controller.start(controller.service.projects()[0].id, None)
        clock.advance(5)
        monitor.poll()
        assert controller.view is not None and controller.view.state == SessionState.FOCUSING
        clock.advance(300)  # five minutes into the session, still nobody there
        monitor.poll()
        view = controller.view
        assert view is not None and view.state == SessionState.PAUSED
        assert view.pause_reason == PauseReason.IDLE
        assert view.focused_seconds == pytest.approx(0, abs=6)  # paused at its start
    finally:
        monitor.stop()
        monitor.deleteLater()
        qtbot.wait_until(lambda: True)


def test_coming_back_is_asked_once_however_often_the_tray_refreshes(
        controller: FokusController, clock: FakeClock, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The question on coming back used to be asked again at every refresh
    of the tray while it was on screen (each heartbeat restarted the look for
    input), a new window each time in place of the one being answered."""
    monkeypatch.setenv("FOKUS_IDLE_SECONDS", "300")
    monitor = ActivityMonitor(controller)
    monitor._idle_tried = True
    desk = StillDesktop(clock, untouched_for=0)
    monitor.idle_source = desk
    asked: list[tuple[str, int]] = []
    monitor.awayReturned.connect(lambda kind, minutes: asked.append((kind, minutes)))
    try:
        controller.start(controller.service.projects()[0].id, None)
        clock.advance(600)  # ten minutes without input
        monitor.poll()
        assert controller.view is not None and controller.view.pause_reason == PauseReason.IDLE
        clock.advance(60)
        monitor.poll()
        desk.last_input = clock.now().timestamp()  # she is back
        clock.advance(1)
        monitor.poll()
        assert asked == [("idle", 11)]
        for _beat in range(3):  # the dialog waits for her answer; the tray goes on
            clock.advance(60)
            controller.refresh()
            monitor.poll()
        assert asked == [("idle", 11)]
        desk.last_input = clock.now().timestamp()  # her click on the answer
        controller.service.activity.resolve_away("break")
        controller.refresh()
        assert controller.view is not None and controller.view.state == SessionState.FOCUSING
        clock.advance(600)  # away again: asked again
        monitor.poll()
        desk.last_input = clock.now().timestamp()
        clock.advance(1)
        monitor.poll()
        assert asked == [("idle", 11), ("idle", 10)]
    finally:
        monitor.stop()
        monitor.deleteLater()
        qtbot.wait_until(lambda: True)


@pytest.mark.qt_log_ignore("This plugin does not support raise.*",
                           "This plugin does not support propagateSizeHints.*")
def test_the_away_question_goes_when_its_pause_is_over_and_a_late_answer_changes_nothing(
        controller: FokusController, clock: FakeClock, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Resumed from the tray while the question was on screen, the question
    stayed; answered later ("Done — end the session when I left") it ended the
    session at whatever pause was open then."""
    from PySide6.QtCore import QCoreApplication as Core
    from PySide6.QtCore import QEvent

    from ui.shell.prompts import AWAY, PromptCoordinator
    from ui.shell.windows import WindowRegistry

    monkeypatch.setenv("FOKUS_IDLE_SECONDS", "300")
    windows = WindowRegistry(controller)
    prompts = PromptCoordinator(controller, windows)
    monitor = ActivityMonitor(controller)
    monitor._idle_tried = True
    desk = StillDesktop(clock, untouched_for=0)
    monitor.idle_source = desk
    monitor.awayReturned.connect(prompts.away_returned)
    try:
        controller.start(controller.service.projects()[0].id, None)
        clock.advance(600)
        monitor.poll()
        desk.last_input = clock.now().timestamp()
        clock.advance(1)
        monitor.poll()
        dialog = prompts.current(AWAY)
        assert dialog is not None and dialog.isVisible()
        answer = dialog.chosen  # what its OK emits, kept past its closing

        controller.resume()  # from the tray
        assert prompts.current(AWAY) is None
        clock.advance(60)
        controller.pause()  # a pause of her own, later
        paused = controller.view
        assert paused is not None and paused.state == SessionState.PAUSED
        answer.emit("discard")  # the old question answered after all
        assert controller.view is not None and controller.view.id == paused.id
        assert controller.view.state == SessionState.PAUSED
        assert controller.view.paused_since == paused.paused_since
    finally:
        monitor.stop()
        prompts.close_all()
        windows.close_all()
        Core.sendPostedEvents(None, QEvent.Type.DeferredDelete)
