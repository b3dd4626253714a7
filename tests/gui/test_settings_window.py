"""The Settings window's rows come from the declarations (app/store/settings.py),
save through them, refuse what they do not allow; the reminders follow them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QSpinBox, QTimeEdit
from pytestqt.qtbot import QtBot

from app.clock import FakeClock
from app.i18n import _
from app.platform.paths import Paths
from app.store import settings as S
from ui.shell.controller import FokusController

WIB = timezone(timedelta(hours=7))
ROWS = (S.LANGUAGE, S.FOCUS_MINUTES, S.PROJECT_LIMIT, S.CALENDAR_PATH,
        S.IDLE_THRESHOLD_MINUTES, S.RESUMPTION_BUFFER_MINUTES, S.HOTKEY_TOGGLE_FOCUS,
        S.HOTKEY_INTERRUPTION, S.HOTKEY_SWITCH, S.REFLECTION_TIME, S.EXPORT_REMINDER,
        S.DISPLAY_NAME, S.EXPORT_FOLDER, S.DO_NOT_DISTURB, S.MIN_DEEP_BLOCK_MINUTES,
        S.HOLIDAY_COUNTRY, S.GIT_SWITCHES, S.GIT_STORE_NAMES, S.BREAKS, S.BREAK_LENGTHS,
        S.DAILY_DEEP_WORK_CAP, S.WEEKLY_DEEP_WORK_GOAL)


@pytest.fixture
def controller(qtbot: QtBot, paths: Paths, clock: FakeClock) -> Iterator[FokusController]:
    clock.current = datetime(2026, 11, 23, 7, 30, tzinfo=WIB).astimezone(UTC)  # Monday
    c = FokusController(paths, clock=clock, owner="test-settings")
    assert c.load()
    c.service.add_project("SIASN")
    yield c
    c.close()


@pytest.fixture
def dialog(controller: FokusController, qtbot: QtBot) -> Any:
    from ui.settings.window import SettingsDialog

    d = SettingsDialog(controller)
    qtbot.addWidget(d)
    d.show()
    return d


def _label_for(dialog: Any, setting: S.Setting[Any]) -> QLabel:
    widget = dialog.editor(setting).widget
    labels = [lab for lab in dialog.findChildren(QLabel) if lab.buddy() is widget]
    assert len(labels) == 1, setting.key
    return labels[0]


def test_every_scalar_setting_has_a_row_made_from_its_declaration(dialog: Any) -> None:
    public_scalars = {s.key for s in S.ALL if s.public and s.kind is not S.Kind.STRUCTURED}
    assert set(dialog.editors) == public_scalars == {s.key for s in ROWS}
    for setting in ROWS:
        label = _label_for(dialog, setting)
        assert label.text() == f"{setting.label}:"
        assert setting.help in label.toolTip()
        assert setting.help in dialog.editor(setting).widget.toolTip()
    for setting in (S.FOCUS_MINUTES, S.PROJECT_LIMIT, S.IDLE_THRESHOLD_MINUTES,
                    S.RESUMPTION_BUFFER_MINUTES):
        spin = dialog.editor(setting).widget
        assert isinstance(spin, QSpinBox)
        assert (spin.minimum(), spin.maximum()) == (setting.minimum, setting.maximum)
        assert spin.value() == setting.default
        assert f"{setting.minimum} to {setting.maximum}" in spin.toolTip()
    assert dialog.editor(S.FOCUS_MINUTES).widget.suffix() == " min"
    assert isinstance(dialog.editor(S.LANGUAGE).widget, QComboBox)
    assert isinstance(dialog.editor(S.REFLECTION_TIME).widget, QTimeEdit)
    assert dialog.editor(S.EXPORT_REMINDER).value() == "4 16:30"
    hotkey = dialog.editor(S.HOTKEY_SWITCH).widget
    # Shown as people write it, stored in pynput's words.
    assert isinstance(hotkey, QLineEdit) and hotkey.text() == "Ctrl+Alt+S"
    assert dialog.editor(S.HOTKEY_SWITCH).value() == "<ctrl>+<alt>+s"
    assert "<" not in dialog.editor(S.HOTKEY_SWITCH).widget.toolTip()


def test_saving_writes_every_row_through_its_declaration(dialog: Any,
                                                        controller: FokusController) -> None:
    settings = controller.service.settings
    dialog.editor(S.RESUMPTION_BUFFER_MINUTES).set_value(0)
    dialog.editor(S.IDLE_THRESHOLD_MINUTES).set_value(12)
    dialog.editor(S.FOCUS_MINUTES).set_value(60)
    dialog.editor(S.PROJECT_LIMIT).set_value(3)
    dialog.editor(S.REFLECTION_TIME).time.setTime(QTime(15, 20))
    reminder = dialog.editor(S.EXPORT_REMINDER)
    reminder.day.setCurrentIndex(reminder.day.findData(0))
    reminder.time.setTime(QTime(9, 5))
    dialog.editor(S.HOTKEY_SWITCH).edit.setText("")  # turned off
    dialog.editor(S.HOTKEY_INTERRUPTION).edit.setText("Ctrl+Shift+F9")
    dialog.editor(S.DISPLAY_NAME).edit.setText("Sari")
    dialog.save()
    assert not dialog.isVisible(), dialog.error.text()
    assert settings.get(S.RESUMPTION_BUFFER_MINUTES) == 0
    assert settings.get(S.IDLE_THRESHOLD_MINUTES) == 12
    assert settings.get(S.REFLECTION_TIME) == "15:20"
    assert settings.get(S.EXPORT_REMINDER) == "0 09:05"
    assert settings.hotkeys()["switch"] == ""
    assert settings.hotkeys()["interruption"] == "<ctrl>+<shift>+<f9>"
    assert settings.get(S.DISPLAY_NAME) == "Sari"
    # The work model's two numbers are the settings, one truth each.
    model = controller.service.week.work_model()
    assert (model.focus_minutes, model.max_projects_per_day) == (60, 3)
    assert (settings.get(S.FOCUS_MINUTES), settings.get(S.PROJECT_LIMIT)) == (60, 3)
    assert settings.is_default(S.LANGUAGE)  # "system" is not stored
    assert controller.service.activity.resumption_buffer() == 0


def test_invalid_values_are_refused_with_what_is_allowed(dialog: Any,
                                                        controller: FokusController) -> None:
    dialog.tabs.setCurrentIndex(0)
    dialog.editor(S.HOTKEY_INTERRUPTION).edit.setText("Ctrl+Nokey")
    dialog.editor(S.RESUMPTION_BUFFER_MINUTES).set_value(0)
    dialog.save()
    assert dialog.isVisible()
    text = dialog.error.text()
    assert "Log an interruption" in text and "Ctrl+Nokey" in text
    assert "Ctrl+Alt+F" in text and "<" not in text  # how to write one, no pynput words
    assert dialog.tabs.currentWidget() is dialog.activity_tab
    assert "border" in dialog.editor(S.HOTKEY_INTERRUPTION).widget.styleSheet()
    assert controller.service.settings.is_default(S.RESUMPTION_BUFFER_MINUTES)  # nothing saved
    dialog.editor(S.HOTKEY_INTERRUPTION).edit.setText("<ctrl>+<alt>+s")  # the switch's keys
    dialog.save()
    assert dialog.isVisible() and "used twice" in dialog.error.text()
    dialog.editor(S.HOTKEY_INTERRUPTION).edit.setText("<ctrl>+<alt>+j")
    dialog.save()
    assert not dialog.isVisible()
    assert controller.service.settings.get(S.HOTKEY_INTERRUPTION) == "<ctrl>+<alt>+j"
    assert controller.service.settings.get(S.RESUMPTION_BUFFER_MINUTES) == 0


def test_the_spin_boxes_cannot_go_outside_the_declared_range(dialog: Any) -> None:
    spin = dialog.editor(S.RESUMPTION_BUFFER_MINUTES).widget
    spin.setValue(-5)
    assert spin.value() == 0
    spin.setValue(500)
    assert spin.value() == S.RESUMPTION_BUFFER_MINUTES.maximum


def test_rows_speak_indonesian(controller: FokusController, qtbot: QtBot) -> None:
    from ui.i18n import install_translators
    from ui.settings.window import SettingsDialog

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translators(app, "id")
    try:
        d = SettingsDialog(controller)
        qtbot.addWidget(d)
        for setting in ROWS:
            label = _label_for(d, setting)
            assert label.text() == f"{_(setting.label)}:"
            assert _(setting.label) != setting.label, setting.key
            assert _(setting.help) in label.toolTip()
        assert d.editor(S.FOCUS_MINUTES).widget.suffix() == " menit"
    finally:
        install_translators(app, "en")
        from PySide6.QtCore import QLocale

        QLocale.setDefault(QLocale("en_US"))


# -- the reminders follow the settings ------------------------------------------------------

def test_the_reflection_reminder_fires_at_the_time_set(controller: FokusController,
                                                      clock: FakeClock, qtbot: QtBot) -> None:
    """The README says the reflection time is configurable: it is, and it is used."""
    from ui.reports.reminders import Reminders

    controller.service.settings.set(S.REFLECTION_TIME, "14:10")
    reminders = Reminders(controller)
    due: list[date] = []
    reminders.reflectionDue.connect(due.append)
    clock.current = datetime(2026, 11, 23, 14, 9, tzinfo=WIB).astimezone(UTC)
    reminders.check()
    assert due == []
    # The timer is set for the minute the setting names, not the default 16:45.
    assert reminders._timer.isActive() and reminders._timer.interval() == 60_500
    clock.current = datetime(2026, 11, 23, 14, 10, tzinfo=WIB).astimezone(UTC)
    with qtbot.waitSignal(reminders.reflectionDue, timeout=2_000):
        reminders.check()
    assert due == [date(2026, 11, 23)]
    reminders.check()  # once a day
    assert due == [date(2026, 11, 23)]


def test_the_export_reminder_fires_on_the_day_and_time_set(controller: FokusController,
                                                          clock: FakeClock,
                                                          qtbot: QtBot) -> None:
    from ui.reports.reminders import Reminders

    controller.service.settings.set(S.EXPORT_REMINDER, "1 09:00")  # Tuesday
    reminders = Reminders(controller)
    weeks: list[str] = []
    reminders.exportDue.connect(weeks.append)
    clock.current = datetime(2026, 11, 23, 9, 30, tzinfo=WIB).astimezone(UTC)  # Monday
    reminders.check()
    assert weeks == []
    clock.current = datetime(2026, 11, 24, 9, 0, tzinfo=WIB).astimezone(UTC)
    with qtbot.waitSignal(reminders.exportDue, timeout=2_000):
        reminders.check()
    assert weeks == ["2026-W48"]


def test_a_calendar_set_in_settings_is_read_while_the_dialog_waits_and_the_loop_turns(
        dialog: Any, controller: FokusController, qtbot: QtBot, tmp_path: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Save with a new calendar: read in the calendar reader off the GUI thread
    (it waited with a busy pointer on the GUI thread, 1.5 s at 10,000 events),
    the dialog held until the answer; a broken file keeps the dialog open with
    its reason and stores nothing; an unchanged file is not parsed again."""
    from pathlib import Path

    from PySide6.QtCore import QTimer

    week = controller.service.week
    reads: list[Path] = []  # each file parsed (rows are made only from a parse)
    rows = week.meeting_rows
    monkeypatch.setattr(week, "meeting_rows",
                        lambda path, parsed: reads.append(path) or rows(path, parsed))
    data = Path(__file__).resolve().parents[1] / "data" / "google.ics"
    ticks: list[int] = []
    ticker = QTimer(dialog)
    ticker.timeout.connect(lambda: ticks.append(1))
    ticker.start(10)

    dialog.editor(S.CALENDAR_PATH).set_value("~no-such-user-fokus/team.ics")
    dialog.save()  # refused at once, with the reason
    assert not dialog.is_reading and "no such home folder" in dialog.error.text()

    broken = tmp_path / "broken.ics"
    broken.write_text("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n")
    dialog.editor(S.CALENDAR_PATH).set_value(str(broken))
    dialog.editor(S.DISPLAY_NAME).edit.setText("Sari")
    dialog.save()
    assert dialog.is_reading and not dialog.tabs.isEnabled()
    qtbot.waitUntil(lambda: not dialog.is_reading, timeout=30_000)
    assert dialog.isVisible() and "END:VCALENDAR" in dialog.error.text()
    assert dialog.tabs.currentWidget() is dialog.calendar_tab and dialog.tabs.isEnabled()
    assert controller.service.settings.is_default(S.DISPLAY_NAME)  # nothing stored

    dialog.editor(S.CALENDAR_PATH).set_value(str(data))
    dialog.save()
    assert dialog.isVisible() and dialog.reading.isVisible()  # the answer comes later
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    ticker.stop()
    assert len(ticks) > 3  # the event loop turned while the reader worked
    assert controller.service.settings.get(S.CALENDAR_PATH) == str(data)
    assert controller.service.settings.get(S.DISPLAY_NAME) == "Sari"
    assert controller.service.week.calendars()[0].events > 0
    assert reads == [data]  # the broken one was never parsed to its end

    from ui.settings.window import SettingsDialog

    again = SettingsDialog(controller)  # saved again, the file as it was
    qtbot.addWidget(again)
    again.show()
    again.save()
    qtbot.waitUntil(lambda: not again.isVisible(), timeout=30_000)
    assert reads == [data], "an unchanged calendar was parsed again"


