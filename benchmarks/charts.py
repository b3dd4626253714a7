"""Charts without waiting: the Insights window's first charts, its ◀ week
navigation and the weekly PDF export, each against a floor measured in the
same run (and, with ``--baseline DIR``, against an older checkout measured
beside it).

- first charts: from opening the window to its four charts on screen, in the
  whole tray (store opened in its worker, monitors, socket) offscreen. "Idle":
  the tray was left alone after it was ready until it had made matplotlib
  ready by itself (nothing here asks it to); floor: four Agg draws in a warm
  Python. The idle tray has drawn this week's charts ahead, so that is what
  they are when nothing changed since; "an interruption logged just before": the
  figures changed a moment before the window opened, so the charts are drawn
  then (matplotlib warm). "Cold": Insights opened the moment the tray is
  ready; floor: a fresh Python importing matplotlib and drawing four Agg figures.
- ◀ click: how long the click holds the GUI thread, and how long until the
  week's charts are on screen; floor: an event-loop turn with nothing to do.
- PDF export: ``fokus export --format pdf`` as a whole command, no tray
  running; floor: python importing matplotlib's PDF backend and saving one
  empty page. Also with the drawing in the command's own process
  (FOKUS_PDF_FORK=0), which is what a machine with one core gets.

Every measure runs in a fresh process against the demo's data on top of a
generated year of history (benchmarks/growth.py).

    ./fokus.sh bench charts   (or: python benchmarks/charts.py [--runs 5] [--baseline DIR])
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Opens Insights, waits for its charts, then clicks ◀ three times, each after
# the window has been idle for a second (the time a person takes to look).
INSIGHTS = """
import json, os, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from app.platform.paths import Paths
from ui.reports import insights
from ui.shell.app import FokusApp
# The whole tray (store opened in its worker, monitors, socket), offscreen.
fokus = FokusApp(Paths(Path(sys.argv[1])).ensure())
app = fokus.qapp
out = {"clicks": [], "shown": []}
gaps, last = [0.0], [time.perf_counter()]
def tick():
    now = time.perf_counter()
    gaps.append(now - last[0])
    last[0] = now
timer = QTimer(); timer.setInterval(1); timer.timeout.connect(tick); timer.start()
state = {"clicked": None, "clicks": 0, "idle_from": None, "window": None, "t0": 0.0,
         "ready_at": None}
def open_insights():
    state["t0"] = t0 = time.perf_counter()
    state["window"] = fokus.windows.open("insights")
    out["open"] = time.perf_counter() - t0
def wait_for_the_tray():
    # idle: the tray left alone until it has made matplotlib ready by itself (it
    # must: nothing here asks it to); cold: Insights opened as soon as it is ready.
    now = time.perf_counter()
    if not fokus.controller.is_ready or fokus.server is None:
        QTimer.singleShot(5, wait_for_the_tray)
        return
    if state["ready_at"] is None:
        state["ready_at"] = now
    if sys.argv[2] in ("idle", "changed"):
        # This week's charts drawn ahead, or (older checkouts) matplotlib warm or
        # merely imported (that one loaded it when the menu opened).
        warm = getattr(insights.RENDERER, "made", None) or getattr(
            insights.RENDERER, "warm", None)
        if warm is None:
            fokus._charts_ahead()
            warm = insights.RENDERER.ready
        if not warm.is_set():
            if now - state["ready_at"] > 60:
                raise SystemExit("the tray never made matplotlib ready by itself")
            QTimer.singleShot(20, wait_for_the_tray)
            return
        out["preloaded_after"] = now - state["ready_at"]
        if sys.argv[2] == "changed":  # an interruption logged just before: other figures
            fokus.controller.service.activity.interrupt()
    elif insights.RENDERER.ready.is_set():
        raise SystemExit("matplotlib was loaded before the cold Insights opened")
    open_insights()
    QTimer.singleShot(0, poll)
