"""The desktop idle sources over D-Bus, against real services on a private
session bus: a freedesktop screensaver as KDE Plasma offers it, and one that
does not implement the call. Each runs in a child process, since a process
keeps the first session bus it connects to."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

SERVICE = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage


class ScreenSaver(QObject):
    @Slot(QDBusMessage, result="uint")
    def GetSessionIdleTime(self, message):
        if sys.argv[1] == "refuse":  # a screensaver without idle time (xfce4-screensaver)
            QDBusConnection.sessionBus().send(message.createErrorReply(
                "org.freedesktop.DBus.Error.NotSupported", "not supported"))
            return 0
        return int(sys.argv[1])


app = QCoreApplication([])
saver = ScreenSaver()
bus = QDBusConnection.sessionBus()
assert bus.registerObject("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", saver,
                          QDBusConnection.RegisterOption.ExportAllSlots)
assert bus.registerService("org.freedesktop.ScreenSaver")
print("ready", flush=True)
app.exec()
"""

PICK = """
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from ui.platform.idle import best_idle_source
source = best_idle_source()
print(source.name if source else "unavailable", source.idle_seconds() if source else -1)
"""


@pytest.fixture
def bus() -> Iterator[dict[str, str]]:
    if shutil.which("dbus-daemon") is None:
        pytest.fail("install: sudo apt-get install dbus", pytrace=False)
    out = subprocess.run(["dbus-daemon", "--session", "--fork", "--print-address=1",
                          "--print-pid=1"], capture_output=True, text=True, check=True)
    address, pid = out.stdout.split()
    env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=address, XDG_SESSION_TYPE="wayland",
               WAYLAND_DISPLAY="wayland-test", QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    env.pop("DISPLAY", None)
    try:
        yield env
    finally:
        os.kill(int(pid), 15)


def _with_screensaver(env: dict[str, str], answer: str) -> str:
    with subprocess.Popen([sys.executable, "-c", SERVICE, answer], env=env, text=True,
                          stdout=subprocess.PIPE) as service:
        try:
            assert service.stdout is not None
            assert service.stdout.readline().strip() == "ready"  # registered on the bus
            picked = subprocess.run([sys.executable, "-c", PICK], env=env, capture_output=True,
                                    text=True, timeout=60)
            assert picked.returncode == 0, picked.stderr
            return picked.stdout.strip()
        finally:
            service.terminate()


def test_a_freedesktop_screensaver_gives_the_idle_time_on_wayland(bus: dict[str, str]) -> None:
    assert _with_screensaver(bus, "42000") == "wayland-screensaver 42.0"


def test_a_screensaver_without_idle_time_is_passed_over(bus: dict[str, str]) -> None:
    # Nothing else gives idle time on this bare bus: detection is off, not wrong.
    assert _with_screensaver(bus, "refuse") == "unavailable -1"
