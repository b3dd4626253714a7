"""Commands by name, with JSON-able arguments and results.

The command line runs them here directly when no tray is running, and the tray
runs the very same functions when the command line sends them over the
instance socket, so both paths behave alike."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from app.clock import as_utc, to_local
from app.errors import ErrorCode, FokusError
from app.models import Project, ProjectBatch
from app.service import FokusService

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


def _date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise FokusError(ErrorCode.INVALID_VALUE, field="due", value=value) from None


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
}


def execute(svc: FokusService, name: str, args: dict[str, Any]) -> dict[str, Any]:
    handler = COMMANDS.get(name)
    if handler is None:
        raise FokusError(ErrorCode.INVALID_VALUE, field="command", value=name)
    return handler(svc, args)
