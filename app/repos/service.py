"""Repositories mapped to projects, the snapshots kept on leaving a project,
and the measured resumption lags.

Every write happens here, in the caller's (the tray's GUI) thread; git is read
elsewhere (``read_states``, in a worker) and the result handed in."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import col, select

from app.clock import Clock, as_utc
from app.errors import ErrorCode, FokusError
from app.repos.git import GitState, current_branch, is_work_tree, read_state
from app.repos.lag import MAX_LAG_SECONDS, WINDOW, MeasuredLag, measured_lag
from app.repos.watcher import Activity, WatchedRepo
from app.store.engine import Store
from app.store.models import (
    ContextSwitch,
    Project,
    ProjectBatch,
    RepoMapping,
    RepoSnapshot,
    ResumptionLag,
)
from app.store.settings import GIT_STORE_NAMES, Settings

MAX_PATTERN = 200


@dataclass(frozen=True)
class RepoCue:
    """What the where-you-stopped card shows of one repository."""

    path: str
    taken_at: datetime
    changed_count: int
    branch: str | None
    last_subject: str | None
    changed_files: tuple[str, ...]


def normalise(path: str | Path) -> Path:
    return Path(path).expanduser().resolve()


def read_states(repos: Iterable[tuple[int, Path]]) -> dict[int, GitState | None]:
    """Each repository's state, read with git (slow: call it off the GUI thread)."""
    return {repo_id: read_state(path) for repo_id, path in repos}


