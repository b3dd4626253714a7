"""The real tray under Xvfb noticing work in a mapped git repository: a real
commit in another project's repository is logged as a switch (auto) or
proposed (ask) within two seconds, without any window information."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.git import commit, make_repo
from tests.helpers.tray import Fokus
from tests.helpers.x11 import X11Session, wait_for

pytestmark = pytest.mark.x11
DETECTION_SECONDS = 2.0


@pytest.fixture
def fokus(x11: X11Session, tmp_path: Path) -> Iterator[tuple[Fokus, Path]]:
    f = Fokus(x11, tmp_path / "data")
    repo = make_repo(tmp_path / "siasn")
    for args in (("project", "add", "SIASN"), ("project", "add", "MyASN"),
                 ("project", "repo", "add", "SIASN", str(repo)),
                 ("switch", "--to", "MyASN")):
        result = f.cli(*args)
        assert result.returncode == 0, result.stderr
    yield f, repo
    f.stop_tray()


def _last_switch(f: Fokus) -> tuple[object, ...]:
    return f.query("SELECT p.name, s.source FROM context_switch s JOIN project p "
                   "ON p.id = s.to_project_id ORDER BY s.id DESC LIMIT 1")


def _watching(f: Fokus) -> bool:
    log = f.data_dir / "logs" / "fokus.log"
    candidates = [log, *f.data_dir.rglob("fokus.log")]
    return any("watching 1 repositories" in p.read_text(encoding="utf-8", errors="replace")
               for p in candidates if p.exists())


def test_a_commit_in_another_projects_repository_is_logged_as_a_switch(
        fokus: tuple[Fokus, Path]) -> None:
    f, repo = fokus
    assert f.cli("config", "set", "git_switches", "auto").returncode == 0
    f.start_tray()
    f.icon()
    f.ready()
    wait_for(lambda: _watching(f), what="the tray to watch the repository")
    assert _last_switch(f) == ("MyASN", "cli")
    committed = time.monotonic()
    commit(repo, "Mapper handles empty NIP")
    wait_for(lambda: _last_switch(f) == ("SIASN", "git"), timeout=DETECTION_SECONDS + 3,
             what="the switch from the commit")
    latency = time.monotonic() - committed
    assert latency < DETECTION_SECONDS, latency
    assert f.status().get("project") in (None, "SIASN")


def test_ask_proposes_the_switch_and_enter_makes_it(fokus: tuple[Fokus, Path],
                                                     x11: X11Session) -> None:
    f, repo = fokus
    assert f.cli("config", "set", "git_switches", "ask").returncode == 0
    f.start_tray()
    f.icon()
    f.ready()
    wait_for(lambda: _watching(f), what="the tray to watch the repository")
    committed = time.monotonic()
    commit(repo, "Mapper handles empty NIP")
    wid = wait_for(lambda: x11.run("xdotool", "search", "--onlyvisible", "--name",
                                   "Switch to SIASN", check=False).split(),
                   timeout=DETECTION_SECONDS + 3, what="the proposal")
    assert time.monotonic() - committed < DETECTION_SECONDS
    assert _last_switch(f) == ("MyASN", "cli")  # only proposed
    x11.run("xdotool", "windowfocus", "--sync", wid[0], check=False)  # type: ignore[index]
    x11.run("xdotool", "key", "Return")
    wait_for(lambda: _last_switch(f) == ("SIASN", "git"), what="the switch once agreed")
