"""Shared fixtures. Every test gets its own data directory; no test touches the
real home directory (FOKUS_DATA_DIR and HOME point into the test's tmp dir)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.clock import FakeClock
from app.paths import Paths


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("FOKUS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("FOKUS_LANG", raising=False)


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths(tmp_path / "data").ensure()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(paths: Paths) -> Iterator["Store"]:  # noqa: F821
    from app.store import Store

    s = Store(paths.database)
    yield s
    s.close()


@pytest.fixture
def service(store: "Store", clock: FakeClock) -> "FokusService":  # noqa: F821
    from app.service import FokusService

    return FokusService(store, clock, owner="test-owner")


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


from tests.x11 import x11  # noqa: E402,F401  (session fixture: Xvfb, tray host, dunst)
