"""Repositories as projects, with real git: the mapping, reading a working
tree's state, the watcher seeing real checkouts, commits and saves, the dwell
rule, the card's snapshot, and the resumption lag measured from real events
under a controlled clock."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli.commands import execute
from app.clock import FakeClock
from app.errors import FokusError
from app.reports.export import build_report, validate
from app.reports.metrics import Metrics, resumption_estimate
from app.repos.detect import GitSwitchDetector
from app.repos.git import read_state
from app.repos.lag import MIN_MEASUREMENTS, measured_lag
from app.repos.service import read_states
from app.repos.watcher import Activity, RepoActivity, RepoWatcher, classify
from app.service import FokusService
from app.store.settings import GIT_STORE_NAMES, RESUMPTION_BUFFER_MINUTES
from app.week.workmodel import iso_week_of
from tests.helpers.git import commit, git, make_repo

DETECTION_SECONDS = 2.0


class Seen:
    """The watcher's events, gathered from its thread."""

    def __init__(self) -> None:
        self.events: list[RepoActivity] = []
        self._cond = threading.Condition()

    def __call__(self, event: RepoActivity) -> None:
        with self._cond:
            self.events.append(event)
            self._cond.notify_all()

    def wait_for(self, kind: Activity, timeout: float = DETECTION_SECONDS) -> RepoActivity:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for e in self.events:
                    if e.kind == kind:
                        return e
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no {kind} within {timeout} s: {self.events}")
                self._cond.wait(left)

    def clear(self) -> None:
        with self._cond:
            self.events.clear()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "siasn")


@pytest.fixture
def svc(service: FokusService) -> FokusService:
    service.add_project("SIASN")
    service.add_project("MyASN")
    return service


@pytest.fixture
def watching(svc: FokusService, repo: Path) -> Iterator[tuple[RepoWatcher, Seen]]:
    svc.repos.add(svc.project("SIASN").id or 0, repo)
    seen = Seen()
    watcher = RepoWatcher(seen, throttle_seconds=0)
    watcher.watch(svc.repos.watched())
    yield watcher, seen
    watcher.stop()


def test_the_command_line_maps_lists_and_removes_a_repository(svc: FokusService,
                                                              repo: Path) -> None:
    svc.add_batch("SIASN", "Mapper")
    added = execute(svc, "project.repo", {"what": "add", "project": "SIASN", "path": str(repo),
                                          "branch_pattern": r"SIASN-\d+", "batch": 1})
    assert added["path"] == str(repo) and added["batch"] == 1
    listed = execute(svc, "project.repo", {"what": "list", "project": None})
    assert [r["project"] for r in listed["repositories"]] == ["SIASN"]
    execute(svc, "project.repo", {"what": "remove", "project": "SIASN", "path": str(repo)})
    assert execute(svc, "project.repo", {"what": "list"})["repositories"] == []


def test_a_folder_that_is_not_a_repository_or_a_bad_pattern_is_refused(
        svc: FokusService, tmp_path: Path, repo: Path) -> None:
    project = svc.project("SIASN").id or 0
    with pytest.raises(FokusError):
        svc.repos.add(project, tmp_path)
    with pytest.raises(FokusError):
        svc.repos.add(project, repo, branch_pattern="SIASN-(")
    svc.repos.add(project, repo)
    with pytest.raises(FokusError):  # one repository, one project
        svc.repos.add(svc.project("MyASN").id or 0, repo)


def test_a_branch_pattern_names_the_batch(svc: FokusService, repo: Path) -> None:
    batch = svc.add_batch("SIASN", "Mapper")
    project = svc.project("SIASN").id or 0
    svc.repos.add(project, repo, branch_pattern=r"SIASN-\d+", batch_id=batch.id)
    assert svc.repos.batch_for(project) is None
    git(repo, "checkout", "-q", "-b", "feature/SIASN-142-mapper")
    assert svc.repos.batch_for(project) == batch.id


