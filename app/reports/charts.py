"""The self-report's charts, drawn on a matplotlib Figure (no pyplot, no Qt):
the Insights window embeds them, the PDF prints them. matplotlib is imported
only when a chart is drawn."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from app.i18n import _

if TYPE_CHECKING:
    from matplotlib.axes import Axes

PALETTE = ("#2a9d8f", "#e76f51", "#3a86ff", "#8e5fa8", "#6a994e", "#e9c46a", "#264653",
           "#c1121f")


# matplotlib draws in one thread at a time: its font objects (FreeType) are
# shared and not thread-safe, and rc_context changes settings for every thread.
# Insights' chart worker and a PDF drawn in the tray at the same moment aborted
# the process inside FreeType's text drawing.
DRAWING = threading.RLock()


@contextmanager
def user_text_as_text() -> Iterator[None]:
    """While drawing a PDF: text is drawn as it is (a ``$`` in a name is not
    maths), and a glyph the font lacks is a box, not a warning on the terminal.
    Holds ``DRAWING`` meanwhile."""
    import warnings

    import matplotlib

    with DRAWING, matplotlib.rc_context({"text.parse_math": False}), \
            warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from", category=UserWarning)
        yield


def _style(ax: Axes, title: str) -> None:
    from matplotlib.ticker import FuncFormatter

    from app.formats import number

    ax.set_title(title, fontsize=10, loc="left", fontweight="bold")
    # Tick labels as the language writes numbers (1,5 in Indonesian).
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: number(v, 1)))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=8)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)


def _empty(ax: Axes, top: float, text: str) -> None:
    """A chart with nothing to show: a plain axis from 0 and a sentence saying so,
    not matplotlib's axis around zero (−0.04 to 0.04)."""
    ax.set_ylim(0, top)
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center", fontsize=9,
            color="#777777")


def _day_labels(report: dict[str, Any]) -> list[str]:
    from app.formats import day_short, word

    return [f"{day_short(d['date'])}\n{word(d['location'])}" for d in report["days"]]


def focus_per_day(ax: Axes, report: dict[str, Any], by_project: list[dict[str, float]],
                  colours: dict[str, str]) -> None:
    """Focus minutes per day stacked by project; the black tick marks how much
    of it fell inside the no-meeting windows."""
    labels = _day_labels(report)
    xs = list(range(len(labels)))
    bottoms = [0.0] * len(labels)
    projects = sorted({p for day in by_project for p in day},
                      key=lambda p: -sum(day.get(p, 0) for day in by_project))
    for i, project in enumerate(projects):
        values = [day.get(project, 0.0) for day in by_project]
        ax.bar(xs, values, bottom=bottoms, width=0.62, label=project,
               color=colours.get(project, PALETTE[i % len(PALETTE)]))
        bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
    windows = [d["focus_in_deep_windows_minutes"] for d in report["days"]]
    ax.scatter(xs, windows, marker="_", s=420, color="#1d2427", linewidths=2,
               label=_("inside no-meeting windows"), zorder=3)
    ax.set_xticks(xs, labels)
    ax.set_ylabel(_("minutes"), fontsize=8)
    _style(ax, _("Focus per day, by project"))
    if not any(bottoms) and not any(windows):
        _empty(ax, 60, _("No focus sessions this week yet."))
    if projects:
        ax.legend(fontsize=7, frameon=False, ncols=3, loc="upper left",
                  bbox_to_anchor=(0, -0.18))


def switches_and_interruptions(ax: Axes, report: dict[str, Any]) -> None:
    labels = _day_labels(report)
    xs = list(range(len(labels)))
    ax.bar([x - 0.18 for x in xs], [d["switches"] for d in report["days"]], width=0.36,
           color="#264653", label=_("context switches"))
    ax.bar([x + 0.18 for x in xs], [d["interruptions"] for d in report["days"]], width=0.36,
           color="#c1121f", label=_("interruptions"))
    ax.set_xticks(xs, labels)
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    _style(ax, _("Switches and interruptions per day"))
    if not any(d["switches"] or d["interruptions"] for d in report["days"]):
        _empty(ax, 5, _("No switches or interruptions this week."))
    ax.legend(fontsize=7, frameon=False)


def wellbeing_over_weeks(ax: Axes, history: list[dict[str, Any]], week: str,
                         satisfaction: float | None, energy: float | None,
                         show_energy: bool) -> None:
    weeks = [h["week"][-3:] for h in history] + [week[-3:]]
    xs = list(range(len(weeks)))
    sat = [h["satisfaction"] for h in history] + [satisfaction]
    ax.plot(xs, [v if v is not None else float("nan") for v in sat], marker="o",
            color="#2a9d8f", label=_("satisfaction"))
    if show_energy:
        en = [h["energy"] for h in history] + [energy]
        ax.plot(xs, [v if v is not None else float("nan") for v in en], marker="s",
                color="#e9c46a", label=_("energy"))
    ax.set_xticks(xs, weeks)
    ax.set_xlim(-0.5, len(xs) - 0.5)
    ax.set_ylim(0.5, 5.5)
    ax.set_yticks([1, 2, 3, 4, 5])
    _style(ax, _("Satisfaction and energy over the weeks (1–5)") if show_energy
           else _("Satisfaction over the weeks (1–5)"))
    if all(v is None for v in sat):
        ax.text(0.5, 0.5, _("No reflections in these weeks yet."), transform=ax.transAxes,
                ha="center", va="center", fontsize=9, color="#777777")
    else:
        ax.legend(fontsize=7, frameon=False)


