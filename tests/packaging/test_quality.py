"""The code's own checks, run as tests so CI holds them: ruff over everything,
mypy (strict) over the core and the Qt front end."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_ruff() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--output-format",
                             "concise", "app", "ui", "tests", "benchmarks"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_core_and_front_end() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr
