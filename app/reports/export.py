"""The weekly self-report as data: what leaves the machine, after a preview.

One function builds the report as a dictionary (the JSON export, which the
CSV and PDF are made from), so the preview shows exactly what is written.
Health-like items (energy, burnout) and free text stay out unless the user
includes them; project names can be replaced by codes. Each report names its
programmer (a display name) and carries a stable pseudonymous id, so a PIC can
see who has sent this week's report without names in the figures."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app import __version__
from app.clock import Clock
from app.errors import ErrorCode, FokusError
from app.focus.goals import WeekGoal
from app.reports.metrics import Metrics, WeekReport
from app.store.engine import Store
from app.store.settings import DISPLAY_NAME, REPORTER_ID, Settings
from app.week.workmodel import iso_week_days

SCHEMA_VERSION = 1
KIND = "fokus.self-report"

_int = {"type": "integer", "minimum": 0}
# The ranges a figure can take: a report outside them was not written by Fokus.
_scale = {"type": ["number", "null"], "minimum": 1, "maximum": 5}
_trend = {"type": ["number", "null"], "minimum": -4, "maximum": 4}
_share = {"type": ["number", "null"], "minimum": 0, "maximum": 1}
_rate = {"type": ["number", "null"], "minimum": 0}
DAY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["date", "location", "focus_minutes", "focus_in_deep_windows_minutes",
                 "sessions", "completed", "abandoned", "long_uninterrupted_sessions",
                 "switches", "interruptions", "estimated_minutes_lost", "meetings",
                 "meetings_in_deep_windows", "satisfaction", "focus", "productivity", "flow"],
    "properties": {
        "date": {"type": "string", "format": "date"},
        "location": {"enum": ["WFA", "WFO", "off", "holiday"]},
        "focus_minutes": {"type": "number", "minimum": 0},
        "focus_in_deep_windows_minutes": {"type": "number", "minimum": 0},
        "sessions": _int, "completed": _int, "abandoned": _int,
        "long_uninterrupted_sessions": _int, "switches": _int, "interruptions": _int,
        "estimated_minutes_lost": _int, "meetings": _int, "meetings_in_deep_windows": _int,
        "satisfaction": {"type": ["integer", "null"], "minimum": 1, "maximum": 5},
        "focus": {"type": ["integer", "null"], "minimum": 1, "maximum": 5},
        "productivity": {"type": ["integer", "null"], "minimum": 1, "maximum": 7},
        "flow": {"enum": ["not_at_all", "once", "several", None]},
        "energy": {"type": ["integer", "null"], "minimum": 1, "maximum": 5},
        "burnout": {"type": ["integer", "null"], "minimum": 1, "maximum": 5},
        "helped": {"type": "string"},
        "hindered": {"type": "string"},
    },
    "additionalProperties": False,
}
JSON_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Fokus weekly SPACE self-report",
    "type": "object",
    "required": ["kind", "schema_version", "week", "generated_at", "generator", "programmer",
                 "included", "satisfaction_wellbeing", "efficiency_flow", "projects", "days"],
    "properties": {
        "kind": {"const": KIND},
        "schema_version": {"const": SCHEMA_VERSION},
        "week": {"type": "string", "pattern": "^[0-9]{4}-W[0-9]{2}$"},
        "generated_at": {"type": "string"},
        "generator": {"type": "string"},
        "programmer": {
            "type": "object", "required": ["id", "name"],
            "properties": {"id": {"type": "string", "minLength": 8},
                           "name": {"type": ["string", "null"]}},
            "additionalProperties": False,
        },
        "included": {
            "type": "object", "required": ["free_text", "health", "project_names"],
            "properties": {k: {"type": "boolean"} for k in ("free_text", "health",
                                                           "project_names")},
            "additionalProperties": False,
        },
        "satisfaction_wellbeing": {
            "type": "object",
            "required": ["satisfaction_mean", "satisfaction_trend", "reflections"],
            "properties": {"satisfaction_mean": _scale, "satisfaction_trend": _trend,
                           "energy_mean": _scale, "energy_trend": _trend,
                           "burnout_mean": _scale, "reflections": _int},
            "additionalProperties": False,
        },
        "efficiency_flow": {
            "type": "object",
            "required": ["deep_work_minutes", "deep_work_share_in_no_meeting_windows",
                         "long_uninterrupted_sessions", "interruptions_per_day",
                         "switches_per_day", "estimated_minutes_lost_to_switching",
                         "resumption_buffer_minutes", "session_flow_rating_mean",
                         "reflection_flow", "meetings_in_no_meeting_windows",
                         "planned_deep_blocks", "planned_deep_blocks_used"],
            "properties": {
                "deep_work_minutes": {"type": "number", "minimum": 0},
                "deep_work_share_in_no_meeting_windows": _share,
                "long_uninterrupted_sessions": _int,
                "interruptions_per_day": _rate,
                "switches_per_day": _rate,
                "estimated_minutes_lost_to_switching": _int,
                "resumption_buffer_minutes": _int,
                # Present when the buffer is the person's measured median lag.
                "resumption_lag_measured": {
                    "type": ["object", "null"],
                    "required": ["n", "median_minutes", "min_minutes", "max_minutes"],
                    "properties": {"n": _int, "median_minutes": {"type": "number", "minimum": 0},
                                   "min_minutes": {"type": "number", "minimum": 0},
                                   "max_minutes": {"type": "number", "minimum": 0}},
                    "additionalProperties": False},
                "session_flow_rating_mean": _scale,
                "reflection_flow": {"type": "object",
                                    "required": ["not_at_all", "once", "several"],
                                    "additionalProperties": _int},
                "meetings_in_no_meeting_windows": _int,
                "planned_deep_blocks": _int,
                "planned_deep_blocks_used": _int,
                "batches_finished": _int,  # optional: older exports do not have it
                "sessions_added_after_the_fact": _int,
                "sessions_edited_after_the_fact": _int,
            },
            "additionalProperties": False,
        },
        "projects": {"type": "array", "items": {
            "type": "object", "required": ["project", "focus_minutes"],
            "properties": {"project": {"type": "string"},
                           "focus_minutes": {"type": "number", "minimum": 0}},
            "additionalProperties": False}},
        "days": {"type": "array", "minItems": 7, "maxItems": 7, "items": DAY_SCHEMA},
        "goals_breaks": {
            "type": "object",
            "required": ["weekly_goal", "daily_cap_minutes", "days_over_daily_cap", "breaks"],
            "properties": {
                "weekly_goal": {
                    "type": "object",
                    "required": ["goal_minutes", "goal_source", "done_minutes", "met",
                                 "difference_minutes"],
                    "properties": {"goal_minutes": _int,
                                   "goal_source": {"enum": ["work_model", "setting"]},
                                   "done_minutes": {"type": "number", "minimum": 0},
                                   "met": {"type": "boolean"},
                                   "difference_minutes": {"type": "integer"}},
                    "additionalProperties": False},
                "daily_cap_minutes": _int,
                "days_over_daily_cap": _int,
                "breaks": {"type": "object",
                           "required": ["suggested", "taken", "cut_short", "skipped",
                                        "skipped_for_meetings", "suggested_minutes",
                                        "taken_minutes"],
                           "additionalProperties": _int},
            },
            "additionalProperties": False,
        },
    },
    "additionalProperties": False,
}


def goals_and_breaks(store: Store, clock: Clock, week: str,
                     report: WeekReport) -> dict[str, Any]:
    """The week against the weekly deep-work goal (met or not, by how much), the
    days past the daily cap, and the breaks taken against suggested."""
    from app.focus.breaks import BreakService, tally
    from app.focus.goals import Goals
    from app.store.settings import DAILY_DEEP_WORK_CAP

    goals = Goals(store, clock)
    days = iso_week_days(week)
    start, end = goals.bounds(days[0], days[-1])
    goal, derived = goals.weekly_goal(week)
    weekly = WeekGoal(week, goal, derived, report.deep_minutes)
    cap = Settings(store).get(DAILY_DEEP_WORK_CAP)
    return {"weekly_goal": weekly.to_json(), "daily_cap_minutes": cap,
            "days_over_daily_cap": sum(1 for d in report.days if d.focus_minutes > cap),
            "breaks": tally(BreakService(store, clock).between(start, end),
                            clock.now()).to_json()}


@dataclass(frozen=True)
class ExportOptions:
    free_text: bool = False
    health: bool = False
    project_names: bool = True
    name: str | None = None  # overrides the display name in settings


def reporter_id(store: Store) -> str:
    """A stable pseudonymous id: random, made once, kept in settings."""
    settings = Settings(store)
    value = settings.get(REPORTER_ID)
    if len(value) < 8:
        value = settings.set(REPORTER_ID, uuid.uuid4().hex)
    return value


def project_codes(names: list[str]) -> dict[str, str]:
    return {name: f"P{i + 1}" for i, name in enumerate(sorted(names, key=str.lower))}


def batches_finished(store: Store, clock: Clock, week: str) -> int:
    """Batches marked done during ``week`` (local days)."""
    from datetime import datetime, time, timedelta

    from sqlmodel import col, func, select

    from app.store.models import ProjectBatch
    from app.week.workmodel import iso_week_days

    days = iso_week_days(week)
    zone = clock.zone()
    start = datetime.combine(days[0], time(0), tzinfo=zone)
    end = datetime.combine(days[-1] + timedelta(days=1), time(0), tzinfo=zone)
    with store.transaction() as s:
        found = s.exec(select(func.count()).select_from(ProjectBatch).where(
            col(ProjectBatch.done_at) >= start, col(ProjectBatch.done_at) < end)).one()
    return int(found)


def day_rows(r: WeekReport, options: ExportOptions) -> list[dict[str, Any]]:
    """The report's days (``build_report``'s "days"), from the week's figures alone."""
    days = []
    for d in r.days:
        ref = d.reflection
        row: dict[str, Any] = {
            "date": d.day.isoformat(),
            "location": d.location,
            "focus_minutes": round(d.focus_minutes, 1),
            "focus_in_deep_windows_minutes": round(d.focus_in_deep_windows_minutes, 1),
            "sessions": d.sessions, "completed": d.completed, "abandoned": d.abandoned,
            "long_uninterrupted_sessions": d.long_uninterrupted,
            "switches": d.switches, "interruptions": d.interruptions,
            "estimated_minutes_lost": d.estimated_minutes_lost,
            "meetings": d.meetings, "meetings_in_deep_windows": d.meetings_in_deep_windows,
            "satisfaction": ref.satisfaction if ref else None,
            "focus": ref.focus_ability if ref else None,
            "productivity": ref.productivity if ref else None,
            "flow": ref.flow if ref else None,
        }
        if options.health:
            row["energy"] = ref.energy if ref else None
            row["burnout"] = ref.burnout if ref else None
        if options.free_text:
            row["helped"] = ref.helped if ref else ""
            row["hindered"] = ref.hindered if ref else ""
        days.append(row)
    return days


