"""Results from worker threads, handed to the GUI thread without a Python
object ever travelling inside a queued signal.

PySide6 can crash (now and then, at teardown) when a signal carrying Python
objects is emitted from a thread Qt did not start and its receiver goes away.
Here a worker only puts its result into a queue and wakes the GUI thread with
a bare signal; the GUI thread takes the results out and calls the slots."""

from __future__ import annotations

import contextlib
import queue
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal


class Relay:
    """A signal-like pair: ``connect`` on the GUI thread, ``emit`` from any."""

    def __init__(self, inbox: Inbox, name: str) -> None:
        self._inbox, self.name = inbox, name
        self.slots: list[Callable[..., object]] = []

    def connect(self, slot: Callable[..., object]) -> None:
        self.slots.append(slot)

    def emit(self, *args: object) -> None:
        self._inbox.put(self, args)


class Inbox(QObject):
    """Owns its relays; lives (and delivers) on the thread that made it."""

    _wake = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.SimpleQueue[tuple[Relay, tuple[object, ...]]] = queue.SimpleQueue()
        self._wake.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    def relay(self, name: str) -> Relay:
        return Relay(self, name)

    def put(self, relay: Relay, args: tuple[object, ...]) -> None:
        self._queue.put((relay, args))
        with contextlib.suppress(RuntimeError):  # the receiver is gone: nobody to tell
            self._wake.emit()

    def _drain(self) -> None:
        while True:
            try:
                relay, args = self._queue.get_nowait()
            except queue.Empty:
                return
            for slot in list(relay.slots):
                slot(*args)
