"""Input kept sane and exports safe: names that cannot hide or reorder text,
dates Fokus can keep, lengths that mean something; CSV cells a spreadsheet will
not run; exports whole or not at all; a full disk one clear line."""

from __future__ import annotations

import errno
import logging
from datetime import date
from pathlib import Path

import pytest

from app.cli.main import main
from app.errors import ErrorCode, FokusError
from app.reports.export import safe_cell, to_csv, write_atomically
from app.service import FokusService

HOSTILE_NAMES = ["a\nb", "a\rb", "tab\there", "bell\x07", "esc\x1b[31mred",
                 "left\u202eright", "iso\u2066late\u2069", "mark\u200f", "line\u2028sep",
                 "-rf", "--json", "   -x"]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_names_that_hide_or_reorder_text_are_refused(service: FokusService, name: str) -> None:
    with pytest.raises(FokusError) as err:
        service.add_project(name)
    assert err.value.code is ErrorCode.INVALID_VALUE and err.value.params["field"] == "name"
    assert all(c.isprintable() for c in str(err.value.params["value"]))
    service.add_project("SIASN")
    with pytest.raises(FokusError):
        service.add_batch("SIASN", name)
    assert service.batches() == []


@pytest.mark.parametrize("name", ["Proyek Ü", "SIASN 2.0", "a-b", "日本語", "Café ☕", "x" * 80])
def test_ordinary_names_still_pass(service: FokusService, name: str) -> None:
    assert service.add_project(name).name == name


def test_notes_keep_their_lines_but_not_bidi_overrides(service: FokusService) -> None:
    service.add_project("SIASN")
    batch = service.add_batch("SIASN", "Review", prep_note="line one\nline two\tok")
    assert batch.prep_note == "line one\nline two\tok"
    with pytest.raises(FokusError):
        service.add_batch("SIASN", "Review", prep_note="see \u202eevil")


@pytest.mark.parametrize("due", [date(1, 1, 1), date(1969, 12, 31), date(2101, 1, 1),
                                 date(9999, 12, 31)])
def test_dates_outside_1970_2100_are_refused(service: FokusService, due: date) -> None:
    service.add_project("SIASN")
    with pytest.raises(FokusError) as err:
        service.add_batch("SIASN", "Review", due_date=due)
    assert err.value.params["field"] == "due"
    assert service.add_batch("SIASN", "Review", due_date=date(2100, 12, 31)).due_date


