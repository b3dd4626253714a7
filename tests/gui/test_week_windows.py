"""The week view, the settings dialog and the window watcher, offscreen."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from app.clock import FakeClock
from app.platform.paths import Paths
from app.store import settings as S
from ui.shell.controller import FokusController

WIB = timezone(timedelta(hours=7))
DATA = Path(__file__).parents[1] / "data"


@pytest.fixture
def controller(qtbot: QtBot, paths: Paths, clock: FakeClock) -> Iterator[FokusController]:
    clock.current = datetime(2026, 11, 23, 7, 30, tzinfo=WIB).astimezone(UTC)  # Monday
    c = FokusController(paths, clock=clock, owner="test-tray")
    assert c.load()
    c.service.add_project("SIASN")
    c.service.add_batch("SIASN", "Refactor API", estimate_minutes=180)
    c.service.add_project("MyASN")
    c.service.add_batch("MyASN", "Sprint planning", "sprint_planning", 60)
    yield c
    c.close()


def accept_dialog(fill: object = None) -> None:
    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, act)
            return
        if callable(fill):
            fill(dialog)
        dialog.accept()
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, act)


def test_week_view_creates_moves_resizes_and_deletes_blocks(controller: FokusController,
                                                            qtbot: QtBot) -> None:
    from ui.week.window import WeekWindow

    window = WeekWindow(controller)
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    canvas = window.canvas
    assert [d.isoformat() for d in canvas.days][0] == "2026-11-23"

    # Mouse: drag on Monday from 08:00 to 09:30 creates a block there.
    def y(minute: int) -> int:
        return int(canvas._y(minute))

    x_monday = int(canvas._rect(0, 0, 1).center().x())
    accept_dialog()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(x_monday, y(8 * 60) + 1))
    qtbot.mouseMove(canvas, QPoint(x_monday, y(9 * 60 + 30)))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(x_monday, y(9 * 60 + 30)))
    week = controller.service.week
    _, start, end = week.week_bounds("2026-W48")
    blocks = week.blocks(start, end)
    assert [(week.local(b.start_at).strftime("%a %H:%M"), week.local(b.end_at).strftime("%H:%M"))
            for b in blocks] == [("Mon 08:00", "09:30")]
    block_id = blocks[0].id
    assert len(canvas.blocks) == 1

    # Mouse: drag the block down by an hour.
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(x_monday, y(8 * 60 + 30)))
    qtbot.mouseMove(canvas, QPoint(x_monday, y(9 * 60 + 30)))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(x_monday, y(9 * 60 + 30)))
    moved = week.block(block_id)  # type: ignore[arg-type]
    assert week.local(moved.start_at).strftime("%H:%M") == "09:00"
    # Mouse: drag its lower edge to resize it.
    bottom = y(10 * 60 + 30) - 3
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(x_monday, bottom))
    qtbot.mouseMove(canvas, QPoint(x_monday, y(11 * 60)))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(x_monday, y(11 * 60)))
    assert week.local(week.block(block_id).end_at).strftime("%H:%M") == "11:00"  # type: ignore[arg-type]
    # It now runs into core hours as a deep block: flagged where it is.
    assert canvas.blocks[0].conflicts == ["Deep work in core hours (meant for coordination)"]

    # Keyboard: select, move to Tuesday, back up 15 min, shrink 15 min, delete.
    canvas.setFocus()
    canvas.selected = None
    qtbot.keyClick(canvas, Qt.Key.Key_Tab)
    assert canvas.selected == block_id
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    qtbot.keyClick(canvas, Qt.Key.Key_Up)
    qtbot.keyClick(canvas, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    b = week.block(block_id)  # type: ignore[arg-type]
    assert (week.local(b.start_at).strftime("%a %H:%M"), week.local(b.end_at).strftime("%H:%M")) \
        == ("Tue 08:45", "10:30")
    assert b.location == "WFO"
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert week.blocks(start, end) == []

    # Keyboard: with nothing selected, arrows move a cursor and N creates.
    canvas.key_cursor = (3, 15 * 60)
    accept_dialog()
    qtbot.keyClick(canvas, Qt.Key.Key_N)
    created = week.blocks(start, end)
    assert [week.local(b.start_at).strftime("%a %H:%M") for b in created] == ["Thu 15:00"]


def test_plan_my_week_previews_then_applies(controller: FokusController, qtbot: QtBot) -> None:
    from ui.week.window import WeekWindow

    controller.service.week.import_calendar(DATA / "outlook.ics")
    window = WeekWindow(controller)
    qtbot.addWidget(window)
    window.show()
    window.plan()
    assert window.preview_bar.isVisible()
    proposed = [b for b in window.canvas.blocks if b.proposed]
    assert len(proposed) >= 3
    assert "new blocks proposed" in window.preview_text.text()
    week = controller.service.week
    _, start, end = week.week_bounds(window.week)
    assert week.blocks(start, end) == []  # a preview changes nothing
    qtbot.mouseClick(window.apply_button, Qt.MouseButton.LeftButton)
    assert len(week.blocks(start, end)) == len(proposed)
    assert not window.preview_bar.isVisible()
    assert week.conflicts(start, end) == {}
    assert "meetings, 3 of them in no-meeting windows" in window.status.text()


def test_settings_refuse_an_invalid_model_and_save_a_valid_one(controller: FokusController,
                                                               qtbot: QtBot) -> None:
    from PySide6.QtCore import QTime

    from app.week.workmodel import DayKind
    from ui.settings.window import SettingsDialog

    dialog = SettingsDialog(controller)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.window_editors[0].start.setTime(QTime(7, 0))  # before work hours begin
    dialog.save()
    assert dialog.isVisible()
    assert "outside the work hours" in dialog.error.text()
    dialog.window_editors[0].start.setTime(QTime(8, 0))
    dialog.day_boxes[0].setCurrentIndex(dialog.day_boxes[0].findData("WFO"))
    dialog.editor(S.PROJECT_LIMIT).set_value(3)
    dialog.place_boxes[next(iter(dialog.place_boxes))].setCurrentIndex(2)  # coding: either
    dialog._add_override(datetime(2026, 12, 25).date(), DayKind.HOLIDAY)
    dialog.save()
    assert not dialog.isVisible()
    model = controller.service.week.work_model()
    assert model.week[0] == DayKind.OFFICE and model.max_projects_per_day == 3
    assert model.day_kind(datetime(2026, 12, 25).date()) == DayKind.HOLIDAY
    assert controller.service.week.matrix()["coding"].place == "either"


def test_watcher_names_the_window_and_announces_it(controller: FokusController,
                                                   clock: FakeClock, qtbot: QtBot,
                                                   tmp_path: Path) -> None:
    from ui.week.window_watch import WindowWatcher

    week = controller.service.week
    monday_8 = datetime(2026, 11, 23, 8, 0, tzinfo=WIB)
    batch = controller.service.batches("SIASN")[0]
    week.add_block(batch.project_id, batch.id, monday_8, monday_8 + timedelta(minutes=90))
    watcher = WindowWatcher(controller)
    assert watcher.label() == ""  # 07:30: before work hours
    clock.current = (monday_8 + timedelta(minutes=1)).astimezone(UTC)
    with qtbot.waitSignal(watcher.deepWindowOpened) as opened:
        watcher._boundary()
    end, planned = opened.args
    assert f"{end:%H:%M}" == "10:00"
    assert planned is not None and planned.batch == "Refactor API"
    assert watcher.label() == "Deep-work window until 10:00"
    # Once per window: not again on the next boundary check, nor after a restart.
    heard: list[object] = []
    watcher.deepWindowOpened.connect(lambda *a: heard.append(a))
    watcher._boundary()
    restarted = WindowWatcher(controller)
    restarted.deepWindowOpened.connect(lambda *a: heard.append(a))
    restarted._boundary(startup=True)
    assert heard == []
    clock.advance(2 * 3600)
    assert watcher.label() == "Core hours until 15:00"
    # Starting now asks first: core hours.
    with qtbot.waitSignal(controller.confirmationNeeded) as asked:
        assert not controller.start(batch.project_id, batch.id)
    assert asked.args[0].concerns == ("core_hours",) and controller.view is None

    # The calendar file is imported, and again when it changes.
    ics = tmp_path / "team.ics"
    ics.write_bytes((DATA / "apple.ics").read_bytes())
    controller.service.settings.set(S.CALENDAR_PATH, str(ics))
    watcher.watch_calendar()
    _, start, end = week.week_bounds("2026-W48")
    qtbot.waitUntil(lambda: [m.title for m in week.meetings(start, end)] ==
                    ["Sync with PIC", "Cuti"])
    ics.write_bytes((DATA / "google.ics").read_bytes())
    qtbot.waitUntil(lambda: "Weekly planning" in [m.title for m in week.meetings(start, end)],
                    timeout=10_000)


def test_watcher_reads_the_calendar_in_a_worker_and_only_when_it_changed(
        controller: FokusController, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from app.week import calendar_process
    from ui.week.window_watch import WindowWatcher

    # Each parse is a reader process (app/week/calendar_process.py), started by
    # a worker: the thread that started each one.
    parsed_in: list[str] = []
    real_command = calendar_process.reader_command

    def command() -> list[str]:
        parsed_in.append(threading.current_thread().name)
        return real_command()

    monkeypatch.setattr(calendar_process, "reader_command", command)
    week = controller.service.week
    _, start, end = week.week_bounds("2026-W48")
    titles = lambda: [m.title for m in week.meetings(start, end)]  # noqa: E731
    ics = tmp_path / "calendars" / "team.ics"
    ics.parent.mkdir()
    ics.write_bytes((DATA / "apple.ics").read_bytes())
    controller.service.settings.set(S.CALENDAR_PATH, str(ics))
    watcher = WindowWatcher(controller)
    with qtbot.waitSignal(controller.changed):
        watcher.watch_calendar()
    assert titles() == ["Sync with PIC", "Cuti"]
    assert len(parsed_in) == 1 and parsed_in[0] != threading.main_thread().name

    # The file itself is watched, not its folder (downloads land beside it).
    assert watcher._files.files() == [str(ics)] and watcher._files.directories() == []

    # The same bytes again: hashed, not parsed.
    ics.write_bytes((DATA / "apple.ics").read_bytes())
    watcher.reimport_calendar()
    qtbot.waitUntil(lambda: not watcher.importing)
    assert len(parsed_in) == 1

    # Replaced the way sync tools do it (a new file renamed over the old one).
    fresh = ics.with_suffix(".part")
    fresh.write_bytes((DATA / "google.ics").read_bytes())
    fresh.replace(ics)
    qtbot.waitUntil(lambda: "Weekly planning" in titles(), timeout=10_000)
    assert len(parsed_in) == 2 and str(ics) in watcher._files.files()

    # A broken file keeps the meetings it had and says what is wrong.
    ics.write_bytes(b"BEGIN:VCALENDAR\nBEGIN:VEVENT\n")
    with qtbot.waitSignal(watcher.calendarFailed, timeout=10_000) as failed:
        watcher.reimport_calendar()
    assert "Weekly planning" in titles() and failed.args[0]


def test_today_window_and_the_switching_dialogs(controller: FokusController, clock: FakeClock,
                                                qtbot: QtBot) -> None:
    from app.domain import SwitchTrigger
    from ui.activity.dialogs import AwayDialog, ContextCardPopup, ResumeNotePrompt
    from ui.activity.today import TodayWindow

    svc = controller.service
    siasn, myasn = (svc.project("SIASN").id, svc.project("MyASN").id)
    assert siasn and myasn
    clock.current = datetime(2026, 11, 23, 8, 0, tzinfo=WIB).astimezone(UTC)
    controller.start(siasn)
    clock.advance(40 * 60)
    svc.activity.interrupt("chat")
    result = svc.activity.switch(myasn, "urgent", "tray")
    window = TodayWindow(controller)
    qtbot.addWidget(window)
    window.show()
    assert "1 context switch ·" in window.figures.text()  # one, not "1 context switches"
    assert "about 20 min" in window.cost.text() and "estimate" in window.cost.text()
    events = window.events
    details = [events.topLevelItem(i).text(2) for i in range(events.topLevelItemCount())]
    assert "SIASN → MyASN (An urgent request, tray)" in details

    saved: list[tuple[str, object]] = []
    prompt = ResumeNotePrompt("SIASN", lambda text, trig: saved.append((text, trig)), True)
    qtbot.addWidget(prompt)
    prompt.text.setText("mapper done; next: edge case")
    prompt.trigger.setCurrentIndex(prompt.trigger.findData("meeting"))
    prompt.accept()
    assert saved == [("mapper done; next: edge case", SwitchTrigger.MEETING)]
    svc.activity.add_note(siasn, saved[0][0])
    svc.activity.set_switch_trigger(result.switch_id, SwitchTrigger.MEETING)
    assert svc.activity.day_log()["switches"][0]["trigger"] == "meeting"

    card = svc.activity.context_card(siasn)
    popup = ContextCardPopup(card, "23 Nov 08:40")
    qtbot.addWidget(popup)
    assert popup.findChild(type(window.cost), "lastNote").text() == "mapper done; next: edge case"

    away = AwayDialog("sleep", 45, "SIASN")
    qtbot.addWidget(away)
    with qtbot.waitSignal(away.chosen) as chosen:
        away.group.buttons()[0].setChecked(True)
        away.accept()
    assert chosen.args == ["focus"]


def test_reflection_dialog_answers_by_keyboard(controller: FokusController, qtbot: QtBot) -> None:
    from app.reports.reflection import ReflectionService
    from ui.reports.reflection import ReflectionDialog

    day = datetime(2026, 11, 23).date()
    dialog = ReflectionDialog(controller, day)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "min</b> of focus" in dialog.findChild(type(dialog.error), "facts").text()
    for scale, digit in ((dialog.satisfaction, Qt.Key.Key_4), (dialog.energy, Qt.Key.Key_2),
                         (dialog.focus, Qt.Key.Key_5), (dialog.productivity, Qt.Key.Key_6)):
        scale.group.button(1).setFocus()
        qtbot.keyClick(scale.group.button(1), digit)
    # The flow question answers to digits too (it used to ignore them).
    dialog.flow_group.button(0).setFocus()
    qtbot.keyClick(dialog.flow_group.button(0), Qt.Key.Key_3)
    assert dialog.flow_group.checkedId() == 2
    dialog.helped.setText("quiet morning")
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()
    saved = ReflectionService(controller.service.store, controller.clock).get(day)
    assert saved is not None
    assert (saved.satisfaction, saved.energy, saved.focus_ability, saved.productivity,
            saved.flow, saved.helped) == (4, 2, 5, 6, "several", "quiet morning")
    snooze = ReflectionDialog(controller, day)
    qtbot.addWidget(snooze)
    with qtbot.waitSignal(snooze.snoozed):
        snooze._snooze()


def test_export_dialog_previews_and_writes(controller: FokusController, qtbot: QtBot,
                                           tmp_path: Path) -> None:
    from ui.reports.export import ExportDialog

    dialog = ExportDialog(controller, "2026-W48")
    qtbot.addWidget(dialog)
    # PDF is chosen first: the preview is the PDF's words, not JSON.
    pdf = dialog.preview.toPlainText()
    assert pdf.startswith("Weekly self-report · 2026-W48") and "{" not in pdf
    assert "Energy and burnout left out (private)." in pdf
    dialog.formats.button(1).setChecked(True)
    assert dialog.preview.toPlainText().startswith("week,programmer_id,programmer,date,")
    dialog.formats.button(2).setChecked(True)
    assert '"health": false' in dialog.preview.toPlainText()
    dialog.health.setChecked(True)
    assert '"health": true' in dialog.preview.toPlainText()
    dialog.codes.setChecked(True)
    assert "SIASN" not in dialog.preview.toPlainText()
    dialog.folder.setText(str(tmp_path / "reports"))
    dialog.name.setText("Sari")
    for i, ext in enumerate(("pdf", "csv", "json")):
        dialog.formats.button(i).setChecked(True)
        path = dialog.export(open_folder=False)
        assert path is not None and path.name == f"fokus-2026-W48-sari.{ext}" and path.exists()
    written = json.loads((tmp_path / "reports" / "fokus-2026-W48-sari.json").read_text())
    assert written == dialog.report  # exactly what the preview showed
    assert controller.service.settings.get(S.EXPORT_FOLDER) == str(tmp_path / "reports")
    assert controller.service.settings.get(S.DISPLAY_NAME) == "Sari"


def test_export_dialog_starts_in_the_remembered_folder(controller: FokusController,
                                                      qtbot: QtBot, tmp_path: Path) -> None:
    from ui.reports.export import ExportDialog

    first = ExportDialog(controller, "2026-W48")
    qtbot.addWidget(first)
    assert first.folder.text() == str(Path.home())  # nothing remembered yet
    controller.service.settings.set(S.EXPORT_FOLDER, str(tmp_path / "to-pic"))
    second = ExportDialog(controller, "2026-W48")
    qtbot.addWidget(second)
    assert second.folder.text() == str(tmp_path / "to-pic")


def test_insights_window_draws_its_charts(controller: FokusController, qtbot: QtBot) -> None:
    from ui.reports.insights import InsightsWindow

    window = InsightsWindow(controller)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.ready, timeout=30_000)
    assert len(window.canvases) == 4
    window.shift(-1)
    assert len(window.canvases) == 4 and "Week 47" in window.title.text()


def test_team_window_reports_and_saves(controller: FokusController, qtbot: QtBot,
                                       tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QDesktopServices

    from app.reports.export import ExportOptions, build_report
    from ui.reports.team import TeamReportWindow

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)  # no file manager here
    base = build_report(controller.service.store, controller.clock, "2026-W48", ExportOptions())
    paths = []
    for i in range(3):
        base["programmer"] = {"id": f"{i:012d}", "name": f"P{i}"}
        paths.append(tmp_path / f"{i}.json")
        paths[-1].write_text(json.dumps(base))
    (tmp_path / "bad.json").write_text("[]")
    window = TeamReportWindow()
    qtbot.addWidget(window)
    window.add([str(p) for p in paths] + [str(tmp_path / "bad.json")])
    assert window.result.topLevelItemCount() > 5
    assert "3 programmers" in window.status.text() and "bad.json" in window.status.text()
    out = window.save("csv", tmp_path / "team.csv")
    assert out is not None and "deep_work_minutes" in out.read_text()


def test_welcome_guide_sets_up_fokus(qtbot: QtBot, paths: Paths, clock: FakeClock,
                                     tmp_path: Path) -> None:
    from app.platform import autostart
    from ui.settings.welcome import FirstRunWizard

    c = FokusController(paths, clock=clock, owner="first-run")
    assert c.load()
    wizard = FirstRunWizard(c)
    qtbot.addWidget(wizard)
    wizard.show()
    languages: list[str] = []
    wizard.languageChanged.connect(languages.append)
    wizard.language_page.buttons["id"].setChecked(True)
    wizard.next()
    assert languages == ["id"] and c.service.settings.get(S.LANGUAGE) == "id"
    wizard.projects_page.name.setText("SIASN")
    wizard.projects_page.tech.setText("Java")
    wizard.projects_page.add()
    assert wizard.projects_page.list.count() == 1
    assert not wizard.projects_page.demo.isEnabled()  # demo data only into an empty Fokus
    wizard.next()
    assert "10:00–15:00" in wizard.model_page.summary.text()
    wizard.next()
    wizard.next()
    wizard.calendar_page.path.setText(str(DATA / "google.ics"))
    wizard.next()
    wizard.start_page.autostart.setChecked(True)
    wizard.accept()
    assert c.service.settings.get(S.FIRST_RUN_DONE) is True
    assert [p.name for p in c.service.projects()] == ["SIASN"]
    # The calendar is read off the GUI thread and kept once it has been read.
    qtbot.waitUntil(lambda: c.service.settings.get(S.CALENDAR_PATH) == str(DATA / "google.ics"),
                    timeout=30_000)
    assert c.service.week.calendars()[0].events > 0
    assert autostart.is_enabled()
    c.close()


def test_welcome_guide_can_fill_demo_data(qtbot: QtBot, paths: Paths, clock: FakeClock) -> None:
    from ui.settings.welcome import FirstRunWizard

    c = FokusController(paths, clock=clock, owner="first-run")
    assert c.load()
    wizard = FirstRunWizard(c)
    qtbot.addWidget(wizard)
    wizard.projects_page.demo.setChecked(True)
    wizard.start_page.autostart.setChecked(False)
    wizard.accept()
    assert {"SIASN", "MyASN"} <= {p.name for p in c.service.projects()}
    c.close()


def test_welcome_guide_papercuts(qtbot: QtBot, paths: Paths, clock: FakeClock) -> None:
    """Enter in the project field adds and stays; no going on without a project
    unless demo data was chosen; Back on every page after the first; "Edit the
    model…" opens Settings on the work week."""
    from PySide6.QtWidgets import QWizard

    from ui.settings.welcome import FirstRunWizard
    from ui.settings.window import SettingsDialog

    c = FokusController(paths, clock=clock, owner="first-run")
    assert c.load()
    wizard = FirstRunWizard(c)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    page = wizard.projects_page
    assert wizard.currentPage() is page and not page.isComplete() and page.hint.isVisible()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.demo.setChecked(True)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.demo.setChecked(False)
    page.name.setFocus()
    qtbot.keyClicks(page.name, "SIASN")
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    assert wizard.currentPage() is page and page.list.count() == 1
    assert not page.hint.isVisible()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    for _ in range(4):
        wizard.next()
        assert wizard.button(QWizard.WizardButton.BackButton).isVisible()
    wizard.back()
    assert wizard.currentPage() is wizard.calendar_page
    wizard.restart()
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.model_page
    tabs: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        tabs.append(dialog.tabs.tabText(dialog.tabs.currentIndex()))
        dialog.reject()

    QTimer.singleShot(0, look)
    wizard._edit_model()
    assert tabs == ["Work week"]
    c.close()


