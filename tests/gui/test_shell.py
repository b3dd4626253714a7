"""The tray application's wiring, offscreen, over a real SQLite file: the
window registry, the pop-ups' coordinator, the data-changed signal, and the
language the tray starts in."""

from __future__ import annotations

import gc
import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.clock import FakeClock
from app.platform.paths import Paths
from ui.shell.controller import FokusController
from ui.shell.prompts import CONTEXT, CONTEXT_CARD_MINUTES, RESUME, PromptCoordinator
from ui.shell.windows import WindowRegistry

# Offscreen windows cannot be raised; on a desktop they are.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise.*")
# A Tuesday at 08:00 in Jakarta: a deep-work window, nothing to confirm before a start.
MORNING = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)


@pytest.fixture
def controller(qtbot: QtBot, paths: Paths, clock: FakeClock) -> Iterator[FokusController]:
    clock.current = MORNING
    c = FokusController(paths, clock=clock, owner="test-shell", heartbeat_seconds=30)
    assert c.load()
    yield c
    c.close()


@pytest.fixture
def shell(controller: FokusController) -> Iterator[tuple[WindowRegistry, PromptCoordinator]]:
    windows = WindowRegistry(controller)
    prompts = PromptCoordinator(controller, windows)
    yield windows, prompts
    prompts.close_all()
    windows.close_all()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def visible(kind: type[QWidget]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def settle() -> None:
    """Run what is queued, deletions included: what survives this is kept on purpose."""
    for _ in range(3):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_the_context_card_outlives_a_collection_and_steps_aside_later(
        controller: FokusController, shell: tuple[WindowRegistry, PromptCoordinator],
        clock: FakeClock, qtbot: QtBot) -> None:
    from ui.activity.dialogs import ContextCardPopup

    _, prompts = shell
    svc = controller.service
    pid = svc.add_project("SIASN").id
    assert pid is not None
    svc.activity.add_note(pid, "mapper done; next: the edge case")
    assert controller.start(pid)
    gc.collect()
    settle()
    cards = visible(ContextCardPopup)
    assert len(cards) == 1 and prompts.current(CONTEXT) is cards[0]
    note = cards[0].findChild(QWidget, "lastNote")
    assert note is not None and "edge case" in note.text()  # type: ignore[attr-defined]

    # Still there a minute in; gone once the session is a few minutes old.
    clock.advance(60)
    controller.refresh()
    settle()
    assert len(visible(ContextCardPopup)) == 1
    clock.advance(CONTEXT_CARD_MINUTES * 60)
    controller.refresh()
    qtbot.waitUntil(lambda: not visible(ContextCardPopup))
    assert prompts.current(CONTEXT) is None


def test_a_project_without_notes_shows_no_card(
        controller: FokusController, shell: tuple[WindowRegistry, PromptCoordinator]) -> None:
    from ui.activity.dialogs import ContextCardPopup

    pid = controller.service.add_project("MyASN").id
    assert pid is not None and controller.start(pid)
    settle()
    assert visible(ContextCardPopup) == [] and shell[1].current(CONTEXT) is None


def test_two_switches_in_a_row_leave_one_resume_prompt(
        controller: FokusController, shell: tuple[WindowRegistry, PromptCoordinator]) -> None:
    from ui.activity.dialogs import ResumeNotePrompt

    _, prompts = shell
    svc = controller.service
    a, b, c = (svc.add_project(n).id for n in ("SIASN", "MyASN", "SIMPEGNAS"))
    assert a is not None and b is not None and c is not None
    assert controller.start(a)
    first = controller.switch(b)
    assert first is not None
    prompts.after_switch(first)
    settle()
    prompt = prompts.current(RESUME)
    assert isinstance(prompt, ResumeNotePrompt) and prompt.start_requested()
    prompt.text.setText("rank mapper half done")

    second = controller.switch(c)
    assert second is not None
    prompts.after_switch(second)
    gc.collect()
    settle()
    prompts_shown = visible(ResumeNotePrompt)
    assert len(prompts_shown) == 1 and prompts_shown[0] is prompts.current(RESUME)
    assert "MyASN" in prompts_shown[0].windowTitle()
    # What was typed in the replaced prompt is kept; it did not start a session.
    assert [n.text for n in svc.activity.notes(a)] == ["rank mapper half done"]
    assert controller.view is None


def test_a_reflection_reminder_during_focus_waits_for_the_session_to_end(
        controller: FokusController, shell: tuple[WindowRegistry, PromptCoordinator],
        qtbot: QtBot) -> None:
    from ui.reports.reflection import ReflectionDialog

    windows, prompts = shell
    pid = controller.service.add_project("SIASN").id
    assert pid is not None and controller.start(pid)
    day = controller.service.week.local(controller.clock.now()).date()
    prompts.reflection_due(day)
    settle()
    assert visible(ReflectionDialog) == [] and prompts.pending() == {"reflection": day}

    controller.stop()
    # The ended session's note comes first; the reflection after it.
    qtbot.waitUntil(lambda: prompts.current(RESUME) is not None)
    settle()
    assert visible(ReflectionDialog) == []
    note = prompts.current(RESUME)
    assert note is not None
    note.close()
    qtbot.waitUntil(lambda: len(visible(ReflectionDialog)) == 1)
    assert windows.get("reflection") is visible(ReflectionDialog)[0]
    assert prompts.pending() == {}
    # Asked again (the tray's entry), it is raised, not doubled.
    windows.open("reflection")
    settle()
    assert len(visible(ReflectionDialog)) == 1


def test_a_start_in_core_hours_is_asked_once_and_started_on_yes(
        controller: FokusController, shell: tuple[WindowRegistry, PromptCoordinator],
        clock: FakeClock, qtbot: QtBot) -> None:
    _, prompts = shell
    pid = controller.service.add_project("SIASN").id
    assert pid is not None
    clock.current = datetime(2026, 11, 24, 4, 0, tzinfo=UTC)  # 11:00 in Jakarta: core hours
    assert not controller.start(pid)
    assert not controller.start(pid)  # asked twice: still one question
    settle()
    boxes = visible(QMessageBox)
    assert len(boxes) == 1 and "core hours" in boxes[0].text()  # type: ignore[attr-defined]
    box = boxes[0]
    assert isinstance(box, QMessageBox)
    yes = box.button(QMessageBox.StandardButton.Yes)
    assert yes is not None
    yes.click()
    qtbot.waitUntil(lambda: controller.view is not None)
    assert controller.view is not None and controller.view.project == "SIASN"


def test_writes_are_announced_once_per_turn_and_windows_follow(
        controller: FokusController, shell: tuple[WindowRegistry, PromptCoordinator],
        qtbot: QtBot) -> None:
    from ui.projects.window import ProjectsWindow

    windows, _ = shell
    window = windows.open("projects")
    assert isinstance(window, ProjectsWindow) and window.projects.count() == 0
    seen: list[frozenset[str]] = []
    controller.dataChanged.connect(seen.append)
    svc = controller.service
    with qtbot.waitSignal(controller.dataChanged):
        svc.add_project("SIASN")
        svc.add_batch("SIASN", "Refactor API")
    assert seen == [frozenset({"projects", "batches"})]
    # The window refreshed itself: nobody told it.
    assert window.projects.count() == 1 and window.batches.rowCount() == 1
    # A heartbeat is bookkeeping, not news.
    pid = svc.project("SIASN").id
    assert pid is not None and controller.start(pid)
    settle()
    seen.clear()
    controller.clock.advance(60)  # type: ignore[attr-defined]
    controller.refresh()
    settle()
    assert seen == []


def test_the_registry_keeps_one_window_per_kind_and_forgets_closed_dialogs(
        controller: FokusController, shell: tuple[WindowRegistry, PromptCoordinator]) -> None:
    windows, _ = shell
    today = windows.open("today")
    assert today is not None and windows.open("today") is today
    today.close()
    settle()
    assert windows.get("today") is today  # a window is hidden, kept for next time
    export = windows.open("export")
    assert export is not None
    export.close()
    settle()
    assert windows.get("export") is None  # a dialog is made afresh


def _store_language(paths: Paths, language: str) -> None:
    from app.store.engine import Store

    Store(paths.database).close()  # the schema
    conn = sqlite3.connect(paths.database)
    try:
        conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('language', ?)",
                     (json.dumps(language),))
        conn.commit()
    finally:
        conn.close()


