"""Today's editable timeline, offscreen: an edge dragged with the mouse moves the
session, the context menu edits, splits, re-files and deletes, an overlap asks
to trim, Ctrl+Z undoes, and entries changed by hand are marked."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from app.clock import FakeClock
from app.platform.paths import Paths
from ui.shell.controller import FokusController

WIB = timezone(timedelta(hours=7))


def wib(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 23, hour, minute, tzinfo=WIB)


@pytest.fixture
def controller(qtbot: QtBot, paths: Paths, clock: FakeClock) -> Iterator[FokusController]:
    clock.current = wib(17).astimezone(UTC)
    c = FokusController(paths, clock=clock, owner="test-tray")
    assert c.load()
    c.service.add_project("SIASN")
    c.service.add_batch("SIASN", "Refactor API")
    c.service.add_project("MyASN")
    yield c
    c.close()


@pytest.fixture
def window(controller: FokusController, qtbot: QtBot):  # type: ignore[no-untyped-def]
    from ui.activity.today import TodayWindow

    siasn = controller.service.project("SIASN").id
    assert siasn is not None
    controller.service.history.add_session(siasn, None, wib(9), wib(10))
    controller.service.history.add_session(siasn, None, wib(11), wib(12))
    w = TodayWindow(controller)
    qtbot.addWidget(w)
    w.resize(1000, 560)
    w.show()
    qtbot.waitExposed(w)
    return w


def sessions(controller: FokusController) -> list[tuple[int, datetime, datetime | None, str]]:
    return [(e.id, e.started_at.astimezone(WIB), e.ended_at.astimezone(WIB)
             if e.ended_at else None, e.project)
            for e in controller.service.history.sessions(wib(0), wib(23, 59))]


def point(window, minute: float, y: float = 50) -> QPoint:  # type: ignore[no-untyped-def]
    return QPoint(round(window.timeline.x_of(minute)), round(y))


def test_dragging_the_right_edge_moves_the_end(window, controller: FokusController,  # type: ignore[no-untyped-def]
                                               qtbot: QtBot) -> None:
    timeline = window.timeline
    assert timeline.hit_at(point(window, 10 * 60).toPointF()).kind == "end"
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=point(window, 10 * 60))
    qtbot.mouseMove(timeline, point(window, 10 * 60 + 15))
    qtbot.mouseMove(timeline, point(window, 10 * 60 + 30))
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=point(window, 10 * 60 + 30))
    qtbot.waitUntil(lambda: sessions(controller)[0][2] is not None and
                    abs((sessions(controller)[0][2] - wib(10, 30)).total_seconds()) <= 120)
    assert "Ctrl+Z" in window.notice.text()
    qtbot.waitUntil(lambda: "edited" in window.events.topLevelItem(0).text(2) or
                    "added" in window.events.topLevelItem(0).text(2))


def test_an_overlap_asks_to_trim_the_other(window, controller: FokusController,  # type: ignore[no-untyped-def]
                                           qtbot: QtBot) -> None:
    asked: list[str] = []
    window.editor.ask_trim = lambda parent, err: asked.append(str(err.params)) or True
    first, second = (e[0] for e in sessions(controller))
    window.editor.run(lambda trim: controller.service.history.edit_session(
        first, end=wib(11, 30), trim=trim))
    assert asked and "11:00" in asked[0]
    spans = [(a.time(), z.time() if z else None) for _, a, z, _ in sessions(controller)]
    assert spans == [(wib(9).time(), wib(11, 30).time()), (wib(11, 30).time(), wib(12).time())]
    # Cancelled: nothing changes.
    window.editor.ask_trim = lambda parent, err: False
    before = sessions(controller)
    assert not window.editor.run(lambda trim: controller.service.history.edit_session(
        first, end=wib(11, 45), trim=trim))
    assert sessions(controller) == before
    assert second in [e[0] for e in before]


def test_the_context_menu_splits_refiles_deletes_and_undoes(window,  # type: ignore[no-untyped-def]
                                                            controller: FokusController,
                                                            qtbot: QtBot) -> None:
    editor = window.editor

    def menu_at(minute: float) -> QMenu:
        hit = window.timeline.hit_at(point(window, minute).toPointF())
        return editor.build_menu(hit, minute)

    def action(menu: QMenu, text: str):  # type: ignore[no-untyped-def]
        for act in menu.actions():
            if act.text() == text:
                return act
            if act.menu() is not None:
                found = action(act.menu(), text)
                if found is not None:
                    return found
        return None

    menu = menu_at(9 * 60 + 20)
    assert [a.text() for a in menu.actions() if a.text()] == [
        "Edit…", "Split here", "Change project", "Change batch", "Delete", "Undo"]
    action(menu, "Split here").trigger()
    menu.close()
    assert len(sessions(controller)) == 3
    qtbot.waitUntil(lambda: len(window.timeline.log["sessions"]) == 3)
    menu = menu_at(9 * 60 + 40)
    action(menu, "MyASN").trigger()
    menu.close()
    assert [e[3] for e in sessions(controller)] == ["SIASN", "MyASN", "SIASN"]
    qtbot.waitUntil(lambda: [s["project"] for s in window.timeline.log["sessions"]] == [
        "SIASN", "MyASN", "SIASN"])
    menu = menu_at(11 * 60 + 30)
    action(menu, "Delete").trigger()
    menu.close()
    assert len(sessions(controller)) == 2
    qtbot.waitUntil(lambda: window.events.topLevelItemCount() == 2)
    # Ctrl+Z in the window, three times: delete, re-file and split undone.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for _ in range(3):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(sessions(controller)) == 2 and
                    [e[3] for e in sessions(controller)] == ["SIASN", "SIASN"])
    assert [(a, z) for _, a, z, _ in sessions(controller)] == [
        (wib(9), wib(10)), (wib(11), wib(12))]
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.notice.text() == "There is nothing to undo."


def test_the_edit_dialog_changes_times_project_and_batch(window,  # type: ignore[no-untyped-def]
                                                         controller: FokusController,
                                                         qtbot: QtBot) -> None:
    from PySide6.QtCore import QDateTime

    from ui.activity.history_dialogs import SessionEditDialog

    first = sessions(controller)[0][0]
    window.editor.open_edit(first)
    dialog = window.editor.dialog
    assert isinstance(dialog, SessionEditDialog)
    dialog.start.setDateTime(QDateTime.fromString("2026-11-23T08:30", "yyyy-MM-ddTHH:mm"))
    dialog.batch.setCurrentIndex(dialog.batch.findText("Refactor API"))
    dialog.accept()
    entry = controller.service.history.sessions(wib(0), wib(23))[0]
    assert entry.started_at == wib(8, 30) and entry.batch == "Refactor API"


def test_switches_and_interruptions_have_their_menus(window,  # type: ignore[no-untyped-def]
                                                     controller: FokusController,
                                                     qtbot: QtBot) -> None:
    svc = controller.service
    controller.clock.advance(-0.0)
    svc.activity.interrupt("chat", at=wib(9, 30).astimezone(UTC))
    qtbot.waitUntil(lambda: len(window.timeline.log["interruptions"]) == 1)
    x = window.timeline.x_of(9 * 60 + 30)
    hit = window.timeline.hit_at(QPoint(round(x), 26).toPointF())
    assert hit.kind == "interruption"
    menu = window.editor.build_menu(hit, 570)
    sources = next(a.menu() for a in menu.actions() if a.menu() is not None)
    next(a for a in sources.actions() if a.text() == "Phone").trigger()
    menu.close()
    assert svc.activity.day_log()["interruptions"][0]["source"] == "phone"
    qtbot.waitUntil(lambda: any("edited by hand" in window.events.topLevelItem(i).text(2)
                                for i in range(window.events.topLevelItemCount())))


def test_a_past_wib_day_read_in_utc_is_shown_and_edited_on_its_own_clock(
        controller: FokusController, clock: FakeClock, qtbot: QtBot) -> None:
    from datetime import date

    from ui.activity.today import TodayWindow

    siasn = controller.service.project("SIASN").id
    assert siasn is not None
    controller.service.history.add_session(siasn, None, wib(9), wib(10))
    clock.offset_minutes = 0  # a week later, on a machine in UTC
    clock.current = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    w = TodayWindow(controller)
    qtbot.addWidget(w)
    w.resize(1000, 560)
    w.show_day(date(2026, 11, 23))
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: len(w.timeline.log["sessions"]) == 1)
    assert w.timeline.session_span(w.timeline.log["sessions"][0]) == (9 * 60, 10 * 60)
    timeline = w.timeline
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=point(w, 10 * 60))
    qtbot.mouseMove(timeline, point(w, 10 * 60 + 15))
    qtbot.mouseMove(timeline, point(w, 10 * 60 + 30))
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=point(w, 10 * 60 + 30))
    # The end moved to 10:30 WIB, not to 10:30 UTC (17:30 WIB), and stays on WIB.
    qtbot.waitUntil(lambda: sessions(controller)[0][2] is not None and
                    abs((sessions(controller)[0][2] - wib(10, 30)).total_seconds()) <= 120)
    qtbot.waitUntil(lambda: w.timeline.log["sessions"][0]["start"]
                    == "2026-11-23T09:00:00+07:00")
