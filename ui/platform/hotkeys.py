"""Global hotkeys as a Qt signal, from the first back-end that works here: on
Wayland the desktop portal's GlobalShortcuts (``ui.platform.portal_shortcuts``;
GNOME 45+, KDE Plasma 5.27+), where there is none GNOME's custom shortcuts
that run ``fokus hotkey …`` (set up from Settings, ``app.platform.shortcuts``);
on X11 XGrabKey (``app.platform.hotkeys``), elsewhere pynput. A listener
thread emits, and Qt queues the action's name to the GUI thread."""

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
        self.status = "off"  # off | active | pending | refused | unavailable | invalid | conflict
        self.backend: str | None = None  # portal | x11-grab | pynput
        self.conflicts: list[str] = []

    def start(self, hotkeys: dict[str, str]) -> str:
        self.stop()
        if is_wayland():
            return self._start_portal(hotkeys)
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
                self.backend = "x11-grab"
            else:
                from pynput import keyboard

                listener = keyboard.GlobalHotKeys(
                    {combo: (lambda a=action: self.triggered.emit(a)) for action, combo in
                     active.items()})
                listener.daemon = True
                listener.start()
                listener.wait()
                self._listener = listener
                self.backend = "pynput"
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

    def _start_portal(self, hotkeys: dict[str, str]) -> str:
        """Wayland lets no program grab keys: the desktop binds them, through its
        portal, where it has GlobalShortcuts. Elsewhere GNOME's custom shortcuts
        (Settings ▸ Activity) or the tray menu stand in."""
        from ui.platform.portal_shortcuts import PortalShortcuts, Unavailable

        active = {a: c for a, c in hotkeys.items() if c}
        if not active:
            self.status = "off"
            return self.status
        try:
            portal = PortalShortcuts(self)
        except Unavailable as err:
            log.info("global hotkeys unavailable on Wayland: %s", err)
            self.status = "unavailable"
            return self.status
        self._listener = portal
        self.backend = "portal"
        portal.triggered.connect(self.triggered)
        portal.changed.connect(lambda: self._portal_changed(portal))
        portal.bind(active)
        self._portal_changed(portal)
        return self.status

    def _portal_changed(self, portal: Any) -> None:
        if portal is not self._listener:
            return  # an earlier session, already stopped
        self.status = {"active": "active", "pending": "pending",
                       "refused": "refused"}.get(portal.status, "unavailable")
        log.info("global hotkeys through the portal: %s", self.status)

    def stop(self) -> None:
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
        self.status = "off"
        self.backend = None