class RepoService:
    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock

    # -- the mapping -----------------------------------------------------------------

    def add(self, project_id: int, path: str | Path, branch_pattern: str = "",
            batch_id: int | None = None) -> RepoMapping:
        where = normalise(path)
        if not is_work_tree(where):
            raise FokusError(ErrorCode.INVALID_VALUE, field="repository", value=str(where))
        pattern = (branch_pattern or "").strip()
        if len(pattern) > MAX_PATTERN:
            raise FokusError(ErrorCode.INVALID_VALUE, field="branch pattern",
                             value=pattern[:20] + "…")
        if pattern:
            try:
                re.compile(pattern)
            except re.error:
                raise FokusError(ErrorCode.INVALID_VALUE, field="branch pattern",
                                 value=pattern) from None
        if batch_id is not None and not pattern:
            raise FokusError(ErrorCode.INVALID_VALUE, field="branch pattern", value="")
        with self.store.transaction() as s:
            if s.get(Project, project_id) is None:
                raise FokusError(ErrorCode.UNKNOWN_PROJECT, project=project_id)
            if batch_id is not None:
                batch = s.get(ProjectBatch, batch_id)
                if batch is None:
                    raise FokusError(ErrorCode.UNKNOWN_BATCH, batch=batch_id)
                if batch.project_id != project_id:
                    raise FokusError(ErrorCode.BATCH_NOT_IN_PROJECT, batch=batch.title,
                                     project=project_id)
            existing = s.exec(select(RepoMapping).where(RepoMapping.path == str(where))).first()
            if existing is not None:
                if existing.project_id != project_id:
                    raise FokusError(ErrorCode.INVALID_VALUE, field="repository",
                                     value=str(where))
                existing.branch_pattern, existing.batch_id = pattern, batch_id
                s.add(existing)
                s.flush()
                return existing
            row = RepoMapping(project_id=project_id, path=str(where), branch_pattern=pattern,
                              batch_id=batch_id, added_at=self.clock.now())
            s.add(row)
            s.flush()
            return row

    def remove(self, project_id: int, path: str | Path) -> RepoMapping:
        where = str(normalise(path))
        with self.store.transaction() as s:
            row = s.exec(select(RepoMapping).where(RepoMapping.project_id == project_id,
                                                   RepoMapping.path.in_(  # type: ignore[attr-defined]
                                                       [where, str(path)]))).first()
            if row is None:
                raise FokusError(ErrorCode.INVALID_VALUE, field="repository", value=str(path))
            for snap in s.exec(select(RepoSnapshot).where(RepoSnapshot.repo_id == row.id)):
                s.delete(snap)
            s.delete(row)
            return row

    def mappings(self, project_id: int | None = None) -> list[RepoMapping]:
        with self.store.transaction() as s:
            query = select(RepoMapping).order_by(col(RepoMapping.project_id),
                                                 col(RepoMapping.path))
            if project_id is not None:
                query = query.where(RepoMapping.project_id == project_id)
            return list(s.exec(query))

    def watched(self) -> list[WatchedRepo]:
        """The repositories of the projects not archived, to watch."""
        with self.store.transaction() as s:
            rows = s.exec(select(RepoMapping, Project).where(
                RepoMapping.project_id == Project.id, col(Project.archived_at).is_(None)))
            return [WatchedRepo(m.id, m.project_id, Path(m.path))
                    for m, _p in rows if m.id is not None]

    def batch_for(self, project_id: int) -> int | None:
        """The batch whose branch pattern the checked-out branch matches (reads git)."""
        for m in self.mappings(project_id):
            if m.batch_id is None or not m.branch_pattern:
                continue
            branch = current_branch(Path(m.path))
            if branch and re.search(m.branch_pattern, branch):
                return m.batch_id
        return None

    # -- where it stood on leaving -------------------------------------------------------

    def keep_snapshots(self, project_id: int, states: dict[int, GitState | None]) -> int:
        """Store the states read on leaving ``project_id``; the names only when
        the person turned ``git_store_names`` on. Returns how many were kept."""
        names = Settings(self.store).get(GIT_STORE_NAMES)
        now = self.clock.now()
        kept = 0
        with self.store.transaction() as s:
            for repo_id, state in states.items():
                mapping = s.get(RepoMapping, repo_id)
                if state is None or mapping is None or mapping.project_id != project_id:
                    continue
                s.add(RepoSnapshot(
                    project_id=project_id, repo_id=repo_id, taken_at=now,
                    changed_count=state.changed_count,
                    branch=state.branch if names else None,
                    last_subject=state.last_subject if names else None,
                    changed_files=json.dumps(list(state.changed), ensure_ascii=False)
                    if names else None))
                kept += 1
        return kept

    def cues(self, project_id: int) -> list[RepoCue]:
        """The latest snapshot of each of the project's repositories."""
        with self.store.transaction() as s:
            rows = s.exec(select(RepoSnapshot, RepoMapping).where(
                RepoSnapshot.project_id == project_id, RepoSnapshot.repo_id == RepoMapping.id)
                .order_by(col(RepoSnapshot.taken_at).desc(), col(RepoSnapshot.id).desc()))
            latest: dict[int, RepoCue] = {}
            for snap, mapping in rows:
                if snap.repo_id in latest:
                    continue
                files = tuple(json.loads(snap.changed_files)) if snap.changed_files else ()
                latest[snap.repo_id] = RepoCue(mapping.path, as_utc(snap.taken_at),
                                               snap.changed_count, snap.branch,
                                               snap.last_subject, files)
        return list(latest.values())

    # -- the measured lag ------------------------------------------------------------------

    def record_activity(self, project_id: int, kind: Activity | str,
                        at: datetime | None = None) -> ResumptionLag | None:
        """A save or commit in a repository of ``project_id``: if it is the first
        since the latest switch, and that switch was into this project, it
        measures a resumption."""
        if Activity(kind) not in (Activity.SAVE, Activity.COMMIT):
            return None
        at = at or self.clock.now()
        with self.store.transaction() as s:
            switch = s.exec(select(ContextSwitch).where(col(ContextSwitch.at) <= at)
                            .order_by(col(ContextSwitch.at).desc(),
                                      col(ContextSwitch.id).desc())).first()
            if switch is None or switch.to_project_id != project_id or switch.id is None:
                return None
            if s.exec(select(ResumptionLag).where(
                    ResumptionLag.switch_id == switch.id)).first() is not None:
                return None
            switched = as_utc(switch.at)
            seconds = (at - switched).total_seconds()
            if not 0 <= seconds <= MAX_LAG_SECONDS:
                return None
            row = ResumptionLag(switch_id=switch.id, project_id=project_id,
                                switched_at=switched, first_edit_at=at,
                                utc_offset_min=self.clock.utc_offset_minutes(at),
                                seconds=round(seconds, 1), kind=str(Activity(kind)))
            s.add(row)
            s.flush()
            return row

    def lags(self, limit: int = WINDOW) -> list[float]:
        with self.store.transaction() as s:
            return [r.seconds for r in s.exec(select(ResumptionLag).order_by(
                col(ResumptionLag.switched_at).desc()).limit(limit))]

    def measured(self, until: datetime | None = None) -> MeasuredLag | None:
        """The person's median lag, from the most recent measurements before ``until``."""
        with self.store.transaction() as s:
            query = select(ResumptionLag.seconds)
            if until is not None:
                query = query.where(col(ResumptionLag.switched_at) < until)
            rows = s.exec(query.order_by(col(ResumptionLag.switched_at).desc()).limit(WINDOW))
            return measured_lag(list(rows))


__all__ = ["RepoCue", "RepoService", "normalise", "read_states"]
