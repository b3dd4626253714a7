"""Python's cyclic garbage collector, run on the GUI thread only.

Left to itself the collector runs in whichever thread happens to allocate: the
chart worker drawing with matplotlib, the calendar reader, the sync. When a
collection there frees a cycle that holds a Qt object of the GUI thread (a
window's timer, a socket notifier), Qt destroys that object from the wrong
thread: "Timers cannot be stopped from another thread", then now and then a
crash. So automatic collection is turned off and the GUI thread collects, on a
timer, by the same generation thresholds CPython uses. Reference counting
still frees everything that is not in a cycle, in every thread, at once.

``collector_paused`` holds both kinds of collection (the automatic one, where
it is on, and this timer's) while a worker builds a big tree of objects."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500

_pause_lock = threading.Lock()
_pauses = 0
_was_on = False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Hold Python's cyclic garbage collector while a worker builds a big tree of
    objects (a calendar's events). A collection runs in whichever thread happens
    to allocate and holds the interpreter meanwhile: among a 10,000-event
    calendar's objects a full one takes 100 ms and more, and the tray's event
    loop stood still for as long. Reference counting still frees the worker's
    objects when it is done; nested and parallel pauses count."""
    global _pauses, _was_on
    with _pause_lock:
        if _pauses == 0:
            _was_on = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _was_on:
                gc.enable()


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> int:
        """One round as CPython would run it; the number of objects freed."""
        young, middle, old = gc.get_count()
        t0, t1, t2 = self.thresholds
        if _pauses or young <= t0:  # a worker asked for quiet (collector_paused)
            return 0
        freed = gc.collect(0)
        if middle > t1:
            freed += gc.collect(1)
            if old > t2:
                freed += gc.collect(2)
        return freed


_installed: GuiThreadCollector | None = None


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """Installs the collector once per process (on the application object)."""
    global _installed
    if _installed is None:
        _installed = GuiThreadCollector(app)
    return _installed
