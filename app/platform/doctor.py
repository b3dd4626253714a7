"""``fokus doctor``: what this desktop offers Fokus, and what to install or enable
where something is missing. Each check names the back-end Fokus will use (the tray
protocol, idle time, hotkeys, notifications, the window in front) and whether it
works here.

Looking (``probe``) is kept apart from deciding (``diagnose``): the facts are
gathered from the environment, the session bus and the X server without
importing Qt, and the decisions are a pure function of them that the unit
tests drive for every desktop."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.i18n import _

# Debian/Ubuntu package for each library Qt's xcb platform plugin loads.
XCB_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11-xcb.so.1": "libx11-xcb1",
}

SNI_WATCHER = "org.kde.StatusNotifierWatcher"
MUTTER_IDLE = "org.gnome.Mutter.IdleMonitor"
SCREENSAVER = "org.freedesktop.ScreenSaver"
NOTIFICATIONS = "org.freedesktop.Notifications"


@dataclass(frozen=True)
class Facts:
    """What was seen on this machine; every field has a harmless default so a
    test states only what matters to it."""

    platform: str = "linux"
    display: str = ""  # $DISPLAY
    wayland_display: str = ""  # $WAYLAND_DISPLAY
    session_type: str = ""  # $XDG_SESSION_TYPE
    desktop: str = ""  # $XDG_CURRENT_DESKTOP
    bus_names: frozenset[str] | None = None  # None: the session bus could not be read
    xembed_tray: bool = False  # an X11 tray manager owns _NET_SYSTEM_TRAY_S0
    x11_idle: bool = False  # the X server has MIT-SCREEN-SAVER and python-xlib can ask it
    missing_libraries: tuple[str, ...] = ()  # Debian packages Qt's xcb plugin lacks
    notify_tool: bool = False  # dbus-python or notify-send, which plyer needs on Linux
    gnome_shortcuts: tuple[str, ...] = ()  # Fokus's GNOME keyboard shortcuts (bindings)
    portal_shortcuts: bool = False  # the desktop portal offers GlobalShortcuts

    @property
    def wayland(self) -> bool:
        return self.session_type == "wayland" or (bool(self.wayland_display)
                                                  and not self.display)

    @property
    def x11(self) -> bool:
        return bool(self.display) and not self.wayland

    @property
    def gnome(self) -> bool:
        return "gnome" in self.desktop.lower() or MUTTER_IDLE in (self.bus_names or ())

    def owns(self, name: str) -> bool:
        return self.bus_names is not None and name in self.bus_names


@dataclass
class Check:
    name: str  # tray | display | qt | idle | hotkeys | notifications | active-window
    backend: str | None  # what Fokus uses here; None: nothing
    works: bool
    detail: str  # one translated line on what was found
    fix: str | None = None  # what to install or enable, when something is missing
    blocking: bool = False  # without it the tray app cannot run at all

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Diagnosis:
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(c.blocking and not c.works for c in self.checks)

    def get(self, name: str) -> Check:
        return next(c for c in self.checks if c.name == name)


# -- deciding ------------------------------------------------------------------------


def diagnose(facts: Facts) -> Diagnosis:
    return Diagnosis([_display(facts), _qt(facts), _tray(facts), _idle(facts),
                      _hotkeys(facts), _notifications(facts), _active_window(facts)])


def _display(f: Facts) -> Check:
    if f.platform != "linux":
        return Check("display", f.platform, True, _("Desktop: {name}").format(name=f.platform))
    if f.wayland:
        detail = _("Wayland display {name}").format(name=f.wayland_display or "?")
        if f.display:
            detail += _(" (Xwayland on {display})").format(display=f.display)
        return Check("display", "wayland", True, detail)
    if f.display:
        return Check("display", "x11", True, _("X11 display {name}").format(name=f.display))
    return Check("display", None, False,
                 _("No display ($DISPLAY and $WAYLAND_DISPLAY are empty)."),
                 _("Start Fokus from a desktop session."), blocking=True)


def _qt(f: Facts) -> Check:
    if f.platform != "linux" or f.wayland:
        return Check("qt", "wayland" if f.wayland else None, True,
                     _("Qt's platform plugin is bundled."))
    if f.missing_libraries:
        return Check("qt", "xcb", False, _("Qt cannot load its X11 plugin."),
                     _("Install: sudo apt-get install {pkgs}").format(
                         pkgs=" ".join(f.missing_libraries)), blocking=True)
    return Check("qt", "xcb", True, _("Qt's X11 plugin: all libraries present."))


def _tray(f: Facts) -> Check:
    if f.platform != "linux":
        return Check("tray", "native", True, _("The system's own notification area."))
    if f.owns(SNI_WATCHER):
        return Check("tray", "status-notifier", True,
                     _("StatusNotifierItem: a StatusNotifierWatcher is on the session bus."))
    if f.x11 and f.xembed_tray:
        return Check("tray", "xembed", True, _("XEmbed: a tray manager runs on the X11 display."))
    if f.gnome:
        fix = _("Install and enable the AppIndicator extension: sudo apt-get install "
                "gnome-shell-extension-appindicator, then turn it on in Extensions and log "
                "in again.")
    else:
        fix = _("Add a system tray (notification area) to your panel, or install a "
                "StatusNotifierItem host; until then Fokus opens its main window.")
    return Check("tray", None, False, _("No system tray: neither a StatusNotifierWatcher "
                                        "nor an XEmbed tray manager was found."), fix)


def _idle(f: Facts) -> Check:
    if f.platform == "win32":
        return Check("idle", "windows-getlastinputinfo", True, _("Windows reports the idle time."))
    if f.platform == "darwin":
        return Check("idle", "macos-coregraphics", True, _("macOS reports the idle time."))
    if f.x11 and f.x11_idle:
        return Check("idle", "x11-screensaver", True,
                     _("The X server's screensaver extension reports the idle time."))
    if f.wayland and f.owns(MUTTER_IDLE):
        return Check("idle", "wayland-mutter-idle-monitor", True,
                     _("GNOME's idle monitor (org.gnome.Mutter.IdleMonitor) answers."))
    if f.wayland and f.owns(SCREENSAVER):
        return Check("idle", "wayland-screensaver", True,
                     _("The desktop's screensaver service (org.freedesktop.ScreenSaver) "
                       "reports the idle time."))
    if f.x11:
        fix = _("Install python-xlib, and use an X server with the MIT-SCREEN-SAVER extension.")
    else:
        fix = _("This desktop reports no idle time over D-Bus: sessions are not paused "
                "when you step away; pause them from the menu.")
    return Check("idle", None, False, _("Idle time cannot be read here."), fix)


def _hotkeys(f: Facts) -> Check:
    if f.platform in ("win32", "darwin"):
        return Check("hotkeys", "pynput", True, _("Global hotkeys through pynput."))
    if f.x11:
        return Check("hotkeys", "x11-grab", True,
                     _("Global hotkeys are grabbed on the X11 display."))
    if f.wayland and f.portal_shortcuts:
        return Check("hotkeys", "xdg-portal-global-shortcuts", True,
                     _("The desktop binds Fokus's hotkeys through its GlobalShortcuts portal "
                       "(org.freedesktop.portal.GlobalShortcuts); it may ask you to confirm "
                       "the keys."))
    if f.wayland and f.gnome_shortcuts:
        return Check("hotkeys", "gnome-custom-shortcuts", True,
                     _("Fokus's hotkeys are GNOME keyboard shortcuts: {keys}.").format(
                         keys=", ".join(f.gnome_shortcuts)))
    if f.gnome:
        fix = _("Let GNOME run Fokus's hotkeys: Fokus's Settings ▸ Activity & privacy ▸ Add to "
                "GNOME's keyboard shortcuts (or bind keys yourself in GNOME's Settings ▸ "
                "Keyboard ▸ Custom Shortcuts to `fokus hotkey toggle_focus`, `fokus hotkey "
                "interruption`, `fokus hotkey switch`).")
    else:
        fix = _("Wayland lets no program grab keys: bind keys in your desktop's shortcut "
                "settings to commands such as `fokus start` and `fokus stop`.")
    if not f.wayland:
        return Check("hotkeys", None, False, _("No display to grab global hotkeys on."),
                     _("Start Fokus from a desktop session."))
    return Check("hotkeys", None, False, _("Fokus cannot grab global hotkeys on Wayland."), fix)


def _notifications(f: Facts) -> Check:
    if f.platform != "linux":
        return Check("notifications", "plyer", True, _("The system's notifications."))
    if f.owns(NOTIFICATIONS) and f.notify_tool:
        return Check("notifications", NOTIFICATIONS, True,
                     _("A notification server is on the session bus."))
    if f.owns(NOTIFICATIONS):
        return Check("notifications", "tray", False,
                     _("A notification server runs, but Fokus has no way to reach it."),
                     _("Install: sudo apt-get install libnotify-bin"))
    fallback = "tray" if f.owns(SNI_WATCHER) or (f.x11 and f.xembed_tray) else "log"
    return Check("notifications", fallback, False,
                 _("No notification server (org.freedesktop.Notifications) on the session "
                   "bus."),
                 _("Install a notification daemon such as dunst (sudo apt-get install dunst) "
                   "or use a desktop that has one."))


def _active_window(f: Facts) -> Check:
    if f.platform == "win32":
        return Check("active-window", "windows", True, _("Windows reports the window in front."))
    if f.x11:
        return Check("active-window", "x11", True,
                     _("The X11 display reports the window in front."))
    return Check("active-window", None, False,
                 _("This desktop does not tell programs which window is in front, so "
                   "automatic switches are off."),
                 _("Automatic switches need an X11 session (on GNOME: \"GNOME on Xorg\" at "
                   "the login screen)."))


# -- looking ---------------------------------------------------------------------------


def xcb_plugin() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(next(iter(spec.submodule_search_locations)))
    plugin = root / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def missing_system_libraries() -> list[str]:
    """Debian package names for the libraries the xcb plugin cannot find."""
    if not sys.platform.startswith("linux"):
        return []
    plugin = xcb_plugin()
    if plugin is None or shutil.which("ldd") is None:
        return []
    out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
    missing = []
    for line in out.splitlines():
        if "not found" in line:
            lib = line.split("=>")[0].strip()
            missing.append(XCB_PACKAGES.get(lib, lib))
    return sorted(set(missing))


def parse_bus_names(out: str) -> frozenset[str]:
    """The names in gdbus's ``(['org.freedesktop.DBus', ':1.4', …],)`` or in
    dbus-send's ``string "org.freedesktop.DBus"`` lines."""
    import re

    return frozenset(re.findall(r"""['"]([A-Za-z_:][\w.:-]*)['"]""", out))


