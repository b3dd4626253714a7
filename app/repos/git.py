"""Reading a working tree's state with ``git``: the branch, the last commit's
subject and the files changed but not committed. Each call has a timeout and
takes no lock (``--no-optional-locks``), so reading never writes the index and
never looks like activity to the watcher."""

from __future__ import annotations

import logging
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)
GIT_TIMEOUT_SECONDS = 3.0
MAX_FILES = 50  # a card lists a few; thousands of generated files are not a cue


@dataclass(frozen=True)
class GitState:
    branch: str | None  # None on a detached HEAD
    last_subject: str | None  # None before the first commit
    changed: tuple[str, ...] = field(default_factory=tuple)  # up to MAX_FILES
    changed_count: int = 0


def git_dir(work_tree: Path) -> Path | None:
    """The repository's git directory: ``.git`` itself, or where a ``.git`` file
    points (a linked worktree or a submodule)."""
    dot = work_tree / ".git"
    if dot.is_dir():
        return dot
    if dot.is_file():
        try:
            text = dot.read_text(encoding="utf-8").strip()
        except OSError:
            return None
        if text.startswith("gitdir:"):
            target = Path(text.split(":", 1)[1].strip())
            return target if target.is_absolute() else (work_tree / target).resolve()
    return None


def is_work_tree(path: Path) -> bool:
    return git_dir(path) is not None


def _git(work_tree: Path, *args: str) -> str | None:
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0"}
    try:
        done = subprocess.run(["git", "--no-optional-locks", "-C", str(work_tree), *args],
                              capture_output=True, timeout=GIT_TIMEOUT_SECONDS, env=env,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.warning("git in a mapped repository did not answer: %s", type(exc).__name__)
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", errors="replace")


def current_branch(work_tree: Path) -> str | None:
    out = _git(work_tree, "symbolic-ref", "--quiet", "--short", "HEAD")
    return (out.strip() or None) if out is not None else None


def read_state(work_tree: Path) -> GitState | None:
    """The working tree's state now, or None when git cannot read it."""
    if not is_work_tree(work_tree):
        return None
    status = _git(work_tree, "status", "--porcelain=v1", "-z", "--untracked-files=normal")
    if status is None:
        return None
    changed: list[str] = []
    entries = status.split("\0")
    i = 0
    while i < len(entries):
        entry = entries[i]
        i += 1
        if len(entry) < 4:
            continue
        changed.append(entry[3:])
        if entry[0] in "RC":  # a rename's source follows it
            i += 1
    subject = _git(work_tree, "log", "-1", "--format=%s")
    return GitState(branch=current_branch(work_tree),
                    last_subject=(subject.strip() or None) if subject is not None else None,
                    changed=tuple(changed[:MAX_FILES]), changed_count=len(changed))
