"""The command line's export goes where the export window's does (the
remembered folder), and the crash notice speaks the stored language and the
wall clock the session ran on."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.cli.main import main
from app.clock import FakeClock
from app.service import FokusService
from app.store.engine import Store
from app.store.settings import LANGUAGE


def test_export_without_out_writes_to_the_remembered_folder_else_home(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(tmp_path / "cli")]
    assert main([*data, "export", "--week", "2026-W48", "--format", "json",
                 "--name", "Ayu"]) == 0
    home = Path.home()
    assert [p.name for p in home.glob("fokus-*.json")] == ["fokus-2026-W48-ayu.json"]
    folder = tmp_path / "reports" / "weekly"
    assert main([*data, "config", "set", "export_folder", str(folder)]) == 0
    assert main([*data, "export", "--week", "2026-W48", "--format", "csv",
                 "--name", "Ayu"]) == 0
    assert [p.name for p in folder.iterdir()] == ["fokus-2026-W48-ayu.csv"]
    assert str(folder) in capsys.readouterr().out


def test_the_crash_notice_speaks_the_language_and_the_sessions_wall_clock(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from app.platform.paths import Paths

    paths = Paths(tmp_path / "cli").ensure()
    store = Store(paths.database)
    # 08:00 in Jakarta, by a tray that then died; read on a machine set to UTC.
    clock = FakeClock(current=datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    svc = FokusService(store, clock, owner="a-tray-that-died")
    svc.settings.set(LANGUAGE, "id")
    project = svc.add_project("SIASN")
    assert project.id is not None
    svc.start(project.id)
    store.close()
    assert main(["--data-dir", str(paths.data_dir), "status"]) == 0
    err = capsys.readouterr().err
    assert "Fokus sempat berhenti tak terduga: sesi di SIASN tersimpan sampai 08.00." in err


def test_a_past_day_reads_on_the_clock_it_was_recorded_on(service: FokusService,
                                                          clock: FakeClock) -> None:
    """A WIB Monday, read later on a machine set to UTC: still 09:00, the same
    minutes in the no-meeting window, the switch on the same day."""
    from app.reports.metrics import Metrics

    clock.current = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 09:00 WIB
    a = service.add_project("SIASN")
    b = service.add_project("e-Kinerja")
    assert a.id is not None and b.id is not None
    service.start(a.id, minutes=60)
    clock.advance(45 * 60)  # to 09:45, inside the 08:00-10:00 window
    service.stop()
    clock.current = datetime(2026, 11, 23, 17, 30, tzinfo=UTC)  # Tuesday 00:30 WIB
    service.activity.switch(b.id)
    here = Metrics(service.store, clock).week("2026-W48")
    clock.offset_minutes = 0  # the machine now says UTC
    there = Metrics(service.store, clock).week("2026-W48")
    for report in (here, there):
        monday, tuesday = report.days[0], report.days[1]
        assert round(monday.focus_minutes) == 45
        assert round(monday.focus_in_deep_windows_minutes) == 45
        assert set(monday.by_hour) == {9}
        assert (monday.switches, tuesday.switches) == (0, 1)
