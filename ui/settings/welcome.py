"""The welcome guide on first start (and from Settings): language, projects
(or demo data to look around), the hybrid model, privacy in plain words, the
calendar file, and starting at login."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.errors import FokusError
from app.store.settings import AUTO_SWITCH, CALENDAR_PATH, FIRST_RUN_DONE, LANGUAGE
from ui.messages import error_text, import_error_text, tr

if TYPE_CHECKING:
    from ui.shell.controller import FokusController

# ui/shell/app.py still reads the key by this name; it is to read
# ``service.settings.get(FIRST_RUN_DONE)`` instead, then this goes.
LANGUAGES = (("en", "English"), ("id", "Bahasa Indonesia"))


def _calendar_read(controller: FokusController, path: str, before: str,
                   outcome: dict[str, Any] | BaseException) -> None:
    """The guide's calendar, read after the guide has closed: kept as the
    calendar to follow if it could be read (and no other was set since the
    guide closed, ``before`` being the one set then), else said why."""
    if not isinstance(outcome, BaseException):
        try:
            if controller.service.settings.get(CALENDAR_PATH) == before:
                controller.service.settings.set(CALENDAR_PATH, path)
            return
        except FokusError as err:
            outcome = err
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, tr("Fokus"), import_error_text(outcome))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    _told.append(box)
    box.destroyed.connect(lambda _o=None, b=box: _told.remove(b) if b in _told else None)


_told: list[Any] = []  # the calendar's message boxes on screen (kept from the collector)


def _text(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class LanguagePage(QWizardPage):
    def __init__(self, current: str) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to Fokus"))
        self.setSubTitle(self.tr("A few questions, a minute or two. You can change every "
                                 "answer later in Settings."))
        layout = QVBoxLayout(self)
        layout.addWidget(_text(self.tr("Which language should Fokus speak?")))
        self.buttons: dict[str, QRadioButton] = {}
        for code, name in LANGUAGES:
            button = QRadioButton(name)
            button.setChecked(code == current)
            self.buttons[code] = button
            layout.addWidget(button)
        layout.addStretch(1)

    def language(self) -> str:
        return next(code for code, b in self.buttons.items() if b.isChecked())


class ProjectsPage(QWizardPage):
    def __init__(self, controller: FokusController) -> None:
        super().__init__()
        self.controller = controller
        self.setTitle(self.tr("Your projects"))
        self.setSubTitle(self.tr("The projects you work on this month, e.g. SIASN, MyASN, "
                                 "SIMPEGNAS."))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Your projects"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Project name"))
        self.name.setAccessibleName(self.tr("Project name"))
        self.tech = QLineEdit()
        self.tech.setPlaceholderText(self.tr("Tech stack (optional)"))
        self.tech.setAccessibleName(self.tr("Tech stack (optional)"))
        add = QPushButton(self.tr("&Add"))
        add.clicked.connect(self.add)
        self.name.returnPressed.connect(self.add)
        self.tech.returnPressed.connect(self.add)
        row = QHBoxLayout()
        row.addWidget(self.name, 2)
        row.addWidget(self.tech, 2)
        row.addWidget(add)
        self.demo = QCheckBox(self.tr("Fill Fokus with demo data to look around first "
                                      "(projects, a planned week, weeks of history)"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #c1121f;")
        self.hint = QLabel(self.tr("Add at least one project: type its name and press Enter. "
                                   "Or fill Fokus with the demo data below."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.demo)
        self.demo.toggled.connect(self.completeChanged)
        self.demo.toggled.connect(self._show_hint)
        self.refresh()

    def initializePage(self) -> None:  # noqa: N802 - Qt naming
        # The page asks for a name: typing goes there at once, without a click first.
        # (After the wizard has given the focus to the page's first child, the list.)
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self.name, self.name.setFocus)

    def isComplete(self) -> bool:  # noqa: N802 - Qt naming
        """Fokus plans projects: go on with one at least, or with the demo data."""
        return self.list.count() > 0 or self.demo.isChecked()

    def refresh(self) -> None:
        self.list.clear()
        for p in self.controller.service.projects():
            self.list.addItem(p.name + (f" — {p.tech_stack}" if p.tech_stack else ""))
        self.demo.setEnabled(self.list.count() == 0)
        self._show_hint()
        self.completeChanged.emit()

    def _show_hint(self) -> None:
        self.hint.setVisible(not self.isComplete())

    def add(self) -> None:
        if not self.name.text().strip():
            return
        try:
            self.controller.service.add_project(self.name.text(), tech_stack=self.tech.text())
        except FokusError as err:
            self.error.setText(error_text(err))
            return
        self.error.clear()
        self.name.clear()
        self.tech.clear()
        self.refresh()


class ModelPage(QWizardPage):
    editRequested = Signal()

    def __init__(self, controller: FokusController) -> None:
        super().__init__()
        self.setTitle(self.tr("Your hybrid week"))
        self.setSubTitle(self.tr("Fokus starts from a model that worked for programmers with "
                                 "several projects (a study of civil-servant programmers)."))
        self.summary = _text("")
        edit = QPushButton(self.tr("&Edit the model…"))
        edit.clicked.connect(self.editRequested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        row.addWidget(edit)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.controller = controller
        self.refresh()

    def refresh(self) -> None:
        from ui.week.day_kinds import day_kind_text

        model = self.controller.service.week.work_model()
        from PySide6.QtCore import QLocale

        locale = QLocale()
        days = ", ".join(
            f"{locale.dayName(i + 1, QLocale.FormatType.ShortFormat)} "
            f"{day_kind_text(model.week.get(i))}" for i in range(7)  # type: ignore[arg-type]
            if model.week.get(i) is not None and model.week[i].is_workday)
        windows = ", ".join(str(s).replace("-", "–") for s in model.no_meeting)
        self.summary.setText(self.tr(
            "<p><b>Week:</b> {days}.</p><p><b>Deep work</b> in the no-meeting windows "
            "{windows}, remote days first.</p><p><b>Core hours</b> {core} for coordination: "
            "stand-ups, planning, reviews, pair programming — office days first.</p>"
            "<p>At most {limit} projects a day; blocks of {length} minutes.</p>").format(
                days=days, windows=windows, core=str(model.core_hours).replace("-", "–"),
                limit=model.max_projects_per_day, length=model.focus_minutes))


class PrivacyPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Your privacy"))
        layout = QVBoxLayout(self)
        layout.addWidget(_text(self.tr(
            "<p>Everything Fokus keeps stays on this computer. Nothing is sent anywhere; "
            "a weekly report leaves only when you export it, after you have seen exactly "
            "what it contains.</p>"
            "<p>Fokus never records which keys you press and never takes screenshots. To "
            "notice that you are away it keeps only the time of your last input.</p>"
            "<p>Energy and burnout answers are private: they appear in a report only if "
            "you include them.</p>")))
        self.auto = QCheckBox(self.tr("Notice project switches from the window in front "
                                      "(only the matched project is kept; off by default)"))
        layout.addWidget(self.auto)
        layout.addStretch(1)


class CalendarPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Your calendar (optional)"))
        self.setSubTitle(self.tr("Fokus plans deep work around your meetings. Export your "
                                 "calendar as an .ics file (Google, Outlook or Apple)."))
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("No calendar file"))
        self.path.setAccessibleName(self.tr("Calendar file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addStretch(1)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Calendar file"), str(Path.home()),
                                              self.tr("Calendar files (*.ics)"))
        if path:
            self.path.setText(path)


class StartPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Ready"))
        layout = QVBoxLayout(self)
        self.autostart = QCheckBox(self.tr("Start Fokus when I log in"))
        self.autostart.setChecked(True)
        layout.addWidget(self.autostart)
        from PySide6.QtWidgets import QSystemTrayIcon

        if QSystemTrayIcon.isSystemTrayAvailable():
            where = self.tr(
                "Fokus lives in the system tray. Click its icon to start a focus session; "
                "Ctrl+Alt+F starts or stops one from anywhere.")
        else:
            where = self.tr(
                "This desktop shows no system tray, so Fokus runs in its own window, which "
                "offers everything the tray menu would; closing it only minimises it. "
                "Ctrl+Alt+F starts or stops a session from anywhere.")
        self.where = _text(where)
        layout.addWidget(self.where)
        layout.addStretch(1)


class FirstRunWizard(QWizard):
    languageChanged = Signal(str)

    def __init__(self, controller: FokusController, parent: QWidget | None = None,
                 start_at: int = 0) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Fokus — Welcome"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.resize(640, 480)
        from PySide6.QtCore import QLocale

        current = controller.service.settings.get(LANGUAGE)
        if current == "system":
            current = QLocale().name().split("_")[0]
        self.language_page = LanguagePage(current if current in ("en", "id") else "en")
        self.projects_page = ProjectsPage(controller)
        self.model_page = ModelPage(controller)
        self.privacy_page = PrivacyPage()
        self.calendar_page = CalendarPage()
        self.start_page = StartPage()
        for page in (self.language_page, self.projects_page, self.model_page,
                     self.privacy_page, self.calendar_page, self.start_page):
            self.addPage(page)
        self.model_page.editRequested.connect(self._edit_model)
        self.currentIdChanged.connect(self._page_changed)
        self._start_at = start_at
        if start_at:
            self.setStartId(start_at)

    def _page_changed(self, page_id: int) -> None:
        if page_id == 1:
            language = self.language_page.language()
            settings = self.controller.service.settings
            if language != settings.get(LANGUAGE):
                settings.set(LANGUAGE, language)
                self.languageChanged.emit(language)

    def _edit_model(self) -> None:
        from ui.settings.window import SettingsDialog

        dialog = SettingsDialog(self.controller, self)
        dialog.tabs.setCurrentWidget(dialog.work_tab)  # the model is edited there
        dialog.exec()
        self.model_page.refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt naming
        # Enter in the project fields adds the project (returnPressed) and stays on
        # the page, rather than also pressing Next.
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self.focusWidget() in (self.projects_page.name, self.projects_page.tech)):
            event.accept()
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        from app.platform import autostart
        from app.store.demo import fill

        svc = self.controller.service
        errors = []
        if self.projects_page.demo.isChecked() and not svc.projects():
            try:
                fill(svc.store, self.controller.clock, weeks=4,
                     calendar_dir=self.controller.paths.data_dir,
                     parse_apart=svc.week.parse_apart)
            except FokusError as err:
                errors.append(error_text(err))
        if self.privacy_page.auto.isChecked():
            from dataclasses import replace

            from app.activity.rules import AutoSwitchSettings

            current = AutoSwitchSettings.from_json(svc.settings.get(AUTO_SWITCH))
            svc.settings.set(AUTO_SWITCH, replace(current, enabled=True).to_json())
        path = self.calendar_page.path.text().strip()
        if path:
            # Read off the GUI thread (fokus import-ics's way); the guide closes
            # at once, and the calendar is kept once it has been read.
            before = svc.settings.get(CALENDAR_PATH)
            try:
                self.controller.import_calendar_file(Path(path)).then(
                    lambda outcome: _calendar_read(self.controller, path, before, outcome))
            except FokusError as err:
                errors.append(error_text(err))
        try:
            autostart.set_enabled(self.start_page.autostart.isChecked())
        except FokusError as err:
            errors.append(error_text(err))
        if errors:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, self.tr("Fokus"), "\n".join(errors))
        svc.settings.set(FIRST_RUN_DONE, True)
        super().accept()
