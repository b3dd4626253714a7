"""Reflections, the weekly self-report and the team report. They run here, never
through the tray: a running tray need not load matplotlib for them. A PDF
export draws in a process forked at its start (app/reports/pdf_process.py)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.commands.common import week_text
from app.cli.registry import Arg, Command
from app.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from app.clock import Clock
    from app.platform.paths import Paths
    from app.reports.pdf_process import PdfDrawer
    from app.reports.reflection import Answers, ReflectionService
    from app.store.engine import Store
    from app.store.models import Reflection

WEEK_HELP = N_("ISO week, e.g. 2026-W48 (default: this week)")
# Answers' fields and the arguments that give them.
ANSWERS = (("satisfaction", "satisfaction"), ("energy", "energy"),
           ("focus_ability", "focus"), ("productivity", "productivity"), ("flow", "flow"),
           ("helped", "helped"), ("hindered", "hindered"), ("burnout", "burnout"))


def write_text(path: Path, text: str) -> None:
    from app.reports.export import write_atomically

    write_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def _with_store(paths: Paths, a: dict[str, Any], body: Any) -> int:
    from app.store.engine import Store
    from app.store.settings import person_clock

    store = Store(paths.database)
    try:
        code: int = body(store, person_clock(store), a)
        return code
    finally:
        store.close()


# -- reflect ---------------------------------------------------------------------------


def _merged(old: Reflection | None, a: dict[str, Any]) -> Answers:
    """The answers given now, the earlier ones where none is given."""
    from app.reports.reflection import Answers, Flow

    values: dict[str, Any] = {field: getattr(old, field) for field, _key in ANSWERS} if old else {}
    values.update({field: a[key] for field, key in ANSWERS if a.get(key) is not None})
    values["flow"] = Flow(values["flow"]) if values.get("flow") else None
    for free_text in ("helped", "hindered"):
        values[free_text] = values.get(free_text) or ""
    return Answers(**values)


def _reflect_on(store: Store, clock: Clock, a: dict[str, Any]) -> int:
    from app.cli.commands.common import day as parse_day
    from app.reports.reflection import ReflectionService

    svc = ReflectionService(store, clock)
    day = parse_day(a.get("date"), "date") or svc.today()
    if any(a.get(key) is not None for _field, key in ANSWERS):
        svc.save(day, _merged(svc.get(day), a))
    if a.get("json"):
        print(json.dumps(_reflection_json(svc, day), ensure_ascii=False, indent=2))
    else:
        print(_reflection_text(svc, day))
    return 0


def _reflection_json(svc: ReflectionService, day: Any) -> dict[str, Any]:
    facts = svc.facts(day)
    return {"date": day.isoformat(), "facts": {
        "focus_minutes": round(facts.focus_minutes, 1),
        "focus_in_no_meeting_windows_minutes": round(facts.focus_in_deep_windows_minutes, 1),
        "sessions_completed": facts.completed, "sessions_abandoned": facts.abandoned,
        "switches": facts.switches, "interruptions": facts.interruptions},
        "reflection": svc.to_json(svc.get(day))}


def _reflection_text(svc: ReflectionService, day: Any) -> str:
    facts = svc.facts(day)
    row = svc.to_json(svc.get(day))
    from app.formats import day_long

    lines = [_("{day}: {focus} min of focus ({inside} in no-meeting windows), {done} "
               "completed, {abandoned} stopped early, {switches}, {interruptions}.").format(
        day=day_long(day), focus=round(facts.focus_minutes),
        inside=round(facts.focus_in_deep_windows_minutes),
        done=ngettext("{n} session", "{n} sessions", facts.completed).format(n=facts.completed),
        abandoned=facts.abandoned,
        switches=ngettext("{n} switch", "{n} switches", facts.switches).format(
            n=facts.switches),
        interruptions=ngettext("{n} interruption", "{n} interruptions",
                               facts.interruptions).format(n=facts.interruptions))]
    if row:
        from app.formats import word

        shown = {k: "—" if v is None else word(v) for k, v in row.items()}
        lines.append(_("Reflection: satisfaction {satisfaction}, energy {energy}, focus {focus}, "
                       "productivity {productivity}, flow {flow}.").format(**shown))
    else:
        lines.append(_("No reflection yet: fokus reflect --satisfaction N --energy N --focus N "
                       "--productivity N --flow once"))
    return "\n".join(lines)


def reflect(paths: Paths, a: dict[str, Any]) -> int:
    return _with_store(paths, a, _reflect_on)


# -- export ----------------------------------------------------------------------------


def _export_from(store: Store, clock: Clock, a: dict[str, Any],
                 drawer: PdfDrawer | None = None) -> int:
    from app.reports.export import (
        ExportOptions,
        build_report,
        to_csv,
        to_json,
    )
    from app.reports.metrics import Metrics
    from app.week.workmodel import iso_week_days, iso_week_of

    week = a["week"] or iso_week_of(clock.now().astimezone(clock.zone()).date())
    iso_week_days(week)  # checks the form
    options = ExportOptions(free_text=a["include_free_text"], health=a["include_health"],
                            project_names=not a["project_codes"], name=a["name"])
    report_week = Metrics(store, clock).week(week)
    report = build_report(store, clock, week, options, report_week)
    out = _export_path(a.get("out"), week, a["format"], report, export_folder(store))
    if a["format"] == "json":
        write_text(out, to_json(report))
    elif a["format"] == "csv":
        write_text(out, to_csv(report))
    else:
        from sqlmodel import select

        from app.reports.export import write_atomically
        from app.reports.pdf import draw_pdf, pdf_input
        from app.store.models import Project
        from app.week.service import WeekService

        model = WeekService(store, clock).work_model()
        with store.transaction() as s:
            colours = {p.name: p.colour for p in s.exec(select(Project))}
        data = pdf_input(report, report_week, model, colours)
        write_atomically(out, lambda tmp: drawer.draw(data, tmp) if drawer is not None
                         else draw_pdf(data, tmp))
    print(_("Self-report for {week} written to {out}.").format(week=week_text(week), out=out))
    return 0


def export_folder(store: Store) -> Path:
    """The remembered export folder (EXPORT_FOLDER, also the export window's),
    or the home folder when none is set."""
    from app.store.settings import EXPORT_FOLDER, Settings

    folder = Settings(store).get(EXPORT_FOLDER)
    return Path(folder).expanduser() if folder else Path.home()


def _export_path(given: str | None, week: str, fmt: str, report: dict[str, Any],
                 folder: Path) -> Path:
    """``--out``: a file, or a directory to write the person's default name
    into; without it, the person's default name in ``folder``."""
    from app.reports.filenames import export_filename

    name = export_filename(week, fmt, report)
    if not given:
        folder.mkdir(parents=True, exist_ok=True)
        return folder / name
    out = Path(given).expanduser()
    return out / name if out.is_dir() or given.endswith(("/", os.sep)) else out


def export(paths: Paths, a: dict[str, Any]) -> int:
    if a["print_schema"]:
        from app.reports.export import JSON_SCHEMA

        print(json.dumps(JSON_SCHEMA, indent=2, ensure_ascii=False))
        return 0
    if a["format"] != "pdf":
        return _with_store(paths, a, _export_from)
    from app.reports.pdf_process import PdfDrawer

    # Started first: matplotlib loads in it while the week is read here.
    drawer = PdfDrawer()
    try:
        return _with_store(paths, a, lambda store, clock, args: _export_from(
            store, clock, args, drawer))
    finally:
        drawer.close()


# -- team report -----------------------------------------------------------------------

# The exit status of a team report written without some of its files.
SOME_LEFT_OUT = 3


def team_report(_paths: Paths, a: dict[str, Any]) -> int:
    from app.reports import team

    out = Path(a["out"])
    if out.suffix.lower() not in (".pdf", ".csv"):
        print(_("fokus: --out must end in .pdf or .csv"), file=sys.stderr)
        return 2
    merged = team.aggregate([Path(f) for f in a["files"]])
    for problem in merged.problems:
        print(_("fokus: {file}: {reason}; left out").format(
            file=problem.path, reason=problem.reason), file=sys.stderr)
    if not merged.submitters:
        print(_("fokus: no valid report; nothing written"), file=sys.stderr)
        return 1
    if out.suffix.lower() == ".csv":
        write_text(out, team.to_csv(merged))
    else:
        from app.reports.export import write_atomically

        write_atomically(out, lambda tmp: team.to_pdf(merged, tmp))
    n = len(merged.submitters)
    print(ngettext("Team report for {week} from {n} programmer written to {out}.",
                   "Team report for {week} from {n} programmers written to {out}.", n).format(
        week=week_text(merged.week or ""), n=n, out=out))
    if not merged.enough:
        print(_("Fewer than three programmers: no figures are shown."))
    if merged.problems:
        print(_("fokus: {n} of {total} files were left out (see above)").format(
            n=len(merged.problems), total=len(a["files"])), file=sys.stderr)
        return SOME_LEFT_OUT
    return 0


DECLARED = (
    Command(
        "reflect", N_("the end-of-day reflection, for today or a missed day"),
        args=(
            Arg("--date", help=N_("YYYY-MM-DD (default: today)")),
            Arg("--satisfaction", type=int, help=N_("satisfaction with the day's work, 1-5")),
            Arg("--energy", type=int, help=N_("energy, 1-5 (private unless exported)")),
            Arg("--focus", type=int, help=N_("ability to focus and avoid interruptions, 1-5")),
            Arg("--productivity", type=int, help=N_("against a usual day, 1-7 (4: usual)")),
            Arg("--flow", choices=["not_at_all", "once", "several"]),
            Arg("--helped", default=None, help=N_("what helped (free text)")),
            Arg("--hindered", default=None, help=N_("what got in the way (free text)")),
            Arg("--burnout", type=int, help=N_("optional, private: 1-5")),
        ),
        local=reflect),
    Command(
        "export", N_("export the weekly self-report (PDF, CSV or JSON)"),
        args=(
            Arg("--week", help=WEEK_HELP),
            Arg("--format", choices=["pdf", "csv", "json"], default="pdf"),
            Arg("--out", help=N_("file or folder to write (default: fokus-WEEK-NAME.FORMAT in "
                                 "the export folder set in Settings, else your home folder)")),
            Arg("--name", help=N_("your name as the PIC should see it")),
            Arg("--include-free-text", action="store_true"),
            Arg("--include-health", action="store_true",
                help=N_("include energy and burnout (left out by default)")),
            Arg("--project-codes", action="store_true",
                help=N_("replace project names by codes")),
            Arg("--print-schema", action="store_true",
                help=N_("print the JSON Schema of the export and stop")),
        ),
        local=export, offers_json=False),
    Command(
        "team-report", N_("merge a team's JSON exports into a team report"),
        args=(Arg("files", nargs="+", metavar="FILE"),
              Arg("--out", required=True, help=N_("team.pdf or team.csv"))),
        local=team_report, offers_json=False),
)