def test_daily_papercuts_dates_and_empty_states(controller: FokusController, clock: FakeClock,
                                                qtbot: QtBot) -> None:
    """A new batch is due on the local date (06:30 WIB is still yesterday in UTC);
    on a Saturday the week opens on the coming week and says what to do when
    nothing is planned; a work-model problem never shows its internal code."""
    from ui.messages import error_text, work_model_subject
    from ui.projects.window import ProjectsWindow
    from ui.week.window import WeekWindow

    clock.current = datetime(2026, 11, 24, 6, 30, tzinfo=WIB).astimezone(UTC)
    projects = ProjectsWindow(controller)
    qtbot.addWidget(projects)
    dues: list[object] = []
    accept_dialog(lambda d: dues.append(d.due.date().toPython()))
    projects.add_batch()
    assert dues == [datetime(2026, 11, 24).date()]

    clock.current = datetime(2026, 11, 28, 10, 0, tzinfo=WIB).astimezone(UTC)  # Saturday
    week = WeekWindow(controller)
    qtbot.addWidget(week)
    week.reload()
    assert week.week == "2026-W49"
    assert "Plan my week" in week.status.text()

    assert work_model_subject("no_meeting 15:00-17:30") == "no-meeting window 15:00–17:30"
    from app.errors import ErrorCode, FokusError

    text = error_text(FokusError(ErrorCode.INVALID_WORK_MODEL, problem="overlaps_core",
                                 subject="no_meeting 10:00-11:00"))
    assert "no_meeting" not in text and "overlaps_core" not in text


