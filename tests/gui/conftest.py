"""The gui layer collects Python's cycles on the GUI thread, as the app does
(ui/platform/collector.py): a worker thread left over from one test (the chart
renderer lives for the whole process) must not free another test's Qt objects."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from ui.platform.collector import collect_on_gui_thread


@pytest.fixture(autouse=True, scope="session")
def _collect_on_gui_thread(qapp: QApplication) -> None:
    collect_on_gui_thread(qapp)
