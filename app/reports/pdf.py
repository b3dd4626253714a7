"""The weekly self-report as a PDF of at most three pages, in the app's
language: the summary, then the charts, then the days. Made with matplotlib's
PDF backend alone (no pyplot, no Qt).

It is drawn from ``PdfInput``, plain data, so the drawing can happen in
another process (app/reports/pdf_process.py): this module imports neither the
store nor SQLModel."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.formats import date_range, day_short, moment, number, percent, word
from app.i18n import _
from app.reports.charts import (
    focus_by_hour,
    focus_per_day,
    switches_and_interruptions,
    user_text_as_text,
    wellbeing_over_weeks,
)
from app.week.workmodel import iso_week_days

if TYPE_CHECKING:
    from app.reports.metrics import WeekReport
    from app.week.workmodel import WorkModel

A4 = (8.27, 11.69)


def _fmt(value: Any, suffix: str = "") -> str:
    """A figure as the language writes it (1,6 in Indonesian); None: "—"."""
    if value is None:
        return "—"
    if isinstance(value, int | float):
        return number(value, 2, suffix)
    return f"{value}{suffix}"


def week_heading(week: str) -> str:
    """"2026-W48 · 23–29 Nov 2026": the ISO week with the dates a reader knows."""
    days = iso_week_days(week)
    return f"{week} · {date_range(days[0], days[-1])}"


def focus_by_project(report: dict[str, Any], week: WeekReport) -> list[dict[str, float]]:
    """Per-day focus by project as the report names them (names or codes)."""
    from app.reports.export import project_codes

    codes = project_codes(list(week.projects))
    named = report["included"]["project_names"]
    return [{(name if named else codes[name]): m for name, m in d.by_project.items()}
            for d in week.days]


def summary_rows(report: dict[str, Any]) -> list[tuple[str, str]]:
    w, e = report["satisfaction_wellbeing"], report["efficiency_flow"]
    rows = [
        (_("Satisfaction with the work (mean, 1–5)"), _fmt(w["satisfaction_mean"])),
        (_("… against the previous four weeks"), _fmt(w["satisfaction_trend"])),
    ]
    if report["included"]["health"]:
        rows += [(_("Energy (mean, 1–5)"), _fmt(w.get("energy_mean"))),
                 (_("… against the previous four weeks"), _fmt(w.get("energy_trend"))),
                 (_("Burnout (mean, 1–5, private item)"), _fmt(w.get("burnout_mean")))]
    rows += [(_("Days reflected on"), _fmt(w["reflections"]))]
    share = e["deep_work_share_in_no_meeting_windows"]
    used = e["planned_deep_blocks_used"]
    planned = e["planned_deep_blocks"]
    rows2 = [
        (_("Deep-work minutes"), _fmt(round(e["deep_work_minutes"]))),
        (_("… inside no-meeting windows"), percent(share)),
        (_("Sessions of 60 min or more without interruption"),
         _fmt(e["long_uninterrupted_sessions"])),
        (_("Interruptions per work day"), _fmt(e["interruptions_per_day"])),
        (_("Context switches per work day"), _fmt(e["switches_per_day"])),
        (_("Estimated time lost to switching (estimate)"),
         _fmt(e["estimated_minutes_lost_to_switching"], _(" min"))),
        (_("Session flow rating (mean, 1–5)"), _fmt(e["session_flow_rating_mean"])),
        (_("Days with flow: several times / once / not at all"),
         "{several} / {once} / {not_at_all}".format(**e["reflection_flow"])),
        (_("Meetings inside no-meeting windows"), _fmt(e["meetings_in_no_meeting_windows"])),
        (_("Planned deep blocks used"), f"{_fmt(used)} / {_fmt(planned)}"),
        (_("Sessions added / edited after the fact"),
         f"{_fmt(e.get('sessions_added_after_the_fact', 0))} / "
         f"{_fmt(e.get('sessions_edited_after_the_fact', 0))}"),
    ]
    return [("__section__", _("Satisfaction & well-being")), *rows,
            ("__section__", _("Efficiency & flow")), *rows2, *goal_and_break_rows(report)]


def goal_and_break_rows(report: dict[str, Any]) -> list[tuple[str, str]]:
    """The weekly deep-work goal (met or not, by how much), the daily cap, the breaks."""
    gb = report.get("goals_breaks")
    if not gb:
        return []  # a report from before goals
    goal, breaks = gb["weekly_goal"], gb["breaks"]
    if not goal["goal_minutes"]:
        met = _("no goal (no remote day)")
    elif goal["met"]:
        met = _("met, {n} min over").format(n=_fmt(goal["difference_minutes"]))
    else:
        met = _("not met, {n} min short").format(n=_fmt(-goal["difference_minutes"]))
    label = _("Weekly deep-work goal (no-meeting windows, WFA)") \
        if goal["goal_source"] == "work_model" else _("Weekly deep-work goal (set by you)")
    return [
        ("__section__", _("Goals & breaks")),
        (label, _fmt(goal["goal_minutes"], _(" min"))),
        (_("… this week"), met),
        (_("Days past the daily cap of {cap} min").format(cap=_fmt(gb["daily_cap_minutes"])),
         _fmt(gb["days_over_daily_cap"])),
        (_("Breaks taken in full / suggested (skipped)"),
         "{taken} / {suggested} ({skipped})".format(**breaks)),
        (_("Minutes of break taken / suggested"),
         "{taken_minutes} / {suggested_minutes}".format(**breaks)),
    ]


@dataclass(frozen=True)
class PdfInput:
    """Everything the weekly PDF is drawn from, as plain data."""

    report: dict[str, Any]  # the JSON export (app/reports/export.py build_report)
    by_project: list[dict[str, float]]  # per day: minutes by project as the report names them
    colours: dict[str, str]  # the app's colour of each project, by the report's names
    history: list[dict[str, Any]]  # satisfaction and energy of earlier weeks
    by_hour: dict[int, float]  # the week's focus minutes by hour of day
    no_meeting: list[tuple[int, int]]  # the no-meeting windows, minutes from midnight


def pdf_input(report: dict[str, Any], week: WeekReport, model: WorkModel,
              colours: dict[str, str] | None = None) -> PdfInput:
    """``colours``: the app's colour of each project by name, as the tray and
    the windows draw them."""
    return PdfInput(report, focus_by_project(report, week),
                    report_colours(report, week, colours or {}), week.history,
                    week.by_hour, [(s.start, s.end) for s in model.no_meeting])


def render_pdf(report: dict[str, Any], week: WeekReport, model: WorkModel, path: Path,
               colours: dict[str, str] | None = None) -> Path:
    """``colours``: the app's colour of each project by name, as the tray and
    the windows draw them."""
    return draw_pdf(pdf_input(report, week, model, colours), path)


def draw_pdf(data: PdfInput, path: Path) -> Path:
    with user_text_as_text():
        return _draw_pdf(data, path)


def report_colours(report: dict[str, Any], week: WeekReport,
                   colours: dict[str, str]) -> dict[str, str]:
    """The project colours under the names the report uses (names or codes)."""
    if report["included"]["project_names"]:
        return colours
    from app.reports.export import project_codes

    codes = project_codes(list(week.projects))
    return {codes[name]: colour for name, colour in colours.items() if name in codes}


def _draw_pdf(data: PdfInput, path: Path) -> Path:
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    report = data.report
    who = report["programmer"]["name"] or _("(no name given)")
    with PdfPages(path, metadata={"Title": _("Fokus weekly self-report {week}").format(
            week=report["week"]), "Creator": report["generator"]}) as pdf:
        # Page 1: who, the SPACE summary, the projects.
        fig = Figure(figsize=A4)
        fig.text(0.08, 0.95, _("Weekly self-report · {week}").format(
            week=week_heading(report["week"])), fontsize=15, fontweight="bold")
        fig.text(0.08, 0.925, _("{who} · id {id} · made {when} with {gen}").format(
            who=who, id=report["programmer"]["id"][:8], when=moment(report["generated_at"]),
            gen=report["generator"]), fontsize=9, color="#555555")
        fig.text(0.08, 0.895, _("SPACE framework (Forsgren et al., 2021): the two dimensions "
                                "a person can self-report well."), fontsize=9,
                 color="#555555")
        y = 0.86
        for label, value in summary_rows(report):
            if label == "__section__":
                y -= 0.012
                fig.text(0.08, y, value, fontsize=12, fontweight="bold", color="#2a9d8f")
                y -= 0.03
                continue
            fig.text(0.10, y, label, fontsize=10)
            fig.text(0.80, y, value, fontsize=10, ha="right", fontweight="bold")
            y -= 0.026 if y > 0.45 else 0.022
        y -= 0.02
        fig.text(0.08, y, _("Focus by project"), fontsize=12, fontweight="bold",
                 color="#2a9d8f")
        y -= 0.03
        for p in report["projects"][:8]:
            fig.text(0.10, y, p["project"], fontsize=10)
            fig.text(0.80, y, _fmt(round(p["focus_minutes"]), _(" min")), fontsize=10,
                     ha="right")
            y -= 0.024
        included = report["included"]
        notes = [_("Free text included.") if included["free_text"] else
                 _("Free text left out."),
                 _("Energy and burnout included.") if included["health"] else
                 _("Energy and burnout left out (private)."),
                 _("Project names shown.") if included["project_names"] else
                 _("Project names replaced by codes.")]
        import textwrap

        lag = report["efficiency_flow"].get("resumption_lag_measured")
        footer = " ".join(notes) + " " + (_(
            "Time lost to switching uses your measured resumption lag: median {median} min "
            "from a switch to the first save or commit (n = {n}, {low}–{high} min)."
        ).format(median=number(lag["median_minutes"], 1), n=lag["n"],
                 low=number(lag["min_minutes"], 1), high=number(lag["max_minutes"], 1))
            if lag else _(
            "Estimates (time lost to switching) use a resumption buffer of {n} min per "
            "switch, after Parnin & Rugaber 2011 (10–15 min before the first edit)."
        ).format(n=report["efficiency_flow"]["resumption_buffer_minutes"]))
        fig.text(0.08, 0.05, "\n".join(textwrap.wrap(footer, 110)), fontsize=8,
                 color="#555555", va="bottom")
        pdf.savefig(fig)

        # Page 2: focus per day, switches and interruptions.
        fig = Figure(figsize=A4)
        axes = fig.subplots(2, 1)
        focus_per_day(axes[0], report, data.by_project, data.colours)
        switches_and_interruptions(axes[1], report)
        fig.subplots_adjust(left=0.1, right=0.95, top=0.94, bottom=0.06, hspace=0.45)
        pdf.savefig(fig)

        # Page 3: well-being over the weeks, focus by hour, the days.
        fig = Figure(figsize=A4)
        ax1 = fig.add_axes((0.1, 0.72, 0.85, 0.2))
        ax2 = fig.add_axes((0.1, 0.43, 0.85, 0.2))
        wellbeing_over_weeks(ax1, data.history, report["week"],
                             report["satisfaction_wellbeing"]["satisfaction_mean"],
                             report["satisfaction_wellbeing"].get("energy_mean"),
                             included["health"])
        focus_by_hour(ax2, data.by_hour, data.no_meeting)
        fig.text(0.1, 0.35, _("The days"), fontsize=12, fontweight="bold", color="#2a9d8f")
        header = [_("day"), _("place"), _("focus"), _("in windows"), _("sessions"),
                  _("switches"), _("interr."), _("satisf.")]
        xs = [0.1, 0.22, 0.32, 0.44, 0.58, 0.70, 0.81, 0.9]
        for x, heading in zip(xs, header, strict=True):
            fig.text(x, 0.32, heading, fontsize=8, fontweight="bold")
        for i, d in enumerate(report["days"]):
            yy = 0.295 - i * 0.024
            values = [day_short(d["date"]), word(d["location"]), _fmt(round(d["focus_minutes"])),
                      _fmt(round(d["focus_in_deep_windows_minutes"])), _fmt(d["sessions"]),
                      _fmt(d["switches"]), _fmt(d["interruptions"]), _fmt(d["satisfaction"])]
            for x, v in zip(xs, values, strict=True):
                fig.text(x, yy, v, fontsize=8)
        if included["free_text"]:
            texts = [(day_short(d["date"]), d.get("helped", ""), d.get("hindered", ""))
                     for d in report["days"] if d.get("helped") or d.get("hindered")]
            yy = 0.11
            for day, helped, hindered in texts[:3]:
                fig.text(0.1, yy, f"{day}: + {helped[:80]}  − {hindered[:80]}", fontsize=7)
                yy -= 0.018
        pdf.savefig(fig)
    return path
