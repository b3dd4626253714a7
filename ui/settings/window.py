"""Settings: every declared scalar setting (app/store/settings.py) as a row
built from its declaration (ui/settings/fields.py), beside the editors of the
structured ones: the hybrid work model (week pattern, hours, windows,
exceptions), the task-allocation matrix and the automatic-switch rules."""

from __future__ import annotations

import subprocess
import threading
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QLocale, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import TaskType
from app.errors import FokusError
from app.i18n import _
from app.store import settings as S
from app.week.allocation import DEFAULT_MATRIX, Allocation, Matrix, Place, Window
from app.week.workmodel import DayKind, Problem, Span, WorkModel
from ui.messages import (
    error_text,
    hotkey_text,
    import_error_text,
    task_type_text,
    tr,
    work_model_problem_text,
)
from ui.settings.fields import SettingEditor, allowed_text, editor_for, help_text, label_text
from ui.week.day_kinds import day_kind_text

if TYPE_CHECKING:
    from ui.shell.controller import FokusController


def problem_text(problem: Problem) -> str:
    return work_model_problem_text(problem.code, problem.subject)


def refused_text(setting: S.Setting[Any], value: object) -> str:
    """Why a value typed in a row was refused, with what is allowed."""
    if setting.kind is S.Kind.HOTKEY and value:
        value = hotkey_text(str(value))  # as it was typed, not as it is stored
    return tr("{label}: “{value}” is not allowed. {allowed}").format(
        label=_(setting.label), value=value, allowed=allowed_text(setting))


def place_text(place: Place) -> str:
    return {Place.REMOTE: tr("Remote (WFA)"), Place.OFFICE: tr("Office (WFO)"),
            Place.EITHER: tr("Either")}[place]


def window_text(window: Window) -> str:
    return {Window.DEEP: tr("No-meeting window (deep work)"),
            Window.CORE: tr("Core hours (coordination)")}[window]


