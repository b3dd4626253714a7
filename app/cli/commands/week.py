"""The week: planning, time blocks and imported meetings."""

from __future__ import annotations

import os.path
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.cli.commands.common import (
    clock_text,
    iso,
    local_time,
    minutes,
    moment_text,
    names_and_titles,
    span_text,
    week_arg,
    week_text,
)
from app.cli.registry import Arg, Command, Group, Result
from app.errors import ErrorCode, FokusError
from app.i18n import N_, _, ngettext
from app.store.settings import FOCUS_MINUTES

if TYPE_CHECKING:
    from pathlib import Path

    from app.service import FokusService

    # the file, its meetings stored (None: unchanged, not read again), its digest,
    # how many fall in no-meeting windows; and which write of the file's meetings
    # it made, when it wrote (WeekService.write_meetings_counted)
    CalendarRead = tuple[Path, int | None, str, int, int | None]

WEEK_HELP = N_("ISO week, e.g. 2026-W48 (default: this week)")


def _plan(svc: FokusService, a: dict[str, Any]) -> Result:
    from app.week.planner import Strategy

    week = week_arg(svc, a)
    plan = svc.week.plan(week, apply=bool(a.get("apply")))
    baseline = svc.week.plan(week, strategy=Strategy.URGENCY_FIRST)
    names, titles = svc.week.names_and_titles(
        {b.batch_id for b in plan.blocks} | {u.batch_id for u in plan.unplaced})
    zone = svc.clock.zone()
    return {
        "week": week,
        "applied": bool(a.get("apply")),
        "switches": plan.switches(zone),
        "baseline_switches": baseline.switches(zone),
        "blocks": [{
            "id": b.id, "start": iso(svc, b.start), "end": iso(svc, b.end),
            "kind": b.kind.value, "location": b.location.value,
            "project": names.get(b.project_id), "batch": titles.get(b.batch_id or -1),
            "new": b.new} for b in plan.blocks],
        "unplaced": [{"batch": titles.get(u.batch_id), "batch_id": u.batch_id,
                      "minutes": u.minutes, "reason": u.reason.value} for u in plan.unplaced],
        "exported": _export_ics(svc, week, a),
    }


def _export_ics(svc: FokusService, week: str, a: dict[str, Any]) -> Result | None:
    if not a.get("export_ics"):
        return None
    from pathlib import Path

    path = Path(a["export_ics"])
    count = svc.week.export_blocks_ics(week, path, with_projects=bool(a.get("with_projects")))
    return {"file": str(path), "blocks": count}


def _plan_text(result: Result) -> str:
    from app.formats import word

    n = result["switches"]
    lines = [ngettext("Plan for {week}: {switches} context switch (urgency-first placement: "
                      "{baseline}).",
                      "Plan for {week}: {switches} context switches (urgency-first placement: "
                      "{baseline}).", n).format(week=week_text(result["week"]), switches=n,
                                                baseline=result["baseline_switches"])]
    for b in result["blocks"]:
        mark = "+" if b["new"] else " "
        what = f"{b['project']} — {b['batch']}" if b["batch"] else b["project"]
        lines.append(f" {mark} {span_text(b['start'], b['end'])}  "
                     f"{b['location']}  {word(b['kind']):<17}  {what}")
    for u in result["unplaced"]:
        lines.append(_("   not placed: {batch} ({minutes} min): {reason}").format(
            batch=u["batch"], minutes=u["minutes"], reason=word(u["reason"])))
    if not result["applied"] and any(b["new"] for b in result["blocks"]):
        lines.append(_("Blocks marked + are new; save them with --apply."))
    if result.get("exported"):
        lines.append(_("{blocks} deep-work blocks written to {file} as busy events.").format(
            **result["exported"]))
    return "\n".join(lines)


def _block_json(svc: FokusService, b: Any, names: dict[int, str],
                titles: dict[int, str]) -> Result:
    return {"id": b.id, "start": iso(svc, b.start_at), "end": iso(svc, b.end_at),
            "kind": str(b.kind), "location": str(b.location),
            "project": names.get(b.project_id), "batch": titles.get(b.batch_id or -1)}


