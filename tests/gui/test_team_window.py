"""The team report window shows what the PDF and the CSV hold: the week with its
dates, medians (a share in percent), planned deep blocks against those used,
batches finished and time per project, in the language, and no figure for
fewer than three programmers."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.clock import FakeClock
from app.reports.export import build_report
from app.service import FokusService

WIB = timezone(timedelta(hours=7))
SHOTS = Path(os.environ.get("FOKUS_SHOTS", "/tmp"))


@pytest.fixture
def exports(service: FokusService, clock: FakeClock, tmp_path: Path) -> list[Path]:
    """Four real weekly exports of 2026-W48: everyone on SIASN and MyASN, one
    person also on a side project of their own."""
    siasn = service.add_project("SIASN").id
    assert siasn is not None
    clock.current = datetime(2026, 11, 23, 8, 0, tzinfo=WIB).astimezone(UTC)
    service.start(siasn, minutes=90)
    clock.advance(90 * 60)
    service.engine.tick()
    done = service.add_batch("SIASN", "Fix the rank date", estimate_minutes=30)
    service.set_batch_done(done.id or 0)
    clock.current = datetime(2026, 11, 27, 17, 0, tzinfo=WIB).astimezone(UTC)
    base = build_report(service.store, clock, "2026-W48")
    files = []
    for i in range(4):
        r = json.loads(json.dumps(base))
        r["programmer"] = {"id": f"{i:08d}cccc", "name": f"Programmer {i}"}
        r["efficiency_flow"]["deep_work_share_in_no_meeting_windows"] = 0.8 + i * 0.02
        r["efficiency_flow"]["interruptions_per_day"] = 1.5 + i * 0.1
        r["efficiency_flow"]["planned_deep_blocks"] = 5
        r["efficiency_flow"]["planned_deep_blocks_used"] = 4
        r["projects"] = [{"project": "SIASN", "focus_minutes": 600.0 + 30 * i},
                         {"project": "MyASN", "focus_minutes": 240.0}]
        if i == 0:
            r["projects"].append({"project": "Secret side project", "focus_minutes": 90.0})
        files.append(tmp_path / f"fokus-2026-W48-p{i}.json")
        files[-1].write_text(json.dumps(r))
    return files


@pytest.fixture
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    from ui.i18n import install_translators

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translators(app, request.param)
    yield request.param
    install_translators(app, "en")
    QLocale.setDefault(QLocale("en_US"))


def texts(window) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    def rows(tree) -> list[str]:  # type: ignore[no-untyped-def]
        return [" | ".join(tree.topLevelItem(i).text(c) for c in range(tree.columnCount()))
                for i in range(tree.topLevelItemCount())]

    return {"figures": rows(window.result), "projects": rows(window.projects)}


@pytest.mark.parametrize("language", ["en", "id"], indirect=True)
def test_the_window_shows_the_week_plans_batches_and_projects(
        language: str, exports: list[Path], qtbot: QtBot) -> None:
    from app.reports.pdf import week_heading
    from ui.reports.team import TeamReportWindow

    window = TeamReportWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.add([str(p) for p in exports])
    shown = texts(window)
    if language == "en":
        # The PDF's own heading: Babel's interval, with its thin spaces.
        assert window.heading.text() == f"Team report · {week_heading('2026-W48')}"
        assert "2026-W48" in window.heading.text() and "23" in window.heading.text()
        assert "Share of deep work in no-meeting windows (%) | 83 % | 82 % – 85 % | 4" \
            in shown["figures"]
        assert "Interruptions per work day | 1.65 | 1.58 – 1.72 | 4" in shown["figures"]
        assert window.blocks_used.text() == "16 of 20"
        assert shown["projects"] == [
            "SIASN | 43 | 4", "MyASN | 16 | 4",
            "Other projects (fewer than three people each) | 1.5 | 1"]
    else:
        assert window.heading.text() == "Laporan tim · 2026-W48 · 23–29 Nov 2026"
        assert any(row.endswith("| 83 % | 82 % – 85 % | 4") for row in shown["figures"])
        assert any(row.endswith("| 1,65 | 1,58 – 1,72 | 4") for row in shown["figures"])
        assert window.blocks_used.text() == "16 dari 20"
        assert shown["projects"][:2] == ["SIASN | 43 | 4", "MyASN | 16 | 4"]
        assert shown["projects"][2].endswith("| 1,5 | 1")
        assert "Secret" not in shown["projects"][2]
    assert window.batches_finished.text() == "4"
    assert not any("Secret" in row for row in shown["projects"])
    # It fits a 1366×768 screen and shows every row without cutting the window.
    assert window.width() <= 1366 and window.height() <= 700
    window.grab().save(str(SHOTS / f"team-window-{language}.png"))


def test_fewer_than_three_show_no_figures(exports: list[Path], qtbot: QtBot) -> None:
    from ui.reports.team import TeamReportWindow

    window = TeamReportWindow()
    qtbot.addWidget(window)
    window.add([str(p) for p in exports[:2]])
    shown = texts(window)
    assert all("too few to show" in row for row in shown["figures"])
    assert shown["projects"] == []
    assert window.blocks_used.text() == window.batches_finished.text() == "too few to show"
    assert "fewer than three" in window.projects_note.text()
    assert "2026-W48" in window.heading.text()
