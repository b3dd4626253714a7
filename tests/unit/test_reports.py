"""The reflection, the SPACE metrics, the exports and the team report."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import jsonschema
import pytest

from app.clock import FakeClock
from app.domain import PauseReason
from app.errors import FokusError
from app.reports.export import JSON_SCHEMA, ExportOptions, build_report, to_csv, validate
from app.reports.metrics import Metrics
from app.reports.reflection import Answers, Flow, ReflectionService
from app.service import FokusService

WIB = timezone(timedelta(hours=7))


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 23 + day, hour, minute, tzinfo=WIB).astimezone(UTC)


@pytest.fixture
def week(service: FokusService, clock: FakeClock) -> FokusService:
    """A known week: Monday 08:00-09:30 (in the window, uninterrupted), Monday
    10:00-11:00 (core hours, one interruption), Wednesday 15:00-16:00 with a
    10-minute pause; two switches on Monday; a meeting at 09:30 on Tuesday."""
    a = service.add_project("SIASN").id
    b = service.add_project("MyASN").id
    assert a and b
    clock.current = at(0, 8)
    service.start(a, minutes=90)
    clock.current = at(0, 9, 30)
    service.engine.tick()
    service.engine.rate_flow(1, 5)
    clock.current = at(0, 10)
    service.activity.switch(b)
    service.start(b, minutes=60)
    clock.current = at(0, 10, 20)
    service.activity.interrupt("chat")
    clock.current = at(0, 11)
    service.engine.tick()
    service.activity.switch(a)
    clock.current = at(2, 15)
    service.start(a, minutes=60)
    clock.current = at(2, 15, 30)
    service.engine.pause(PauseReason.USER)
    clock.current = at(2, 15, 40)
    service.resume()
    clock.current = at(2, 16, 10)
    service.engine.tick()
    service.week.add_block(a, None, at(0, 8), at(0, 9, 30))  # used
    service.week.add_block(b, None, at(3, 8), at(3, 9, 30))  # not used
    from app.store.models import Meeting

    with service.store.transaction() as s:
        s.add(Meeting(calendar="x", uid="m", start_at=at(1, 9, 30), end_at=at(1, 9, 45),
                      title="Stand-up", utc_offset_min=420))
    svc = ReflectionService(service.store, clock)
    clock.current = at(4, 17)
    svc.save(date(2026, 11, 23), Answers(4, 3, 4, 5, Flow.ONCE, "quiet", "chat", 2))
    svc.save(date(2026, 11, 25), Answers(5, 4, 5, 6, Flow.SEVERAL))
    svc.save(date(2026, 11, 16), Answers(3, 2, 3, 4, Flow.NOT_AT_ALL))  # the week before
    return service


def test_week_metrics_follow_their_definitions(week: FokusService, clock: FakeClock) -> None:
    r = Metrics(week.store, clock).week("2026-W48")
    assert r.deep_minutes == 90 + 60 + 60
    assert r.deep_share_in_windows == round((90 + 60) / 210, 3)  # core-hours hour is outside
    assert r.long_uninterrupted_sessions == 2  # Monday 08:00 and Wednesday; 10:00 was interrupted
    assert r.switches_per_day == round(2 / 5, 2) and r.interruptions_per_day == 0.2
    assert r.estimated_minutes_lost == 40
    assert r.flow_rating == 5.0
    assert r.meetings_in_deep_windows == 1
    assert (r.planned_deep_blocks, r.planned_deep_blocks_used) == (2, 1)
    assert r.satisfaction == 4.5 and r.energy == 3.5
    assert r.satisfaction_trend == 1.5  # against 3.0 the week before
    assert r.reflection_flow == {"not_at_all": 0, "once": 1, "several": 1}
    assert r.projects == {"MyASN": 60.0, "SIASN": 150.0}
    monday = r.days[0]
    assert monday.focus_in_deep_windows_minutes == 90 and monday.by_hour[10] == 60


def test_reflection_is_checked_and_missed_days_are_found(week: FokusService,
                                                          clock: FakeClock) -> None:
    svc = ReflectionService(week.store, clock)
    with pytest.raises(FokusError):
        svc.save(date(2026, 11, 24), Answers(satisfaction=6))
    with pytest.raises(FokusError):
        svc.save(date(2026, 11, 24), Answers(productivity=0))
    with pytest.raises(FokusError):
        svc.save(date(2026, 12, 30), Answers(satisfaction=3))  # the future
    missed = svc.missed_days(7)
    assert date(2026, 11, 24) in missed and date(2026, 11, 23) not in missed
    assert date(2026, 11, 22) not in missed  # a Sunday
    facts = svc.facts(date(2026, 11, 23))
    assert (facts.completed, facts.switches, facts.interruptions) == (2, 2, 1)


def test_export_validates_and_keeps_private_items_out(week: FokusService,
                                                      clock: FakeClock) -> None:
    plain = build_report(week.store, clock, "2026-W48")
    assert validate(plain) == []
    jsonschema.validate(plain, JSON_SCHEMA)
    text = json.dumps(plain)
    for private in ("energy", "burnout", "quiet", "helped"):
        assert private not in text
    assert "SIASN" in text
    full = build_report(week.store, clock, "2026-W48",
                        ExportOptions(free_text=True, health=True, project_names=False,
                                      name="Sari"))
    assert validate(full) == []
    assert full["days"][0]["helped"] == "quiet" and full["days"][0]["energy"] == 3
    assert full["satisfaction_wellbeing"]["energy_mean"] == 3.5
    assert "SIASN" not in json.dumps(full) and {p["project"] for p in full["projects"]} == {
        "P1", "P2"}
    assert full["programmer"] == {"id": plain["programmer"]["id"], "name": "Sari"}
    rows = list(csv.DictReader(io.StringIO(to_csv(plain))))
    assert [r["date"] for r in rows] == [f"2026-11-{d}" for d in range(23, 30)]
    assert rows[0]["focus_minutes"] == "150.0"








def test_team_report_guards_small_groups_and_bad_files(tmp_path: Path, week: FokusService,
                                                       clock: FakeClock) -> None:
    from app.reports import team

    base = build_report(week.store, clock, "2026-W48")
    files = []
    for i in range(2):
        r = json.loads(json.dumps(base))
        r["programmer"] = {"id": f"{i:08d}aaaa", "name": f"P{i}"}
        files.append(tmp_path / f"r{i}.json")
        files[-1].write_text(json.dumps(r))
    two = team.aggregate(files)
    assert not two.enough and all(f.median is None for f in two.figures)
    dup = tmp_path / "dup.json"
    dup.write_text(files[0].read_text())
    other_week = json.loads(files[0].read_text())
    other_week["week"], other_week["programmer"]["id"] = "2026-W40", "ffffffffffff"
    (tmp_path / "old.json").write_text(json.dumps(other_week))
    newer = json.loads(files[0].read_text())
    newer["schema_version"], newer["programmer"]["id"] = 9, "eeeeeeeeeeee"
    (tmp_path / "newer.json").write_text(json.dumps(newer))
    report = team.aggregate([*files, dup, tmp_path / "old.json", tmp_path / "newer.json",
                             tmp_path / "missing.json"])
    reasons = {p.path.name: p.reason for p in report.problems}
    assert "the same programmer as r0.json" in reasons["dup.json"]
    assert "2026-W40" in reasons["old.json"]
    assert "schema version 9" in reasons["newer.json"]
    assert "missing.json" in reasons
    assert report.submitters == ["P0", "P1"]


def test_team_report_speaks_percent_and_adds_projects_plans_and_batches(
        tmp_path: Path, week: FokusService, clock: FakeClock) -> None:
    from app.reports import team

    done = week.add_batch(week.projects()[0].name, "Finished thing", estimate_minutes=30)
    week.set_batch_done(done.id or 0)
    base = build_report(week.store, clock, "2026-W48")
    assert base["efficiency_flow"]["batches_finished"] == 1
    files = []
    for i in range(4):
        r = json.loads(json.dumps(base))
        r["programmer"] = {"id": f"{i:08d}bbbb", "name": f"P{i}"}
        r["efficiency_flow"]["deep_work_share_in_no_meeting_windows"] = 0.8 + i * 0.02
        r["efficiency_flow"]["planned_deep_blocks"] = 5
        r["efficiency_flow"]["planned_deep_blocks_used"] = 4
        r["projects"] = [{"project": "SIASN", "focus_minutes": 120.0}]
        if i == 0:
            r["projects"].append({"project": "Secret side project", "focus_minutes": 60.0})
        files.append(tmp_path / f"r{i}.json")
        files[-1].write_text(json.dumps(r))
    report = team.aggregate(files)
    share = next(f for f in report.figures if f.key == "deep_work_share_in_no_meeting_windows")
    assert share.median == 83.0 and "(%)" in share.label  # percent, as the personal PDF
    assert team.figure_text(share, share.median) == "83 %"
    assert report.projects == [team.ProjectTime("SIASN", 480.0, 4),
                               team.ProjectTime("", 60.0, 1)]  # one person's: not named
    assert report.totals == team.Totals(20, 16, 4)
    csv_text = team.to_csv(report)
    assert "project:SIASN" in csv_text and "Secret" not in csv_text
    assert "total:batches_finished" in csv_text
    out = team.to_pdf(report, tmp_path / "team.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    # An older export without batches_finished is still read.
    old = json.loads(files[0].read_text())
    del old["efficiency_flow"]["batches_finished"]
    files[0].write_text(json.dumps(old))
    again = team.aggregate(files)
    assert again.problems == [] and again.totals.batches_finished == 3


def test_empty_charts_draw_a_plain_axis_and_the_pdf_uses_the_apps_colours(
        week: FokusService, clock: FakeClock) -> None:
    from matplotlib.colors import to_hex
    from matplotlib.figure import Figure

    from app.reports import charts
    from app.reports.metrics import Metrics
    from app.reports.pdf import focus_by_project, report_colours

    fig = Figure()
    ax1, ax2 = fig.subplots(2, 1)
    charts.focus_by_hour(ax1, {}, [(480, 600)])
    charts.wellbeing_over_weeks(ax2, [], "2026-W48", None, None, False)
    assert ax1.get_ylim() == (0, 60)  # not −0.04 to 0.04
    assert [t.get_text() for t in ax1.texts] == ["No focus sessions this week yet."]
    assert [t.get_text() for t in ax2.texts] == ["No reflections in these weeks yet."]

    r = Metrics(week.store, clock).week("2026-W48")
    colours = {p.name: p.colour for p in week.projects()}
    for names in (True, False):
        report = build_report(week.store, clock, "2026-W48",
                              ExportOptions(project_names=names), r)
        mapped = report_colours(report, r, colours)
        ax = Figure().subplots()
        charts.focus_per_day(ax, report, focus_by_project(report, r), mapped)
        drawn = {c.get_label(): to_hex(c.patches[0].get_facecolor()) for c in ax.containers}
        assert drawn and all(drawn[label] == mapped[label] for label in drawn)
        assert set(drawn) <= set(mapped)
