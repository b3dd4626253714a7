"""Export the weekly self-report: a preview of exactly what leaves the
machine, switches for what to leave out, the format, and a remembered folder
that opens once the file is written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import FokusError
from app.reports.export import ExportOptions, build_report
from app.reports.filenames import export_filename
from app.store.settings import DISPLAY_NAME, EXPORT_FOLDER
from app.week.workmodel import iso_week_days, iso_week_of
from ui.messages import error_text

if TYPE_CHECKING:
    from ui.shell.controller import FokusController


class ExportDialog(QDialog):
    def __init__(self, controller: FokusController, week: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        settings = controller.service.settings
        self.setWindowTitle(self.tr("Export the weekly self-report"))
        self.resize(760, 640)
        today = controller.service.week.local(controller.clock.now()).date()
        self.week = QComboBox()
        from datetime import timedelta

        for back in range(0, 8):
            w = iso_week_of(today - timedelta(weeks=back))
            self.week.addItem(w, w)
        if week:
            self.week.setCurrentIndex(max(0, self.week.findData(week)))
        self.name = QLineEdit(settings.get(DISPLAY_NAME))
        self.name.setPlaceholderText(self.tr("How your PIC knows you"))
        self.formats = QButtonGroup(self)
        fmt_row = QHBoxLayout()
        for i, (fmt, text) in enumerate((("pdf", self.tr("PDF, for people")),
                                         ("csv", self.tr("CSV, one row per day")),
                                         ("json", self.tr("JSON, for tools and team reports")))):
            button = QRadioButton(text)
            button.setProperty("fmt", fmt)
            self.formats.addButton(button, i)
            fmt_row.addWidget(button)
        self.formats.button(0).setChecked(True)
        fmt_row.addStretch(1)
        self.free_text = QCheckBox(self.tr("Include what helped and what got in the way"))
        self.health = QCheckBox(self.tr("Include energy and burnout (health-like, private "
                                        "by default)"))
        self.codes = QCheckBox(self.tr("Replace project names by codes (P1, P2, …)"))
        self.folder = QLineEdit(settings.get(EXPORT_FOLDER) or str(Path.home()))
        self.folder.setAccessibleName(self.tr("Folder"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setObjectName("exportPreview")
        self.preview.setAccessibleName(self.tr("Preview"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Week:"), self.week)
        form.addRow(self.tr("Your name:"), self.name)
        form.addRow(self.tr("Format:"), fmt_row)
        form.addRow(self.tr("Folder:"), folder_row)
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(self.tr("&Export and open the folder"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for box in (self.free_text, self.health, self.codes):
            layout.addWidget(box)
            box.toggled.connect(self.refresh)
        layout.addWidget(QLabel(self.tr("Exactly what leaves this computer:")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.week.currentIndexChanged.connect(self.refresh)
        self.name.textChanged.connect(self.refresh)
        self.refresh()

    def options(self) -> ExportOptions:
        return ExportOptions(free_text=self.free_text.isChecked(), health=self.health.isChecked(),
                             project_names=not self.codes.isChecked(),
                             name=self.name.text().strip() or None)

    def refresh(self) -> None:
        from app.reports.metrics import Metrics

        store, clock = self.controller.service.store, self.controller.clock
        self.week_report = Metrics(store, clock).week(self.week.currentData())
        self.report = build_report(store, clock, self.week.currentData(), self.options(),
                                   self.week_report)
        self.preview.setPlainText(json.dumps(self.report, ensure_ascii=False, indent=2))

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export folder"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def export(self, open_folder: bool = True) -> Path | None:
        from app.reports.export import to_csv, to_json

        checked = self.formats.checkedButton()
        fmt = checked.property("fmt") if checked is not None else "pdf"
        week = self.week.currentData()
        iso_week_days(week)
        folder = Path(self.folder.text()).expanduser()
        path = folder / export_filename(week, fmt, self.report)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if fmt == "json":
                path.write_text(to_json(self.report), encoding="utf-8")
            elif fmt == "csv":
                path.write_text(to_csv(self.report), encoding="utf-8")
            else:
                from app.reports.pdf import render_pdf

                render_pdf(self.report, self.week_report,
                           self.controller.service.week.work_model(), path)
            settings = self.controller.service.settings
            settings.set(EXPORT_FOLDER, str(folder))
            settings.set(DISPLAY_NAME, self.name.text().strip())
        except OSError as exc:
            self.status.setText(self.tr("Could not write {path}: {reason}").format(
                path=path, reason=exc.strerror or exc))
            return None
        except FokusError as err:
            self.status.setText(error_text(err))
            return None
        self.status.setText(self.tr("Written to {path}.").format(path=path))
        if open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        return path