def build_report(store: Store, clock: Clock, week: str,
                 options: ExportOptions = ExportOptions(),
                 report: WeekReport | None = None) -> dict[str, Any]:
    r = report or Metrics(store, clock).week(week)
    codes = project_codes(list(r.projects))

    def project(name: str) -> str:
        return name if options.project_names else codes[name]

    days = day_rows(r, options)
    wellbeing: dict[str, Any] = {
        "satisfaction_mean": r.satisfaction,
        "satisfaction_trend": r.satisfaction_trend,
        "reflections": sum(1 for d in r.days if d.reflection is not None),
    }
    if options.health:
        wellbeing.update(energy_mean=r.energy, energy_trend=r.energy_trend,
                         burnout_mean=r.burnout)
    name = options.name if options.name is not None else Settings(store).get(DISPLAY_NAME)
    return {
        "kind": KIND,
        "schema_version": SCHEMA_VERSION,
        "week": week,
        "generated_at": clock.now().astimezone(clock.zone()).isoformat(timespec="seconds"),
        "generator": f"Fokus {__version__}",
        "programmer": {"id": reporter_id(store), "name": (name or None)},
        "included": {"free_text": options.free_text, "health": options.health,
                     "project_names": options.project_names},
        "satisfaction_wellbeing": wellbeing,
        "efficiency_flow": {
            "deep_work_minutes": r.deep_minutes,
            "deep_work_share_in_no_meeting_windows": r.deep_share_in_windows,
            "long_uninterrupted_sessions": r.long_uninterrupted_sessions,
            "interruptions_per_day": r.interruptions_per_day,
            "switches_per_day": r.switches_per_day,
            "estimated_minutes_lost_to_switching": r.estimated_minutes_lost,
            "resumption_buffer_minutes": r.resumption_buffer_minutes,
            "resumption_lag_measured": None if r.resumption_measured is None else {
                "n": r.resumption_measured.n,
                "median_minutes": r.resumption_measured.median_minutes,
                "min_minutes": r.resumption_measured.min_minutes,
                "max_minutes": r.resumption_measured.max_minutes},
            "session_flow_rating_mean": r.flow_rating,
            "reflection_flow": r.reflection_flow,
            "meetings_in_no_meeting_windows": r.meetings_in_deep_windows,
            "planned_deep_blocks": r.planned_deep_blocks,
            "planned_deep_blocks_used": r.planned_deep_blocks_used,
            "batches_finished": batches_finished(store, clock, week),
            "sessions_added_after_the_fact": r.sessions_added,
            "sessions_edited_after_the_fact": r.sessions_edited,
        },
        "projects": [{"project": project(n), "focus_minutes": m}
                     for n, m in sorted(r.projects.items(), key=lambda kv: -kv[1])],
        "days": days,
        "goals_breaks": goals_and_breaks(store, clock, week, r),
    }


