"""The dialogs of editing the past: a session's start, end, project and batch,
and the question when an edit would overlap another session."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QWidget,
)

from app.errors import FokusError
from ui.messages import error_text

if TYPE_CHECKING:
    from app.service import FokusService


def _shown(at: datetime) -> QDateTime:
    return QDateTime.fromString(at.strftime("%Y-%m-%dT%H:%M"), "yyyy-MM-ddTHH:mm")


class SessionEditDialog(QDialog):
    """Start, end, project and batch of one session (a new one when ``session_id``
    is None). The running session shows its times but cannot change them."""

    def __init__(self, service: FokusService, start: datetime, end: datetime,
                 project_id: int | None, batch_id: int | None, running: bool = False,
                 adding: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionEditDialog")
        self.service = service
        self.setWindowTitle(self.tr("Add a session") if adding else self.tr("Edit session"))
        fmt = QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat)
        # Shown as the wall-clock time of Fokus's zone, whatever Qt thinks is local.
        self.start = QDateTimeEdit(_shown(start))
        self.end = QDateTimeEdit(_shown(end))
        for edit in (self.start, self.end):
            edit.setDisplayFormat(fmt)
            edit.setEnabled(not running)
        self.project = QComboBox()
        self.project.setObjectName("projectCombo")
        for p in service.projects(include_archived=project_id is not None):
            if p.archived_at is None or p.id == project_id:
                self.project.addItem(p.name, p.id)
        if project_id is not None:
            self.project.setCurrentIndex(max(0, self.project.findData(project_id)))
        self.batch = QComboBox()
        self.batch.setObjectName("batchCombo")
        self._batch_id = batch_id
        self.project.currentIndexChanged.connect(self._fill_batches)
        self._fill_batches()
        form = QFormLayout(self)
        if running:
            note = QLabel(self.tr("This session is still running: only its project and "
                                  "batch can change until it ends."))
            note.setWordWrap(True)
            form.addRow(note)
        form.addRow(self.tr("Start"), self.start)
        form.addRow(self.tr("End"), self.end)
        form.addRow(self.tr("Project"), self.project)
        form.addRow(self.tr("Batch"), self.batch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _fill_batches(self) -> None:
        self.batch.clear()
        self.batch.addItem(self.tr("No batch"), None)
        project_id = self.project.currentData()
        if project_id is None:
            return
        for b in self.service.batches(project_id, include_done=True):
            self.batch.addItem(b.title, b.id)
        if self._batch_id is not None:
            found = self.batch.findData(self._batch_id)
            if found >= 0:
                self.batch.setCurrentIndex(found)

    def values(self) -> tuple[datetime, datetime, int, int | None]:
        zone = self.service.clock.zone()
        start = datetime.fromisoformat(self.start.dateTime().toString("yyyy-MM-ddTHH:mm"))
        end = datetime.fromisoformat(self.end.dateTime().toString("yyyy-MM-ddTHH:mm"))
        start, end = start.replace(tzinfo=zone), end.replace(tzinfo=zone)
        return start, end, int(self.project.currentData()), self.batch.currentData()


class OverlapQuestion(QMessageBox):
    """The edit overlaps another session: trim the other, or cancel?"""

    def __init__(self, err: FokusError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overlapQuestion")
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Sessions overlap"))
        self.setText(error_text(err))
        self.setInformativeText(self.tr(
            "Trim the other session so that the two no longer overlap, or cancel the edit."))
        self.trim = self.addButton(self.tr("Trim the other"), QMessageBox.ButtonRole.AcceptRole)
        self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.trim)


def ask_trim(parent: QWidget, err: FokusError) -> bool:
    box = OverlapQuestion(err, parent)
    box.exec()
    return box.clickedButton() is box.trim
