"""A real ``fokus`` tray process under Xvfb, and the command line beside it."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import time
import weakref
from pathlib import Path

from tests.helpers.cli import venv_bin
from tests.helpers.x11 import X11Session, end_process, wait_for

# Every tray a test has started, for the report of a failed test (tests/conftest.py).
STARTED: weakref.WeakSet[Fokus] = weakref.WeakSet()
TAIL_LINES = 60


def _catches_usr1(pid: int) -> bool:
    """Has the process its SIGUSR1 handler yet? Before record_faults runs, the
    signal's default action would end the tray the report is about."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    caught = next((line.split()[1] for line in status.splitlines()
                   if line.startswith("SigCgt:")), "0")
    return bool(int(caught, 16) >> (signal.SIGUSR1 - 1) & 1)


class Fokus:
    """A `fokus` tray process and the command line beside it."""

    def __init__(self, x11: X11Session, data_dir: Path, **env: str) -> None:
        self.x11 = x11
        self.data_dir = data_dir
        self.env = dict(x11.env, FOKUS_DATA_DIR=str(data_dir), FOKUS_TRAY_WAIT="5", **env)
        self.proc: subprocess.Popen[str] | None = None
        STARTED.add(self)

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([venv_bin("fokus"), *args], capture_output=True, text=True,
                              env=self.env, timeout=60)

    def status(self) -> dict[str, object]:
        result = self.cli("status", "--json")
        assert result.returncode == 0, result.stderr
        data: dict[str, object] = json.loads(result.stdout)
        return data

    def start_tray(self) -> subprocess.Popen[str]:
        with open(self.data_dir.parent / "tray-output.txt", "a") as out:
            self.proc = subprocess.Popen([venv_bin("fokus")], env=self.env, text=True,
                                         stdout=out, stderr=subprocess.STDOUT)
        return self.proc

    def tails(self) -> list[tuple[str, str]]:
        """The last lines of this tray's log and of its output, each with a
        heading, for the report of a test that failed while it ran; a tray
        still running is first asked where each of its threads is (SIGUSR1:
        app/platform/logs.py record_faults)."""
        if self.proc is not None and self.proc.poll() is None and _catches_usr1(self.proc.pid):
            self.proc.send_signal(signal.SIGUSR1)
            time.sleep(0.5)
        found = []
        logs = self.data_dir / "logs"
        for name, path in (("log", logs / "fokus.log"), ("thread stacks", logs / "faults.log"),
                           ("output", self.data_dir.parent / "tray-output.txt")):
            if path.exists():
                lines = path.read_text(errors="replace").splitlines()[-TAIL_LINES:]
                found.append((f"tray {name} ({path})", "\n".join(lines)))
        return found

    def icon(self) -> tuple[int, int, int, int]:
        # Exactly one: while the tray host re-embeds (a previous test's icon
        # leaving, this one arriving) it can list the same icon twice for a moment.
        icons = wait_for(lambda: (found := self.x11.tray_icons()) and len(found) == 1
                         and found, timeout=20, what="exactly one Fokus tray icon")
        assert isinstance(icons, list) and len(icons) == 1, icons
        return icons[0]

    def ready(self) -> None:
        """The tray answers on its socket (the database is loaded)."""
        from app.platform.paths import Paths

        sock = Paths(self.data_dir).socket
        wait_for(lambda: sock.exists(), what="the instance socket")

    def stop_tray(self) -> None:
        end_process(self.proc)
        wait_for(lambda: not self.x11.tray_icons(), what="the icon to leave the tray")

    def query(self, sql: str) -> tuple[object, ...]:
        conn = sqlite3.connect(self.data_dir / "fokus.sqlite3")
        try:
            row: tuple[object, ...] = conn.execute(sql).fetchone()
            conn.commit()
            return row
        finally:
            conn.close()