def test_reading_a_working_tree(repo: Path) -> None:
    commit(repo, "Mapper handles empty NIP")
    (repo / "mapper.py").write_text("pass\n", encoding="utf-8")
    (repo / "README.md").write_text("changed\n", encoding="utf-8")
    state = read_state(repo)
    assert state is not None
    assert state.branch == "main" and state.last_subject == "Mapper handles empty NIP"
    assert sorted(state.changed) == ["README.md", "mapper.py"] and state.changed_count == 2
    git(repo, "checkout", "-q", "--detach")
    assert read_state(repo).branch is None  # type: ignore[union-attr]


def test_paths_are_sorted_cheaply() -> None:
    tree, gitdir = "/r", "/r/.git"
    assert classify("/r/.git/HEAD", tree, gitdir) == Activity.CHECKOUT
    assert classify("/r/.git/refs/heads/main", tree, gitdir) == Activity.COMMIT
    assert classify("/r/.git/index", tree, gitdir) == Activity.SAVE
    assert classify("/r/src/a.py", tree, gitdir) == Activity.SAVE
    for ignored in ("/r/.git/objects/ab/cd", "/r/.git/logs/HEAD", "/r/.git/index.lock",
                    "/r/node_modules/x/y.js", "/r/target/a.class", "/r/src/.a.py.swp",
                    "/r/src/a.py~", "/r/.git/refs/heads/main.lock", "/elsewhere/a.py"):
        assert classify(ignored, tree, gitdir) is None, ignored


def test_the_watcher_sees_a_save_a_commit_and_a_checkout_within_two_seconds(
        watching: tuple[RepoWatcher, Seen], repo: Path) -> None:
    _watcher, seen = watching
    (repo / "mapper.py").write_text("print('x')\n", encoding="utf-8")
    assert seen.wait_for(Activity.SAVE).project_id == 1
    seen.clear()
    commit(repo, "Add the mapper", "mapper.py", "print('y')\n")
    seen.wait_for(Activity.COMMIT)
    seen.clear()
    git(repo, "checkout", "-q", "-b", "SIASN-7")
    seen.wait_for(Activity.CHECKOUT)


def test_the_watcher_ignores_build_folders_and_its_own_git_reads(
        watching: tuple[RepoWatcher, Seen], repo: Path, svc: FokusService) -> None:
    _watcher, seen = watching
    (repo / "node_modules" / "x").mkdir(parents=True)
    (repo / "node_modules" / "x" / "a.js").write_text("1", encoding="utf-8")
    (repo / "build").mkdir()
    (repo / "build" / "out.o").write_bytes(b"\0")
    read_states([(1, repo)])  # Fokus's own git reads write nothing
    # A real save after them: inotify reports in order, so an event of the
    # ignored writes would come before it.
    real = time.monotonic()
    (repo / "real.py").write_text("1", encoding="utf-8")
    seen.wait_for(Activity.SAVE)
    assert all(e.monotonic >= real for e in seen.events), seen.events


def test_a_commit_or_checkout_counts_at_once_and_a_save_after_the_dwell() -> None:
    d = GitSwitchDetector(dwell_seconds=60)
    assert d.observe(0, 2, Activity.COMMIT, current=1) == 2
    assert d.observe(0, 2, Activity.CHECKOUT, current=1) == 2
    assert d.observe(0, 2, Activity.SAVE, current=1) is None  # a glance
    assert d.due() == 60
    assert d.check(30, current=1) is None
    assert d.check(60, current=1) == 2
    # Work on the current project in between: the glance was only a glance.
    assert d.observe(100, 2, Activity.SAVE, current=1) is None
    assert d.observe(110, 1, Activity.SAVE, current=1) is None
    assert d.check(200, current=1) is None and d.due() is None
    assert d.observe(300, 1, Activity.COMMIT, current=1) is None  # the current project


def _leave_and_snapshot(svc: FokusService, repo: Path) -> None:
    svc.activity.switch(svc.project("SIASN").id or 0)
    svc.activity.switch(svc.project("MyASN").id or 0)
    mapping = svc.repos.mappings(svc.project("SIASN").id)[0]
    assert mapping.id is not None
    svc.repos.keep_snapshots(mapping.project_id, read_states([(mapping.id, repo)]))


