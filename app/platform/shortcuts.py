"""Fokus's global hotkeys as GNOME keyboard shortcuts, for GNOME on Wayland,
where no program may grab keys (XGrabKey works on X11 only).

GNOME keeps its custom shortcuts in ``org.gnome.settings-daemon.plugins.
media-keys custom-keybindings``: a list of paths, each a relocatable
``…custom-keybinding`` with a name, a command and a binding. Fokus adds one
per hotkey, only when the user asks (Settings ▸ Activity), under paths of its
own (``…/custom-keybindings/fokus-<action>/``), so it can show and remove
exactly what it added and never touches the user's other shortcuts. Each
runs ``fokus hotkey ACTION``, which the running Fokus answers as it answers
a grabbed key. A binding another shortcut already holds (GNOME's own or a
custom one) is reported and left out rather than taken.

Everything goes through the ``gsettings`` tool: no GLib bindings needed, and
tests can point it at a key file (``GSETTINGS_BACKEND=keyfile``)."""

from __future__ import annotations

import ast
import logging
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from app.i18n import N_, _
from app.platform.dbus_wire import Connection, DBusError
from app.platform.hotkeys import parse_combo

log = logging.getLogger(__name__)

MEDIA_KEYS = "org.gnome.settings-daemon.plugins.media-keys"
CUSTOM = f"{MEDIA_KEYS}.custom-keybinding"
BASE_PATH = "/org/gnome/settings-daemon/plugins/media-keys/custom-keybindings/"
OURS = "fokus-"
# Schemas whose keys hold GNOME's own bindings: a combination in one of them is taken.
TAKEN_IN = (MEDIA_KEYS, "org.gnome.desktop.wm.keybindings", "org.gnome.shell.keybindings",
            "org.gnome.mutter.keybindings", "org.gnome.mutter.wayland.keybindings")
# The hotkey actions (app.store.settings HOTKEY_*) and what the shortcut is called.
ACTION_NAMES = {"toggle_focus": N_("Fokus: start or stop focus"),
                "interruption": N_("Fokus: log an interruption"),
                "switch": N_("Fokus: switch project")}
GNOME_KEYS = {
    "space": "space", "tab": "Tab", "enter": "Return", "esc": "Escape",
    "backspace": "BackSpace", "delete": "Delete", "insert": "Insert", "home": "Home",
    "end": "End", "page_up": "Page_Up", "page_down": "Page_Down", "up": "Up", "down": "Down",
    "left": "Left", "right": "Right", "pause": "Pause", "print_screen": "Print", "menu": "Menu",
    **{f"f{i}": f"F{i}" for i in range(1, 21)},
}
GNOME_MODIFIERS = {"ctrl": "<Control>", "alt": "<Alt>", "shift": "<Shift>", "cmd": "<Super>",
                   "alt_gr": "<Mod5>"}
MODIFIER_WORDS = {"control": "control", "ctrl": "control", "primary": "control",
                  "alt": "alt", "mod1": "alt", "shift": "shift", "super": "super",
                  "mod4": "super", "meta": "meta", "hyper": "hyper", "mod5": "mod5"}
MODIFIER_ORDER = ("ctrl", "alt", "shift", "cmd", "alt_gr")

Runner = Callable[[Sequence[str]], str]


def gnome_binding(combo: str) -> str:
    """pynput's ``<ctrl>+<alt>+f`` as GNOME writes it: ``<Control><Alt>f``."""
    keys = parse_combo(combo)
    modifiers = "".join(GNOME_MODIFIERS[m] for m in MODIFIER_ORDER if m in keys)
    (key,) = [k for k in keys if k not in GNOME_MODIFIERS]
    return modifiers + GNOME_KEYS.get(key, key)


# The modifiers as the XDG shortcuts specification writes them (the
# GlobalShortcuts portal's ``preferred_trigger``: ``CTRL+ALT+f``).
PORTAL_MODIFIERS = {"ctrl": "CTRL", "alt": "ALT", "shift": "SHIFT", "cmd": "LOGO"}


