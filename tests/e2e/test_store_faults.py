"""The command line as a real process against a store it cannot always use:
a read-only database (a read-only bind mount: root writes through chmod), and
twenty commands at once with no tray to serialise them."""

from __future__ import annotations

import json
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.helpers.cli import fokus_env, venv_bin
from tests.helpers.mounts import read_only, small_disk

READ_ONLY_LINE = "is read-only: Fokus can show what it holds but saves nothing"


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([venv_bin("fokus"), *args], capture_output=True, text=True,
                          env=fokus_env(data, TZ="Asia/Jakarta", FOKUS_LANG="en"), timeout=120)


def clean(result: subprocess.CompletedProcess[str]) -> str:
    err = result.stderr.strip()
    assert "Traceback" not in err and "Logging error" not in err and "unexpected" not in err, err
    return err


def _reads_work_and_writes_say_why(data: Path) -> None:
    status = run(data, "status")
    assert status.returncode == 0 and "SIASN" in status.stdout
    assert clean(status).count("\n") == 0 and READ_ONLY_LINE in status.stderr
    listed = run(data, "project", "list")
    assert listed.returncode == 0 and "SIASN" in listed.stdout
    for write in (["interrupt"], ["stop"], ["project", "add", "MyASN"]):
        refused = run(data, *write)
        assert refused.returncode == 1, refused
        assert READ_ONLY_LINE in clean(refused) and len(refused.stderr.splitlines()) == 1


def test_a_read_only_database_file_is_read_and_never_locks_the_user_out(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run(data, "project", "add", "SIASN").returncode == 0
    assert run(data, "start", "-p", "SIASN").returncode == 0
    database = data / "fokus.sqlite3"
    with read_only(database):
        _reads_work_and_writes_say_why(data)
    # Writable again: nothing left behind blocks writing (no 0400 -shm).
    for side in data.glob("fokus.sqlite3-*"):
        assert side.stat().st_mode & 0o600 == 0o600, side
    assert run(data, "interrupt").returncode == 0
    assert run(data, "stop").returncode == 0


def test_a_read_only_data_folder_is_read_too(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        data = disk / "data"
        assert run(data, "project", "add", "SIASN").returncode == 0
        assert run(data, "start", "-p", "SIASN").returncode == 0
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        _reads_work_and_writes_say_why(data)


def test_twenty_commands_at_once_without_a_tray_all_get_a_clear_answer(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run(data, "project", "add", "SIASN").returncode == 0
    commands = [["start", "-p", "SIASN"], ["status"], ["interrupt"]] * 7
    commands = commands[:20]
    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(lambda args: run(data, *args), commands))
    refusal = "a focus session is already running"
    for args, result in zip(commands, results, strict=True):
        err = clean(result)
        assert "database is locked" not in err and "does not answer" not in err, err
        if result.returncode != 0:
            assert args[0] == "start" and refusal in err, (args, err)
    starts = [r for a, r in zip(commands, results, strict=True) if a[0] == "start"]
    assert sum(r.returncode == 0 for r in starts) == 1  # one session, the rest refused clearly
    assert all(r.returncode == 0 for a, r in zip(commands, results, strict=True)
               if a[0] != "start")
    log = run(data, "log", "--json")
    assert log.returncode == 0
    day = json.loads(log.stdout)
    assert len(day["interruptions"]) == sum(a[0] == "interrupt" for a in commands)
