"""Time two computers' sessions share counts once (app/focus/counted.py): in
Today's log, the goals, the weekly figures and the plan, the same on both
computers, while the sync still shows the conflict."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from app.domain import EndReason, SessionState
from app.focus.counted import counted_focus, focused_stretches
from app.reports.metrics import Metrics
from app.store.engine import Store
from app.store.models import FocusSession, Project, SessionPause
from app.week.workmodel import iso_week_of
from tests.unit.test_sync import DAY, two

T0 = DAY + timedelta(hours=1)  # 08:00 in Jakarta, Monday 23 November 2026


def _union_seconds(stretches: list[tuple[datetime, datetime]]) -> float:
    total, reach = 0.0, None
    for a, z in sorted(stretches):
        if reach is None or a >= reach:
            total += (z - a).total_seconds()
            reach = z
        elif z > reach:
            total += (z - reach).total_seconds()
            reach = z
    return total


# A session: (start minute, length, [(pause start offset, pause length)]).
SESSION = st.tuples(st.integers(0, 600), st.integers(1, 240),
                    st.lists(st.tuples(st.integers(0, 240), st.integers(1, 60)), max_size=2))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sessions=st.lists(SESSION, min_size=1, max_size=6), cut=st.integers(0, 700))
def test_overlapping_sessions_count_the_union_of_their_focus_once(
        tmp_path_factory: pytest.TempPathFactory,
        sessions: list[tuple[int, int, list[tuple[int, int]]]], cut: int) -> None:
    store = Store(tmp_path_factory.mktemp("counted") / "fokus.sqlite3")
    now = T0 + timedelta(days=1)
    try:
        with store.transaction() as s:
            project = Project(name="SIASN", created_at=T0)
            s.add(project)
            s.flush()
            assert project.id is not None
            for start_min, length, pauses in sessions:
                start = T0 + timedelta(minutes=start_min)
                x = FocusSession(project_id=project.id, planned_minutes=length,
                                 started_at=start, ended_at=start + timedelta(minutes=length),
                                 state=SessionState.FINISHED, end_reason=EndReason.STOPPED,
                                 heartbeat_at=start)
                s.add(x)
                s.flush()
                assert x.id is not None
                for offset, pause in pauses:
                    p0 = start + timedelta(minutes=min(offset, length))
                    s.add(SessionPause(session_id=x.id, started_at=p0,
                                       ended_at=p0 + timedelta(minutes=pause)))
        with store.transaction() as s:
            rows = list(s.exec(select(FocusSession)))
            pauses_of: dict[int, list[SessionPause]] = {}
            for p in s.exec(select(SessionPause)):
                pauses_of.setdefault(p.session_id, []).append(p)
            whole = counted_focus(s, rows, pauses_of, now)
            # Asked about a part only (a day of a week), each session counts the same.
            part = [x for x in rows if x.started_at < T0 + timedelta(minutes=cut)]
            some = counted_focus(s, part, {k: v for k, v in pauses_of.items()
                                           if k in {x.id for x in part}}, now)
        focus = [st_ for x in rows for st_ in focused_stretches(
            x, pauses_of.get(x.id or -1, []), now)]
        assert whole.total_seconds() == pytest.approx(_union_seconds(focus))
        for x in rows:
            assert x.id is not None
            own = sum((z - a).total_seconds()
                      for a, z in focused_stretches(x, pauses_of.get(x.id, []), now))
            assert 0 <= whole.seconds[x.id] <= own + 1e-6
            assert whole.seconds[x.id] + whole.shared.get(x.id, 0.0) == pytest.approx(own)
        for x in part:
            assert x.id is not None
            assert some.seconds[x.id] == pytest.approx(whole.seconds[x.id])
    finally:
        store.close()


def test_a_conflict_counts_its_shared_time_once_everywhere_and_alike_on_both(
        tmp_path: Path) -> None:
    with two(tmp_path) as (a, b, _fa, _fb):
        a.svc.add_project("SIASN")
        a.svc.add_batch("SIASN", "Cuti API", estimate_minutes=600)
        a.svc.sync.sync()
        b.svc.sync.sync()
        project_a = a.svc.project("SIASN").id
        project_b = b.svc.project("SIASN").id
        batch_a = a.svc.batches()[0].id
        batch_b = b.svc.batches()[0].id
        assert project_a is not None and project_b is not None
        a.svc.history.add_session(project_a, batch_a, DAY + timedelta(hours=2),
                                  DAY + timedelta(hours=3))
        b.svc.history.add_session(project_b, batch_b, DAY + timedelta(hours=2, minutes=30),
                                  DAY + timedelta(hours=4))
        a.svc.sync.sync()
        b.svc.sync.sync()
        a.svc.sync.sync()
        week = iso_week_of(DAY.date())
        seen = []
        for side in (a, b):
            # The conflict is still shown…
            assert len(side.svc.sync.conflicts()) == 1
            # …and its 30 shared minutes count once: 60 + 90 - 30.
            report = Metrics(side.store, side.clock).week(week)
            assert report.deep_minutes == 120.0
            monday = report.days[0]
            assert monday.focus_minutes == pytest.approx(120.0)
            assert sum(monday.by_hour.values()) == pytest.approx(120.0)
            assert report.projects == {"SIASN": 120.0}
            log = side.svc.activity.day_log(DAY.date())
            assert log["focus_minutes"] == 120.0
            assert sorted(r["shared_minutes"] for r in log["sessions"]) == [0.0, 30.0]
            assert side.svc.goals.week(week).done_minutes == pytest.approx(120.0)
            (left,) = side.svc.week.batches_to_plan()
            assert left.minutes_left == 600 - 120
            # The session that began first keeps the shared time, on both.
            seen.append({r["start"]: r["focus_minutes"] for r in log["sessions"]})
        assert seen[0] == seen[1]
        assert sorted(seen[0].values()) == [60.0, 60.0]
        # Settled (the later one deleted): the other's time stands alone.
        loser = a.svc.sync.conflicts()[0].second
        a.svc.history.delete_session(loser)
        a.svc.sync.sync()
        b.svc.sync.sync()
        for side in (a, b):
            assert side.svc.sync.conflicts() == []
            assert Metrics(side.store, side.clock).week(week).deep_minutes == 60.0


def test_sessions_that_overlap_nothing_count_as_before(tmp_path: Path) -> None:
    with two(tmp_path) as (a, _b, _fa, _fb):
        a.svc.add_project("SIASN")
        project = a.svc.project("SIASN").id
        assert project is not None
        a.svc.history.add_session(project, None, DAY + timedelta(hours=2),
                                  DAY + timedelta(hours=3))
        a.svc.history.add_session(project, None, DAY + timedelta(hours=3),
                                  DAY + timedelta(hours=4, minutes=15))
        assert a.svc.activity.day_log(DAY.date())["focus_minutes"] == 135.0
        assert Metrics(a.store, a.clock).week(iso_week_of(DAY.date())).deep_minutes == 135.0
