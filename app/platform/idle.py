"""Seconds since the last keyboard or mouse input, from the best source the
platform has. Each adapter says in its constructor that it is unavailable and
the next is tried: the X11 screensaver extension (python-xlib), Windows'
GetLastInputInfo, macOS's CoreGraphics, the desktop's idle monitor over D-Bus
on Wayland (GNOME, in ui.platform.idle since it speaks QtDBus), and pynput
listeners as the fallback. None of them sees
which keys are pressed; the pynput fallback keeps only the time of the last
event."""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import sys
import time
from typing import Protocol

log = logging.getLogger(__name__)
# Read through a plain str so that type checkers on one platform still check
# the other platforms' back-ends.
PLATFORM: str = sys.platform


class Unavailable(Exception):
    pass


class IdleSource(Protocol):
    name: str

    def idle_seconds(self) -> float: ...

    def close(self) -> None: ...


def is_wayland() -> bool:
    return os.environ.get("XDG_SESSION_TYPE") == "wayland" or (
        bool(os.environ.get("WAYLAND_DISPLAY")) and not os.environ.get("DISPLAY"))


class X11Idle:
    name = "x11-screensaver"

    def __init__(self) -> None:
        if not sys.platform.startswith("linux") or not os.environ.get("DISPLAY") or is_wayland():
            raise Unavailable("no X11 display")
        try:
            from Xlib import display
            from Xlib.ext import screensaver  # noqa: F401
        except ImportError as exc:
            raise Unavailable(f"python-xlib: {exc}") from exc
        try:
            self._display = display.Display()
        except Exception as exc:  # Xlib raises its own types for a refused display
            raise Unavailable(f"cannot open the display: {exc}") from exc
        if not self._display.has_extension("MIT-SCREEN-SAVER"):
            self._display.close()
            raise Unavailable("the X server has no MIT-SCREEN-SAVER extension")
        self._root = self._display.screen().root

    def idle_seconds(self) -> float:
        from Xlib.ext import screensaver

        return float(screensaver.query_info(self._root).idle) / 1000.0

    def close(self) -> None:
        self._display.close()


class WindowsIdle:
    name = "windows-getlastinputinfo"

    def __init__(self) -> None:
        if PLATFORM != "win32":
            raise Unavailable("not Windows")

        class LastInputInfo(ctypes.Structure):
            _fields_ = [("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint)]

        self._info = LastInputInfo()
        self._info.cbSize = ctypes.sizeof(LastInputInfo)
        self._user32 = ctypes.windll.user32  # type: ignore[attr-defined]
        self._kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]

    def idle_seconds(self) -> float:
        self._user32.GetLastInputInfo(ctypes.byref(self._info))
        return float((self._kernel32.GetTickCount() - self._info.dwTime) & 0xFFFFFFFF) / 1000.0

    def close(self) -> None:
        pass


class MacIdle:
    name = "macos-coregraphics"

    def __init__(self) -> None:
        if PLATFORM != "darwin":
            raise Unavailable("not macOS")
        path = ctypes.util.find_library("ApplicationServices")
        if not path:
            raise Unavailable("no ApplicationServices framework")
        self._cg = ctypes.cdll.LoadLibrary(path)
        self._cg.CGEventSourceSecondsSinceLastEventType.restype = ctypes.c_double
        self._cg.CGEventSourceSecondsSinceLastEventType.argtypes = [ctypes.c_int, ctypes.c_uint]

    def idle_seconds(self) -> float:
        # kCGEventSourceStateHIDSystemState = 1, kCGAnyInputEventType = ~0
        return float(self._cg.CGEventSourceSecondsSinceLastEventType(1, 0xFFFFFFFF))

    def close(self) -> None:
        pass


class PynputIdle:
    """The fallback: listeners that keep only the monotonic time of the last
    event. The callbacks do no I/O and take no lock: one float is written."""

    name = "pynput-listeners"

    def __init__(self) -> None:
        if is_wayland():
            raise Unavailable("pynput cannot see input on Wayland")
        try:
            from pynput import keyboard, mouse
        except Exception as exc:  # pynput raises on import without a back end
            raise Unavailable(f"pynput: {exc}") from exc
        self.last_input = time.monotonic()
        self._keyboard = keyboard.Listener(on_press=self._touch, on_release=self._touch)
        self._mouse = mouse.Listener(on_move=self._touch, on_click=self._touch,
                                     on_scroll=self._touch)
        self._keyboard.daemon = self._mouse.daemon = True
        self._keyboard.start()
        self._mouse.start()

    def _touch(self, *_args: object) -> None:
        # Which key or where the pointer is never leaves this function.
        self.last_input = time.monotonic()

    def idle_seconds(self) -> float:
        return max(0.0, time.monotonic() - self.last_input)

    def close(self) -> None:
        self._keyboard.stop()
        self._mouse.stop()
