"""The Repositories section of the Projects & batches window: the git working
trees mapped to the selected project (``fokus project repo`` in the window)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import FokusError
from ui.messages import error_text

if TYPE_CHECKING:
    from app.store.models import Project
    from ui.shell.controller import FokusController


class RepositoriesPanel(QWidget):
    def __init__(self, controller: FokusController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.project: Project | None = None
        title = QLabel(self.tr("Repositories"))
        title.setStyleSheet("font-weight: bold;")
        self.hint = QLabel(self.tr("Git working trees of this project: Fokus notices work in "
                                   "them and shows where you stopped in the code."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        self.list = QListWidget()
        self.list.setObjectName("repositoryList")
        self.list.setAccessibleName(self.tr("Repositories of the project"))
        self.list.setMaximumHeight(90)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("Add &folder…"))
        self.add_button.clicked.connect(lambda: self.add_folder())
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.hint)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        controller.dataChanged.connect(self._data_changed)
        self._update_buttons()

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self.reload()

    def _data_changed(self, topics: frozenset[str]) -> None:
        if "repo_mapping" in topics:
            self.reload()

    def reload(self) -> None:
        self.list.clear()
        if self.project is not None and self.controller.is_ready:
            for m in self.controller.service.repos.mappings(self.project.id):
                text = m.path
                if m.branch_pattern and m.batch_id is not None:
                    text += "  " + self.tr("(branches {pattern} → batch {batch})").format(
                        pattern=m.branch_pattern, batch=m.batch_id)
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, m.path)
                item.setToolTip(m.path)
                self.list.addItem(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        active = self.project is not None and self.project.archived_at is None
        self.add_button.setEnabled(active)
        self.remove_button.setEnabled(active and bool(self.list.selectedItems()))

    def add_folder(self, path: str | None = None) -> bool:
        if self.project is None or self.project.id is None:
            return False
        if path is None:
            path = QFileDialog.getExistingDirectory(
                self, self.tr("The repository's folder for {project}").format(
                    project=self.project.name))
            if not path:
                return False
        try:
            self.controller.service.repos.add(self.project.id, path)
        except FokusError as err:
            QMessageBox.warning(self, self.tr("Fokus"),
                                self.tr("{path} is not a git working tree, or it belongs to "
                                        "another project.").format(path=path)
                                if err.params.get("field") == "repository" else error_text(err))
            return False
        return True

    def remove_selected(self) -> None:
        items = self.list.selectedItems()
        if self.project is None or self.project.id is None or not items:
            return
        try:
            self.controller.service.repos.remove(self.project.id,
                                                 items[0].data(Qt.ItemDataRole.UserRole))
        except FokusError as err:
            QMessageBox.warning(self, self.tr("Fokus"), error_text(err))
