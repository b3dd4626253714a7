"""The break and the goals in the tray and the no-tray window, offscreen, over a
real SQLite file: a session ends, the tray shows the break, snooze and skip
from its menu, the notices at the start and the end, and the goal progress."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app.clock import FakeClock
from app.platform.paths import Paths
from ui.shell.controller import FokusController
from ui.tray.tray import FokusTray

# A Tuesday at 08:00 in Jakarta.
MORNING = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)


@pytest.fixture
def controller(qtbot: QtBot, paths: Paths, clock: FakeClock) -> Iterator[FokusController]:
    clock.current = MORNING
    c = FokusController(paths, clock=clock, owner="test-breaks", heartbeat_seconds=30)
    assert c.load()
    yield c
    c.close()


@pytest.fixture
def tray(controller: FokusController) -> Iterator[FokusTray]:
    t = FokusTray(controller)
    t.update_state()
    yield t
    t.menu.deleteLater()


def entries(tray: FokusTray) -> dict[str, QAction]:
    tray.rebuild_menu()
    return {a.objectName() or a.text(): a for a in tray.menu.actions()}


def focus_for(controller: FokusController, clock: FakeClock, minutes: int) -> None:
    pid = controller.service.add_project("SIASN").id
    assert pid is not None and controller.start(pid, minutes=minutes)
    clock.advance(minutes * 60)
    controller.refresh()  # the planned time is up: the session finishes


def test_a_finished_session_shows_the_break_and_snooze_and_skip_work(
        controller: FokusController, tray: FokusTray, clock: FakeClock, qtbot: QtBot) -> None:
    with qtbot.waitSignal(tray.breaks.started) as started:
        focus_for(controller, clock, 45)
    assert started.args[0].minutes == 8
    tip = tray.icon.toolTip()
    assert "Break until 08:53" in tip and "8 min after 45 min of focus" in tip
    assert "Deep work today 45 min of 4 h" in tip
    assert "This week 45 min of 12 h" in tip
    menu = entries(tray)
    assert menu["breakHeader"].text() == "Break until 08:53"
    assert not menu["breakHeader"].isEnabled()
    assert [a.text() for a in tray.menu.actions() if a.objectName() == "goalLine"] == [
        "Deep work today 45 min of 4 h", "This week 45 min of 12 h"]

    menu["snoozeBreakAction"].trigger()
    assert "Break until 08:58" in tray.icon.toolTip()
    assert entries(tray)["breakHeader"].text() == "Break until 08:58"

    with qtbot.assertNotEmitted(tray.breaks.over):
        entries(tray)["skipBreakAction"].trigger()
    assert "Break until" not in tray.icon.toolTip()
    assert "breakHeader" not in entries(tray)
    assert controller.view is None  # the next session never starts by itself


def test_the_end_of_the_break_is_told_once_and_quietly(
        controller: FokusController, tray: FokusTray, clock: FakeClock, qtbot: QtBot) -> None:
    focus_for(controller, clock, 25)
    assert tray.breaks.current is not None
    clock.advance(5 * 60 + 1)
    with qtbot.waitSignal(tray.breaks.over) as over:
        tray.breaks.tick()
    assert over.args[0].taken_minutes == 5
    assert "no focus session" in tray.icon.toolTip()
    with qtbot.assertNotEmitted(tray.breaks.over):
        tray.breaks.tick()


def test_a_new_session_ends_the_break_without_a_notice(
        controller: FokusController, tray: FokusTray, clock: FakeClock, qtbot: QtBot) -> None:
    focus_for(controller, clock, 25)
    clock.advance(120)
    pid = controller.service.projects()[0].id
    assert pid is not None
    with qtbot.assertNotEmitted(tray.breaks.over):
        assert controller.start(pid)
    assert tray.breaks.current is None
    assert "Focusing: SIASN" in tray.icon.toolTip()


def test_past_the_daily_cap_is_shown(controller: FokusController, tray: FokusTray,
                                     clock: FakeClock) -> None:
    from app.store.settings import DAILY_DEEP_WORK_CAP

    controller.service.settings.set(DAILY_DEEP_WORK_CAP, 30)
    focus_for(controller, clock, 45)
    assert "Deep work today 45 min of 30 min · 15 min past the daily cap" in \
        tray.icon.toolTip()


def test_the_no_tray_window_shows_the_break(controller: FokusController, tray: FokusTray,
                                            clock: FakeClock, qtbot: QtBot) -> None:
    from ui.shell.main_window import MainWindow

    window = MainWindow(controller, tray)
    qtbot.addWidget(window)
    window.show()
    snooze = window.findChild(QPushButton, "snoozeBreakButton")
    assert snooze is not None and not snooze.isVisible()
    focus_for(controller, clock, 45)
    assert window.state.text() == "Break until 08:53"
    assert snooze.isVisible()
    goals = window.findChild(QLabel, "goalProgress")
    assert goals is not None and "Deep work today 45 min of 4 h" in goals.text()
    qtbot.mouseClick(snooze, Qt.MouseButton.LeftButton)
    assert window.state.text() == "Break until 08:58"
    skip = window.findChild(QPushButton, "skipBreakButton")
    assert skip is not None
    skip.click()
    assert window.state.text() == "No focus session"
    assert not snooze.isVisible()


def test_a_break_running_when_the_tray_starts_is_shown_without_a_new_notice(
        paths: Paths, clock: FakeClock, qtbot: QtBot) -> None:
    from app.service import FokusService
    from app.store.engine import Store

    clock.current = MORNING
    store = Store(paths.database)
    svc = FokusService(store, clock)
    pid = svc.add_project("SIASN").id
    assert pid is not None
    svc.start(pid, minutes=45)
    clock.advance(45 * 60)
    svc.engine.tick()
    store.close()
    clock.advance(60)
    controller = FokusController(paths, clock=clock, owner="test-restart")
    tray = FokusTray(controller)
    try:
        with qtbot.assertNotEmitted(tray.breaks.started):
            assert controller.load()
        assert tray.breaks.current is not None
        assert "Break until 08:53" in tray.icon.toolTip()
    finally:
        controller.close()
        tray.menu.deleteLater()
