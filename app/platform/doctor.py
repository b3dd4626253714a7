"""``fokus doctor``: can this machine show the tray app? Checks what Qt needs
from the system without importing Qt's GUI modules."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

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


def report() -> int:
    problems = 0
    missing = missing_system_libraries()
    if missing:
        problems += 1
        print(_("Qt cannot load its X11 plugin; install: sudo apt-get install {pkgs}").format(
            pkgs=" ".join(missing)))
    else:
        print(_("Qt's X11 plugin: all libraries present."))
    if sys.platform.startswith("linux"):
        if os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("DISPLAY"):
            print(_("Wayland without Xwayland: the tray may not be shown."))
        elif not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            problems += 1
            print(_("No display ($DISPLAY is empty): the tray app needs a desktop session."))
        else:
            print(_("Display: {display}").format(display=os.environ.get("DISPLAY")
                                                 or os.environ.get("WAYLAND_DISPLAY")))
    return 1 if problems else 0
