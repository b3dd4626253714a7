"""The window in front: its class and title, for the opt-in automatic switch
detection. X11 through python-xlib (the window manager's _NET_ACTIVE_WINDOW,
or the input focus where no window manager keeps it), Windows through ctypes.
The values are matched against the user's rules and then dropped."""

from __future__ import annotations

import ctypes
import os
import sys
from typing import Protocol

from app.platform.idle import PLATFORM, Unavailable, is_wayland


class ActiveWindowSource(Protocol):
    name: str

    def active(self) -> tuple[str, str] | None:
        """(window class, title) of the window in front, or None."""

    def close(self) -> None: ...


class X11ActiveWindow:
    name = "x11"

    def __init__(self) -> None:
        if not sys.platform.startswith("linux") or not os.environ.get("DISPLAY") or is_wayland():
            raise Unavailable("no X11 display")
        from Xlib import display

        try:
            self._d = display.Display()
        except Exception as exc:
            raise Unavailable(str(exc)) from exc
        self._root = self._d.screen().root
        self._active = self._d.intern_atom("_NET_ACTIVE_WINDOW")
        self._name = self._d.intern_atom("_NET_WM_NAME")
        self._utf8 = self._d.intern_atom("UTF8_STRING")

    def _top_level(self, window: object) -> object | None:
        """Walk up from the focused window to one with a WM_CLASS."""
        w = window
        for _ in range(10):
            try:
                if w.get_wm_class():  # type: ignore[attr-defined]
                    return w
                parent = w.query_tree().parent  # type: ignore[attr-defined]
            except Exception:
                return None
            if parent is None or parent == self._root or parent == 0:
                return None
            w = parent
        return None

    def active(self) -> tuple[str, str] | None:
        try:
            prop = self._root.get_full_property(self._active, 0)
            window = None
            if prop is not None and prop.value and prop.value[0]:
                window = self._d.create_resource_object("window", prop.value[0])
            else:
                window = self._d.get_input_focus().focus
            if window is None or isinstance(window, int) or window == self._root:
                return None
            top = self._top_level(window)
            if top is None:
                return None
            wm_class = top.get_wm_class() or ("", "")  # type: ignore[attr-defined]
            name = top.get_full_property(self._name, self._utf8)  # type: ignore[attr-defined]
            title = name.value.decode("utf-8", "replace") if name is not None else (
                top.get_wm_name() or "")  # type: ignore[attr-defined]
            return str(wm_class[1] or wm_class[0]), str(title)
        except Exception:  # windows vanish between the calls
            return None

    def close(self) -> None:
        self._d.close()


class WindowsActiveWindow:
    name = "windows"

    def __init__(self) -> None:
        if PLATFORM != "win32":
            raise Unavailable("not Windows")
        self._user32 = ctypes.windll.user32  # type: ignore[attr-defined]

    def active(self) -> tuple[str, str] | None:
        hwnd = self._user32.GetForegroundWindow()
        if not hwnd:
            return None
        title = ctypes.create_unicode_buffer(512)
        cls = ctypes.create_unicode_buffer(256)
        self._user32.GetWindowTextW(hwnd, title, 512)
        self._user32.GetClassNameW(hwnd, cls, 256)
        return cls.value, title.value

    def close(self) -> None:
        pass


def best_active_window_source() -> ActiveWindowSource | None:
    for make in (X11ActiveWindow, WindowsActiveWindow):
        try:
            source: ActiveWindowSource = make()
            return source
        except Unavailable:
            continue
    return None
