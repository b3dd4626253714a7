"""Global hotkeys. On X11 the combinations are grabbed on the root window
(XGrabKey through python-xlib, which pynput brings): the X server then sends
Fokus only those key presses and no others, which is both the most private
and the cheapest way, and a combination another program holds is reported as
a conflict. Elsewhere pynput's GlobalHotKeys listens. Either way the listener
thread only calls ``emit``, which ``ui.platform.hotkeys`` makes a queued Qt
signal to the GUI thread; nothing
about any key is kept."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

# The combinations themselves are settings (app.store.settings HOTKEY_*).

NAMED_KEYS = {
    "ctrl", "alt", "shift", "cmd", "alt_gr", "ctrl_l", "ctrl_r", "alt_l", "alt_r", "shift_l",
    "shift_r", "cmd_l", "cmd_r", "space", "tab", "enter", "esc", "backspace", "delete",
    "insert", "home", "end", "page_up", "page_down", "up", "down", "left", "right",
    "pause", "print_screen", "menu", *(f"f{i}" for i in range(1, 21)),
}
MODIFIERS = {"ctrl", "alt", "shift", "cmd", "alt_gr"}


def parse_combo(combo: str) -> frozenset[str]:
    """``"<ctrl>+<alt>+f"`` → {"ctrl", "alt", "f"}, in pynput's own syntax, checked
    here without pynput (which needs a display to import)."""
    keys = []
    for part in combo.lower().split("+"):
        part = part.strip()
        if part.startswith("<") and part.endswith(">") and part[1:-1] in NAMED_KEYS:
            keys.append(part[1:-1].split("_")[0] if part[1:-1] in {
                "ctrl_l", "ctrl_r", "alt_l", "alt_r", "shift_l", "shift_r", "cmd_l", "cmd_r"}
                else part[1:-1])
        elif len(part) == 1 and part.isprintable() and part != " ":
            keys.append(part)
        else:
            raise ValueError(combo)
    if len(keys) < 2 or len(set(keys)) != len(keys) or not MODIFIERS & set(keys):
        raise ValueError(combo)  # a global hotkey needs a modifier and a key
    return frozenset(keys)


def check_hotkeys(hotkeys: dict[str, str]) -> dict[str, str]:
    """Problems per action: "invalid", "duplicate" (empty: all fine)."""
    problems: dict[str, str] = {}
    seen: dict[frozenset[Any], str] = {}
    for action, combo in hotkeys.items():
        if not combo:
            continue
        try:
            keys = parse_combo(combo)
        except ValueError:
            problems[action] = "invalid"
            continue
        if keys in seen:
            problems[action] = "duplicate"
            problems.setdefault(seen[keys], "duplicate")
        seen[keys] = action
    return problems


X11_NAMES = {"space": "space", "tab": "Tab", "enter": "Return", "esc": "Escape",
             "backspace": "BackSpace", "delete": "Delete", "insert": "Insert", "home": "Home",
             "end": "End", "page_up": "Prior", "page_down": "Next", "up": "Up",
             "down": "Down", "left": "Left", "right": "Right", "pause": "Pause",
             "print_screen": "Print", "menu": "Menu"}


class X11GrabHotkeys:
    """XGrabKey on the root window, read in a thread that sleeps in select()
    until the X server sends one of our combinations (or we stop it)."""

    def __init__(self, hotkeys: dict[str, str], emit: Callable[[str], None]) -> None:
        import os
        import threading

        from Xlib import XK, X, display, error

        self._emit = emit
        self._d = display.Display()
        self._root = self._d.screen().root
        masks = {"ctrl": X.ControlMask, "alt": X.Mod1Mask, "shift": X.ShiftMask,
                 "cmd": X.Mod4Mask, "alt_gr": X.Mod5Mask}
        self._relevant = X.ControlMask | X.Mod1Mask | X.ShiftMask | X.Mod4Mask | X.Mod5Mask
        self._bindings: dict[tuple[int, int], str] = {}
        self.conflicts: list[str] = []
        caught: list[object] = []
        for action, combo in hotkeys.items():
            keys = parse_combo(combo)
            mask = 0
            for k in keys & set(masks):
                mask |= masks[k]
            (key,) = keys - set(masks) or {""}
            name = X11_NAMES.get(key, key.upper() if key.startswith("f") and key[1:].isdigit()
                                 else key)
            keycode = self._d.keysym_to_keycode(XK.string_to_keysym(name))
            if not keycode:
                self.conflicts.append(combo)
                continue
            caught.clear()
            # Grab with and without Caps Lock and Num Lock, which X counts as modifiers.
            for extra in (0, X.LockMask, X.Mod2Mask, X.LockMask | X.Mod2Mask):
                self._root.grab_key(keycode, mask | extra, True, X.GrabModeAsync,
                                    X.GrabModeAsync, onerror=lambda err, _req: caught.append(err))
            self._d.sync()
            if any(isinstance(e, error.BadAccess) for e in caught):
                self.conflicts.append(combo)  # another program holds it
                self._root.ungrab_key(keycode, X.AnyModifier)
                continue
            self._bindings[(keycode, mask)] = action
        self._wake_r, self._wake_w = os.pipe()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="fokus-hotkeys", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import select

        from Xlib import X

        fd = self._d.fileno()
        while not self._stopping:
            ready, _, _ = select.select([fd, self._wake_r], [], [])
            if self._wake_r in ready:
                break
            while self._d.pending_events():
                event = self._d.next_event()
                if event.type == X.KeyPress:
                    action = self._bindings.get((event.detail, event.state & self._relevant))
                    if action is not None:
                        self._emit(action)

    def stop(self) -> None:
        import os

        from Xlib import X

        self._stopping = True
        os.write(self._wake_w, b"x")
        self._thread.join(2)
        for keycode, _mask in self._bindings:
            self._root.ungrab_key(keycode, X.AnyModifier)
        self._d.close()
        os.close(self._wake_r)
        os.close(self._wake_w)
