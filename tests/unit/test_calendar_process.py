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
    "import sys; sys.stdin.buffer.read(8)",  # ends without a word
    # answers the start, then dies half-way through the rows
    "import pickle, sys, os; sys.stdin.buffer.read(8); "
    "sys.stdout.buffer.write(b'fokus-calendar-reader 1\\n'); "
    "pickle.dump(('read', 3), sys.stdout.buffer); sys.stdout.flush(); os._exit(9)",
    # answers something else entirely
    "import sys; sys.stdin.buffer.read(8); print('hello'); print('world')",
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
        "import sys\n"
        "from datetime import datetime, UTC\n"
        "from pathlib import Path\n"
        "from zoneinfo import ZoneInfo\n"
        "from app.week import calendar_process\n"
        f"path = Path({str(DATA / 'google.ics')!r})\n"
        "meetings = calendar_process.parse_calendar(path.read_bytes(), "
        "datetime(2026, 11, 25, tzinfo=UTC), ZoneInfo('Asia/Jakarta'), path)\n"
        "assert meetings\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'sqlmodel', 'sqlalchemy', 'holidays', 'matplotlib'))\n"
        "print(repr(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_the_tray_folder_and_stray_output_do_not_reach_the_reader(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Started from a folder with a calendar.py and an icalendar.py of someone's
    own, and with a site hook that prints: the same meetings all the same."""
    for name in ("calendar.py", "icalendar.py", "uuid.py"):
        (tmp_path / name).write_text("raise SystemExit('the wrong module')\n")
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text("print('hello from a site hook')\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PYTHONPATH", str(hooks))
    here, digest = read_calendar_if_changed(DATA / "google.ics", None, AROUND, ZONE)
    assert read_in_child(DATA / "google.ics", None, AROUND, ZONE) == (here, digest)


def test_a_fifo_is_refused_unread(tmp_path: Path) -> None:
    """A FIFO set as the calendar would block whoever opens it: refused at once."""
    import os

    fifo = tmp_path / "calendar.ics"
    os.mkfifo(fifo)
    with pytest.raises(FokusError) as caught:
        read_in_child(fifo, None, AROUND, ZONE)
    assert caught.value.params["reason"] == "not a regular file"


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from app.week import calendar

    monkeypatch.setattr(calendar, "MAX_BYTES", 1000)
    with pytest.raises(FokusError) as caught:
        read_in_child(DATA / "google.ics", None, AROUND, ZONE)
    assert "larger than" in caught.value.params["reason"]


def test_a_reader_ends_when_the_tray_does(tmp_path: Path) -> None:
    """The tray ends (its process gone, as a quit ends it) while its reader
    parses a big file: the reader sees its stdin close and ends too."""
    import psutil

    path = ics(tmp_path / "big.ics", 20_000)
    tray = (
        "import os, subprocess, sys, threading, time\n"
        "from datetime import datetime, UTC\n"
        "from pathlib import Path\n"
        "from zoneinfo import ZoneInfo\n"
        "from app.week.calendar_process import read_in_child\n"
        "real = subprocess.Popen\n"
        "def spy(*args, **kwargs):\n"
        "    child = real(*args, **kwargs)\n"
        "    print(child.pid, flush=True)\n"
        "    return child\n"
        "subprocess.Popen = spy\n"
        f"threading.Thread(target=read_in_child, args=(Path({str(path)!r}), None, "
        "datetime.now(UTC), ZoneInfo('Asia/Jakarta')), daemon=True).start()\n"
        "time.sleep(0.5)\n"
        "os._exit(0)\n"
    )
    # Not its stderr: the reader shares it, and a pipe would wait for the reader.
    out = subprocess.run([sys.executable, "-c", tray], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True, check=True, timeout=60)
    reader = psutil.Process(int(out.stdout.split()[0]))
    try:
        # Parsing 20,000 events takes seconds: gone well before that.
        gone, _ = psutil.wait_procs([reader], timeout=1.0)
        # Here nobody may reap the orphan: ended is what counts.
        ended = bool(gone) or reader.status() == psutil.STATUS_ZOMBIE
    finally:
        if reader.is_running():
            reader.kill()
    assert ended, "the reader outlived the tray"


def test_a_reader_that_hangs_is_ended_and_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(calendar_process, "READ_TIMEOUT", 0.5)
    monkeypatch.setattr(calendar_process, "reader_command",
                        lambda: [sys.executable, "-c", "import time; time.sleep(60)"])
    with pytest.raises(FokusError) as caught:
        read_in_child(DATA / "google.ics", None, AROUND, ZONE)
    assert "stopped" in caught.value.params["reason"]


def test_the_reader_ends_cleanly_while_its_stdin_is_still_open() -> None:
    """Its answer given, the reader ends at once, with status 0 and nothing on
    stderr, though the worker has not closed its stdin yet (a reader that went
    through the interpreter's teardown with its stdin thread parked aborted:
    "could not acquire lock for <stdin> at interpreter shutdown")."""
    import pickle

    request = pickle.dumps(((DATA / "google.ics").read_bytes(), str(DATA / "google.ics"),
                            AROUND, ZONE))
    child = subprocess.Popen(calendar_process.reader_command(), stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdin is not None and child.stdout is not None and child.stderr is not None
    try:
        child.stdin.write(len(request).to_bytes(8, "big") + request)
        child.stdin.flush()
        answer = child.stdout.read()  # to the end: the reader has gone
        assert child.wait(timeout=30) == 0
        assert child.stderr.read() == b""
    finally:
        child.stdin.close()
        if child.poll() is None:
            child.kill()
        child.wait()
        child.stdout.close()
        child.stderr.close()
    assert answer.startswith(calendar_process.MARKER)
