"""What syncing costs (app/sync):

- a year of one person's work (250 work days: sessions with pauses, switches,
  interruptions, a resume note and a reflection a day) written by one machine
  and merged by another: the time of the other machine's first sync;
- an idle sync (nothing new on either side): its wall and CPU time, which the
  tray pays every five minutes.

    python benchmarks/sync_year.py [--days 250]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.clock import FakeClock  # noqa: E402
from app.service import FokusService  # noqa: E402
from app.store.engine import Store  # noqa: E402
from app.store.models import (  # noqa: E402
    ContextSwitch,
    FocusSession,
    Interruption,
    Reflection,
    ResumeNote,
    SessionPause,
)

START = datetime(2026, 1, 5, tzinfo=UTC)


def fill(svc: FokusService, days: int) -> int:
    projects = [svc.add_project(name) for name in ("SIASN", "MyASN", "SIMPEGNAS")]
    rows = 3
    with svc.store.transaction() as s:
        for d in range(days):
            day = START + timedelta(days=d + 2 * (d // 5))
            for k in range(6):
                p = projects[k % 3]
                begin = day + timedelta(hours=1 + k * 1.25)
                fs = FocusSession(project_id=p.id, planned_minutes=60, started_at=begin,
                                  utc_offset_min=420, ended_at=begin + timedelta(minutes=60),
                                  state="finished", end_reason="completed",
                                  heartbeat_at=begin + timedelta(minutes=60))
                s.add(fs)
                s.flush()
                s.add(SessionPause(session_id=fs.id, started_at=begin + timedelta(minutes=20),
                                   ended_at=begin + timedelta(minutes=25)))
                s.add(ContextSwitch(at=begin, utc_offset_min=420, to_project_id=p.id))
                rows += 3
                if k % 3 == 0:
                    s.add(Interruption(at=begin + timedelta(minutes=30), session_id=fs.id,
                                       minutes=5))
                    rows += 1
            s.add(ResumeNote(project_id=projects[0].id, written_at=day + timedelta(hours=9),
                             text=f"next step on day {d}"))
            s.add(Reflection(day=day.date(), answered_at=day + timedelta(hours=10),
                             satisfaction=4, helped="focus"))
            rows += 2
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, default=250)
    a = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for name in ("a", "b", "share"):
            (base / name).mkdir()
        clock = FakeClock(current=START + timedelta(days=400))
        office = FokusService(Store(base / "a" / "fokus.sqlite3"), clock, owner="a")
        laptop = FokusService(Store(base / "b" / "fokus.sqlite3"), clock, owner="b")
        rows = fill(office, a.days)
        laptop.sync.setup(base / "share", "benchmark passphrase")
        started = time.perf_counter()
        office.sync.setup(base / "share", "benchmark passphrase")  # its year goes out
        export_s = time.perf_counter() - started
        started = time.perf_counter()
        report = laptop.sync.sync()
        merge_s = time.perf_counter() - started
        idle_wall, idle_cpu = [], []
        for _ in range(20):
            w, c = time.perf_counter(), time.process_time()
            laptop.sync.sync()
            idle_wall.append(time.perf_counter() - w)
            idle_cpu.append(time.process_time() - c)
        print(json.dumps({
            "rows": rows, "export_and_setup_s": round(export_s, 3),
            "merge_year_s": round(merge_s, 3), "merged_rows": report.rows,
            "idle_sync_ms_median": round(sorted(idle_wall)[10] * 1000, 2),
            "idle_sync_cpu_ms_median": round(sorted(idle_cpu)[10] * 1000, 2),
        }, indent=2))
        office.store.close()
        laptop.store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
