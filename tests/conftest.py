"""Shared fixtures. Every test gets its own data directory; no test touches the
real home directory (FOKUS_DATA_DIR and HOME point into the test's tmp dir)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Widgets run offscreen unless a test brings its own X server (tests/helpers/x11.py).
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from app.clock import FakeClock  # noqa: E402
from app.platform.paths import Paths


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("FOKUS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("FOKUS_LANG", raising=False)


@pytest.fixture(autouse=True)
def _language_of_the_environment() -> Iterator[None]:
    """Each test starts and ends speaking the environment's language: a command
    run in-process that chose Indonesian (the fuzzer sets the language now and
    then) must not leave the next test's words in it."""
    from app.i18n import set_language

    set_language(None)
    yield
    set_language(None)


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths(tmp_path / "data").ensure()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(paths: Paths) -> Iterator[Store]:  # noqa: F821
    from app.store.engine import Store

    s = Store(paths.database)
    yield s
    s.close()


@pytest.fixture
def service(store: Store, clock: FakeClock) -> FokusService:  # noqa: F821
    from app.service import FokusService

    return FokusService(store, clock, owner="test-owner")


from tests.helpers.x11 import x11  # noqa: E402,F401  (session fixture: Xvfb, tray host, dunst)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    """In CI nothing is skipped: a skip there is a missing requirement, a failure.
    A failed test's report ends with the last lines of every tray still known."""
    outcome = yield
    report = outcome.get_result()
    if report.failed:
        # What the trays said while it failed: the only trace of their side in CI.
        from tests.helpers.tray import STARTED

        for fokus in [f for f in list(STARTED) if f.proc is not None]:
            for heading, text in fokus.tails():
                report.sections.append((heading, text))
    if os.environ.get("CI") and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, which must run every test: {report.longrepr}"
