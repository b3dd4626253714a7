"""Editing the past from the command line: list sessions with their ids, add a
forgotten one, move or re-file one, delete one, and undo the last edits."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from app.cli.commands.common import clock_text, day, iso, local_time, week_arg, week_text
from app.cli.registry import Arg, Command, Group, Result
from app.errors import ErrorCode, FokusError
from app.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from app.history.service import EditSummary, SessionEntry
    from app.service import FokusService

_CLOCK = re.compile(r"^\d{1,2}:\d{2}$")
TIME_HELP = N_("HH:MM (today), “YYYY-MM-DD HH:MM” or ISO 8601")


def when(svc: FokusService, text: Any, field: str) -> datetime:
    """``HH:MM`` (today, local), ``YYYY-MM-DD HH:MM`` or ISO 8601."""
    value = str(text).strip()
    if _CLOCK.match(value):
        today = svc.week.local(svc.clock.now()).date()
        value = f"{today.isoformat()}T{value.zfill(5)}"
    return local_time(svc, value, field)


def session_json(svc: FokusService, e: SessionEntry) -> Result:
    return {"id": e.id, "project": e.project, "batch": e.batch,
            "batch_id": e.batch_id, "start": iso(svc, e.started_at),
            "end": iso(svc, e.ended_at) if e.ended_at else None, "state": e.state.value,
            "focus_minutes": round(e.focus_seconds / 60, 1), "mark": e.mark}


def _summary_json(e: EditSummary) -> Result:
    return {"action": e.action, "entity": e.entity, "id": e.entity_id, "rows": e.rows}


def _list(svc: FokusService, a: dict[str, Any]) -> Result:
    from datetime import UTC, time

    from app.week.workmodel import iso_week_days

    if a.get("week") and a.get("date"):
        raise FokusError(ErrorCode.INVALID_VALUE, field="week", value=a["week"])
    if a.get("week"):
        week = week_arg(svc, a)
        try:
            days = iso_week_days(week)
        except ValueError:
            raise FokusError(ErrorCode.INVALID_VALUE, field="week", value=week) from None
        first, last = days[0], days[-1]
    else:
        first = last = day(a.get("date"), "date") or svc.week.local(svc.clock.now()).date()
    zone = svc.clock.zone()
    start = datetime.combine(first, time(0), tzinfo=zone).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)
    return {"from": first.isoformat(), "to": last.isoformat(), "week": a.get("week"),
            "sessions": [session_json(svc, e) for e in svc.history.sessions(start, end)]}


def _mark_text(mark: str | None) -> str:
    return {"added": _("added by hand"), "edited": _("edited by hand")}.get(mark or "", "")


def _list_text(result: Result) -> str:
    from app.formats import day_long, number, word

    head = week_text(result["week"]) if result.get("week") else day_long(result["from"])
    if not result["sessions"]:
        return head + "\n" + _("No focus sessions.")
    lines = [head]
    for x in result["sessions"]:
        end = clock_text(x["end"]) if x["end"] else "…"
        what = x["project"] + (f" — {x['batch']}" if x["batch"] else "")
        mark = _mark_text(x["mark"])
        date = x["start"][:10] + "  " if result.get("week") else ""
        lines.append(f"  #{x['id']:<5} {date}{clock_text(x['start'])}–{end:5}  {what}  "
                     + _("{n} min").format(n=number(x["focus_minutes"], 0))
                     + f"  {word(x['state'])}" + (f"  ({mark})" if mark else ""))
    return "\n".join(lines)


def _project_and_batch(svc: FokusService, a: dict[str, Any],
                       required: bool) -> tuple[int | None, Any]:
    from app.history.service import _KEEP

    project_id: int | None = None
    if a.get("project") is not None or required:
        project_id = svc.project(a["project"]).id
    batch: Any = _KEEP
    if a.get("batch") is not None:
        text = str(a["batch"]).strip().lower()
        batch = None if text in ("", "none", "-") else svc.batch(a["batch"]).id
    return project_id, batch


def _add(svc: FokusService, a: dict[str, Any]) -> Result:
    project_id, batch = _project_and_batch(svc, a, required=True)
    assert project_id is not None
    from app.history.service import _KEEP

    entry = svc.history.add_session(project_id, None if batch is _KEEP else batch,
                                    when(svc, a["start"], "start"),
                                    when(svc, a["end"], "end"))
    return {"session": session_json(svc, entry)}


def _edit(svc: FokusService, a: dict[str, Any]) -> Result:
    from app.domain import row_id

    session_id = row_id(a["id"])
    if session_id is None:
        raise FokusError(ErrorCode.UNKNOWN_SESSION, session=a["id"])
    project_id, batch = _project_and_batch(svc, a, required=False)
    start = when(svc, a["start"], "start") if a.get("start") else None
    end = when(svc, a["end"], "end") if a.get("end") else None
    entry = svc.history.edit_session(session_id, start=start, end=end, project=project_id,
                                     batch=batch)
    return {"session": session_json(svc, entry)}


def _delete(svc: FokusService, a: dict[str, Any]) -> Result:
    from app.domain import row_id

    session_id = row_id(a["id"])
    if session_id is None:
        raise FokusError(ErrorCode.UNKNOWN_SESSION, session=a["id"])
    return _summary_json(svc.history.delete_session(session_id))


def _session_text(verb: str) -> Any:
    def text(result: Result) -> str:
        x = result["session"]
        what = x["project"] + (f" — {x['batch']}" if x["batch"] else "")
        span = f"{x['start'][:10]} {clock_text(x['start'])}–{clock_text(x['end'])}" \
            if x["end"] else clock_text(x["start"])
        return (_("Session #{id} added: {what}, {span}.") if verb == "added" else
                _("Session #{id} changed: {what}, {span}.")).format(
            id=x["id"], what=what, span=span)
    return text


def _entity_word(entity: str) -> str:
    return {"focus_session": _("session"), "session_pause": _("pause"),
            "context_switch": _("switch"), "interruption": _("interruption"),
            "project": _("project"), "project_batch": _("batch"), "time_block": _("block"),
            "resume_note": _("note"), "reflection": _("reflection")}.get(entity, entity)


def _edits(svc: FokusService, a: dict[str, Any]) -> Result:
    """The latest changes made to the past: by hand here, or the values another
    computer's newer change replaced (sync), with what each field was."""
    import json

    from app.history.log import is_lost

    out = []
    for r in svc.history.edits(limit=max(1, min(int(a.get("limit") or 20), 1000))):
        before = json.loads(r.before) if r.before else {}
        after = json.loads(r.after) if r.after else {}
        changed = {k: {"before": before.get(k), "after": after.get(k)}
                   for k in sorted(set(before) | set(after))
                   if before.get(k) != after.get(k) and k != "id"}
        out.append({"at": iso(svc, r.at), "user": r.user, "machine": r.machine,
                    "entity": r.entity, "id": r.entity_id, "action": r.action,
                    "undone": r.undone, "synced": r.group_uid.startswith("sync:"),
                    "lost": is_lost(r),
                    "changed": changed if r.action == "edit" else {},
                    "shown": [[field, _shown(svc, field, v["before"]),
                               _shown(svc, field, v["after"])]
                              for field, v in changed.items() if field in FIELD_WORDS]
                    if r.action == "edit" else []})
    return {"edits": out}


