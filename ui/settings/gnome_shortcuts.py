"""Settings ▸ Activity on GNOME: Fokus's hotkeys as GNOME keyboard shortcuts
(app/platform/shortcuts.py), added only when the user agrees to the list
shown, and removed from the same place. Where GNOME already uses a
combination, the row says which shortcut holds it and leaves it out."""

from __future__ import annotations

import logging
import subprocess
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from app.platform.shortcuts import GnomeShortcuts, gnome_binding, on_gnome

if TYPE_CHECKING:
    from app.platform.paths import Paths
    from app.store.settings import Settings

log = logging.getLogger(__name__)


def readable(binding: str) -> str:
    """``<Control><Alt>f`` → ``Ctrl+Alt+F``, as GNOME's own Settings shows it."""
    words = {"Control": "Ctrl", "Primary": "Ctrl", "Super": "Super", "Alt": "Alt",
             "Shift": "Shift"}
    parts = []
    rest = binding
    while rest.startswith("<") and ">" in rest:
        word, rest = rest[1:].split(">", 1)
        parts.append(words.get(word, word))
    parts.append(rest.upper() if len(rest) == 1 else rest)
    return "+".join(parts)


class GnomeShortcutsRow(QWidget):
    """A button that adds or removes Fokus's GNOME shortcuts, and what it did."""

    def __init__(self, settings: Settings, paths: Paths,
                 shortcuts: GnomeShortcuts | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.paths = paths
        self.shortcuts = shortcuts or GnomeShortcuts()
        self.button = QPushButton()
        self.button.setObjectName("gnomeShortcuts")
        self.button.clicked.connect(self._clicked)
        self.result = QLabel()
        self.result.setObjectName("gnomeShortcutsResult")
        self.result.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.result, 1)
        self._show()

    @staticmethod
    def wanted() -> bool:
        """On GNOME with its shortcut schema: where this row helps."""
        return on_gnome() and GnomeShortcuts().available()

    def _hotkeys(self) -> dict[str, str]:
        from app.store.settings import HOTKEYS

        return {action: self.settings.get(setting) for action, setting in HOTKEYS.items()}

    def _show(self) -> None:
        try:
            ours = self.shortcuts.registered()
        except (OSError, subprocess.TimeoutExpired):
            ours = []
        if ours:
            self.button.setText(self.tr("Remove from GNOME's keyboard shortcuts"))
            self.result.setText(self.tr("In GNOME's keyboard shortcuts: {keys}").format(
                keys=", ".join(readable(s.binding) for s in ours)))
        else:
            self.button.setText(self.tr("Add to GNOME's keyboard shortcuts…"))
            self.result.setText(self.tr("GNOME on Wayland lets no program grab keys; GNOME "
                                        "itself can run Fokus's hotkeys."))

    def _clicked(self) -> None:
        try:
            if self.shortcuts.registered():
                self.shortcuts.remove()
            elif self._agreed():
                self._register()
        except (OSError, subprocess.TimeoutExpired) as exc:
            log.warning("GNOME shortcuts: %s", exc)
            self.result.setText(self.tr("GNOME's settings could not be changed: {reason}")
                                .format(reason=exc))
            return
        self._show()

    def _agreed(self) -> bool:
        from app.store.settings import HOTKEYS
        from ui.settings.fields import label_text

        lines = []
        for setting in HOTKEYS.values():
            combo = self.settings.get(setting)
            if combo:
                lines.append(f"{readable(gnome_binding(combo))}  {label_text(setting)[:-1]}")
        answer = QMessageBox.question(
            self, self.tr("Add to GNOME's keyboard shortcuts?"),
            self.tr("Fokus will add these to GNOME's keyboard shortcuts (Settings ▸ Keyboard "
                    "▸ Custom Shortcuts), where you can change or remove them:\n\n{keys}")
            .format(keys="\n".join(lines)))
        return answer == QMessageBox.StandardButton.Yes

    def _register(self) -> None:
        from app.platform.shortcuts import fokus_command

        done = self.shortcuts.register(self._hotkeys(), fokus_command(),
                                       data_dir=str(self.paths.data_dir))
        if done.conflicts:
            QMessageBox.information(
                self, self.tr("Some keys are taken"),
                self.tr("GNOME already uses these, so Fokus left them out; choose other keys "
                        "above and add them again:\n\n{taken}").format(taken="\n".join(
                            f"{readable(gnome_binding(self._hotkeys()[a]))}: {holder}"
                            for a, holder in done.conflicts.items())))
