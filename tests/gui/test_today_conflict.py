"""Today with two computers' sessions that ran at the same time: the conflict
is shown, the day's minutes and the goals count the shared time once, and
the later session's row says where its shared minutes were counted."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.clock import FakeClock
from app.platform.paths import Paths
from app.service import FokusService
from app.store.engine import Store
from ui.shell.controller import FokusController

DAY = datetime(2026, 11, 23, tzinfo=UTC)  # Monday; 07:00 in Jakarta
PASS = "kopi tubruk di lantai tiga"


@pytest.fixture
def controller(qtbot: QtBot, paths: Paths, clock: FakeClock,
               tmp_path: Path) -> Iterator[FokusController]:
    clock.current = DAY + timedelta(hours=10)
    share = tmp_path / "share"
    share.mkdir()
    c = FokusController(paths, clock=clock, owner="office")
    assert c.load()
    (tmp_path / "laptop").mkdir()
    laptop = FokusService(Store(tmp_path / "laptop" / "fokus.sqlite3"),
                          FakeClock(current=clock.current), owner="laptop")
    try:
        office = c.service
        office.sync.setup(share, PASS)
        office.add_project("SIASN")
        pid = office.project("SIASN").id
        assert pid is not None
        office.history.add_session(pid, None, DAY + timedelta(hours=1),
                                   DAY + timedelta(hours=2, minutes=30))
        office.sync.sync()
        laptop.sync.setup(share, PASS)
        # 15:00–16:00 here, 15:30–16:30 on the laptop (Jakarta time).
        office.history.add_session(pid, None, DAY + timedelta(hours=8),
                                   DAY + timedelta(hours=9))
        lp = laptop.project("SIASN").id
        assert lp is not None
        laptop.history.add_session(lp, None, DAY + timedelta(hours=8, minutes=30),
                                   DAY + timedelta(hours=9, minutes=30))
        laptop.sync.sync()
        office.sync.sync()
        c.refresh()
        yield c
    finally:
        laptop.store.close()
        c.close()


def test_today_shows_the_conflict_and_counts_the_shared_half_hour_once(
        qtbot: QtBot, controller: FokusController) -> None:
    from ui.activity.today import TodayWindow

    today = TodayWindow(controller)
    qtbot.addWidget(today)
    today.show_day(DAY.date())
    today.show()
    assert not today.conflict.isHidden()
    assert "SIASN 15:00 and SIASN 15:30 ran at the same time" in today.conflict.text()
    assert "the time they share counts once" in today.conflict.text()
    assert today.figures.text().startswith("180 min of focus in 3 sessions")
    details = [today.events.topLevelItem(i).text(2)  # type: ignore[union-attr]
               for i in range(today.events.topLevelItemCount())]
    assert details[1].startswith("SIASN: 60 min") and "counted there" not in details[1]
    assert details[2].startswith("SIASN: 30 min") and details[2].endswith(
        "30 min more at the same time as another computer's session, counted there")
    assert controller.service.goals.progress().today_minutes == pytest.approx(180.0)
