"""Two data directories, one shared folder, the command line as a subprocess:
``fokus sync setup`` on both, a session on one, ``fokus sync now`` on each, and
the other lists it; a wrong passphrase is one clear line and changes nothing."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from tests.helpers.cli import fokus_env, venv_bin


def test_a_session_on_one_computer_is_listed_on_the_other(tmp_path: Path) -> None:
    share = tmp_path / "Sync"
    share.mkdir()
    secret = tmp_path / "passphrase.txt"
    secret.write_text("kopi tubruk di lantai tiga\n", encoding="utf-8")

    def run(machine: str, *args: str, stdin: str | None = None
            ) -> subprocess.CompletedProcess[str]:
        return subprocess.run([venv_bin("fokus"), *args], capture_output=True, text=True,
                              env=fokus_env(tmp_path / machine), timeout=60, input=stdin)

    def data(machine: str, *args: str) -> Any:
        result = run(machine, *args, "--json")
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    office, laptop = "office", "laptop"
    done = run(office, "sync", "setup", str(share), "--passphrase-file", str(secret))
    assert done.returncode == 0, done.stderr
    assert str(share) in done.stdout
    # The laptop gives it on standard input, as a script would.
    done = run(laptop, "sync", "setup", str(share), stdin="kopi tubruk di lantai tiga\n")
    assert done.returncode == 0, done.stderr

    assert run(office, "project", "add", "SIASN").returncode == 0
    assert run(office, "start", "-p", "SIASN").returncode == 0
    assert run(office, "stop").returncode == 0
    # With no tray on the office computer, each command wrote its change out itself.
    assert data(office, "sync", "status")["pending"] == 0
    assert data(office, "sync", "now")["written"] == 0
    pulled = data(laptop, "sync", "now")
    assert pulled["files_read"] >= 1 and pulled["refused"] == []

    sessions = data(laptop, "session", "list")["sessions"]
    assert [s["project"] for s in sessions] == ["SIASN"]
    status = data(laptop, "sync", "status")
    assert status["configured"] and len(status["machines"]) == 2
    assert status["conflicts"] == []
    text = run(laptop, "sync", "status").stdout
    assert "Syncing with" in text and str(share) in text

    # A third computer with the wrong passphrase: refused, in words, nothing merged.
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("bukan ini\n", encoding="utf-8")
    refused = run("third", "sync", "setup", str(share), "--passphrase-file", str(wrong))
    assert refused.returncode == 1
    assert "passphrase does not open the sync folder" in refused.stderr
    assert data("third", "session", "list")["sessions"] == []
    assert not data("third", "sync", "status")["configured"]
    # …and in Indonesian.
    refused = subprocess.run(
        [venv_bin("fokus"), "sync", "setup", str(share), "--passphrase-file", str(wrong)],
        capture_output=True, text=True, timeout=60,
        env=fokus_env(tmp_path / "third", FOKUS_LANG="id"))
    assert refused.returncode == 1 and "frasa sandi" in refused.stderr

    # Off on the laptop: its history stays, the folder keeps its files.
    assert not data(laptop, "sync", "off")["configured"]
    assert [s["project"] for s in data(laptop, "session", "list")["sessions"]] == ["SIASN"]
    assert any((share / "fokus-sync").rglob("*.box"))
