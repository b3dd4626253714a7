"""Switches, interruptions and the day's log from the command line, as a subprocess."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.helpers.cli import fokus_env, venv_bin


def test_command_line_switch_interrupt_and_log(tmp_path: Path) -> None:
    d = tmp_path / "data"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([venv_bin("fokus"), *args], capture_output=True, text=True,
                              env=fokus_env(d), timeout=60)

    run("project", "add", "SIASN")
    run("project", "add", "MyASN")
    assert run("start", "-p", "SIASN").returncode == 0
    assert run("interrupt", "--source", "chat", "--minutes", "5").returncode == 0
    switched = json.loads(run("switch", "--to", "MyASN", "--trigger", "meeting",
                              "--start", "--json").stdout)
    assert switched["ended_session"]["end_reason"] == "switched"
    assert switched["started"]["project"] == "MyASN"
    assert run("note", "add", "-p", "MyASN", "next: sync tests").returncode == 0
    log = json.loads(run("log", "--json").stdout)
    assert [s["project"] for s in log["sessions"]] == ["SIASN", "MyASN"]
    assert log["switches"][0]["trigger"] == "meeting" and log["switches"][0]["source"] == "cli"
    assert log["interruptions"][0]["minutes"] == 5
    assert log["estimated_minutes_lost_to_switching"] == 20
    bad = run("log", "--date", "yesterday")
    assert bad.returncode == 1 and "date" in bad.stderr
    bad = run("switch", "--to", "Nope")
    assert bad.returncode == 1 and "Nope" in bad.stderr
