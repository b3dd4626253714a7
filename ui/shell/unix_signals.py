"""SIGTERM and SIGINT quit the tray cleanly: a socket pair wakes the Qt event
loop so Python can run the handler, with no polling timer."""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QSocketNotifier


def install_signal_wakeup(quit_app: Callable[[], None]) -> object:
    """Returns what must stay referenced while the loop runs."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)

    def drain() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)

    notifier.activated.connect(drain)
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: quit_app())
    return (reader, writer, notifier)
