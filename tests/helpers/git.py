"""Real git repositories for tests: made in a temporary folder, changed with
real ``git checkout``, ``git commit`` and file writes."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

_ENV = {
    "GIT_AUTHOR_NAME": "Sari", "GIT_AUTHOR_EMAIL": "sari@example.test",
    "GIT_COMMITTER_NAME": "Sari", "GIT_COMMITTER_EMAIL": "sari@example.test",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True, env={**os.environ, **_ENV}, timeout=30)
    return done.stdout


def make_repo(path: Path, branch: str = "main") -> Path:
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q", "-b", branch)
    (path / "README.md").write_text("# repo\n", encoding="utf-8")
    git(path, "add", "README.md")
    git(path, "commit", "-q", "-m", "First commit")
    return path.resolve()


def commit(repo: Path, message: str, name: str = "change.txt", text: str = "x\n") -> None:
    (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", name)
    git(repo, "commit", "-q", "-m", message)
