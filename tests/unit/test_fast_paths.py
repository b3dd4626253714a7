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
from sqlmodel import col, select

from app.clock import FakeClock
from app.domain import SessionState
from app.focus.engine import sessions_between
from app.service import FokusService
from app.store.engine import Store
from app.store.models import FocusSession
from app.week.calendar import FUTURE, PAST, _expand, parse_calendar
from app.week.workmodel import iso_week_of

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


# -- the day's and week's questions --------------------------------------------------


def _session(store: Store, started: datetime, ended: datetime | None, batch: int | None,
             project: int) -> None:
    with store.transaction() as s:
        s.add(FocusSession(project_id=project, batch_id=batch, planned_minutes=50,
                           started_at=started, utc_offset_min=420, ended_at=ended,
                           heartbeat_at=ended or started,
                           state=SessionState.FINISHED if ended else SessionState.PAUSED,
                           source="test"))


def test_the_day_reads_the_sessions_the_plain_question_finds(service: FokusService) -> None:
    p = service.add_project("SIASN").id
    assert p is not None
    day = datetime(2026, 11, 24, tzinfo=UTC)
    h = timedelta(hours=1)
    for started, ended in [
            (day - 400 * 24 * h, day - 399 * 24 * h),  # long ago
            (day - 2 * h, day + 2 * h),  # across midnight
            (day + 3 * h, day + 4 * h), (day + 30 * h, day + 31 * h),  # the day, the next
            (day - 3 * 24 * h, day + 5 * h),  # paused over a long weekend, then stopped
            (day - 40 * 24 * h, None)]:  # still open after forty days
        _session(service.store, started, ended, None, p)
    start, end = day, day + 24 * h
    with service.store.transaction() as s:
        plain = {x.id for x in s.exec(select(FocusSession).where(
            col(FocusSession.started_at) < end,
            (col(FocusSession.ended_at).is_(None)) | (col(FocusSession.ended_at) > start)))}
        quick = {x.id for x in s.exec(select(FocusSession).where(sessions_between(start, end)))}
    assert quick == plain and len(plain) == 4


def test_the_planner_sums_what_the_plain_sum_gives(service: FokusService,
                                                   clock: FakeClock) -> None:
    p = service.add_project("SIASN").id
    assert p is not None
    now = clock.now()
    done = service.add_batch(p, "Old", estimate_minutes=100)
    open_ = service.add_batch(p, "Open", estimate_minutes=300)
    assert done.id is not None and open_.id is not None
    for back in (1, 2, 3):
        _session(service.store, now - timedelta(hours=back * 3),
                 now - timedelta(hours=back * 3 - 1), open_.id, p)
        _session(service.store, now - timedelta(hours=back * 3 + 1),
                 now - timedelta(hours=back * 3), done.id, p)
    service.set_batch_done(done.id)
    _, start, end = service.week.week_bounds(iso_week_of(service.week.local(now).date()))
    planned = {b.id: b.minutes_left for b in service.week.batches_to_plan()}
    assert planned == {open_.id: 300 - 180}
