"""A calendar file parsed by a process of its own, for the tray.

Parsing a big ``.ics`` file holds the interpreter in long pieces: icalendar
unfolds and splits the whole text with single regular-expression calls (about
60 ms at a time for 10,000 events), and its first use imports a few hundred
modules. In the tray that is time its event loop cannot run, whatever thread
does it, and memory it keeps: the libraries stay imported. So the tray's worker
hashes the file (a digest it already knows means nothing to do), and only a
changed file is handed to a child process: the same ``parse_calendar`` runs
there, and the meetings come back as plain rows, a few hundred at a time,
which the worker makes into ``MeetingData`` between turns of the GUI thread.

The worker sends the bytes it read and hashed, so the child opens no file: the
meetings are those of exactly the bytes whose digest is stored, a file is read
once, and whatever the path is (a FIFO, a device) only the worker touches it.
The child is this Python with ``-P`` (the tray's working directory, which may
hold a ``calendar.py`` of someone's own, is not on its import path), or a
bundled app run with ``--calendar-reader`` (packaging/fokus_main.py). It reads
one length-prefixed request on stdin and answers on stdout after a marker
line (whatever a site hook printed before it is skipped; what the libraries
print after it goes to stderr): ``("read", count)``, then ``("rows", [...])``
(each row ``MeetingData``'s fields) until all are sent, then ``("end",)``; or
``("error", code, params)`` for a file that cannot be read, as a
``FokusError``. The worker keeps the child's stdin open until it has the
answer: when it closes, or the tray ends, the child ends too."""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
import threading
from datetime import datetime, tzinfo
from pathlib import Path
from typing import IO, Any, NoReturn

from app.errors import ErrorCode, FokusError
from app.i18n import _
from app.week.calendar import MeetingData, _read, file_digest, parse_calendar

CHUNK = 500  # rows per message: each is made into objects in well under a millisecond
# Far beyond the largest file read (64 MB parse in about a minute): only a hang.
READ_TIMEOUT = 300.0
READER_FLAG = "--calendar-reader"
MARKER = b"fokus-calendar-reader 1\n"
# The folder that holds the app package: looked in last, after the stdlib and
# site-packages, where a plain checkout is not installed.
CODE_ROOT = Path(__file__).resolve().parents[2]


def reader_command() -> list[str]:
    """How this installation starts the child."""
    if getattr(sys, "frozen", False):  # a bundle: no -m, the executable itself
        return [sys.executable, READER_FLAG]
    start = (f"import sys; sys.path.append({str(CODE_ROOT)!r}); "
             "from app.week.calendar_process import main; main()")
    return [sys.executable, "-P", "-c", start]


def read_in_child(path: Path, known_digest: str | None, around: datetime,
                  zone: tzinfo) -> tuple[list[MeetingData] | None, str]:
    """What ``read_calendar_if_changed`` returns, parsed in a child process.

    The file is read and hashed here first: an unchanged one starts no process."""
    data = _read(path)
    digest = file_digest(data)
    if digest == known_digest:
        return None, digest
    request = pickle.dumps((data, str(path), around, zone))
    # Its stderr is the tray's own, so a warning it prints lands in the same
    # place; a tray with none (pythonw on Windows) gives it nothing to write to.
    child = subprocess.Popen(reader_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL if sys.stderr is None else None)
    assert child.stdin is not None and child.stdout is not None
    # A reader that hangs is ended: its answer then stops short, an error.
    guard = threading.Timer(READ_TIMEOUT, child.kill)
    guard.start()
    try:
        try:
            child.stdin.write(len(request).to_bytes(8, "big"))
            child.stdin.write(request)
            child.stdin.flush()
        except OSError:  # it died before it had read the request
            raise _failed(path) from None
        return _answer(child.stdout, path), digest
    finally:
        guard.cancel()
        # Closing its stdin is the child's cue to end; it is waited for, so
        # none is left behind, and killed only if it does not end by itself.
        with contextlib.suppress(OSError):
            child.stdin.close()
        try:
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        child.stdout.close()


def _answer(stream: IO[bytes], path: Path) -> list[MeetingData]:
    try:
        for line in stream:
            if line.endswith(MARKER):  # after a site hook's stray words, if any
                break
        first = pickle.load(stream)
        if first[0] == "error":
            raise FokusError(ErrorCode(first[1]), **first[2])
        count = first[1]
        meetings: list[MeetingData] = []
        while (message := pickle.load(stream))[0] != "end":
            meetings.extend(MeetingData(*row) for row in message[1])
    except FokusError:
        raise
    except Exception:  # cut short (EOFError), or not our answer at all
        raise _failed(path) from None
    if len(meetings) != count:
        raise _failed(path)
    return meetings


def _failed(path: Path) -> FokusError:
    return FokusError(ErrorCode.CALENDAR_INVALID, path=path,
                      reason=_("the calendar reader stopped before it was done"))


def _exactly(stream: IO[bytes], size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:  # the tray went away before it had asked
        os._exit(1)
    return data


def _end_with_parent(fd: int) -> None:
    # Unbuffered: a thread parked in a buffered read holds the buffer's lock,
    # and the interpreter's shutdown then aborts ("could not acquire lock").
    while os.read(fd, 1 << 16):
        pass  # nothing more is sent: end of file means the worker is done, or gone
    os._exit(0)


def main() -> NoReturn:
    """The child: one request on stdin, the answer on stdout; it ends without
    the interpreter's teardown (its reading thread is still parked)."""
    _answer_request()
    sys.stderr.flush()
    os._exit(0)


def _answer_request() -> None:
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # what anything else prints goes to stderr, not into the answer
    source = sys.stdin.buffer
    size = int.from_bytes(_exactly(source, 8), "big")
    data, text_path, around, zone = pickle.loads(_exactly(source, size))
    threading.Thread(target=_end_with_parent, args=(source.fileno(),), daemon=True).start()
    out.write(MARKER)
    try:
        parsed = parse_calendar(data, around, zone, Path(text_path))
    except FokusError as err:
        pickle.dump(("error", err.code.value, _plain(err.params)), out)
        out.flush()
        return
    pickle.dump(("read", len(parsed)), out)
    for at in range(0, len(parsed), CHUNK):
        rows = [(m.uid, m.start, m.end, m.title, m.all_day, m.location)
                for m in parsed[at:at + CHUNK]]
        pickle.dump(("rows", rows), out)
    pickle.dump(("end",), out)
    out.flush()


def _plain(params: dict[str, Any]) -> dict[str, Any]:
    """An error's details as plain values (a path stays a path)."""
    return {k: v if isinstance(v, str | int | float | Path) else str(v)
            for k, v in params.items()}


if __name__ == "__main__":
    main()
