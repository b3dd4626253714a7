"""The idle back-end that needs Qt (GNOME's idle monitor over QtDBus) and the
chain that picks the first working source: X11, Windows, macOS, GNOME on
Wayland, then pynput as the fallback. The Qt-free sources are in
``app.platform.idle``."""

from __future__ import annotations

import logging

from app.platform.idle import (
    IdleSource,
    MacIdle,
    PynputIdle,
    Unavailable,
    WindowsIdle,
    X11Idle,
    is_wayland,
)

log = logging.getLogger(__name__)


class WaylandDBusIdle:
    """GNOME's idle monitor (org.gnome.Mutter.IdleMonitor), through QtDBus."""

    name = "wayland-mutter-idle-monitor"

    def __init__(self) -> None:
        if not is_wayland():
            raise Unavailable("not a Wayland session")
        from PySide6.QtDBus import QDBusConnection, QDBusInterface

        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            raise Unavailable("no session bus")
        self._iface = QDBusInterface("org.gnome.Mutter.IdleMonitor",
                                     "/org/gnome/Mutter/IdleMonitor/Core",
                                     "org.gnome.Mutter.IdleMonitor", bus)
        if not self._iface.isValid():
            raise Unavailable("the desktop offers no idle monitor on D-Bus")
        self.idle_seconds()

    def idle_seconds(self) -> float:
        reply = self._iface.call("GetIdletime")
        args = reply.arguments()
        if not args:
            raise Unavailable("the idle monitor did not answer")
        return float(args[0]) / 1000.0

    def close(self) -> None:
        pass


def best_idle_source() -> IdleSource | None:
    """The first source that works here, or None: idle detection unavailable."""
    for make in (X11Idle, WindowsIdle, MacIdle, WaylandDBusIdle, PynputIdle):
        try:
            source: IdleSource = make()
            log.info("idle detection through %s", source.name)
            return source
        except Unavailable as why:
            log.info("idle source %s: %s", make.__name__, why)
        except Exception:  # a broken back end must not take the app down
            log.exception("idle source %s failed", make.__name__)
    log.warning("idle detection unavailable")
    return None