def test_hotkeys_are_shown_as_people_write_them(qtbot: QtBot) -> None:
    from ui.messages import hotkey_text

    assert hotkey_text("<ctrl>+<alt>+f") == "Ctrl+Alt+F"
    assert hotkey_text("<ctrl>+<shift>+i") == "Ctrl+Shift+I"


def test_welcome_guide_does_not_promise_a_tray_where_there_is_none(qtbot: QtBot) -> None:
    """Offscreen there is no tray, as on a desktop without one."""
    from PySide6.QtWidgets import QSystemTrayIcon

    from ui.settings.welcome import StartPage

    assert not QSystemTrayIcon.isSystemTrayAvailable()
    page = StartPage()
    qtbot.addWidget(page)
    assert "its own window" in page.where.text()
    assert "lives in the system tray" not in page.where.text()


def test_week_view_shows_a_holiday_week_with_its_holidays_named(
        controller: FokusController, clock: FakeClock, qtbot: QtBot) -> None:
    from ui.week.window import WeekWindow

    clock.current = datetime(2026, 12, 20, 20, 0, tzinfo=WIB).astimezone(UTC)  # Sunday
    window = WeekWindow(controller)
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    qtbot.waitExposed(window)
    window.show_week("2026-W52")
    canvas = window.canvas
    days = [d.isoformat() for d in canvas.days]
    # Thursday (cuti bersama) and Friday (Christmas) stay on screen, named.
    assert days == ["2026-12-21", "2026-12-22", "2026-12-23", "2026-12-24", "2026-12-25"]
    names = {d.isoformat(): n for d, n in canvas.holiday_names.items()}
    assert names == {"2026-12-24": "Christmas Joint Holiday", "2026-12-25": "Christmas Day"}
    window.plan()
    planned = {window.controller.service.week.local(b.start).date().isoformat()
               for b in window.preview.new_blocks} if window.preview else set()
    assert planned and not planned & {"2026-12-24", "2026-12-25"}
    window.grab().save("/tmp/week-holiday.png")