def focus_by_hour(ax: Axes, by_hour: dict[int, float], deep_spans: list[tuple[int, int]]) -> None:
    hours = list(range(6, 21))
    for start, end in deep_spans:
        ax.axvspan(start / 60 - 0.5, end / 60 - 0.5, color="#2a9d8f", alpha=0.12, lw=0)
    values = [by_hour.get(h, 0.0) for h in hours]
    ax.bar(hours, values, width=0.8, color="#3a86ff")
    ax.set_xticks(hours, [f"{h:02d}" for h in hours])
    ax.set_ylabel(_("minutes"), fontsize=8)
    _style(ax, _("Focus by hour of day (shaded: no-meeting windows)"))
    if not any(values):
        _empty(ax, 60, _("No focus sessions this week yet."))


# -- the Insights window's charts, as images ----------------------------------------

Image = tuple[int, int, bytes]  # width, height, RGBA pixels


class InsightsData:
    """What the four Insights charts of one week are drawn from (plain data,
    gathered on the GUI thread, drawn in a worker)."""

    __slots__ = ("report", "by_project", "colours", "history", "week", "satisfaction",
                 "energy", "by_hour", "deep_spans")

    def __init__(self, report: dict[str, Any], by_project: list[dict[str, float]],
                 colours: dict[str, str], history: list[dict[str, Any]], week: str,
                 satisfaction: float | None, energy: float | None, by_hour: dict[int, float],
                 deep_spans: list[tuple[int, int]]) -> None:
        self.report = report
        self.by_project = by_project
        self.colours = colours
        self.history = history
        self.week = week
        self.satisfaction = satisfaction
        self.energy = energy
        self.by_hour = by_hour
        self.deep_spans = deep_spans


class InsightsCharts:
    """Draws the Insights charts with matplotlib's Agg backend into images, on
    whichever one thread calls it. Its four Figures are made once and cleared
    for each week: a Figure and its canvas cost more to make than to redraw."""

    SIZE = (5.2, 3.4)  # inches, at 100 dots per inch and screen scale 1
    COUNT = 4

    def __init__(self) -> None:
        self._figures: list[Any] = []

    def _make_figures(self) -> None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        if not self._figures:
            for _i in range(self.COUNT):
                figure = Figure(figsize=self.SIZE, layout="constrained")
                FigureCanvasAgg(figure)
                self._figures.append(figure)

    @staticmethod
    def _drawers(data: InsightsData) -> list[Callable[[Axes], None]]:
        return [
            lambda ax: focus_per_day(ax, data.report, data.by_project, data.colours),
            lambda ax: switches_and_interruptions(ax, data.report),
            lambda ax: wellbeing_over_weeks(ax, data.history, data.week, data.satisfaction,
                                            data.energy, True),
            lambda ax: focus_by_hour(ax, data.by_hour, data.deep_spans),
        ]

    def draw(self, data: InsightsData, scale: float = 1.0,
             each: Callable[[Image], None] | None = None,
             stop: Callable[[], bool] = lambda: False) -> list[Image]:
        """The charts' images in order; ``each`` is given every one as soon as it
        is drawn (the window shows the first while the others are drawn).
        ``stop`` is asked before each chart: when it says so, the charts drawn
        so far are returned."""
        self._make_figures()
        drawers = self._drawers(data)
        images: list[Image] = []
        for figure, draw in zip(self._figures, drawers, strict=True):
            if stop():
                break
            with DRAWING:
                _draw_on(figure, draw, scale)
                pixels = figure.canvas.buffer_rgba()
                images.append((int(pixels.shape[1]), int(pixels.shape[0]), bytes(pixels)))
            if each is not None:
                each(images[-1])
        return images

    def warm_up(self, stop: Callable[[], bool] = lambda: False) -> int:
        """Draw each chart once from made-up figures and throw the pictures away:
        a process's first drawing loads the fonts and runs matplotlib's first-use
        paths, which then no window waits for. ``stop`` is asked before each
        chart (a window waiting for its charts comes first); returns how many
        charts were drawn."""
        self._make_figures()
        sample = _sample()
        drawers = self._drawers(sample)
        drawn = 0
        for figure, draw in zip(self._figures, drawers, strict=True):
            if stop():
                break
            with DRAWING:
                _draw_on(figure, draw, 1.0)
            drawn += 1
        return drawn


def _draw_on(figure: Any, draw: Callable[[Axes], None], scale: float) -> None:
    figure.clear()
    figure.set_dpi(100 * scale)
    draw(figure.add_subplot())
    figure.canvas.draw()


def _sample() -> InsightsData:
    """A made-up week with something in every chart (bars, a legend, lines,
    markers, a shaded window), for ``InsightsCharts.warm_up``."""
    days = [{"date": f"2026-01-{5 + i:02d}", "location": "WFA" if i < 5 else "off",
             "switches": i, "interruptions": i % 2, "focus_in_deep_windows_minutes": 30.0 * i}
            for i in range(7)]
    history = [{"week": f"2026-W0{i}", "satisfaction": 3.0, "energy": 4.0} for i in range(1, 5)]
    return InsightsData({"days": days}, [{"A": 60.0, "B": 25.0} for _d in days], {},
                        history, "2026-W05", 4.0, 3.5, {9: 60.0, 10: 25.0}, [(540, 720)])
