"""Qt front end, offscreen: the controller, the tray menu's contents, the
Projects & batches window and its dialogs, the instance socket."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from app.clock import FakeClock
from app.domain import SessionState
from app.platform.paths import Paths
from ui.shell.controller import FokusController


@pytest.fixture
def controller(qtbot: QtBot, paths: Paths, clock: FakeClock) -> Iterator[FokusController]:
    c = FokusController(paths, clock=clock, owner="test-tray", heartbeat_seconds=30)
    assert c.load()
    yield c
    c.close()


def menu_texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def submenu(menu: QMenu, text: str) -> QMenu:
    for action in menu.actions():
        if action.text() == text and action.menu() is not None:
            sub = action.menu()
            assert isinstance(sub, QMenu)
            return sub
    raise AssertionError(f"no submenu {text!r} in {menu_texts(menu)}")


def test_controller_runs_a_session_and_schedules_its_wakeups(
        controller: FokusController, clock: FakeClock, qtbot: QtBot) -> None:
    svc = controller.service
    pid = svc.add_project("SIASN").id
    assert pid is not None
    with qtbot.waitSignal(controller.changed):
        assert controller.start(pid, minutes=25)
    assert controller.view is not None and controller.view.state == SessionState.FOCUSING
    # Next wake-up: the heartbeat (30 s) comes before the minutes shown change.
    assert 29_000 <= controller._timer.interval() <= 30_100
    controller.heartbeat_seconds = 300
    clock.advance(20)
    controller.refresh()
    # now the next change of the minutes shown: 40 s on (24:40 -> 24:00)
    assert 39_000 <= controller._timer.interval() <= 40_100
    clock.advance(40)
    clock.advance(24 * 60)
    with qtbot.waitSignal(controller.sessionFinished) as finished:
        controller.refresh()
    assert finished.args[0].state == SessionState.FINISHED
    assert controller.view is None
    assert not controller._timer.isActive()  # idle: nothing scheduled, no CPU


def test_controller_reports_errors_as_text(controller: FokusController, qtbot: QtBot) -> None:
    with qtbot.waitSignal(controller.failed) as failed:
        controller.stop()
    assert "No focus session" in failed.args[0]


def test_tray_menu_lists_planned_block_then_projects(controller: FokusController,
                                                     clock: FakeClock, qtbot: QtBot) -> None:
    from app.store.demo import fill
    from ui.tray.tray import FokusTray

    fill(controller.service.store, clock, weeks=1)
    controller.refresh()
    tray = FokusTray(controller)
    tray.rebuild_menu()
    texts = menu_texts(tray.menu)
    assert texts[:5] == ["Start focus", "Switch to", "Log interruption", "Pause", "Stop"]
    assert "Projects && batches…" in texts and texts[-1] == "Quit Fokus"
    start = submenu(tray.menu, "Start focus")
    entries = [a.text() for a in start.actions()]
    assert entries[0].startswith(("Planned now", "Next up"))  # the section header
    projects = [a.text() for a in start.actions() if a.menu() is not None]
    assert projects == sorted(projects, key=str.lower) and "SIASN" in projects
    siasn = menu_texts(submenu(start, "SIASN"))
    assert siasn[-1] == "SIASN (no batch)"
    assert "Fix rank promotion date bug" in siasn

    # Starting from the menu: the header shows the session, Start is disabled.
    submenu(start, "SIASN").actions()[0].trigger()
    tray.rebuild_menu()
    assert tray.menu.actions()[0].text().startswith("Focusing: SIASN")
    assert not submenu(tray.menu, "Start focus").isEnabled()
    assert "min left (until" in tray.icon.toolTip()


def test_focus_length_menu_remembers_the_choice(controller: FokusController) -> None:
    from ui.tray.tray import FokusTray

    tray = FokusTray(controller)
    tray.rebuild_menu()
    length = submenu(tray.menu, "Focus length")
    assert [a.text() for a in length.actions() if a.isChecked()] == ["90 minutes"]
    next(a for a in length.actions() if a.text() == "50 minutes").trigger()
    assert controller.focus_minutes() == 50
    tray.rebuild_menu()
    length = submenu(tray.menu, "Focus length")
    assert [a.text() for a in length.actions() if a.isChecked()] == ["50 minutes"]


def _menu_objects(menu: QMenu) -> tuple[int, int]:
    """The QMenus alive in the application and the QActions under the tray's menu."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    menus = sum(1 for w in QApplication.allWidgets() if isinstance(w, QMenu))
    return menus, len(menu.findChildren(QAction))


