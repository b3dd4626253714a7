"""For PICs: merge the team's JSON exports into a team report. The window shows
what the PDF and the CSV hold: the week with its dates, the team's medians,
planned deep-work blocks against those used, batches finished, and time per
project; nothing for fewer than three programmers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.messages import number_text

if TYPE_CHECKING:
    from app.reports.team import Figure


class TeamReportWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fokus — Team report"))
        self.resize(960, 680)  # fits a 1366×768 screen with its panel
        intro = QLabel(self.tr(
            "Add the weekly JSON exports your team sent you. Fokus checks each file, "
            "leaves out the ones it cannot use (and says why), and shows team medians with "
            "the middle half of the team — never a figure for fewer than three people, and "
            "no ranking of anyone."))
        intro.setWordWrap(True)
        self.files = QListWidget()
        self.files.setAccessibleName(self.tr("Exports to merge"))
        self.files.setMaximumHeight(90)
        add = QPushButton(self.tr("&Add files…"))
        add.clicked.connect(self.add_files)
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(self.files.clear)
        self.make_pdf = QPushButton(self.tr("Save as &PDF…"))
        self.make_csv = QPushButton(self.tr("Save as &CSV…"))
        self.make_pdf.clicked.connect(lambda: self.save("pdf"))
        self.make_csv.clicked.connect(lambda: self.save("csv"))
        row = QHBoxLayout()
        for b in (add, clear):
            row.addWidget(b)
        row.addStretch(1)
        for b in (self.make_pdf, self.make_csv):
            row.addWidget(b)
        self.result = QTreeWidget()
        self.result.setHeaderLabels([self.tr("Figure"), self.tr("Median"),
                                     self.tr("Middle half"), self.tr("Programmers")])
        self.result.setRootIsDecorated(False)
        self.result.setAccessibleName(self.tr("Team figures"))
        self.heading = QLabel()
        self.heading.setObjectName("teamHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.heading.setFont(font)
        plan_box = QGroupBox(self.tr("Planned and done"))
        plan = QFormLayout(plan_box)
        # A long label (Indonesian) puts its figure below it rather than cut it.
        plan.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.blocks_used = QLabel("—")
        self.batches_finished = QLabel("—")
        plan.addRow(self.tr("Planned deep-work blocks used"), self.blocks_used)
        plan.addRow(self.tr("Batches finished"), self.batches_finished)
        projects_box = QGroupBox(self.tr("Time per project (the team)"))
        projects_layout = QVBoxLayout(projects_box)
        self.projects = QTreeWidget()
        self.projects.setHeaderLabels([self.tr("Project"), self.tr("Hours"),
                                       self.tr("Programmers")])
        self.projects.setRootIsDecorated(False)
        self.projects.setAccessibleName(self.tr("Time per project"))
        self.projects_note = QLabel()
        self.projects_note.setWordWrap(True)
        projects_layout.addWidget(self.projects)
        projects_layout.addWidget(self.projects_note)
        below = QHBoxLayout()
        below.addWidget(plan_box, 2)
        below.addWidget(projects_box, 3)
        self.status = QLabel()
        self.status.setWordWrap(True)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(intro)
        layout.addWidget(self.files)
        layout.addLayout(row)
        layout.addWidget(self.heading)
        layout.addWidget(self.result, 3)
        layout.addLayout(below, 2)
        layout.addWidget(self.status)
        self.setCentralWidget(central)

    def paths(self) -> list[Path]:
        return [Path(self.files.item(i).text()) for i in range(self.files.count())]

    def add_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Weekly exports"),
                                                str(Path.home()),
                                                self.tr("Fokus exports (*.json)"))
        self.add(files)

    def add(self, files: list[str]) -> None:
        for f in files:
            self.files.addItem(f)
        self.refresh()

    def refresh(self) -> None:
        from app.reports import team
        from app.reports.pdf import week_heading

        report = team.aggregate(self.paths())
        self.report = report
        self.heading.setText(self.tr("Team report · {week}").format(
            week=week_heading(report.week) if report.week else "—"))
        self.result.clear()
        too_few = self.tr("too few to show")
        for f in report.figures:
            self.result.addTopLevelItem(QTreeWidgetItem([
                f.label, too_few if f.median is None else self._figure(f, f.median),
                "" if f.q1 is None else
                f"{self._figure(f, f.q1)} – {self._figure(f, f.q3)}",
                number_text(f.n)]))
        for column in range(self.result.columnCount() - 1):
            self.result.resizeColumnToContents(column)
        t = report.totals
        self.blocks_used.setText(too_few if t.planned_deep_blocks is None else self.tr(
            "{used} of {planned}").format(used=number_text(t.planned_deep_blocks_used),
                                          planned=number_text(t.planned_deep_blocks)))
        self.batches_finished.setText(too_few if t.batches_finished is None
                                      else number_text(t.batches_finished))
        self.projects.clear()
        for p in report.projects:
            self.projects.addTopLevelItem(QTreeWidgetItem([
                p.project or self.tr("Other projects (fewer than three people each)"),
                number_text(p.minutes / 60, 1), number_text(p.programmers)]))
        for column in range(self.projects.columnCount() - 1):
            self.projects.resizeColumnToContents(column)
        if not report.submitters:
            self.projects_note.setText("")
        elif not report.enough:
            self.projects_note.setText(self.tr(
                "No figures for fewer than three programmers."))
        elif not report.projects:
            self.projects_note.setText(self.tr("No focus time on projects this week."))
        else:
            self.projects_note.setText(self.tr(
                "Projects worked on by fewer than three people are counted together."))
        lines = [self.tr("{week}: {n} programmers — {names}").format(
            week=report.week or "—", n=len(report.submitters),
            names=", ".join(report.submitters))] if report.submitters else []
        lines += [self.tr("Left out {file}: {reason}").format(file=p.path.name, reason=p.reason)
                  for p in report.problems]
        self.status.setText("\n".join(lines))

    @staticmethod
    def _figure(figure: Figure, value: float | None) -> str:
        """A median or quartile as the language writes it; a share in percent."""
        from app.reports.team import PERCENT

        if figure.key in PERCENT:
            return f"{number_text(value, 0)} %"
        return number_text(value, 2)

    def save(self, fmt: str, path: Path | None = None) -> Path | None:
        from app.reports import team

        if not getattr(self, "report", None) or not self.report.submitters:
            self.status.setText(self.tr("Add at least one valid export first."))
            return None
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the team report"),
                str(Path.home() / f"team-{self.report.week}.{fmt}"))
            if not name:
                return None
            path = Path(name)
        try:
            if fmt == "csv":
                path.write_text(team.to_csv(self.report), encoding="utf-8")
            else:
                team.to_pdf(self.report, path)
        except OSError as exc:
            self.status.setText(self.tr("Could not write {path}: {reason}").format(
                path=path, reason=exc.strerror or exc))
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
        return path
