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
     N_("Share of deep work in no-meeting windows")),
    ("efficiency_flow", "long_uninterrupted_sessions",
     N_("Sessions ≥ 60 min without interruption")),
    ("efficiency_flow", "interruptions_per_day", N_("Interruptions per work day")),
    ("efficiency_flow", "switches_per_day", N_("Context switches per work day")),
    ("efficiency_flow", "estimated_minutes_lost_to_switching",
     N_("Estimated minutes lost to switching")),
    ("efficiency_flow", "session_flow_rating_mean", N_("Session flow rating (1–5)")),
    ("efficiency_flow", "meetings_in_no_meeting_windows", N_("Meetings in no-meeting windows")),
]


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


@dataclass
class TeamReport:
    week: str | None
    submitters: list[str]
    figures: list[Figure] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)

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
        values = [float(d[section][key]) for _p, d in valid
                  if d[section].get(key) is not None]
        if len(values) >= MIN_GROUP:
            q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
            report.figures.append(Figure(key, _(label), len(values), round(median, 2),
                                         round(q1, 2), round(q3, 2)))
        else:
            report.figures.append(Figure(key, _(label), len(values), None, None, None))
    return report


def to_csv(report: TeamReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["week", "metric", "programmers", "median", "q1", "q3"])
    for f in report.figures:
        writer.writerow([safe_cell(report.week), f.key, f.n,
                         *("" if v is None else v for v in (f.median, f.q1, f.q3))])
    return out.getvalue()


def _text(fig: Any, x: float, y: float, text: str, **style: Any) -> None:
    """Text drawn as it is: a ``$`` in a name or a file name is not maths."""
    fig.text(x, y, text, parse_math=False, **style)


def to_pdf(report: TeamReport, path: Path) -> Path:
    from app.reports.export import user_text_as_text

    with user_text_as_text():
        return _to_pdf(report, path)


def _to_pdf(report: TeamReport, path: Path) -> Path:
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure as MplFigure

    with PdfPages(path, metadata={"Title": _("Fokus team report")}) as pdf:
        fig = MplFigure(figsize=(8.27, 11.69))
        _text(fig, 0.08, 0.95, _("Team report · {week}").format(week=report.week or "—"),
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
                _text(fig, 0.62, y, f"{f.median:g}", fontsize=9, ha="right", fontweight="bold")
                _text(fig, 0.80, y, f"{f.q1:g} – {f.q3:g}", fontsize=9, ha="right")
            _text(fig, 0.92, y, str(f.n), fontsize=9, ha="right")
            y -= 0.027
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
