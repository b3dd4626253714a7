"""What git tells Fokus stays private: with ``git_store_names`` off, a commit
message and file names from a mapped repository appear nowhere in the data
folder (the SQLite file, its WAL), the log or an export; with it on, only in
the local database, never in an export."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.platform.logs import setup_logging
from app.platform.paths import Paths
from app.reports.export import ExportOptions, build_report, to_csv, to_json
from app.repos.service import read_states
from app.repos.watcher import Activity
from app.service import FokusService
from app.store.settings import GIT_STORE_NAMES, GIT_SWITCHES
from app.week.workmodel import iso_week_of
from tests.helpers.git import commit, git, make_repo

SUBJECT = "QUOKKA-7781 rotate the payroll signing key"
COMMITTED_FILE = "platypus_payroll_keys.py"
CHANGED_FILE = "wombat_salary_table.csv"
BRANCH = "numbat-secret-branch"
SECRETS = (SUBJECT, "QUOKKA-7781", COMMITTED_FILE, CHANGED_FILE, BRANCH, "platypus", "wombat",
           "numbat")


@pytest.fixture
def logged(paths: Paths) -> Iterator[Path]:
    setup_logging(paths, level=logging.DEBUG)
    yield paths.log_dir
    root = logging.getLogger()
    for handler in list(root.handlers):
        if str(paths.log_dir) in str(getattr(handler, "baseFilename", "")):
            root.removeHandler(handler)
            handler.close()
    from app.platform import logs

    logs._configured.discard(str(paths.log_dir / "fokus.log"))


def _use_the_repository(svc: FokusService, tmp_path: Path) -> None:
    """Everything Fokus does with a repository: map it, watch-driven lag,
    switches out of and back into its project (the snapshot), a week's export."""
    repo = make_repo(tmp_path / "repo")
    git(repo, "checkout", "-q", "-b", BRANCH)
    commit(repo, SUBJECT, COMMITTED_FILE, "KEY = 1\n")
    (repo / CHANGED_FILE).write_text("name,salary\n", encoding="utf-8")
    svc.settings.set(GIT_SWITCHES, "auto")
    siasn = svc.add_project("SIASN").id or 0
    other = svc.add_project("MyASN").id or 0
    mapping = svc.repos.add(siasn, repo)
    assert mapping.id is not None
    svc.activity.switch(siasn)
    svc.clock.advance(120)  # type: ignore[attr-defined]
    svc.repos.record_activity(siasn, Activity.COMMIT)
    svc.activity.switch(other)
    svc.repos.keep_snapshots(siasn, read_states([(mapping.id, repo)]))
    svc.activity.switch(siasn)
    assert svc.repos.cues(siasn)


def _exports(svc: FokusService, out: Path) -> list[Path]:
    week = iso_week_of(svc.clock.now().date())
    report = build_report(svc.store, svc.clock, week,
                          ExportOptions(free_text=True, health=True, project_names=True))
    out.mkdir()
    (out / "week.json").write_text(to_json(report), encoding="utf-8")
    (out / "week.csv").write_text(to_csv(report), encoding="utf-8")
    return [out / "week.json", out / "week.csv"]


def _found(files: list[Path]) -> dict[str, list[str]]:
    hits: dict[str, list[str]] = {}
    for f in files:
        data = f.read_bytes()
        for secret in SECRETS:
            if secret.encode() in data:
                hits.setdefault(f.name, []).append(secret)
    return hits


def _data_files(paths: Paths) -> list[Path]:
    return [p for p in paths.data_dir.rglob("*") if p.is_file()]


def test_with_the_option_off_nothing_of_it_is_kept_anywhere(
        service: FokusService, paths: Paths, logged: Path, tmp_path: Path) -> None:
    _use_the_repository(service, tmp_path)
    exports = _exports(service, tmp_path / "exports")
    files = _data_files(paths) + [p for p in logged.rglob("*") if p.is_file()] + exports
    assert any(f.name.endswith("-wal") for f in files)  # the WAL is looked at too
    assert any(f.suffix == ".log" for f in files)
    assert _found(files) == {}
    [cue] = service.repos.cues(service.project("SIASN").id or 0)
    assert cue.changed_count == 1  # the count, no names


def test_with_the_option_on_only_the_local_database_has_it(
        service: FokusService, paths: Paths, logged: Path, tmp_path: Path) -> None:
    service.settings.set(GIT_STORE_NAMES, True)
    _use_the_repository(service, tmp_path)
    exports = _exports(service, tmp_path / "exports")
    database = [paths.database, paths.database.with_name(paths.database.name + "-wal")]
    in_database = " ".join(s for f in database if f.exists()
                           for s in SECRETS if s.encode() in f.read_bytes())
    assert SUBJECT in in_database and CHANGED_FILE in in_database and BRANCH in in_database
    elsewhere = [f for f in _data_files(paths) if f not in database and
                 not f.name.endswith("-shm")] + [p for p in logged.rglob("*") if p.is_file()]
    assert _found(elsewhere) == {}
    assert _found(exports) == {}