# A cell starting with one of these is run as a formula by spreadsheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: user text that would start a
    formula gets a leading apostrophe. Numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_atomically(path: Path, write: Callable[[Path], object]) -> Path:
    """Write through ``write(temporary path)`` beside ``path``, then rename: the
    file is whole or not there, never half a PDF. A full disk or an unusable
    folder is one FokusError; the temporary file is removed."""
    import os
    import stat
    import tempfile

    # Through a link to where it points; and only ever over a regular file: a
    # device, a FIFO or a folder in its place is refused, never replaced.
    path = Path(os.path.realpath(path))
    try:
        mode: int | None = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise _write_error(path, exc) from exc
    if mode is not None and not stat.S_ISREG(mode):
        raise FokusError(ErrorCode.INVALID_VALUE, field="out", value=str(path))
    folder = path.parent
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise _write_error(path, exc) from exc
    os.close(fd)
    temporary = Path(name)
    try:
        write(temporary)
        with open(temporary, "rb+") as fh:
            os.fsync(fh.fileno())
        if path.exists():  # a file written again keeps its mode; a new one is the user's own
            os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except BaseException as exc:
        temporary.unlink(missing_ok=True)
        cause = _os_error_in(exc)
        if cause is None:
            raise
        raise _write_error(path, cause) from exc
    return path


