"""The Week window's "Share busy blocks…": the same calendar file as
`fokus plan --export-ics`, offered in the remembered export folder, project
names only when ticked, and a file Fokus re-imports without duplicates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.clock import FakeClock
from app.domain import BlockKind
from app.platform.paths import Paths
from app.store import settings as S
from ui.shell.controller import FokusController

WIB = timezone(timedelta(hours=7))
MONDAY_8 = datetime(2026, 11, 23, 8, 0, tzinfo=WIB).astimezone(UTC)


@pytest.fixture
def controller(qtbot: QtBot, paths: Paths, clock: FakeClock) -> Iterator[FokusController]:
    clock.current = datetime(2026, 11, 23, 7, 30, tzinfo=WIB).astimezone(UTC)  # Monday
    c = FokusController(paths, clock=clock, owner="test-tray")
    assert c.load()
    siasn = c.service.add_project("SIASN")
    assert siasn.id is not None
    c.service.week.add_block(siasn.id, None, MONDAY_8, MONDAY_8 + timedelta(minutes=90),
                             BlockKind.DEEP)
    c.service.week.add_block(siasn.id, None, MONDAY_8 + timedelta(days=1),
                             MONDAY_8 + timedelta(days=1, hours=2), BlockKind.DEEP)
    c.service.week.add_block(siasn.id, None, MONDAY_8 + timedelta(hours=7),
                             MONDAY_8 + timedelta(hours=8), BlockKind.COLLABORATIVE)
    yield c
    c.close()


def test_share_busy_blocks_writes_the_week_and_reimports_without_duplicates(
        controller: FokusController, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.week.window import ShareBlocksDialog, WeekWindow

    folder = tmp_path / "to-colleagues"
    folder.mkdir()
    controller.service.settings.set(S.EXPORT_FOLDER, str(folder))
    offered: list[str] = []
    chosen: list[Path] = [folder / "fokus-busy-2026-W48.ics"]

    def save_file_name(parent: object, caption: str, start: str, filters: str) -> tuple[str, str]:
        offered.append(start)
        return str(chosen[0]), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_file_name)
    window = WeekWindow(controller)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.share_button.isVisible()
    qtbot.mouseClick(window.share_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(ShareBlocksDialog)
    assert isinstance(dialog, ShareBlocksDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.with_projects.isChecked()  # names stay in Fokus unless chosen
    assert "Fokus — deep work" in dialog.intro.text()  # says what leaves

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    out = chosen[0]
    assert offered == [str(out)]  # the remembered folder, the week's name
    assert out.exists()
    assert dialog.feedback.text() == f"2 busy blocks written to {out}"
    assert dialog.isVisible()  # it stays to say where the file went
    text = out.read_text()
    assert "SIASN" not in text
    events = list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    assert [e.decoded("dtstart") for e in events] == [MONDAY_8, MONDAY_8 + timedelta(days=1)]
    assert {str(e["summary"]) for e in events} == {"Fokus — deep work"}
    assert {str(e["transp"]) for e in events} == {"OPAQUE"}

    # Fokus's own importer never takes its blocks for meetings, however often.
    week = controller.service.week
    _, start, end = week.week_bounds("2026-W48")
    for _ in range(2):
        assert week.import_calendar(out).meetings == 0
    assert week.meetings(start, end) == []
    assert len(week.blocks(start, end)) == 3

    # Ticked, the project names go along; the same UIDs, so a calendar updates.
    first = [str(e["uid"]) for e in events]
    chosen[0] = tmp_path / "named"  # no extension typed
    dialog.with_projects.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    named = tmp_path / "named.ics"
    assert dialog.written == named
    assert "Fokus — deep work: SIASN" in named.read_text()
    assert [str(e["uid"]) for e in Calendar.from_ical(named.read_bytes()).walk("VEVENT")] \
        == first
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(ShareBlocksDialog) is None)


def test_share_busy_blocks_cancelled_writes_nothing(controller: FokusController, qtbot: QtBot,
                                                    tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.week.window import WeekWindow

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    window = WeekWindow(controller)
    qtbot.addWidget(window)
    dialog = window.share_busy_blocks()
    assert dialog.default_path() == Path.home() / "fokus-busy-2026-W48.ics"
    assert dialog.save() is None
    assert dialog.feedback.text() == "" and dialog.written is None
    dialog.reject()
