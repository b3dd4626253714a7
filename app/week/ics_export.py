"""Deep-work blocks as a calendar file colleagues can see: each block a busy
event ("Fokus — deep work"), without project names unless the person chooses
to show them, so a shared calendar says "busy", not "what on".

Each event's UID names the block, so a calendar that subscribes to the file
updates the events instead of adding them again, and Fokus's own importer
recognises its blocks and does not take them for meetings."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.clock import as_utc
from app.errors import ErrorCode, FokusError
from app.i18n import N_, _

UID_PREFIX = "fokus-block-"
UID_DOMAIN = "fokus.local"
SUMMARY = N_("Fokus — deep work")


@dataclass(frozen=True)
class SharedBlock:
    id: int
    start_at: datetime
    end_at: datetime
    project: str | None


def is_fokus_block(uid: str) -> bool:
    """Is this calendar event one of Fokus's own blocks (from an exported file)?
    The importer may add the instance's start after the UID."""
    return uid.startswith(UID_PREFIX) and f"@{UID_DOMAIN}" in uid


def to_ics(blocks: Iterable[SharedBlock], now: datetime, with_projects: bool = False) -> bytes:
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//Fokus//Deep-work blocks//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _(SUMMARY))
    stamp = as_utc(now).replace(tzinfo=UTC)
    for block in blocks:
        event = Event()
        start = as_utc(block.start_at).replace(tzinfo=UTC)
        event.add("uid", f"{UID_PREFIX}{block.id}-{start:%Y%m%dT%H%M%SZ}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", as_utc(block.end_at).replace(tzinfo=UTC))
        summary = _(SUMMARY)
        if with_projects and block.project:
            summary = f"{summary}: {block.project}"
        event.add("summary", summary)
        event.add("transp", "OPAQUE")  # busy
        event.add("class", "PRIVATE")
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def write_ics(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename: a calendar that reads the
    file while Fokus writes it never sees half of it."""
    path = path.expanduser()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise FokusError(ErrorCode.DATA_DIR_UNUSABLE, path=path.parent,
                         reason=exc.strerror or exc) from exc
