"""Fokus's hotkeys as GNOME keyboard shortcuts (GNOME on Wayland, where no
program grabs keys): written with the real ``gsettings`` tool into a key file
(``GSETTINGS_BACKEND=keyfile``), read back, re-registered without doubles,
refused where another shortcut holds the keys, removed without touching the
user's own; and the command they run, ``fokus hotkey``."""

from __future__ import annotations

import shlex
import shutil
import subprocess

import pytest

from app.cli.main import main
from app.platform.shortcuts import (
    BASE_PATH,
    CUSTOM,
    MEDIA_KEYS,
    GnomeShortcuts,
    gnome_binding,
    normal_binding,
)
from app.store.settings import HOTKEY_INTERRUPTION, HOTKEY_SWITCH, HOTKEY_TOGGLE_FOCUS

DEFAULTS = {"toggle_focus": HOTKEY_TOGGLE_FOCUS.default,
            "interruption": HOTKEY_INTERRUPTION.default, "switch": HOTKEY_SWITCH.default}


def test_pynput_combinations_become_gnome_accelerators() -> None:
    assert gnome_binding("<ctrl>+<alt>+f") == "<Control><Alt>f"
    assert gnome_binding("<alt>+<ctrl>+<shift>+<f5>") == "<Control><Alt><Shift>F5"
    assert gnome_binding("<cmd>+<page_up>") == "<Super>Page_Up"
    with pytest.raises(ValueError):
        gnome_binding("f")


def test_one_combination_in_every_spelling_gnome_uses() -> None:
    same = {normal_binding(b) for b in ("<Control><Alt>f", "<Primary><alt>F", "<Ctrl><Mod1>f",
                                        "<Alt><Control>f")}
    assert len(same) == 1
    assert normal_binding("<Super>f") != normal_binding("<Control>f")


def gsettings(*args: str) -> str:
    return subprocess.run(["gsettings", *args], capture_output=True, text=True,
                          check=True).stdout.strip()


@pytest.fixture
def keyfile(monkeypatch: pytest.MonkeyPatch) -> GnomeShortcuts:
    """GNOME's settings in a key file under the test's home: the real tool,
    nobody's real desktop."""
    monkeypatch.setenv("GSETTINGS_BACKEND", "keyfile")
    shortcuts = GnomeShortcuts()
    if shutil.which("gsettings") is None or not shortcuts.available():
        pytest.fail("needs gsettings and GNOME's media-keys schema; install: sudo apt-get install "
                    "libglib2.0-bin gnome-settings-daemon-common", pytrace=False)
    return shortcuts


def _own_shortcut(name: str, binding: str) -> str:
    path = BASE_PATH + "custom0/"
    for key, value in (("name", name), ("command", "gnome-terminal"), ("binding", binding)):
        gsettings("set", f"{CUSTOM}:{path}", key, repr(value))
    gsettings("set", MEDIA_KEYS, "custom-keybindings", repr([path]))
    return path


def test_registering_reads_back_and_leaves_the_users_own_shortcut(
        keyfile: GnomeShortcuts) -> None:
    mine = _own_shortcut("My notes", "<Primary><Alt>i")  # the same keys as the interruption
    done = keyfile.register(DEFAULTS, ["/usr/bin/fokus"], data_dir="/home/dewi/fokus data")
    assert done.conflicts == {"interruption": "My notes"}
    assert {s.action for s in done.added} == {"toggle_focus", "switch"}

    listed = gsettings("get", MEDIA_KEYS, "custom-keybindings")
    assert mine in listed and listed.count("fokus-") == 2
    toggle = next(s for s in keyfile.registered() if s.action == "toggle_focus")
    assert toggle.name == "Fokus: start or stop focus"
    assert toggle.binding == "<Control><Alt>f"
    assert shlex.split(toggle.command) == ["/usr/bin/fokus", "hotkey", "toggle_focus",
                                           "--data-dir", "/home/dewi/fokus data"]
    path = f"{CUSTOM}:{toggle.path}"
    assert gsettings("get", path, "binding") == "'<Control><Alt>f'"

    again = keyfile.register(DEFAULTS, ["/usr/bin/fokus"])  # no doubles on a second press
    assert len(again.added) == 2
    assert gsettings("get", MEDIA_KEYS, "custom-keybindings").count("fokus-") == 2

    assert keyfile.remove() == 2
    assert gsettings("get", MEDIA_KEYS, "custom-keybindings") == repr([mine])
    assert gsettings("get", path, "binding") == "''"
    assert keyfile.registered() == []


def test_gnomes_own_keys_are_never_taken(keyfile: GnomeShortcuts) -> None:
    done = keyfile.register({"toggle_focus": "<ctrl>+<alt>+<delete>",
                             "switch": "<ctrl>+<alt>+<left>"}, ["fokus"])
    assert done.added == ()
    assert done.conflicts == {"toggle_focus": "GNOME: logout",
                              "switch": "GNOME: switch-to-workspace-left"}
    assert keyfile.registered() == []


def test_the_shortcuts_command_works_without_a_tray(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["project", "add", "SIASN"]) == 0
    assert main(["hotkey", "toggle_focus"]) == 0
    assert "Focusing on SIASN" in capsys.readouterr().out
    assert main(["hotkey", "interruption"]) == 0
    assert main(["hotkey", "toggle_focus"]) == 0
    assert "Focus stopped" in capsys.readouterr().out
    assert main(["hotkey", "switch"]) == 0
    assert "start Fokus first" in capsys.readouterr().out
