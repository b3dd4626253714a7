"""Reading the edit history back (app/history/log.py): one session's changes
with its pauses', nobody else's; each change's fields; a value lost to another
computer's newer change told apart from an edit undone here."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.clock import FakeClock
from app.history.log import HistoryLog
from app.service import FokusService

DAY = datetime(2026, 11, 23, tzinfo=UTC)


def test_one_sessions_history_holds_its_own_and_its_pauses_changes(
        service: FokusService, clock: FakeClock) -> None:
    clock.current = DAY + timedelta(days=1)
    service.add_project("SIASN")
    pid = service.project("SIASN").id
    assert pid is not None
    ids = [service.history.add_session(pid, None, DAY + timedelta(minutes=60 * i),
                                       DAY + timedelta(minutes=60 * i + 45)).id
           for i in range(11)]
    first, eleventh = ids[0], ids[10]
    assert (first, eleventh) == (1, 11)
    service.history.add_pause(first, DAY + timedelta(minutes=10), DAY + timedelta(minutes=20))
    service.history.add_pause(eleventh, DAY + timedelta(minutes=610),
                              DAY + timedelta(minutes=620))
    service.history.edit_session(first, end=DAY + timedelta(minutes=50))
    log = HistoryLog(service.store)
    mine = log.entries(session_id=first)
    # Its own records and its pause's (pause 1), newest first; not session 11's pause.
    assert {(e.entity, e.entity_id) for e in mine} == {("focus_session", first),
                                                      ("session_pause", 1)}
    assert (mine[-1].entity, mine[-1].action) == ("focus_session", "add")
    (edit,) = [e for e in mine if e.action == "edit" and e.shown_changes]
    assert [(c.field, c.before[11:16], c.after[11:16]) for c in edit.shown_changes] == [
        ("ended_at", "00:45", "00:50")]
    assert not edit.lost and not edit.foreign and not edit.undone
    everything = log.entries()
    assert ("session_pause", 2) in {(e.entity, e.entity_id) for e in everything}
    assert len(everything) > len(mine)
    service.history.undo()
    (undone,) = [e for e in log.entries(session_id=first) if e.id == edit.id]
    assert undone.undone and not undone.lost  # undone here is not lost elsewhere
    assert log.lost_count() == 0
