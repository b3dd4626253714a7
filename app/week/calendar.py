"""Calendar import: meetings from ``.ics`` files (Google, Outlook, Apple).

Recurring events are expanded (RRULE, RDATE, EXDATE, moved instances); time
zones are resolved by name, including the Windows names Outlook writes
("SE Asia Standard Time"); cancelled events are left out; all-day events are
kept and marked. An all-day event that is busy (the iCalendar default: leave,
an off-site training) takes its whole day from the planner; one marked free
(TRANSP:TRANSPARENT, Outlook's BUSYSTATUS FREE: birthdays, reminders) does
not, and its stored UID ends in FREE_MARK so the planner can tell. A file
that cannot be read imports nothing: the error names what is wrong, and the
meetings of the previous import stay as they were."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

from app.errors import ErrorCode, FokusError
from app.i18n import _

FREE_MARK = "#free"

# How far around today a recurring series is expanded.
PAST = timedelta(weeks=8)
FUTURE = timedelta(weeks=26)


@dataclass(frozen=True)
class MeetingData:
    uid: str
    start: datetime  # aware
    end: datetime  # aware
    title: str
    all_day: bool
    location: str


def is_free(uid: str) -> bool:
    """Was the stored event marked free (it takes no time from the planner)?"""
    return uid.endswith(FREE_MARK)


def _marked_free(event: Any) -> bool:
    transp = str(event.get("TRANSP", "")).upper()
    status = str(event.get("X-MICROSOFT-CDO-BUSYSTATUS", "")).upper()
    return transp == "TRANSPARENT" or status == "FREE"


def _invalid(path: Path | str, reason: str) -> FokusError:
    return FokusError(ErrorCode.CALENDAR_INVALID, path=path, reason=reason)


def _instant(value: date | datetime, zone: tzinfo) -> tuple[datetime, bool]:
    if isinstance(value, datetime):
        # A "floating" time has no zone: it means the user's own wall clock.
        return (value if value.tzinfo else value.replace(tzinfo=zone)), False
    return datetime.combine(value, time(0), tzinfo=zone), True


def parse_calendar(data: bytes, around: datetime, zone: tzinfo,
                   source: Path | str = "calendar") -> list[MeetingData]:
    import icalendar
    import x_wr_timezone

    text = data.lstrip(b"\xef\xbb\xbf").strip()
    if not text.upper().startswith(b"BEGIN:VCALENDAR"):
        raise _invalid(source, "not an iCalendar file (it must begin with BEGIN:VCALENDAR)")
    if not text.upper().endswith(b"END:VCALENDAR"):
        raise _invalid(source, "the file is cut short (no END:VCALENDAR)")
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except (ValueError, IndexError, KeyError) as exc:
        raise _invalid(source, f"unreadable: {exc}") from exc
    for event in calendar.walk("VEVENT"):
        if event.get("DTSTART") is None:
            raise _invalid(source, f"event “{event.get('SUMMARY', '?')}” has no start time")
        try:
            for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
                if event.get(name) is not None:
                    _ = event[name].dt  # type: ignore[union-attr]
        except Exception as exc:  # icalendar raises several types for bad values
            raise _invalid(source, f"event “{event.get('SUMMARY', '?')}”: {exc}") from exc
    try:
        calendar = x_wr_timezone.to_standard(calendar)
        events = _expand(calendar, around - PAST, around + FUTURE, zone)
    except Exception as exc:  # a broken RRULE or zone surfaces here
        raise _invalid(source, f"cannot expand the events: {exc}") from exc

    meetings: list[MeetingData] = []
    for event in events:
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        start, all_day = _instant(event.decoded("DTSTART"), zone)
        if event.get("DTEND") is not None:
            end, _ = _instant(event.decoded("DTEND"), zone)
        elif event.get("DURATION") is not None:
            end = start + event.decoded("DURATION")
        else:
            end = start + (timedelta(days=1) if all_day else timedelta(0))
        if end < start:
            raise _invalid(source, f"event “{event.get('SUMMARY', '?')}” ends before it starts")
        uid = str(event.get("UID", "")) or hashlib.sha1(
            f"{event.get('SUMMARY')}{start}".encode()).hexdigest()
        free = all_day and _marked_free(event)
        meetings.append(MeetingData(
            uid=f"{uid}@{start.isoformat()}{FREE_MARK if free else ''}",
            start=start,
            end=end,
            title=str(event.get("SUMMARY", "")).strip(),
            all_day=all_day,
            location=str(event.get("LOCATION", "")).strip(),
        ))
    meetings.sort(key=lambda m: (m.start, m.uid))
    return meetings


_RECURRING = ("RRULE", "RDATE", "EXDATE", "RECURRENCE-ID")


def _expand(calendar: Any, start: datetime, stop: datetime, zone: tzinfo) -> list[Any]:
    """The events of ``calendar`` that fall between ``start`` and ``stop``.

    Only series (and the events that move one of their instances) go through
    recurring_ical_events: a single event is kept or left by its own times.
    In a big calendar nearly every event is single, and the library's
    expansion cost as much again as reading the file."""
    import icalendar
    import recurring_ical_events

    per_uid: dict[str, int] = {}
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("UID", ""))
        per_uid[uid] = per_uid.get(uid, 0) + 1
    series = {str(e.get("UID", "")) for e in calendar.walk("VEVENT")
              if any(e.get(name) is not None for name in _RECURRING)}
    single: list[Any] = []
    rest = icalendar.Calendar()
    for key, value in calendar.items():
        rest.add(key, value)
    for component in calendar.subcomponents:
        if component.name == "VEVENT":
            uid = str(component.get("UID", ""))
            if uid and uid not in series and per_uid[uid] == 1:
                single.append(component)
                continue
        rest.add_component(component)
    events = [e for e in single if _overlaps(e, start, stop, zone)]
    events += recurring_ical_events.of(rest).between(start, stop)
    return events


def _overlaps(event: Any, start: datetime, stop: datetime, zone: tzinfo) -> bool:
    """Does a single event touch [start, stop)? (as recurring_ical_events says)"""
    begin, all_day = _instant(event.decoded("DTSTART"), zone)
    if event.get("DTEND") is not None:
        end, _ = _instant(event.decoded("DTEND"), zone)
    elif event.get("DURATION") is not None:
        end = begin + event.decoded("DURATION")
    else:
        end = begin + (timedelta(days=1) if all_day else timedelta(0))
    if begin == end:
        return start <= begin < stop
    return begin < stop and end > start


def file_digest(data: bytes) -> str:
    """What tells an unchanged calendar file apart: a digest of its bytes."""
    return hashlib.sha256(data).hexdigest()


# Far beyond any real calendar (10,000 events take 1.5 MB): a bigger file is
# refused before it is read into memory.
MAX_BYTES = 64 * 2**20


def _read(path: Path) -> bytes:
    """The file's bytes. Only a regular file is read: a FIFO would block (it is
    opened without waiting for a writer) and a device never end."""
    import os
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_BINARY", 0))  # Windows: no newline translation
    except OSError as exc:
        raise _invalid(path, exc.strerror or str(exc)) from exc
    with os.fdopen(fd, "rb") as file:
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise _invalid(path, _("not a regular file"))
            data = b"" if info.st_size > MAX_BYTES else file.read(MAX_BYTES + 1)
            if info.st_size > MAX_BYTES or len(data) > MAX_BYTES:  # grown since fstat
                raise _invalid(path, _("larger than {size} MB").format(size=MAX_BYTES // 2**20))
            return data
        except OSError as exc:
            raise _invalid(path, exc.strerror or str(exc)) from exc


def read_calendar_if_changed(path: Path, known_digest: str | None, around: datetime,
                             zone: tzinfo) -> tuple[list[MeetingData] | None, str]:
    """The file's meetings, or None when its digest is ``known_digest``.

    The digest is taken first and the file parsed only when it changed:
    hashing costs milliseconds where parsing and expanding a big calendar
    takes seconds. Holds no store and no Qt, so it can run in a worker."""
    data = _read(path)
    digest = file_digest(data)
    if digest == known_digest:
        return None, digest
    return parse_calendar(data, around, zone, path), digest