# The fields a person recognises, in their words; the rest (heartbeats, owners,
# offsets) stay in --json only.
FIELD_WORDS = {"started_at": N_("start"), "ended_at": N_("end"), "at": N_("time"),
               "project_id": N_("project"), "to_project_id": N_("project"),
               "batch_id": N_("batch"), "start_at": N_("start"), "end_at": N_("end"),
               "name": N_("name"), "title": N_("title"), "text": N_("note"),
               "trigger": N_("reason"), "source": N_("source"), "kind": N_("kind"),
               "satisfaction": N_("satisfaction"), "energy": N_("energy")}


def _shown(svc: FokusService, field: str, value: object) -> str:
    """A stored value as the person reads it: local times, project and batch names."""
    if value is None:
        return "—"
    try:
        if field.endswith("_at") or field == "at":
            return local_time_text(svc, str(value))
        if field.endswith("project_id"):
            return svc.project(int(str(value))).name
        if field == "batch_id":
            return svc.batch(int(str(value))).title
    except (FokusError, ValueError):
        pass
    return str(value)


def local_time_text(svc: FokusService, value: str) -> str:
    stamp = iso(svc, datetime.fromisoformat(value))
    return f"{stamp[:10]} {clock_text(stamp)}"


def _edits_text(result: Result) -> str:
    if not result["edits"]:
        return _("Nothing in the past has been changed.")
    lines = []
    for e in result["edits"]:
        what = {"add": _("added"), "delete": _("deleted")}.get(e["action"], _("changed"))
        line = _("{when} · {who} · {entity} #{id} {what}").format(
            when=f"{e['at'][:10]} {clock_text(e['at'])}", who=f"{e['user']}@{e['machine']}",
            entity=_entity_word(e["entity"]), id=e["id"], what=what)
        if e["shown"]:
            line += ": " + ", ".join(f"{_(FIELD_WORDS[field])} {before} → {after}"
                                     for field, before, after in e["shown"])
        if e["lost"]:
            line += " " + _("(replaced by another computer's newer change)")
        if e["undone"] and not e["lost"]:
            line += " " + _("(undone)")
        lines.append(line)
    return "\n".join(lines)


