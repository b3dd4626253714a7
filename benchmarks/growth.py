"""Costs that must stay flat over years: ``plan``, ``log``, Today and the
weekly metrics on 1, 5 and 10 generated years of heavy use, each against the
same call on 1 year (the floor), measured in the same run.

The data: the demo's last four weeks (open batches, blocks, a team calendar)
on top of years of history written in bulk: about 150 finished batches a year,
six sessions a work day on them with pauses, switches, interruptions and a
reflection most days. "Now" is the same instant for every size, so each call
answers the same question; only the history behind it grows.

    ./fokus.sh bench growth     (or: python benchmarks/growth.py [--runs 15] [--code DIR])
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 25, 4, 0, tzinfo=UTC)  # a Wednesday, 11:00 in Jakarta
YEARS = (1, 5, 10)

DEMO = """
import sys
from datetime import datetime
from pathlib import Path
from app.clock import FakeClock
from app.store.demo import fill
from app.store.engine import Store
store = Store(Path(sys.argv[1]))
fill(store, FakeClock(current=datetime.fromisoformat(sys.argv[2])), weeks=4,
     calendar_dir=Path(sys.argv[1]).parent)
store.close()
"""

# Each call once to warm SQLAlchemy's statement cache (the tray has run them
# before), then the median of --runs.
MEASURE = """
import json, statistics, sys, time
from datetime import datetime
from pathlib import Path
from app.cli.commands import execute
from app.clock import FakeClock
from app.reports.metrics import Metrics
from app.service import FokusService
from app.store.engine import Store
from app.week.workmodel import iso_week_of
clock = FakeClock(current=datetime.fromisoformat(sys.argv[2]))
store = Store(Path(sys.argv[1]))
svc = FokusService(store, clock)
week = iso_week_of(svc.week.local(clock.now()).date())
metrics = Metrics(store, clock)
calls = {
    "plan": lambda: execute(svc, "plan", {"week": None, "apply": False, "export_ics": None,
                                          "with_projects": False}),
    "log": lambda: execute(svc, "log", {"date": None}),
    "today": lambda: svc.activity.day_log(),
    "week metrics": lambda: metrics.week(week),
}
out = {}
for name, call in calls.items():
    first = call()
    times = []
    for _ in range(int(sys.argv[3])):
        t = time.perf_counter()
        again = call()
        times.append(time.perf_counter() - t)
    out[name] = {"median": statistics.median(times),
                 "answer": json.dumps(first, default=str, sort_keys=True)
                 if name != "week metrics" else ""}
