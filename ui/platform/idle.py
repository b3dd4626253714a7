"""The idle back-ends that need Qt (desktop services over QtDBus: GNOME's idle
monitor, the freedesktop screensaver of KDE and others) and the chain that picks
the first working source: X11, Windows, macOS, GNOME on Wayland, other Wayland
desktops, then pynput as the fallback. The Qt-free sources are in
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


class _DBusIdle:
    """Idle time from a desktop service on the session bus, through QtDBus."""

    name = ""
    service = path = interface = method = ""

    def __init__(self) -> None:
        if not is_wayland():
            raise Unavailable("not a Wayland session")
        from PySide6.QtDBus import QDBusConnection, QDBusInterface

        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            raise Unavailable("no session bus")
        registered = bus.interface().isServiceRegistered(self.service)
        if not (registered.isValid() and registered.value()):
            raise Unavailable(f"no {self.service} on the session bus")
        self._iface = QDBusInterface(self.service, self.path, self.interface, bus)
        if not self._iface.isValid():
            raise Unavailable(f"{self.service} offers no {self.interface}")
        self.idle_seconds()

    def idle_seconds(self) -> float:
        reply = self._iface.call(self.method)
        args = reply.arguments()
        if not args:  # an error reply: a screensaver that does not implement it
            raise Unavailable(f"{self.service} did not answer {self.method}")
        return float(args[0]) / 1000.0

    def close(self) -> None:
        pass


class WaylandDBusIdle(_DBusIdle):
    """GNOME's idle monitor (org.gnome.Mutter.IdleMonitor), in milliseconds."""

    name = "wayland-mutter-idle-monitor"
    service = "org.gnome.Mutter.IdleMonitor"
    path = "/org/gnome/Mutter/IdleMonitor/Core"
    interface = "org.gnome.Mutter.IdleMonitor"
    method = "GetIdletime"


class ScreenSaverIdle(_DBusIdle):
    """``org.freedesktop.ScreenSaver.GetSessionIdleTime``: KDE Plasma and other
    desktops that implement the freedesktop screensaver service. KDE answers in
    milliseconds, as Mutter does; a service that does not implement the call
    answers with an error and the next source is tried."""

    name = "wayland-screensaver"
    service = "org.freedesktop.ScreenSaver"
    path = "/org/freedesktop/ScreenSaver"
    interface = "org.freedesktop.ScreenSaver"
    method = "GetSessionIdleTime"


def best_idle_source() -> IdleSource | None:
    """The first source that works here, or None: idle detection unavailable."""
    for make in (X11Idle, WindowsIdle, MacIdle, WaylandDBusIdle, ScreenSaverIdle,
                 PynputIdle):
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
