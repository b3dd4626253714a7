"""The command line as a user runs it: a real process, a real database."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.helpers.cli import fokus_env, venv_bin


def fokus(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([venv_bin("fokus"), *args], capture_output=True, text=True,
                          env=fokus_env(data_dir), timeout=60)


def test_round_trip_without_the_tray(tmp_path: Path) -> None:
    d = tmp_path / "data"
    assert fokus(d, "project", "add", "SIASN", "--tech", "Java, Go").returncode == 0
    added = json.loads(fokus(d, "batch", "add", "-p", "siasn", "-t", "Refactor API",
                             "--urgency", "high", "--due", "2026-12-01", "--json").stdout)
    assert added["project"] == "SIASN" and added["urgency"] == "high"
    started = fokus(d, "start", "--project", "SIASN", "--batch", str(added["id"]),
                    "--minutes", "50")
    assert started.returncode == 0, started.stderr
    assert "SIASN" in started.stdout
    status = json.loads(fokus(d, "status", "--json").stdout)
    assert status["state"] == "focusing"
    assert status["project"] == "SIASN" and status["batch"] == "Refactor API"
    assert 49 * 60 < status["remaining_seconds"] <= 50 * 60
    assert "T" in status["started_at"] and status["started_at"][-6] in "+-"
    assert json.loads(fokus(d, "pause", "--json").stdout)["state"] == "paused"
    assert json.loads(fokus(d, "resume", "--json").stdout)["state"] == "focusing"
    stopped = json.loads(fokus(d, "stop", "--json").stdout)
    assert stopped["state"] == "abandoned"
    assert json.loads(fokus(d, "status", "--json").stdout)["state"] == "idle"
    listed = json.loads(fokus(d, "project", "list", "--json").stdout)
    assert [p["name"] for p in listed["projects"]] == ["SIASN"]
    assert fokus(d, "batch", "done", str(added["id"])).returncode == 0
    assert json.loads(fokus(d, "batch", "list", "--json").stdout) == {"batches": []}
    assert fokus(d, "project", "archive", "SIASN").returncode == 0


def test_data_dir_option_overrides_the_environment(tmp_path: Path) -> None:
    env_dir, opt_dir = tmp_path / "env", tmp_path / "opt"
    assert fokus(env_dir, "project", "add", "A", "--data-dir", str(opt_dir)).returncode == 0
    assert (opt_dir / "fokus.sqlite3").exists()
    assert not (env_dir / "fokus.sqlite3").exists()


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (("start", "--project", "Nope"), 1, "no project named"),
        (("start",), 2, "--project"),
        (("start", "-p", "A", "--minutes", "ninety"), 2, "invalid int"),
        (("start", "-p", "A", "--minutes", "0"), 1, "minutes"),
        (("bogus",), 2, "invalid choice"),
        (("batch", "add", "-p", "A", "-t", "x", "--due", "tomorrow"), 1, "due"),
        (("batch", "done", "999"), 1, "no batch"),
        (("stop",), 1, "no focus session"),
        (("project", "add", "A"), 1, "already exists"),
    ],
)
def test_wrong_input_gets_one_line_and_a_nonzero_exit(tmp_path: Path, args: tuple[str, ...],
                                                      code: int, needle: str) -> None:
    d = tmp_path / "data"
    fokus(d, "project", "add", "A")
    result = fokus(d, *args)
    assert result.returncode == code
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_a_broken_database_file_is_reported_not_replaced(tmp_path: Path) -> None:
    d = tmp_path / "data"
    d.mkdir()
    (d / "fokus.sqlite3").write_text("not a database\n" * 100)
    result = fokus(d, "status")
    assert result.returncode == 1
    assert "cannot be read" in result.stderr and "Traceback" not in result.stderr
    assert (d / "fokus.sqlite3").read_text() == "not a database\n" * 100


def test_an_unusable_data_dir_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = fokus(blocker / "data", "status")
    assert result.returncode == 1
    assert "cannot use the data directory" in result.stderr


def test_demo_fills_an_empty_data_dir_once(tmp_path: Path) -> None:
    d = tmp_path / "data"
    first = fokus(d, "demo")
    assert first.returncode == 0, first.stderr
    projects = json.loads(fokus(d, "project", "list", "--json").stdout)["projects"]
    assert {"SIASN", "MyASN", "SIMPEGNAS"} <= {p["name"] for p in projects}
    import sqlite3

    conn = sqlite3.connect(d / "fokus.sqlite3")
    sessions = conn.execute("SELECT count(*) FROM focus_session").fetchone()[0]
    assert sessions >= 30
    assert conn.execute("SELECT count(*) FROM context_switch").fetchone()[0] > 0
    assert conn.execute("SELECT count(*) FROM time_block").fetchone()[0] > 0
    again = fokus(d, "demo")
    assert again.returncode == 1
    assert conn.execute("SELECT count(*) FROM focus_session").fetchone()[0] == sessions


