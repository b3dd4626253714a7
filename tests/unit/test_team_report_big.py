"""A team report for a big team keeps its figures on the PDF's first page; the
names follow on pages of their own, every one of them on a page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.clock import FakeClock
from app.reports import team
from app.reports.export import build_report
from app.service import FokusService


def _pages(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    from matplotlib.backends.backend_pdf import PdfPages

    pages: list[Any] = []
    save = PdfPages.savefig

    def keep(self: PdfPages, figure: Any = None, **kwargs: Any) -> None:
        pages.append(figure)
        save(self, figure, **kwargs)

    monkeypatch.setattr(PdfPages, "savefig", keep)
    return pages


@pytest.mark.parametrize("people", [5, 500])
def test_the_figures_stay_on_the_first_page(people: int, tmp_path: Path,
                                            service: FokusService, clock: FakeClock,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    base = build_report(service.store, clock, "2026-W48")
    files = []
    for i in range(people):
        base["programmer"] = {"id": f"{i:012d}", "name": f"Programmer number {i:03d}"}
        base["satisfaction_wellbeing"]["satisfaction_mean"] = 1 + i % 5
        files.append(tmp_path / f"{i}.json")
        files[-1].write_text(json.dumps(base))
    report = team.aggregate(files)
    pages = _pages(monkeypatch)
    team.to_pdf(report, tmp_path / "team.pdf")

    texts = [[(t.get_text(), t.get_position()) for t in page.texts] for page in pages]
    first = [text for text, _xy in texts[0]]
    for f in report.figures:
        assert f.label in first
    for page in texts:
        for text, (_x, y) in page:
            assert 0.02 < y < 0.98, (text, y)
    # The figure rows sit above the bottom margin on page one.
    rows = [y for text, (_x, y) in texts[0] if text in {f.label for f in report.figures}]
    assert min(rows) > 0.05
    everywhere = " ".join(text for page in texts for text, _xy in page)
    assert all(f"Programmer number {i:03d}" in everywhere for i in range(people))
    assert len(pages) == (1 if people == 5 else 1 + -(-people // 180))
