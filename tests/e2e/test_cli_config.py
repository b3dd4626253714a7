"""``fokus config`` as a user runs it: a real process, a real database, and once
beside a real tray under Xvfb."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.cli import fokus_env, venv_bin
from tests.helpers.tray import Fokus
from tests.helpers.x11 import X11Session


def fokus(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([venv_bin("fokus"), *args], capture_output=True, text=True,
                          env=fokus_env(data_dir), timeout=60)


def stored(data_dir: Path, key: str) -> object:
    conn = sqlite3.connect(data_dir / "fokus.sqlite3")
    try:
        row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    finally:
        conn.close()
    return None if row is None else json.loads(row[0])


def test_config_list_get_set_reset(tmp_path: Path) -> None:
    d = tmp_path / "data"
    listed = fokus(d, "config", "list")
    assert listed.returncode == 0, listed.stderr
    focus_line = next(x for x in listed.stdout.splitlines() if x.startswith("focus_minutes "))
    assert "90 min" in focus_line and "(default)" in focus_line and "5–480" in focus_line
    assert focus_line.endswith("Focus session length")
    assert "work_model" not in listed.stdout and "reporter_id" not in listed.stdout
    rows = json.loads(fokus(d, "config", "list", "--json").stdout)["settings"]
    assert {r["key"]: r["value"] for r in rows}["project_limit"] == 2

    assert fokus(d, "config", "get", "focus_minutes").stdout == "90\n"
    changed = fokus(d, "config", "set", "focus_minutes", "50")
    assert changed.returncode == 0 and "50" in changed.stdout
    assert stored(d, "focus_minutes") == 50
    got = json.loads(fokus(d, "config", "get", "focus_minutes", "--json").stdout)
    assert (got["value"], got["default"], got["is_default"]) == (50, 90, False)
    # A default that is a setting: ``start`` without --minutes plans 50.
    fokus(d, "project", "add", "SIASN")
    started = json.loads(fokus(d, "start", "-p", "SIASN", "--json").stdout)
    assert started["planned_minutes"] == 50
    assert fokus(d, "config", "set", "auto_switch", "{}").returncode == 1

    assert fokus(d, "config", "set", "reflection_time", "17:15").returncode == 0
    reset = fokus(d, "config", "reset", "reflection_time")
    assert reset.returncode == 0 and "16:45" in reset.stdout
    assert stored(d, "reflection_time") is None


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (("set", "focus_minutes", "500"), ["focus_minutes", "500", "5–480"]),
        (("set", "focus_minutes", "ninety"), ["focus_minutes", "5–480"]),
        (("set", "language", "fr"), ["language", "system|en|id"]),
        (("set", "reflection_time", "25:00"), ["reflection_time", "HH:MM"]),
        (("set", "nope", "1"), ["nope", "focus_minutes", "language"]),
        (("get", "nope"), ["nope", "focus_minutes"]),
        (("reset", "reporter_id"), ["reporter_id", "focus_minutes"]),
        (("set", "work_model", "{}"), ["work_model", "Settings window"]),
    ],
)
def test_config_refuses_bad_values_and_unknown_keys(tmp_path: Path, args: tuple[str, ...],
                                                    needles: list[str]) -> None:
    d = tmp_path / "data"
    result = fokus(d, "config", *args)
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert all(n in result.stderr for n in needles), result.stderr
    assert "Traceback" not in result.stderr
    if (d / "fokus.sqlite3").exists():
        assert stored(d, args[1]) is None


def test_config_speaks_indonesian(tmp_path: Path) -> None:
    env = fokus_env(tmp_path / "data", FOKUS_LANG="id")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([venv_bin("fokus"), *args], capture_output=True, text=True,
                              env=env, timeout=60)

    assert "Panjang sesi fokus" in run("config", "list").stdout
    bad = run("config", "set", "focus_minutes", "4")
    assert "bukan nilai yang valid" in bad.stderr and bad.returncode == 1
    assert "tidak ada pengaturan bernama" in run("config", "get", "nope").stderr


@pytest.fixture
def tray(x11: X11Session, tmp_path: Path) -> Iterator[Fokus]:
    f = Fokus(x11, tmp_path / "data")
    assert f.cli("project", "add", "SIASN").returncode == 0
    f.start_tray()
    f.icon()
    f.ready()
    yield f
    f.stop_tray()


@pytest.mark.x11
def test_config_set_goes_through_the_running_tray(tray: Fokus) -> None:
    from app.errors import ErrorCode, FokusError
    from app.platform.instance import send

    socket_path = tray.data_dir / "fokus.sock"
    changed = tray.cli("config", "set", "focus_minutes", "40")
    assert changed.returncode == 0, changed.stderr
    assert tray.query("SELECT value FROM setting WHERE key = 'focus_minutes'") == ("40",)
    # The tray reads the new value: its start without minutes plans 40.
    started = tray.cli("start", "-p", "SIASN", "--json")
    assert json.loads(started.stdout)["planned_minutes"] == 40
    # The tray owns the session it started (it heartbeats it).
    owner = tray.query("SELECT owner FROM focus_session")[0]
    assert isinstance(owner, str) and tray.proc is not None
    assert owner.startswith(str(tray.proc.pid))
    bad = tray.cli("config", "set", "focus_minutes", "4")
    assert bad.returncode == 1 and "5–480" in bad.stderr
    # The socket takes declared commands only; local ones never run in the tray.
    for name in ("bogus", "export", "doctor"):
        with pytest.raises(FokusError) as err:
            send(socket_path, name, {})
        assert err.value.code is ErrorCode.INVALID_VALUE and err.value.params["field"] == "command"
    assert send(socket_path, "config.get", {"key": "focus_minutes"})["value"] == 40
    assert tray.cli("config", "reset", "focus_minutes").returncode == 0
    assert tray.query("SELECT count(*) FROM setting WHERE key = 'focus_minutes'") == (0,)
    assert tray.proc is not None and tray.proc.poll() is None