def test_the_card_keeps_only_a_count_unless_names_are_turned_on(svc: FokusService,
                                                                 repo: Path) -> None:
    svc.repos.add(svc.project("SIASN").id or 0, repo)
    commit(repo, "Mapper handles empty NIP")
    (repo / "mapper.py").write_text("pass\n", encoding="utf-8")
    _leave_and_snapshot(svc, repo)
    [cue] = svc.repos.cues(svc.project("SIASN").id or 0)
    assert (cue.changed_count, cue.branch, cue.last_subject, cue.changed_files) == \
        (1, None, None, ())
    svc.settings.set(GIT_STORE_NAMES, True)
    _leave_and_snapshot(svc, repo)
    [cue] = svc.repos.cues(svc.project("SIASN").id or 0)
    assert (cue.branch, cue.last_subject, cue.changed_files) == \
        ("main", "Mapper handles empty NIP", ("mapper.py",))


def test_the_lag_is_measured_from_real_events_under_a_controlled_clock(
        svc: FokusService, clock: FakeClock, watching: tuple[RepoWatcher, Seen],
        repo: Path) -> None:
    _watcher, seen = watching
    siasn, myasn = svc.project("SIASN").id or 0, svc.project("MyASN").id or 0
    lags = [4, 6, 9, 5, 12, 7, 8, 3, 10, 6]  # minutes
    assert resumption_estimate(svc.store).measured is None
    for i, minutes in enumerate(lags):
        svc.activity.switch(myasn)
        clock.advance(600)
        svc.activity.switch(siasn)
        clock.advance(minutes * 60)
        seen.clear()
        (repo / "mapper.py").write_text(f"v{i}\n", encoding="utf-8")
        event = seen.wait_for(Activity.SAVE)
        lag = svc.repos.record_activity(event.project_id, event.kind)
        assert lag is not None and lag.seconds == minutes * 60
        clock.advance(60)
        # Only the first save after the switch measures it.
        assert svc.repos.record_activity(event.project_id, Activity.SAVE) is None
    estimate = resumption_estimate(svc.store)
    assert estimate.measured is not None and estimate.measured.n == MIN_MEASUREMENTS
    assert (estimate.minutes, estimate.measured.min_minutes,
            estimate.measured.max_minutes) == (6.5, 3.0, 12.0)
    day = svc.activity.day_log()
    assert day["resumption_measured"]["median_minutes"] == 6.5
    assert day["estimated_minutes_lost_to_switching"] == round(len(day["switches"]) * 6.5)
    week = Metrics(svc.store, clock).week(iso_week_of(clock.now().date()))
    assert week.resumption_measured == estimate.measured
    assert week.estimated_minutes_lost == round(20 * 6.5)
    report = build_report(svc.store, clock, iso_week_of(clock.now().date()))
    assert validate(report) == []
    assert report["efficiency_flow"]["resumption_lag_measured"] == {
        "n": 10, "median_minutes": 6.5, "min_minutes": 3.0, "max_minutes": 12.0}
    assert report["efficiency_flow"]["resumption_buffer_minutes"] == 6  # rounded half to even


def test_before_ten_measurements_the_setting_stays_the_estimate(svc: FokusService) -> None:
    assert measured_lag([60.0] * (MIN_MEASUREMENTS - 1)) is None
    svc.settings.set(RESUMPTION_BUFFER_MINUTES, 15)
    estimate = resumption_estimate(svc.store)
    assert estimate.measured is None and estimate.minutes == 15
    assert "Parnin" in svc.activity.day_log()["estimate_source"]


def test_a_checkout_or_a_switch_into_another_project_measures_nothing(
        svc: FokusService, clock: FakeClock) -> None:
    siasn, myasn = svc.project("SIASN").id or 0, svc.project("MyASN").id or 0
    svc.activity.switch(siasn)
    clock.advance(30)
    assert svc.repos.record_activity(siasn, Activity.CHECKOUT) is None
    assert svc.repos.record_activity(myasn, Activity.SAVE) is None
    clock.advance(3 * 60 * 60)  # hours later: lunch, not a resumption
    assert svc.repos.record_activity(siasn, Activity.COMMIT) is None
