"""The Fokus window for a desktop with no tray: everything the tray menu does,
the session's state, and no way to lose a running session by closing it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from app.clock import FakeClock
from app.platform.paths import Paths
from ui.shell.controller import FokusController
from ui.shell.main_window import MainWindow
from ui.tray.tray import FokusTray

# Offscreen windows cannot be raised and popups cannot grab the keyboard; on a desktop they do.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise.*",
                                       "This plugin does not support grabbing the keyboard")
MORNING = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)  # Tuesday 08:00 in Jakarta


@pytest.fixture
def window(qtbot: QtBot, paths: Paths, clock: FakeClock) -> Iterator[MainWindow]:
    clock.current = MORNING
    controller = FokusController(paths, clock=clock, owner="test-main", heartbeat_seconds=30)
    assert controller.load()
    controller.service.add_project("SIASN")
    controller.service.add_project("MyASN")
    tray = FokusTray(controller)
    w = MainWindow(controller, tray)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.allow_close()
    controller.close()


def pick(qtbot: QtBot, button: object, *path: str) -> None:
    """Open a button's menu and choose the entry at ``path`` (submenus first)."""
    def choose() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, choose)
            return
        for i, text in enumerate(path):
            action = next(a for a in menu.actions() if a.text() == text)
            if i < len(path) - 1:
                sub = action.menu()
                assert isinstance(sub, QMenu)
                sub.aboutToShow.emit()
                menu = sub
            else:
                action.trigger()
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()

    QTimer.singleShot(0, choose)
    button.showMenu()  # type: ignore[attr-defined]


def test_it_offers_everything_the_tray_menu_does(window: MainWindow) -> None:
    kinds = [kind for kind, _text in FokusTray.window_entries()]
    assert list(window.window_buttons) == kinds
    assert all(b.isEnabled() for b in window.window_buttons.values())
    for button in (window.start_button, window.switch_button, window.interrupt_button,
                   window.length_button, window.quit_button):
        assert button.isEnabled() and button.text()
    assert not window.pause_button.isEnabled() and not window.stop_button.isEnabled()
    assert "No focus session" in window.state.text()


def test_a_session_runs_from_the_window(window: MainWindow, qtbot: QtBot) -> None:
    controller = window.controller
    pick(qtbot, window.start_button, "SIASN", "SIASN (no batch)")
    qtbot.waitUntil(lambda: controller.view is not None)
    assert "SIASN" in window.state.text() and "min left" in window.state.text()
    assert "SIASN" in window.windowTitle()
    window.pause_button.click()
    assert controller.view is not None and controller.view.state == "paused"
    assert window.pause_button.text() == "Resume"
    window.pause_button.click()
    assert controller.view.state == "focusing"
    pick(qtbot, window.interrupt_button, "A colleague")
    qtbot.waitUntil(lambda: len(controller.service.activity.day_log()["interruptions"]) == 1)
    window.stop_button.click()
    assert controller.view is None
    assert not window.stop_button.isEnabled()
    pick(qtbot, window.length_button, "50 minutes")
    qtbot.waitUntil(lambda: controller.focus_minutes() == 50)


def test_closing_minimises_and_never_loses_the_session(window: MainWindow,
                                                       qtbot: QtBot) -> None:
    controller = window.controller
    assert controller.start(controller.service.project("SIASN").id or 0)
    window.close()
    assert window.isVisible()  # minimised, not gone
    qtbot.waitUntil(window.isMinimized)
    assert controller.view is not None  # still focusing

    quits: list[bool] = []
    window.quitRequested.connect(lambda: quits.append(True))

    def answer(button: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, lambda: answer(button))
            return
        assert "SIASN" in box.text()  # it says which session would stop
        box.button(button).click()

    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Cancel))
    window.ask_quit()
    assert quits == []  # Cancel keeps Fokus and the session
    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Yes))
    window.ask_quit()
    assert quits == [True]