def _undo_text(result: Result) -> str:
    entity = _entity_word(result["entity"])
    text = {"add": _("Undone: {entity} #{id} is removed again."),
            "delete": _("Undone: {entity} #{id} is back.")}.get(
        result["action"], _("Undone: {entity} #{id} is as it was before."))
    return text.format(entity=entity, id=result["id"]) + " " + ngettext(
        "({n} row restored)", "({n} rows restored)", result["rows"]).format(n=result["rows"])


DECLARED = (
    Group("session", N_("list, add, edit and delete focus sessions after the fact")),
    Command(
        "session.list", N_("the sessions of a day or a week, with their ids"),
        args=(Arg("--date", exclusive="when", help=N_("YYYY-MM-DD (default: today)")),
              Arg("--week", exclusive="when", help=N_("an ISO week, e.g. 2026-W48"))),
        handler=_list, text=_list_text),
    Command(
        "session.add", N_("add a session you forgot to start"),
        args=(Arg("--project", "-p", required=True, help=N_("project name or id")),
              Arg("--batch", "-b", help=N_("batch id")),
              Arg("--start", required=True, help=TIME_HELP),
              Arg("--end", required=True, help=TIME_HELP)),
        handler=_add, text=_session_text("added")),
    Command(
        "session.edit", N_("change a session's start, end, project or batch"),
        args=(Arg("id", help=N_("the session's id (see: fokus session list)")),
              Arg("--start", help=TIME_HELP), Arg("--end", help=TIME_HELP),
              Arg("--project", "-p", help=N_("project name or id")),
              Arg("--batch", "-b", help=N_("batch id, or “none”"))),
        handler=_edit, text=_session_text("changed")),
    Command(
        "session.delete", N_("delete a session (fokus undo brings it back)"),
        args=(Arg("id", help=N_("the session's id (see: fokus session list)")),),
        handler=_delete,
        text=lambda r: _("Session #{id} deleted; fokus undo brings it back.").format(**r)),
    Command("edits", N_("the latest changes made to the past, by whom and on which "
                        "computer, with what each field was"),
            args=(Arg("--limit", type=int, default=20, help=N_("how many (default 20)")),),
            handler=_edits, text=_edits_text),
    Command("undo", N_("undo the last edit of the past (again for the one before)"),
            handler=lambda svc, a: _summary_json(svc.history.undo()), text=_undo_text),
)
