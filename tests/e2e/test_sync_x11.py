"""Two real trays on this machine, two data directories, one sync folder: a
session added on the office tray reaches the laptop's tray by itself (the
folder is watched) once the office has written it, and a deletion on the
laptop goes back the same way. The laptop joins the folder while its tray
runs."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.helpers.tray import Fokus
from tests.helpers.x11 import X11Session, wait_for

pytestmark = pytest.mark.x11


@pytest.fixture
def pair(x11: X11Session, tmp_path: Path) -> Iterator[tuple[Fokus, Fokus]]:
    share = tmp_path / "Sync"
    share.mkdir()
    secret = tmp_path / "passphrase.txt"
    secret.write_text("kopi tubruk di lantai tiga\n", encoding="utf-8")
    office = Fokus(x11, tmp_path / "office" / "data")
    laptop = Fokus(x11, tmp_path / "laptop" / "data")
    for side in (office, laptop):
        side.data_dir.parent.mkdir()
    done = office.cli("sync", "setup", str(share), "--passphrase-file", str(secret))
    assert done.returncode == 0, done.stderr
    try:
        for side in (office, laptop):
            side.start_tray()
        for side in (office, laptop):
            side.ready()
        # The laptop joins while its tray runs: the tray starts watching at once.
        done = laptop.cli("sync", "setup", str(share), "--passphrase-file", str(secret))
        assert done.returncode == 0, done.stderr
        yield office, laptop
    finally:
        for side in (office, laptop):
            if side.proc is not None and side.proc.poll() is None:
                side.proc.terminate()
                try:
                    side.proc.wait(10)
                except subprocess.TimeoutExpired:
                    side.proc.kill()
                    side.proc.wait()


def _sessions(side: Fokus, day: str) -> list[dict[str, object]]:
    listed = side.cli("session", "list", "--date", day, "--json")
    assert listed.returncode == 0, listed.stderr
    rows: list[dict[str, object]] = json.loads(listed.stdout)["sessions"]
    return rows


def test_a_session_travels_between_two_running_trays(pair: tuple[Fokus, Fokus]) -> None:
    office, laptop = pair
    day = (datetime.now().astimezone() - timedelta(days=1)).date().isoformat()
    assert office.cli("project", "add", "SIASN").returncode == 0
    added = office.cli("session", "add", "-p", "SIASN", "--start", f"{day} 09:00",
                       "--end", f"{day} 10:30")
    assert added.returncode == 0, added.stderr
    pushed = office.cli("sync", "now", "--json")  # through the office tray
    assert pushed.returncode == 0, pushed.stderr
    assert json.loads(pushed.stdout)["written"] >= 2
    # No command on the laptop: its tray sees the file land and merges it.
    wait_for(lambda: [s["project"] for s in _sessions(laptop, day)] == ["SIASN"],
             timeout=30, what="the office's session on the laptop")
    (row,) = _sessions(laptop, day)
    assert row["focus_minutes"] == 90.0
    deleted = laptop.cli("session", "delete", str(row["id"]))
    assert deleted.returncode == 0, deleted.stderr
    assert laptop.cli("sync", "now").returncode == 0
    wait_for(lambda: _sessions(office, day) == [], timeout=30,
             what="the laptop's deletion on the office")
    status = json.loads(office.cli("sync", "status", "--json").stdout)
    assert len(status["machines"]) == 2 and status["conflicts"] == []