def _block_add(svc: FokusService, a: dict[str, Any]) -> Result:
    from datetime import timedelta

    from app.domain import BlockKind

    project = svc.project(a["project"], allow_archived=False)
    batch = svc.batch(a["batch"]) if a.get("batch") else None
    start = local_time(svc, a["start"], "start")
    if a.get("end"):
        end_text = str(a["end"])
        end = local_time(svc, end_text if len(end_text) > 5 else
                         f"{start.date().isoformat()}T{end_text}", "end")
    else:
        length = minutes(a["minutes"])
        if not 1 <= length <= 24 * 60:
            raise FokusError(ErrorCode.INVALID_VALUE, field="minutes", value=a["minutes"])
        end = start + timedelta(minutes=length)
    kind = None
    if a.get("kind"):
        try:
            kind = BlockKind(a["kind"])
        except ValueError:
            raise FokusError(ErrorCode.INVALID_VALUE, field="kind", value=a["kind"]) from None
    assert project.id is not None
    block = svc.week.add_block(project.id, batch.id if batch else None, start, end, kind)
    return _block_json(svc, block, *names_and_titles(svc))


def _block_list(svc: FokusService, a: dict[str, Any]) -> Result:
    week = week_arg(svc, a)
    _week, start, end = svc.week.week_bounds(week)
    names, titles = names_and_titles(svc)
    conflicts = svc.week.conflicts(start, end)
    return {"week": week, "blocks": [
        {**_block_json(svc, b, names, titles),
         "conflicts": [c.value for c in conflicts.get(b.id or -1, [])]}
        for b in svc.week.blocks(start, end)]}


def _block_remove(svc: FokusService, a: dict[str, Any]) -> Result:
    block = svc.week.remove_block(a["block"])
    return _block_json(svc, block, *names_and_titles(svc))


def _block_changed_text(added: bool) -> Callable[[Result], str]:
    def text(result: Result) -> str:
        verb = _("Added") if added else _("Removed")
        return _("{verb} block {id}: {start}–{end} {project}.").format(
            verb=verb, id=result["id"], start=moment_text(result["start"]),
            end=clock_text(result["end"]), project=result["project"])

    return text


def _block_list_text(result: Result) -> str:
    if not result["blocks"]:
        return _("No time blocks in {week}. Plan the week: fokus plan --apply").format(
            week=week_text(result["week"]))
    from app.formats import word

    return "\n".join(
        f"{b['id']:>4}  {span_text(b['start'], b['end'])}  "
        f"{b['location']}  {word(b['kind']):<17}  {b['project']}"
        + (f" — {b['batch']}" if b["batch"] else "")
        + (f"  ⚠ {', '.join(word(c) for c in b['conflicts'])}" if b["conflicts"] else "")
        for b in result["blocks"])


def _import_ics_read(svc: FokusService, a: dict[str, Any]) -> Callable[[], CalendarRead]:
    """The import's reading, parsing, counting and storing of the meetings as work
    the tray runs in a worker thread while its menu stays live (the meetings go
    in on a connection of the worker's own). What it needs from the store's
    sessions (the clock, the work model) is taken here, on the caller's thread."""
    from pathlib import Path

    from app.week.ics_export import is_fokus_block

    try:
        path = Path(a["file"]).expanduser().resolve()
    except RuntimeError:  # "~someone/…" for no such user
        raise FokusError(ErrorCode.CALENDAR_INVALID, path=a["file"],
                         reason=_("no such home folder")) from None
    week = svc.week
    now, zone, model = week.clock.now(), week.clock.zone(), week.work_model()
    # ``if_changed`` (Settings' OK, never the command line): a file whose digest
    # is the one stored is only hashed, not parsed or stored again.
    known = week.calendar_digest(path) if a.get("if_changed") else None
    # ``cancelled`` (a threading.Event, in-process callers only): set, nothing
    # more is written (Settings closed with Cancel while its calendar was read).
    cancelled = a.get("cancelled")

    def wanted() -> bool:
        return cancelled is None or not cancelled.is_set()

    def read() -> CalendarRead:
        # A FIFO or a device is refused unread (app/week/calendar.py ``_read``).
        parsed, digest = week.read_calendar_file(path, known, now, zone)
        if parsed is None:  # unchanged
            return path, None, digest, 0, None
        deep = sum(1 for m in parsed if not m.all_day and not is_fokus_block(m.uid)
                   and week._in_deep_window(model, m.start, m.end))
        rows = week.meeting_rows(path, parsed)
        written = week.write_meetings_counted(path, rows, only_if=wanted)
        if written is None:
            return path, None, digest, 0, None
        return path, len(rows), digest, deep, written

    return read


def _import_ics_store(svc: FokusService, a: dict[str, Any], read: CalendarRead) -> Result:
    """The import's last write (one row: what was imported, which tells the
    windows), in the thread that owns the store's sessions."""
    path, meetings, digest, deep, written = read
    cancelled = a.get("cancelled")
    # Cancelled before the worker wrote: nothing was. Cancelled after: a file
    # never imported before leaves nothing behind, unless another import of it
    # wrote since. (One imported before keeps its new rows, recorded below:
    # they are what the file now says.)
    if cancelled is not None and cancelled.is_set() and (
            written is None or (svc.week.calendar_digest(path) is None
                                and svc.week.forget_meetings(path, written))):
        return {"file": str(path), "meetings": 0, "in_deep_windows": 0, "cancelled": True}
    if meetings is None:
        unchanged = svc.week.unchanged_calendar(path)
        return {"file": str(path), "meetings": unchanged.meetings, "in_deep_windows": 0,
                "unchanged": True}
    svc.week.record_calendar(path, meetings, digest)
    return {"file": str(path), "meetings": meetings, "in_deep_windows": deep}


