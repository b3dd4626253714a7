"""Export the weekly self-report: a preview of exactly what leaves the
machine, in the chosen format (the PDF's text, the CSV's rows, the JSON),
switches for what to leave out, the format, and a remembered folder (the
EXPORT_FOLDER setting, as ``fokus export`` uses) that opens once the file is
written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

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


def pdf_text(report: dict[str, Any]) -> str:
    """The PDF's content as text: its heading, the summary, focus per project,
    the days and what was left out; the charts on pages 2 and 3 draw these."""
    from app.formats import day_short, moment, number, word
    from app.i18n import _, ngettext
    from app.reports.pdf import summary_rows, week_heading

    who = report["programmer"]["name"] or _("(no name given)")
    lines = [_("Weekly self-report · {week}").format(week=week_heading(report["week"])),
             _("{who} · id {id} · made {when} with {gen}").format(
                 who=who, id=report["programmer"]["id"][:8],
                 when=moment(report["generated_at"]), gen=report["generator"]), ""]
    for label, value in summary_rows(report):
        lines += ["", value] if label == "__section__" else [f"  {label}: {value}"]
    lines += ["", _("Focus by project")]
    lines += [f"  {p['project']}: {number(round(p['focus_minutes']), 0, _(' min'))}"
              for p in report["projects"]] or ["  —"]
    lines += ["", _("The days")]
    for d in report["days"]:
        lines.append("  " + " · ".join([
            day_short(d["date"]), word(d["location"]),
            number(round(d["focus_minutes"]), 0, _(" min")),
            ngettext("{n} switch", "{n} switches", d["switches"]).format(n=d["switches"])]))
        if report["included"]["free_text"] and (d.get("helped") or d.get("hindered")):
            lines.append(f"    + {d.get('helped', '')}  − {d.get('hindered', '')}")
    included = report["included"]
    lines += ["", _("Free text included.") if included["free_text"] else
              _("Free text left out."),
              _("Energy and burnout included.") if included["health"] else
              _("Energy and burnout left out (private)."),
              _("Project names shown.") if included["project_names"] else
              _("Project names replaced by codes.")]
    return "\n".join(lines)


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
        self.folder.setObjectName("exportFolder")
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
        self.formats.idToggled.connect(self._format_toggled)
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
        self.show_preview()

    def _format_toggled(self, _id: int, on: bool) -> None:
        if on:
            self.show_preview()

    def format(self) -> str:
        checked = self.formats.checkedButton()
        return str(checked.property("fmt")) if checked is not None else "pdf"

    def show_preview(self) -> None:
        """What the chosen file will hold: the JSON as it is, the CSV's rows,
        or the PDF's words and figures (its charts draw the same numbers)."""
        from app.reports.export import to_csv

        fmt = self.format()
        if fmt == "json":
            text = json.dumps(self.report, ensure_ascii=False, indent=2)
        elif fmt == "csv":
            text = to_csv(self.report)
        else:
            text = pdf_text(self.report)
        self.preview.setPlainText(text)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export folder"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def export(self, open_folder: bool = True) -> Path | None:
        from app.reports.export import to_csv, to_json

        fmt = self.format()
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

                colours = {p.name: p.colour for p in self.controller.service.projects(
                    include_archived=True)}
                render_pdf(self.report, self.week_report,
                           self.controller.service.week.work_model(), path, colours)
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
