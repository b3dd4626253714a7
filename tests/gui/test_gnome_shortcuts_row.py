"""Settings on GNOME offers Fokus's hotkeys as GNOME keyboard shortcuts: shown
only there, added after the user agrees to the list, read back from GNOME's
settings (the real gsettings tool over a key file), removed from the same button."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton, QTabWidget
from pytestqt.qtbot import QtBot

from app.clock import FakeClock
from app.platform.paths import Paths
from app.platform.shortcuts import GnomeShortcuts
from ui.shell.controller import FokusController


@pytest.fixture
def controller(qtbot: QtBot, paths: Paths, clock: FakeClock) -> Iterator[FokusController]:
    c = FokusController(paths, clock=clock, owner="settings", heartbeat_seconds=3600)
    assert c.load()
    yield c
    c.close()


@pytest.fixture
def on_gnome(monkeypatch: pytest.MonkeyPatch) -> GnomeShortcuts:
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "ubuntu:GNOME")
    monkeypatch.setenv("GSETTINGS_BACKEND", "keyfile")
    shortcuts = GnomeShortcuts()
    if shutil.which("gsettings") is None or not shortcuts.available():
        pytest.fail("needs gsettings and GNOME's media-keys schema; install: sudo apt-get install "
                    "libglib2.0-bin gnome-settings-daemon-common", pytrace=False)
    return shortcuts


def _dialog(controller: FokusController, qtbot: QtBot) -> Any:
    from ui.settings.window import SettingsDialog

    dialog = SettingsDialog(controller)
    qtbot.addWidget(dialog)
    return dialog


def test_the_button_adds_reads_back_and_removes_gnome_shortcuts(
        controller: FokusController, qtbot: QtBot, on_gnome: GnomeShortcuts,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    asked: list[str] = []

    def agree(_parent: object, title: str, text: str, *_a: object) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", agree)
    dialog = _dialog(controller, qtbot)
    button = dialog.findChild(QPushButton, "gnomeShortcuts")
    assert button is not None and button.text() == "Add to GNOME's keyboard shortcuts…"
    button.click()
    assert "Ctrl+Alt+F  Start or stop focus" in asked[0]  # agreed to what is shown
    added = on_gnome.registered()
    assert sorted(s.binding for s in added) == ["<Control><Alt>f", "<Control><Alt>i",
                                                "<Control><Alt>s"]
    assert all(str(controller.paths.data_dir) in s.command for s in added)
    assert button.text() == "Remove from GNOME's keyboard shortcuts"
    assert "Ctrl+Alt+F" in dialog.gnome_shortcuts.result.text()

    tabs = dialog.findChild(QTabWidget)
    tabs.setCurrentWidget(dialog.activity_tab)
    dialog.resize(760, 620)
    dialog.show()
    dialog.grab().save(str(tmp_path / "settings-gnome-shortcuts.png"))

    button.click()
    assert on_gnome.registered() == []
    assert button.text() == "Add to GNOME's keyboard shortcuts…"


def test_elsewhere_the_button_is_not_offered(controller: FokusController, qtbot: QtBot,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "XFCE")
    dialog = _dialog(controller, qtbot)
    assert dialog.findChild(QPushButton, "gnomeShortcuts") is None


def test_where_the_portal_binds_the_hotkeys_gnome_shortcuts_are_not_offered(
        controller: FokusController, qtbot: QtBot, on_gnome: GnomeShortcuts,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """GNOME 45+: the GlobalShortcuts portal binds the keys; GNOME's custom
    shortcuts would bind them twice. Ones added earlier can still be removed."""
    from types import SimpleNamespace

    from ui.platform.hotkeys import HotkeyManager

    hotkeys = HotkeyManager(controller)  # as bound by the portal: no bus asked here
    hotkeys.status, hotkeys.backend = "active", "portal"
    monitor = SimpleNamespace(hotkeys=hotkeys, idle_status=lambda: "unavailable")
    monkeypatch.setattr(controller, "activity_monitor", monitor, raising=False)
    dialog = _dialog(controller, qtbot)
    assert dialog.findChild(QPushButton, "gnomeShortcuts") is None
    assert dialog.hotkey_status.text() == \
        "active (bound by the desktop's GlobalShortcuts portal)"
    on_gnome.register({"toggle_focus": "<ctrl>+<alt>+f"}, ["fokus"])
    button = _dialog(controller, qtbot).findChild(QPushButton, "gnomeShortcuts")
    assert button is not None and button.text() == "Remove from GNOME's keyboard shortcuts"
    on_gnome.remove()
