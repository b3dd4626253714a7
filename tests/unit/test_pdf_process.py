"""The weekly PDF drawn by a forked process (app/reports/pdf_process.py) is
the PDF this process draws from the same data; its errors come back as this
process's own; and the drawing side never loads the store."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.reports.pdf import PdfInput, draw_pdf, pdf_input
from app.reports.pdf_process import PdfDrawer
from app.service import FokusService

ROOT = Path(__file__).resolve().parents[2]


def _week_data(service: FokusService) -> PdfInput:
    from app.reports.export import ExportOptions, build_report
    from app.reports.metrics import Metrics

    siasn = service.add_project("SIASN")
    service.add_project("MyASN")
    service.start(siasn.id or 0, minutes=50)
    service.clock.advance(50 * 60)  # type: ignore[attr-defined]
    service.current()
    week = Metrics(service.store, service.clock).week("2026-W48")
    report = build_report(service.store, service.clock, "2026-W48",
                          ExportOptions(name="Ana", health=True), week)
    return pdf_input(report, week, service.week.work_model(), {"SIASN": "#e76f51"})


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_the_forked_drawing_is_the_pdf_drawn_here(service: FokusService,
                                                  tmp_path: Path) -> None:
    data = _week_data(service)
    here = draw_pdf(data, tmp_path / "here.pdf")
    drawer = PdfDrawer(fork=True)
    try:
        assert drawer.forked
        there = drawer.draw(data, tmp_path / "there.pdf")
    finally:
        drawer.close()
    assert drawer.pid is None  # waited for
    text = _text(there)
    assert text == _text(here)
    assert "SIASN" in text and "Ana" in text and "50" in text
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "2", "-l", "2", str(there),
                    str(tmp_path / "page")], check=True)
    assert (tmp_path / "page-2.png").stat().st_size > 2000  # the charts' page is drawn


def test_a_file_that_cannot_be_written_raises_the_same_error_here(
        service: FokusService, tmp_path: Path) -> None:
    data = _week_data(service)
    drawer = PdfDrawer(fork=True)
    try:
        with pytest.raises(OSError) as raised:
            drawer.draw(data, tmp_path / "no such folder" / "w.pdf")
    finally:
        drawer.close()
    assert raised.value.errno == errno.ENOENT


def test_a_drawer_never_asked_to_draw_leaves_nothing_behind() -> None:
    drawer = PdfDrawer(fork=True)
    pid = drawer.pid
    assert pid is not None
    drawer.close()
    assert drawer.pid is None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped: not a zombie


def test_without_a_fork_it_draws_here(service: FokusService, tmp_path: Path) -> None:
    drawer = PdfDrawer(fork=False)
    assert not drawer.forked
    out = drawer.draw(_week_data(service), tmp_path / "w.pdf")
    drawer.close()
    assert out.read_bytes().startswith(b"%PDF")


def test_the_drawing_side_loads_neither_the_store_nor_sqlmodel() -> None:
    code = ("import sys, app.reports.pdf, app.reports.pdf_process; "
            "print(sorted(m for m in ('sqlmodel', 'sqlalchemy', 'app.store.engine') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    assert done.stdout.strip() == "[]"


def test_the_whole_command_draws_the_pdf_and_ends_with_its_output_whole(
        tmp_path: Path) -> None:
    """``fokus export`` as a program: the drawing process forked, the process
    ended without the interpreter's teardown, and nothing of its output lost."""
    import json

    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("FOKUS_DATA_DIR", None)
    data = tmp_path / "data"

    def fokus(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "ui.entry", *args, "--data-dir",
                               str(data)], cwd=tmp_path, env=env, capture_output=True,
                              text=True, timeout=120)

    assert fokus("demo").returncode == 0
    out = tmp_path / "week.pdf"
    done = fokus("export", "--format", "pdf", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "written to" in done.stdout and done.stderr == ""
    assert "Weekly self-report" in _text(out)
    listed = fokus("project", "list", "--json")
    assert listed.returncode == 0
    assert len(json.loads(listed.stdout)["projects"]) >= 3  # all of it, flushed at the end


def test_a_pdf_and_insights_charts_drawn_at_once_take_turns(
        service: FokusService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tray's chart worker and a PDF drawn in the tray at the same moment:
    matplotlib's fonts are not thread-safe (this aborted the process inside
    FreeType), so both hold app.reports.charts.DRAWING while they draw."""
    import threading
    from typing import Any

    from app.reports import charts as charts_module
    from app.reports.charts import DRAWING, InsightsCharts, _sample

    data = _week_data(service)
    held: list[bool] = []
    draw_on = charts_module._draw_on

    def watched(figure: Any, draw: Any, scale: float) -> None:
        held.append(DRAWING._is_owned())  # type: ignore[attr-defined]
        draw_on(figure, draw, scale)

    monkeypatch.setattr(charts_module, "_draw_on", watched)
    charts = InsightsCharts()
    failures: list[BaseException] = []

    def insights() -> None:
        try:
            for _round in range(2):
                charts.draw(_sample())
        except BaseException as exc:  # noqa: BLE001  (told to the test below)
            failures.append(exc)

    worker = threading.Thread(target=insights)
    worker.start()
    pdfs = [draw_pdf(data, tmp_path / "week.pdf")]
    worker.join(60)
    assert not worker.is_alive() and not failures, failures
    assert len(held) == 8 and all(held)  # each chart was drawn holding the lock
    assert all("SIASN" in _text(pdf) for pdf in pdfs)
