"""Global hotkeys through pynput. The listener runs in its own thread; a
hotkey only emits a Qt signal, which Qt queues to the GUI thread. Nothing about
other keys is looked at beyond matching the combinations, and nothing is kept."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.idle import is_wayland

log = logging.getLogger(__name__)

SETTING_KEY = "hotkeys"
DEFAULT_HOTKEYS = {
    "toggle_focus": "<ctrl>+<alt>+f",
    "interruption": "<ctrl>+<alt>+i",
    "switch": "<ctrl>+<alt>+s",
}


NAMED_KEYS = {
    "ctrl", "alt", "shift", "cmd", "alt_gr", "ctrl_l", "ctrl_r", "alt_l", "alt_r", "shift_l",
    "shift_r", "cmd_l", "cmd_r", "space", "tab", "enter", "esc", "backspace", "delete",
    "insert", "home", "end", "page_up", "page_down", "up", "down", "left", "right",
    "pause", "print_screen", "menu", *(f"f{i}" for i in range(1, 21)),
}
MODIFIERS = {"ctrl", "alt", "shift", "cmd", "alt_gr"}


def parse_combo(combo: str) -> frozenset[str]:
    """``"<ctrl>+<alt>+f"`` → {"ctrl", "alt", "f"}, in pynput's own syntax, checked
    here without pynput (which needs a display to import)."""
    keys = []
    for part in combo.lower().split("+"):
        part = part.strip()
        if part.startswith("<") and part.endswith(">") and part[1:-1] in NAMED_KEYS:
            keys.append(part[1:-1].split("_")[0] if part[1:-1] in {
                "ctrl_l", "ctrl_r", "alt_l", "alt_r", "shift_l", "shift_r", "cmd_l", "cmd_r"}
                else part[1:-1])
        elif len(part) == 1 and part.isprintable() and part != " ":
            keys.append(part)
        else:
            raise ValueError(combo)
    if len(keys) < 2 or len(set(keys)) != len(keys) or not MODIFIERS & set(keys):
        raise ValueError(combo)  # a global hotkey needs a modifier and a key
    return frozenset(keys)


def check_hotkeys(hotkeys: dict[str, str]) -> dict[str, str]:
    """Problems per action: "invalid", "duplicate" (empty: all fine)."""
    problems: dict[str, str] = {}
    seen: dict[frozenset[Any], str] = {}
    for action, combo in hotkeys.items():
        if not combo:
            continue
        try:
            keys = parse_combo(combo)
        except ValueError:
            problems[action] = "invalid"
            continue
        if keys in seen:
            problems[action] = "duplicate"
            problems.setdefault(seen[keys], "duplicate")
        seen[keys] = action
    return problems


class HotkeyManager(QObject):
    triggered = Signal(str)  # the action's name

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listener: Any = None
        self.status = "off"  # off | active | unavailable | invalid

    def start(self, hotkeys: dict[str, str]) -> str:
        self.stop()
        if is_wayland():
            self.status = "unavailable"
            return self.status
        active = {a: c for a, c in hotkeys.items() if c}
        if check_hotkeys(active):
            self.status = "invalid"
            return self.status
        try:
            from pynput import keyboard

            self._listener = keyboard.GlobalHotKeys(
                {combo: (lambda a=action: self.triggered.emit(a)) for action, combo in
                 active.items()})
            self._listener.daemon = True
            self._listener.start()
            self._listener.wait()
        except Exception:  # no X server, no RECORD extension
            log.exception("global hotkeys unavailable")
            self._listener = None
            self.status = "unavailable"
            return self.status
        self.status = "active" if active else "off"
        log.info("global hotkeys %s", self.status)
        return self.status

    def stop(self) -> None:
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
        self.status = "off"
