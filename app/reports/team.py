"""The team report for a PIC: team medians and spreads from the members'
weekly JSON exports. Never a figure for fewer than three programmers, no
ranking of individuals: the report lists who submitted, not who did what.

Each file is read with limits (a regular file only, never a FIFO or a device,
at most ``MAX_FILE_BYTES``, JSON nested at most ``MAX_DEPTH`` deep, no NaN or
infinity) and checked (schema with value ranges, version, week, the same
programmer twice); a bad file is named with its problem and left out, and the
report is made from the valid ones."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.i18n import N_, _
from app.reports.export import KIND, SCHEMA_VERSION, safe_cell, validate

MIN_GROUP = 3
# The PDF's first page: the names fill at most this many lines above the
# figures; a bigger team's follow on pages of their own.
INTRO_LINES = 8
NAME_COLUMNS, NAME_ROWS = 3, 60
# A weekly export is a few kilobytes; these leave room and stop a hostile file.
MAX_FILE_BYTES = 1 << 20
MAX_DEPTH = 16
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)

# (section, key, label) of every figure the team report aggregates.
FIGURES: list[tuple[str, str, str]] = [
    ("satisfaction_wellbeing", "satisfaction_mean", N_("Satisfaction (mean, 1–5)")),
    ("satisfaction_wellbeing", "satisfaction_trend", N_("Satisfaction against 4 weeks before")),
    ("satisfaction_wellbeing", "energy_mean",
     N_("Energy (mean, 1–5; only from those who shared)")),
    ("efficiency_flow", "deep_work_minutes", N_("Deep-work minutes in the week")),
    ("efficiency_flow", "deep_work_share_in_no_meeting_windows",
     N_("Share of deep work in no-meeting windows (%)")),
    ("efficiency_flow", "long_uninterrupted_sessions",
     N_("Sessions ≥ 60 min without interruption")),
    ("efficiency_flow", "interruptions_per_day", N_("Interruptions per work day")),
    ("efficiency_flow", "switches_per_day", N_("Context switches per work day")),
    ("efficiency_flow", "estimated_minutes_lost_to_switching",
     N_("Estimated minutes lost to switching")),
    ("efficiency_flow", "session_flow_rating_mean", N_("Session flow rating (1–5)")),
    ("efficiency_flow", "meetings_in_no_meeting_windows", N_("Meetings in no-meeting windows")),
]
# Shares are exported from 0 to 1 and shown as percent, as the personal report does.
PERCENT = frozenset({"deep_work_share_in_no_meeting_windows"})


@dataclass(frozen=True)
class FileProblem:
    path: Path
    reason: str


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    n: int
    median: float | None  # None: fewer than three programmers gave it
    q1: float | None
    q3: float | None


@dataclass(frozen=True)
class ProjectTime:
    """The team's focus on one project in the week (summed over everyone)."""

    project: str  # "" for the projects of fewer than three programmers, together
    minutes: float
    programmers: int


@dataclass(frozen=True)
class Totals:
    """What the team planned and did, summed; None where fewer than three told."""

    planned_deep_blocks: int | None
    planned_deep_blocks_used: int | None
    batches_finished: int | None


@dataclass
class TeamReport:
    week: str | None
    submitters: list[str]
    figures: list[Figure] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    projects: list[ProjectTime] = field(default_factory=list)
    totals: Totals = field(default_factory=lambda: Totals(None, None, None))

    @property
    def enough(self) -> bool:
        return len(self.submitters) >= MIN_GROUP


class _Refused(Exception):
    """A file left out, with the reason in the user's words."""


def _reject_constant(name: str) -> float:
    raise _Refused(_("holds {value}, which is not a number").format(value=name))


