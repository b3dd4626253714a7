"""One table for ``./fokus.sh bench``: every benchmark prints its own detailed
table and also adds its headline rows here (``record``): the measure, Fokus's
value, the floor measured beside it in the same run, the ratio, the budget
and whether it was met. ``fokus.sh bench`` names a file in
FOKUS_BENCH_SUMMARY for the modes it runs and prints them as one table at the
end (``python benchmarks/table.py FILE``); a budget missed makes it fail.

A budget is checked here, by the benchmark, never by a timed assert in a test."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def record(mode: str, measure: str, value: str, floor: str = "—", ratio: float | None = None,
           budget: str = "—", met: bool | None = None) -> None:
    """Add one row to the run's summary (when ``fokus.sh bench`` asked for one)."""
    target = os.environ.get("FOKUS_BENCH_SUMMARY")
    if not target:
        return
    row = {"mode": mode, "measure": measure, "value": value, "floor": floor,
           "ratio": ratio, "budget": budget, "met": met}
    with open(target, "a", encoding="utf-8") as out:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def verdict(met: bool | None) -> str:
    return "—" if met is None else ("ok" if met else "missed")


def render(rows: list[dict[str, object]]) -> str:
    lines = ["| mode | measure | Fokus | floor (same run) | ratio | budget | met |",
             "|---|---|---:|---|---:|---|---|"]
    for r in rows:
        ratio = r["ratio"]
        ratio_text = f"{ratio:.2f}×" if isinstance(ratio, int | float) else "—"
        met = r["met"]
        lines.append(f"| {r['mode']} | {r['measure']} | {r['value']} | {r['floor']} | "
                     f"{ratio_text} | {r['budget']} | "
                     f"{verdict(met if isinstance(met, bool) else None)} |")
    return "\n".join(lines)


def main() -> int:
    if len(sys.argv) != 2 or sys.argv[1] in ("-h", "--help"):
        print("usage: table.py FILE  (the rows benchmarks wrote to FOKUS_BENCH_SUMMARY)")
        return 0 if len(sys.argv) == 2 else 2
    path = Path(sys.argv[1])
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()] if path.exists() else []
    print("Fokus benchmarks: one table (each ratio against a floor measured in the same "
          f"run; {os.cpu_count()} cores)\n")
    print(render(rows))
    missed = [r["measure"] for r in rows if r["met"] is False]
    if missed:
        print(f"\nmissed: {len(missed)} budget(s)")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