def _menu_wrappers() -> int:
    """Python objects standing for a QMenu or a QAction, deleted ones included.
    (Counted apart from the above: listing Qt's children makes wrappers too.)"""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, QMenu | QAction))


@pytest.mark.qt_log_ignore("This plugin does not support raise.*",
                           "This plugin does not support grabbing the keyboard")
def test_tray_menu_rebuilds_leave_nothing_behind(controller: FokusController,
                                                 clock: FakeClock, qtbot: QtBot) -> None:
    from app.store.demo import fill
    from ui.tray.tray import FokusTray

    fill(controller.service.store, clock, weeks=1)
    controller.refresh()
    tray = FokusTray(controller)
    for _ in range(5):
        tray.rebuild_menu()
    wrappers = _menu_wrappers()
    for _ in range(50):
        tray.rebuild_menu()
    qtbot.waitUntil(lambda: _menu_wrappers() == wrappers)

    first = _menu_objects(tray.menu)
    assert first[0] > 5 and first[1] > 30  # the submenus and their entries are there
    for _ in range(50):
        tray.rebuild_menu()
    qtbot.waitUntil(lambda: _menu_objects(tray.menu) == first)

    # A left click opens the menu with one rebuild, not two.
    clears: list[int] = []
    real_clear = tray._clear_menu

    def counted() -> None:
        clears.append(1)
        real_clear()

    tray._clear_menu = counted  # type: ignore[method-assign]
    tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    qtbot.waitUntil(tray.menu.isVisible)
    tray.menu.hide()
    assert clears == [1]
    qtbot.waitUntil(lambda: _menu_objects(tray.menu) == first)


