"""A calendar file parsed by a process of its own, for the tray.

Parsing a big ``.ics`` file holds the interpreter in long pieces: icalendar
unfolds and splits the whole text with single regular-expression calls (about
60 ms at a time for 10,000 events), and its first use imports a few hundred
modules. In the tray that is time its event loop cannot run, whatever thread
does it, and memory it keeps: the libraries stay imported. So the tray's worker
hashes the file (a digest it already knows means nothing to do), and only a
changed file is handed to a child process: the same ``read_calendar_if_changed``
runs there, and the meetings come back as plain rows, a few hundred at a time,
which the worker makes into ``MeetingData`` between turns of the GUI thread.

The child is ``python -m app.week.calendar_process`` (a bundled app runs itself
with ``--calendar-reader``, packaging/fokus_main.py). It reads one request from
stdin and writes pickled messages to stdout: ``("read", digest, count)``, then
``("rows", [...])`` (each row ``MeetingData``'s fields) until all are sent,
then ``("end",)``; or ``("error", code, params)`` for a file that cannot be
read, as a ``FokusError``."""

from __future__ import annotations

import pickle
import subprocess
import sys
from datetime import datetime, tzinfo
from pathlib import Path
from typing import IO, Any

from app.errors import ErrorCode, FokusError
from app.week.calendar import MeetingData, _read, file_digest, read_calendar_if_changed

CHUNK = 500  # rows per message: each is made into objects in well under a millisecond
READER_FLAG = "--calendar-reader"


def reader_command() -> list[str]:
    """How this installation starts the child."""
    if getattr(sys, "frozen", False):  # a bundle: no -m, the executable itself
        return [sys.executable, READER_FLAG]
    return [sys.executable, "-m", "app.week.calendar_process"]


def read_in_child(path: Path, known_digest: str | None, around: datetime,
                  zone: tzinfo) -> tuple[list[MeetingData] | None, str]:
    """What ``read_calendar_if_changed`` returns, parsed in a child process.

    The digest is taken here first: an unchanged file starts no process."""
    digest = file_digest(_read(path))
    if digest == known_digest:
        return None, digest
    request = pickle.dumps((str(path), around, zone))
    # Its stderr is the tray's own: a warning it prints lands in the same place.
    with subprocess.Popen(reader_command(), stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE) as child:
        assert child.stdin is not None and child.stdout is not None
        try:
            child.stdin.write(request)
            child.stdin.close()
            return _answer(child.stdout, path)
        finally:
            # Whatever happened, the child is gone when this returns.
            if child.poll() is None:
                child.kill()
            child.wait()


def _answer(stream: IO[bytes], path: Path) -> tuple[list[MeetingData], str]:
    try:
        first = pickle.load(stream)
    except EOFError:
        raise _failed(path) from None
    if first[0] == "error":
        raise FokusError(ErrorCode(first[1]), **first[2])
    _tag, digest, count = first
    meetings: list[MeetingData] = []
    while True:
        try:
            message = pickle.load(stream)
        except EOFError:
            raise _failed(path) from None
        if message[0] == "end":
            break
        meetings.extend(MeetingData(*row) for row in message[1])
    if len(meetings) != count:
        raise _failed(path)
    return meetings, digest


def _failed(path: Path) -> FokusError:
    return FokusError(ErrorCode.CALENDAR_INVALID, path=path,
                      reason="the calendar reader stopped before it was done")


def main() -> int:
    """The child: one request on stdin, the answer on stdout."""
    out = sys.stdout.buffer
    text_path, around, zone = pickle.load(sys.stdin.buffer)
    try:
        parsed, digest = read_calendar_if_changed(Path(text_path), None, around, zone)
    except FokusError as err:
        pickle.dump(("error", err.code.value, _plain(err.params)), out)
        out.flush()
        return 0
    assert parsed is not None
    pickle.dump(("read", digest, len(parsed)), out)
    for at in range(0, len(parsed), CHUNK):
        rows = [(m.uid, m.start, m.end, m.title, m.all_day, m.location)
                for m in parsed[at:at + CHUNK]]
        pickle.dump(("rows", rows), out)
    pickle.dump(("end",), out)
    out.flush()
    return 0


def _plain(params: dict[str, Any]) -> dict[str, Any]:
    """An error's details as plain values (a path stays a path)."""
    return {k: v if isinstance(v, str | int | float | Path) else str(v)
            for k, v in params.items()}


if __name__ == "__main__":
    sys.exit(main())
