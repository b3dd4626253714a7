"""Real faults of the file system, for tests run as root: a small tmpfs that
fills up, and a file or folder made read-only by a read-only bind mount (root
writes through chmod, so chmod alone proves nothing here)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


def need_root() -> None:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("needs root to mount a small or read-only file system")


@contextmanager
def small_disk(folder: Path, size: str = "3m") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted on ``folder``."""
    need_root()
    folder.mkdir(parents=True, exist_ok=True)
    if not _mount("-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)):
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> Path:
    """Take every free byte of the file system holding ``folder``; returns the
    file that holds them (remove it to free the disk)."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 65536)
    except OSError:
        pass
    try:
        while True:
            os.write(fd, b"\0" * 512)
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler


@contextmanager
def read_only(path: Path) -> Iterator[Path]:
    """``path`` (a file or a folder) read-only for everyone, root included."""
    need_root()
    if not (_mount("--bind", str(path), str(path))
            and _mount("-o", "remount,bind,ro", str(path), str(path))):
        subprocess.run(["umount", "-l", str(path)], check=False)
        pytest.skip("cannot make a read-only bind mount here")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)