def test_settings_lunch_row_saves_per_weekday(controller: FokusController,
                                              qtbot: QtBot) -> None:
    from PySide6.QtCore import QTime

    from app.week.workmodel import Span
    from ui.settings.window import SettingsDialog

    dialog = SettingsDialog(controller)
    qtbot.addWidget(dialog)
    dialog.show()
    start, end = dialog.lunch_edits[4]
    assert (start.time().toString("HH:mm"), end.time().toString("HH:mm")) == ("11:30", "13:00")
    dialog.tabs.setCurrentWidget(dialog.work_tab)
    dialog.grab().save("/tmp/settings-lunch.png")
    # A lunch outside the work hours is refused in words, not codes.
    dialog.lunch_edits[2][0].setTime(QTime(18, 0))
    dialog.lunch_edits[2][1].setTime(QTime(19, 0))
    dialog.save()
    assert dialog.isVisible()
    assert "lunch break 18:00–19:00" in dialog.error.text()
    assert "outside_work_hours" not in dialog.error.text()
    dialog.lunch_edits[2][0].setTime(QTime(12, 0))
    dialog.lunch_edits[2][1].setTime(QTime(13, 0))
    dialog.lunch_edits[0][0].setTime(QTime(12, 30))
    dialog.lunch_edits[0][1].setTime(QTime(13, 30))
    dialog.lunch_edits[6][1].setTime(dialog.lunch_edits[6][0].time())  # no lunch on Sunday
    dialog.save()
    assert not dialog.isVisible()
    model = controller.service.week.work_model()
    assert model.lunch[0] == Span.parse("12:30-13:30")
    assert model.lunch[4] == Span.parse("11:30-13:00")
    assert 6 not in model.lunch


