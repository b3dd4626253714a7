"""A real headless GNOME Shell 43 on Wayland, Ubuntu's default desktop, for the tests
that need one: the shell with Ubuntu's AppIndicator extension (a StatusNotifierItem
tray), GNOME's notification server and Mutter's idle monitor.

``gnome-session.sh`` beside this file starts the session in a private mount namespace
(it hides the host's /run/systemd and gives the shell its own system bus) and keeps
it until its standard input closes. Every command of a test runs inside that
namespace with ``nsenter -t PID -m`` and the session's environment, so the tray,
the command line, ``gdbus`` and ``busctl`` see the same buses the shell does.

Missing programs fail the test with the package to install; nothing is skipped."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.cli import venv_bin
from tests.helpers.x11 import end_process, wait_for

SCRIPT = Path(__file__).with_name("gnome-session.sh")
EXTENSION = Path("/usr/share/gnome-shell/extensions/ubuntu-appindicators@ubuntu.com")
NEEDS = {
    "gnome-shell": "gnome-shell",
    "mutter": "mutter",
    "gjs": "gjs",
    "gsettings": "libglib2.0-bin",
    "gdbus": "libglib2.0-bin",
    "busctl": "systemd",
    "dbus-daemon": "dbus",
    "dbus-run-session": "dbus",
    "unshare": "util-linux",
    "nsenter": "util-linux",
}
FILES = {
    EXTENSION: "gnome-shell-extension-appindicator",
    Path("/usr/share/glib-2.0/schemas/org.gnome.desktop.notifications.gschema.xml"):
        "gsettings-desktop-schemas",
}
START_TIMEOUT = 120  # seconds: the shell starts in 1–20 s, slower on a loaded machine


def require_gnome() -> None:
    missing = sorted({pkg for exe, pkg in NEEDS.items() if shutil.which(exe) is None}
                     | {pkg for path, pkg in FILES.items() if not path.exists()})
    if missing:
        pytest.fail("these tests need a headless GNOME Shell; install: "
                    f"sudo apt-get install --no-install-recommends {' '.join(missing)}",
                    pytrace=False)
    if os.geteuid() != 0:
        pytest.fail("the GNOME session needs root for its private mount namespace "
                    "(unshare -m); run the tests as root, as CI does", pytrace=False)


@dataclass
class GnomeSession:
    """A running headless GNOME Shell; ``env`` is what its clients need."""

    pid: int
    session_env: dict[str, str]
    shell_log: Path
    seen_sources: set[str] = field(default_factory=set)

    @property
    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("DISPLAY", None)
        env.update(self.session_env)
        env.update(QT_QPA_PLATFORM="wayland", XDG_SESSION_TYPE="wayland",
                   XDG_CURRENT_DESKTOP="GNOME")
        return env

    def inside(self, *args: str) -> list[str]:
        """A command line that runs ``args`` in the session's mount namespace."""
        return ["nsenter", "-t", str(self.pid), "-m", "--", *args]

    def run(self, *args: str, check: bool = True, env: dict[str, str] | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(self.inside(*args), capture_output=True, text=True,
                                env=env or self.env, timeout=timeout)
        if check and result.returncode != 0:
            raise AssertionError(f"{args[0]} failed: {result.stderr.strip()}")
        return result

    def popen(self, args: list[str], env: dict[str, str], **kwargs: Any) -> subprocess.Popen[str]:
        return subprocess.Popen(self.inside(*args), env=env, text=True, **kwargs)

    # -- D-Bus -------------------------------------------------------------------------

    def busctl(self, *args: str, check: bool = True) -> Any:
        """``busctl`` on the session bus; its JSON answer's data (None for none)."""
        result = self.run("busctl", f"--address={self.session_env['DBUS_SESSION_BUS_ADDRESS']}",
                          "--json=short", *args, check=check)
        if result.returncode != 0 or not result.stdout.strip():
            return None
        return json.loads(result.stdout)["data"]

    def call(self, dest: str, path: str, method: str, signature: str = "",
             *args: str) -> Any:
        """``method`` is ``interface.Name``; arguments as busctl reads them."""
        iface, _, name = method.rpartition(".")
        extra = [signature, "--", *args] if signature else []
        return self.busctl("call", dest, path, iface, name, *extra)

    def prop(self, dest: str, path: str, iface: str, name: str) -> Any:
        return self.busctl("get-property", dest, path, iface, name)

    def has_name(self, name: str) -> bool:
        result = self.run("busctl", f"--address={self.session_env['DBUS_SESSION_BUS_ADDRESS']}",
                          "status", name, check=False)
        return result.returncode == 0

    def eval(self, script: str) -> Any:
        """JavaScript in the shell (``--unsafe-mode``); its result (the shell sends JSON)."""
        ok, value = self.call("org.gnome.Shell", "/org/gnome/Shell", "org.gnome.Shell.Eval",
                              "s", script)
        assert ok, f"the shell refused {script!r}: {value}"
        return json.loads(value) if value else None

    def status_notifier_items(self) -> list[str]:
        items: list[str] = self.prop("org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher",
                                     "org.kde.StatusNotifierWatcher",
                                     "RegisteredStatusNotifierItems")
        return items

    def notification_sources(self) -> list[str]:
        """Who has notifications in GNOME's message tray."""
        titles: list[str] = self.eval("Main.messageTray.getSources().map(s => s.title)")
        return titles

    def notification_bodies(self) -> list[str]:
        """Title and body of every notification in the message tray."""
        texts: list[str] = self.eval(
            "[].concat(...Main.messageTray.getSources().map(s => "
            "s.notifications.map(n => n.title + ': ' + n.bannerBodyText)))")
        return texts

    def screenshot(self, path: Path) -> Path:
        """The whole screen (1366×768), taken by the shell itself."""
        path = path.resolve()
        ok, _name = self.call("org.gnome.Shell.Screenshot", "/org/gnome/Shell/Screenshot",
                              "org.gnome.Shell.Screenshot.Screenshot", "bbs",
                              "false", "false", str(path))
        assert ok, "the shell took no screenshot"
        return path


@dataclass
class TrayItem:
    """A StatusNotifierItem as the shell sees it, and its com.canonical.dbusmenu menu."""

    session: GnomeSession
    service: str
    path: str

    @classmethod
    def first(cls, session: GnomeSession) -> TrayItem:
        items = wait_for(session.status_notifier_items, timeout=60,
                         what="a StatusNotifierItem to register")
        assert isinstance(items, list) and len(items) == 1, items
        service, _, path = str(items[0]).partition("@")
        return cls(session, service, path or "/StatusNotifierItem")

    def prop(self, name: str) -> Any:
        return self.session.prop(self.service, self.path, "org.kde.StatusNotifierItem", name)

    def tooltip(self) -> str:
        """The tooltip's title and text (what the shell shows on hover)."""
        _icon, _pixmaps, title, text = self.prop("ToolTip")
        return f"{title}\n{text}".strip()

    def menu_path(self) -> str:
        return str(self.prop("Menu"))

    def open_menu(self) -> dict[str, Any]:
        """What the shell does when the user opens the menu: "AboutToShow" (Fokus
        rebuilds its menu then), "opened", then the layout.
        Returns the tree: {"id", "label", "enabled", "children"}."""
        path = self.menu_path()
        self.session.call(self.service, path, "com.canonical.dbusmenu.AboutToShow", "i", "0")
        self.session.call(self.service, path, "com.canonical.dbusmenu.Event", "isvu",
                          "0", "opened", "i", "0", "0")
        _revision, layout = self.session.call(self.service, path,
                                              "com.canonical.dbusmenu.GetLayout", "iias",
                                              "0", "-1", "0")
        return _entry(layout)

    def find(self, *labels: str) -> dict[str, Any]:
        """The entry reached through ``labels`` (each a submenu's label, then the entry's)."""
        node = self.open_menu()
        for label in labels:
            matches = [c for c in node["children"] if c["label"] == label]
            assert matches, f"no {label!r} in the menu: {[c['label'] for c in node['children']]}"
            node = matches[0]
        return node

    def click(self, *labels: str) -> None:
        """A click on the entry, exactly as the shell sends it."""
        entry = self.find(*labels)
        assert entry["enabled"], f"{labels} is disabled"
        self.session.call(self.service, self.menu_path(), "com.canonical.dbusmenu.Event",
                          "isvu", str(entry["id"]), "clicked", "i", "0", "0")


def _entry(node: list[Any]) -> dict[str, Any]:
    entry_id, props, children = node
    label = props.get("label", {}).get("data", "")
    return {
        "id": entry_id,
        "label": label.replace("__", "\0").replace("_", "").replace("\0", "_"),  # mnemonics
        "enabled": props.get("enabled", {}).get("data", True),
        "visible": props.get("visible", {}).get("data", True),
        "children": [_entry(child["data"]) for child in children],
    }


class GnomeFokus:
    """A `fokus` tray process inside the GNOME session, on Qt's wayland plugin,
    and the command line beside it."""

    def __init__(self, session: GnomeSession, data_dir: Path, **env: str) -> None:
        self.session = session
        self.data_dir = data_dir
        self.env = dict(session.env, FOKUS_DATA_DIR=str(data_dir), FOKUS_TRAY_WAIT="5", **env)
        self.proc: subprocess.Popen[str] | None = None
        self.output = data_dir.parent / "tray-output.txt"

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return self.session.run(venv_bin("fokus"), *args, check=False, env=self.env)

    def status(self) -> dict[str, Any]:
        result = self.cli("status", "--json")
        assert result.returncode == 0, result.stderr
        data: dict[str, Any] = json.loads(result.stdout)
        return data

    def query(self, sql: str) -> tuple[Any, ...]:
        conn = sqlite3.connect(self.data_dir / "fokus.sqlite3")
        try:
            row: tuple[Any, ...] = conn.execute(sql).fetchone()
            conn.commit()
            return row
        finally:
            conn.close()

    def start_tray(self) -> TrayItem:
        with open(self.output, "a") as out:
            self.proc = self.session.popen([venv_bin("fokus")], self.env,
                                           stdout=out, stderr=subprocess.STDOUT)
        item = TrayItem.first(self.session)
        wait_for(lambda: (self.data_dir / "fokus.sock").exists(), timeout=60,
                 what="the instance socket")
        return item

    def stop_tray(self) -> None:
        end_process(self.proc, 15)
        wait_for(lambda: not self.session.status_notifier_items(), timeout=30,
                 what="the item to leave the tray")


@pytest.fixture(scope="session")
def gnome() -> Iterator[GnomeSession]:
    require_gnome()
    work = Path(tempfile.mkdtemp(prefix="fokus-gnome-"))
    ready = work / "ready"
    log = (work / "session.log").open("w")
    proc = subprocess.Popen([str(SCRIPT), str(ready)], stdin=subprocess.PIPE, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True,
                            env=dict(os.environ, FOKUS_GNOME_START_TIMEOUT=str(START_TIMEOUT)))
    try:
        def started() -> bool:
            if proc.poll() is not None:
                raise AssertionError("the GNOME session did not start: "
                                     + (work / "session.log").read_text()[-3000:])
            return ready.exists()

        wait_for(started, timeout=START_TIMEOUT + 30, interval=0.2, what="GNOME Shell")
        values = dict(line.split("=", 1) for line in ready.read_text().splitlines())
        session = GnomeSession(
            pid=int(values.pop("PID")), shell_log=Path(values.pop("SHELL_LOG")),
            session_env=values)
        # A headless shell starts in the overview; a user's desktop shows the top bar alone.
        session.eval("Main.overview.hide(); true")
        wait_for(lambda: session.eval("Main.overview.visible") is False, timeout=30,
                 what="the overview to close")
        yield session
    finally:
        assert proc.stdin is not None
        proc.stdin.close()  # the script ends the shell and both buses
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()
        shutil.rmtree(work, ignore_errors=True)
