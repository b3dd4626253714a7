"""The ``fokus`` command line. With a Fokus tray running for the same data
directory, commands go through it (so the tray updates at once); without one
they run here against the database."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from app import __version__
from app.domain import (
    PRESET_MINUTES,
    InterruptionSource,
    SwitchTrigger,
    TaskType,
    Urgency,
)
from app.errors import ErrorCode, FokusError
from app.i18n import _
from app.platform.paths import Paths, resolve

log = logging.getLogger(__name__)


def error_text(err: FokusError) -> str:
    p = {k: v for k, v in err.params.items()}
    messages = {
        ErrorCode.UNKNOWN_PROJECT: _("no project named “{project}” (see: fokus project list)"),
        ErrorCode.UNKNOWN_BATCH: _("no batch with id {batch} (see: fokus batch list)"),
        ErrorCode.PROJECT_EXISTS: _("a project named “{project}” already exists"),
        ErrorCode.PROJECT_ARCHIVED: _("project “{project}” is archived"),
        ErrorCode.BATCH_NOT_IN_PROJECT: _("batch {batch} does not belong to project {project}"),
        ErrorCode.BATCH_DONE: _("batch “{batch}” is already done"),
        ErrorCode.INVALID_VALUE: _("invalid value for {field}: {value}"),
        ErrorCode.ALREADY_FOCUSING: _("a focus session is already running (fokus stop ends it)"),
        ErrorCode.NOT_FOCUSING: _("no running focus session to pause"),
        ErrorCode.NOT_PAUSED: _("the focus session is not paused"),
        ErrorCode.NO_SESSION: _("no focus session is running"),
        ErrorCode.DATABASE_NEWER: _(
            "the database {path} was written by a newer Fokus (schema {found}; "
            "this version knows up to {known}); nothing was changed"
        ),
        ErrorCode.DATABASE_CORRUPT: _(
            "the database {path} cannot be read ({reason}); it was left untouched"
        ),
        ErrorCode.DATABASE_LOCKED: _("the database {path} is busy; try again"),
        ErrorCode.DISK_FULL: _("the disk holding {path} is full; nothing was saved"),
        ErrorCode.DATA_DIR_UNUSABLE: _("cannot use the data directory {path}: {reason}"),
        ErrorCode.INSTANCE_UNREACHABLE: _("the running Fokus does not answer ({path})"),
        ErrorCode.INVALID_WORK_MODEL: _("the work model is not valid: {problem} {subject}"),
        ErrorCode.CALENDAR_INVALID: _("cannot import {path}: {reason}; nothing was imported"),
        ErrorCode.UNKNOWN_BLOCK: _("no time block with id {block} (see: fokus block list)"),
        ErrorCode.BLOCK_OUTSIDE_WORK: _("the block lies outside work hours"),
    }
    try:
        return messages[err.code].format(**p)
    except KeyError:
        return err.code.value


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, no usage block: the user asked for something we cannot do.
        hint = _("see: {prog} --help").format(prog=self.prog)
        self.exit(2, f"fokus: {message} ({hint})\n")


def build_parser() -> Parser:
    # argparse's own words ("usage:", "options", …) come from Fokus's catalog too.
    argparse._ = _  # type: ignore[attr-defined]
    common = Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=_("where Fokus keeps its data (default: the platform's data folder, "
               "or $FOKUS_DATA_DIR)"),
    )
    as_json = Parser(add_help=False)
    as_json.add_argument("--json", action="store_true", help=_("print data as JSON"))

    parser = Parser(
        prog="fokus",
        description=_("Fokus, a focus assistant for programmers with several projects. "
                      "Without a command it starts the tray app."),
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"fokus {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def command(name: str, help_text: str, data: bool = True) -> Parser:
        parents = [common, as_json] if data else [common]
        p: Parser = sub.add_parser(name, help=help_text, description=help_text, parents=parents)
        return p

    start = command("start", _("start a focus session"))
    start.add_argument("--project", "-p", required=True, help=_("project name or id"))
    start.add_argument("--batch", "-b", help=_("batch id (see: fokus batch list)"))
    start.add_argument(
        "--minutes", "-m", type=int, default=90,
        help=_("planned length in minutes: {presets} or any other (default 90)").format(
            presets=", ".join(map(str, PRESET_MINUTES))
        ),
    )
    command("stop", _("stop the focus session"))
    command("pause", _("pause the focus session"))
    command("resume", _("resume the paused focus session"))
    command("status", _("show the focus session"))

    project = command("project", _("add, list and archive projects"), data=False)
    psub = project.add_subparsers(dest="action", metavar="ACTION", required=True,
                                  parser_class=Parser)
    p_add = psub.add_parser("add", help=_("add a project"), parents=[common, as_json])
    p_add.add_argument("name")
    p_add.add_argument("--colour", "--color", help=_("colour as #rrggbb"))
    p_add.add_argument("--tech", default="", help=_("tech stack, e.g. “Java, Go”"))
    p_list = psub.add_parser("list", help=_("list projects"), parents=[common, as_json])
    p_list.add_argument("--all", action="store_true", help=_("include archived projects"))
    p_arch = psub.add_parser("archive", help=_("archive a project"), parents=[common, as_json])
    p_arch.add_argument("name")
    p_arch.add_argument("--undo", action="store_true", help=_("bring an archived project back"))

    batch = command("batch", _("add, list and finish project batches"), data=False)
    bsub = batch.add_subparsers(dest="action", metavar="ACTION", required=True,
                                parser_class=Parser)
    b_add = bsub.add_parser("add", help=_("add a batch of tasks"), parents=[common, as_json])
    b_add.add_argument("--project", "-p", required=True)
    b_add.add_argument("--title", "-t", required=True)
    b_add.add_argument("--type", choices=[t.value for t in TaskType], default="coding")
    b_add.add_argument("--estimate", type=int, default=90, help=_("estimate in minutes"))
    b_add.add_argument("--urgency", choices=[u.value for u in Urgency], default="normal")
    b_add.add_argument("--due", help=_("due date, YYYY-MM-DD"))
    b_add.add_argument("--note", default="", help=_("context-preparation note"))
    b_list = bsub.add_parser("list", help=_("list open batches"), parents=[common, as_json])
    b_list.add_argument("--project", "-p")
    b_list.add_argument("--all", action="store_true", help=_("include done batches"))
    b_done = bsub.add_parser("done", help=_("mark a batch done"), parents=[common, as_json])
    b_done.add_argument("batch")
    b_done.add_argument("--undo", action="store_true", help=_("open the batch again"))

    plan = command("plan", _("plan the week: place open batches into time blocks"))
    plan.add_argument("--week", help=_("ISO week, e.g. 2026-W48 (default: this week)"))
    plan.add_argument("--apply", action="store_true", help=_("save the new blocks"))

    block = command("block", _("add, list and remove time blocks"), data=False)
    blsub = block.add_subparsers(dest="action", metavar="ACTION", required=True,
                                 parser_class=Parser)
    bl_add = blsub.add_parser("add", help=_("add a time block"), parents=[common, as_json])
    bl_add.add_argument("--project", "-p", required=True)
    bl_add.add_argument("--batch", "-b")
    bl_add.add_argument("--start", required=True, help=_("local time, “YYYY-MM-DD HH:MM”"))
    bl_end = bl_add.add_mutually_exclusive_group()
    bl_end.add_argument("--end", help=_("HH:MM, or a full date and time"))
    bl_end.add_argument("--minutes", type=int, help=_("length in minutes (default 90)"))
    bl_add.add_argument("--kind", choices=["deep", "collaborative"])
    bl_list = blsub.add_parser("list", help=_("list a week's blocks"), parents=[common, as_json])
    bl_list.add_argument("--week")
    bl_rm = blsub.add_parser("remove", help=_("remove a time block"), parents=[common, as_json])
    bl_rm.add_argument("block")

    ics = command("import-ics", _("import meetings from a calendar file (.ics)"))
    ics.add_argument("file")
    calendar = command("calendar", _("show imported meetings"), data=False)
    csub = calendar.add_subparsers(dest="action", metavar="ACTION", required=True,
                                   parser_class=Parser)
    c_list = csub.add_parser("list", help=_("list a week's meetings"), parents=[common, as_json])
    c_list.add_argument("--week")

    switch = command("switch", _("switch to another project (ends a running session)"))
    switch.add_argument("--to", required=True, help=_("project name or id"))
    switch.add_argument("--trigger", choices=[t.value for t in SwitchTrigger], default="self",
                        help=_("what made you switch (default: self)"))
    switch.add_argument("--start", action="store_true",
                        help=_("start a focus session on the new project"))
    switch.add_argument("--minutes", "-m", type=int, default=90)
    interrupt = command("interrupt", _("log an interruption"))
    interrupt.add_argument("--source", choices=[s.value for s in InterruptionSource],
                           default="other")
    interrupt.add_argument("--minutes", type=int, help=_("how long it took"))
    day_log = command("log", _("the day's sessions, switches and interruptions"))
    day_log.add_argument("--date", help=_("YYYY-MM-DD (default: today)"))
    note = command("note", _("where you stopped: notes for coming back"), data=False)
    nsub = note.add_subparsers(dest="action", metavar="ACTION", required=True,
                               parser_class=Parser)
    n_add = nsub.add_parser("add", help=_("add a note"), parents=[common, as_json])
    n_add.add_argument("--project", "-p", required=True)
    n_add.add_argument("text")
    n_list = nsub.add_parser("list", help=_("a project's notes"), parents=[common, as_json])
    n_list.add_argument("--project", "-p", required=True)

    reflect = command("reflect", _("the end-of-day reflection, for today or a missed day"))
    reflect.add_argument("--date", help=_("YYYY-MM-DD (default: today)"))
    reflect.add_argument("--satisfaction", type=int,
                         help=_("satisfaction with the day's work, 1-5"))
    reflect.add_argument("--energy", type=int, help=_("energy, 1-5 (private unless exported)"))
    reflect.add_argument("--focus", type=int,
                         help=_("ability to focus and avoid interruptions, 1-5"))
    reflect.add_argument("--productivity", type=int, help=_("against a usual day, 1-7 (4: usual)"))
    reflect.add_argument("--flow", choices=["not_at_all", "once", "several"])
    reflect.add_argument("--helped", default=None, help=_("what helped (free text)"))
    reflect.add_argument("--hindered", default=None, help=_("what got in the way (free text)"))
    reflect.add_argument("--burnout", type=int, help=_("optional, private: 1-5"))

    export = command("export", _("export the weekly self-report (PDF, CSV or JSON)"),
                     data=False)
    export.add_argument("--week", help=_("ISO week, e.g. 2026-W48 (default: this week)"))
    export.add_argument("--format", choices=["pdf", "csv", "json"], default="pdf")
    export.add_argument("--out", help=_("file to write (default: fokus-WEEK.FORMAT here)"))
    export.add_argument("--name", help=_("your name as the PIC should see it"))
    export.add_argument("--include-free-text", action="store_true")
    export.add_argument("--include-health", action="store_true",
                        help=_("include energy and burnout (left out by default)"))
    export.add_argument("--project-codes", action="store_true",
                        help=_("replace project names by codes"))
    export.add_argument("--print-schema", action="store_true",
                        help=_("print the JSON Schema of the export and stop"))

    team = command("team-report", _("merge a team's JSON exports into a team report"),
                   data=False)
    team.add_argument("files", nargs="+", metavar="FILE")
    team.add_argument("--out", required=True, help=_("team.pdf or team.csv"))

    demo = command("demo", _("fill an empty data directory with demo data"), data=False)
    demo.add_argument("--weeks", type=int, default=4, help=_("weeks of history (default 4)"))
    command("doctor", _("check that this machine can run the tray app"), data=False)
    return parser


def _request(ns: argparse.Namespace) -> tuple[str, dict[str, Any]]:
    cmd = ns.command
    if cmd == "start":
        return "start", {"project": ns.project, "batch": ns.batch, "minutes": ns.minutes,
                         "source": "cli"}
    if cmd in ("stop", "pause", "resume", "status"):
        return cmd, {}
    if cmd == "plan":
        return "plan", {"week": ns.week, "apply": ns.apply}
    if cmd == "switch":
        return "switch", {"to": ns.to, "trigger": ns.trigger, "start": ns.start,
                          "minutes": ns.minutes, "source": "cli"}
    if cmd == "interrupt":
        return "interrupt", {"source": ns.source, "minutes": ns.minutes}
    if cmd == "log":
        return "log", {"date": ns.date}
    if cmd == "note":
        if ns.action == "add":
            return "note.add", {"project": ns.project, "text": ns.text}
        return "note.list", {"project": ns.project}
    if cmd == "import-ics":
        import os.path

        return "import-ics", {"file": os.path.abspath(ns.file)}
    if cmd == "calendar":
        return "calendar.list", {"week": ns.week}
    if cmd == "block":
        if ns.action == "add":
            return "block.add", {"project": ns.project, "batch": ns.batch, "start": ns.start,
                                 "end": ns.end, "minutes": ns.minutes, "kind": ns.kind}
        if ns.action == "list":
            return "block.list", {"week": ns.week}
        return "block.remove", {"block": ns.block}
    if cmd == "project":
        if ns.action == "add":
            return "project.add", {"name": ns.name, "colour": ns.colour, "tech_stack": ns.tech}
        if ns.action == "list":
            return "project.list", {"all": ns.all}
        return "project.archive", {"project": ns.name, "undo": ns.undo}
    if ns.action == "add":
        return "batch.add", {
            "project": ns.project, "title": ns.title, "type": ns.type,
            "estimate": ns.estimate, "urgency": ns.urgency, "due": ns.due, "note": ns.note,
        }
    if ns.action == "list":
        return "batch.list", {"project": ns.project, "all": ns.all}
    return "batch.done", {"batch": ns.batch, "undo": ns.undo}


def _minutes_text(seconds: Any) -> str:
    return str(max(0, round((seconds or 0) / 60)))


def _clock_text(iso: str | None) -> str:
    return iso[11:16] if iso else ""


def render(command: str, result: dict[str, Any]) -> str:
    """Human-readable output of a command's result."""
    if command in ("status", "start", "stop", "pause", "resume"):
        state = result.get("state")
        who = result.get("project") or ""
        if result.get("batch"):
            who = f"{who} — {result['batch']}"
        left = _minutes_text(result.get("remaining_seconds"))
        if command == "stop" or state in ("finished", "abandoned"):
            return _("Stopped {who} after {done} min.").format(
                who=who, done=_minutes_text(result.get("focused_seconds")))
        if state == "focusing":
            return _("Focusing on {who}: {left} min left (started {at}).").format(
                who=who, left=left, at=_clock_text(result.get("started_at")))
        if state == "paused":
            return _("Paused: {who}, {left} min left.").format(who=who, left=left)
        return _("Idle: no focus session.")
    if command == "project.list":
        rows = result["projects"]
        if not rows:
            return _("No projects yet. Add one: fokus project add NAME")
        width = max(len(r["name"]) for r in rows)
        lines = []
        for r in rows:
            mark = _(" (archived)") if r["archived"] else ""
            lines.append(f"{r['id']:>4}  {r['name']:<{width}}  {r['tech_stack']}{mark}".rstrip())
        return "\n".join(lines)
    if command in ("project.add", "project.archive"):
        if command == "project.add":
            return _("Added project {name} (id {id}).").format(**result)
        if result["archived"]:
            return _("Archived project {name}.").format(**result)
        return _("Project {name} is active again.").format(**result)
    if command == "batch.list":
        rows = result["batches"]
        if not rows:
            return _("No open batches.")
        lines = []
        for r in rows:
            due = _(" due {due}").format(due=r["due"]) if r["due"] else ""
            done = _(" [done]") if r["status"] == "done" else ""
            lines.append(
                f"{r['id']:>4}  {r['project']}: {r['title']}  "
                f"({r['type']}, {r['estimate_minutes']} min, {r['urgency']}{due}){done}"
            )
        return "\n".join(lines)
    if command == "batch.add":
        return _("Added batch {id} to {project}: {title}.").format(**result)
    if command == "batch.done":
        if result["status"] == "done":
            return _("Batch {id} is done: {title}.").format(**result)
        return _("Batch {id} is open again: {title}.").format(**result)
    if command == "switch":
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
    if command == "interrupt":
        return _("Interruption logged ({source}); {today} today.").format(**result)
    if command == "log":
        lines = [_("{date}: {focus} min of focus, {s} switches, {i} interruptions; about "
                   "{lost} min lost to switching (estimate: {buffer} min each).").format(
            date=result["date"], focus=round(result["focus_minutes"]),
            s=len(result["switches"]), i=len(result["interruptions"]),
            lost=result["estimated_minutes_lost_to_switching"],
            buffer=result["resumption_buffer_minutes"])]
        for x in result["sessions"]:
            lines.append(f"  {x['start'][11:16]}–{(x['end'] or '')[11:16]:5}  "
                         f"{x['project']}  {x['focus_minutes']:.0f} min  {x['state']}")
        for x in result["switches"]:
            lines.append(f"  {x['at'][11:16]}  ⇄ {x['from'] or '—'} → {x['to']}  "
                         f"({x['trigger']}, {x['source']})")
        for x in result["interruptions"]:
            lines.append(f"  {x['at'][11:16]}  ! {x['source']}")
        return "\n".join(lines)
    if command == "note.add":
        return _("Note kept for {project}.").format(**result)
    if command == "note.list":
        if not result["notes"]:
            return _("No notes for {project} yet.").format(**result)
        return "\n".join(f"{n['written_at'][:16].replace('T', ' ')}  {n['text']}"
                         for n in result["notes"])
    if command == "plan":
        lines = [_("Plan for {week}: {switches} context switches (urgency-first placement: "
                   "{baseline}).").format(week=result["week"], switches=result["switches"],
                                          baseline=result["baseline_switches"])]
        for b in result["blocks"]:
            mark = "+" if b["new"] else " "
            what = f"{b['project']} — {b['batch']}" if b["batch"] else b["project"]
            lines.append(f" {mark} {b['start'][:16].replace('T', ' ')}–{b['end'][11:16]}  "
                         f"{b['location']}  {b['kind']:<13}  {what}")
        for u in result["unplaced"]:
            lines.append(_("   not placed: {batch} ({minutes} min): {reason}").format(**u))
        if not result["applied"] and any(b["new"] for b in result["blocks"]):
            lines.append(_("Blocks marked + are new; save them with --apply."))
        return "\n".join(lines)
    if command in ("block.add", "block.remove"):
        verb = _("Added") if command == "block.add" else _("Removed")
        return _("{verb} block {id}: {start}–{end} {project}.").format(
            verb=verb, id=result["id"], start=result["start"][:16].replace("T", " "),
            end=result["end"][11:16], project=result["project"])
    if command == "block.list":
        if not result["blocks"]:
            return _("No time blocks in {week}.").format(week=result["week"])
        return "\n".join(
            f"{b['id']:>4}  {b['start'][:16].replace('T', ' ')}–{b['end'][11:16]}  "
            f"{b['location']}  {b['kind']:<13}  {b['project']}"
            + (f" — {b['batch']}" if b["batch"] else "")
            + (f"  ⚠ {', '.join(b['conflicts'])}" if b["conflicts"] else "")
            for b in result["blocks"])
    if command == "import-ics":
        return _("Imported {meetings} meetings from {file}; {in_deep_windows} of them fall in "
                 "no-meeting windows.").format(**result)
    if command == "calendar.list":
        if not result["meetings"]:
            return _("No meetings in {week}.").format(week=result["week"])
        lines = [
            f"{m['start'][:16].replace('T', ' ')}–{m['end'][11:16]}  {m['title']}"
            + (_("  (all day)") if m["all_day"] else "")
            + (_("  ⚠ in a no-meeting window") if m["in_deep_window"] else "")
            for m in result["meetings"]]
        lines.append(_("{n} meetings in no-meeting windows this week.").format(
            n=result["in_deep_windows"]))
        return "\n".join(lines)
    return json.dumps(result, ensure_ascii=False)


