"""Editing the past: the rules (no overlap, split keeps the focus, undo restores
exactly), property-tested over random edit sequences, and the record each edit
leaves (who, when, before and after)."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import col, select

from app.clock import FakeClock, as_utc
from app.domain import PauseReason, SessionState
from app.errors import ErrorCode, FokusError
from app.history import records
from app.service import FokusService
from app.store.changes import HISTORY, SESSIONS, StoreChanges
from app.store.engine import Store
from app.store.models import EditRecord, FocusSession, Interruption

DAY = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)


@contextmanager
def fresh() -> Iterator[FokusService]:
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "fokus.sqlite3")
        clock = FakeClock(current=DAY + timedelta(hours=20))
        svc = FokusService(store, clock, owner="test")
        svc.add_project("SIASN")
        svc.add_project("MyASN")
        try:
            yield svc
        finally:
            store.close()


def state(svc: FokusService) -> dict[str, list[dict[str, Any]]]:
    """Every row a person can edit, as records keep them."""
    with svc.store.transaction() as s:
        return {name: sorted((records.snapshot(r) for r in s.exec(select(model))),
                             key=lambda d: d["id"])
                for name, model in records.ENTITIES.items()}


def assert_no_overlap(svc: FokusService) -> None:
    with svc.store.transaction() as s:
        rows = sorted(s.exec(select(FocusSession)), key=lambda r: as_utc(r.started_at))
    now = svc.clock.now()
    for a, b in zip(rows, rows[1:], strict=False):
        end = as_utc(a.ended_at) if a.ended_at else now
        assert end <= as_utc(b.started_at), (a, b)


def at(minute: int) -> datetime:
    return DAY + timedelta(hours=8, minutes=minute)


# One edit: (kind, session index, minute a, minute b, project index, trim).
edits = st.lists(st.tuples(
    st.sampled_from(["add", "edit", "delete", "split", "pause", "unpause"]),
    st.integers(0, 5), st.integers(0, 600), st.integers(1, 240), st.integers(0, 1),
    st.booleans()), min_size=1, max_size=12)


def apply(svc: FokusService, edit: tuple[str, int, int, int, int, bool]) -> bool:
    """Try one edit; False when the rules refused it."""
    kind, pick, a, length, project, trim = edit
    ids = [e.id for e in svc.history.sessions(DAY, DAY + timedelta(days=1))]
    target = ids[pick % len(ids)] if ids else None
    projects = [p.id for p in svc.projects()]
    try:
        if kind == "add" or target is None:
            svc.history.add_session(projects[project], None, at(a), at(a + length), trim=trim)
        elif kind == "edit":
            svc.history.edit_session(target, start=at(a), end=at(a + length),
                                     project=projects[project], trim=trim)
        elif kind == "delete":
            svc.history.delete_session(target)
        elif kind == "split":
            entry = next(e for e in svc.history.sessions(DAY, DAY + timedelta(days=1))
                         if e.id == target)
            assert entry.ended_at is not None
            span = (entry.ended_at - entry.started_at).total_seconds()
            svc.history.split_session(target, entry.started_at + timedelta(
                seconds=int(span * (a % 100 + 1) / 102)))
        elif kind == "pause":
            svc.history.add_pause(target, at(a), at(a + length // 4 + 1))
        else:
            with svc.store.transaction() as s:
                pause = s.exec(select(records.ENTITIES["session_pause"])).first()
            if pause is None:
                return False
            svc.history.delete_pause(pause.id)  # type: ignore[attr-defined]
    except FokusError as err:
        assert err.code in (ErrorCode.SESSION_OVERLAP, ErrorCode.INVALID_VALUE), err
        return False
    return True


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(edits)
def test_no_edit_sequence_leaves_sessions_overlapping_and_undo_restores_each_state(
        sequence: list[tuple[str, int, int, int, int, bool]]) -> None:
    with fresh() as svc:
        before: list[dict[str, list[dict[str, Any]]]] = []
        for edit in sequence:
            prior = state(svc)
            changed = apply(svc, edit)
            if changed and state(svc) != prior:  # an edit that changes nothing is no step
                before.append(prior)
            elif not changed:
                assert state(svc) == prior  # a refused edit changes nothing
            assert_no_overlap(svc)
        for prior in reversed(before):
            svc.history.undo()
            assert state(svc) == prior
        with pytest.raises(FokusError) as err:
            svc.history.undo()
        assert err.value.code is ErrorCode.NOTHING_TO_UNDO


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(start=st.integers(0, 300), length=st.integers(2, 300),
       pauses=st.lists(st.tuples(st.integers(0, 299), st.integers(1, 60)), max_size=3),
       cut=st.floats(0.01, 0.99))
def test_split_keeps_the_total_focus(start: int, length: int,
                                     pauses: list[tuple[int, int]], cut: float) -> None:
    with fresh() as svc:
        project = svc.projects()[0].id
        assert project is not None
        entry = svc.history.add_session(project, None, at(start), at(start + length))
        for p_start, p_len in pauses:
            with suppress(FokusError):  # overlapping another pause
                svc.history.add_pause(entry.id, at(start + p_start % length),
                                      at(start + p_start % length + p_len))
        whole = svc.history.sessions(DAY, DAY + timedelta(days=1))[0].focus_seconds
        moment = at(start) + timedelta(seconds=max(1, int(length * 60 * cut)))
        first, second = svc.history.split_session(entry.id, moment)
        assert first.ended_at == second.started_at == moment
        assert first.focus_seconds + second.focus_seconds == pytest.approx(whole)
        assert_no_overlap(svc)


def test_overlap_is_refused_naming_the_session_in_the_way(service: FokusService) -> None:
    project = service.add_project("SIASN").id
    assert project is not None
    now = service.clock.now()
    first = service.history.add_session(project, None, now - timedelta(hours=3),
                                        now - timedelta(hours=2))
    with pytest.raises(FokusError) as err:
        service.history.add_session(project, None, now - timedelta(hours=2, minutes=30),
                                    now - timedelta(hours=1))
    assert err.value.code is ErrorCode.SESSION_OVERLAP
    assert err.value.params["session"] == first.id
    assert err.value.params["project"] == "SIASN"


def test_trim_shortens_splits_or_removes_the_other(service: FokusService) -> None:
    project = service.add_project("SIASN").id
    assert project is not None
    now = service.clock.now()
    h = service.history
    long = h.add_session(project, None, now - timedelta(hours=6), now - timedelta(hours=3))
    h.add_session(project, None, now - timedelta(hours=5), now - timedelta(hours=4), trim=True)
    spans = [(e.started_at, e.ended_at) for e in h.sessions(now - timedelta(days=1), now)]
    assert spans == [(now - timedelta(hours=6), now - timedelta(hours=5)),
                     (now - timedelta(hours=5), now - timedelta(hours=4)),
                     (now - timedelta(hours=4), now - timedelta(hours=3))]
    h.add_session(project, None, now - timedelta(hours=7), now - timedelta(hours=2), trim=True)
    assert len(h.sessions(now - timedelta(days=1), now)) == 1
    h.undo()
    h.undo()
    assert [e.id for e in h.sessions(now - timedelta(days=1), now)] == [long.id]


def test_the_running_session_keeps_its_times_but_may_change_project(
        service: FokusService) -> None:
    siasn = service.add_project("SIASN").id
    other = service.add_project("MyASN").id
    assert siasn is not None and other is not None
    view = service.start(siasn)
    service.clock.advance(600)
    h = service.history
    for call in (lambda: h.edit_session(view.id, start=service.clock.now()
                                        - timedelta(hours=1)),
                 lambda: h.delete_session(view.id),
                 lambda: h.split_session(view.id, service.clock.now() - timedelta(minutes=5))):
        with pytest.raises(FokusError) as err:
            call()
        assert err.value.code is ErrorCode.SESSION_RUNNING
    # An added session may not run into it either, not even with trim.
    with pytest.raises(FokusError) as err:
        h.add_session(siasn, None, service.clock.now() - timedelta(minutes=30),
                      service.clock.now() - timedelta(minutes=1), trim=True)
    assert err.value.code is ErrorCode.SESSION_OVERLAP
    h.edit_session(view.id, project=other)
    assert service.current() is not None and service.current().project_id == other  # type: ignore[union-attr]
    service.clock.advance(60)
    h.undo()
    current = service.current()
    assert current is not None and current.project_id == siasn
    assert current.state is SessionState.FOCUSING
    assert current.focused_seconds == pytest.approx(660)


def test_each_edit_is_recorded_with_who_when_and_a_tombstone(store: Store,
                                                              clock: FakeClock) -> None:
    svc = FokusService(store, clock, owner="t")
    svc.history.user, svc.history.machine = "sari", "laptop-7"
    project = svc.add_project("SIASN").id
    assert project is not None
    now = clock.now()
    entry = svc.history.add_session(project, None, now - timedelta(hours=2),
                                    now - timedelta(hours=1))
    svc.history.add_pause(entry.id, now - timedelta(minutes=100), now - timedelta(minutes=90))
    svc.activity.interrupt("chat", at=now - timedelta(minutes=80))
    with store.transaction() as s:
        hit = s.exec(select(Interruption)).one()
        hit.session_id = entry.id
    svc.history.delete_session(entry.id)
    with store.transaction() as s:
        rows = list(s.exec(select(EditRecord).order_by(col(EditRecord.id))))
    assert {(r.user, r.machine) for r in rows} == {("sari", "laptop-7")}
    assert all(as_utc(r.at) == now for r in rows)
    tomb = next(r for r in rows if r.action == "delete" and r.entity == "focus_session")
    assert tomb.after is None and json.loads(tomb.before or "")["id"] == entry.id
    assert len({r.uid for r in rows}) == len(rows)
    # Undo brings the session back under its id, with its pause and interruption.
    svc.history.undo()
    back = svc.history.sessions(now - timedelta(days=1), now)
    assert [e.id for e in back] == [entry.id] and back[0].mark == "added"
    assert back[0].focus_seconds == pytest.approx(50 * 60)
    with store.transaction() as s:
        assert s.exec(select(Interruption)).one().session_id == entry.id
        assert all(r.undone for r in s.exec(select(EditRecord).where(
            EditRecord.action == "delete")))


def test_an_idle_decision_can_be_changed_afterwards(service: FokusService) -> None:
    """Away time counted as away can count as focus later, and back."""
    siasn = service.add_project("SIASN").id
    assert siasn is not None
    service.start(siasn, minutes=60)
    service.clock.advance(600)
    service.engine.pause(PauseReason.IDLE)
    service.clock.advance(600)
    service.resume()
    service.clock.advance(600)
    view = service.stop()
    assert view.focused_seconds == pytest.approx(1200)
    with service.store.transaction() as s:
        pause = s.exec(select(records.ENTITIES["session_pause"])).one()
    service.history.delete_pause(pause.id)  # type: ignore[attr-defined]
    entry = service.history.sessions(view.started_at, service.clock.now())[0]
    assert entry.focus_seconds == pytest.approx(1800) and entry.mark == "edited"
    service.history.undo()
    entry = service.history.sessions(view.started_at, service.clock.now())[0]
    assert entry.focus_seconds == pytest.approx(1200) and entry.mark is None


def test_switches_and_interruptions_are_edited_and_deleted(service: FokusService) -> None:
    siasn = service.add_project("SIASN").id
    other = service.add_project("MyASN").id
    assert siasn is not None and other is not None
    switched = service.activity.switch(siasn)
    hit = service.activity.interrupt("chat")
    service.clock.advance(3600)
    h = service.history
    h.edit_switch(switched.switch_id, to_project=other, trigger="urgent")
    h.edit_interruption(hit.id or 0, source="phone", minutes=5)  # type: ignore[arg-type]
    assert h.marks("context_switch", [switched.switch_id]) == {switched.switch_id: "edited"}
    h.delete_entry("interruption", hit.id or 0)
    assert service.activity.day_log()["interruptions"] == []
    h.undo()
    assert service.activity.day_log()["interruptions"][0]["source"] == "phone"
    h.undo()
    assert service.activity.day_log()["interruptions"][0]["source"] == "chat"


def test_edits_announce_the_topics_the_figures_listen_to(store: Store,
                                                         clock: FakeClock) -> None:
    svc = FokusService(store, clock, owner="t")
    changes = StoreChanges(store)
    heard: list[frozenset[str]] = []
    changes.subscribe(heard.append)
    try:
        project = svc.add_project("SIASN").id
        assert project is not None
        heard.clear()
        now = clock.now()
        svc.history.add_session(project, None, now - timedelta(hours=1), now)
        svc.history.undo()
    finally:
        changes.close()
    assert heard and all({SESSIONS, HISTORY} <= topics for topics in heard)


def test_nothing_goes_into_the_future_or_shorter_than_a_minute(service: FokusService) -> None:
    project = service.add_project("SIASN").id
    assert project is not None
    now = service.clock.now()
    for start, end in ((now - timedelta(minutes=10), now + timedelta(minutes=1)),
                       (now - timedelta(seconds=30), now),
                       (now, now - timedelta(minutes=5))):
        with pytest.raises(FokusError) as err:
            service.history.add_session(project, None, start, end)
        assert err.value.code is ErrorCode.INVALID_VALUE


def test_the_week_report_counts_sessions_added_and_edited_after_the_fact(
        service: FokusService) -> None:
    from app.reports.export import build_report, validate
    from app.reports.metrics import Metrics
    from app.reports.pdf import summary_rows

    siasn = service.add_project("SIASN").id
    assert siasn is not None
    service.start(siasn, minutes=25)
    service.clock.advance(30 * 60)
    real = service.current() or service.last_session()
    assert real is not None
    now = service.clock.now()
    service.history.add_session(siasn, None, now - timedelta(hours=3), now - timedelta(hours=2))
    week = "2026-W48"
    before = Metrics(service.store, service.clock).week(week)
    assert (before.sessions_added, before.sessions_edited, before.deep_minutes) == (1, 0, 85)
    service.history.edit_session(real.id, start=real.started_at + timedelta(minutes=5))
    report = build_report(service.store, service.clock, week)
    assert validate(report) == []
    flow = report["efficiency_flow"]
    assert (flow["sessions_added_after_the_fact"], flow["sessions_edited_after_the_fact"]) == (1, 1)
    assert flow["deep_work_minutes"] == 80  # the figures follow the edit at once
    assert ("Sessions added / edited after the fact", "1 / 1") in summary_rows(report)


def test_undo_never_overwrites_a_row_that_took_a_freed_id(service: FokusService) -> None:
    """SQLite gives the highest freed id to the next new row: undoing the deletion
    of the latest session after a new one started is refused, changing nothing."""
    siasn = service.add_project("SIASN").id
    assert siasn is not None
    now = service.clock.now()
    old = service.history.add_session(siasn, None, now - timedelta(hours=2),
                                      now - timedelta(hours=1))
    service.history.delete_session(old.id)
    started = service.start(siasn)
    assert started.id == old.id  # the freed id, given again
    with pytest.raises(FokusError) as err:
        service.history.undo()
    assert err.value.code is ErrorCode.UNDO_CONFLICT
    current = service.current()
    assert current is not None and current.started_at == now
    # A session added by hand never takes a tombstone's id.
    service.stop()
    service.history.delete_session(started.id)
    again = service.history.add_session(siasn, None, now - timedelta(hours=4),
                                        now - timedelta(hours=3))
    assert again.id > started.id


def test_fokus_edits_says_who_changed_what_in_the_persons_words() -> None:
    from app.cli.commands import REGISTRY, execute

    with fresh() as svc:
        svc.clock.offset_minutes = 420  # type: ignore[attr-defined]
        entry = svc.history.add_session(1, None, DAY + timedelta(hours=2),
                                        DAY + timedelta(hours=3))
        svc.history.edit_session(entry.id, project=2)
        result = execute(svc, "edits", {"limit": 5})
        first, second = result["edits"]
        assert (first["action"], second["action"]) == ("edit", "add")
        assert first["changed"]["project_id"] == {"before": 1, "after": 2}
        text = REGISTRY.get("edits").text(result)  # type: ignore[misc]
        assert "project SIASN → MyASN" in text, text
        assert "heartbeat" not in text and "_id" not in text, text  # no column names
        assert "session #1 added" in text
