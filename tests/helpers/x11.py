"""A real X server for the tests that need one: Xvfb, a tray host (trayer), a
session bus with a notification daemon (dunst), and xdotool for real input.

Missing programs fail the test with the package to install; nothing is skipped."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

NEEDS = {
    "Xvfb": "xvfb",
    "trayer": "trayer",
    "xdotool": "xdotool",
    "dbus-daemon": "dbus",
    "dunst": "dunst",
    "dunstctl": "dunst",
    "notify-send": "libnotify-bin",
    "import": "imagemagick",
    "xwininfo": "x11-utils",
}


def require_programs() -> None:
    missing = sorted({pkg for exe, pkg in NEEDS.items() if shutil.which(exe) is None})
    if missing:
        pytest.fail("these tests need a real X server and tray host; install: "
                    f"sudo apt-get install {' '.join(missing)}", pytrace=False)


def end_process(proc: subprocess.Popen[Any] | None, timeout: float = 10.0) -> None:
    """Ends a test's child program: asked to quit (SIGTERM), killed if it has
    not gone within ``timeout`` seconds, and waited for either way."""
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def wait_for(predicate: Callable[[], object], timeout: float = 15.0,
             interval: float = 0.05, what: str = "condition") -> object:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


@dataclass
class X11Session:
    display: str
    bus: str
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    seen_notifications: set[int] = field(default_factory=set)

    @property
    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["DISPLAY"] = self.display
        env["DBUS_SESSION_BUS_ADDRESS"] = self.bus
        env.pop("QT_QPA_PLATFORM", None)
        env.pop("WAYLAND_DISPLAY", None)
        return env

    def run(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(args, capture_output=True, text=True, env=self.env, timeout=30)
        if check and result.returncode != 0:
            raise AssertionError(f"{args[0]} failed: {result.stderr.strip()}")
        return result.stdout

    def tray_icons(self) -> list[tuple[int, int, int, int]]:
        """Geometry of Fokus icons embedded in the tray host."""
        ids = self.run("xdotool", "search", "--onlyvisible", "--classname", "^fokus$",
                       check=False).split()
        icons = []
        for wid in ids:
            geo = self.run("xdotool", "getwindowgeometry", wid, check=False)
            pos = re.search(r"Position: (-?\d+),(-?\d+)", geo)
            size = re.search(r"Geometry: (\d+)x(\d+)", geo)
            if pos and size:
                x, y, w, h = (int(pos[1]), int(pos[2]), int(size[1]), int(size[2]))
                if w <= 48 and h <= 48 and y < 48:
                    icons.append((x, y, w, h))
        return icons

    def click(self, x: int, y: int, button: int = 1) -> None:
        self.run("xdotool", "mousemove", "--sync", str(x), str(y), "click", str(button))

    def keys(self, *keys: str, delay_ms: int = 120) -> None:
        for key in keys:
            self.run("xdotool", "key", key)
            time.sleep(delay_ms / 1000)

    def screenshot(self, path: Path, geometry: tuple[int, int, int, int] | None = None) -> Path:
        args = ["import", "-window", "root"]
        if geometry:
            x, y, w, h = geometry
            args += ["-crop", f"{w}x{h}+{x}+{y}"]
        self.run(*args, str(path))
        return path

    def notifications(self) -> list[str]:
        """Summaries of the notifications shown since the last call."""
        import json

        self.run("dunstctl", "close-all", check=False)
        time.sleep(0.2)
        data = json.loads(self.run("dunstctl", "history"))
        shown = [(n["id"]["data"], n["summary"]["data"]) for group in data["data"] for n in group]
        new = [summary for nid, summary in shown if nid not in self.seen_notifications]
        self.seen_notifications.update(nid for nid, _ in shown)
        return new


def _start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb on the first free display. ``-noreset``: an X server resets when its
    last client leaves, and a client connecting meanwhile is refused ("cannot
    open display"); the first checks for the tray host (xwininfo) came and went
    while trayer connected, and about one start in a hundred had no tray host."""
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp",
         "-noreset"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as fh:
        number = fh.readline().strip()
    if not number:
        proc.kill()
        raise AssertionError("Xvfb did not start")
    return proc, f":{number}"


@pytest.fixture(scope="session")
def x11() -> Iterator[X11Session]:
    require_programs()
    xvfb, display = _start_xvfb()
    bus_out = subprocess.run(
        ["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"],
        capture_output=True, text=True, check=True).stdout.split()
    session = X11Session(display=display, bus=bus_out[0])
    bus_pid = int(bus_out[1])
    session.processes.append(xvfb)
    try:
        trayer = subprocess.Popen(
            ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request",
             "--height", "24", "--transparent", "false", "--tint", "0x333333",
             "--SetDockType", "true"],
            env=session.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        session.processes.append(trayer)
        dunst = subprocess.Popen(["dunst"], env=session.env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        session.processes.append(dunst)
        wait_for(lambda: "panel" in session.run("xwininfo", "-root", "-tree", check=False),
                 what="the tray host")
        wait_for(lambda: subprocess.run(["dunstctl", "count"], env=session.env,
                                        capture_output=True).returncode == 0,
                 what="the notification daemon")
        yield session
    finally:
        for proc in reversed(session.processes):
            proc.terminate()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
        with contextlib.suppress(ProcessLookupError):
            os.kill(bus_pid, signal.SIGTERM)
