"""Two real trays on this machine, two data directories, one sync folder: a
session added on the office tray reaches the laptop's tray by itself (the
folder is watched) once the office has written it, and a deletion on the
laptop goes back the same way. The laptop joins the folder while its tray
runs.

Then each tray with its own copy of the folder and the test as the copying
tool: files delivered out of order, cut short mid-copy, late and twice; the
running trays refuse a cut file until it is whole, wait with what needs a
file not yet there, and end with everything once and nothing twice."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.sync.folder import ROOT
from tests.helpers.tray import Fokus
from tests.helpers.x11 import X11Session, end_process, wait_for

pytestmark = pytest.mark.x11


def _office_in(x11: X11Session, tmp_path: Path, folder: Path) -> tuple[Fokus, Fokus, Path]:
    """The two computers, and the office's sync set up in ``folder`` from the
    command line before any tray runs; the passphrase file for the laptop."""
    secret = tmp_path / "passphrase.txt"
    secret.write_text("kopi tubruk di lantai tiga\n", encoding="utf-8")
    office = Fokus(x11, tmp_path / "office" / "data")
    laptop = Fokus(x11, tmp_path / "laptop" / "data")
    for side in (office, laptop):
        side.data_dir.parent.mkdir()
    done = office.cli("sync", "setup", str(folder), "--passphrase-file", str(secret))
    assert done.returncode == 0, done.stderr
    return office, laptop, secret


@pytest.fixture
def pair(x11: X11Session, tmp_path: Path) -> Iterator[tuple[Fokus, Fokus]]:
    share = tmp_path / "Sync"
    share.mkdir()
    office, laptop, secret = _office_in(x11, tmp_path, share)
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
            end_process(side.proc)


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


@pytest.fixture
def apart(x11: X11Session, tmp_path: Path) -> Iterator[tuple[Fokus, Fokus, Path, Path]]:
    """Two running trays, each with its own copy of the folder; the test is the
    copying tool between them (Syncthing, a USB stick)."""
    office_share, laptop_share = tmp_path / "office-share", tmp_path / "laptop-share"
    office_share.mkdir()
    laptop_share.mkdir()
    office, laptop, secret = _office_in(x11, tmp_path, office_share)
    shutil.copytree(office_share / ROOT, laptop_share / ROOT)  # the first copy: salt, check
    for side in (office, laptop):
        side.start_tray()
    try:
        for side in (office, laptop):
            side.ready()
        done = laptop.cli("sync", "setup", str(laptop_share), "--passphrase-file", str(secret))
        assert done.returncode == 0, done.stderr
        yield office, laptop, office_share, laptop_share
    finally:
        for side in (office, laptop):
            end_process(side.proc)


def _machine(side: Fokus) -> str:
    return str(side.query("SELECT value FROM setting WHERE key = 'sync_machine_id'")[0]
               ).strip('"')


def _synced_at(side: Fokus) -> object:
    """When this computer's tray last synced (each sync stamps it)."""
    return side.query("SELECT seen_at FROM sync_peer WHERE machine = "
                      "(SELECT json_extract(value, '$') FROM setting "
                      "WHERE key = 'sync_machine_id')")[0]


def _change(side: Fokus, *args: str) -> None:
    """One change on ``side``, written out at once as a file of its own."""
    done = side.cli(*args)
    assert done.returncode == 0, done.stderr
    pushed = side.cli("sync", "now", "--json")
    assert pushed.returncode == 0 and json.loads(pushed.stdout)["written"] >= 1, pushed


def test_running_trays_take_files_late_twice_out_of_order_and_cut_short(
        apart: tuple[Fokus, Fokus, Path, Path]) -> None:
    office, laptop, office_share, laptop_share = apart
    day = (datetime.now().astimezone() - timedelta(days=1)).date().isoformat()
    me = _machine(office)
    made: list[Path] = []
    for args in (("project", "add", "SIASN"),
                 ("session", "add", "-p", "SIASN", "--start", f"{day} 09:00",
                  "--end", f"{day} 10:00"),
                 ("session", "edit", "1", "--end", f"{day} 10:30"),
                 ("note", "add", "-p", "SIASN", "berhenti di CutiController")):
        _change(office, *args)
        made.append(sorted((office_share / ROOT / me).glob("*.box"))[-1])
    assert len({p.name for p in made}) == 4
    inbox = laptop_share / ROOT / me
    inbox.mkdir()

    def deliver(source: Path, data: bytes | None = None) -> object:
        """Copy one file into the laptop's folder; wait for the tray to sync after it."""
        before = _synced_at(laptop)
        (inbox / source.name).write_bytes(source.read_bytes() if data is None else data)
        return wait_for(lambda: _synced_at(laptop) != before, timeout=30,
                        what=f"the laptop's tray to sync after {source.name} landed")

    def laptop_sessions() -> list[dict[str, object]]:
        return _sessions(laptop, day)

    def notes() -> int:
        return int(str(laptop.query("SELECT count(*) FROM resume_note")[0]))

    def sync_now() -> dict[str, object]:
        done = laptop.cli("sync", "now", "--json")
        assert done.returncode == 0, done.stderr
        report: dict[str, object] = json.loads(done.stdout)
        return report

    # The edit and the note arrive first, the note cut short mid-copy (written in place).
    deliver(made[2])
    whole = made[3].read_bytes()
    deliver(made[3], whole[: len(whole) // 2])
    assert laptop_sessions() == [] and notes() == 0  # the edit waits; the cut file is refused
    refused = sync_now()["refused"]
    assert isinstance(refused, list) and [made[3].name in f for f in refused] == [True]
    wait_for(lambda: json.loads(laptop.cli("sync", "status", "--json").stdout)["waiting"] >= 1,
             what="the edit to wait for its session")
    # The rest of the note's file, then the session, then the project, late.
    deliver(made[3])
    deliver(made[1])
    assert laptop_sessions() == []  # still waiting for its project
    deliver(made[0])
    wait_for(lambda: [(s["project"], s["end"][11:16]) for s in laptop_sessions()]  # type: ignore[index]
             == [("SIASN", "10:30")], timeout=30, what="the session, with its later end")
    assert notes() == 1
    # Delivered twice (a tool that copies again): nothing counts twice.
    deliver(made[1])
    deliver(made[0])
    assert len(laptop_sessions()) == 1 and notes() == 1
    assert laptop_sessions()[0]["focus_minutes"] == 90.0
    status = json.loads(laptop.cli("sync", "status", "--json").stdout)
    assert status["waiting"] == 0 and status["conflicts"] == []
    # And back: the laptop's deletion reaches the office's folder in a copy cut short first.
    deleted = laptop.cli("session", "delete", str(laptop_sessions()[0]["id"]))
    assert deleted.returncode == 0, deleted.stderr
    assert laptop.cli("sync", "now").returncode == 0
    other = _machine(laptop)
    *older, latest = sorted((laptop_share / ROOT / other).glob("*.box"))
    back = office_share / ROOT / other
    back.mkdir(exist_ok=True)
    for path in older:
        shutil.copy(path, back / path.name)
    data = latest.read_bytes()
    before = _synced_at(office)
    (back / latest.name).write_bytes(data[:20])
    wait_for(lambda: _synced_at(office) != before, timeout=30, what="the office to try")
    assert len(_sessions(office, day)) == 1
    (back / latest.name).write_bytes(data)
    wait_for(lambda: _sessions(office, day) == [], timeout=30,
             what="the laptop's deletion on the office once its file is whole")
