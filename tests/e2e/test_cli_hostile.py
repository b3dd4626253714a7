"""Hostile command lines as real processes: a clear error and a non-zero exit,
never a traceback, a hang or exit 70 (the in-process fuzz is tests/unit/test_cli_fuzz.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HOSTILE_ARGV = [
    ["project", "add", "--", "a\x1b]0;pwned\x07b"],
    ["start", "-p", "SIASN", "-m", "99999999999999999999999"],
    ["block", "add", "-p", "SIASN", "--start", "9999-12-31 23:59", "--minutes", "0"],
    ["import-ics", "/dev/zero"],
    ["team-report", "/dev/zero", "/dev/null", "--out", "x.pdf"],
    ["config", "set", "focus_minutes", "1e309"],
    ["log", "--date", "2026-13-45"],
]


@pytest.mark.parametrize("args", HOSTILE_ARGV)
def test_hostile_command_lines_as_real_processes(tmp_path: Path, args: list[str]) -> None:
    env = dict(os.environ, FOKUS_DATA_DIR=str(tmp_path / "data"), FOKUS_LANG="en")
    fokus = [sys.executable, "-m", "app.cli.main"]
    subprocess.run([*fokus, "project", "add", "SIASN"], env=env, cwd=tmp_path, timeout=60,
                   check=True, capture_output=True)
    result = subprocess.run([*fokus, *args], env=env, cwd=tmp_path, capture_output=True,
                            text=True, timeout=30)
    assert result.returncode in (1, 2, 3), (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and "unexpected error" not in result.stderr
    assert result.stderr.strip()
