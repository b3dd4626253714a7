"""Python's cyclic collector runs on the GUI thread only (ui/platform/collector.py),
and holds off while a worker has asked for quiet (a calendar being parsed)."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtWidgets import QApplication

from ui.platform.collector import collect_on_gui_thread, collector_paused


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic collector frees it


def test_cycles_are_freed_on_the_gui_thread_except_while_paused(qapp: QApplication) -> None:
    collector = collect_on_gui_thread(qapp)
    assert not gc.isenabled()  # nothing collects in whichever thread allocates
    gc.collect()
    with collector_paused():
        nodes = [_Node() for _ in range(3 * collector.thresholds[0])]
        probe = weakref.ref(nodes[0])
        del nodes
        assert collector.check() == 0  # a worker asked for quiet
        assert probe() is not None
    assert not gc.isenabled()  # the pause gives back what it found
    assert collector.check() > 0
    assert probe() is None
