"""Which hotkey back-end Fokus takes on Wayland: the desktop portal's
GlobalShortcuts where there is one (tests/e2e/test_portal_shortcuts.py runs it
against a stand-in portal on a real bus), else none: Settings then says the
hotkeys are unavailable and offers GNOME's custom shortcuts where it can."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui.platform.hotkeys import HotkeyManager

HOTKEYS = {"toggle_focus": "<ctrl>+<alt>+f", "interruption": "<ctrl>+<alt>+i",
           "switch": "<ctrl>+<alt>+s"}


@pytest.fixture
def wayland(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
    monkeypatch.delenv("DISPLAY", raising=False)


def test_without_a_session_bus_the_hotkeys_are_unavailable(
        wayland: None, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    manager = HotkeyManager()
    # The bus is looked for in a worker: the GUI thread is never held by a
    # portal that has to start first.
    with qtbot.waitSignal(manager.changed, timeout=10_000):
        assert manager.start(HOTKEYS) == "pending"
    assert manager.status == "unavailable"
    assert manager.backend is None
    manager.stop()
    assert manager.status == "off"


def test_with_every_hotkey_turned_off_nothing_is_asked(
        wayland: None, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    manager = HotkeyManager()
    assert manager.start(dict.fromkeys(HOTKEYS, "")) == "off"
    assert manager.backend is None
