"""Global hotkeys through the desktop portal's GlobalShortcuts interface (GNOME
45+, KDE Plasma 5.27+): a real ``fokus`` on Wayland terms (no X display to grab
keys on) and a stand-in portal (tests/helpers/portal_standin.py) on a private
session bus of its own. Fokus binds its three hotkeys there with descriptions
in the user's language and its keys as the preferred triggers; the portal's
Activated signal starts and stops focus as a pressed hotkey does; ``fokus
doctor`` names the back-end.

The stand-in answers as the portal's specification says; a real GNOME 45 or
KDE is not run here (the headless GNOME session is GNOME 43, which has no
GlobalShortcuts)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.cli import venv_bin
from tests.helpers.deep_window import ZONE
from tests.helpers.x11 import end_process, wait_for

STANDIN = Path(__file__).resolve().parents[1] / "helpers" / "portal_standin.py"
SYSTEM_PYTHON = Path("/usr/bin/python3")


def _require() -> None:
    missing = [pkg for exe, pkg in (("dbus-daemon", "dbus"), ("gdbus", "libglib2.0-bin"))
               if shutil.which(exe) is None]
    probe = subprocess.run([str(SYSTEM_PYTHON), "-c", "from gi.repository import Gio"],
                           capture_output=True) if SYSTEM_PYTHON.exists() else None
    if probe is None or probe.returncode != 0:
        missing.append("python3-gi")
    if missing:
        pytest.fail("the stand-in portal needs: sudo apt-get install --no-install-recommends "
                    + " ".join(missing), pytrace=False)


@pytest.fixture
def bus(tmp_path: Path) -> Iterator[str]:
    """A private session bus of its own, with the stand-in portal on it."""
    _require()
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    assert address.startswith("unix:"), address
    env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=address)
    log = (tmp_path / "portal.log").open("w")
    portal = subprocess.Popen([str(SYSTEM_PYTHON), str(STANDIN), str(tmp_path / "portal.json")],
                              env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
    try:
        wait_for(lambda: "ready" in (tmp_path / "portal.log").read_text(), timeout=30,
                 what="the stand-in portal on the bus")
        yield address
    finally:
        for proc in (portal, daemon):
            proc.terminate()
            proc.wait(10)
        daemon.stdout.close()
        log.close()


class WaylandFokus:
    """``fokus`` as on a Wayland desktop without a tray: Qt offscreen, no X
    display (nothing to grab keys on), the private bus as the session bus."""

    def __init__(self, address: str, data_dir: Path, **env: str) -> None:
        self.env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY",)}
        self.env.update(DBUS_SESSION_BUS_ADDRESS=address, FOKUS_DATA_DIR=str(data_dir),
                        QT_QPA_PLATFORM="offscreen", XDG_SESSION_TYPE="wayland",
                        WAYLAND_DISPLAY="wayland-fokus-test", FOKUS_TRAY_WAIT="1", TZ=ZONE,
                        **env)
        self.data_dir = data_dir
        self.proc: subprocess.Popen[str] | None = None

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([venv_bin("fokus"), *args], capture_output=True, text=True,
                              env=self.env, timeout=60)

    def start(self) -> None:
        out = (self.data_dir.parent / "fokus-output.txt").open("a")
        self.proc = subprocess.Popen([venv_bin("fokus")], env=self.env, text=True,
                                     stdout=out, stderr=subprocess.STDOUT)
        out.close()

    def stop(self) -> None:
        end_process(self.proc, 15)

    def running(self) -> bool:
        result = self.cli("status", "--json")
        assert result.returncode == 0, result.stderr
        return str(json.loads(result.stdout)["state"]) == "focusing"


@pytest.fixture
def fokus(bus: str, tmp_path: Path) -> Iterator[WaylandFokus]:
    f = WaylandFokus(bus, tmp_path / "data", FOKUS_LANG="id")
    result = f.cli("project", "add", "SIASN")
    assert result.returncode == 0, result.stderr
    yield f
    f.stop()


def portal_state(tmp_path: Path) -> dict[str, Any]:
    state: dict[str, Any] = json.loads((tmp_path / "portal.json").read_text())
    return state


def press(address: str, shortcut: str) -> None:
    """What the desktop does when the user presses the bound keys."""
    subprocess.run(["gdbus", "call", "--session", "--dest", "org.freedesktop.portal.Desktop",
                    "--object-path", "/org/freedesktop/portal/desktop",
                    "--method", "id.fokus.Test.Portal.Press", shortcut],
                   env=dict(os.environ, DBUS_SESSION_BUS_ADDRESS=address), check=True,
                   capture_output=True, timeout=30)


def test_the_portal_binds_the_hotkeys_and_its_signal_starts_and_stops_focus(
        fokus: WaylandFokus, bus: str, tmp_path: Path) -> None:
    fokus.start()
    bound = wait_for(lambda: len(portal_state(tmp_path)["bound"]) == 3 and
                     portal_state(tmp_path)["bound"], timeout=60,
                     what="Fokus to bind its hotkeys through the portal")
    assert isinstance(bound, list)
    assert portal_state(tmp_path)["calls"][:2] == ["CreateSession", "BindShortcuts"]
    # In the user's language (FOKUS_LANG=id), with the keys set in Settings.
    assert {(b["id"], b["description"], b["preferred_trigger"]) for b in bound} == {
        ("toggle_focus", "Fokus: mulai atau hentikan fokus", "CTRL+ALT+f"),
        ("interruption", "Fokus: catat interupsi", "CTRL+ALT+i"),
        ("switch", "Fokus: pindah proyek", "CTRL+ALT+s")}
    assert len({b["session"] for b in bound}) == 1
    assert not fokus.running()

    press(bus, "toggle_focus")
    wait_for(fokus.running, timeout=30, what="the hotkey to start a focus session")
    press(bus, "toggle_focus")
    wait_for(lambda: not fokus.running(), timeout=30, what="the hotkey to stop it")

    # Hotkeys changed from the command line are bound again, in a new session.
    result = fokus.cli("config", "set", "hotkey_switch", "<ctrl>+<shift>+<f5>")
    assert result.returncode == 0, result.stderr
    rebound = wait_for(lambda: any(b["preferred_trigger"] == "CTRL+SHIFT+F5"
                                   for b in portal_state(tmp_path)["bound"]), timeout=30,
                       what="the changed hotkey to be bound again")
    assert rebound
    assert len(portal_state(tmp_path)["sessions"]) == 2


def test_doctor_names_the_portal_as_the_hotkey_back_end(fokus: WaylandFokus) -> None:
    result = fokus.cli("doctor", "--json")
    checks = {c["name"]: c for c in json.loads(result.stdout)["checks"]}
    assert checks["hotkeys"]["backend"] == "xdg-portal-global-shortcuts", checks["hotkeys"]
    assert checks["hotkeys"]["works"] is True
    text = fokus.cli("doctor").stdout
    assert "[xdg-portal-global-shortcuts]" in text, text


def test_without_the_portal_doctor_falls_back_as_before(tmp_path: Path) -> None:
    """A private bus with no portal on it (GNOME 43, or any desktop without one):
    the hotkeys are GNOME's custom shortcuts where set up, else unavailable."""
    _require()
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        f = WaylandFokus(address, tmp_path / "data", XDG_CURRENT_DESKTOP="KDE")
        checks = {c["name"]: c for c in json.loads(f.cli("doctor", "--json").stdout)["checks"]}
        assert checks["hotkeys"]["backend"] is None, checks["hotkeys"]
        assert checks["hotkeys"]["works"] is False
    finally:
        daemon.terminate()
        daemon.wait(10)
        assert daemon.stdout is not None
        daemon.stdout.close()
