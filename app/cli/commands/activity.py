"""The day's activity: switching projects, interruptions, the day's log and the
notes for coming back to a project."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.cli.commands.common import clock_text, day, iso, minutes, moment_text
from app.cli.registry import Arg, Command, Group, Result
from app.domain import InterruptionSource, SwitchTrigger
from app.i18n import N_, _, ngettext
from app.store.settings import FOCUS_MINUTES

if TYPE_CHECKING:
    from app.service import FokusService


def _switch(svc: FokusService, a: dict[str, Any]) -> Result:
    target = svc.project(a["to"], allow_archived=False)
    assert target.id is not None
    result = svc.activity.switch(target.id, a.get("trigger") or "self",
                                 a.get("source") or "cli")
    out: Result = {"from": result.from_project, "to": result.to_project,
                   "ended_session": result.ended_session.to_json()
                   if result.ended_session else None, "started": None}
    if a.get("start"):
        out["started"] = svc.start(target.id, svc.planned_batch_now(target.id),
                                   minutes=minutes(a["minutes"]),
                                   source=a.get("source") or "cli").to_json()
    out["last_note"] = svc.activity.context_card(target.id).note
    return out


def _switch_text(result: Result) -> str:
    text = _("Switched from {a} to {b}.").format(a=result["from"] or "—", b=result["to"])
    if result["ended_session"]:
        text += " " + _("The focus session on {a} ended.").format(a=result["from"])
    if result["started"]:
        text += " " + _("Focusing on {b} now.").format(b=result["to"])
    elif result["ended_session"]:
        text += " " + _("Start one on {b}: fokus start -p \"{b}\"").format(b=result["to"])
    if result["last_note"]:
        text += "\n" + _("Where you stopped: {note}").format(note=result["last_note"])
    return text


def _interrupt(svc: FokusService, a: dict[str, Any]) -> Result:
    length = a.get("minutes")
    row = svc.activity.interrupt(a.get("source") or "other",
                                 None if length is None else minutes(length))
    today = svc.activity.day_log()
    return {"source": str(row.source), "minutes": row.minutes, "session": row.session_id,
            "today": len(today["interruptions"])}


def _interrupt_text(result: Result) -> str:
    from app.formats import word

    return _("Interruption logged ({source}); {today} today.").format(
        source=word(result["source"]), today=result["today"])


def _log_text(result: Result) -> str:
    from app.formats import day_long, number, word

    switches, interruptions = len(result["switches"]), len(result["interruptions"])
    lines = [_("{date}: {focus} min of focus, {switches}, {interruptions}; about "
               "{lost} min lost to switching (estimate: {buffer} min each).").format(
        date=day_long(result["date"]), focus=number(round(result["focus_minutes"])),
        switches=ngettext("{n} switch", "{n} switches", switches).format(n=switches),
        interruptions=ngettext("{n} interruption", "{n} interruptions",
                               interruptions).format(n=interruptions),
        lost=number(result["estimated_minutes_lost_to_switching"]),
        buffer=number(result["resumption_buffer_minutes"]))]
    for x in result["sessions"]:
        lines.append(f"  {clock_text(x['start'])}–{clock_text(x['end']):5}  "
                     f"{x['project']}  " + _("{n} min").format(n=number(x['focus_minutes'], 0))
                     + f"  {word(x['state'])}")
        if x.get("shared_minutes"):
            lines.append("      " + _("at the same time as a session of another computer: "
                                      "{n} min counted once, in the session that began "
                                      "first (a conflict: `fokus sync status`)").format(
                n=number(x["shared_minutes"], 0)))
    for x in result["switches"]:
        lines.append(f"  {clock_text(x['at'])}  ⇄ {x['from'] or '—'} → {x['to']}  "
                     f"({word(x['trigger'])}, {word(x['source'])})")
    for x in result["interruptions"]:
        lines.append(f"  {clock_text(x['at'])}  ! {word(x['source'])}")
    return "\n".join(lines)


def _note_add(svc: FokusService, a: dict[str, Any]) -> Result:
    project = svc.project(a["project"])
    assert project.id is not None
    note = svc.activity.add_note(project.id, a["text"])
    return {"project": project.name, "text": note.text,
            "written_at": iso(svc, note.written_at)}


def _note_list(svc: FokusService, a: dict[str, Any]) -> Result:
    project = svc.project(a["project"])
    assert project.id is not None
    return {"project": project.name, "notes": [
        {"text": n.text, "written_at": iso(svc, n.written_at)}
        for n in svc.activity.notes(project.id)]}


def _note_list_text(result: Result) -> str:
    if not result["notes"]:
        return _("No notes for {project} yet.").format(**result)
    return "\n".join(f"{moment_text(n['written_at'])}  {n['text']}"
                     for n in result["notes"])


DECLARED = (
    Command(
        "switch", N_("switch to another project (ends a running session)"),
        args=(
            Arg("--to", required=True, help=N_("project name or id")),
            Arg("--trigger", choices=[t.value for t in SwitchTrigger], default="self",
                help=N_("what made you switch (default: self)")),
            Arg("--start", action="store_true",
                help=N_("start a focus session on the new project")),
            Arg("--minutes", "-m", type=int, setting=FOCUS_MINUTES,
                help=N_("length of that session in minutes (default: the {setting} setting, "
                        "{default} unless changed)")),
        ),
        fixed={"source": "cli"}, handler=_switch, text=_switch_text),
    Command(
        "interrupt", N_("log an interruption"),
        args=(Arg("--source", choices=[s.value for s in InterruptionSource], default="other"),
              Arg("--minutes", type=int, help=N_("how long it took"))),
        handler=_interrupt,
        text=_interrupt_text),
    Command(
        "log", N_("the day's sessions, switches and interruptions"),
        args=(Arg("--date", help=N_("YYYY-MM-DD (default: today)")),),
        handler=lambda svc, a: svc.activity.day_log(day(a.get("date"), "date")),
        text=_log_text),
    Group("note", N_("where you stopped: notes for coming back")),
    Command(
        "note.add", N_("add a note"),
        args=(Arg("--project", "-p", required=True), Arg("text")),
        handler=_note_add, text=lambda r: _("Note kept for {project}.").format(**r)),
    Command(
        "note.list", N_("a project's notes"), args=(Arg("--project", "-p", required=True),),
        handler=_note_list, text=_note_list_text),
)