def _import_ics(svc: FokusService, a: dict[str, Any]) -> Result:
    return _import_ics_store(svc, a, _import_ics_read(svc, a)())


# Commands whose slow part the tray runs in a worker thread: (read, store) where
# ``read(svc, args)`` returns the work (no store inside) and ``store(svc, args,
# what it read)`` writes and makes the result, back on the tray's GUI thread.
OFF_THREAD: dict[str, tuple[Callable[[FokusService, dict[str, Any]], Callable[[], Any]],
                            Callable[[FokusService, dict[str, Any], Any], Result]]] = {
    "import-ics": (_import_ics_read, _import_ics_store),
}


def _calendar_list(svc: FokusService, a: dict[str, Any]) -> Result:
    week = week_arg(svc, a)
    _week, start, end = svc.week.week_bounds(week)
    deep = {m.id for m in svc.week.meetings_in_deep_windows(start, end)}
    return {"week": week, "in_deep_windows": len(deep), "meetings": [
        {"start": iso(svc, m.start_at), "end": iso(svc, m.end_at), "title": m.title,
         "all_day": m.all_day, "location": m.location, "in_deep_window": m.id in deep}
        for m in svc.week.meetings(start, end)]}


def _calendar_list_text(result: Result) -> str:
    if not result["meetings"]:
        return _("No meetings in {week}. Import a calendar: fokus import-ics FILE").format(
            week=week_text(result["week"]))
    from app.formats import day_short

    lines = [
        f"{day_short(m['start']) if m['all_day'] else span_text(m['start'], m['end'])}  "
        f"{m['title']}"
        + (_("  (all day)") if m["all_day"] else "")
        + (_("  ⚠ in a no-meeting window") if m["in_deep_window"] else "")
        for m in result["meetings"]]
    n = result["in_deep_windows"]
    lines.append(ngettext("{n} meeting in no-meeting windows this week.",
                          "{n} meetings in no-meeting windows this week.", n).format(n=n))
    return "\n".join(lines)


DECLARED = (
    Command(
        "plan", N_("plan the week: place open batches into time blocks"),
        args=(Arg("--week", help=WEEK_HELP),
              Arg("--apply", action="store_true", help=N_("save the new blocks")),
              Arg("--export-ics", metavar="FILE", convert=os.path.abspath,
                  help=N_("also write the week's deep-work blocks as busy events to FILE "
                          "(.ics), for a calendar colleagues can see")),
              Arg("--with-projects", action="store_true",
                  help=N_("name the project in each exported block (left out by default)"))),
        handler=_plan, text=_plan_text),
    Group("block", N_("add, list and remove time blocks")),
    Command(
        "block.add", N_("add a time block"),
        args=(
            Arg("--project", "-p", required=True),
            Arg("--batch", "-b"),
            Arg("--start", required=True, help=N_("local time, “YYYY-MM-DD HH:MM”")),
            Arg("--end", exclusive="end", help=N_("HH:MM, or a full date and time")),
            Arg("--minutes", exclusive="end", type=int, setting=FOCUS_MINUTES,
                help=N_("length in minutes (default: the {setting} setting, {default} "
                        "unless changed)")),
            Arg("--kind", choices=["deep", "collaborative"]),
        ),
        handler=_block_add, text=_block_changed_text(added=True)),
    Command("block.list", N_("list a week's blocks"), args=(Arg("--week"),),
            handler=_block_list, text=_block_list_text),
    Command("block.remove", N_("remove a time block"), args=(Arg("block"),),
            handler=_block_remove, text=_block_changed_text(added=False)),
    Command(
        "import-ics", N_("import meetings from a calendar file (.ics)"),
        # The tray may run in another directory: send it an absolute path.
        args=(Arg("file", convert=os.path.abspath),),
        handler=_import_ics,
        text=lambda r: _("Imported {meetings} meetings from {file}; {in_deep_windows} of them "
                         "fall in no-meeting windows.").format(**r)),
    Group("calendar", N_("show imported meetings")),
    Command("calendar.list", N_("list a week's meetings"), args=(Arg("--week"),),
            handler=_calendar_list, text=_calendar_list_text),
)
