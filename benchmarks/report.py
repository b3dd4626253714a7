"""The self-report on a year of data: a generated database of one year
(250+ work days, 2,000+ sessions, 10,000+ switches, 250+ reflections), then
the week's metrics, and metrics + charts + PDF, each timed; the database's
size reported.

    ./fokus.sh bench report     (or: python benchmarks/report.py)
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.clock import FakeClock  # noqa: E402
from app.domain import EndReason, SessionState, SwitchTrigger  # noqa: E402
from app.store.engine import Store  # noqa: E402
from app.store.models import (  # noqa: E402
    ContextSwitch,
    FocusSession,
    Interruption,
    Project,
    Reflection,
)

WIB = timezone(timedelta(hours=7))


def generate(path: Path, today: date) -> dict[str, int]:
    rng = random.Random(7)
    store = Store(path)
    counts = {"work days": 0, "sessions": 0, "switches": 0, "reflections": 0,
              "interruptions": 0}
    with store.transaction() as s:
        projects = [Project(name=f"Project {i}", created_at=datetime(2025, 1, 1, tzinfo=UTC))
                    for i in range(6)]
        s.add_all(projects)
        s.flush()
        ids = [p.id for p in projects]
        day = today - timedelta(days=365)
        while day < today:
            if day.weekday() < 5:
                counts["work days"] += 1
                for k in range(8):
                    start = datetime(day.year, day.month, day.day, 8 + k, rng.randint(0, 20),
                                     tzinfo=WIB).astimezone(UTC)
                    minutes = rng.choice((25, 50, 90))
                    s.add(FocusSession(
                        project_id=rng.choice(ids), planned_minutes=minutes,
                        started_at=start, utc_offset_min=420,
                        ended_at=start + timedelta(minutes=minutes),
                        heartbeat_at=start + timedelta(minutes=minutes),
                        state=SessionState.FINISHED, end_reason=EndReason.COMPLETED,
                        flow_rating=rng.choice((None, 3, 4, 5))))
                    counts["sessions"] += 1
                    for _ in range(5):
                        a, b = rng.sample(ids, 2)
                        s.add(ContextSwitch(at=start + timedelta(minutes=rng.randint(0, 59)),
                                            utc_offset_min=420, from_project_id=a,
                                            to_project_id=b, trigger=SwitchTrigger.SELF))
                        counts["switches"] += 1
                    if rng.random() < 0.3:
                        s.add(Interruption(at=start + timedelta(minutes=30),
                                           utc_offset_min=420))
                        counts["interruptions"] += 1
                s.add(Reflection(day=day, answered_at=datetime.combine(
                    day, datetime.min.time(), tzinfo=UTC), satisfaction=rng.randint(2, 5),
                    energy=rng.randint(2, 5), focus_ability=3, productivity=4, flow="once"))
                counts["reflections"] += 1
            day += timedelta(days=1)
    store.close()
    return counts


def timed(fn: object, repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


def main() -> int:
    from app.reports.export import ExportOptions, build_report
    from app.reports.metrics import Metrics
    from app.week.workmodel import WorkModel, iso_week_of

    work = Path(tempfile.mkdtemp(prefix="fokus-year-"))
    db = work / "fokus.sqlite3"
    today = date(2026, 11, 28)
    t = time.perf_counter()
    counts = generate(db, today)
    generated = time.perf_counter() - t
    clock = FakeClock(current=datetime(2026, 11, 28, 9, 0, tzinfo=WIB).astimezone(UTC))
    store = Store(db)
    week = iso_week_of(today - timedelta(days=7))
    metrics = Metrics(store, clock)
    week_time = timed(lambda: metrics.week(week), 9)

    def full() -> None:
        from app.reports.pdf import render_pdf

        r = metrics.week(week)
        render_pdf(build_report(store, clock, week, ExportOptions(), r), r, WorkModel(),
                   work / "report.pdf")

    t = time.perf_counter()
    full()  # the first one imports matplotlib
    first = time.perf_counter() - t
    pdf_time = timed(full, 5)
    size = sum(p.stat().st_size for p in work.glob("fokus.sqlite3*")) / 2**20
    store.close()
    print(f"Fokus self-report benchmark on one generated year ({generated:.1f} s to generate)\n")
    print("| " + " | ".join(f"{k}: {v}" for k, v in counts.items()) + " |\n")
    from benchmarks.table import record, verdict

    rows = [
        ("week's metrics on a year of data (median of 9)", f"{week_time * 1000:.0f} ms",
         "≤ 100 ms", week_time <= 0.1),
        ("metrics + charts + PDF in a warm process (median of 5)", f"{pdf_time:.2f} s",
         "≤ 1.5 s", pdf_time <= 1.5),
        ("… the first time, importing matplotlib", f"{first:.2f} s", "—", None),
        ("database size for the year", f"{size:.1f} MB", "—", None),
    ]
    print("| measure | value | budget | met |")
    print("|---|---:|---|---|")
    for name, value, budget, met in rows:
        print(f"| {name} | {value} | {budget} | {verdict(met)} |")
        record("report", name, value, "—", None, budget, met)
    return 0 if week_time <= 0.1 and pdf_time <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
