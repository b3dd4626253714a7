"""Editing the past from the command line, as a subprocess: fokus session
list|add|edit|delete and fokus undo, with --json, and the record each edit leaves."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tests.helpers.cli import fokus_env, venv_bin


def test_session_list_add_edit_delete_and_undo(tmp_path: Path) -> None:
    d = tmp_path / "data"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([venv_bin("fokus"), *args], capture_output=True, text=True,
                              env=fokus_env(d), timeout=60)

    def data(*args: str) -> Any:
        result = run(*args, "--json")
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    day = (date.today() - timedelta(days=1)).isoformat()
    assert run("project", "add", "SIASN").returncode == 0
    assert run("project", "add", "MyASN").returncode == 0
    assert run("batch", "add", "-p", "MyASN", "-t", "Sprint board").returncode == 0

    first = data("session", "add", "-p", "SIASN", "--start", f"{day} 09:00",
                 "--end", f"{day} 10:30")["session"]
    assert (first["focus_minutes"], first["mark"], first["state"]) == (90.0, "added", "finished")
    second = data("session", "add", "-p", "SIASN", "--start", f"{day}T13:00",
                  "--end", f"{day}T14:00")["session"]

    # An overlap is refused, naming the session in the way.
    clash = run("session", "add", "-p", "MyASN", "--start", f"{day} 10:00",
                "--end", f"{day} 11:00")
    assert clash.returncode == 1
    assert f"#{first['id']}" in clash.stderr and "SIASN" in clash.stderr

    moved = data("session", "edit", str(second["id"]), "--start", f"{day} 13:30",
                 "-p", "MyASN", "-b", "1")["session"]
    assert (moved["project"], moved["batch"], moved["focus_minutes"]) == (
        "MyASN", "Sprint board", 30.0)

    listed = data("session", "list", "--date", day)["sessions"]
    assert [(s["id"], s["project"], s["mark"]) for s in listed] == [
        (first["id"], "SIASN", "added"), (second["id"], "MyASN", "added")]
    text = run("session", "list", "--date", day).stdout
    assert f"#{first['id']}" in text and "added by hand" in text

    deleted = data("session", "delete", str(first["id"]))
    assert deleted == {"action": "delete", "entity": "focus_session", "id": first["id"],
                       "rows": 1}
    assert len(data("session", "list", "--date", day)["sessions"]) == 1

    # Undo, several levels: the deletion, then the edit.
    assert data("undo")["action"] == "delete"
    assert [s["id"] for s in data("session", "list", "--date", day)["sessions"]] == [
        first["id"], second["id"]]
    assert data("undo")["id"] == second["id"]
    back = data("session", "list", "--date", day)["sessions"][1]
    assert (back["project"], back["start"][11:16]) == ("SIASN", "13:00")
    assert "Undone" in run("undo").stdout
    assert "Undone" in run("undo").stdout
    nothing = run("undo")
    assert nothing.returncode == 1 and "no edit to undo" in nothing.stderr
    assert data("session", "list", "--date", day)["sessions"] == []

    # Every edit left a record: who, on which machine, before and after.
    conn = sqlite3.connect(d / "fokus.sqlite3")
    rows = conn.execute("SELECT user, machine, entity, action, before, after, undone "
                        "FROM edit_record ORDER BY id").fetchall()
    conn.close()
    assert [r[3] for r in rows] == ["add", "add", "edit", "delete"]
    assert all(r[0] and r[1] and r[2] == "focus_session" and r[6] == 1 for r in rows)
    assert json.loads(rows[3][4])["id"] == first["id"] and rows[3][5] is None

    bad = run("session", "edit", "999", "--end", "10:00")
    assert bad.returncode == 1 and "999" in bad.stderr
    bad = run("session", "add", "-p", "SIASN", "--start", "soon", "--end", "later")
    assert bad.returncode == 1 and "start" in bad.stderr