print(json.dumps(out))
"""


def history(db: Path, years: int) -> dict[str, int]:
    """Years of finished work before the demo's four weeks, in bulk."""
    rng = random.Random(years)
    con = sqlite3.connect(db)
    projects = [r[0] for r in con.execute("SELECT id FROM project")]
    first_recent = con.execute("SELECT min(started_at) FROM focus_session").fetchone()[0]
    stop = datetime.fromisoformat(first_recent).date()
    start = stop - timedelta(days=365 * years)
    zone_offset = 7 * 60
    counts = {"batches": 0, "sessions": 0}

    def utc(day: date, minute: int) -> str:
        local = datetime.combine(day, time(0)) + timedelta(minutes=minute - zone_offset)
        return local.strftime("%Y-%m-%d %H:%M:%S.%f")

    day = start
    batch_ids: list[int] = []
    sessions, pauses, switches, interruptions, reflections = [], [], [], [], []
    previous = None
    while day < stop:
        if day.weekday() < 5:
            if not batch_ids or rng.random() < 0.6:
                # About 150 batches a year, each done within weeks.
                cur = con.execute(
                    "INSERT INTO project_batch (project_id, title, task_type, "
                    "estimate_minutes, urgency, due_date, prep_note, status, created_at, "
                    "done_at) VALUES (?, ?, 'coding', 600, 'normal', NULL, '', 'done', ?, ?)",
                    (rng.choice(projects), f"Old batch {day}", utc(day, 8 * 60),
                     utc(day + timedelta(days=21), 17 * 60)))
                batch_ids.append(int(cur.lastrowid or 0))
                batch_ids = batch_ids[-8:]
                counts["batches"] += 1
            for slot in range(6):
                batch = rng.choice(batch_ids)
                project = con.execute("SELECT project_id FROM project_batch WHERE id = ?",
                                      (batch,)).fetchone()[0]
                begin = 8 * 60 + slot * 80 + rng.randint(0, 10)
                minutes = rng.choice((25, 50, 50))
                sessions.append((project, batch, minutes, utc(day, begin), zone_offset,
                                 utc(day, begin + minutes), utc(day, begin + minutes)))
                if previous is not None and previous != project:
                    switches.append((utc(day, begin), zone_offset, previous, project))
                previous = project
            if rng.random() < 0.85:
                reflections.append((day.isoformat(), utc(day, 16 * 60 + 45)))
        day += timedelta(days=1)
    cur = con.cursor()
    for row in sessions:
        cur.execute(
            "INSERT INTO focus_session (project_id, batch_id, planned_minutes, started_at, "
            "utc_offset_min, ended_at, heartbeat_at, state, end_reason, source, "
            "recovered_notice_pending) VALUES (?, ?, ?, ?, ?, ?, ?, 'finished', 'completed', "
            "'tray', 0)", row)
        sid = cur.lastrowid
        if rng.random() < 0.2:
            pauses.append((sid, row[5], row[5], "user"))
        if rng.random() < 0.3:
            interruptions.append((row[3], zone_offset, sid, "chat", 5))
    counts["sessions"] = len(sessions)
    con.executemany("INSERT INTO session_pause (session_id, started_at, ended_at, reason) "
                    "VALUES (?, ?, ?, ?)", pauses)
    con.executemany("INSERT INTO context_switch (at, utc_offset_min, from_project_id, "
                    "to_project_id, trigger, source) VALUES (?, ?, ?, ?, 'self', 'tray')",
                    switches)
    con.executemany("INSERT INTO interruption (at, utc_offset_min, session_id, source, "
                    "minutes) VALUES (?, ?, ?, ?, ?)", interruptions)
    con.executemany("INSERT OR IGNORE INTO reflection (day, answered_at, helped, hindered) "
                    "VALUES (?, ?, '', '')", reflections)
    con.commit()
    con.close()
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout to measure")
    args = parser.parse_args()
    code = args.code.resolve()
    work = Path(tempfile.mkdtemp(prefix="fokus-growth-"))
    env = dict(os.environ, PYTHONPATH=str(code), PYTHONPYCACHEPREFIX=str(work / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)

    def python(source: str, *argv: str) -> str:
        done = subprocess.run([sys.executable, "-c", source, *argv], env=env, cwd=work,
                              capture_output=True, text=True, timeout=1800)
        if done.returncode != 0:
            raise RuntimeError(done.stderr[-2000:])
        return done.stdout

    base = work / "demo" / "fokus.sqlite3"
    base.parent.mkdir()
    python(DEMO, str(base), NOW.isoformat())
    results: dict[int, dict[str, dict[str, object]]] = {}
    sizes: dict[int, dict[str, int]] = {}
    for years in YEARS:
        folder = work / f"years-{years}"
        folder.mkdir()
        db = folder / "fokus.sqlite3"
        shutil.copy(base, db)
        sizes[years] = history(db, years)
        results[years] = json.loads(python(MEASURE, str(db), NOW.isoformat(),
                                           str(args.runs)).strip().splitlines()[-1])

    print(f"Fokus: costs over years of history (median of {args.runs} calls each, "
          f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, code: {code})\n")
    sys.path.insert(0, str(ROOT))
    from benchmarks.table import record

    print("| measure | years | sessions | ms | floor: 1 year (ms) | ratio | same answer | "
          "budget | met |")
    print("|---|---:|---:|---:|---:|---:|---|---|---|")
    missed = False
    for name in results[YEARS[0]]:
        floor = float(results[YEARS[0]][name]["median"])  # type: ignore[arg-type]
        for years in YEARS:
            value = float(results[years][name]["median"])  # type: ignore[arg-type]
            same = results[years][name]["answer"] == results[YEARS[0]][name]["answer"]
            met = value <= 1.2 * floor and same
            missed |= not met
            print(f"| {name} | {years} | {sizes[years]['sessions']:,} | {1000 * value:.2f} "
                  f"| {1000 * floor:.2f} | {value / floor:.2f}× | {'yes' if same else 'NO'} "
                  f"| ≤ 1.2× | {'ok' if met else 'missed'} |")
            if years != YEARS[0]:
                record("growth", f"{name} at {years} years (ms)", f"{1000 * value:.2f}",
                       f"1 year: {1000 * floor:.2f}", value / floor,
                       "≤ 1.2× 1 year, same answer", met)
    shutil.rmtree(work, ignore_errors=True)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
