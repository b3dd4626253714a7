"""The paths a user waits on, each against a floor measured in the same run:

- the command line (``fokus status``) with the tray running and without it,
  against ``python -c pass`` and against python + SQLModel + one query;
- the tray menu: QMenus and QActions alive after 200 more openings, against
  what one opening makes;
- quitting: from SIGTERM to the process gone, against a bare PySide6 tray;
- a calendar of 1,000 and 10,000 events imported, against parsing the file
  alone; read again unchanged, against hashing it; and the longest the tray's
  event loop stands still while its calendar watcher reads such a file
  (against a loop with nothing to do).

Every measure runs in a subprocess against the code in ``--code`` (this
checkout by default), so an older checkout can be measured the same way.

    ./fokus.sh bench fast     (or: python benchmarks/fast.py [--runs 15] [--code DIR])
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers.x11 import _start_xvfb, wait_for  # noqa: E402

FLOOR_QUERY = """
import sqlite3, sys
from sqlmodel import Field, Session, SQLModel, create_engine, select
class Item(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str
engine = create_engine("sqlite:///" + sys.argv[1])
SQLModel.metadata.create_all(engine)
with Session(engine) as s:
    s.exec(select(Item)).all()
"""

MENU = """
import json, os, sys
from pathlib import Path
import psutil
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
from app.platform.paths import Paths
from ui.shell.controller import FokusController
from ui.tray.tray import FokusTray
app = QApplication([])
controller = FokusController(Paths(Path(sys.argv[1])).ensure(), owner="bench")
assert controller.load()
tray = FokusTray(controller)

def settle():
    for _ in range(3):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

def count():
    settle()
    menus = sum(1 for w in QApplication.allWidgets() if isinstance(w, QMenu))
    return menus, len(tray.menu.findChildren(QAction)), psutil.Process().memory_info().rss

tray.rebuild_menu()  # what the menu's aboutToShow runs
first = count()
for _ in range(200):
    tray.rebuild_menu()
    settle()
after = count()
print(json.dumps({"first": first, "after": after}), flush=True)
controller.close()
os._exit(0)  # measured; Qt's teardown order is no part of it
"""

WINDOWS = """
import gc, json, os, statistics, sys, time
from pathlib import Path
import psutil
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from ui.platform.imports import lighten_feature_check
lighten_feature_check()  # as the tray does
from app.platform.paths import Paths
from ui.platform.collector import collect_on_gui_thread
from ui.shell.controller import FokusController
from ui.shell.windows import KINDS, WindowRegistry
app = QApplication([])
collect_on_gui_thread(app)
controller = FokusController(Paths(Path(sys.argv[1])).ensure(), owner="bench")
assert controller.load()
registry = WindowRegistry(controller)
kinds = list(KINDS)

def settle():
    for _ in range(5):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()

def cycle(times):
    # Each window opened, shown, looked at (Insights until its charts are on
    # screen), then closed as its title bar's X does (a kept window hides, a
    # dialog is deleted).
    for kind in kinds:
        t = time.perf_counter()
        window = registry.open(kind)
        QCoreApplication.processEvents()
        times.setdefault(kind, []).append(time.perf_counter() - t)
        end = time.perf_counter() + 10
        while getattr(window, "ready", True) is False and time.perf_counter() < end:
            QCoreApplication.processEvents()
            time.sleep(0.005)
        window.close()
        settle()

def alive():
    return len(QApplication.topLevelWidgets()), psutil.Process().memory_info().rss

warm = {}
cycle(warm)  # first openings: imports, matplotlib for Insights, caches
time.sleep(1.0)  # Insights' first charts are drawn in a worker
settle()
first = alive()
times = {}
for _ in range(10):
    cycle(times)
time.sleep(1.0)
settle()
after = alive()
print(json.dumps({"first": first, "after": after,
                  "open_ms": {k: 1000 * statistics.median(v) for k, v in times.items()},
                  "first_open_ms": {k: 1000 * v[0] for k, v in warm.items()}}), flush=True)
controller.close()
os._exit(0)  # measured; Qt's teardown order is no part of it
"""


CALENDAR_IMPORT = """
import json, sys, time
from pathlib import Path
import psutil
from app.clock import SystemClock
from app.store.engine import Store
from app.week.service import WeekService
store = Store(Path(sys.argv[1]))
week = WeekService(store, SystemClock())
t = time.perf_counter()
result = week.import_calendar(Path(sys.argv[2]))
first = time.perf_counter() - t
t = time.perf_counter()
week.import_calendar(Path(sys.argv[2]), force=False)
again = time.perf_counter() - t
print(json.dumps({"import": first, "unchanged": again, "meetings": result.meetings,
                  "rss": psutil.Process().memory_info().rss}))
"""

CALENDAR_PARSE = """
import hashlib, json, sys, time
import icalendar
t = time.perf_counter()
data = open(sys.argv[1], "rb").read()
hashlib.sha256(data).hexdigest()
hashed = time.perf_counter() - t
t = time.perf_counter()
icalendar.Calendar.from_ical(data)
print(json.dumps({"parse": time.perf_counter() - t, "hash": hashed}))
"""

# The tray's calendar watcher reading a new file, with a 5 ms timer watching how
# long the event loop stands still; "idle" is the same loop with no calendar.
CALENDAR_WATCH = """
import json, os, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui.platform.imports import lighten_feature_check
lighten_feature_check()  # as the tray does
from app.platform.paths import Paths
from app.store import settings as S
from ui.shell.controller import FokusController
from ui.week.window_watch import WindowWatcher
app = QApplication([])
controller = FokusController(Paths(Path(sys.argv[1])).ensure(), owner="bench")
assert controller.load()
if sys.argv[2] != "idle":
    controller.service.settings.set(S.CALENDAR_PATH, sys.argv[2])
watcher = WindowWatcher(controller)
gaps, last = [0.0], [time.perf_counter()]
def tick():
    now = time.perf_counter()
    gaps.append(now - last[0] - 0.005)
    last[0] = now
timer = QTimer(); timer.setInterval(5); timer.timeout.connect(tick); timer.start()
start = time.perf_counter()
QTimer.singleShot(0, watcher.watch_calendar)
def done():
    if sys.argv[2] == "idle":
        return time.perf_counter() - start > 1.0
    # The demo has a calendar of its own: done when this one is stored.
    wanted = str(Path(sys.argv[2]).resolve())
    return any(c.key == wanted and c.events for c in controller.service.week.calendars())
def poll():
    if done():
        app.quit()
    else:
        QTimer.singleShot(20, poll)
QTimer.singleShot(20, poll)
app.exec()
print(json.dumps({"max_gap": max(gaps), "total": time.perf_counter() - start}), flush=True)
controller.close()
os._exit(0)  # measured; Qt's teardown order is no part of it
"""


def ics(path: Path, events: int) -> Path:
    """A calendar of single events, half a year either side of now."""
    start = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) - timedelta(weeks=26)
    step = timedelta(weeks=52) / events
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Fokus bench//EN"]
    for i in range(events):
        at = start + step * i
        lines += ["BEGIN:VEVENT", f"UID:bench-{i}@fokus", f"DTSTAMP:{at:%Y%m%dT%H%M%SZ}",
                  f"DTSTART:{at:%Y%m%dT%H%M%SZ}",
                  f"DTEND:{at + timedelta(minutes=30):%Y%m%dT%H%M%SZ}",
                  f"SUMMARY:Meeting {i}", "LOCATION:Room 2", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    path.write_text("\r\n".join(lines) + "\r\n")
    return path


class Bench:
    def __init__(self, code: Path, work: Path) -> None:
        self.code = code
        self.work = work
        # Compiled once, as an installed Fokus is; the cache stays out of the checkout.
        self.env = dict(os.environ, PYTHONPATH=str(code), QT_QPA_PLATFORM="offscreen",
                        PYTHONPYCACHEPREFIX=str(work / "pycache"))
        self.env.pop("FOKUS_DATA_DIR", None)
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)

    def python(self, *args: str, env: dict[str, str] | None = None) -> str:
        # Run from the work folder: `-c` and `-m` put the current folder first on
        # sys.path, and it must not shadow the checkout being measured.
        done = subprocess.run([sys.executable, *args], env=env or self.env, cwd=self.work,
                              capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            raise RuntimeError(f"{args[:2]} failed ({done.returncode}):\n{done.stderr[-2000:]}")
        return done.stdout

    def script(self, source: str, *args: str) -> dict[str, object]:
        out = self.python("-c", source, *args).strip().splitlines()
        data: dict[str, object] = json.loads(out[-1])
        return data

    def wall(self, argv: list[str], env: dict[str, str] | None = None) -> float:
        """Seconds from start to exit. Waited for by a blocking wait: with a
        timeout, subprocess polls in sleeps of up to 50 ms, and the figures
        came out in 50 ms steps (a floor of 265 or 365 ms in runs a minute apart)."""
        t = time.perf_counter()
        proc = subprocess.Popen(argv, env=env or self.env, cwd=self.work,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        guard = threading.Timer(60, proc.kill)  # a hang ends the run, not the machine
        guard.start()
        try:
            code = proc.wait()
        finally:
            guard.cancel()
        elapsed = time.perf_counter() - t
        if code != 0:
            raise subprocess.CalledProcessError(code, argv)
        return elapsed

    def demo(self, name: str, weeks: int = 4) -> Path:
        data = self.work / name
        self.python("-m", "ui.entry", "demo", "--weeks", str(weeks), "--data-dir", str(data))
        return data


def interleaved(runs: int, commands: dict[str, tuple[list[str], dict[str, str]]],
                bench: Bench) -> dict[str, float]:
    """Median wall time of each command, the runs taken in turns."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for argv, env in commands.values():
        bench.wall(argv, env)  # warm the file cache
    for _ in range(runs):
        for name, (argv, env) in commands.items():
            times[name].append(bench.wall(argv, env))
    return {name: statistics.median(t) for name, t in times.items()}


def cli_rows(bench: Bench, runs: int) -> list[tuple[str, float, str, float]]:
    data = bench.demo("cli")
    py = sys.executable
    status = [py, "-m", "ui.entry", "status", "--data-dir", str(data)]
    floor_db = str(bench.work / "floor.sqlite3")
    without = interleaved(runs, {
        "pass": ([py, "-c", "pass"], bench.env),
        "floor": ([py, "-c", FLOOR_QUERY, floor_db], bench.env),
        "status": (status, bench.env),
    }, bench)

    xvfb, display = _start_xvfb()
    env = dict(bench.env, DISPLAY=display, FOKUS_TRAY_WAIT="5")
    env.pop("QT_QPA_PLATFORM")
    trayer = subprocess.Popen(["trayer", "--edge", "top", "--widthtype", "request",
                               "--height", "24", "--SetDockType", "true"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    tray = subprocess.Popen([py, "-m", "ui.entry", "--data-dir", str(data)], env=env,
                            cwd=bench.work, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        from app.platform.paths import Paths

        socket = Paths(data).socket
        wait_for(socket.exists, timeout=60, what="the tray's socket")
        # The tray answers (a status through it), then settles.
        wait_for(lambda: subprocess.run(status, env=env, cwd=bench.work,
                                        capture_output=True).returncode == 0,
                 timeout=60, what="the tray to answer")
        time.sleep(1.0)
        with_tray = interleaved(runs, {
            "pass": ([py, "-c", "pass"], env),
            "status": (status, env),
        }, bench)
    finally:
        tray.terminate()
        tray.wait(20)
        trayer.terminate()
        trayer.wait(10)
        xvfb.terminate()
        xvfb.wait(10)
    return [
        ("fokus status, no tray (ms)", 1000 * without["status"],
         "python + sqlmodel + query", 1000 * without["floor"]),
        ("fokus status, tray running (ms)", 1000 * with_tray["status"],
         "python -c pass", 1000 * with_tray["pass"]),
    ]


def window_rows(bench: Bench) -> list[tuple[str, float, str, float]]:
    data = bench.demo("windows")
    result = bench.script(WINDOWS, str(data))
    first, after = result["first"], result["after"]
    opened, first_open = result["open_ms"], result["first_open_ms"]
    assert isinstance(first, list) and isinstance(after, list)
    assert isinstance(opened, dict) and isinstance(first_open, dict)
    rows: list[tuple[str, float, str, float]] = [
        ("top-level widgets after 10 more open/close cycles of every window", after[0],
         "after the first", first[0]),
        ("RSS after 10 more open/close cycles of every window (MB)", after[1] / 2**20,
         "after the first", first[1] / 2**20),
    ]
    rows += [(f"{kind} window opens, shown (ms, median of 10)", float(ms),
              "its first opening", float(first_open[kind])) for kind, ms in opened.items()]
    return rows


def menu_rows(bench: Bench) -> list[tuple[str, float, str, float]]:
    data = bench.demo("menu")
    result = bench.script(MENU, str(data))
    first, after = result["first"], result["after"]
    assert isinstance(first, list) and isinstance(after, list)
    return [
        ("QMenus alive after 201 menu openings", after[0], "after 1 opening", first[0]),
        ("QActions alive after 201 menu openings", after[1], "after 1 opening", first[1]),
        ("RSS after 201 menu openings (MB)", after[2] / 2**20, "after 1 opening",
         first[2] / 2**20),
    ]


def calendar_rows(bench: Bench) -> list[tuple[str, float, str, float]]:
    rows: list[tuple[str, float, str, float]] = []
    idle = bench.script(CALENDAR_WATCH, str(bench.demo("idle", 1)), "idle")
    for events in (1_000, 10_000):
        path = ics(bench.work / f"cal-{events}.ics", events)
        imported = bench.script(CALENDAR_IMPORT, str(bench.work / f"cal-{events}.sqlite3"),
                                str(path))
        parsed = bench.script(CALENDAR_PARSE, str(path))
        watched = bench.script(CALENDAR_WATCH, str(bench.demo(f"watch-{events}", 1)),
                               str(path))
        assert isinstance(imported["import"], float) and isinstance(parsed["parse"], float)
        rows += [
            (f"calendar import, {events:,} events (s)", imported["import"],
             "icalendar parse alone", parsed["parse"]),
            (f"calendar re-read unchanged, {events:,} events (ms)",
             1000 * float(imported["unchanged"]), "reading and hashing the file",
             1000 * float(parsed["hash"])),
            (f"calendar import RSS, {events:,} events (MB)",
             float(imported["rss"]) / 2**20, "—", 0.0),
            (f"tray loop stalled by the watcher, {events:,} events (ms)",
             1000 * float(watched["max_gap"]), "loop with nothing to do",
             1000 * float(idle["max_gap"])),
        ]
    return rows


def _quit_time(argv: list[str], env: dict[str, str], cwd: Path,
               ready: Callable[[], bool]) -> float:
    """Seconds from SIGTERM (what a logout or Quit sends) to the process gone."""
    proc = subprocess.Popen(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        wait_for(ready, timeout=60, what="the program to be ready")
        time.sleep(0.5)
        t = time.perf_counter()
        proc.terminate()
        proc.wait(30)
        return time.perf_counter() - t
    finally:
        if proc.poll() is None:
            proc.kill()


def quit_rows(bench: Bench, runs: int) -> list[tuple[str, float, str, float]]:
    from app.platform.paths import Paths

    data = bench.demo("quit")
    socket = Paths(data).socket
    marker = bench.work / "bare-ready"
    bare = ("import sys, pathlib\nfrom PySide6.QtCore import QTimer\n"
            "from PySide6.QtGui import QColor, QIcon, QPixmap\n"
            "from PySide6.QtWidgets import QApplication, QSystemTrayIcon\n"
            "app = QApplication([])\npixmap = QPixmap(22, 22)\npixmap.fill(QColor('#2a9d8f'))\n"
            "tray = QSystemTrayIcon(QIcon(pixmap))\ntray.show()\n"
            "QTimer.singleShot(0, lambda: pathlib.Path(sys.argv[1]).touch())\n"
            "sys.exit(app.exec())")
    fokus, floor = [], []
    for _ in range(runs):
        marker.unlink(missing_ok=True)
        floor.append(_quit_time([sys.executable, "-c", bare, str(marker)], bench.env,
                                bench.work, marker.exists))
        fokus.append(_quit_time([sys.executable, "-m", "ui.entry", "--data-dir", str(data)],
                                bench.env, bench.work, socket.exists))
    return [("quit: SIGTERM to the process gone (ms)", 1000 * statistics.median(fokus),
             "a bare PySide6 tray", 1000 * statistics.median(floor))]


# The budgets, by measure: (words, met(value, floor)).
BUDGETS: dict[str, tuple[str, Callable[[float, float], bool]]] = {
    "fokus status, no tray (ms)": ("≤ 1.2× floor", lambda v, f: v <= 1.2 * f),
    "fokus status, tray running (ms)": ("≤ 1.5× floor", lambda v, f: v <= 1.5 * f),
    "QMenus alive after 201 menu openings": ("= floor", lambda v, f: v <= f),
    "QActions alive after 201 menu openings": ("= floor", lambda v, f: v <= f),
    "RSS after 201 menu openings (MB)": ("≤ floor + 2 MB", lambda v, f: v <= f + 2),
    "top-level widgets after 10 more open/close cycles of every window":
        ("= floor", lambda v, f: v <= f),
    "RSS after 10 more open/close cycles of every window (MB)":
        ("≤ floor + 2 MB", lambda v, f: v <= f + 2),
    "calendar import, 10,000 events (s)": ("≤ 3 s", lambda v, f: v <= 3.0),
    "calendar import RSS, 10,000 events (MB)": ("≤ 150 MB", lambda v, f: v <= 150),
    "tray loop stalled by the watcher, 1,000 events (ms)":
        ("≤ floor + 15 ms", lambda v, f: v <= f + 15),
    "tray loop stalled by the watcher, 10,000 events (ms)":
        ("≤ floor + 15 ms", lambda v, f: v <= f + 15),
    "quit: SIGTERM to the process gone (ms)": ("≤ 100 ms", lambda v, f: v <= 100),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout to measure")
    parser.add_argument("--only", choices=("cli", "menu", "windows", "calendar", "quit"))
    args = parser.parse_args()
    bench = Bench(args.code.resolve(), Path(tempfile.mkdtemp(prefix="fokus-fast-")))
    rows: list[tuple[str, float, str, float]] = []
    if args.only in (None, "cli"):
        rows += cli_rows(bench, args.runs)
    if args.only in (None, "menu"):
        rows += menu_rows(bench)
    if args.only in (None, "windows"):
        rows += window_rows(bench)
    if args.only in (None, "calendar"):
        rows += calendar_rows(bench)
    if args.only in (None, "quit"):
        rows += quit_rows(bench, min(args.runs, 7))
    print(f"Fokus: the paths a user waits on ({args.runs} runs for the command line, "
          f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, code: {bench.code})\n")
    print("| measure | Fokus | floor | floor value | ratio | budget | met |")
    print("|---|---:|---|---:|---:|---|---|")
    from benchmarks.table import record, verdict

    missed = False
    for name, value, floor_name, floor in rows:
        ratio = value / floor if floor else None
        budget, check = BUDGETS.get(name, ("—", None))
        met = None if check is None else check(value, floor)
        missed |= met is False
        shown = f"{floor:.3f}" if floor else "—"  # no floor to stand beside
        print(f"| {name} | {value:.3f} | {floor_name} | {shown} | "
              f"{f'{ratio:.2f}×' if ratio else '—'} | {budget} | {verdict(met)} |")
        record("fast", name, f"{value:.3f}", f"{floor_name}: {floor:.3f}" if floor else "—",
               ratio, budget, met)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