def _accept_next_dialog(qtbot: QtBot, fill: object) -> None:
    """Fill in the next modal dialog and press OK, from inside its event loop."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, act)
            return
        fill(dialog)  # type: ignore[operator]
        dialog.accept()
        if dialog.isVisible():  # refused: say so by failing the fill
            QTimer.singleShot(0, dialog.reject)

    QTimer.singleShot(0, act)


def test_projects_window_adds_project_and_batch(controller: FokusController,
                                                qtbot: QtBot) -> None:
    from ui.projects.window import ProjectsWindow

    window = ProjectsWindow(controller)
    qtbot.addWidget(window)
    window.show()
    assert window.batch_title.text() == "No project yet"

    def project(d: QDialog) -> None:
        d.name.setText("SIMPEGNAS")  # type: ignore[attr-defined]
        d.tech.setText("PHP, Laravel")  # type: ignore[attr-defined]

    _accept_next_dialog(qtbot, project)
    qtbot.mouseClick(window.add_project_button, Qt.MouseButton.LeftButton)
    assert window.projects.count() == 1
    assert window.current_project().name == "SIMPEGNAS"  # type: ignore[union-attr]

    def batch(d: QDialog) -> None:
        d.title.setText("Leave-balance report")  # type: ignore[attr-defined]
        d.task_type.setCurrentIndex(d.task_type.findData("debugging"))  # type: ignore[attr-defined]
        d.urgency.setCurrentIndex(d.urgency.findData("high"))  # type: ignore[attr-defined]
        d.estimate.setValue(120)  # type: ignore[attr-defined]
        d.has_due.setChecked(True)  # type: ignore[attr-defined]
        d.note.setPlainText("check index on cuti.tanggal")  # type: ignore[attr-defined]

    _accept_next_dialog(qtbot, batch)
    qtbot.mouseClick(window.add_batch_button, Qt.MouseButton.LeftButton)
    assert window.batches.rowCount() == 1
    assert [window.batches.item(0, c).text() for c in range(4)] == [
        "Leave-balance report", "Debugging", "120 min", "High"]
    stored = controller.service.batches("SIMPEGNAS")[0]
    assert stored.prep_note == "check index on cuti.tanggal"
    assert stored.due_date == controller.clock.now().date()
    assert window.note.isVisibleTo(window) and "cuti.tanggal" in window.note.text()

    # Start from the window's panel; the panel follows the session.
    qtbot.mouseClick(window.panel.start, Qt.MouseButton.LeftButton)
    assert window.panel.state.text() == "Focusing: SIMPEGNAS — Leave-balance report"
    qtbot.mouseClick(window.panel.pause, Qt.MouseButton.LeftButton)
    assert window.panel.pause.text() == "Resume"
    qtbot.mouseClick(window.panel.stop, Qt.MouseButton.LeftButton)
    assert window.panel.state.text() == "No focus session"

    # Mark done hides the batch; Show done brings it back, greyed.
    qtbot.mouseClick(window.done_button, Qt.MouseButton.LeftButton)
    assert window.batches.rowCount() == 0
    window.show_done.setChecked(True)
    assert window.batches.item(0, 5).text() == "Done"


def test_dialog_refuses_a_duplicate_name_and_stays_open(controller: FokusController,
                                                         qtbot: QtBot) -> None:
    from ui.projects.dialogs import ProjectDialog

    controller.service.add_project("SIASN")
    dialog = ProjectDialog(None)
    qtbot.addWidget(dialog)
    dialog.submit = lambda: controller.service.add_project(dialog.name.text())
    dialog.name.setText("siasn")
    dialog.show()
    dialog.accept()
    assert dialog.isVisible() and dialog.result() == 0
    assert "already exists" in dialog.error.text()
    dialog.name.setText("SIASN 2")
    dialog.accept()
    assert not dialog.isVisible()


def test_archive_asks_and_hides(controller: FokusController, qtbot: QtBot,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ui.projects.window import ProjectsWindow

    controller.service.add_project("MyASN")
    window = ProjectsWindow(controller)
    qtbot.addWidget(window)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.toggle_archive()
    assert window.projects.count() == 0
    window.show_archived.setChecked(True)
    assert window.projects.item(0).text() == "MyASN (archived)"
    assert window.archive_button.text() == "Restore"


def test_batch_dialog_round_trips_a_batch(controller: FokusController, qtbot: QtBot) -> None:
    from ui.projects.dialogs import BatchDialog

    svc = controller.service
    svc.add_project("A")
    b = svc.add_batch("A", "Review", "code_review", 45, "critical", date(2027, 1, 4), "PR 12")
    dialog = BatchDialog(None, svc.projects(), b)
    qtbot.addWidget(dialog)
    values = dialog.values()
    assert values == {"project": b.project_id, "title": "Review", "task_type": "code_review",
                      "estimate_minutes": 45, "urgency": "critical",
                      "due_date": date(2027, 1, 4), "prep_note": "PR 12"}


def test_instance_socket_runs_commands_in_the_gui_thread(controller: FokusController,
                                                         paths: Paths, qtbot: QtBot) -> None:
    from app.errors import FokusError
    from app.platform.instance import send
    from ui.shell.ipc import InstanceServer

    controller.service.add_project("SIASN")
    server = InstanceServer(str(paths.socket), controller.execute)
    results: dict[str, object] = {}

    def client() -> None:
        results["start"] = send(paths.socket, "start", {"project": "siasn", "minutes": 50})
        try:
            send(paths.socket, "start", {"project": "nope"})
        except FokusError as err:
            results["error"] = err.code.value
        results["status"] = send(paths.socket, "status")

    thread = threading.Thread(target=client)
    with qtbot.waitSignal(controller.changed):
        thread.start()
        qtbot.waitUntil(lambda: "status" in results, timeout=10_000)
    thread.join()
    server.close()
    assert results["error"] == "unknown_project"
    assert results["status"]["state"] == "focusing"  # type: ignore[index]
    assert controller.view is not None and controller.view.project == "SIASN"


def test_icons_are_drawn_for_each_state(qtbot: QtBot) -> None:
    from ui.tray.icons import state_icon

    images = []
    for state, minutes in (("idle", None), ("focusing", 42), ("paused", None)):
        icon = state_icon(state, 0.6, "#e76f51", minutes)
        assert not icon.isNull()
        images.append(icon.pixmap(32, 32).toImage())
    assert images[0] != images[1] != images[2]
