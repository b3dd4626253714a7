"""The real tray app under Xvfb with a tray host, driven with xdotool."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.helpers.cli import venv_bin
from tests.helpers.tray import Fokus
from tests.helpers.x11 import X11Session, wait_for

pytestmark = pytest.mark.x11


@pytest.fixture
def fokus(x11: X11Session, tmp_path: Path) -> Iterator[Fokus]:
    f = Fokus(x11, tmp_path / "data")
    assert f.cli("project", "add", "SIASN", "--tech", "Java").returncode == 0
    assert f.cli("batch", "add", "-p", "SIASN", "-t", "Refactor API").returncode == 0
    assert f.cli("project", "add", "MyASN").returncode == 0
    yield f
    f.stop_tray()


def test_tray_menu_starts_a_session_with_real_clicks(fokus: Fokus, x11: X11Session,
                                                     tmp_path: Path) -> None:
    fokus.start_tray()
    x, y, w, h = fokus.icon()
    fokus.ready()
    idle_png = x11.screenshot(tmp_path / "idle.png", (x, y, w, h)).read_bytes()

    # Right-click the icon, then walk the menu with the keyboard:
    # Start focus ▸ MyASN ▸ … the menu is sorted by name, so SIASN is second.
    x11.click(x + w // 2, y + h // 2, button=3)
    time.sleep(0.5)
    x11.keys("Down", "Right", "Down", "Right")  # Start focus ▸ SIASN ▸ (first: the batch)
    x11.keys("Return")

    wait_for(lambda: fokus.status()["state"] == "focusing", what="the session to start")
    status = fokus.status()
    assert status["project"] == "SIASN" and status["batch"] == "Refactor API"
    row = fokus.query(
        "SELECT p.name, b.title, s.source, s.state FROM focus_session s "
        "JOIN project p ON p.id = s.project_id JOIN project_batch b ON b.id = s.batch_id"
    )
    assert row == ("SIASN", "Refactor API", "tray", "focusing")
    # The icon changed from the idle ring to the session's.
    focusing_png = x11.screenshot(tmp_path / "focus.png", (x, y, w, h)).read_bytes()
    assert focusing_png != idle_png

    # Pause from the menu: right-click, the first item is the header, then
    # Start focus (disabled), Pause.
    x11.click(x + w // 2, y + h // 2, button=3)
    time.sleep(0.5)
    x11.keys("Down", "Down", "Down", "Return")  # header and Start focus are disabled
    wait_for(lambda: fokus.status()["state"] == "paused", what="the session to pause")


def test_command_line_goes_through_the_running_tray(fokus: Fokus, x11: X11Session,
                                                    tmp_path: Path) -> None:
    fokus.start_tray()
    x, y, w, h = fokus.icon()
    fokus.ready()
    before = x11.screenshot(tmp_path / "a.png", (x, y, w, h)).read_bytes()
    started = fokus.cli("start", "--project", "myasn", "--minutes", "25")
    assert started.returncode == 0, started.stderr
    # The tray owns the session (it heartbeats it), so it went through the tray.
    owner = fokus.query("SELECT owner, source FROM focus_session")
    assert owner[0] is not None and owner[0].startswith(str(fokus.proc.pid))  # type: ignore[union-attr]
    assert owner[1] == "cli"
    wait_for(lambda: x11.screenshot(tmp_path / "b.png", (x, y, w, h)).read_bytes() != before,
             what="the icon to show the session")
    assert fokus.cli("pause").returncode == 0
    assert fokus.status()["state"] == "paused"
    assert fokus.cli("stop").returncode == 0
    assert fokus.status()["state"] == "idle"
    bad = fokus.cli("start", "--project", "Nope")
    assert bad.returncode == 1 and "Nope" in bad.stderr and "Traceback" not in bad.stderr


def test_a_second_fokus_does_not_start_a_second_tray(fokus: Fokus, x11: X11Session) -> None:
    fokus.start_tray()
    fokus.icon()
    fokus.ready()
    second = subprocess.run([venv_bin("fokus")], env=fokus.env, capture_output=True,
                            text=True, timeout=30)
    assert second.returncode == 0
    assert "already running" in second.stdout
    time.sleep(1)
    assert len(x11.tray_icons()) == 1
    # It asked the first one to open its window instead.
    wait_for(lambda: x11.run("xdotool", "search", "--onlyvisible", "--name",
                             "Projects & batches", check=False).strip(),
             what="the Projects & batches window")


def test_kill_9_mid_session_loses_at_most_one_heartbeat(fokus: Fokus, x11: X11Session) -> None:
    fokus.env["FOKUS_HEARTBEAT_SECONDS"] = "1"
    x11.notifications()  # start from an empty history
    proc = fokus.start_tray()
    fokus.icon()
    fokus.ready()
    assert fokus.cli("start", "-p", "SIASN", "-m", "50").returncode == 0
    time.sleep(3.5)
    os.kill(proc.pid, signal.SIGKILL)
    killed_at = datetime.now(UTC)
    proc.wait()
    wait_for(lambda: not x11.tray_icons(), what="the killed icon to go")
    started, beat, state = fokus.query(
        "SELECT started_at, heartbeat_at, state FROM focus_session")
    assert state == "focusing"  # the crash left it open

    fokus.start_tray()
    fokus.icon()
    fokus.ready()
    wait_for(lambda: fokus.status()["state"] == "idle", what="recovery")
    ended, state, reason, pending = fokus.query(
        "SELECT ended_at, state, end_reason, recovered_notice_pending FROM focus_session"
    )
    ended_at = datetime.fromisoformat(ended).replace(tzinfo=UTC)
    lost = (killed_at - ended_at).total_seconds()
    assert 0 <= lost <= 1.0 + 0.5, lost  # one heartbeat interval, plus scheduling
    assert (state, reason, pending) == ("abandoned", "recovered", 0)
    # and the user was told, through the desktop's notification daemon.
    wait_for(lambda: "Fokus ended unexpectedly" in x11.notifications(),
             what="the recovery notification")

    # Told once: the next start says nothing.
    fokus.stop_tray()
    fokus.start_tray()
    fokus.icon()
    fokus.ready()
    time.sleep(1.0)
    assert "Fokus ended unexpectedly" not in x11.notifications()


def test_session_end_is_notified(fokus: Fokus, x11: X11Session) -> None:
    x11.notifications()
    fokus.start_tray()
    fokus.icon()
    fokus.ready()
    # A one-minute session, moved to its end by back-dating its start.
    assert fokus.cli("start", "-p", "SIASN", "-m", "1").returncode == 0
    fokus.query("UPDATE focus_session SET started_at = "
                "strftime('%Y-%m-%d %H:%M:%f000', started_at, '-58 seconds')")
    assert fokus.cli("pause").returncode == 0  # a command makes the tray re-read the session
    assert fokus.cli("resume").returncode == 0
    wait_for(lambda: fokus.status()["state"] == "idle", timeout=10, what="the session to end")
    wait_for(lambda: "Focus session complete" in x11.notifications(), what="the notification")
    state = fokus.query("SELECT state, end_reason FROM focus_session")
    assert state == ("finished", "completed")
    # It expires by itself (a banner with no expiry comes back whenever the
    # desktop shows its queue again, e.g. after quiet-while-focusing).
    import json

    history = json.loads(x11.run("dunstctl", "history"))["data"]
    ours = [n for group in history for n in group
            if n["summary"]["data"] == "Focus session complete"]
    assert ours and all(n["timeout"]["data"] > 0 for n in ours), ours
    assert all(n["appname"]["data"] == "Fokus" for n in ours)


def request_close(display: str, window: int) -> None:
    """Ask a window to close the way a window manager does (WM_DELETE_WINDOW)."""
    from Xlib import X
    from Xlib import display as xdisplay
    from Xlib.protocol import event

    d = xdisplay.Display(display)
    try:
        target = d.create_resource_object("window", window)
        protocols = d.intern_atom("WM_PROTOCOLS")
        message = event.ClientMessage(window=target, client_type=protocols, data=(
            32, [d.intern_atom("WM_DELETE_WINDOW"), X.CurrentTime, 0, 0, 0]))
        target.send_event(message, event_mask=X.NoEventMask)
        d.flush()
    finally:
        d.close()


def test_without_a_tray_host_it_opens_its_window(x11: X11Session, tmp_path: Path) -> None:
    """With no tray host on the display, Fokus waits briefly, then runs in its own
    window, which reaches everything the tray menu does."""
    from tests.helpers.x11 import _start_xvfb

    xvfb, display = _start_xvfb()
    try:
        env = dict(x11.env, DISPLAY=display, FOKUS_DATA_DIR=str(tmp_path / "data"),
                   FOKUS_TRAY_WAIT="2")
        proc = subprocess.Popen([venv_bin("fokus")], env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        try:
            found = wait_for(lambda: subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", "^Fokus$"],
                env=env, capture_output=True, text=True).stdout.strip(), timeout=20,
                what="the window")
            assert found
            assert proc.poll() is None  # still running, not exited
            # Its close button (a window manager's WM_DELETE_WINDOW) keeps Fokus running.
            request_close(display, int(found.split()[0]))
            wait_for(lambda: "minimised instead of closed" in (
                tmp_path / "data" / "logs" / "fokus.log").read_text(), what="the close request")
            assert proc.poll() is None
            log = (tmp_path / "data" / "logs" / "fokus.log").read_text()
            assert "no system tray" in log
        finally:
            proc.terminate()
            proc.wait(10)
    finally:
        xvfb.terminate()
        xvfb.wait()


def test_typed_keys_are_never_stored(fokus: Fokus, x11: X11Session) -> None:
    """Privacy: keys typed during a session leave no trace in the database,
    its journal or the logs."""
    secret = "zq7PRIVATEpassw0rdXJ"
    fokus.start_tray()
    fokus.icon()
    fokus.ready()
    assert fokus.cli("start", "-p", "SIASN").returncode == 0
    # Type into Fokus's own window and at the desktop, as a user would.
    subprocess.run([venv_bin("fokus")], env=fokus.env, capture_output=True, timeout=30)
    wid = wait_for(lambda: x11.run("xdotool", "search", "--onlyvisible", "--name",
                                   "Projects & batches", check=False).split(),
                   what="the window")
    x11.run("xdotool", "windowactivate", "--sync", wid[0], check=False)  # type: ignore[index]
    x11.run("xdotool", "type", "--delay", "20", secret)
    x11.run("xdotool", "key", "Escape")
    x11.run("xdotool", "mousemove", "600", "700", "type", "--delay", "20", secret)
    for command in ("pause", "stop"):
        result = fokus.cli(command)
        assert result.returncode == 0, (command, result.stderr, fokus.status())
    fokus.stop_tray()
    files = [p for p in fokus.data_dir.rglob("*") if p.is_file()]
    assert any(p.name.startswith("fokus.sqlite3") for p in files)
    assert any(p.suffix == ".log" for p in files)
    for path in files:
        data = path.read_bytes()
        assert secret.encode() not in data, path
        assert secret.encode("utf-16-le") not in data, path


def test_a_big_calendar_imports_through_the_tray_while_it_answers(
        fokus: Fokus, x11: X11Session, tmp_path: Path) -> None:
    """A 20,000-event calendar is parsed in the tray's worker: the command line
    says it waits, gets the usual words, and the tray answers others meanwhile."""
    from benchmarks.fast import ics

    calendar = ics(tmp_path / "big.ics", 20_000)
    fokus.start_tray()
    fokus.icon()
    fokus.ready()
    started = time.monotonic()
    importing = subprocess.Popen([venv_bin("fokus"), "import-ics", str(calendar)],
                                 env=fokus.env, text=True, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE)
    answers: list[float] = []  # how long `fokus status` took while the import ran
    while importing.poll() is None:
        asked = time.monotonic()
        assert fokus.cli("status").returncode == 0
        if importing.poll() is None:
            answers.append(time.monotonic() - asked)
    out, err = importing.communicate(timeout=10)
    took = time.monotonic() - started
    assert importing.returncode == 0, err
    meetings = fokus.query("SELECT count(*) FROM meeting")[0]
    assert isinstance(meetings, int) and meetings > 5000
    assert out.startswith(f"Imported {meetings} meetings from {calendar}; ")
    assert out.rstrip().endswith("fall in no-meeting windows.")
    assert "does not answer" not in err and "Traceback" not in err
    if took > 2:
        assert err.strip() == "Importing calendar…"
    print(f"import {took:.1f} s; status answered in {max(answers or [0]):.2f} s at most; {err!r}")
    # The tray answered the other command line at once, import or not.
    assert answers and max(answers) < took / 2, (answers, took)
