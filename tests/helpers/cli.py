"""Running the ``fokus`` command line as a subprocess, as a user would."""

from __future__ import annotations

import os
from pathlib import Path


def venv_bin(name: str) -> str:
    """A console script of the environment running the tests."""
    import sys

    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


def fokus_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["FOKUS_DATA_DIR"] = str(data_dir)
    env.update(extra)
    return env