def session_bus_names() -> frozenset[str] | None:
    """The names owned on the session bus, asked with gdbus or dbus-send (no Qt here)."""
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS") and not os.environ.get("XDG_RUNTIME_DIR"):
        return None
    commands: Iterable[list[str]] = (
        ["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus", "--object-path",
         "/org/freedesktop/DBus", "--method", "org.freedesktop.DBus.ListNames"],
        ["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
         "/org/freedesktop/DBus", "org.freedesktop.DBus.ListNames"],
    )
    for cmd in commands:
        if shutil.which(cmd[0]) is None:
            continue
        try:
            result = subprocess.run(cmd, capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if result.returncode == 0:
            return parse_bus_names(result.stdout)
    return None


def _x11_facts() -> tuple[bool, bool]:
    """(an XEmbed tray manager, the screensaver extension) on $DISPLAY."""
    try:
        from Xlib import display as xdisplay
    except ImportError:
        return False, False
    try:
        d = xdisplay.Display()
    except Exception:  # Xlib raises its own types for a refused display
        return False, False
    try:
        screen = d.get_default_screen()
        owner = d.get_selection_owner(d.intern_atom(f"_NET_SYSTEM_TRAY_S{screen}"))
        tray = bool(owner) and getattr(owner, "id", owner) != 0
        return tray, bool(d.has_extension("MIT-SCREEN-SAVER"))
    finally:
        d.close()


def _portal_shortcuts() -> bool:
    """Does the desktop portal offer GlobalShortcuts? (GNOME 45+, KDE Plasma 5.27+.)"""
    from app.platform.dbus_wire import Connection, DBusError
    from app.platform.shortcuts import portal_has_global_shortcuts

    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS") and not os.environ.get("XDG_RUNTIME_DIR"):
        return False
    try:
        bus = Connection()
    except (OSError, DBusError):
        return False
    try:
        return portal_has_global_shortcuts(bus)
    finally:
        bus.close()


def probe() -> Facts:
    env = os.environ
    platform = "linux" if sys.platform.startswith("linux") else sys.platform
    if platform != "linux":
        return Facts(platform=platform)
    display = env.get("DISPLAY", "")
    xembed, x11_idle = _x11_facts() if display else (False, False)
    notify_tool = (importlib.util.find_spec("dbus") is not None
                   or shutil.which("notify-send") is not None)
    gnome_shortcuts: tuple[str, ...] = ()
    if "gnome" in env.get("XDG_CURRENT_DESKTOP", "").lower():
        from app.platform.shortcuts import GnomeShortcuts

        shortcuts = GnomeShortcuts()
        try:
            if shortcuts.available():
                gnome_shortcuts = tuple(s.binding for s in shortcuts.registered())
        except (OSError, subprocess.TimeoutExpired):
            pass
    return Facts(platform=platform, display=display, portal_shortcuts=_portal_shortcuts(),
                 wayland_display=env.get("WAYLAND_DISPLAY", ""),
                 session_type=env.get("XDG_SESSION_TYPE", ""),
                 desktop=env.get("XDG_CURRENT_DESKTOP", ""), bus_names=session_bus_names(),
                 xembed_tray=xembed, x11_idle=x11_idle,
                 missing_libraries=tuple(missing_system_libraries()), notify_tool=notify_tool,
                 gnome_shortcuts=gnome_shortcuts)


# -- telling ---------------------------------------------------------------------------


def labels() -> dict[str, str]:
    return {"display": _("Display"), "qt": _("Qt"), "tray": _("Tray"),
            "idle": _("Idle time"), "hotkeys": _("Global hotkeys"),
            "notifications": _("Notifications"), "active-window": _("Window in front")}


def text(diagnosis: Diagnosis) -> str:
    names = labels()
    lines = []
    for check in diagnosis.checks:
        state = _("works") if check.works else _("missing")
        using = f" [{check.backend}]" if check.backend else ""
        lines.append(f"{names[check.name]}: {state}{using} — {check.detail}")
        if check.fix and not check.works:
            lines.append("    " + _("To fix: {fix}").format(fix=check.fix))
    return "\n".join(lines)


def report(as_json: bool = False) -> int:
    import json

    diagnosis = diagnose(probe())
    if as_json:
        print(json.dumps({"ok": diagnosis.ok, "checks": [c.as_json() for c in diagnosis.checks]},
                         ensure_ascii=False, indent=2))
    else:
        print(text(diagnosis))
    return 0 if diagnosis.ok else 1
