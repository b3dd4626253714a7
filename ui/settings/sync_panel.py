"""The Sync tab of Settings: the folder this computer syncs through, when each
computer last synced, conflicts waiting; set up (folder and passphrase), sync
now, turn off. The same service calls as ``fokus sync``."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import FokusError
from ui.messages import error_text

if TYPE_CHECKING:
    from ui.shell.controller import FokusController


class SyncPanel(QWidget):
    def __init__(self, controller: FokusController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.state = QLabel()
        self.state.setObjectName("syncState")
        self.state.setWordWrap(True)
        self.machines = QLabel()
        self.machines.setObjectName("syncMachines")
        self.machines.setWordWrap(True)
        self.conflicts = QLabel()
        self.conflicts.setObjectName("syncConflicts")
        self.conflicts.setWordWrap(True)
        self.conflicts.setStyleSheet("color: #b5651d;")
        self.folder = QLineEdit()
        self.folder.setObjectName("syncFolder")
        self.folder.setAccessibleName(self.tr("Sync folder"))
        self.folder.setPlaceholderText(self.tr("A folder Syncthing, Nextcloud or a share keeps "
                                               "in step"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("syncPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("The same on every computer"))
        self.setup_button = QPushButton(self.tr("Sync through this folder"))
        self.setup_button.setObjectName("syncSetup")
        self.setup_button.clicked.connect(self.set_up)
        self.now_button = QPushButton(self.tr("Sync now"))
        self.now_button.setObjectName("syncNow")
        self.now_button.clicked.connect(self.sync_now)
        self.off_button = QPushButton(self.tr("Stop syncing here"))
        self.off_button.setObjectName("syncOff")
        self.off_button.clicked.connect(self.turn_off)
        # Values another computer's newer change replaced: kept in the edit history.
        self.lost = QLabel()
        self.lost.setObjectName("syncLost")
        self.lost.setWordWrap(True)
        self.history_button = QPushButton(self.tr("Edit history…"))
        self.history_button.setObjectName("syncHistory")
        self.history_button.setAccessibleName(self.tr("Open the edit history"))
        self.history_button.clicked.connect(self.open_history)
        self.message = QLabel()
        self.message.setObjectName("syncMessage")
        self.message.setWordWrap(True)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Folder:"), folder_row)
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        buttons = QHBoxLayout()
        for button in (self.setup_button, self.now_button, self.off_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        note = QLabel(self.tr(
            "Your history is written to this folder encrypted with a key made from the "
            "passphrase; no name, note or window rule can be read there, and no Fokus server "
            "is involved. Hotkeys, the calendar file and other settings of this computer stay "
            "here."))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.machines)
        layout.addWidget(self.conflicts)
        lost_row = QHBoxLayout()
        lost_row.addWidget(self.lost, 1)
        lost_row.addWidget(self.history_button)
        layout.addLayout(lost_row)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(note)
        layout.addStretch(1)
        self.refresh()

    def _when(self, text: str | None) -> str:
        if not text:
            return self.tr("never")
        local = datetime.fromisoformat(text).astimezone()
        shown = QDateTime(QDate(local.year, local.month, local.day),
                          QTime(local.hour, local.minute))
        return str(QLocale().toString(shown, QLocale.FormatType.ShortFormat))

    def refresh(self) -> None:
        status: dict[str, Any] = self.controller.service.sync.status()
        on = bool(status["configured"])
        if on:
            self.state.setText(self.tr("Syncing with {folder}.").format(folder=status["folder"]))
            self.folder.setText(str(status["folder"]))
        else:
            self.state.setText(self.tr("Not syncing. Choose a folder your computers share and "
                                       "a passphrase."))
        lines = []
        for m in status["machines"]:
            if m["this"]:
                lines.append(self.tr("This computer: last synced {when}").format(
                    when=self._when(m["last_synced"])))
            else:
                lines.append(self.tr("{host}: last wrote {when}").format(
                    host=m["host"], when=self._when(m["last_written"])))
        self.machines.setText("\n".join(lines))
        self.machines.setVisible(bool(lines))
        count = len(status["conflicts"])
        self.conflicts.setText(
            self.tr("A session ran at the same time on two computers: keep one in Today.")
            if count == 1 else
            self.tr("{n} sessions ran at the same time on two computers: keep one of each "
                    "pair in Today.").format(n=count))
        self.conflicts.setVisible(count > 0)
        from app.history.log import HistoryLog

        lost = HistoryLog(self.controller.service.store).lost_count()
        self.lost.setText(
            self.tr("No value was lost to another computer's newer change.") if not lost else
            self.tr("1 value lost to another computer's newer change is kept in the edit "
                    "history.") if lost == 1 else
            self.tr("{n} values lost to another computer's newer change are kept in the edit "
                    "history.").format(n=lost))
        self.lost.setVisible(on or lost > 0)
        self.history_button.setVisible(on or lost > 0)
        self.now_button.setEnabled(on)
        self.off_button.setEnabled(on)

    def open_history(self) -> None:
        from ui.history.window import open_history

        self.history_window = open_history(self.controller, self)

    def _synced_text(self, written: int, read: int) -> str:
        return self.tr("Synced: changes written {written}, files read {read}.").format(
            written=written, read=read)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Sync folder"),
                                                  self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _run(self, action: Any) -> None:
        try:
            action()
        except FokusError as err:
            self.message.setStyleSheet("color: #c1121f;")
            self.message.setText(error_text(err))
        else:
            self.message.setStyleSheet("")
        self.controller.refresh()
        self.refresh()

    def set_up(self) -> None:
        folder, passphrase = self.folder.text().strip(), self.passphrase.text()
        if not folder or not passphrase:
            self.message.setStyleSheet("color: #c1121f;")
            self.message.setText(self.tr("Choose a folder and type the passphrase."))
            return

        def go() -> None:
            report = self.controller.service.sync.setup(Path(folder), passphrase)
            self.passphrase.clear()
            self.message.setText(self._synced_text(report.written, report.files_read))
            self.controller.dataChanged.emit(frozenset({"settings"}))

        self._run(go)

    def sync_now(self) -> None:
        def go() -> None:
            report = self.controller.service.sync.sync()
            self.message.setText(self._synced_text(report.written, report.files_read))

        self._run(go)

    def turn_off(self) -> None:
        def go() -> None:
            self.controller.service.sync.off()
            self.message.setText(self.tr("Sync is off on this computer; the folder keeps "
                                         "its files."))
            self.controller.dataChanged.emit(frozenset({"settings"}))

        self._run(go)
