"""How a calendar import is stored: one ``executemany`` on a connection of its
own (any thread), then one small write through the store's sessions that
tells the listeners. The rows are those the ORM would have written."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from app.clock import FakeClock
from app.store.changes import StoreChanges
from app.store.engine import Store
from app.store.models import Meeting
from app.store.synced import TABLES
from app.week.calendar import MeetingData
from app.week.service import MEETING_COLUMNS, WeekService

WIB = timezone(timedelta(hours=7))
NEW_YORK_WINTER = timezone(timedelta(hours=-5))


def _parsed() -> list[MeetingData]:
    start = datetime(2026, 11, 23, 9, 0, tzinfo=WIB)
    meetings = [MeetingData(f"m{i}@team", start + timedelta(hours=i, seconds=i % 3),
                            start + timedelta(hours=i, minutes=45, microseconds=i * 7),
                            f"Stand-up {i}", i % 5 == 0, f"Room {i % 4}")
                for i in range(40)]
    meetings.append(MeetingData("abroad@team", datetime(2026, 11, 24, 8, tzinfo=NEW_YORK_WINTER),
                                datetime(2026, 11, 24, 9, tzinfo=NEW_YORK_WINTER),
                                "Call with NY", False, ""))
    # Fokus's own blocks shared as a calendar are not meetings.
    meetings.append(MeetingData("fokus-block-7-20261123T020000Z@fokus.local", start,
                                start + timedelta(hours=1), "Deep work", False, ""))
    return meetings


def _raw(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        columns = ", ".join(MEETING_COLUMNS)
        return conn.execute(f"SELECT {columns} FROM meeting ORDER BY uid").fetchall()
    finally:
        conn.close()


def test_the_bulk_insert_stores_what_the_orm_stored(tmp_path: Path, clock: FakeClock) -> None:
    calendar = tmp_path / "team.ics"
    bulk = Store(tmp_path / "bulk.sqlite3")
    orm = Store(tmp_path / "orm.sqlite3")
    try:
        week = WeekService(bulk, clock)
        result = week.save_calendar(calendar, _parsed(), "digest-1")
        assert result.meetings == 41
        # The same meetings added one by one through the ORM.
        with orm.transaction() as s:
            for m in _parsed():
                if m.uid.startswith("fokus-block"):
                    continue
                s.add(Meeting(calendar=str(calendar), uid=m.uid, start_at=m.start,
                              end_at=m.end, utc_offset_min=clock.utc_offset_minutes(m.start),
                              title=m.title, all_day=m.all_day, location=m.location))
        assert _raw(bulk.path) == _raw(orm.path)
        # And read back through the ORM as the same instants.
        stored = week.meetings(datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC))
        assert {(m.uid, m.start_at, m.end_at) for m in stored} == {
            (m.uid, m.start, m.end) for m in _parsed() if not m.uid.startswith("fokus-block")}
    finally:
        bulk.close()
        orm.close()


def test_an_import_replaces_the_files_earlier_meetings_and_no_others(
        store: Store, clock: FakeClock, tmp_path: Path) -> None:
    week = WeekService(store, clock)
    first, other = tmp_path / "team.ics", tmp_path / "other.ics"
    week.save_calendar(first, _parsed(), "d1")
    week.save_calendar(other, _parsed()[:3], "d2")
    week.save_calendar(first, _parsed()[:5], "d3")
    rows = _raw(store.path)
    assert sum(1 for r in rows if r[0] == str(first)) == 5
    assert sum(1 for r in rows if r[0] == str(other)) == 3
    sources = {s.key: (s.events, s.digest) for s in week.calendars()}
    assert sources == {str(first): (5, "d3"), str(other): (3, "d2")}


def test_the_listeners_hear_of_the_import_from_its_record(
        store: Store, clock: FakeClock, tmp_path: Path) -> None:
    week = WeekService(store, clock)
    changes = StoreChanges(store)
    heard: list[frozenset[str]] = []
    changes.subscribe(heard.append)
    try:
        calendar = tmp_path / "team.ics"
        rows = week.meeting_rows(calendar, _parsed())
        assert week.write_meetings(calendar, rows)
        assert heard == []  # round the sessions: told by the record, not before
        assert week.calendar_digest(calendar) is None  # not counted as imported yet
        week.record_calendar(calendar, len(rows), "d1")
        assert heard == [frozenset({"calendar"})]
        assert week.calendar_digest(calendar) == "d1"
        week.save_calendar(calendar, _parsed(), "d2")  # all in one: told once
        assert heard == [frozenset({"calendar"})] * 2
    finally:
        changes.close()


def test_a_write_no_longer_wanted_is_not_made(store: Store, clock: FakeClock,
                                              tmp_path: Path) -> None:
    week = WeekService(store, clock)
    calendar = tmp_path / "team.ics"
    week.save_calendar(calendar, _parsed()[:2], "d1")
    assert not week.write_meetings(calendar, week.meeting_rows(calendar, _parsed()),
                                   only_if=lambda: False)
    assert len(_raw(store.path)) == 2


def test_a_cancelled_write_is_taken_back_only_if_no_other_came_after(
        store: Store, clock: FakeClock, tmp_path: Path) -> None:
    """Settings cancelled while its calendar was read takes its rows back; if
    another import of the same file wrote after it, those rows are the other
    import's and stay."""
    week = WeekService(store, clock)
    calendar = tmp_path / "team.ics"
    rows = week.meeting_rows(calendar, _parsed())
    first = week.write_meetings_counted(calendar, rows)
    second = week.write_meetings_counted(calendar, rows)  # the Week window's Import
    assert first is not None and second is not None and second != first
    assert not week.forget_meetings(calendar, first)
    assert len(_raw(store.path)) == len(rows)
    assert week.forget_meetings(calendar, second)
    assert _raw(store.path) == []
    assert week.write_meetings_counted(calendar, rows, only_if=lambda: False) is None


def test_meetings_stay_on_their_machine_the_sync_does_not_carry_them(
        store: Store, clock: FakeClock, tmp_path: Path) -> None:
    """Each machine imports its own calendar: meetings are not a synced table,
    and an import leaves nothing for the next sync export."""
    assert "meeting" not in {t.name for t in TABLES}
    assert "calendar_source" not in {t.name for t in TABLES}
    week = WeekService(store, clock)
    conn = sqlite3.connect(store.path)
    try:
        dirty = conn.execute("SELECT entity, row_key FROM sync_dirty").fetchall()
        week.save_calendar(tmp_path / "team.ics", _parsed(), "d1")
        assert conn.execute("SELECT entity, row_key FROM sync_dirty").fetchall() == dirty
    finally:
        conn.close()
