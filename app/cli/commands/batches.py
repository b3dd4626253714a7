"""Project batches: add, list, done."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.cli.commands.common import day, minutes, names
from app.cli.registry import Arg, Command, Group, Result
from app.domain import TaskType, Urgency
from app.i18n import N_, _

if TYPE_CHECKING:
    from app.service import FokusService
    from app.store.models import ProjectBatch


def batch_json(b: ProjectBatch, project_names: dict[int, str]) -> Result:
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


def _add(svc: FokusService, a: dict[str, Any]) -> Result:
    batch = svc.add_batch(
        a["project"],
        a["title"],
        task_type=a.get("type") or "coding",
        estimate_minutes=minutes(90 if a.get("estimate") is None else a["estimate"]),
        urgency=a.get("urgency") or "normal",
        due_date=day(a.get("due")),
        prep_note=a.get("note") or "",
    )
    result = batch_json(batch, names(svc))
    today = svc.week.local(svc.clock.now()).date()
    result["overdue"] = batch.due_date is not None and batch.due_date < today
    return result


def _added_text(r: Result) -> str:
    text = _("Added batch {id} to {project}: {title}.").format(**r)
    if r.get("overdue"):
        text += "\n" + _("Its due date {due} has already passed; it may need a new one.").format(
            due=r["due"])
    return text


def _list(svc: FokusService, a: dict[str, Any]) -> Result:
    project_names = names(svc)
    rows = svc.batches(a.get("project"), include_done=bool(a.get("all")))
    return {"batches": [batch_json(b, project_names) for b in rows]}


def _done(svc: FokusService, a: dict[str, Any]) -> Result:
    return batch_json(svc.set_batch_done(a["batch"], done=not a.get("undo")), names(svc))


def _list_text(result: Result) -> str:
    from app.formats import day_short, word

    rows = result["batches"]
    if not rows:
        return _("No open batches. Add one: fokus batch add -p PROJECT TITLE")
    lines = []
    for r in rows:
        due = _(", due {due}").format(due=day_short(r["due"])) if r["due"] else ""
        done = _(" [done]") if r["status"] == "done" else ""
        lines.append(
            f"{r['id']:>4}  {r['project']}: {r['title']}  "
            f"({word(r['type'])}, " + _("{n} min").format(n=r["estimate_minutes"])
            + f", {word(r['urgency'])}{due}){done}"
        )
    return "\n".join(lines)


def _done_text(result: Result) -> str:
    if result["status"] == "done":
        return _("Batch {id} is done: {title}.").format(**result)
    return _("Batch {id} is open again: {title}.").format(**result)


DECLARED = (
    Group("batch", N_("add, list and finish project batches")),
    Command(
        "batch.add", N_("add a batch of tasks"),
        args=(
            Arg("--project", "-p", required=True),
            Arg("--title", "-t", required=True),
            Arg("--type", choices=[t.value for t in TaskType], default="coding"),
            Arg("--estimate", type=int, default=90, help=N_("estimate in minutes")),
            Arg("--urgency", choices=[u.value for u in Urgency], default="normal"),
            Arg("--due", help=N_("due date, YYYY-MM-DD")),
            Arg("--note", default="", help=N_("context-preparation note")),
        ),
        handler=_add, text=_added_text),
    Command(
        "batch.list", N_("list open batches"),
        args=(Arg("--project", "-p"),
              Arg("--all", action="store_true", help=N_("include done batches"))),
        handler=_list, text=_list_text),
    Command(
        "batch.done", N_("mark a batch done"),
        args=(Arg("batch"), Arg("--undo", action="store_true", help=N_("open the batch again"))),
        handler=_done, text=_done_text),
)
