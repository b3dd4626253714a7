"""The benchmarks still start: a moved helper or a renamed module breaks them
silently otherwise, since nothing else runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("script", ["run.py", "input.py", "fast.py", "growth.py", "charts.py",
                                    "git_idle.py", "table.py"])
def test_benchmark_scripts_start(script: str) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), "--help"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "usage:" in result.stdout


def test_report_benchmark_imports() -> None:
    result = subprocess.run([sys.executable, "-c", "import benchmarks.report"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_the_one_table_shows_every_row_and_fails_on_a_missed_budget(tmp_path: Path) -> None:
    import json

    rows = tmp_path / "rows.jsonl"
    rows.write_text("\n".join(json.dumps(r) for r in (
        {"mode": "charts", "measure": "first charts (ms)", "value": "180",
         "floor": "4 draws: 150", "ratio": 1.2, "budget": "≤ 300 ms", "met": True},
        {"mode": "charts", "measure": "PDF export (ms)", "value": "1100", "floor": "—",
         "ratio": None, "budget": "≤ 1000 ms", "met": False},
        {"mode": "git", "measure": "latency (ms)", "value": "12", "floor": "—",
         "ratio": None, "budget": "—", "met": None})) + "\n")
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "table.py"), str(rows)],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    assert len(lines) == 1 + 3  # the heading and one line a row
    assert "| 1.20× | ≤ 300 ms | ok |" in lines[1]
    assert "| ≤ 1000 ms | missed |" in lines[2] and lines[3].endswith("| — | — |")
