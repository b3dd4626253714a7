"""The quicker ways of the paths a user waits on give the same results as the
plain ways they replace: a calendar's single events kept by their own times,
the day's and week's queries that read only that day or week."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
import x_wr_timezone

from app.week.calendar import FUTURE, PAST, _expand, parse_calendar

DATA = Path(__file__).resolve().parents[1] / "data"
ZONE = ZoneInfo("Asia/Jakarta")
AROUND = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)


def edges() -> bytes:
    """Single events on and around the expansion window's edges, a zero-length
    one, an all-day one, one with a duration, a series and a moved instance."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Fokus test//EN"]

    def event(uid: str, *props: str) -> None:
        lines.extend(["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20261101T000000Z", *props,
                      "SUMMARY:" + uid, "END:VEVENT"])

    for name, at in (("start", AROUND - PAST), ("stop", AROUND + FUTURE)):
        for shift in (-60, -30, 0, 30):
            a = at + timedelta(minutes=shift)
            event(f"{name}{shift}", f"DTSTART:{a:%Y%m%dT%H%M%SZ}",
                  f"DTEND:{a + timedelta(minutes=30):%Y%m%dT%H%M%SZ}")
            event(f"{name}{shift}-zero", f"DTSTART:{a:%Y%m%dT%H%M%SZ}")
    event("allday", "DTSTART;VALUE=DATE:20261126")
    event("floating", "DTSTART:20261126T090000", "DURATION:PT45M")
    event("series", "DTSTART:20261102T020000Z", "DTEND:20261102T030000Z",
          "RRULE:FREQ=WEEKLY;COUNT=10")
    event("series", "RECURRENCE-ID:20261109T020000Z", "DTSTART:20261109T040000Z",
          "DTEND:20261109T050000Z")
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines).encode()


def plain(data: bytes) -> list[tuple[str, Any]]:
    calendar = x_wr_timezone.to_standard(icalendar.Calendar.from_ical(data))
    events = recurring_ical_events.of(calendar).between(AROUND - PAST, AROUND + FUTURE)
    return sorted((str(e.get("UID")), e.decoded("DTSTART")) for e in events)


@pytest.mark.parametrize("data", [
    (DATA / "outlook.ics").read_bytes(), (DATA / "google.ics").read_bytes(),
    (DATA / "apple.ics").read_bytes(), edges()], ids=["outlook", "google", "apple", "edges"])
def test_single_events_are_kept_as_the_full_expansion_keeps_them(data: bytes) -> None:
    calendar = x_wr_timezone.to_standard(icalendar.Calendar.from_ical(data))
    quick = sorted((str(e.get("UID")), e.decoded("DTSTART"))
                   for e in _expand(calendar, AROUND - PAST, AROUND + FUTURE, ZONE))
    assert quick == plain(data)
    assert parse_calendar(data, AROUND, ZONE)  # and the whole reading agrees with it
