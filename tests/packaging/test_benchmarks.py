"""The benchmarks still start: a moved helper or a renamed module breaks them
silently otherwise, since nothing else runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("script", ["run.py", "input.py", "fast.py", "growth.py", "charts.py",
                                    "git_idle.py"])
def test_benchmark_scripts_start(script: str) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), "--help"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "usage:" in result.stdout


def test_report_benchmark_imports() -> None:
    result = subprocess.run([sys.executable, "-c", "import benchmarks.report"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