def test_the_tray_starts_in_the_stored_language_on_an_english_desktop(
        paths: Paths, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.i18n import _
    from ui.i18n import install_translators
    from ui.shell.app import FokusApp

    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "FOKUS_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    _store_language(paths, "id")
    app = FokusApp(paths)
    try:
        assert app.language == "id"
        texts = [a.text() for a in app.tray.menu.actions()]
        for indonesian in ("Refleksi hari ini…", "Wawasan…", "Ekspor laporan mingguan…",
                           "Laporan tim…", "Mulai fokus", "Keluar dari Fokus"):
            assert indonesian in texts, texts
        assert app.tray.icon.toolTip() == "Fokus — memuat…"
        assert _("options") != "options"  # gettext speaks it too

        # A new language (the welcome guide, Settings) re-makes the menu at once.
        install_translators(app.qapp, "en")
        texts = [a.text() for a in app.tray.menu.actions()]
        assert "Reflect on today…" in texts and "Team report…" in texts
        assert app.tray.icon.toolTip() == "Fokus — loading…"
    finally:
        install_translators(app.qapp, "en")
        from app.i18n import set_language

        set_language(None)
        app.dispose()


def test_quit_from_the_tray_asks_while_a_session_runs(paths: Paths, qtbot: QtBot,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QTimer

    from ui.shell.app import FokusApp

    app = FokusApp(paths)
    app._loader.stop()  # only the controller: no monitors, watchers or socket here
    quits: list[bool] = []
    monkeypatch.setattr(app, "quit", lambda: quits.append(True))
    try:
        assert app.controller.load()
        project = app.controller.service.add_project("SIASN")
        assert app.controller.start(project.id or 0, confirmed=True)

        def answer(button: QMessageBox.StandardButton) -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(20, lambda: answer(button))
                return
            assert "SIASN" in box.text()
            box.button(button).click()

        QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Cancel))
        app.tray.quitRequested.emit()
        assert quits == [] and app.controller.view is not None
        QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Yes))
        app.tray.quitRequested.emit()
        assert quits == [True]
        app.controller.stop()
        app.tray.quitRequested.emit()  # nothing running: no question
        assert quits == [True, True]
    finally:
        app.dispose()


