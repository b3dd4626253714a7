"""The Projects & batches window: add, edit and archive projects and their
batches, and run a focus session from here when there is no tray."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import BatchStatus, SessionState, Urgency
from app.errors import FokusError
from app.service import PALETTE
from ui.messages import error_text, task_type_text, urgency_text
from ui.projects.dialogs import BatchDialog, ProjectDialog
from ui.tray.icons import colour_swatch
from ui.tray.tray import minutes_left, session_title

if TYPE_CHECKING:
    from app.service import FokusService
    from app.store.models import Project, ProjectBatch
    from ui.shell.controller import FokusController

URGENCY_COLOURS = {Urgency.CRITICAL: "#c1121f", Urgency.HIGH: "#e76f51"}


class SessionPanel(QFrame):
    """The session's state and its buttons, across the top of the window."""

    def __init__(self, controller: FokusController, window: ProjectsWindow) -> None:
        super().__init__(window)
        self.controller = controller
        self.window_ = window
        self.setObjectName("sessionPanel")
        self.setStyleSheet("#sessionPanel { background: palette(alternate-base);"
                           " border-radius: 6px; }")
        self.state = QLabel()
        font = QFont(self.state.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.state.setFont(font)
        self.detail = QLabel()
        self.detail.setStyleSheet("color: palette(mid);")
        self.start = QPushButton(self.tr("Start focus"))
        self.start.setObjectName("startButton")
        self.pause = QPushButton(self.tr("Pause"))
        self.stop = QPushButton(self.tr("Stop"))
        self.start.clicked.connect(window.start_selected)
        self.pause.clicked.connect(self.controller.pause_or_resume)
        self.stop.clicked.connect(controller.stop)
        text = QVBoxLayout()
        text.addWidget(self.state)
        text.addWidget(self.detail)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.addLayout(text, 1)
        for b in (self.start, self.pause, self.stop):
            row.addWidget(b)

    def update_state(self) -> None:
        view = self.controller.view
        ready = self.controller.is_ready
        if view is None:
            self.state.setText(self.tr("No focus session"))
            self.detail.setText(self.tr("Pick a project or batch below, then start: {n} min.")
                                .format(n=self.controller.focus_minutes() if ready else 90))
            self.pause.setText(self.tr("Pause"))
        else:
            paused = view.state == SessionState.PAUSED
            self.state.setText((self.tr("Paused: {title}") if paused
                                else self.tr("Focusing: {title}")).format(
                                    title=session_title(view)))
            self.detail.setText(self.tr("{left} of {planned} min left").format(
                left=minutes_left(view), planned=view.planned_minutes))
            self.pause.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.start.setEnabled(ready and view is None)
        self.pause.setEnabled(view is not None)
        self.stop.setEnabled(view is not None)


class ProjectsWindow(QMainWindow):
    def __init__(self, controller: FokusController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Fokus — Projects & batches"))
        self.resize(960, 600)

        self.panel = SessionPanel(controller, self)

        # Projects, left.
        self.projects = QListWidget()
        self.projects.setObjectName("projectList")
        self.projects.setAccessibleName(self.tr("Projects"))
        self.projects.currentItemChanged.connect(lambda *_: self._load_batches())
        self.projects.itemDoubleClicked.connect(lambda *_: self.edit_project())
        self.show_archived = QCheckBox(self.tr("Show archived"))
        self.show_archived.toggled.connect(lambda *_: self.reload())
        self.add_project_button = QPushButton(self.tr("&Add project…"))
        self.add_project_button.clicked.connect(self.add_project)
        self.edit_project_button = QPushButton(self.tr("Edit…"))
        self.edit_project_button.clicked.connect(self.edit_project)
        self.archive_button = QPushButton(self.tr("Archive"))
        self.archive_button.clicked.connect(self.toggle_archive)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Projects"))
        title.setStyleSheet("font-weight: bold;")
        lv.addWidget(title)
        lv.addWidget(self.projects, 1)
        lv.addWidget(self.show_archived)
        buttons = QHBoxLayout()
        for b in (self.add_project_button, self.edit_project_button, self.archive_button):
            buttons.addWidget(b)
        lv.addLayout(buttons)

        # Batches, right.
        self.batch_title = QLabel()
        self.batch_title.setStyleSheet("font-weight: bold;")
        self.project_info = QLabel()
        self.project_info.setStyleSheet("color: palette(mid);")
        self.batches = QTableWidget(0, 6)
        self.batches.setObjectName("batchTable")
        self.batches.setAccessibleName(self.tr("Batches of the chosen project"))
        self.batches.setTabKeyNavigation(False)  # arrows move between cells; Tab moves on
        self.batches.setHorizontalHeaderLabels([
            self.tr("Batch"), self.tr("Type"), self.tr("Estimate"), self.tr("Urgency"),
            self.tr("Due"), self.tr("Status")])
        header = self.batches.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for i in range(1, 6):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        self.batches.verticalHeader().hide()
        self.batches.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.batches.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.batches.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.batches.setAlternatingRowColors(True)
        self.batches.itemDoubleClicked.connect(lambda *_: self.edit_batch())
        self.batches.itemSelectionChanged.connect(self._update_buttons)
        self.show_done = QCheckBox(self.tr("Show done"))
        self.show_done.toggled.connect(lambda *_: self._load_batches())
        self.add_batch_button = QPushButton(self.tr("Add &batch…"))
        self.add_batch_button.clicked.connect(self.add_batch)
        self.edit_batch_button = QPushButton(self.tr("&Edit…"))
        self.edit_batch_button.clicked.connect(self.edit_batch)
        self.done_button = QPushButton(self.tr("Mark &done"))
        self.done_button.clicked.connect(self.toggle_done)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("prepNote")
        self.note.setStyleSheet("#prepNote { color: palette(text); background: palette(base);"
                                " border: 1px solid palette(mid); border-radius: 4px;"
                                " padding: 6px; }")
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.batch_title)
        rv.addWidget(self.project_info)
        rv.addWidget(self.batches, 1)
        rv.addWidget(self.note)
        row = QHBoxLayout()
        row.addWidget(self.show_done)
        row.addStretch(1)
        for b in (self.add_batch_button, self.edit_batch_button, self.done_button):
            row.addWidget(b)
        rv.addLayout(row)
        from ui.projects.repos import RepositoriesPanel

        self.repositories = RepositoriesPanel(controller)
        rv.addWidget(self.repositories)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 700])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.panel)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        QShortcut(QKeySequence.StandardKey.New, self).activated.connect(self.add_batch)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.batches).activated.connect(
            self.toggle_done)

        controller.changed.connect(self.panel.update_state)
        controller.ready.connect(self.reload)
        controller.dataChanged.connect(self._data_changed)
        controller.failed.connect(self.show_problem)
        self.panel.update_state()
        if controller.is_ready:
            self.reload()

    # -- helpers ----------------------------------------------------------------

    @property
    def svc(self) -> FokusService:
        return self.controller.service

    def show_problem(self, text: str) -> None:
        if self.isVisible():
            QMessageBox.warning(self, self.tr("Fokus"), text)

    def _guard(self, action: object) -> object:
        try:
            return action() if callable(action) else None
        except FokusError as err:
            QMessageBox.warning(self, self.tr("Fokus"), error_text(err))
            return None

    def current_project(self) -> Project | None:
        item = self.projects.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def current_batch(self) -> ProjectBatch | None:
        rows = self.batches.selectionModel().selectedRows() if self.batches.model() else []
        if not rows:
            return None
        item = self.batches.item(rows[0].row(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    # -- loading ------------------------------------------------------------------

    def _data_changed(self, topics: frozenset[str]) -> None:
        if topics & {"projects", "batches"}:
            self.reload()
        elif "settings" in topics:
            self.panel.update_state()  # the focus length it offers

    def reload(self, select_id: int | None = None) -> None:
        if not self.controller.is_ready:
            return
        keep = select_id if select_id is not None else (
            p.id if (p := self.current_project()) else None)
        self.projects.blockSignals(True)
        self.projects.clear()
        for project in self.svc.projects(include_archived=self.show_archived.isChecked()):
            text = project.name
            if project.archived_at is not None:
                text = self.tr("{name} (archived)").format(name=project.name)
            item = QListWidgetItem(colour_swatch(project.colour), text)
            item.setData(Qt.ItemDataRole.UserRole, project)
            if project.archived_at is not None:
                item.setForeground(QColor("#8a9399"))
            self.projects.addItem(item)
            if project.id == keep:
                self.projects.setCurrentItem(item)
        if self.projects.currentItem() is None and self.projects.count():
            self.projects.setCurrentRow(0)
        self.projects.blockSignals(False)
        self._load_batches()

    def _load_batches(self) -> None:
        project = self.current_project()
        self.repositories.set_project(project)
        self.batches.setRowCount(0)
        if project is None:
            self.batch_title.setText(self.tr("No project yet"))
            self.project_info.setText(self.tr("Add your first project on the left."))
            self._update_buttons()
            return
        self.batch_title.setText(self.tr("Batches of {name}").format(name=project.name))
        self.project_info.setText(project.tech_stack)
        rows = self.svc.batches(project.id, include_done=self.show_done.isChecked()) \
            if project.archived_at is None else []
        for batch in rows:
            r = self.batches.rowCount()
            self.batches.insertRow(r)
            done = batch.status == BatchStatus.DONE
            cells = [
                batch.title,
                task_type_text(batch.task_type),
                self.tr("{n} min").format(n=batch.estimate_minutes),
                urgency_text(batch.urgency),
                QLocale().toString(QDate(batch.due_date), QLocale.FormatType.ShortFormat)
                if batch.due_date else "—",
                self.tr("Done") if done else self.tr("Open"),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, batch)
                    if batch.prep_note:
                        item.setToolTip(batch.prep_note)
                if c == 3 and Urgency(batch.urgency) in URGENCY_COLOURS:
                    item.setForeground(QColor(URGENCY_COLOURS[Urgency(batch.urgency)]))
                if done:
                    item.setForeground(QColor("#8a9399"))
                self.batches.setItem(r, c, item)
        if rows:
            self.batches.selectRow(0)
        elif project.archived_at is None:
            self.project_info.setText(self.tr(
                "No open batches. Add a batch (“Add batch…”) so Fokus can plan it into your "
                "week."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        project = self.current_project()
        batch = self.current_batch()
        active = project is not None and project.archived_at is None
        self.edit_project_button.setEnabled(project is not None)
        self.archive_button.setEnabled(project is not None)
        self.archive_button.setText(self.tr("Restore") if project and project.archived_at
                                    else self.tr("Archive"))
        self.add_batch_button.setEnabled(active)
        self.edit_batch_button.setEnabled(batch is not None)
        self.done_button.setEnabled(batch is not None)
        self.done_button.setText(self.tr("Reopen") if batch and batch.status == BatchStatus.DONE
                                 else self.tr("Mark &done"))
        if batch is not None and batch.prep_note:
            self.note.setText(self.tr("Preparation: {note}").format(note=batch.prep_note))
            self.note.show()
        else:
            self.note.hide()

    # -- actions --------------------------------------------------------------------

    def add_project(self) -> None:
        count = len(self.svc.projects(include_archived=True))
        dialog = ProjectDialog(self, suggested_colour=PALETTE[count % len(PALETTE)])
        created: list[Project] = []
        dialog.submit = lambda: created.append(self.svc.add_project(
            dialog.name.text(), dialog.colour.colour(), dialog.tech.text()))
        if dialog.exec():
            self.reload(created[0].id)

    def edit_project(self) -> None:
        project = self.current_project()
        if project is None:
            return
        dialog = ProjectDialog(self, project)
        dialog.submit = lambda: self.svc.update_project(
            project.id, dialog.name.text(), dialog.colour.colour(),  # type: ignore[arg-type]
            dialog.tech.text())
        if dialog.exec():
            self.reload(project.id)

    def toggle_archive(self) -> None:
        project = self.current_project()
        if project is None:
            return
        if project.archived_at is None:
            answer = QMessageBox.question(
                self, self.tr("Archive project"),
                self.tr("Archive {name}? Its history stays; it leaves the menus.").format(
                    name=project.name))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._guard(lambda: self.svc.archive_project(project.id,  # type: ignore[arg-type]
                                                     archived=project.archived_at is None))
        self.reload()

    def add_batch(self) -> None:
        project = self.current_project()
        projects = self.svc.projects()
        if not projects:
            self.add_project()
            return
        dialog = BatchDialog(self, projects, project_id=project.id if project else None,
                             today=self.controller.service.week.local(
                                 self.controller.clock.now()).date())
        dialog.submit = lambda: self.svc.add_batch(**dialog.values())  # type: ignore[arg-type]
        if dialog.exec():
            self.reload(dialog.project.currentData())

    def edit_batch(self) -> None:
        batch = self.current_batch()
        if batch is None:
            return
        dialog = BatchDialog(self, self.svc.projects(), batch,
                             today=self.controller.service.week.local(
                                 self.controller.clock.now()).date())
        dialog.submit = lambda: self.svc.update_batch(
            batch.id, **dialog.values())  # type: ignore[arg-type]
        if dialog.exec():
            self.reload(dialog.project.currentData())

    def toggle_done(self) -> None:
        batch = self.current_batch()
        if batch is None:
            return
        self._guard(lambda: self.svc.set_batch_done(
            batch.id, done=batch.status != BatchStatus.DONE))  # type: ignore[arg-type]
        self._load_batches()

    def start_selected(self) -> None:
        project = self.current_project()
        if project is None or project.id is None:
            QMessageBox.information(self, self.tr("Fokus"),
                                    self.tr("Pick a project to focus on first."))
            return
        batch = self.current_batch()
        self.controller.start(project.id, batch.id if batch else None)