@pytest.mark.parametrize("argv, field", [
    (["batch", "add", "-p", "SIASN", "-t", "x", "--due", "2101-01-01"], "due"),
    (["reflect", "--date", "1969-12-31", "--satisfaction", "3"], "date"),
    (["block", "add", "-p", "SIASN", "--start", "2026-12-01 09:00", "--minutes", "0"],
     "minutes"),
    (["block", "add", "-p", "SIASN", "--start", "2026-12-01 09:00", "--minutes", "99999"],
     "minutes"),
    (["block", "add", "-p", "SIASN", "--start", "0001-01-01 09:00", "--minutes", "30"],
     "start"),
    (["demo", "--weeks", "0"], "weeks"),
    (["demo", "--weeks", "100000"], "weeks"),
    (["project", "add", "--", "-rf"], "name"),
])
def test_the_command_line_refuses_them_in_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], field: str) -> None:
    data = ["--data-dir", str(tmp_path / "cli")]
    if argv[0] != "demo":
        assert main([*data, "project", "add", "SIASN"]) == 0
    capsys.readouterr()
    assert main([*data, *argv]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and f"for {field}:" in err, err


def test_csv_cells_that_would_run_as_formulas_are_neutralised() -> None:
    for text in ("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(text) == "'" + text
    assert safe_cell("SIASN") == "SIASN" and safe_cell(-0.5) == -0.5 and safe_cell(None) is None


def test_the_weekly_csv_neutralises_the_programmer_name(week_report: dict[str, object]) -> None:
    report = dict(week_report)
    report["programmer"] = {"id": "12345678abcd", "name": "=cmd|' /C calc'!A0"}
    rows = to_csv(report).splitlines()
    assert rows[1].split(",")[2].startswith("'=cmd") or "\"'=cmd" in rows[1]


@pytest.fixture
def week_report(service: FokusService) -> dict[str, object]:
    from app.reports.export import build_report

    return build_report(service.store, service.clock, "2026-W48")


def test_an_export_is_whole_or_not_there(tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "report.pdf"
    out.write_text("the old report")

    def half_then_full(tmp: Path) -> None:
        tmp.write_text("%PDF half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(FokusError) as err:
        write_atomically(out, half_then_full)
    assert err.value.code is ErrorCode.DISK_FULL
    assert out.read_text() == "the old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]  # no .part left behind
    write_atomically(out, lambda tmp: tmp.write_text("new"))
    assert out.read_text() == "new" and [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_a_log_that_cannot_be_written_prints_no_traceback(
        tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    from app.platform import logs
    from app.platform.paths import Paths

    paths = Paths(tmp_path / "logd").ensure()
    root = logging.getLogger()
    before = list(root.handlers)
    logs.setup_logging(paths)
    try:
        handler = next(h for h in root.handlers if h not in before)
        assert isinstance(handler, logs._QuietFileHandler)

        class Full:
            def write(self, _text: str) -> None:
                raise OSError(errno.ENOSPC, "No space left on device")

            def flush(self) -> None:
                raise OSError(errno.ENOSPC, "No space left on device")

        original, handler.stream = handler.stream, Full()  # type: ignore[assignment]
        logging.getLogger("fokus.test").warning("a line the disk cannot take")
        handler.stream = original
        err = capfd.readouterr().err
        assert "Logging error" not in err and "Traceback" not in err
    finally:
        for h in root.handlers[:]:
            if h not in before:
                root.removeHandler(h)
                h.close()
        logs._configured.clear()


def test_a_log_path_that_is_a_link_is_not_followed(tmp_path: Path) -> None:
    from app.platform import logs
    from app.platform.paths import Paths

    paths = Paths(tmp_path / "logl").ensure()
    target = tmp_path / "elsewhere"
    target.write_text("")
    target.chmod(0o644)
    (paths.log_dir / "fokus.log").symlink_to(target)
    root = logging.getLogger()
    before = list(root.handlers)
    logs.setup_logging(paths)
    try:
        logging.getLogger("fokus.test").warning("not here")
        assert target.read_text() == "" and (target.stat().st_mode & 0o777) == 0o644
    finally:
        for h in root.handlers[:]:
            if h not in before:
                root.removeHandler(h)
                h.close()
        logs._configured.clear()


def test_a_hanging_tray_tells_where_its_threads_are_and_a_link_is_not_followed(
        tmp_path: Path) -> None:
    """record_faults in a process of its own (it takes over the fatal-signal
    handler): SIGUSR1 writes every thread's stack to faults.log, owner-only,
    and the process goes on; a link in the file's place is left alone."""
    import os
    import subprocess
    import sys

    from app.platform.paths import Paths

    script = (
        "import os, signal, sys, threading, time\n"
        "from app.platform.logs import record_faults\n"
        "from app.platform.paths import Paths\n"
        "def waiting_worker():\n"
        "    time.sleep(30)\n"
        "threading.Thread(target=waiting_worker, daemon=True).start()\n"
        "from pathlib import Path\n"
        "record_faults(Paths(Path(sys.argv[1])).ensure())\n"
        "os.kill(os.getpid(), signal.SIGUSR1)\n"
        "print('still here')\n")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    faults = Paths(tmp_path / "d").ensure().log_dir / "faults.log"
    # Years of stacks: at the start only the newest part is kept.
    faults.write_text("OLDEST\n" + "x" * 1_200_000 + "\nNEWEST\n")
    run = subprocess.run([sys.executable, "-c", script, str(tmp_path / "d")], env=env,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and run.stdout == "still here\n", run
    text = faults.read_text()
    assert "waiting_worker" in text and "Current thread" in text, text
    assert "NEWEST" in text and "OLDEST" not in text and len(text) < 300_000
    assert faults.stat().st_mode & 0o777 == 0o600

    linked = Paths(tmp_path / "l").ensure()
    target = tmp_path / "elsewhere"
    target.write_text("")
    (linked.log_dir / "faults.log").symlink_to(target)
    run = subprocess.run([sys.executable, "-c", script.replace(
        "os.kill(os.getpid(), signal.SIGUSR1)\n", ""), str(tmp_path / "l")], env=env,
        capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and target.read_text() == "", run


def test_the_weekly_pdf_draws_user_text_as_text(service: FokusService, tmp_path: Path) -> None:
    from app.reports.export import ExportOptions, build_report
    from app.reports.metrics import Metrics
    from app.reports.pdf import render_pdf
    from app.week.service import WeekService

    service.add_project("Proj $\\foo{ $ " + "y" * 60)
    service.start(service.projects()[0].id, minutes=30)  # type: ignore[arg-type]
    service.clock.advance(30 * 60)  # type: ignore[attr-defined]
    service.current()
    week = Metrics(service.store, service.clock).week("2026-W48")
    report = build_report(service.store, service.clock, "2026-W48",
                          ExportOptions(name="Ana $x^2$ \U000d5275 \u4a75"), week)
    out = write_atomically(tmp_path / "w.pdf", lambda tmp: render_pdf(
        report, week, WeekService(service.store, service.clock).work_model(), tmp))
    assert out.read_bytes().startswith(b"%PDF")


def test_an_export_never_replaces_a_fifo_or_a_folder(tmp_path: Path) -> None:
    """Only a regular file is ever replaced (run as root, a rename over a device
    would replace the device)."""
    import os

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link"
    link.symlink_to(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    for target in (fifo, link, folder):
        with pytest.raises(FokusError) as err:
            write_atomically(target, lambda tmp: tmp.write_text("x"))
        assert err.value.params["field"] == "out"
    assert fifo.is_fifo() and link.is_symlink() and folder.is_dir()
    real = tmp_path / "real.csv"
    real.write_text("old")
    (tmp_path / "to-real").symlink_to(real)
    write_atomically(tmp_path / "to-real", lambda tmp: tmp.write_text("new"))
    assert real.read_text() == "new" and (tmp_path / "to-real").is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_names_clash_ignoring_case_in_every_script(service: FokusService) -> None:
    """Found by the fuzz: SQLite's lower() is ASCII only, so "Ú" twice crashed."""
    service.add_project("Úlfur")
    for same in ("Úlfur", "úlfur", "ÚLFUR"):
        with pytest.raises(FokusError) as err:
            service.add_project(same)
        assert err.value.code is ErrorCode.PROJECT_EXISTS
    assert service.project("úLFUR").name == "Úlfur"
    other = service.add_project("Ölfus")
    with pytest.raises(FokusError):
        service.update_project(other.id, "ÚLFUR", other.colour, "")  # type: ignore[arg-type]
    assert service.update_project(other.id, "ÖLFUS", other.colour, "").name == "ÖLFUS"  # type: ignore[arg-type]