def poll():
    window, t0 = state["window"], state["t0"]
    now = time.perf_counter()
    if "first_one" not in out and (window.ready or any(
            not c.pixmap().isNull() for c in window.canvases)):
        out["first_one"] = now - t0
    if "first" not in out:
        if window.ready:
            out["first"] = now - t0
            state["idle_from"] = now
    elif state["clicked"] is not None:
        if window.ready:
            out["shown"].append(now - state["clicked"])
            state["clicked"] = None
            state["idle_from"] = now
    elif now - state["idle_from"] > 1.0:
        if state["clicks"] == 3:
            out["max_gap"] = max(gaps)
            app.quit()
            return
        state["clicks"] += 1
        gaps.clear(); gaps.append(0.0)
        t = time.perf_counter()
        window.shift(-1)
        out["clicks"].append(time.perf_counter() - t)
        state["clicked"] = t
    QTimer.singleShot(1, poll)
def guarded(step):
    def run():
        try:
            step()
        except BaseException:  # a measure that cannot finish says so, never hangs
            import traceback
            traceback.print_exc()
            os._exit(1)
    return run
wait_for_the_tray, poll = guarded(wait_for_the_tray), guarded(poll)
QTimer.singleShot(0, wait_for_the_tray)
app.exec()
print(json.dumps(out), flush=True)
fokus.controller.close()
os._exit(0)
"""

FLOOR_DRAW = """
import json, time
t = time.perf_counter()
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
t1 = time.perf_counter()
for _ in range(4):
    f = Figure(figsize=(5.2, 3.4), layout="constrained")
    FigureCanvasAgg(f)
    ax = f.add_subplot()
    ax.bar(range(7), range(7))
    ax.set_title("floor")
    f.canvas.draw()
    f.canvas.buffer_rgba()
print(json.dumps({"draw": time.perf_counter() - t, "draw_only": time.perf_counter() - t1}))
"""

FLOOR_PDF = """
import sys
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
with PdfPages(sys.argv[1]) as pdf:
    f = Figure(figsize=(8.27, 11.69))
    f.text(0.1, 0.9, "floor")
    pdf.savefig(f)
