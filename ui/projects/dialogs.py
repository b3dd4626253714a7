"""Dialogs for adding and editing projects and batches."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import TaskType, Urgency
from app.errors import FokusError
from app.service import PALETTE
from app.store.models import Project, ProjectBatch
from ui.messages import error_text, task_type_text, urgency_text


class ColourButton(QPushButton):
    """A button that shows a colour and lets the user pick another."""

    def __init__(self, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColour(colour)
        self.clicked.connect(self._pick)
        self.setMinimumWidth(90)

    def colour(self) -> str:
        return self._colour

    def setColour(self, colour: str) -> None:  # noqa: N802 - Qt naming
        self._colour = colour
        text = "#1d2427" if QColor(colour).lightness() > 150 else "#ffffff"
        self.setText(colour)
        self.setStyleSheet(
            f"QPushButton {{ background: {colour}; color: {text}; border-radius: 4px;"
            f" padding: 4px 10px; }}")

    def _pick(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._colour), self, self.tr("Project colour"))
        if chosen.isValid():
            self.setColour(chosen.name())


class _FormDialog(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color: #c1121f;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    submit: Callable[[], object] | None = None

    def accept(self) -> None:
        """Save through ``submit``; on a refused value, say why and stay open."""
        if self.submit is not None:
            try:
                self.submit()
            except FokusError as err:
                self.show_error(err)
                return
        super().accept()

    def show_error(self, err: FokusError) -> None:
        self.error.setText(error_text(err))
        self.error.show()


class ProjectDialog(_FormDialog):
    def __init__(self, parent: QWidget | None, project: Project | None = None,
                 suggested_colour: str = PALETTE[0]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit project") if project else self.tr("New project"))
        self.name = QLineEdit(project.name if project else "")
        self.name.setPlaceholderText(self.tr("e.g. SIASN"))
        self.name.setMaxLength(80)
        self.colour = ColourButton(project.colour if project else suggested_colour)
        self.tech = QLineEdit(project.tech_stack if project else "")
        self.tech.setPlaceholderText(self.tr("e.g. Java, Go, PostgreSQL"))
        self.form.addRow(self.tr("&Name:"), self.name)
        self.form.addRow(self.tr("&Colour:"), self.colour)
        self.form.addRow(self.tr("&Tech stack:"), self.tech)
        self.resize(420, self.sizeHint().height())


class BatchDialog(_FormDialog):
    def __init__(self, parent: QWidget | None, projects: list[Project],
                 batch: ProjectBatch | None = None, project_id: int | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit batch") if batch else self.tr("New batch"))
        self.project = QComboBox()
        for p in projects:
            self.project.addItem(p.name, p.id)
        wanted = batch.project_id if batch else project_id
        if wanted is not None:
            self.project.setCurrentIndex(max(0, self.project.findData(wanted)))
        self.title = QLineEdit(batch.title if batch else "")
        self.title.setPlaceholderText(self.tr("A group of tasks of one project"))
        self.title.setMaxLength(200)
        self.task_type = QComboBox()
        for t in TaskType:
            self.task_type.addItem(task_type_text(t), t.value)
        self.task_type.setCurrentIndex(
            self.task_type.findData(batch.task_type if batch else TaskType.CODING.value))
        self.estimate = QSpinBox()
        self.estimate.setRange(5, 100 * 60)
        self.estimate.setSingleStep(15)
        self.estimate.setSuffix(self.tr(" min"))
        self.estimate.setValue(batch.estimate_minutes if batch else 90)
        self.urgency = QComboBox()
        for u in Urgency:
            self.urgency.addItem(urgency_text(u), u.value)
        self.urgency.setCurrentIndex(
            self.urgency.findData(batch.urgency if batch else Urgency.NORMAL.value))
        self.has_due = QCheckBox(self.tr("Due"))
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        start = today or date.today()
        due = batch.due_date if batch and batch.due_date else start
        self.due.setDate(QDate(due.year, due.month, due.day))
        self.has_due.setChecked(bool(batch and batch.due_date))
        self.due.setEnabled(self.has_due.isChecked())
        self.due.setAccessibleName(self.tr("Due date"))
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        self.note = QPlainTextEdit(batch.prep_note if batch else "")
        self.note.setPlaceholderText(
            self.tr("Context preparation: branch, files, where to begin, what to read first"))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        self.form.addRow(self.tr("&Project:"), self.project)
        self.form.addRow(self.tr("&Title:"), self.title)
        self.form.addRow(self.tr("Task t&ype:"), self.task_type)
        self.form.addRow(self.tr("&Estimate:"), self.estimate)
        self.form.addRow(self.tr("&Urgency:"), self.urgency)
        self.form.addRow(self.tr("Due date:"), due_row)
        self.form.addRow(self.tr("Pre&paration note:"), self.note)
        self.resize(480, self.sizeHint().height())

    def due_date(self) -> date | None:
        if not self.has_due.isChecked():
            return None
        d = self.due.date()
        return date(d.year(), d.month(), d.day())

    def values(self) -> dict[str, object]:
        return {
            "project": self.project.currentData(),
            "title": self.title.text(),
            "task_type": self.task_type.currentData(),
            "estimate_minutes": self.estimate.value(),
            "urgency": self.urgency.currentData(),
            "due_date": self.due_date(),
            "prep_note": self.note.toPlainText(),
        }


__all__ = ["BatchDialog", "ColourButton", "ProjectDialog", "Qt"]