def test_after_a_switch_the_card_waits_for_the_note_and_shows_once(
        controller: FokusController, shell: tuple[WindowRegistry, PromptCoordinator],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The card used to open over the "where did you stop" prompt, hiding its
    field, and to open a second time once the prompt started the session."""
    from ui.activity import dialogs
    from ui.activity.dialogs import ContextCardPopup, ResumeNotePrompt

    made: list[object] = []

    class CountedCard(ContextCardPopup):
        def __init__(self, *args: object) -> None:
            super().__init__(*args)  # type: ignore[arg-type]
            made.append(self)

    monkeypatch.setattr(dialogs, "ContextCardPopup", CountedCard)
    _, prompts = shell
    svc = controller.service
    a, b = (svc.add_project(n).id for n in ("SIASN", "MyASN"))
    assert a is not None and b is not None
    svc.activity.add_note(b, "SSO callback: check the redirect URI")
    assert controller.start(a)
    result = controller.switch(b)
    assert result is not None
    prompts.after_switch(result)
    settle()
    prompt = prompts.current(RESUME)
    assert isinstance(prompt, ResumeNotePrompt)
    assert made == [] and visible(ContextCardPopup) == []  # the prompt is not covered
    prompt.text.setText("mapper half done")
    prompt.accept()  # saves the note and starts the offered session on MyASN
    settle()
    assert len(made) == 1 and visible(ContextCardPopup) == made
    assert prompts.current(CONTEXT) is made[0]
    assert controller.view is not None and controller.view.project == "MyASN"
    assert [n.text for n in svc.activity.notes(a)] == ["mapper half done"]


def test_a_new_language_remakes_the_windows_left_open(
        controller: FokusController, shell: tuple[WindowRegistry, PromptCoordinator],
        qtbot: QtBot) -> None:
    """After a language change, open windows used to keep the old language in
    their buttons and headings beside new words."""
    from ui.i18n import install_translators

    windows, _ = shell
    today = windows.open("today")
    week = windows.open("week")
    assert today is not None and week is not None
    week.hide()  # hidden: made again only when next opened
    app = QApplication.instance()
    assert app is not None
    try:
        install_translators(app, "id")  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: windows.get("today") not in (None, today))
        again = windows.get("today")
        assert again is not None and again.isVisible()
        assert "Hari ini" in again.windowTitle()
        assert windows.get("week") is None
    finally:
        install_translators(app, "en")  # type: ignore[arg-type]
        from app.i18n import set_language

        set_language(None)
        settle()


def test_a_language_chosen_in_a_modal_settings_dialog_waits_for_it_to_close(
        controller: FokusController, shell: tuple[WindowRegistry, PromptCoordinator],
        qtbot: QtBot) -> None:
    """Settings opened from the Week window is that window's child: remaking the
    window while the dialog runs would delete the dialog under its own feet."""
    from PySide6.QtCore import QTimer

    from ui.i18n import install_translators
    from ui.settings.window import SettingsDialog

    windows, _ = shell
    week = windows.open("week")
    assert week is not None
    app = QApplication.instance()
    assert app is not None

    def inside_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SettingsDialog):
            QTimer.singleShot(20, inside_the_dialog)
            return
        install_translators(app, "id")  # type: ignore[arg-type]
        QTimer.singleShot(300, dialog.reject)  # the remake has had time to try

    try:
        QTimer.singleShot(0, inside_the_dialog)
        week.open_settings()  # type: ignore[attr-defined]
        assert windows.get("week") is week  # nothing remade while it ran
        qtbot.waitUntil(lambda: windows.get("week") not in (None, week))
        assert "Pekan" in windows.get("week").windowTitle()  # type: ignore[union-attr]
    finally:
        install_translators(app, "en")  # type: ignore[arg-type]
        from app.i18n import set_language

        set_language(None)
        settle()


def _stand_up(controller: FokusController, *days: datetime) -> None:
    """A daily stand-up at 09:30 Jakarta time (02:30 UTC) on each of ``days``."""
    from datetime import timedelta
    from pathlib import Path

    from app.week.calendar import MeetingData

    meetings = [MeetingData(f"standup@{d:%Y%m%d}", d, d + timedelta(minutes=15),
                            "Daily stand-up", False, "") for d in days]
    controller.service.week.save_calendar(Path("/nonexistent/team.ics"), meetings, "x")


def _question() -> QMessageBox | None:
    boxes = [b for b in visible(QMessageBox) if isinstance(b, QMessageBox)]
    return boxes[0] if boxes else None


def test_a_start_confirmation_names_the_meeting_and_asks_only_what_is_new(
        controller: FokusController, shell: tuple[WindowRegistry, PromptCoordinator],
        clock: FakeClock, qtbot: QtBot) -> None:
    from datetime import timedelta

    pid = controller.service.add_project("SIASN").id
    assert pid is not None
    tuesday = datetime(2026, 11, 24, 2, 30, tzinfo=UTC)
    _stand_up(controller, tuesday, tuesday + timedelta(days=1))
    clock.current = tuesday - timedelta(minutes=75)  # 08:15: a 90-minute session runs into it
    assert not controller.start(pid)
    settle()
    box = _question()
    assert box is not None
    # The time as the language writes it (09:30, 9:30 AM, 09.30).
    assert box.text().startswith("Daily stand-up at ") and "9:30" in box.text()
    assert "starts before this session ends." in box.text()
    assert "core hours" not in box.text()
    yes = box.button(QMessageBox.StandardButton.Yes)
    assert yes is not None
    yes.click()
    qtbot.waitUntil(lambda: controller.view is not None)
    controller.stop()
    note = shell[1].current(RESUME)
    if note is not None:
        note.close()
    settle()
    # The same stand-up, later that morning: known already, not asked again.
    clock.advance(20 * 60)
    controller.start(pid)
    qtbot.waitUntil(lambda: controller.view is not None)
    assert _question() is None
    controller.stop()
    settle()
    # The next morning's stand-up is new: asked, by name.
    clock.current = tuesday + timedelta(days=1, minutes=-75)
    assert not controller.start(pid)
    settle()
    box = _question()
    assert box is not None and "Daily stand-up at " in box.text()


def test_a_start_refused_is_not_asked_again_within_two_minutes(
        controller: FokusController, shell: tuple[WindowRegistry, PromptCoordinator],
        clock: FakeClock, qtbot: QtBot) -> None:
    pid = controller.service.add_project("SIASN").id
    assert pid is not None
    clock.current = datetime(2026, 11, 24, 4, 0, tzinfo=UTC)  # 11:00 in Jakarta: core hours
    assert not controller.start(pid)
    settle()
    box = _question()
    assert box is not None and "core hours" in box.text()
    no = box.button(QMessageBox.StandardButton.No)
    assert no is not None
    no.click()
    settle()
    assert controller.view is None
    clock.advance(60)  # pressed again a minute later: meant
    controller.start(pid)
    qtbot.waitUntil(lambda: controller.view is not None)
    assert _question() is None


def test_a_planned_collaborative_block_in_core_hours_starts_without_a_question(
        controller: FokusController, shell: tuple[WindowRegistry, PromptCoordinator],
        clock: FakeClock, qtbot: QtBot) -> None:
    from datetime import timedelta

    svc = controller.service
    project = svc.add_project("SIASN")
    batch = svc.add_batch("SIASN", "Review the sync", "code_review", 60)
    assert project.id is not None and batch.id is not None
    eleven = datetime(2026, 11, 24, 4, 0, tzinfo=UTC)  # 11:00 in Jakarta: core hours
    svc.week.add_block(project.id, batch.id, eleven, eleven + timedelta(minutes=60))
    clock.current = eleven + timedelta(minutes=5)
    controller.start(project.id, batch.id)  # what Ctrl+Alt+F does in the block
    qtbot.waitUntil(lambda: controller.view is not None)
    settle()
    assert _question() is None
    assert controller.view is not None and controller.view.planned_minutes == 55
