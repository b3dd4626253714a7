"""For PICs: merge the team's JSON exports into a team report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
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


class TeamReportWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fokus — Team report"))
        self.resize(820, 600)
        intro = QLabel(self.tr(
            "Add the weekly JSON exports your team sent you. Fokus checks each file, "
            "leaves out the ones it cannot use (and says why), and shows team medians with "
            "the middle half of the team — never a figure for fewer than three people, and "
            "no ranking of anyone."))
        intro.setWordWrap(True)
        self.files = QListWidget()
        self.files.setAccessibleName(self.tr("Exports to merge"))
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
        self.status = QLabel()
        self.status.setWordWrap(True)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(intro)
        layout.addWidget(self.files)
        layout.addLayout(row)
        layout.addWidget(self.result, 1)
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

        report = team.aggregate(self.paths())
        self.report = report
        self.result.clear()
        for f in report.figures:
            self.result.addTopLevelItem(QTreeWidgetItem([
                f.label, self.tr("too few to show") if f.median is None else f"{f.median:g}",
                "" if f.q1 is None else f"{f.q1:g} – {f.q3:g}", str(f.n)]))
        self.result.resizeColumnToContents(0)
        lines = [self.tr("{week}: {n} programmers — {names}").format(
            week=report.week or "—", n=len(report.submitters),
            names=", ".join(report.submitters))] if report.submitters else []
        lines += [self.tr("Left out {file}: {reason}").format(file=p.path.name, reason=p.reason)
                  for p in report.problems]
        self.status.setText("\n".join(lines))

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
