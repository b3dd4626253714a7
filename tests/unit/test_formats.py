"""Dates, numbers and the core's words as the language writes them (Babel), and
the export's file name."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from app import formats
from app.i18n import set_language
from app.reports.filenames import export_filename


@pytest.fixture
def indonesian() -> Iterator[None]:
    set_language("id")
    yield
    set_language(None)


def test_indonesian_numbers_dates_and_times(indonesian: None) -> None:
    assert formats.number(1.6) == "1,6" and formats.number(1234.5) == "1.234,5"
    assert formats.percent(0.82) == "82%"
    assert formats.day_long(date(2026, 11, 23)) == "Senin, 23 Nov"
    assert formats.day_short("2026-11-29") == "Min 29 Nov"
    assert formats.clock("2026-11-23T09:30:00+07:00") == "09.30"
    assert formats.date_range(date(2026, 11, 23), date(2026, 11, 29)) == "23–29 Nov 2026"
    assert formats.word("finished") == "selesai" and formats.word("deep") == "kerja mendalam"
    assert formats.word("before_due") != "before_due"


def test_english_and_unknown_values() -> None:
    set_language("en")
    try:
        assert formats.number(1.6) == "1.6" and formats.day_short("2026-11-23") == "Mon 23 Nov"
        assert formats.clock("2026-11-23T09:30") == "09:30"
        assert formats.word("interruption") == "interruption"
        assert formats.word("something_new") == "something_new"
        assert formats.number(None) == "—" and formats.percent(None) == "—"
    finally:
        set_language(None)


def test_export_file_names_carry_the_person() -> None:
    named = {"programmer": {"name": "Ayu Lestari", "id": "19775ca1-aaaa"}}
    anonymous = {"programmer": {"name": "", "id": "19775ca1-aaaa"}}
    assert export_filename("2026-W48", "pdf", named) == "fokus-2026-W48-ayu-lestari.pdf"
    assert export_filename("2026-W48", "csv", anonymous) == "fokus-2026-W48-19775ca1.csv"
    odd = {"programmer": {"name": "../../etc", "id": "x"}}
    assert "/" not in export_filename("2026-W48", "json", odd)
