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
from ui.platform.inbox import Inbox

log = logging.getLogger(__name__)


class HotkeyManager(QObject):
    triggered = Signal(str)  # the action's name
    changed = Signal()  # status or backend changed after start() returned (the portal)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listener: Any = None
        self.status = "off"  # off | active | pending | refused | unavailable | invalid | conflict
        self.backend: str | None = None  # portal | x11-grab | pynput
        self.conflicts: list[str] = []
        self._generation = 0
        self._inbox = Inbox(self)
        self._portal_found = self._inbox.relay("portal")
        self._portal_found.connect(self._portal_answered)

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
        (Settings ▸ Activity) or the tray menu stand in.

        Finding the portal may start it (a second or more), so the bus is opened
        and asked in a worker; the session is made on the GUI thread when the
        answer comes (``pending`` until then)."""
        import threading

        from ui.platform.portal_shortcuts import Unavailable, open_portal_bus

        active = {a: c for a, c in hotkeys.items() if c}
        if not active:
            self.status = "off"
            return self.status
        self._generation += 1
        generation = self._generation

        def probe() -> None:
            try:
                self._portal_found.emit(generation, active, open_portal_bus())
            except Unavailable as err:
                self._portal_found.emit(generation, active, err)

        self.backend = "portal"
        self.status = "pending"
        threading.Thread(target=probe, name="fokus-portal-probe", daemon=True).start()
        return self.status

    def _portal_answered(self, generation: int, active: dict[str, str], found: object) -> None:
        from app.platform.dbus_wire import Connection
        from ui.platform.portal_shortcuts import PortalShortcuts

        if not isinstance(found, Connection):
            if generation == self._generation:
                log.info("global hotkeys unavailable on Wayland: %s", found)
                self.status = "unavailable"
                self.backend = None
                self.changed.emit()
            return
        if generation != self._generation:  # stopped or started again meanwhile
            found.close()
            return
        portal = PortalShortcuts(self, bus=found)
        self._listener = portal
        portal.triggered.connect(self.triggered)
        portal.changed.connect(lambda: self._portal_changed(portal))
        portal.bind(active)
        self._portal_changed(portal)

    def _portal_changed(self, portal: Any) -> None:
        if portal is not self._listener:
            return  # an earlier session, already stopped
        self.status = {"active": "active", "pending": "pending",
                       "refused": "refused"}.get(portal.status, "unavailable")
        log.info("global hotkeys through the portal: %s", self.status)
        self.changed.emit()

    def stop(self) -> None:
        self._generation += 1  # a portal still being looked for is dropped when found
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
        self.status = "off"
        self.backend = None