def test_week_view_shows_a_past_block_on_the_clock_it_was_planned_on(
        controller: FokusController, clock: FakeClock, qtbot: QtBot) -> None:
    from ui.week.window import WeekWindow

    week = controller.service.week
    batch = controller.service.batches("SIASN")[0]
    nine = datetime(2026, 11, 23, 9, 0, tzinfo=WIB)
    week.add_block(batch.project_id, batch.id, nine, nine + timedelta(minutes=90))
    clock.current = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
    clock.offset_minutes = 0  # the laptop now says UTC
    window = WeekWindow(controller)
    qtbot.addWidget(window)
    window.show_week("2026-W48")
    [item] = window.canvas.blocks
    assert (item.start.date().isoformat(), f"{item.start:%H:%M}", f"{item.end:%H:%M}") == (
        "2026-11-23", "09:00", "10:30")


def test_insights_window_fits_a_1366_by_768_screen(controller: FokusController,
                                                   qtbot: QtBot) -> None:
    from ui.reports.insights import InsightsWindow

    window = InsightsWindow(controller)
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    # It opens no larger than the screen it is on (offscreen: 800×600) ...
    assert window.width() <= room.width() and window.height() <= room.height()
    # ... and needs no more than a 1366×768 laptop has under a panel.
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768 - 48
    window.resize(1366, 768 - 48)
    window.show()
    qtbot.waitUntil(lambda: window.ready, timeout=30_000)
    assert all(c.height() >= 300 for c in window.canvases)
    window.grab().save("/tmp/insights-1366.png")