def _run_local(paths: Paths, command: str, args: dict[str, Any]) -> dict[str, Any]:
    from app.cli.commands import execute
    from app.clock import SystemClock
    from app.service import FokusService
    from app.store.engine import Store

    store = Store(paths.database)
    try:
        svc = FokusService(store, SystemClock())
        for rec in svc.engine.recover():
            print(
                _("Fokus had ended unexpectedly: the session on {project} was saved "
                  "up to {at}.").format(project=rec.project, at=rec.ended_at.astimezone()
                                        .strftime("%H:%M")),
                file=sys.stderr,
            )
        return execute(svc, command, args)
    finally:
        store.close()


def _run_report_command(paths: Paths, ns: argparse.Namespace) -> int:
    """Export, team report and reflections read the database directly (a
    running tray need not load matplotlib for them)."""
    if ns.command == "team-report":
        from app.reports import team

        out = Path(ns.out)
        if out.suffix.lower() not in (".pdf", ".csv"):
            print(_("fokus: --out must end in .pdf or .csv"), file=sys.stderr)
            return 2
        merged = team.aggregate([Path(f) for f in ns.files])
        for problem in merged.problems:
            print(_("fokus: {file}: {reason}; left out").format(
                file=problem.path, reason=problem.reason), file=sys.stderr)
        if not merged.submitters:
            print(_("fokus: no valid report; nothing written"), file=sys.stderr)
            return 1
        if out.suffix.lower() == ".csv":
            _write_text(out, team.to_csv(merged))
        else:
            team.to_pdf(merged, out)
        print(_("Team report for {week} from {n} programmers written to {out}.").format(
            week=merged.week, n=len(merged.submitters), out=out))
        if not merged.enough:
            print(_("Fewer than three programmers: no figures are shown."))
        return 0
    if ns.command == "export" and ns.print_schema:
        from app.reports.export import JSON_SCHEMA

        print(json.dumps(JSON_SCHEMA, indent=2, ensure_ascii=False))
        return 0
    from app.clock import SystemClock
    from app.store.engine import Store

    clock = SystemClock()
    store = Store(paths.database)
    try:
        if ns.command == "reflect":
            return _reflect(store, clock, ns)
        from app.reports.export import (
            ExportOptions,
            build_report,
            default_filename,
            to_csv,
            to_json,
        )
        from app.reports.metrics import Metrics
        from app.week.workmodel import iso_week_days, iso_week_of

        week = ns.week or iso_week_of(clock.now().astimezone(clock.zone()).date())
        iso_week_days(week)  # checks the form
        options = ExportOptions(free_text=ns.include_free_text, health=ns.include_health,
                                project_names=not ns.project_codes, name=ns.name)
        report_week = Metrics(store, clock).week(week)
        report = build_report(store, clock, week, options, report_week)
        out = Path(ns.out or default_filename(week, ns.format))
        if ns.format == "json":
            _write_text(out, to_json(report))
        elif ns.format == "csv":
            _write_text(out, to_csv(report))
        else:
            from app.reports.pdf import render_pdf
            from app.week.service import WeekService

            try:
                render_pdf(report, report_week, WeekService(store, clock).work_model(), out)
            except OSError as exc:
                raise FokusError(ErrorCode.DATA_DIR_UNUSABLE, path=out.parent,
                                 reason=exc.strerror or exc) from exc
        print(_("Self-report for {week} written to {out}.").format(week=week, out=out))
        return 0
    finally:
        store.close()