def portal_trigger(combo: str) -> str:
    """pynput's ``<ctrl>+<alt>+f`` as the portal's preferred trigger: ``CTRL+ALT+f``
    (the key by its xkb name, as GNOME writes it: ``F5``, ``Return``)."""
    keys = parse_combo(combo)
    modifiers = [PORTAL_MODIFIERS[m] for m in MODIFIER_ORDER if m in keys and
                 m in PORTAL_MODIFIERS]
    (key,) = [k for k in keys if k not in GNOME_MODIFIERS]
    return "+".join([*modifiers, GNOME_KEYS.get(key, key)])


PORTAL = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
GLOBAL_SHORTCUTS = "org.freedesktop.portal.GlobalShortcuts"


def portal_has_global_shortcuts(bus: Connection) -> bool:
    """Does the desktop portal offer GlobalShortcuts (GNOME 45+, KDE Plasma 5.27+)?
    Asking starts the portal if it is not running yet."""
    try:
        bus.call(PORTAL, PORTAL_PATH, "org.freedesktop.DBus.Properties", "Get", "ss",
                 [GLOBAL_SHORTCUTS, "version"])
    except (OSError, DBusError):
        return False
    return True


def normal_binding(binding: str) -> tuple[frozenset[str], str]:
    """A GNOME accelerator in one spelling: ``<Primary><Alt>F`` and
    ``<Control><alt>f`` are the same keys."""
    mods = []
    rest = binding.strip()
    while rest.startswith("<") and ">" in rest:
        word, rest = rest[1:].split(">", 1)
        mods.append(MODIFIER_WORDS.get(word.lower(), word.lower()))
    return frozenset(mods), rest.strip().lower()


@dataclass(frozen=True)
class Shortcut:
    action: str
    name: str
    command: str
    binding: str
    path: str


@dataclass(frozen=True)
class Registration:
    added: tuple[Shortcut, ...]
    # action → who already holds its combination ("GNOME: <key>" or a shortcut's name)
    conflicts: dict[str, str]


def _gsettings(args: Sequence[str]) -> str:
    result = subprocess.run(["gsettings", *args], capture_output=True, text=True, timeout=10)
    if result.returncode != 0:
        raise OSError(result.stderr.strip() or f"gsettings {' '.join(args)} failed")
    return result.stdout.strip()


def _strings(value: str) -> list[str]:
    """A gsettings string list (``@as []`` or ``['a', 'b']``) as Python strings."""
    text = value.strip()
    if text.startswith("@as"):
        text = text[3:].strip()
    try:
        parsed = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return []
    if isinstance(parsed, str):
        return [parsed]
    return [str(v) for v in parsed] if isinstance(parsed, list) else []


def _quoted(values: Iterable[str]) -> str:
    return "[" + ", ".join(repr(v) for v in values) + "]"


