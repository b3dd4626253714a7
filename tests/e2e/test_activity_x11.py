"""Idle, hotkeys and automatic switches in the running app under Xvfb, with
real input from xdotool."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.helpers.tray import Fokus
from tests.helpers.x11 import X11Session, wait_for

pytestmark = pytest.mark.x11
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fokus(x11: X11Session, tmp_path: Path) -> Iterator[Fokus]:
    f = Fokus(x11, tmp_path / "data")
    assert f.cli("project", "add", "SIASN").returncode == 0
    assert f.cli("project", "add", "MyASN").returncode == 0
    yield f
    f.stop_tray()


def test_real_input_resets_the_x11_idle_time(x11: X11Session,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPLAY", x11.display)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("XDG_SESSION_TYPE", "x11")
    from app.platform.idle import X11Idle

    source = X11Idle()
    try:
        time.sleep(1.2)
        assert source.idle_seconds() >= 1.0
        x11.run("xdotool", "mousemove", "300", "300")
        assert source.idle_seconds() < 0.5
        time.sleep(0.6)
        x11.run("xdotool", "key", "shift")
        assert source.idle_seconds() < 0.5
    finally:
        source.close()


def test_no_input_pauses_the_session_and_return_asks(fokus: Fokus, x11: X11Session) -> None:
    fokus.env["FOKUS_IDLE_SECONDS"] = "3"
    fokus.start_tray()
    fokus.icon()
    fokus.ready()
    x11.run("xdotool", "mousemove", "400", "400")
    assert fokus.cli("start", "-p", "SIASN").returncode == 0
    last_input = datetime.now(UTC)
    wait_for(lambda: fokus.status()["state"] == "paused", timeout=20, what="the idle pause")
    paused_since = datetime.fromisoformat(str(fokus.status()["paused_since"]))
    # Paused at the moment input stopped, not when the threshold was noticed.
    assert abs((paused_since - last_input).total_seconds()) < 2.5
    reason = fokus.query("SELECT reason FROM session_pause")
    assert reason == ("idle",)
    # Input again: one dialog asks; Enter takes its default, a break.
    x11.run("xdotool", "mousemove", "500", "500")
    wid = wait_for(lambda: x11.run("xdotool", "search", "--onlyvisible", "--name",
                                   "Welcome back", check=False).split(),
                   what="the welcome-back dialog")
    x11.run("xdotool", "windowfocus", "--sync", wid[0], check=False)  # type: ignore[index]
    x11.run("xdotool", "key", "Return")
    wait_for(lambda: fokus.status()["state"] == "focusing", what="the session to resume")
    assert fokus.query("SELECT count(*) FROM session_pause WHERE ended_at IS NOT NULL") == (1,)


def test_the_start_hotkey_starts_and_stops_a_session(fokus: Fokus, x11: X11Session) -> None:
    fokus.start_tray()
    fokus.icon()
    fokus.ready()
    log = fokus.data_dir / "logs" / "fokus.log"
    wait_for(lambda: log.exists() and "global hotkeys active" in log.read_text(),
             what="the hotkeys to be grabbed")
    x11.run("xdotool", "key", "ctrl+alt+f")
    wait_for(lambda: fokus.status()["state"] == "focusing", what="the hotkey to start a session")
    x11.run("xdotool", "key", "ctrl+alt+i")
    wait_for(lambda: fokus.query("SELECT count(*) FROM interruption") == (1,),
             what="the interruption hotkey")
    x11.run("xdotool", "key", "ctrl+alt+f")
    wait_for(lambda: fokus.status()["state"] == "idle", what="the hotkey to stop it")


def test_automatic_switch_counts_after_the_dwell_and_not_for_a_glance(
        fokus: Fokus, x11: X11Session) -> None:
    projects = {p["name"]: p["id"] for p in json.loads(
        fokus.cli("project", "list", "--json").stdout)["projects"]}
    rules = {"enabled": True, "dwell_seconds": 3, "keep_titles": False, "rules": [
        {"project": projects["SIASN"], "field": "title", "pattern": "siasn"},
        {"project": projects["MyASN"], "field": "title", "pattern": "myasn"}]}
    subprocess.run([sys.executable, "-c", (
        "import json,sys; from app.store.engine import Store; from pathlib import Path; "
        f"Store(Path({str(fokus.data_dir / 'fokus.sqlite3')!r})).set_setting("
        f"'auto_switch', json.loads({json.dumps(json.dumps(rules))}))")],
        check=True, cwd=ROOT)
    windows = [subprocess.Popen([sys.executable, "-m", "tests.helpers.window", title, x],
                                env=x11.env, cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
               for title, x in (("SIASN — editor", "50"), ("MyASN — editor", "500"))]
    try:
        ids = {}
        for name in ("SIASN — editor", "MyASN — editor"):
            ids[name] = wait_for(lambda n=name: x11.run(
                "xdotool", "search", "--onlyvisible", "--name", n, check=False).split(),
                what=f"the window {name}")[0]  # type: ignore[index]
        assert fokus.cli("switch", "--to", "SIASN").returncode == 0  # where the day starts
        fokus.start_tray()
        fokus.icon()
        fokus.ready()

        def automatic() -> int:
            return int(fokus.query(  # type: ignore[arg-type]
                "SELECT count(*) FROM context_switch WHERE source = 'automatic'")[0])

        x11.run("xdotool", "windowfocus", "--sync", ids["SIASN — editor"])
        time.sleep(4)
        assert automatic() == 0  # already on SIASN
        # A glance at MyASN, shorter than the dwell time, then back.
        x11.run("xdotool", "windowfocus", "--sync", ids["MyASN — editor"])
        time.sleep(1.2)
        x11.run("xdotool", "windowfocus", "--sync", ids["SIASN — editor"])
        time.sleep(4)
        assert automatic() == 0
        # MyASN for longer than the dwell time: exactly one switch.
        x11.run("xdotool", "windowfocus", "--sync", ids["MyASN — editor"])
        wait_for(lambda: automatic() == 1, timeout=15, what="the automatic switch")
        time.sleep(4)
        assert automatic() == 1
        row = fokus.query("SELECT p1.name, p2.name, trigger FROM context_switch c "
                          "JOIN project p1 ON p1.id = c.from_project_id "
                          "JOIN project p2 ON p2.id = c.to_project_id "
                          "WHERE source = 'automatic'")
        assert row == ("SIASN", "MyASN", "self")
        # Only the project is kept: the window titles are nowhere in the files.
        fokus.stop_tray()
        for path in fokus.data_dir.rglob("*"):
            if path.is_file():
                assert b"editor" not in path.read_bytes(), path
    finally:
        for w in windows:
            w.terminate()
            w.wait(10)


def test_a_hotkey_another_program_holds_is_reported(x11: X11Session,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPLAY", x11.display)
    from app.platform.hotkeys import X11GrabHotkeys

    pressed: list[str] = []
    first = X11GrabHotkeys({"switch": "<ctrl>+<alt>+s"}, pressed.append)
    try:
        second = X11GrabHotkeys({"switch": "<ctrl>+<alt>+s", "toggle_focus": "<ctrl>+<alt>+f"},
                                lambda _a: None)
        try:
            assert second.conflicts == ["<ctrl>+<alt>+s"]
        finally:
            second.stop()
        x11.run("xdotool", "key", "ctrl+alt+s")
        x11.run("xdotool", "key", "ctrl+alt+x")  # not ours: never seen
        wait_for(lambda: pressed == ["switch"], timeout=5, what="the grabbed hotkey")
    finally:
        first.stop()
