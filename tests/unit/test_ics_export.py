"""Deep-work blocks shared as a calendar: busy events colleagues can see,
project names only when chosen, and a file Fokus itself never takes for
meetings, however often it is imported."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from icalendar import Calendar

from app.cli.commands import execute
from app.clock import FakeClock
from app.domain import BlockKind
from app.service import FokusService

MONDAY_8 = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # 08:00 in Jakarta


def _blocks(service: FokusService, clock: FakeClock) -> None:
    clock.current = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
    siasn = service.add_project("SIASN")
    assert siasn.id is not None
    service.week.add_block(siasn.id, None, MONDAY_8, MONDAY_8.replace(hour=2, minute=30),
                           BlockKind.DEEP)
    service.week.add_block(siasn.id, None, MONDAY_8.replace(hour=8),
                           MONDAY_8.replace(hour=9), BlockKind.COLLABORATIVE)


def test_blocks_become_busy_events_without_project_names(service: FokusService,
                                                          clock: FakeClock,
                                                          tmp_path: Path) -> None:
    _blocks(service, clock)
    out = tmp_path / "blocks.ics"
    result = execute(service, "plan", {"week": "2026-W48", "export_ics": str(out)})
    assert result["exported"] == {"file": str(out), "blocks": 1}  # deep blocks only
    events = [c for c in Calendar.from_ical(out.read_bytes()).walk("VEVENT")]
    assert len(events) == 1
    event = events[0]
    assert str(event["summary"]) == "Fokus — deep work"
    assert "SIASN" not in out.read_text()
    assert str(event["transp"]) == "OPAQUE"
    assert event.decoded("dtstart") == MONDAY_8
    assert event.decoded("dtend") == MONDAY_8.replace(hour=2, minute=30)

    named = tmp_path / "named.ics"
    execute(service, "plan", {"week": "2026-W48", "export_ics": str(named),
                              "with_projects": True})
    assert "Fokus — deep work: SIASN" in named.read_text()


def test_the_file_is_stable_and_never_imported_as_meetings(service: FokusService,
                                                           clock: FakeClock,
                                                           tmp_path: Path) -> None:
    _blocks(service, clock)
    out = tmp_path / "blocks.ics"
    service.week.export_blocks_ics("2026-W48", out)
    first = [str(e["uid"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")]
    service.week.export_blocks_ics("2026-W48", out)
    again = [str(e["uid"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")]
    assert first == again  # a subscribed calendar updates, it does not duplicate
    for _ in range(2):
        imported = service.week.import_calendar(out)
        assert imported.meetings == 0
    _, start, end = service.week.week_bounds("2026-W48")
    assert service.week.meetings(start, end) == []
    assert not list(tmp_path.glob(".blocks.ics.*"))  # no temporary file left
