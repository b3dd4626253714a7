"""The edit history window (ui/history/window.py) after real edits: a session
added and moved by hand on the office PC, the same session's end changed on
the laptop a minute later, both synced through one folder. Opened from Today
for that session, it shows who, which computer, when and what changed in the
person's words, the office's value that lost to the laptop's shaded; opened
from Settings → Sync, where the lost value is counted; the keyboard reaches
and closes it; it speaks Indonesian."""

from __future__ import annotations

import os
import platform
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.clock import FakeClock
from app.platform.paths import Paths
from app.service import FokusService
from app.store.engine import Store
from tests.gui.test_accessibility import nameless
from tests.gui.test_keyboard_reach import _controls, tab_walk
from tests.gui.test_translation import english_sources, indonesian, visible_texts
from ui.shell.controller import FokusController

DAY = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)  # Monday; 07:00 in Jakarta
PASS = "kopi tubruk di lantai tiga"
SHOTS = Path(os.environ.get("FOKUS_SHOTS", "/tmp"))
__all__ = ["indonesian"]
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise.*")


@pytest.fixture
def edited(qtbot: QtBot, paths: Paths, clock: FakeClock, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[FokusController, int]]:
    """The office PC's tray (the controller) and the session both computers edited."""
    clock.current = DAY + timedelta(hours=10)  # 17:00 in Jakarta
    share = tmp_path / "share"
    share.mkdir()
    c = FokusController(paths, clock=clock, owner="office")
    assert c.load()
    (tmp_path / "laptop").mkdir()
    laptop_clock = FakeClock(current=clock.current)
    laptop = FokusService(Store(tmp_path / "laptop" / "fokus.sqlite3"), laptop_clock,
                          owner="laptop")

    def on(host: str) -> None:
        monkeypatch.setattr(platform, "node", lambda: host)

    # Two computers on one test machine: each with its own name.
    c.service.history.machine = "office-pc"
    laptop.history.machine = "laptop-dewi"

    try:
        office = c.service
        on("office-pc")
        office.sync.setup(share, PASS)
        office.add_project("SIASN")
        pid = office.project("SIASN").id
        assert pid is not None
        entry = office.history.add_session(pid, None, DAY + timedelta(hours=2),
                                           DAY + timedelta(hours=3))
        office.history.edit_session(entry.id, start=DAY + timedelta(hours=2, minutes=15))
        office.sync.sync()
        on("laptop-dewi")
        laptop.sync.setup(share, PASS)  # and takes in the office's session
        on("office-pc")
        clock.advance(60)
        office.history.edit_session(entry.id, end=DAY + timedelta(hours=3, minutes=30))
        on("laptop-dewi")
        laptop_clock.advance(120)  # a minute after the office: the laptop's end wins
        lid = laptop.history.sessions(DAY, DAY + timedelta(days=1))[0].id
        laptop.history.edit_session(lid, end=DAY + timedelta(hours=3, minutes=45))
        on("office-pc")
        office.sync.sync()
        on("laptop-dewi")
        laptop.sync.sync()
        on("office-pc")
        office.sync.sync()
        c.refresh()
        yield c, entry.id
    finally:
        laptop.store.close()
        c.close()


def _rows(window: QWidget) -> list[list[str]]:
    from ui.history.window import EditHistoryWindow

    assert isinstance(window, EditHistoryWindow)
    table = window.table
    out = []
    for i in range(table.topLevelItemCount()):
        item = table.topLevelItem(i)
        assert item is not None
        out.append([item.text(c) for c in range(4)])
    return out


