"""Watching mapped repositories for activity, through inotify (``watchdog``).

One watch per repository covers its working tree and its git directory; the
kernel wakes the watcher only when something is written, so an idle desktop
costs nothing. Events are sorted cheaply by path alone, never by asking git:

- ``.git/HEAD`` rewritten: a checkout;
- a branch ref (``.git/refs/heads/…``, ``packed-refs``) rewritten: a commit;
- ``.git/index`` rewritten, or a file saved in the working tree: a save.

Everything else under ``.git`` and the usual build and dependency folders
(``node_modules``, ``target``, ``build``, ``__pycache__``, …) is ignored.
Only the repository and the kind of activity leave this module: the name of
the file saved is looked at and dropped.

``on_activity`` is called in the watcher's own thread; the caller hands the
event to its own thread (the tray: a queued Qt signal) and does no I/O there."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch

from app.repos.git import git_dir

log = logging.getLogger(__name__)

# Folders whose writes are a build's or a package manager's, not the person's.
IGNORED_DIRS = frozenset({
    ".git", "node_modules", "target", "build", "dist", "out", "__pycache__", ".venv", "venv",
    ".tox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".gradle", ".idea", ".cache",
    "vendor", ".next", ".nuxt", "coverage", ".eggs",
})
# Editors' scratch files: a save ends in a real file being written or renamed.
_SCRATCH_SUFFIXES = (".swp", ".swx", ".swo", "~", ".tmp", ".lock")
# One event of a kind per repository per this many seconds: a save is often
# several writes, a commit writes the index, objects and the ref.
THROTTLE_SECONDS = 0.5


class Activity(StrEnum):
    CHECKOUT = "checkout"
    COMMIT = "commit"
    SAVE = "save"


@dataclass(frozen=True)
class RepoActivity:
    repo_id: int
    project_id: int
    kind: Activity
    monotonic: float  # when the watcher saw it


@dataclass(frozen=True)
class WatchedRepo:
    repo_id: int
    project_id: int
    path: Path


def classify(path: str, work_tree: str, gitdir: str) -> Activity | None:
    """What a write at ``path`` means, from the path alone."""
    if path.startswith(gitdir + "/") or path == gitdir:
        inner = path[len(gitdir) + 1:]
        if inner == "HEAD":
            return Activity.CHECKOUT
        if inner.startswith("refs/heads/") or inner == "packed-refs":
            return None if inner.endswith(".lock") else Activity.COMMIT
        if inner == "index":
            return Activity.SAVE
        return None
    if not path.startswith(work_tree + "/"):
        return None
    parts = path[len(work_tree) + 1:].split("/")
    if any(p in IGNORED_DIRS for p in parts[:-1]) or parts[-1] == ".git":
        return None
    name = parts[-1]
    if name.endswith(_SCRATCH_SUFFIXES) or name.startswith(".#") or name.endswith(".kate-swp"):
        return None
    return Activity.SAVE


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: RepoWatcher, repo: WatchedRepo, gitdir: Path) -> None:
        self.watcher = watcher
        self.repo = repo
        self.work_tree = str(repo.path)
        self.gitdir = str(gitdir)

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in ("modified", "created", "moved",
                                                          "closed"):
            return
        path = event.dest_path if event.event_type == "moved" else event.src_path
        kind = classify(str(path if isinstance(path, str) else path.decode()),
                        self.work_tree, self.gitdir)
        if kind is not None:
            self.watcher._seen(self.repo, kind)


class RepoWatcher:
    """Watches a set of repositories; ``watch`` replaces the set."""

    def __init__(self, on_activity: Callable[[RepoActivity], None],
                 observer_factory: Callable[[], BaseObserver] = Observer,
                 throttle_seconds: float = THROTTLE_SECONDS) -> None:
        self._on_activity = on_activity
        self._throttle = throttle_seconds
        self._factory = observer_factory
        self._observer: BaseObserver | None = None
        self._watches: dict[int, list[ObservedWatch]] = {}
        self._last: dict[tuple[int, Activity], float] = {}
        self._lock = threading.Lock()
        self.repos: dict[int, WatchedRepo] = {}

    def watch(self, repos: Iterable[WatchedRepo]) -> None:
        wanted = {r.repo_id: r for r in repos}
        if self._observer is None and wanted:
            self._observer = self._factory()
            self._observer.daemon = True
            self._observer.start()
        for repo_id in [i for i in self.repos if i not in wanted or wanted[i] != self.repos[i]]:
            self._unschedule(repo_id)
        for repo_id, repo in wanted.items():
            if repo_id not in self.repos:
                self._schedule(repo)
        if not self.repos and self._observer is not None:
            self.stop()

    def _schedule(self, repo: WatchedRepo) -> None:
        assert self._observer is not None
        gitdir = git_dir(repo.path)
        if gitdir is None:
            log.warning("mapped repository %d is not a git working tree any more", repo.repo_id)
            return
        handler = _Handler(self, repo, gitdir.resolve())
        try:
            watches = [self._observer.schedule(handler, str(repo.path), recursive=True)]
            if not gitdir.resolve().is_relative_to(repo.path):
                # A linked worktree: its HEAD, index and the shared refs live elsewhere.
                watches.append(self._observer.schedule(handler, str(gitdir), recursive=True))
        except OSError as exc:  # gone, unreadable, or out of inotify watches
            log.warning("cannot watch mapped repository %d: %s", repo.repo_id, exc)
            return
        self._watches[repo.repo_id] = watches
        self.repos[repo.repo_id] = repo

    def _unschedule(self, repo_id: int) -> None:
        self.repos.pop(repo_id, None)
        for w in self._watches.pop(repo_id, []):
            if self._observer is not None:
                with contextlib.suppress(KeyError, OSError):
                    self._observer.unschedule(w)

    def _seen(self, repo: WatchedRepo, kind: Activity) -> None:
        now = time.monotonic()
        with self._lock:
            last = self._last.get((repo.repo_id, kind))
            if last is not None and now - last < self._throttle:
                return
            self._last[(repo.repo_id, kind)] = now
        self._on_activity(RepoActivity(repo.repo_id, repo.project_id, kind, now))

    def stop(self) -> None:
        observer, self._observer = self._observer, None
        self.repos.clear()
        self._watches.clear()
        if observer is not None:
            observer.stop()
            observer.join(timeout=5)
