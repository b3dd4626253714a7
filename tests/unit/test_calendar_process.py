"""The tray's calendar reader in a process of its own (app/week/calendar_process.py):
the meetings it hands back are exactly those read in this process, a bad file
gives the same error, an unchanged file starts no process, and a reader that
dies is an error that names the file, never a half import."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.errors import ErrorCode, FokusError
from app.week import calendar_process
from app.week.calendar import read_calendar_if_changed
from app.week.calendar_process import read_in_child
from benchmarks.fast import ics

DATA = Path(__file__).parent.parent / "data"
ZONE = ZoneInfo("Asia/Jakarta")
AROUND = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)  # the files lie around this week


@pytest.mark.parametrize("name", ["google.ics", "outlook.ics", "apple.ics"])
def test_the_child_reads_what_this_process_reads(name: str) -> None:
    here, digest = read_calendar_if_changed(DATA / name, None, AROUND, ZONE)
    there, child_digest = read_in_child(DATA / name, None, AROUND, ZONE)
    assert here and there == here
    assert child_digest == digest
    # The same instants (compared above) on the same wall clocks.
    assert [(m.start.utcoffset(), m.end.utcoffset(), m.start.tzname()) for m in there] == \
        [(m.start.utcoffset(), m.end.utcoffset(), m.start.tzname()) for m in here]


def test_a_big_calendar_comes_back_whole_in_order(tmp_path: Path) -> None:
    path = ics(tmp_path / "big.ics", 2_345)  # more than a few of the child's chunks
    now = datetime.now(UTC)
    here, _ = read_calendar_if_changed(path, None, now, ZONE)
    there, _ = read_in_child(path, None, now, ZONE)
    assert here and len(there or []) == len(here) > 2 * calendar_process.CHUNK
    assert there == here


@pytest.mark.parametrize("name", ["broken-date.ics", "truncated.ics"])
def test_a_bad_file_is_the_same_error_as_here(name: str) -> None:
    with pytest.raises(FokusError) as here:
        read_calendar_if_changed(DATA / name, None, AROUND, ZONE)
    with pytest.raises(FokusError) as there:
        read_in_child(DATA / name, None, AROUND, ZONE)
    assert there.value.code is here.value.code is ErrorCode.CALENDAR_INVALID
    assert there.value.params == here.value.params


def test_an_unchanged_file_starts_no_process(monkeypatch: pytest.MonkeyPatch) -> None:
    _, digest = read_calendar_if_changed(DATA / "google.ics", None, AROUND, ZONE)

    def no_process(*args: object, **kwargs: object) -> None:
        raise AssertionError("a child was started for an unchanged file")

    monkeypatch.setattr(subprocess, "Popen", no_process)
    assert read_in_child(DATA / "google.ics", digest, AROUND, ZONE) == (None, digest)


def test_a_missing_file_is_named_without_a_process(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    monkeypatch.setattr(subprocess, "Popen", None)
    with pytest.raises(FokusError) as caught:
        read_in_child(tmp_path / "gone.ics", None, AROUND, ZONE)
    assert caught.value.code is ErrorCode.CALENDAR_INVALID
    assert caught.value.params["path"] == tmp_path / "gone.ics"


@pytest.mark.parametrize("dies", [
    "import sys; sys.stdin.buffer.read()",  # answers nothing
    # answers the start, then dies half-way through the rows
    "import pickle, sys, os; sys.stdin.buffer.read(); "
    "pickle.dump(('read', 'abc', 3), sys.stdout.buffer); sys.stdout.flush(); os._exit(9)",
])
def test_a_reader_that_dies_is_an_error_naming_the_file(
        dies: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(calendar_process, "reader_command",
                        lambda: [sys.executable, "-c", dies])
    with pytest.raises(FokusError) as caught:
        read_in_child(DATA / "google.ics", None, AROUND, ZONE)
    assert caught.value.code is ErrorCode.CALENDAR_INVALID
    assert caught.value.params["path"] == DATA / "google.ics"
    assert "stopped" in caught.value.params["reason"]


def test_the_reader_loads_neither_qt_nor_the_store() -> None:
    """What the child imports: the parser and its libraries, nothing of the tray."""
    probe = (
        "import sys, runpy, pickle, io\n"
        "from datetime import datetime, UTC\n"
        "from zoneinfo import ZoneInfo\n"
        f"request = pickle.dumps(({str(DATA / 'google.ics')!r}, datetime(2026, 11, 25, tzinfo=UTC),"
        " ZoneInfo('Asia/Jakarta')))\n"
        "sys.stdin = io.TextIOWrapper(io.BytesIO(request))\n"
        "sys.stdout = io.TextIOWrapper(io.BytesIO())\n"
        "from app.week.calendar_process import main\n"
        "main()\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'sqlmodel', 'sqlalchemy', 'holidays', 'matplotlib'))\n"
        "sys.__stdout__.write(repr(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, timeout=60)
    assert out.stdout == "[]", out.stdout + out.stderr
