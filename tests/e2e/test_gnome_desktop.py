"""Fokus as a GNOME citizen on Wayland, in the real headless GNOME Shell: the
deep-work notification's button in GNOME's message tray starts the session,
and Fokus's hotkeys registered as GNOME keyboard shortcuts read back from
GNOME's own settings and, run as GNOME runs them, drive the tray."""

from __future__ import annotations

import json
import shlex
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers.cli import venv_bin
from tests.helpers.deep_window import ZONE, block_args, open_deep_window_now
from tests.helpers.gnome import GnomeFokus, GnomeSession, gnome  # noqa: F401
from tests.helpers.x11 import wait_for as _wait_for

pytestmark = pytest.mark.gnome
ROOT = Path(__file__).resolve().parents[2]
MEDIA_KEYS = "org.gnome.settings-daemon.plugins.media-keys"


def wait_for(predicate: Callable[[], object], timeout: float = 30.0, what: str = "") -> object:
    return _wait_for(predicate, timeout=timeout, what=what)


@pytest.fixture
def fokus(gnome: GnomeSession, tmp_path: Path) -> Iterator[GnomeFokus]:  # noqa: F811
    f = GnomeFokus(gnome, tmp_path / "data", TZ=ZONE, FOKUS_LANG="en")
    for args in (("project", "add", "SIASN"),
                 ("batch", "add", "-p", "SIASN", "-t", "Fix rank promotion bug")):
        result = f.cli(*args)
        assert result.returncode == 0, result.stderr
    yield f
    f.stop_tray()


PRESS_START = """
const source = Main.messageTray.getSources().find(s => s.title === 'Fokus');
const note = source.notifications.find(n => n.title.startsWith('Deep-work window'));
const button = note.actions.find(a => a.label.startsWith('Start '));
button.callback();
button.label;
"""


def test_the_start_button_in_gnomes_message_tray_starts_the_planned_session(
        fokus: GnomeFokus, gnome: GnomeSession) -> None:  # noqa: F811
    now = open_deep_window_now(fokus.data_dir)
    assert fokus.cli(*block_args(now)).returncode == 0
    fokus.start_tray()
    wait_for(lambda: any(t.startswith("Deep-work window") for t in gnome.notification_bodies()),
             what="the deep-work notification in GNOME's message tray")
    assert fokus.status()["state"] == "idle"
    label = gnome.eval(PRESS_START)  # what a click on the notification's button does
    assert label == "Start SIASN — Fix rank promotion bug"
    wait_for(lambda: fokus.status()["state"] == "focusing", timeout=20,
             what="the session the button started")
    assert fokus.status()["batch"] == "Fix rank promotion bug"


REGISTER = """
import json, sys
from app.platform.shortcuts import GnomeShortcuts, fokus_command
from app.store.settings import HOTKEYS
done = GnomeShortcuts().register({a: s.default for a, s in HOTKEYS.items()},
                                 fokus_command(), data_dir=sys.argv[1])
print(json.dumps({"added": [s.path for s in done.added], "conflicts": done.conflicts}))
"""


def gsettings(gnome: GnomeSession, *args: str) -> str:  # noqa: F811
    return gnome.run("gsettings", *args).stdout.strip()


def test_hotkeys_become_gnome_shortcuts_that_drive_the_tray(
        fokus: GnomeFokus, gnome: GnomeSession) -> None:  # noqa: F811
    env = dict(fokus.env, PYTHONPATH=str(ROOT))
    before = gsettings(gnome, "get", MEDIA_KEYS, "custom-keybindings")
    fokus.start_tray()
    try:
        result = gnome.run(sys.executable, "-c", REGISTER, str(fokus.data_dir), env=env)
        done = json.loads(result.stdout)
        assert done["conflicts"] == {} and len(done["added"]) == 3
        # Read back from GNOME's own settings, as its Keyboard panel does.
        listed = gsettings(gnome, "get", MEDIA_KEYS, "custom-keybindings")
        for path in done["added"]:
            assert path in listed
        toggle = next(p for p in done["added"] if p.endswith("fokus-toggle-focus/"))
        where = f"{MEDIA_KEYS}.custom-keybinding:{toggle}"
        assert gsettings(gnome, "get", where, "binding") == "'<Control><Alt>f'"
        assert gsettings(gnome, "get", where, "name") == "'Fokus: start or stop focus'"
        command = shlex.split(repr_to_str(gsettings(gnome, "get", where, "command")))
        assert command[-4:] == ["hotkey", "toggle_focus", "--data-dir", str(fokus.data_dir)]
        # Run as GNOME runs it when the keys are pressed: the running tray answers.
        pressed = gnome.run(*command, check=False, env=fokus.env)
        assert pressed.returncode == 0, pressed.stderr
        wait_for(lambda: fokus.status()["state"] == "focusing", what="the hotkey's session")
        assert fokus.status()["project"] == "SIASN"
    finally:
        gnome.run(sys.executable, "-c",
                  "from app.platform.shortcuts import GnomeShortcuts; GnomeShortcuts().remove()",
                  env=env)
    assert gsettings(gnome, "get", MEDIA_KEYS, "custom-keybindings") == before


def repr_to_str(value: str) -> str:
    """A gsettings string (``'…'``) as the string it holds."""
    import ast

    text: str = ast.literal_eval(value)
    return text


WINDOW_APPS = """
const tracker = imports.gi.Shell.WindowTracker.get_default();
global.get_window_actors().map(a => a.meta_window)
  .filter(w => (w.get_title() || '').startsWith('Fokus'))
  .map(w => [w.get_title(), tracker.get_window_app(w)?.get_id(), w.get_wm_class()]);
"""


def test_gnome_knows_fokuss_windows_by_its_desktop_file(
        fokus: GnomeFokus, gnome: GnomeSession) -> None:  # noqa: F811
    """The overview and the dash show Fokus's name and icon, not a generic gear:
    the windows' Wayland app id matches the installed .desktop file."""
    applications = Path(gnome.session_env["XDG_DATA_DIRS"].split(":")[0]) / "applications"
    desktop = ROOT / "packaging" / "id.fokus.Fokus.desktop"
    # Installed as a package installs it; GLib shows an entry only when its Exec
    # program exists, and this checkout's fokus is not on the shell's PATH.
    text = desktop.read_text().replace("\nExec=fokus\n", f"\nExec={venv_bin('fokus')}\n")
    assert "Exec=/" in text
    (applications / desktop.name).write_text(text)
    lookup = "imports.gi.Shell.AppSystem.get_default().lookup_app('id.fokus.Fokus.desktop')" \
             "?.get_name() ?? null"
    wait_for(lambda: gnome.eval(lookup) == "Fokus", what="the shell to read Fokus's .desktop")
    fokus.start_tray()
    assert gnome.run(venv_bin("fokus"), check=False, env=fokus.env).returncode == 0  # opens it
    windows = wait_for(lambda: gnome.eval(WINDOW_APPS), what="the Fokus window on screen")
    assert isinstance(windows, list)
    for title, app, app_id in windows:
        assert app_id == "id.fokus.Fokus", (title, windows)  # the Wayland app id itself
        assert app == "id.fokus.Fokus.desktop", (title, app, windows)