def fokus_command() -> list[str]:
    """How a shortcut runs this Fokus: the bundle, the installed script, or
    this interpreter with the entry module."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    installed = shutil.which("fokus")
    if installed:
        return [installed]
    return [sys.executable, "-m", "ui.entry"]


class GnomeShortcuts:
    def __init__(self, runner: Runner | None = None) -> None:
        self._run = runner or _gsettings

    # -- reading ----------------------------------------------------------------------

    def available(self) -> bool:
        """Does this machine have GNOME's custom-shortcut schema?"""
        if self._run is _gsettings and shutil.which("gsettings") is None:
            return False
        try:
            return MEDIA_KEYS in self._run(["list-schemas"]).split()
        except (OSError, subprocess.TimeoutExpired):
            return False

    def paths(self) -> list[str]:
        return _strings(self._run(["get", MEDIA_KEYS, "custom-keybindings"]))

    def _get(self, path: str, key: str) -> str:
        value = _strings(self._run(["get", f"{CUSTOM}:{path}", key]))
        return value[0] if value else ""

    def shortcut(self, path: str) -> Shortcut:
        action = path.rstrip("/").rsplit("/", 1)[-1].removeprefix(OURS).replace("-", "_")
        return Shortcut(action, self._get(path, "name"), self._get(path, "command"),
                        self._get(path, "binding"), path)

    def registered(self) -> list[Shortcut]:
        """Fokus's shortcuts, as GNOME holds them now."""
        return [self.shortcut(p) for p in self.paths() if self._is_ours(p)]

    @staticmethod
    def _is_ours(path: str) -> bool:
        return path.startswith(BASE_PATH + OURS)

    def holders(self) -> dict[tuple[frozenset[str], str], str]:
        """Every binding held now by someone other than Fokus: GNOME's own keys
        and the user's custom shortcuts."""
        held: dict[tuple[frozenset[str], str], str] = {}
        for schema in TAKEN_IN:
            try:
                listing = self._run(["list-recursively", schema])
            except (OSError, subprocess.TimeoutExpired):
                continue
            for line in listing.splitlines():
                parts = line.split(" ", 2)
                if len(parts) != 3 or parts[1] == "custom-keybindings":
                    continue
                for binding in _strings(parts[2]):
                    if binding.startswith("<") or len(binding) > 1:
                        held.setdefault(normal_binding(binding), f"GNOME: {parts[1]}")
        for path in self.paths():
            if self._is_ours(path):
                continue
            other = self.shortcut(path)
            if other.binding:
                held.setdefault(normal_binding(other.binding), other.name or path)
        return held

    # -- writing ------------------------------------------------------------------------

    def register(self, hotkeys: dict[str, str], command: Sequence[str],
                 data_dir: str | None = None) -> Registration:
        """Add (or update) one shortcut per hotkey that has a combination; a
        combination someone else holds is left out and named in ``conflicts``."""
        held = self.holders()
        added: list[Shortcut] = []
        conflicts: dict[str, str] = {}
        for action, combo in hotkeys.items():
            if not combo or action not in ACTION_NAMES:
                continue
            binding = gnome_binding(combo)
            holder = held.get(normal_binding(binding))
            if holder is not None:
                conflicts[action] = holder
                continue
            argv = [*command, "hotkey", action]
            if data_dir:
                argv += ["--data-dir", data_dir]
            path = f"{BASE_PATH}{OURS}{action.replace('_', '-')}/"
            added.append(Shortcut(action, _(ACTION_NAMES[action]), shlex.join(argv), binding,
                                  path))
        ours_now = [s.path for s in added]
        keep = [p for p in self.paths() if not self._is_ours(p)]
        for gone in {p for p in self.paths() if self._is_ours(p)} - set(ours_now):
            self._reset(gone)
        for shortcut in added:
            where = f"{CUSTOM}:{shortcut.path}"
            self._run(["set", where, "name", repr(shortcut.name)])
            self._run(["set", where, "command", repr(shortcut.command)])
            self._run(["set", where, "binding", repr(shortcut.binding)])
        self._run(["set", MEDIA_KEYS, "custom-keybindings", _quoted(keep + ours_now)])
        log.info("GNOME shortcuts added: %s; left out: %s",
                 ", ".join(s.binding for s in added) or "none", conflicts or "none")
        return Registration(tuple(added), conflicts)

    def remove(self) -> int:
        """Take Fokus's shortcuts out of GNOME; the user's own stay. Returns how many."""
        paths = self.paths()
        ours = [p for p in paths if self._is_ours(p)]
        if ours:
            self._run(["set", MEDIA_KEYS, "custom-keybindings",
                       _quoted(p for p in paths if not self._is_ours(p))])
            for path in ours:
                self._reset(path)
        return len(ours)

    def _reset(self, path: str) -> None:
        for key in ("name", "command", "binding"):
            self._run(["reset", f"{CUSTOM}:{path}", key])


def on_gnome() -> bool:
    return "gnome" in os.environ.get("XDG_CURRENT_DESKTOP", "").lower()