def test_the_import_button_reads_the_calendar_while_the_window_stays_live(
        controller: FokusController, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Import in the Week window: the file is read off the GUI thread (by the
    calendar reader, as `fokus import-ics` through the tray), the button waits,
    the event loop turns meanwhile, and the answer then names what came in;
    a broken file says what is wrong and stores nothing."""
    import time

    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from ui.week.window import WeekWindow

    chosen: list[str] = []
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (chosen[-1], "Calendar files (*.ics)"))
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _p, title, text: told.append(("information", text)))
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _p, title, text: told.append(("warning", text)))
    window = WeekWindow(controller)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    ticks: list[float] = []
    ticker = QTimer(window)
    ticker.setInterval(10)
    ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
    ticker.start()
    chosen.append(str(DATA / "google.ics"))
    window.import_button.click()
    assert not window.import_button.isEnabled() and told == []  # the answer comes later
    qtbot.waitUntil(lambda: bool(told), timeout=30_000)
    ticker.stop()
    assert told[0][0] == "information" and "meetings imported" in told[0][1]
    assert window.import_button.isEnabled()
    assert len(ticks) > 3  # the event loop turned while the reader worked
    assert controller.service.settings.get(S.CALENDAR_PATH) == str(DATA / "google.ics")
    _, start, end = controller.service.week.week_bounds("2026-W48")
    assert "Weekly planning" in [m.title for m in controller.service.week.meetings(start, end)]

    broken = tmp_path / "broken.ics"
    broken.write_text("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n")
    chosen.append(str(broken))
    window.import_button.click()
    qtbot.waitUntil(lambda: len(told) == 2, timeout=30_000)
    assert told[1][0] == "warning" and "END:VCALENDAR" in told[1][1]
    assert controller.service.settings.get(S.CALENDAR_PATH) == str(DATA / "google.ics")