def _time_edit(minutes: int) -> QTimeEdit:
    edit = QTimeEdit(QTime(minutes // 60 % 24, minutes % 60))
    edit.setDisplayFormat("HH:mm")
    return edit


def _minutes(edit: QTimeEdit) -> int:
    t = edit.time()
    return t.hour() * 60 + t.minute()


def _page(page: QWidget, form: QFormLayout, note_text: str) -> QWidget:
    """A tab of setting rows with a quiet explanation below them."""
    note = QLabel(note_text)
    note.setWordWrap(True)
    note.setStyleSheet("color: palette(placeholder-text);")
    layout = QVBoxLayout(page)
    layout.addLayout(form)
    layout.addWidget(note)
    layout.addStretch(1)
    return page


class SpanEditor(QWidget):
    def __init__(self, span: Span) -> None:
        super().__init__()
        self.start, self.end = _time_edit(span.start), _time_edit(span.end)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start)
        row.addWidget(QLabel("–"))
        row.addWidget(self.end)
        row.addStretch(1)

    def set_name(self, name: str) -> None:
        """What a screen reader calls the two times."""
        self.start.setAccessibleName(self.tr("{name}: from").format(name=name))
        self.end.setAccessibleName(self.tr("{name}: until").format(name=name))

    def span(self) -> Span:
        end = _minutes(self.end) or 24 * 60
        return Span(_minutes(self.start), end)


class RuleRow(QWidget):
    """One automatic-switch rule: the project, what to match on and the
    pattern, each box named by the label beside it (what AT-SPI reads)."""

    def __init__(self, projects: list[tuple[str, int | None]], project_id: int | None,
                 fields: list[tuple[str, str]], field: str, pattern: str) -> None:
        super().__init__()
        self.project, self.field = QComboBox(), QComboBox()
        for name, pid in projects:
            self.project.addItem(name, pid)
        if project_id is not None:
            self.project.setCurrentIndex(max(0, self.project.findData(project_id)))
        for text, value in fields:
            self.field.addItem(text, value)
        self.field.setCurrentIndex(self.field.findData(field))
        self.pattern = QLineEdit(pattern)
        self.rule_label = QLabel()
        self.rule_label.setBuddy(self.project)
        self.field_label = QLabel(self.tr("match on"))
        self.field_label.setBuddy(self.field)
        self.pattern_label = QLabel(self.tr("pattern"))
        self.pattern_label.setBuddy(self.pattern)
        self.remove = QPushButton(self.tr("Remove"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.rule_label, self.project, self.field_label, self.field,
                  self.pattern_label):
            row.addWidget(w)
        row.addWidget(self.pattern, 1)
        row.addWidget(self.remove)

    def number(self, n: int) -> None:
        """Rows are numbered from 1; a screen reader hears which rule each box is of."""
        self.rule_label.setText(self.tr("Rule {number}:").format(number=n))
        for label, box, name in (
                (self.rule_label, self.project, self.tr("Rule {number}: project")),
                (self.field_label, self.field, self.tr("Rule {number}: match on")),
                (self.pattern_label, self.pattern, self.tr("Rule {number}: pattern"))):
            box.setAccessibleName(name.format(number=n))
            label.setAccessibleName(box.accessibleName())
        self.remove.setAccessibleName(self.tr("Remove rule {number}").format(number=n))


class SettingsDialog(QDialog):
    # The declared settings each tab shows as rows, in order.
    GENERAL = (S.LANGUAGE,)
    WORK = (S.FOCUS_MINUTES, S.PROJECT_LIMIT, S.MIN_DEEP_BLOCK_MINUTES, S.HOLIDAY_COUNTRY,
            S.DAILY_DEEP_WORK_CAP, S.WEEKLY_DEEP_WORK_GOAL)
    CALENDAR = (S.CALENDAR_PATH,)
    ACTIVITY = (S.IDLE_THRESHOLD_MINUTES, S.RESUMPTION_BUFFER_MINUTES, S.DO_NOT_DISTURB,
                S.HOTKEY_TOGGLE_FOCUS, S.HOTKEY_INTERRUPTION, S.HOTKEY_SWITCH, S.BREAKS,
                S.BREAK_LENGTHS, S.GIT_SWITCHES, S.GIT_STORE_NAMES)
    REPORTS = (S.REFLECTION_TIME, S.EXPORT_REMINDER, S.DISPLAY_NAME, S.EXPORT_FOLDER)
    # Saved as part of the work model (WeekService.set_work_model writes them).
    MODEL_SETTINGS = (S.FOCUS_MINUTES, S.PROJECT_LIMIT)

    def __init__(self, controller: FokusController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.week = controller.service.week
        self.settings = controller.service.settings
        self.editors: dict[str, SettingEditor] = {}
        self._tab_of: dict[str, QWidget] = {}
        self.setWindowTitle(self.tr("Fokus — Settings"))
        self.resize(760, 640)
        model = self.week.work_model()
        tabs = QTabWidget()
        self.tabs = tabs
        self.general_tab = self._general_tab()
        self.work_tab = self._work_tab(model)
        self.calendar_tab = self._calendar_tab()
        self.activity_tab = self._activity_tab()
        self.reports_tab = self._reports_tab()
        tabs.addTab(self.general_tab, self.tr("General"))
        tabs.addTab(self.work_tab, self.tr("Work week"))
        tabs.addTab(self._matrix_tab(self.week.matrix()), self.tr("Task allocation"))
        tabs.addTab(self.calendar_tab, self.tr("Calendar"))
        tabs.addTab(self.activity_tab, self.tr("Activity && privacy"))
        tabs.addTab(self.reports_tab, self.tr("Reflection && reports"))
        from ui.settings.sync_panel import SyncPanel

        self.sync_panel = SyncPanel(controller)
        tabs.addTab(self.sync_panel, self.tr("Sync"))
        self.error = QLabel()
        self.error.setObjectName("settingsError")
        self.error.setStyleSheet("color: #c1121f;")
        self.error.setWordWrap(True)
        self.error.hide()
        # While a new or changed calendar is read (in a worker, with the
        # dialog's values held as they were), what is happening instead.
        self.reading = QWidget()
        self.reading_text = QLabel()
        self.reading_text.setWordWrap(True)
        busy = QProgressBar()
        busy.setRange(0, 0)  # no end known: it moves while the reader works
        busy.setTextVisible(False)
        busy.setMaximumWidth(160)
        busy.setAccessibleName(self.tr("Reading the calendar"))
        reading_row = QHBoxLayout(self.reading)
        reading_row.setContentsMargins(0, 0, 0, 0)
        reading_row.addWidget(self.reading_text, 1)
        reading_row.addWidget(busy)
        self.reading.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        self._pending: Any = None  # the calendar being read for this save
        self._cancel = threading.Event()  # set: Cancel while it was read
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.reading)
        layout.addWidget(buttons)

    # -- rows built from the declarations -------------------------------------------------

    def _add_rows(self, form: QFormLayout, page: QWidget,
                  declared: tuple[S.Setting[Any], ...]) -> None:
        for setting in declared:
            editor = editor_for(setting)
            editor.set_value(self.settings.get(setting))
            label = QLabel(label_text(setting))
            label.setToolTip(help_text(setting))
            label.setBuddy(editor.widget)
            form.addRow(label, editor.widget)
            self.editors[setting.key] = editor
            self._tab_of[setting.key] = page

    def editor(self, setting: S.Setting[Any]) -> SettingEditor:
        """The row editing ``setting``."""
        return self.editors[setting.key]

    def check_rows(self) -> tuple[list[tuple[S.Setting[Any], Any]], list[str]]:
        """Each row's setting with its checked value, and why any value was refused
        (naming what is allowed). A refused row is marked and its tab shown."""
        from app.platform.hotkeys import check_hotkeys

        checked: list[tuple[S.Setting[Any], Any]] = []
        refused: list[tuple[S.Setting[Any], str]] = []
        for editor in self.editors.values():
            value = editor.value()
            try:
                checked.append((editor.setting, editor.setting.validate(value)))
                editor.mark_invalid(False)
            except FokusError:
                editor.mark_invalid(True)
                refused.append((editor.setting, refused_text(editor.setting, value)))
        hotkeys = {action: self.editor(s).value() for action, s in S.HOTKEYS.items()}
        for action, problem in check_hotkeys(hotkeys).items():
            setting = S.HOTKEYS[action]
            if problem == "duplicate" and all(s is not setting for s, _t in refused):
                self.editor(setting).mark_invalid(True)
                refused.append((setting, self.tr("The hotkey “{combo}” is used twice.").format(
                    combo=hotkey_text(hotkeys[action]))))
        if refused:
            self.tabs.setCurrentWidget(self._tab_of[refused[0][0].key])
        return checked, list(dict.fromkeys(text for _s, text in refused))

    # -- general ---------------------------------------------------------------------

    def _general_tab(self) -> QWidget:
        from app.platform import autostart

        page = QWidget()
        form = QFormLayout()
        self._add_rows(form, page, self.GENERAL)
        self.autostart = QCheckBox(self.tr("Start Fokus when I log in"))
        self.autostart.setChecked(autostart.is_enabled())
        form.addRow(self.tr("Autostart:"), self.autostart)
        welcome = QPushButton(self.tr("Run the welcome guide again…"))
        welcome.clicked.connect(self._welcome)
        row = QHBoxLayout()
        row.addWidget(welcome)
        row.addStretch(1)
        form.addRow("", row)
        return _page(page, form, self.tr(
            "A new language applies to windows opened after saving."))

    def _welcome(self) -> None:
        self.reject()
        self.controller.open_welcome()

    # -- work week ------------------------------------------------------------------

    def _work_tab(self, model: WorkModel) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        days = QGridLayout()
        locale = QLocale()
        self.day_boxes: list[QComboBox] = []
        for i in range(7):
            box = QComboBox()
            for kind in (DayKind.REMOTE, DayKind.OFFICE, DayKind.OFF):
                box.addItem(day_kind_text(kind), kind.value)
            box.setCurrentIndex(box.findData(model.week.get(i, DayKind.OFF).value))
            box.setAccessibleName(locale.dayName(i + 1, QLocale.FormatType.LongFormat))
            # On Linux a combo box's accessible name is its current item: the
            # day is said through the label it is the buddy of (labelled-by).
            day_label = QLabel(locale.dayName(i + 1, QLocale.FormatType.ShortFormat))
            day_label.setAccessibleName(box.accessibleName())
            day_label.setBuddy(box)
            days.addWidget(day_label, 0, i)
            days.addWidget(box, 1, i)
            self.day_boxes.append(box)
        form.addRow(self.tr("Week pattern:"), days)
        # The lunch break per weekday, under the week pattern's columns; a
        # day whose break starts and ends at the same time has none.
        lunch = QGridLayout()
        self.lunch_edits: list[tuple[QTimeEdit, QTimeEdit]] = []
        for i in range(7):
            span = model.lunch.get(i, Span(0, 0))
            start, end = _time_edit(span.start), _time_edit(span.end)
            weekday = QLocale().dayName(i + 1, QLocale.FormatType.LongFormat)
            start.setAccessibleName(self.tr("Lunch break on {day}: from").format(day=weekday))
            end.setAccessibleName(self.tr("Lunch break on {day}: until").format(day=weekday))
            lunch.addWidget(start, 0, i)
            lunch.addWidget(end, 1, i)
            self.lunch_edits.append((start, end))
        lunch_label = QLabel(self.tr("Lunch break (kept free):"))
        lunch_label.setToolTip(self.tr(
            "The planner puts nothing here. Friday's is longer for Friday prayers. Set the "
            "same start and end for a day without one."))
        form.addRow(lunch_label, lunch)
        self.work_hours = SpanEditor(model.work_hours)
        self.core_hours = SpanEditor(model.core_hours)
        self.work_hours.set_name(self.tr("Work hours"))
        self.core_hours.set_name(self.tr("Core hours"))
        form.addRow(self.tr("Work hours:"), self.work_hours)
        form.addRow(self.tr("Core hours (coordination):"), self.core_hours)
        self.windows_box = QVBoxLayout()
        self.window_editors: list[SpanEditor] = []
        for span in model.no_meeting:
            self._add_window(span)
        add_window = QPushButton(self.tr("Add a window"))
        add_window.clicked.connect(lambda: self._add_window(Span(12 * 60, 13 * 60)))
        remove_window = QPushButton(self.tr("Remove the last"))
        remove_window.clicked.connect(self._remove_window)
        window_buttons = QHBoxLayout()
        window_buttons.addWidget(add_window)
        window_buttons.addWidget(remove_window)
        window_buttons.addStretch(1)
        windows = QVBoxLayout()
        windows.addLayout(self.windows_box)
        windows.addLayout(window_buttons)
        form.addRow(self.tr("No-meeting windows (deep work):"), windows)
        self._add_rows(form, page, self.WORK)

        self.overrides = QTableWidget(0, 2)
        self.overrides.setTabKeyNavigation(False)  # arrows move between cells; Tab moves on
        self.overrides.setHorizontalHeaderLabels([self.tr("Date"), self.tr("This day is")])
        self.overrides.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.overrides.verticalHeader().hide()
        self.overrides.setMaximumHeight(150)
        self.overrides.setAccessibleName(self.tr("Exceptions for single dates"))
        for day, kind in sorted(model.overrides.items()):
            self._add_override(day, kind)
        self.override_date = QDateEdit(QDate.currentDate())
        self.override_date.setCalendarPopup(True)
        self.override_date.setDisplayFormat("yyyy-MM-dd")
        self.override_date.setAccessibleName(self.tr("Date of the exception"))
        self.override_kind = QComboBox()
        for kind in DayKind:
            self.override_kind.addItem(day_kind_text(kind), kind.value)
        self.override_kind.setCurrentIndex(self.override_kind.findData(DayKind.HOLIDAY.value))
        self.override_kind.setAccessibleName(self.tr("What the exception makes of the day"))
        add = QPushButton(self.tr("Add exception"))
        add.clicked.connect(lambda: self._add_override(
            self.override_date.date().toPython(),  # type: ignore[arg-type]
            DayKind(self.override_kind.currentData())))
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(lambda: self.overrides.removeRow(self.overrides.currentRow()))
        makes = QLabel(self.tr("Makes the day:"))
        makes.setBuddy(self.override_kind)  # what AT-SPI names the combo box by
        row = QHBoxLayout()
        for w in (self.override_date, makes, self.override_kind, add, remove):
            row.addWidget(w)
        row.addStretch(1)
        note = QLabel(self.tr(
            "Defaults: 3 remote (WFA) : 2 office (WFO) days with the office days mid-week, "
            "core hours 10:00–15:00, no-meeting windows 08:00–10:00 and 15:00–17:00 — the "
            "hybrid model of a study of civil-servant programmers (thesis, chapter V). "
            "Public holidays (and cuti bersama) of the chosen country are days off; "
            "exceptions cover the rest: swapped office days, days off, or work on a "
            "holiday."))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Exceptions for single dates:")))
        layout.addWidget(self.overrides)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addStretch(1)
        return page

    def _add_window(self, span: Span) -> None:
        editor = SpanEditor(span)
        self.window_editors.append(editor)
        editor.set_name(self.tr("No-meeting window {number}").format(
            number=len(self.window_editors)))
        self.windows_box.addWidget(editor)

    def _remove_window(self) -> None:
        if self.window_editors:
            editor = self.window_editors.pop()
            editor.setParent(None)
            editor.deleteLater()

    def _add_override(self, day: date, kind: DayKind) -> None:
        for r in range(self.overrides.rowCount()):
            item = self.overrides.item(r, 0)
            if item is not None and item.data(256) == day.isoformat():
                self.overrides.removeRow(r)
                break
        r = self.overrides.rowCount()
        self.overrides.insertRow(r)
        item = QTableWidgetItem(QLocale().toString(QDate(day), QLocale.FormatType.LongFormat))
        item.setData(256, day.isoformat())
        self.overrides.setItem(r, 0, item)
        kind_item = QTableWidgetItem(day_kind_text(kind))
        kind_item.setData(256, kind.value)
        self.overrides.setItem(r, 1, kind_item)

    def model(self) -> WorkModel:
        overrides = {}
        for r in range(self.overrides.rowCount()):
            d, k = self.overrides.item(r, 0), self.overrides.item(r, 1)
            assert d is not None and k is not None
            overrides[date.fromisoformat(d.data(256))] = DayKind(k.data(256))
        return replace(
            self.week.work_model(),
            week={i: DayKind(b.currentData()) for i, b in enumerate(self.day_boxes)},
            work_hours=self.work_hours.span(),
            core_hours=self.core_hours.span(),
            no_meeting=tuple(e.span() for e in self.window_editors),
            overrides=overrides,
            lunch=self.lunch(),
            max_projects_per_day=self.editor(S.PROJECT_LIMIT).value(),
            focus_minutes=self.editor(S.FOCUS_MINUTES).value(),
        )

    def lunch(self) -> dict[int, Span]:
        found = {}
        for i, (start, end) in enumerate(self.lunch_edits):
            a, z = _minutes(start), _minutes(end)
            if a != z:
                found[i] = Span(a, z or 24 * 60)
        return found

    # -- matrix ------------------------------------------------------------------------

    def _matrix_tab(self, matrix: Matrix) -> QWidget:
        """One row per task type: its best place and its best time. A grid of
        labelled boxes, not a table of cell widgets: a table hands a screen
        reader its cells, and the boxes inside them are out of its reach."""
        page = QWidget()
        self.matrix_grid = QWidget()
        self.matrix_grid.setAccessibleName(self.tr("Allocation matrix"))
        grid = QGridLayout(self.matrix_grid)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, text in ((0, self.tr("Task type")), (1, self.tr("Best place")),
                             (3, self.tr("Best time"))):
            heading = QLabel(f"<b>{text}</b>")
            grid.addWidget(heading, 0, column)
        grid.setColumnStretch(4, 1)
        self.place_boxes: dict[TaskType, QComboBox] = {}
        self.window_boxes: dict[TaskType, QComboBox] = {}
        for r, task in enumerate(TaskType, start=1):
            place, window = QComboBox(), QComboBox()
            for p in Place:
                place.addItem(place_text(p), p.value)
            for w in Window:
                window.addItem(window_text(w), w.value)
            place.setCurrentIndex(place.findData(matrix[task].place.value))
            window.setCurrentIndex(window.findData(matrix[task].window.value))
            place.setAccessibleName(self.tr("{task}: best place").format(
                task=task_type_text(task)))
            window.setAccessibleName(self.tr("{task}: best time").format(
                task=task_type_text(task)))
            # The row reads as a sentence ("Coding: Remote (WFA), in the
            # No-meeting window"); each label names its box (labelled-by),
            # which is what AT-SPI says of a combo box.
            task_label = QLabel(task_type_text(task))
            task_label.setAccessibleName(place.accessibleName())
            task_label.setBuddy(place)
            in_label = QLabel(self.tr("in"))
            in_label.setAccessibleName(window.accessibleName())
            in_label.setBuddy(window)
            grid.addWidget(task_label, r, 0)
            grid.addWidget(place, r, 1)
            grid.addWidget(in_label, r, 2)
            grid.addWidget(window, r, 3)
            self.place_boxes[task], self.window_boxes[task] = place, window
        reset = QPushButton(self.tr("Reset to the defaults"))
        reset.clicked.connect(self._reset_matrix)
        note = QLabel(self.tr(
            "Where the defaults come from: programmers in the study did tasks of high "
            "cognitive load (coding, debugging, technology research) best on remote days, "
            "in long undisturbed stretches; tasks that need people together (pair "
            "programming, sprint planning, retrospectives, reviews, design thinking) best in "
            "the office, in core hours. The planner follows this table; change it to fit "
            "your team."))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(page)
        layout.addWidget(self.matrix_grid)
        row = QHBoxLayout()
        row.addWidget(reset)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addStretch(1)
        return page

    def _reset_matrix(self) -> None:
        for task, allocation in DEFAULT_MATRIX.items():
            self.place_boxes[task].setCurrentIndex(
                self.place_boxes[task].findData(allocation.place.value))
            self.window_boxes[task].setCurrentIndex(
                self.window_boxes[task].findData(allocation.window.value))

    def matrix(self) -> Matrix:
        matrix = Matrix()
        for task in TaskType:
            matrix = matrix.with_allocation(task, Allocation(
                Place(self.place_boxes[task].currentData()),
                Window(self.window_boxes[task].currentData())))
        return matrix

    # -- calendar --------------------------------------------------------------------------

    def _calendar_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        self._add_rows(form, page, self.CALENDAR)
        return _page(page, form, self.tr(
            "Fokus reads meetings from this file (Google, Outlook or Apple calendar export) "
            "and imports it again whenever it changes. Meetings are kept only on this "
            "machine."))

    # -- activity ---------------------------------------------------------------------------

    def _activity_tab(self) -> QWidget:
        from app.activity.rules import AutoSwitchSettings, Field

        page = QWidget()
        form = QFormLayout()
        self._add_rows(form, page, self.ACTIVITY[:1])
        self.idle_status = QLabel(self.activity_status("idle"))
        self.idle_status.setObjectName("idleStatus")
        form.addRow(self.tr("Idle detection:"), self.idle_status)
        self._add_rows(form, page, self.ACTIVITY[1:])
        self.hotkey_status = QLabel(self.activity_status("hotkeys"))
        self.hotkey_status.setObjectName("hotkeyStatus")
        self.hotkey_status.setWordWrap(True)
        form.addRow(self.tr("Global hotkeys:"), self.hotkey_status)
        monitor = getattr(self.controller, "activity_monitor", None)
        if monitor is not None:  # the portal answers after the tray has started
            monitor.hotkeys.changed.connect(self._hotkeys_changed)
        from ui.settings.gnome_shortcuts import GnomeShortcutsRow

        if GnomeShortcutsRow.wanted() and not self._portal_binds_hotkeys():
            self.gnome_shortcuts = GnomeShortcutsRow(self.settings, self.controller.paths)
            form.addRow("", self.gnome_shortcuts)

        auto = AutoSwitchSettings.from_json(self.settings.get(S.AUTO_SWITCH))
        self.auto_enabled = QCheckBox(self.tr(
            "Notice switches from the window in front (off unless you turn it on)"))
        self.auto_enabled.setChecked(auto.enabled)
        self.dwell = QSpinBox()
        self.dwell.setRange(5, 600)
        self.dwell.setSuffix(self.tr(" s"))
        self.dwell.setMaximumWidth(120)
        self.dwell.setValue(auto.dwell_seconds)
        self.dwell.setAccessibleName(self.tr("Seconds in front before a switch counts"))
        # One row of labelled boxes per rule (not a table of cell widgets,
        # whose boxes a screen reader cannot reach).
        self.rules = QWidget()
        self.rules.setAccessibleName(self.tr("Rules for automatic switches"))
        self.rules_box = QVBoxLayout(self.rules)
        self.rules_box.setContentsMargins(0, 0, 0, 0)
        self.rule_rows: list[RuleRow] = []
        self._field_names = {Field.CLASS: self.tr("Window class"),
                             Field.TITLE: self.tr("Words in the title"),
                             Field.PATH: self.tr("Folder in the title")}
        self._keep_titles = auto.keep_titles
        for rule in auto.rules:
            self._add_rule(rule.project_id, rule.field, rule.pattern)
        add_rule = QPushButton(self.tr("Add rule"))
        add_rule.clicked.connect(lambda: self._add_rule(None, Field.TITLE, ""))
        rule_buttons = QHBoxLayout()
        rule_buttons.addWidget(add_rule)
        rule_buttons.addStretch(1)
        privacy = QLabel(self.tr(
            "Privacy: Fokus never records which keys you press and never takes screenshots. "
            "Idle detection keeps only the time of your last input. Automatic switches look "
            "at the window in front, keep only the project it matches, and forget the "
            "window's title. Everything stays on this computer."))
        privacy.setWordWrap(True)
        privacy.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.auto_enabled)
        dwell_row = QHBoxLayout()
        dwell_row.addWidget(QLabel(self.tr("Count a switch after the window stays in front for")))
        dwell_row.addWidget(self.dwell)
        dwell_row.addStretch(1)
        layout.addLayout(dwell_row)
        layout.addWidget(self.rules)
        layout.addLayout(rule_buttons)
        layout.addWidget(privacy)
        layout.addStretch(1)
        return page

    def _portal_binds_hotkeys(self) -> bool:
        """Where the desktop's GlobalShortcuts portal binds the hotkeys, GNOME's
        custom shortcuts would bind the same keys twice: not offered then (those
        added earlier are still shown, so they can be removed)."""
        from app.platform.shortcuts import GnomeShortcuts

        monitor = getattr(self.controller, "activity_monitor", None)
        if monitor is None or monitor.hotkeys.backend != "portal":
            return False
        try:
            return not GnomeShortcuts().registered()
        except (OSError, subprocess.TimeoutExpired):
            return True

    def _hotkeys_changed(self) -> None:
        self.hotkey_status.setText(self.activity_status("hotkeys"))

    def activity_status(self, what: str) -> str:
        monitor = getattr(self.controller, "activity_monitor", None)
        if what == "idle":
            if monitor is None:  # Settings opened without the tray's activity monitor
                return self.tr("not known (the tray is not watching activity)")
            status = monitor.idle_status()
            return self.tr("unavailable here (no way to read input times on this desktop)") \
                if status == "unavailable" else self.tr("working ({source})").format(
                    source=status)
        status = monitor.hotkeys.status if monitor else "off"
        portal = monitor is not None and monitor.hotkeys.backend == "portal"
        return {
            "active": self.tr("active (bound by the desktop's GlobalShortcuts portal)")
            if portal else self.tr("active"),
            "pending": self.tr("asked the desktop to bind them (GlobalShortcuts portal); "
                               "confirm the keys in its dialog"),
            "refused": self.tr("the desktop did not bind them; choose keys in its "
                               "keyboard shortcut settings"),
            "off": self.tr("off"),
            "invalid": self.tr("a combination is invalid or used twice"),
            "conflict": self.tr("another program holds {combos}; choose other keys").format(
                combos=", ".join(map(hotkey_text, monitor.hotkeys.conflicts)) if monitor
                else ""),
            "unavailable": self.tr("unavailable on this desktop (Wayland lets no program "
                                   "listen for global keys); use the tray menu"),
        }.get(status, status)

    def _add_rule(self, project_id: int | None, field: object, pattern: str) -> None:
        from app.activity.rules import Field

        projects = [(p.name, p.id) for p in self.controller.service.projects()]
        fields = [(self._field_names[f], f.value) for f in Field]
        row = RuleRow(projects, project_id, fields, Field(field).value,  # type: ignore[arg-type]
                      pattern)
        row.remove.clicked.connect(lambda: self._remove_rule(row))
        self.rule_rows.append(row)
        self.rules_box.addWidget(row)
        row.number(len(self.rule_rows))

    def _remove_rule(self, row: RuleRow) -> None:
        at = self.rule_rows.index(row)
        self.rule_rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        for n, other in enumerate(self.rule_rows, start=1):
            other.number(n)
        # The keyboard stays in the rules: on the row that moved up, or the one above.
        if self.rule_rows:
            self.rule_rows[min(at, len(self.rule_rows) - 1)].project.setFocus()

    def auto_switch(self) -> dict[str, Any]:
        """The automatic-switch rules as edited, in their stored form."""
        from app.activity.rules import AutoSwitchSettings, Field, Rule

        rules = []
        for row in self.rule_rows:
            pattern = row.pattern.text().strip()
            if pattern and row.project.currentData() is not None:
                rules.append(Rule(int(row.project.currentData()),
                                  Field(row.field.currentData()), pattern))
        return AutoSwitchSettings(
            enabled=self.auto_enabled.isChecked(), dwell_seconds=self.dwell.value(),
            keep_titles=self._keep_titles, rules=tuple(rules)).to_json()

    # -- reflection and reports ------------------------------------------------------------

    def _reports_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        self._add_rows(form, page, self.REPORTS)
        return _page(page, form, self.tr(
            "The reflection is offered on work days only; the weekly report is only "
            "written when you export it, after a preview."))

    # -- saving ------------------------------------------------------------------------------

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def save(self) -> None:
        """Check everything first; store only when all of it is valid."""
        rows, refused = self.check_rows()
        if refused:
            self._show_error("\n".join(refused))
            return
        model = self.model()
        problems = model.problems()
        if problems:
            self._show_error("\n".join(problem_text(p) for p in problems))
            self.tabs.setCurrentWidget(self.work_tab)
            return
        path = self.editor(S.CALENDAR_PATH).value()
        if path:
            self._read_calendar(Path(path), rows, model)
            return
        self._store(rows, model)

    @property
    def is_reading(self) -> bool:
        """Is a calendar being read before the settings are stored?"""
        return self._pending is not None

    def _read_calendar(self, path: Path, rows: list[tuple[S.Setting[Any], Any]],
                       model: WorkModel) -> None:
        """The calendar set is read before anything is stored (a file that
        cannot be read stops the save), off the GUI thread, as ``fokus
        import-ics`` is; an unchanged file is only hashed. The dialog waits
        meanwhile, its values held; closing it leaves the import to finish."""
        self._cancel = threading.Event()
        try:
            pending = self.controller.import_calendar_file(path, if_changed=True,
                                                           cancelled=self._cancel)
        except FokusError as err:
            self._calendar_refused(err)
            return
        self._pending = pending
        self.error.hide()
        self.reading_text.setText(
            self.tr("Reading the calendar {file}…").format(file=path.name))
        self.reading.show()
        self.tabs.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        pending.then(lambda outcome: self._calendar_read(pending, outcome, rows, model))

    def _calendar_read(self, pending: Any, outcome: dict[str, Any] | BaseException,
                       rows: list[tuple[S.Setting[Any], Any]], model: WorkModel) -> None:
        import shiboken6

        if not shiboken6.isValid(self) or pending is not self._pending:
            return  # closed meanwhile: the meetings are stored all the same
        self._pending = None
        self.reading.hide()
        self.tabs.setEnabled(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        if isinstance(outcome, BaseException):
            self._calendar_refused(outcome)
            return
        self._store(rows, model)

    def reject(self) -> None:
        """Cancel stores nothing, also of a calendar still being read."""
        if self._pending is not None:
            self._cancel.set()
        self._pending = None
        super().reject()

    def _calendar_refused(self, error: BaseException) -> None:
        self._show_error(import_error_text(error))
        self.tabs.setCurrentWidget(self.calendar_tab)

    def _store(self, rows: list[tuple[S.Setting[Any], Any]], model: WorkModel) -> None:
        language_before = self.settings.get(S.LANGUAGE)
        try:
            self.week.set_work_model(model)
            self.week.set_matrix(self.matrix())
            self.settings.set_all(
                [(s, v) for s, v in rows
                 if s not in self.MODEL_SETTINGS and s is not S.LANGUAGE]
                + [(S.AUTO_SWITCH, self.auto_switch())])
        except FokusError as err:
            self._show_error(error_text(err))
            return
        language = self.editor(S.LANGUAGE).value()
        if language == "system":
            self.settings.reset(S.LANGUAGE)  # nothing stored: the desktop's language
        else:
            self.settings.set(S.LANGUAGE, language)
        if language != language_before:
            self._apply_language(language)
        problem = self._apply_autostart()
        if problem:
            self._show_error(problem)
            self.tabs.setCurrentWidget(self.general_tab)
            return
        # The activity monitor follows the stored hotkeys and rules by itself.
        self.accept()

    def _apply_language(self, language: str) -> None:
        from PySide6.QtWidgets import QApplication

        from ui.i18n import install_translators

        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_translators(app, None if language == "system" else language)

    def _apply_autostart(self) -> str | None:
        from app.platform import autostart

        if self.autostart.isChecked() != autostart.is_enabled():
            try:
                autostart.set_enabled(self.autostart.isChecked())
            except FokusError as err:
                return error_text(err)
        return None