def _depth(text: str) -> int:
    deepest = depth = 0
    for ch in _STRING.sub('""', text):
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def read_report(path: Path) -> dict[str, Any]:
    """One member's export, read with limits and checked; _Refused says why not."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise _Refused(_("not a regular file"))
        # O_NONBLOCK: a file swapped for a FIFO after the check cannot hang us.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise _Refused(_("not a regular file"))
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _Refused(exc.strerror or str(exc)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise _Refused(_("larger than {size} KB").format(size=MAX_FILE_BYTES // 1024))
    try:
        text = raw.decode("utf-8")
        if _depth(text) > MAX_DEPTH:
            raise _Refused(_("nested more than {depth} levels deep").format(depth=MAX_DEPTH))
        data = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise _Refused(_("not a JSON file ({error})").format(
            error=str(exc)[:80])) from None
    if not isinstance(data, dict) or data.get("kind") != KIND:
        raise _Refused(_("not a Fokus self-report"))
    if data.get("schema_version") != SCHEMA_VERSION:
        raise _Refused(_("schema version {v}; this Fokus reads version {known}").format(
            v=str(data.get("schema_version"))[:20], known=SCHEMA_VERSION))
    errors = validate(data)
    if errors:
        raise _Refused(_("does not match the schema: {error}").format(error=errors[0][:160]))
    return data


def load(paths: list[Path]) -> tuple[list[tuple[Path, dict[str, Any]]], list[FileProblem]]:
    parsed: list[tuple[Path, dict[str, Any]]] = []
    problems: list[FileProblem] = []
    for path in paths:
        try:
            parsed.append((path, read_report(path)))
        except _Refused as refused:
            problems.append(FileProblem(path, str(refused)))
    weeks = Counter(d["week"] for _p, d in parsed)
    week = min(weeks, key=lambda w: (-weeks[w], w)) if weeks else None
    valid: list[tuple[Path, dict[str, Any]]] = []
    seen: dict[str, Path] = {}
    for path, data in parsed:
        if data["week"] != week:
            problems.append(FileProblem(path, _("is for {week}, not {team_week}").format(
                week=data["week"], team_week=week)))
            continue
        pid = data["programmer"]["id"]
        if pid in seen:
            problems.append(FileProblem(path, _("the same programmer as {other}").format(
                other=seen[pid].name)))
            continue
        seen[pid] = path
        valid.append((path, data))
    return valid, problems


def aggregate(paths: list[Path]) -> TeamReport:
    valid, problems = load(paths)
    week = valid[0][1]["week"] if valid else None
    submitters = sorted(
        (d["programmer"]["name"] or _("programmer {id}").format(id=d["programmer"]["id"][:8]))
        for _p, d in valid)
    report = TeamReport(week, submitters, problems=problems)
    for section, key, label in FIGURES:
        scale = 100.0 if key in PERCENT else 1.0
        values = [float(d[section][key]) * scale for _p, d in valid
                  if d[section].get(key) is not None]
        if len(values) >= MIN_GROUP:
            q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
            report.figures.append(Figure(key, _(label), len(values), round(median, 2),
                                         round(q1, 2), round(q3, 2)))
        else:
            report.figures.append(Figure(key, _(label), len(values), None, None, None))
    if report.enough:
        report.projects = project_time([d for _p, d in valid])
        report.totals = totals([d for _p, d in valid])
    return report


def project_time(reports: list[dict[str, Any]]) -> list[ProjectTime]:
    """Minutes per project for the team, most first. A project only fewer than
    three programmers worked on goes under "other projects": its time would
    say what one or two named people did."""
    minutes: dict[str, float] = {}
    people: dict[str, set[str]] = {}
    for d in reports:
        for p in d["projects"]:
            minutes[p["project"]] = minutes.get(p["project"], 0.0) + float(p["focus_minutes"])
            people.setdefault(p["project"], set()).add(d["programmer"]["id"])
    shown = [ProjectTime(name, round(m, 1), len(people[name])) for name, m in minutes.items()
             if len(people[name]) >= MIN_GROUP]
    rest = [name for name in minutes if len(people[name]) < MIN_GROUP]
    shown.sort(key=lambda p: (-p.minutes, p.project))
    if rest:
        shown.append(ProjectTime("", round(sum(minutes[n] for n in rest), 1),
                                 len(set().union(*(people[n] for n in rest)))))
    return shown


def totals(reports: list[dict[str, Any]]) -> Totals:
    def total(key: str) -> int | None:
        values = [int(d["efficiency_flow"][key]) for d in reports
                  if d["efficiency_flow"].get(key) is not None]
        return sum(values) if len(values) >= MIN_GROUP else None

    return Totals(total("planned_deep_blocks"), total("planned_deep_blocks_used"),
                  total("batches_finished"))


def to_csv(report: TeamReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["week", "metric", "programmers", "median", "q1", "q3"])
    for f in report.figures:
        writer.writerow([safe_cell(report.week), f.key, f.n,
                         *("" if v is None else v for v in (f.median, f.q1, f.q3))])
    t = report.totals
    for key, value in (("planned_deep_blocks", t.planned_deep_blocks),
                       ("planned_deep_blocks_used", t.planned_deep_blocks_used),
                       ("batches_finished", t.batches_finished)):
        if value is not None:
            writer.writerow([safe_cell(report.week), f"total:{key}", len(report.submitters),
                             value, "", ""])
    for p in report.projects:
        writer.writerow([safe_cell(report.week), safe_cell(f"project:{p.project or '*other*'}"),
                         p.programmers, p.minutes, "", ""])
    return out.getvalue()


def figure_text(figure: Figure, value: float | None) -> str:
    """A team figure as the language writes it; a share as percent (82 %)."""
    from app.formats import number

    return number(value, 0 if figure.key in PERCENT else 2,
                  " %" if figure.key in PERCENT else "")


def _plan_and_projects(fig: Any, report: TeamReport, y: float) -> float:
    """Planned against done, batches finished, and time per project."""
    from app.formats import number

    t = report.totals
    if not report.enough:
        return y
    y -= 0.02
    _text(fig, 0.08, y, _("Planned and done"), fontsize=11, fontweight="bold",
          color="#2a9d8f")
    y -= 0.027
    rows = [(_("Planned deep-work blocks used"),
             _("{used} of {planned}").format(used=number(t.planned_deep_blocks_used, 0),
                                             planned=number(t.planned_deep_blocks, 0))
             if t.planned_deep_blocks is not None else _("too few to show")),
            (_("Batches finished"), number(t.batches_finished, 0)
             if t.batches_finished is not None else _("too few to show"))]
    for label, value in rows:
        _text(fig, 0.08, y, label, fontsize=9)
        _text(fig, 0.62, y, value, fontsize=9, ha="right", fontweight="bold")
        y -= 0.027
    y -= 0.01
    _text(fig, 0.08, y, _("Time per project (the team, hours)"), fontsize=11,
          fontweight="bold", color="#2a9d8f")
    y -= 0.027
    if not report.projects:
        _text(fig, 0.08, y, _("No focus time on projects this week."), fontsize=9,
              color="#888888")
        return y - 0.027
    for i, p in enumerate(report.projects):
        if y < 0.12:
            _text(fig, 0.08, y, _("… and {n} more").format(n=len(report.projects) - i),
                  fontsize=8)
            return y - 0.02
        _text(fig, 0.08, y, (p.project or _("Other projects (fewer than three people "
                                             "each)"))[:60], fontsize=9)
        _text(fig, 0.62, y, number(p.minutes / 60, 1), fontsize=9, ha="right",
              fontweight="bold")
        _text(fig, 0.80, y, _("{n} programmers").format(n=p.programmers), fontsize=9,
              ha="right", color="#555555")
        y -= 0.024
    return y


def _text(fig: Any, x: float, y: float, text: str, **style: Any) -> None:
    """Text drawn as it is: a ``$`` in a name or a file name is not maths."""
    fig.text(x, y, text, parse_math=False, **style)


def to_pdf(report: TeamReport, path: Path) -> Path:
    from app.reports.charts import user_text_as_text

    with user_text_as_text():
        return _to_pdf(report, path)


def _to_pdf(report: TeamReport, path: Path) -> Path:
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure as MplFigure

    with PdfPages(path, metadata={"Title": _("Fokus team report")}) as pdf:
        fig = MplFigure(figsize=(8.27, 11.69))
        from app.reports.pdf import week_heading

        heading = week_heading(report.week) if report.week else "—"
        _text(fig, 0.08, 0.95, _("Team report · {week}").format(week=heading),
              fontsize=18, fontweight="bold")
        import textwrap

        intro = _("{n} programmers sent their weekly self-report: {names}.").format(
            n=len(report.submitters), names=", ".join(
                name if len(name) <= 40 else name[:39] + "…" for name in report.submitters)
        ) + " " + _(
            "Medians with the middle half of the team (25th–75th percentile). No figure is "
            "shown for fewer than three programmers, and none for a single person.")
        lines = textwrap.wrap(intro, 100)
        names_after = len(lines) > INTRO_LINES
        if names_after:
            # A big team's names would push the figures off the page: they follow
            # on pages of their own, in columns.
            lines = textwrap.wrap(_(
                "{n} programmers sent their weekly self-report; their names follow the "
                "figures.").format(n=len(report.submitters)) + " " + _(
                "Medians with the middle half of the team (25th–75th percentile). No figure "
                "is shown for fewer than three programmers, and none for a single person."),
                100)
        _text(fig, 0.08, 0.93, "\n".join(lines), fontsize=9, color="#555555", va="top",
                 linespacing=1.5)
        y = 0.90 - 0.017 * len(lines)
        _text(fig, 0.08, y, _("Figure"), fontsize=9, fontweight="bold")
        _text(fig, 0.62, y, _("median"), fontsize=9, fontweight="bold", ha="right")
        _text(fig, 0.80, y, _("middle half"), fontsize=9, fontweight="bold", ha="right")
        _text(fig, 0.92, y, _("n"), fontsize=9, fontweight="bold", ha="right")
        y -= 0.03
        for f in report.figures:
            _text(fig, 0.08, y, f.label, fontsize=9)
            if f.median is None:
                _text(fig, 0.80, y, _("too few to show"), fontsize=9, ha="right",
                         color="#888888")
            else:
                _text(fig, 0.62, y, figure_text(f, f.median), fontsize=9, ha="right",
                      fontweight="bold")
                _text(fig, 0.80, y, f"{figure_text(f, f.q1)} – {figure_text(f, f.q3)}",
                      fontsize=9, ha="right")
            _text(fig, 0.92, y, str(f.n), fontsize=9, ha="right")
            y -= 0.027
        y = _plan_and_projects(fig, report, y)
        if report.problems:
            y -= 0.02
            _text(fig, 0.08, y, _("Files left out"), fontsize=11, fontweight="bold",
                     color="#c1121f")
            y -= 0.025
            for i, p in enumerate(report.problems):
                if y < 0.05:  # the rest are on the command line; the page ends here
                    _text(fig, 0.08, y, _("… and {n} more").format(
                        n=len(report.problems) - i), fontsize=8)
                    break
                _text(fig, 0.08, y, f"{p.path.name[:60]}: {p.reason}"[:110], fontsize=8)
                y -= 0.02
        pdf.savefig(fig)
        if names_after:
            _name_pages(pdf, report.submitters)
    return path


def _name_pages(pdf: Any, names: list[str]) -> None:
    """Who sent a report, in columns, as many pages as it takes."""
    from matplotlib.figure import Figure as MplFigure

    per_page = NAME_COLUMNS * NAME_ROWS
    for start in range(0, len(names), per_page):
        page = names[start:start + per_page]
        fig = MplFigure(figsize=(8.27, 11.69))
        _text(fig, 0.08, 0.95, _("Who sent a report ({first}–{last} of {n})").format(
            first=start + 1, last=start + len(page), n=len(names)), fontsize=12,
            fontweight="bold")
        for i, name in enumerate(page):
            column, row = divmod(i, NAME_ROWS)
            _text(fig, 0.08 + column * 0.29, 0.92 - row * 0.0145,
                  name if len(name) <= 40 else name[:39] + "…", fontsize=7)
        pdf.savefig(fig)