def _os_error_in(exc: BaseException) -> OSError | None:
    """The I/O error behind ``exc``: a writer that fails while closing after a
    full disk (matplotlib's PDF stream, say) raises its own error on top."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, OSError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _write_error(path: Path, exc: OSError) -> FokusError:
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return FokusError(ErrorCode.DISK_FULL, path=path)
    return FokusError(ErrorCode.DATA_DIR_UNUSABLE, path=path.parent,
                      reason=exc.strerror or exc)


def to_json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def to_csv(report: dict[str, Any]) -> str:
    """One row per day, the week and programmer on each row."""
    out = io.StringIO()
    fields = ["week", "programmer_id", "programmer", *report["days"][0].keys()]
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for day in report["days"]:
        row = {"week": report["week"], "programmer_id": report["programmer"]["id"],
               "programmer": report["programmer"]["name"] or "", **day}
        writer.writerow({k: safe_cell(v) for k, v in row.items()})
    return out.getvalue()


def validate(report: dict[str, Any]) -> list[str]:
    """Problems with a report against the schema (empty when valid)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(JSON_SCHEMA)
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
            for e in sorted(validator.iter_errors(report), key=lambda e: list(e.path))]


def default_filename(week: str, fmt: str) -> str:
    return f"fokus-{week}.{fmt}"