"""


class Checkout:
    def __init__(self, name: str, code: Path, work: Path) -> None:
        self.name = name
        self.code = code
        self.work = work
        self.env = dict(os.environ, PYTHONPATH=str(code), QT_QPA_PLATFORM="offscreen",
                        PYTHONPYCACHEPREFIX=str(work / f"pycache-{name}"),
                        FOKUS_TRAY_WAIT="3600")
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.env.pop("FOKUS_DATA_DIR", None)

    def run(self, argv: list[str]) -> tuple[float, str]:
        t = time.perf_counter()
        done = subprocess.run([sys.executable, *argv], env=self.env, cwd=self.work,
                              capture_output=True, text=True, timeout=300)
        took = time.perf_counter() - t
        if done.returncode != 0:
            raise RuntimeError(f"{self.name} {argv[:2]}: {done.stderr[-2000:]}")
        return took, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout to measure")
    parser.add_argument("--baseline", type=Path, help="an older checkout, measured beside it")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="fokus-charts-"))
    checkouts = [Checkout("Fokus", args.code.resolve(), work)]
    if args.baseline:
        checkouts.append(Checkout("baseline", args.baseline.resolve(), work))
    data = work / "data"
    checkouts[0].run(["-m", "ui.entry", "demo", "--data-dir", str(data)])
    sys.path.insert(0, str(ROOT))
    from benchmarks.growth import history

    year = history(data / "fokus.sqlite3", 1)

    results: dict[str, dict[str, list[float]]] = {c.name: {} for c in checkouts}
    floors: dict[str, list[float]] = {"draw": [], "draw_only": [], "pdf": [], "loop": []}
    export = ["-m", "ui.entry", "export", "--format", "pdf", "--data-dir", str(data), "--out"]

    def add(table: dict[str, list[float]], key: str, value: float) -> None:
        table.setdefault(key, []).append(value)

    for c in checkouts:  # warm the caches (and compile) once
        c.run(["-c", INSIGHTS, str(data), "cold"])
        c.run(["-c", INSIGHTS, str(data), "idle"])
        c.run(["-c", INSIGHTS, str(data), "changed"])
        c.run([*export, str(work / "w.pdf")])
    for _ in range(args.runs):
        took, out = checkouts[0].run(["-c", FLOOR_DRAW])
        floors["draw"].append(float(json.loads(out)["draw"]))
        floors["draw_only"].append(float(json.loads(out)["draw_only"]))
        floors["pdf"].append(checkouts[0].run(["-c", FLOOR_PDF, str(work / "floor.pdf")])[0])
        for c in checkouts:
            warm = json.loads(c.run(["-c", INSIGHTS, str(data), "idle"])[1].strip()
                              .splitlines()[-1])
            table = results[c.name]
            add(table, "first_warm", warm["first"])
            add(table, "first_one_warm", warm["first_one"])
            changed = json.loads(c.run(["-c", INSIGHTS, str(data), "changed"])[1].strip()
                                 .splitlines()[-1])
            add(table, "first_changed", changed["first"])
            add(table, "first_one_changed", changed["first_one"])
            measured = json.loads(c.run(["-c", INSIGHTS, str(data), "cold"])[1].strip()
                                  .splitlines()[-1])
            add(table, "open", measured["open"])
            add(table, "first", measured["first"])
            for click, shown in zip(measured["clicks"], measured["shown"], strict=True):
                add(table, "click", click)
                add(table, "shown", shown)
            add(table, "max_gap", measured["max_gap"])
            add(table, "pdf", c.run([*export, str(work / f"{c.name}.pdf")])[0])
            c.env["FOKUS_PDF_FORK"] = "0"
            try:
                add(table, "pdf_one", c.run([*export, str(work / f"{c.name}-1.pdf")])[0])
            finally:
                del c.env["FOKUS_PDF_FORK"]
    floors["loop"] = [0.001]

    def med(values: list[float]) -> float:
        return statistics.median(values)

    # (label, key, floor name, floor value, budget in seconds or None)
    rows = [
        ("Insights opens: the window on screen (ms)", "open", "—", None, None),
        ("Insights: first charts, tray left idle (ms)", "first_warm",
         "4 Agg draws in a warm python", med(floors["draw_only"]), 0.300),
        ("… the first of them on screen (ms)", "first_one_warm", "—", None, None),
        ("Insights: first charts, tray idle but an interruption logged just before (ms)",
         "first_changed", "4 Agg draws in a warm python", med(floors["draw_only"]), None),
        ("… the first of them on screen (ms)", "first_one_changed", "—", None, None),
        ("Insights: first charts, opened the moment the tray is ready (ms)", "first",
         "python + matplotlib + 4 Agg draws", med(floors["draw"]), None),
        ("◀ click: holds the GUI thread (ms)", "click", "—", None, None),
        ("◀ click: the week's charts on screen (ms)", "shown", "—", None, 0.150),
        ("longest GUI stall during the clicks (ms)", "max_gap", "a 1 ms timer's turn",
         0.001, None),
        ("PDF export of a year's data, whole command, no tray (ms)", "pdf",
         "python + empty PDF page", med(floors["pdf"]), 1.0),
        ("… drawn in the command's own process (one core) (ms)", "pdf_one",
         "python + empty PDF page", med(floors["pdf"]), None),
    ]
    print(f"Fokus: charts without waiting (median of {args.runs} runs, Python "
          f"{sys.version.split()[0]}, {os.cpu_count()} cores; data: the demo on a year of "
          f"{year['sessions']:,} sessions)\n")
    names = [c.name for c in checkouts]
    head = " | ".join(names)
    extra = " | ratio to baseline" if args.baseline else ""
    print(f"| measure | {head} | floor | floor value | ratio to floor | budget | met{extra} |")
    print("|---|" + "---:|" * len(names) + "---|---:|---:|---|---|"
          + ("---:|" if args.baseline else ""))
    from benchmarks.table import record, verdict

    missed = False
    for label, key, floor_name, floor, budget in rows:
        values = [med(results[n][key]) for n in names]
        cells = " | ".join(f"{1000 * v:.0f}" for v in values)
        floor_text = f"{1000 * floor:.0f}" if floor else "—"
        ratio = values[0] / floor if floor else None
        met = None if budget is None else values[0] <= budget
        missed |= met is False
        budget_text = f"≤ {1000 * budget:.0f} ms" if budget else "—"
        line = (f"| {label} | {cells} | {floor_name} | {floor_text} | "
                f"{f'{ratio:.2f}×' if ratio else '—'} | {budget_text} | {verdict(met)} |")
        if args.baseline:
            line += f" {values[0] / values[1]:.2f}× |"
        print(line)
        record("charts", label, f"{1000 * values[0]:.0f}",
               f"{floor_name}: {floor_text}" if floor else "—", ratio, budget_text, met)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
