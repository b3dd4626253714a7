"""Global hotkeys as a Qt signal: the listener thread of ``app.platform.hotkeys``
emits, and Qt queues the action's name to the GUI thread."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.platform.hotkeys import X11GrabHotkeys, check_hotkeys
from app.platform.idle import is_wayland

log = logging.getLogger(__name__)


class HotkeyManager(QObject):
    triggered = Signal(str)  # the action's name

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listener: Any = None
        self.status = "off"  # off | active | unavailable | invalid | conflict
        self.conflicts: list[str] = []

    def start(self, hotkeys: dict[str, str]) -> str:
        self.stop()
        if is_wayland():
            self.status = "unavailable"
            return self.status
        active = {a: c for a, c in hotkeys.items() if c}
        # A bad or doubled combination is left out; the others still work.
        problems = check_hotkeys(active)
        if problems:
            log.warning("hotkeys left out (%s)", ", ".join(
                f"{action}: {why}" for action, why in sorted(problems.items())))
            active = {a: c for a, c in active.items() if a not in problems}
        import os
        import sys

        try:
            if sys.platform.startswith("linux") and os.environ.get("DISPLAY"):
                grab = X11GrabHotkeys(active, self.triggered.emit)
                self._listener = grab
                self.conflicts = grab.conflicts
            else:
                from pynput import keyboard

                listener = keyboard.GlobalHotKeys(
                    {combo: (lambda a=action: self.triggered.emit(a)) for action, combo in
                     active.items()})
                listener.daemon = True
                listener.start()
                listener.wait()
                self._listener = listener
        except Exception:  # no X server, no keyboard hook
            log.exception("global hotkeys unavailable")
            self._listener = None
            self.status = "unavailable"
            return self.status
        if self.conflicts:
            log.warning("hotkeys held by another program: %s", ", ".join(self.conflicts))
        self.status = "invalid" if problems else "conflict" if self.conflicts else (
            "active" if active else "off")
        log.info("global hotkeys %s", self.status)
        return self.status

    def stop(self) -> None:
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
        self.status = "off"