def test_cancel_while_the_calendar_is_read_stores_nothing_of_it(
        dialog: Any, controller: FokusController, qtbot: QtBot, tmp_path: Any) -> None:
    """Cancelled while its calendar was read, Settings still left that file's
    meetings in the store, in the planner and the Week window, never to be
    refreshed (the watcher follows only the calendar set)."""
    import shutil
    from pathlib import Path

    data = Path(__file__).resolve().parents[1] / "data" / "google.ics"
    calendar = Path(shutil.copy(data, tmp_path / "team.ics"))
    dialog.editor(S.CALENDAR_PATH).set_value(str(calendar))
    dialog.editor(S.DISPLAY_NAME).edit.setText("Sari")
    dialog.save()
    assert dialog.is_reading
    dialog.reject()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: controller._working == 0, timeout=30_000)  # the reader is done
    qtbot.wait(50)
    assert controller.service.week.calendars() == []
    with controller.service.store.transaction() as s:
        from sqlalchemy import text

        left = s.connection().execute(text("SELECT count(*) FROM meeting WHERE calendar = :c"),
                                      {"c": str(calendar.resolve())}).scalar()
    assert left == 0
    assert controller.service.settings.is_default(S.CALENDAR_PATH)
    assert controller.service.settings.is_default(S.DISPLAY_NAME)
