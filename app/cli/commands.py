"""Commands by name, with JSON-able arguments and results.

The command line runs them here directly when no tray is running, and the tray
runs the very same functions when the command line sends them over the
instance socket, so both paths behave alike."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from app.clock import as_utc, to_local
from app.errors import ErrorCode, FokusError
from app.service import FokusService
from app.store.models import Project, ProjectBatch

Handler = Callable[[FokusService, dict[str, Any]], dict[str, Any]]


def project_json(p: Project) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "colour": p.colour,
        "tech_stack": p.tech_stack,
        "archived": p.archived_at is not None,
    }


def batch_json(b: ProjectBatch, project_names: dict[int, str]) -> dict[str, Any]:
    return {
        "id": b.id,
        "project": project_names.get(b.project_id, "?"),
        "title": b.title,
        "type": str(b.task_type),
        "estimate_minutes": b.estimate_minutes,
        "urgency": str(b.urgency),
        "due": b.due_date.isoformat() if b.due_date else None,
        "note": b.prep_note,
        "status": str(b.status),
    }


def _names(svc: FokusService) -> dict[int, str]:
    return {p.id: p.name for p in svc.projects(include_archived=True) if p.id is not None}


def _minutes(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise FokusError(ErrorCode.INVALID_VALUE, field="minutes", value=value) from None


def _date(value: Any, field: str = "due") -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise FokusError(ErrorCode.INVALID_VALUE, field=field, value=value) from None


def _status(svc: FokusService, _a: dict[str, Any]) -> dict[str, Any]:
    return svc.status()


def _start(svc: FokusService, a: dict[str, Any]) -> dict[str, Any]:
    minutes = _minutes(90 if a.get("minutes") is None else a["minutes"])
    view = svc.start(a["project"], a.get("batch"), minutes, source=a.get("source", "cli"))
    return view.to_json()


def _stop(svc: FokusService, _a: dict[str, Any]) -> dict[str, Any]:
    return svc.stop().to_json()


def _pause(svc: FokusService, _a: dict[str, Any]) -> dict[str, Any]:
    return svc.pause().to_json()


def _resume(svc: FokusService, _a: dict[str, Any]) -> dict[str, Any]:
    return svc.resume().to_json()


def _project_add(svc: FokusService, a: dict[str, Any]) -> dict[str, Any]:
    return project_json(svc.add_project(a["name"], a.get("colour"), a.get("tech_stack") or ""))


def _project_list(svc: FokusService, a: dict[str, Any]) -> dict[str, Any]:
    return {"projects": [project_json(p) for p in svc.projects(bool(a.get("all")))]}


def _project_archive(svc: FokusService, a: dict[str, Any]) -> dict[str, Any]:
    return project_json(svc.archive_project(a["project"], archived=not a.get("undo")))


def _batch_add(svc: FokusService, a: dict[str, Any]) -> dict[str, Any]:
    batch = svc.add_batch(
        a["project"],
        a["title"],
        task_type=a.get("type") or "coding",
        estimate_minutes=_minutes(90 if a.get("estimate") is None else a["estimate"]),
        urgency=a.get("urgency") or "normal",
        due_date=_date(a.get("due")),
        prep_note=a.get("note") or "",
    )
    return batch_json(batch, _names(svc))


def _batch_list(svc: FokusService, a: dict[str, Any]) -> dict[str, Any]:
    names = _names(svc)
    rows = svc.batches(a.get("project"), include_done=bool(a.get("all")))
    return {"batches": [batch_json(b, names) for b in rows]}


def _batch_done(svc: FokusService, a: dict[str, Any]) -> dict[str, Any]:
    return batch_json(svc.set_batch_done(a["batch"], done=not a.get("undo")), _names(svc))


def _recovered(svc: FokusService, _a: dict[str, Any]) -> dict[str, Any]:
    return {
        "recovered": [
            {
                "session": r.session_id,
                "project": r.project,
                "ended_at": to_local(as_utc(r.ended_at), r.utc_offset_min).isoformat(),
                "focused_seconds": round(r.focused_seconds),
            }
            for r in svc.engine.pending_recovery_notices()
        ]
    }


def _iso(svc: FokusService, at: datetime) -> str:
    return svc.week.local(at).isoformat(timespec="minutes")


def _week_arg(svc: FokusService, a: dict[str, Any]) -> str:
    from app.week.workmodel import iso_week_of

    return str(a.get("week") or iso_week_of(svc.week.local(svc.clock.now()).date()))


def _names_and_titles(svc: FokusService) -> tuple[dict[int, str], dict[int, str]]:
    titles = {b.id: b.title for b in svc.batches(include_done=True) if b.id is not None}
    return _names(svc), titles


def _plan(svc: FokusService, a: dict[str, Any]) -> dict[str, Any]:
    from app.week.planner import Strategy

    week = _week_arg(svc, a)
    plan = svc.week.plan(week, apply=bool(a.get("apply")))
    baseline = svc.week.plan(week, strategy=Strategy.URGENCY_FIRST)
    names, titles = _names_and_titles(svc)
    zone = svc.clock.zone()
    return {
        "week": week,
        "applied": bool(a.get("apply")),
        "switches": plan.switches(zone),
        "baseline_switches": baseline.switches(zone),
        "blocks": [{
            "id": b.id, "start": _iso(svc, b.start), "end": _iso(svc, b.end),
            "kind": b.kind.value, "location": b.location.value,
            "project": names.get(b.project_id), "batch": titles.get(b.batch_id or -1),
            "new": b.new} for b in plan.blocks],
        "unplaced": [{"batch": titles.get(u.batch_id), "batch_id": u.batch_id,
                      "minutes": u.minutes, "reason": u.reason.value} for u in plan.unplaced],
    }


def _parse_local(svc: FokusService, text: str, field: str) -> datetime:
    try:
        value = datetime.fromisoformat(str(text).replace(" ", "T"))
    except ValueError:
        raise FokusError(ErrorCode.INVALID_VALUE, field=field, value=text) from None
    return value if value.tzinfo else value.replace(tzinfo=svc.clock.zone())


def _block_json(svc: FokusService, b: Any, names: dict[int, str],
                titles: dict[int, str]) -> dict[str, Any]:
    return {"id": b.id, "start": _iso(svc, b.start_at), "end": _iso(svc, b.end_at),
            "kind": str(b.kind), "location": str(b.location),
            "project": names.get(b.project_id), "batch": titles.get(b.batch_id or -1)}


def _block_add(svc: FokusService, a: dict[str, Any]) -> dict[str, Any]:
    from datetime import timedelta

    from app.domain import BlockKind

    project = svc.project(a["project"], allow_archived=False)
    batch = svc.batch(a["batch"]) if a.get("batch") else None
    start = _parse_local(svc, a["start"], "start")
    if a.get("end"):
        end_text = str(a["end"])
        end = _parse_local(svc, end_text if len(end_text) > 5 else
                           f"{start.date().isoformat()}T{end_text}", "end")
    else:
        end = start + timedelta(minutes=_minutes(a.get("minutes") or 90))
    kind = None
    if a.get("kind"):
        try:
            kind = BlockKind(a["kind"])
        except ValueError:
            raise FokusError(ErrorCode.INVALID_VALUE, field="kind", value=a["kind"]) from None
    assert project.id is not None
    block = svc.week.add_block(project.id, batch.id if batch else None, start, end, kind)
    return _block_json(svc, block, *_names_and_titles(svc))


def _block_list(svc: FokusService, a: dict[str, Any]) -> dict[str, Any]:
    week = _week_arg(svc, a)
    _, start, end = svc.week.week_bounds(week)
    names, titles = _names_and_titles(svc)
    conflicts = svc.week.conflicts(start, end)
    return {"week": week, "blocks": [
        {**_block_json(svc, b, names, titles),
         "conflicts": [c.value for c in conflicts.get(b.id or -1, [])]}
        for b in svc.week.blocks(start, end)]}


def _block_remove(svc: FokusService, a: dict[str, Any]) -> dict[str, Any]:
    block = svc.week.remove_block(a["block"])
    return _block_json(svc, block, *_names_and_titles(svc))


def _import_ics(svc: FokusService, a: dict[str, Any]) -> dict[str, Any]:
    from pathlib import Path

    result = svc.week.import_calendar(Path(a["file"]))
    return {"file": str(result.path), "meetings": result.meetings,
            "in_deep_windows": result.in_deep_windows}


def _calendar_list(svc: FokusService, a: dict[str, Any]) -> dict[str, Any]:
    week = _week_arg(svc, a)
    _, start, end = svc.week.week_bounds(week)
    deep = {m.id for m in svc.week.meetings_in_deep_windows(start, end)}
    return {"week": week, "in_deep_windows": len(deep), "meetings": [
        {"start": _iso(svc, m.start_at), "end": _iso(svc, m.end_at), "title": m.title,
         "all_day": m.all_day, "location": m.location, "in_deep_window": m.id in deep}
        for m in svc.week.meetings(start, end)]}


def _switch(svc: FokusService, a: dict[str, Any]) -> dict[str, Any]:
    target = svc.project(a["to"], allow_archived=False)
    assert target.id is not None
    result = svc.activity.switch(target.id, a.get("trigger") or "self",
                                 a.get("source") or "cli")
    out: dict[str, Any] = {"from": result.from_project, "to": result.to_project,
                           "ended_session": result.ended_session.to_json()
                           if result.ended_session else None, "started": None}
    if a.get("start"):
        out["started"] = svc.start(target.id, minutes=_minutes(a.get("minutes") or 90),
                                   source=a.get("source") or "cli").to_json()
    card = svc.activity.context_card(target.id)
    out["last_note"] = card.note
    return out


def _interrupt(svc: FokusService, a: dict[str, Any]) -> dict[str, Any]:
    minutes = a.get("minutes")
    row = svc.activity.interrupt(a.get("source") or "other",
                                 None if minutes is None else _minutes(minutes))
    today = svc.activity.day_log()
    return {"source": str(row.source), "minutes": row.minutes, "session": row.session_id,
            "today": len(today["interruptions"])}


def _log(svc: FokusService, a: dict[str, Any]) -> dict[str, Any]:
    day = _date(a.get("date"), "date")
    return svc.activity.day_log(day)


def _note_add(svc: FokusService, a: dict[str, Any]) -> dict[str, Any]:
    project = svc.project(a["project"])
    assert project.id is not None
    note = svc.activity.add_note(project.id, a["text"])
    return {"project": project.name, "text": note.text,
            "written_at": _iso(svc, note.written_at)}


def _note_list(svc: FokusService, a: dict[str, Any]) -> dict[str, Any]:
    project = svc.project(a["project"])
    assert project.id is not None
    return {"project": project.name, "notes": [
        {"text": n.text, "written_at": _iso(svc, n.written_at)}
        for n in svc.activity.notes(project.id)]}


COMMANDS: dict[str, Handler] = {
    "status": _status,
    "start": _start,
    "stop": _stop,
    "pause": _pause,
    "resume": _resume,
    "project.add": _project_add,
    "project.list": _project_list,
    "project.archive": _project_archive,
    "batch.add": _batch_add,
    "batch.list": _batch_list,
    "batch.done": _batch_done,
    "recovered": _recovered,
    "plan": _plan,
    "block.add": _block_add,
    "block.list": _block_list,
    "block.remove": _block_remove,
    "import-ics": _import_ics,
    "calendar.list": _calendar_list,
    "switch": _switch,
    "interrupt": _interrupt,
    "log": _log,
    "note.add": _note_add,
    "note.list": _note_list,
}


def execute(svc: FokusService, name: str, args: dict[str, Any]) -> dict[str, Any]:
    handler = COMMANDS.get(name)
    if handler is None:
        raise FokusError(ErrorCode.INVALID_VALUE, field="command", value=name)
    return handler(svc, args)
