"""Faults a user meets, through the real command line: a disk that is full for
real (a small tmpfs), hostile input. Each is one clear line, nothing is lost,
and no traceback reaches the terminal."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.cli import fokus_env, venv_bin


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([venv_bin("fokus"), *args], capture_output=True, text=True,
                          env=fokus_env(data, TZ="Asia/Jakarta", FOKUS_LANG="en"), timeout=120)


def fill(folder: Path) -> None:
    """Take every free byte of the file system holding ``folder``."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
            capture_output=True).returncode != 0:
        pytest.skip("needs root and tmpfs to make a small disk")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def one_clear_line(result: subprocess.CompletedProcess[str]) -> str:
    err = result.stderr.strip()
    assert "Traceback" not in err and "Logging error" not in err, err
    assert len(err.splitlines()) == 1, err
    return err


def test_an_export_to_a_full_disk_is_one_line_and_leaves_no_half_file(
        tmp_path: Path, small_disk: Path) -> None:
    data = tmp_path / "data"
    assert run(data, "demo").returncode == 0
    fill(small_disk)
    for fmt in ("pdf", "csv", "json"):
        out = small_disk / f"week.{fmt}"
        result = run(data, "export", "--week", "2026-W47", "--format", fmt, "--out", str(out))
        assert result.returncode == 1
        assert "full" in one_clear_line(result) and "nothing was saved" in result.stderr
        assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


def test_a_full_data_disk_loses_nothing_and_says_so(small_disk: Path) -> None:
    data = small_disk / "data"
    assert run(data, "project", "add", "SIASN").returncode == 0
    assert run(data, "batch", "add", "-p", "SIASN", "-t", "Review").returncode == 0
    fill(small_disk)
    results = [run(data, "project", "add", "Other " + "x" * 60),
               run(data, "batch", "add", "-p", "SIASN", "-t", "y" * 190, "--note", "z" * 1900),
               run(data, "start", "-p", "SIASN")]
    for result in results:
        if result.returncode != 0:  # SQLite may still find room in a free page
            line = one_clear_line(result)
            assert "full" in line or "busy" in line, line
    (small_disk / "filler").unlink()
    listed = run(data, "project", "list")
    assert listed.returncode == 0 and "SIASN" in listed.stdout
    assert "Review" in run(data, "batch", "list").stdout
    assert any(r.returncode != 0 for r in results)