def _write_text(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise FokusError(ErrorCode.DATA_DIR_UNUSABLE, path=path.parent,
                         reason=exc.strerror or exc) from exc


def _reflect(store: Any, clock: Any, ns: argparse.Namespace) -> int:
    from datetime import date

    from app.reports.reflection import Answers, Flow, ReflectionService

    svc = ReflectionService(store, clock)
    try:
        day = date.fromisoformat(ns.date) if ns.date else svc.today()
    except ValueError:
        raise FokusError(ErrorCode.INVALID_VALUE, field="date", value=ns.date) from None
    given = [ns.satisfaction, ns.energy, ns.focus, ns.productivity, ns.flow, ns.helped,
             ns.hindered, ns.burnout]
    if any(v is not None for v in given):
        old = svc.get(day)
        answers = Answers(
            satisfaction=ns.satisfaction if ns.satisfaction is not None else (
                old.satisfaction if old else None),
            energy=ns.energy if ns.energy is not None else (old.energy if old else None),
            focus_ability=ns.focus if ns.focus is not None else (
                old.focus_ability if old else None),
            productivity=ns.productivity if ns.productivity is not None else (
                old.productivity if old else None),
            flow=Flow(ns.flow) if ns.flow else (Flow(old.flow) if old and old.flow else None),
            helped=ns.helped if ns.helped is not None else (old.helped if old else ""),
            hindered=ns.hindered if ns.hindered is not None else (old.hindered if old else ""),
            burnout=ns.burnout if ns.burnout is not None else (old.burnout if old else None),
        )
        svc.save(day, answers)
    facts = svc.facts(day)
    row = svc.to_json(svc.get(day))
    if getattr(ns, "json", False):
        print(json.dumps({"date": day.isoformat(), "facts": {
            "focus_minutes": round(facts.focus_minutes, 1),
            "focus_in_no_meeting_windows_minutes": round(facts.focus_in_deep_windows_minutes, 1),
            "sessions_completed": facts.completed, "sessions_abandoned": facts.abandoned,
            "switches": facts.switches, "interruptions": facts.interruptions},
            "reflection": row}, ensure_ascii=False, indent=2))
        return 0
    print(_("{day}: {focus} min of focus ({inside} in no-meeting windows), {done} sessions "
            "completed, {abandoned} stopped early, {s} switches, {i} interruptions.").format(
        day=day.isoformat(), focus=round(facts.focus_minutes),
        inside=round(facts.focus_in_deep_windows_minutes), done=facts.completed,
        abandoned=facts.abandoned, s=facts.switches, i=facts.interruptions))
    if row:
        print(_("Reflection: satisfaction {satisfaction}, energy {energy}, focus {focus}, "
                "productivity {productivity}, flow {flow}.").format(**row))
    else:
        print(_("No reflection yet: fokus reflect --satisfaction N --energy N --focus N "
                "--productivity N --flow once"))
    return 0


def dispatch(paths: Paths, command: str, args: dict[str, Any]) -> dict[str, Any]:
    """Run a command through the running Fokus if there is one, here if not."""
    from app.platform.instance import InstanceLock, send

    deadline = time.monotonic() + 5.0
    while True:
        try:
            return send(paths.socket, command, args)
        except ConnectionError:
            pass
        with InstanceLock(paths.lock_file) as lock:
            if lock.acquire():
                return _run_local(paths, command, args)
        # Someone holds the lock but is not answering yet: a tray starting up.
        if time.monotonic() > deadline:
            raise FokusError(ErrorCode.INSTANCE_UNREACHABLE, path=paths.socket)
        time.sleep(0.1)


def _use_stored_language(paths: Paths) -> None:
    """Speak the language chosen in the app's settings, unless FOKUS_LANG says."""
    if os.environ.get("FOKUS_LANG") or not paths.database.exists():
        return
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{paths.database}?mode=ro", uri=True, timeout=1)
        try:
            row = conn.execute("SELECT value FROM setting WHERE key = 'language'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return  # the command itself will say what is wrong with the file
    if row:
        from app.i18n import set_language

        language = json.loads(row[0])
        if isinstance(language, str) and language:
            set_language(language)


def run(ns: argparse.Namespace) -> int:
    paths = resolve(getattr(ns, "data_dir", None))
    _use_stored_language(paths)
    try:
        paths.ensure()
        from app.platform.logs import setup_logging

        setup_logging(paths, console=False)
        if ns.command == "demo":
            from app.store.demo import run_demo

            summary = run_demo(paths, weeks=ns.weeks)
            print(_("Demo data written to {path}: {projects} projects, {batches} batches, "
                    "{sessions} focus sessions.").format(path=paths.database, **summary))
            return 0
        if ns.command in ("export", "team-report", "reflect"):
            return _run_report_command(paths, ns)
        if ns.command == "doctor":
            from app.platform.doctor import report

            return report()
        command, args = _request(ns)
        result = dispatch(paths, command, args)
    except FokusError as err:
        print(f"fokus: {error_text(err)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception:
        log.exception("unexpected error in %s", ns.command)
        print(_("fokus: unexpected error; the details are in {log}").format(
            log=paths.log_dir / "fokus.log"), file=sys.stderr)
        return 70
    if getattr(ns, "json", False):
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(render(command, result))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    ns = build_parser().parse_args(argv)
    if ns.command is None:
        print(_("The tray app starts from the fokus command of the installed package."),
              file=sys.stderr)
        return 2
    return run(ns)


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
