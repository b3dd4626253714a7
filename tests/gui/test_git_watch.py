"""Git activity in the running app, offscreen with a real event loop and real
git: switches proposed or logged from a commit in another project's
repository, where the code stood on the where-you-stopped card, and the
Repositories section of the Projects window."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.clock import FakeClock
from app.platform.paths import Paths
from app.store.settings import GIT_STORE_NAMES, GIT_SWITCHES
from tests.helpers.git import commit, git, make_repo
from ui.activity.git_watch import GitSwitchProposal, GitWatch
from ui.shell.controller import FokusController
from ui.shell.prompts import CONTEXT, GIT_SWITCH, PromptCoordinator
from ui.shell.windows import WindowRegistry

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise.*")
MORNING = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
DETECTION_MS = 2000
SHOTS = Path(os.environ.get("FOKUS_SHOTS", "/tmp"))


@pytest.fixture
def controller(qtbot: QtBot, paths: Paths, clock: FakeClock) -> Iterator[FokusController]:
    clock.current = MORNING
    c = FokusController(paths, clock=clock, owner="test-git", heartbeat_seconds=30)
    assert c.load()
    yield c
    c.close()


@pytest.fixture
def app(controller: FokusController) -> Iterator[tuple[PromptCoordinator, GitWatch]]:
    windows = WindowRegistry(controller)
    prompts = PromptCoordinator(controller, windows)
    watch = GitWatch(controller)
    watch.throttle_seconds = 0  # every event, so a test can wait for a given one
    watch.proposed.connect(prompts.propose_git_switch)
    watch.switched.connect(lambda r: prompts.after_switch(r, ask_trigger=False, activate=False))
    prompts.gitDeclined.connect(watch.decline)
    yield prompts, watch
    watch.stop()
    prompts.close_all()
    windows.close_all()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def projects(controller: FokusController, tmp_path: Path) -> tuple[int, int, Path]:
    svc = controller.service
    siasn, myasn = svc.add_project("SIASN").id or 0, svc.add_project("MyASN").id or 0
    repo = make_repo(tmp_path / "siasn")
    svc.repos.add(siasn, repo)
    svc.activity.switch(myasn)
    return siasn, myasn, repo


def visible(kind: type[QWidget]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_auto_logs_the_switch_on_a_commit_in_another_projects_repository(
        controller: FokusController, app: tuple[PromptCoordinator, GitWatch],
        projects: tuple[int, int, Path], qtbot: QtBot) -> None:
    siasn, myasn, repo = projects
    controller.service.settings.set(GIT_SWITCHES, "auto")
    _prompts, watch = app
    watch.start()
    assert watch.watcher is not None and watch.mode == "auto"
    with qtbot.waitSignal(watch.switched, timeout=DETECTION_MS) as switched:
        commit(repo, "Mapper handles empty NIP")
    assert switched.args[0].to_project == "SIASN"
    assert controller.service.activity.current_project_id() == siasn
    log = controller.service.activity.day_log()
    assert log["switches"][-1]["source"] == "git"


def test_ask_proposes_the_switch_and_a_no_is_remembered(
        controller: FokusController, app: tuple[PromptCoordinator, GitWatch],
        projects: tuple[int, int, Path], qtbot: QtBot) -> None:
    siasn, myasn, repo = projects
    controller.service.settings.set(GIT_SWITCHES, "ask")
    prompts, watch = app
    watch.start()
    with qtbot.waitSignal(watch.proposed, timeout=DETECTION_MS):
        git(repo, "checkout", "-q", "-b", "SIASN-12")
    box = prompts.current(GIT_SWITCH)
    assert isinstance(box, GitSwitchProposal) and box.isVisible()
    assert "SIASN" in box.text()
    [not_now] = [b for b in box.buttons() if b is not box.switch_button]
    not_now.click()
    qtbot.waitUntil(lambda: prompts.current(GIT_SWITCH) is None)
    assert controller.service.activity.current_project_id() == myasn
    # Declined: the next commit there does not ask again.
    with qtbot.assertNotEmitted(watch.proposed):
        with qtbot.waitSignal(watch.activitySeen, timeout=DETECTION_MS):
            commit(repo, "Another")
        QCoreApplication.processEvents()
    assert prompts.current(GIT_SWITCH) is None


def test_ask_switches_when_the_person_agrees(
        controller: FokusController, app: tuple[PromptCoordinator, GitWatch],
        projects: tuple[int, int, Path], qtbot: QtBot) -> None:
    siasn, _myasn, repo = projects
    controller.service.settings.set(GIT_SWITCHES, "ask")
    prompts, watch = app
    watch.start()
    with qtbot.waitSignal(watch.proposed, timeout=DETECTION_MS):
        commit(repo, "Mapper handles empty NIP")
    box = prompts.current(GIT_SWITCH)
    assert isinstance(box, GitSwitchProposal)
    box.switch_button.click()
    qtbot.waitUntil(lambda: controller.service.activity.current_project_id() == siasn)


def test_off_measures_the_lag_but_never_switches(
        controller: FokusController, app: tuple[PromptCoordinator, GitWatch],
        projects: tuple[int, int, Path], qtbot: QtBot, clock: FakeClock) -> None:
    siasn, myasn, repo = projects
    _prompts, watch = app
    watch.start()
    assert watch.mode == "off"
    controller.service.activity.switch(siasn)
    clock.advance(7 * 60)
    (repo / "mapper.py").write_text("x = 1\n", encoding="utf-8")
    qtbot.waitUntil(lambda: controller.service.repos.lags() == [420.0], timeout=DETECTION_MS)
    (repo / "other.py").write_text("y = 1\n", encoding="utf-8")
    controller.service.activity.switch(myasn)
    commit(repo, "More")
    qtbot.waitUntil(lambda: len(controller.service.repos.cues(siasn)) == 1)
    assert controller.service.activity.current_project_id() == myasn


def test_the_card_shows_where_the_code_stood(
        controller: FokusController, app: tuple[PromptCoordinator, GitWatch],
        projects: tuple[int, int, Path], qtbot: QtBot) -> None:
    from ui.activity.dialogs import ContextCardPopup

    siasn, myasn, repo = projects
    svc = controller.service
    svc.settings.set(GIT_STORE_NAMES, True)
    batch = svc.add_batch("SIASN", "Mapper for the NIP", prep_note="Read the API spec first")
    svc.repos.add(siasn, repo, branch_pattern=r"SIASN-\d+", batch_id=batch.id)
    prompts, watch = app
    watch.start()
    git(repo, "checkout", "-q", "-b", "SIASN-142-mapper")
    commit(repo, "Mapper handles empty NIP")
    (repo / "mapper.py").write_text("pass\n", encoding="utf-8")
    (repo / "README.md").write_text("changed\n", encoding="utf-8")
    svc.activity.switch(siasn)
    svc.activity.add_note(siasn, "empty NIP done; next: the leading-zero case")
    svc.activity.switch(myasn)  # leaving SIASN: where its code stood is kept
    qtbot.waitUntil(lambda: len(svc.repos.cues(siasn)) == 1)
    prompts.show_context(siasn)
    card = prompts.current(CONTEXT)
    assert isinstance(card, ContextCardPopup) and card.isVisible()
    text = card.findChild(QLabel, "gitCues").text()  # type: ignore[union-attr]
    assert "SIASN-142-mapper" in text and "Mapper handles empty NIP" in text
    assert "mapper.py" in text and "README.md" in text
    labels = " ".join(w.text() for w in card.findChildren(QLabel))
    assert "Read the API spec first" in labels  # the branch's batch and its preparation
    card.grab().save(str(SHOTS / "git-card.png"))


def test_the_projects_window_maps_and_removes_repositories(
        controller: FokusController, projects: tuple[int, int, Path], tmp_path: Path,
        qtbot: QtBot) -> None:
    from ui.projects.window import ProjectsWindow

    siasn, _myasn, repo = projects
    second = make_repo(tmp_path / "siasn-frontend")
    window = ProjectsWindow(controller)
    qtbot.addWidget(window)
    window.show()
    window.reload(select_id=siasn)
    panel = window.repositories
    assert [panel.list.item(i).text() for i in range(panel.list.count())] == [str(repo)]
    assert panel.add_folder(str(second))
    qtbot.waitUntil(lambda: panel.list.count() == 2)
    window.grab().save(str(SHOTS / "projects-repositories.png"))
    panel.list.setCurrentRow(1)
    panel.remove_selected()
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    assert [m.path for m in controller.service.repos.mappings(siasn)] == [str(repo)]


def test_today_and_insights_use_the_measured_lag_after_ten_measurements(
        controller: FokusController, projects: tuple[int, int, Path], clock: FakeClock,
        qtbot: QtBot) -> None:
    from app.repos.watcher import Activity
    from ui.activity.today import TodayWindow
    from ui.reports.insights import InsightsWindow

    siasn, myasn, _repo = projects
    svc = controller.service
    today = TodayWindow(controller)
    qtbot.addWidget(today)
    today.show()
    today.reload()
    assert "estimate" in today.cost.text()
    for minutes in (4, 6, 9, 5, 12, 7, 8, 3, 10, 6):
        svc.activity.switch(siasn)
        clock.advance(minutes * 60)
        assert svc.repos.record_activity(siasn, Activity.SAVE) is not None
        svc.activity.switch(myasn)
        clock.advance(60)
    today.reload()
    text = today.cost.text()
    assert "measured resumption lag" in text and "n = 10" in text and "6.5 min" in text
    today.grab().save(str(SHOTS / "today-measured-lag.png"))
    insights = InsightsWindow(controller)
    qtbot.addWidget(insights)
    assert "n = 10" in insights.summary.text()
