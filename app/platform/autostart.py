"""Start Fokus at login: an XDG autostart entry on Linux, a launcher in the
Startup folder on Windows, a LaunchAgent on macOS. One module writes and
removes all three; the settings toggle calls it."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from app import APP_ID
from app.errors import ErrorCode, FokusError


def fokus_command() -> list[str]:
    """How to start this Fokus: the bundled executable, the installed console
    script, or this interpreter running the entry point."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = Path(sys.executable).parent / ("fokus.exe" if sys.platform == "win32" else "fokus")
    if script.exists():
        return [str(script)]
    found = shutil.which("fokus")
    if found:
        return [found]
    return [sys.executable, "-m", "ui.entry"]


def entry_path(platform: str | None = None) -> Path:
    platform = platform or sys.platform
    home = Path.home()
    if platform == "win32":
        appdata = Path(os.environ.get("APPDATA", home / "AppData" / "Roaming"))
        return appdata / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup" / \
            "Fokus.cmd"
    if platform == "darwin":
        return home / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
    return config / "autostart" / f"{APP_ID}.desktop"


RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def desktop_quote(arg: str) -> str:
    """Quote one argument for a .desktop Exec line (Desktop Entry spec)."""
    arg = arg.replace("%", "%%")
    if not any(ch in RESERVED for ch in arg):
        return arg
    escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
    return f'"{escaped}"'


def entry_text(command: list[str], platform: str | None = None) -> str:
    platform = platform or sys.platform
    if platform == "win32":
        quoted = " ".join(f'"{part}"' for part in command)
        return f"@echo off\r\nrem Starts Fokus at login.\r\nstart \"\" {quoted}\r\n"
    if platform == "darwin":
        from xml.sax.saxutils import escape

        args = "\n".join(f"    <string>{escape(part)}</string>" for part in command)
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
            '"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
            '<plist version="1.0">\n<dict>\n'
            f"  <key>Label</key>\n  <string>{APP_ID}</string>\n"
            f"  <key>ProgramArguments</key>\n  <array>\n{args}\n  </array>\n"
            "  <key>RunAtLoad</key>\n  <true/>\n"
            "</dict>\n</plist>\n")
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Fokus\n"
        "Comment=Focus assistant for programmers with several projects\n"
        f"Exec={' '.join(desktop_quote(part) for part in command)}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
        "X-GNOME-Autostart-Delay=5\n")


def is_enabled(platform: str | None = None) -> bool:
    return entry_path(platform).exists()


def set_enabled(enabled: bool, platform: str | None = None,
                command: list[str] | None = None) -> Path:
    path = entry_path(platform)
    try:
        if enabled:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(entry_text(command or fokus_command(), platform), encoding="utf-8")
        elif path.exists():
            path.unlink()
    except OSError as exc:
        raise FokusError(ErrorCode.DATA_DIR_UNUSABLE, path=path.parent,
                         reason=exc.strerror or exc) from exc
    return path
