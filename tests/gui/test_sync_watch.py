"""The tray's sync (ui/sync/watch.py) with a real event loop: it syncs at start
in a worker thread, and a change file landing in the folder from another
machine is merged without anyone asking, and the windows are told."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.clock import FakeClock
from app.platform.paths import Paths
from app.service import FokusService
from app.store.engine import Store
from app.sync.folder import ROOT
from ui.shell.controller import FokusController
from ui.sync.watch import SyncWatch

DAY = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)
PASS = "kopi tubruk di lantai tiga"


@pytest.fixture
def controller(qtbot: QtBot, paths: Paths, clock: FakeClock) -> Iterator[FokusController]:
    clock.current = DAY + timedelta(hours=20)
    c = FokusController(paths, clock=clock, owner="test-sync", heartbeat_seconds=30)
    assert c.load()
    yield c
    c.close()


def _apart(controller: FokusController, tmp_path: Path) -> tuple[Path, Path]:
    """This computer's sync folder, set up, and the laptop's own copy of it
    (the copying tool between them is the test)."""
    share, staging = tmp_path / "share", tmp_path / "staging"
    share.mkdir()
    staging.mkdir()
    controller.service.sync.setup(share, PASS)
    shutil.copytree(share / ROOT, staging / ROOT)
    return share, staging


def _laptop(tmp_path: Path, folder: Path) -> FokusService:
    """The other computer: a database of its own, joined to ``folder``."""
    (tmp_path / "laptop").mkdir()
    laptop = FokusService(Store(tmp_path / "laptop" / "fokus.sqlite3"),
                          FakeClock(current=DAY + timedelta(hours=20)), owner="laptop")
    try:
        laptop.sync.setup(folder, PASS)
    except BaseException:
        laptop.store.close()
        raise
    return laptop


def test_a_file_from_the_other_computer_is_merged_when_it_lands(
        qtbot: QtBot, controller: FokusController, tmp_path: Path) -> None:
    share, staging = _apart(controller, tmp_path)
    laptop = _laptop(tmp_path, staging)
    try:
        laptop.add_project("SIASN")
        pid = laptop.project("SIASN").id
        assert pid is not None
        laptop.history.add_session(pid, None, DAY + timedelta(hours=9),
                                   DAY + timedelta(hours=10))
        laptop.sync.sync()
        watch = SyncWatch(controller)
        with qtbot.waitSignal(watch.synced, timeout=10_000):
            watch.start()  # the first sync, at start
        assert controller.service.projects() == []
        # The copying tool delivers the laptop's file: merged, and Today is told.
        me = laptop.sync.machine_id()
        topics: list[frozenset[str]] = []
        controller.dataChanged.connect(topics.append)
        with qtbot.waitSignal(watch.synced, timeout=15_000):
            shutil.copytree(staging / ROOT / me, share / ROOT / me)
        qtbot.waitUntil(lambda: any("sessions" in t for t in topics), timeout=5_000)
        assert [p.name for p in controller.service.projects()] == ["SIASN"]
        entries = controller.service.history.sessions(DAY, DAY + timedelta(days=1))
        assert [(e.started_at, e.ended_at) for e in entries] == [
            (DAY + timedelta(hours=9), DAY + timedelta(hours=10))]
        assert watch.last_error == ""
        watch.stop()
        watch.deleteLater()
    finally:
        laptop.store.close()


def test_the_settings_sync_tab_sets_up_shows_computers_and_conflicts(
        qtbot: QtBot, controller: FokusController, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from ui.settings.window import SettingsDialog

    share = tmp_path / "share"
    share.mkdir()
    dialog = SettingsDialog(controller)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.sync_panel)
    panel = dialog.sync_panel
    assert not panel.now_button.isEnabled()
    panel.folder.setText(str(share))
    qtbot.keyClicks(panel.passphrase, PASS)
    qtbot.mouseClick(panel.setup_button, Qt.MouseButton.LeftButton)
    assert controller.service.sync.configured()
    assert str(share) in panel.state.text() and panel.passphrase.text() == ""
    assert panel.now_button.isEnabled() and panel.conflicts.isHidden()

    # The laptop focused on SIASN at the same time as this computer did.
    laptop = _laptop(tmp_path, share)
    try:
        for svc in (laptop, controller.service):
            svc.add_project("SIASN")
            pid = svc.project("SIASN").id
            assert pid is not None
            svc.history.add_session(pid, None, DAY + timedelta(hours=9),
                                    DAY + timedelta(hours=10))
        laptop.sync.sync()
        qtbot.mouseClick(panel.now_button, Qt.MouseButton.LeftButton)
        assert panel.conflicts.isVisible() and "A session ran" in panel.conflicts.text()
        assert laptop.sync.status()["machines"][0]["host"] in panel.machines.text()
        dialog.grab().save(str(Path("/tmp") / "fokus-sync-settings.png"))
        from ui.activity.today import TodayWindow

        today = TodayWindow(controller)
        qtbot.addWidget(today)
        today.show_day(controller.service.week.local(DAY + timedelta(hours=9)).date())
        today.show()
        assert today.conflict.isVisible() and "SIASN" in today.conflict.text()
        today.grab().save(str(Path("/tmp") / "fokus-sync-today.png"))
        # Settled by deleting one: the notice goes.
        first = controller.service.sync.conflicts()[0].first
        controller.service.history.delete_session(first)
        qtbot.waitUntil(lambda: not today.conflict.isVisible(), timeout=5_000)
        qtbot.mouseClick(panel.off_button, Qt.MouseButton.LeftButton)
        assert not controller.service.sync.configured() and not panel.now_button.isEnabled()
    finally:
        laptop.store.close()


def test_the_tray_says_when_it_synced_and_what_is_in_conflict(
        qtbot: QtBot, controller: FokusController, tmp_path: Path) -> None:
    from ui.tray.tray import FokusTray

    share = tmp_path / "share"
    share.mkdir()
    tray = FokusTray(controller)
    watch = SyncWatch(controller)
    tray.status_lines = watch.lines
    watch.synced.connect(lambda _r: tray.update_state())
    assert watch.lines() == []  # sync off: nothing said
    controller.service.sync.setup(share, PASS)
    laptop = _laptop(tmp_path, share)
    try:
        for svc in (laptop, controller.service):
            svc.add_project("SIASN")
            pid = svc.project("SIASN").id
            assert pid is not None
            svc.history.add_session(pid, None, DAY + timedelta(hours=9),
                                    DAY + timedelta(hours=10))
        laptop.sync.sync()
        watch.start()  # already watching: setting the folder up started it
        watch.sync_now()
        qtbot.waitUntil(lambda: "1 session in conflict" in tray.icon.toolTip(),
                        timeout=10_000)
        assert "Synced at" in tray.icon.toolTip()
        tray.rebuild_menu()
        lines = [a.text() for a in tray.menu.actions() if a.objectName() == "statusLine"]
        assert lines == watch.lines() and len(lines) == 2
    finally:
        watch.stop()
        watch.deleteLater()
        tray.menu.deleteLater()
        laptop.store.close()


def test_a_watch_that_ended_is_taken_up_again_at_the_next_sync(
        qtbot: QtBot, controller: FokusController, tmp_path: Path) -> None:
    """A USB stick pulled out and put back, or watchdog's thread failing, ends
    the watch silently; the next sync (at the latest the 5-minute one) watches
    again, and a file landing after that is merged without anyone asking."""
    share, staging = _apart(controller, tmp_path)
    laptop = _laptop(tmp_path, staging)
    try:
        laptop.add_project("SIASN")
        laptop.sync.sync()
        watch = SyncWatch(controller)
        with qtbot.waitSignal(watch.synced, timeout=10_000):
            watch.start()
        folder = watch._folder
        assert folder is not None and folder.alive()
        folder.stop()  # the watch ends, as when its folder went away
        assert not folder.alive()
        with qtbot.waitSignal(watch.synced, timeout=10_000):
            watch.sync_now()  # the periodic sync
        assert watch._folder is not None and watch._folder is not folder
        assert watch._folder.alive()
        me = laptop.sync.machine_id()
        with qtbot.waitSignal(watch.synced, timeout=15_000):
            shutil.copytree(staging / ROOT / me, share / ROOT / me)
        qtbot.waitUntil(lambda: [p.name for p in controller.service.projects()] == ["SIASN"],
                        timeout=5_000)
        watch.stop()
        watch.deleteLater()
    finally:
        laptop.store.close()


def test_a_sync_asked_through_the_tray_moves_its_synced_line_with_nothing_new(
        qtbot: QtBot, controller: FokusController, tmp_path: Path) -> None:
    """`fokus sync now` with a tray running, nothing to bring in: the command
    writes round the store's sessions, so no commit refreshes the tray, yet its
    tooltip says the sync just happened."""
    from ui.tray.tray import FokusTray

    share = tmp_path / "share"
    share.mkdir()
    tray = FokusTray(controller)
    watch = SyncWatch(controller)
    tray.status_lines = watch.lines
    try:
        controller.service.sync.setup(share, PASS)
        watch.start()
        tray.update_state()
        before = tray.icon.toolTip()
        controller.clock.current += timedelta(minutes=7)  # type: ignore[attr-defined]
        reply = controller.execute("sync.now", {})
        assert isinstance(reply, dict)
        assert before.endswith("Synced at 20:00")
        qtbot.waitUntil(lambda: tray.icon.toolTip().endswith("Synced at 20:07"), timeout=5_000)
    finally:
        watch.stop()
        watch.deleteLater()
        tray.menu.deleteLater()