def test_today_opens_the_history_of_a_session_with_the_value_another_computer_replaced(
        qtbot: QtBot, edited: tuple[FokusController, int]) -> None:
    from ui.activity.today import TodayWindow
    from ui.history.window import EditHistoryWindow

    controller, session_id = edited
    # The laptop's end is in effect on the office PC too.
    (entry,) = controller.service.history.sessions(DAY, DAY + timedelta(days=1))
    assert entry.ended_at == DAY + timedelta(hours=3, minutes=45)
    today = TodayWindow(controller)
    qtbot.addWidget(today)
    today.show_day(DAY.date())
    today.show()
    # The keyboard: the day's list, its session row, then the context menu's entry.
    today.events.setFocus()
    rows = [today.events.topLevelItem(i) for i in range(today.events.topLevelItemCount())]
    session_row = next(r for r in rows if r is not None
                       and r.data(0, Qt.ItemDataRole.UserRole) == session_id)
    today.events.setCurrentItem(session_row)
    assert today.session_history.isEnabled()
    today.session_history.trigger()
    window = today.history_window
    assert isinstance(window, EditHistoryWindow)  # a child of Today: closed with it
    qtbot.waitExposed(window)
    assert window.windowTitle() == f"Fokus — History of session #{session_id}"
    shown = _rows(window)
    # Newest first: the loss, the laptop's edit, the office's two edits, the add.
    whats = [r[3] for r in shown]
    assert len(shown) == 5, shown
    lost = [r for r in shown if "lost to another computer" in r[3]]
    assert len(lost) == 1, shown
    when, who, computer, what = lost[0]
    assert computer == "office-pc" and who
    assert what == (f"session #{session_id} (SIASN): lost to another computer's newer change: "
                    "end 10:30 (now 10:45)"), what
    assert f"session #{session_id} (SIASN) changed: end 10:00 → 10:45" in whats  # the laptop's
    assert f"session #{session_id} (SIASN) changed: start 09:00 → 09:15" in whats
    assert f"session #{session_id} (SIASN) added" in whats
    assert {r[2] for r in shown} == {"office-pc", "laptop-dewi"}
    laptop_row = next(r for r in shown if r[2] == "laptop-dewi")
    assert "10:45" in laptop_row[3]
    assert "lost" in window.heading.text() or "replaced" in window.heading.text()
    # The chosen row in words, field by field, for a screen reader too.
    assert window.detail.text().startswith(laptop_row[0] + ", by ")
    assert "laptop-dewi" in window.detail.text() and laptop_row[3] in window.detail.text()
    # Every control is named for a screen reader, and Tab alone reaches each one
    # and comes back round.
    assert nameless(window) == []
    for control in (window.table, window.only_session, window.detail):
        assert control.accessibleName(), control
    reached, round_trip = tab_walk(window, qtbot)
    assert round_trip and set(_controls(window)) <= set(reached), reached
    window.grab().save(str(SHOTS / "fokus-history-window.png"))
    # Every change, not only this session's.
    window.only_session.setChecked(False)
    assert window.windowTitle() == "Fokus — Edit history"
    assert len(_rows(window)) >= 5
    # Escape closes it.
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_settings_sync_counts_the_lost_value_and_opens_the_history(
        qtbot: QtBot, edited: tuple[FokusController, int]) -> None:
    from ui.history.window import EditHistoryWindow
    from ui.settings.sync_panel import SyncPanel

    controller, _session_id = edited
    panel = SyncPanel(controller)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.lost.text() == ("1 value lost to another computer's newer change is kept "
                                 "in the edit history.")
    assert panel.history_button.accessibleName()
    qtbot.mouseClick(panel.history_button, Qt.MouseButton.LeftButton)
    window = panel.history_window
    assert isinstance(window, EditHistoryWindow)
    assert window.windowTitle() == "Fokus — Edit history"
    assert any("lost to another computer" in r[3] for r in _rows(window))
    window.close()


def test_the_history_window_speaks_indonesian(
        indonesian: None, qtbot: QtBot, edited: tuple[FokusController, int]) -> None:
    import re

    from ui.history.window import EditHistoryWindow

    controller, session_id = edited
    window = EditHistoryWindow(controller, session_id)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == f"Fokus — Riwayat sesi #{session_id}"
    sources = english_sources()
    english = [text for _where, text in visible_texts(window)
               if any(p.match(" ".join(text.split())) for p, _s in sources)
               and re.search("[A-Za-z]{3}", text)]
    assert english == [], english
    (lost,) = [r for r in _rows(window) if "kalah" in r[3]]
    assert lost[3] == (f"sesi #{session_id} (SIASN): kalah oleh perubahan lebih baru dari "
                       "komputer lain: selesai 10.30 (kini 10.45)"), lost
    window.grab().save(str(SHOTS / "fokus-history-window-id.png"))
