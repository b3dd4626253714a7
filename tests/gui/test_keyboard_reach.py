"""Every window the tray opens is usable with the keyboard alone: Tab, from
the first control that takes focus, reaches every enabled, visible control a
mouse could use, and comes back round to where it started."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from app.clock import FakeClock
from app.platform.paths import Paths
from tests.gui.test_accessibility import INTERACTIVE, MORNING, _part_of_a_control
from ui.shell.controller import FokusController

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise.*",
                                       "This plugin does not support grabbing the keyboard")


@pytest.fixture
def controller(qtbot: QtBot, paths: Paths, clock: FakeClock) -> Iterator[FokusController]:
    clock.current = MORNING
    c = FokusController(paths, clock=clock, owner="keys", heartbeat_seconds=3600)
    assert c.load()
    c.service.add_project("SIASN")
    c.service.add_batch("SIASN", "Fix rank promotion bug", "debugging", 90, "high", None, "")
    yield c
    c.close()


def _controls(window: QWidget) -> list[QWidget]:
    """What a mouse user can operate: enabled, visible, interactive controls
    (not Qt's inner pieces of a bigger control)."""
    return [w for w in window.findChildren(QWidget)
            if isinstance(w, INTERACTIVE) and w.isVisibleTo(window) and w.isEnabled()
            and not _part_of_a_control(w, window)]


def _owner(widget: QWidget, controls: list[QWidget]) -> QWidget:
    """The control that holds focus through ``widget`` (a spin box through its line edit)."""
    w: QWidget | None = widget
    while w is not None:
        if w in controls:
            return w
        w = w.parentWidget()
    return widget


def _text(widget: QWidget) -> str:
    return str(widget.text()) if isinstance(widget, QAbstractButton) else ""


def _group_reached(widget: QWidget, reached: set[QWidget]) -> bool:
    """Tab enters a group of exclusive radio buttons once, at its checked
    one; the arrow keys move within it (as in every desktop's dialogs)."""
    if not isinstance(widget, QRadioButton):
        return False
    group = widget.group()
    members = group.buttons() if group is not None else \
        [w for w in (widget.parentWidget() or widget).findChildren(QRadioButton)
         if w.parentWidget() is widget.parentWidget() and w.autoExclusive()]
    return any(m in reached for m in members)


def tab_walk(window: QWidget, qtbot: QtBot) -> tuple[list[QWidget], bool]:
    """The controls Tab visits from the first focusable one, and whether it came back."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    if QApplication.focusWidget() is None:
        window.focusNextChild()
    start = QApplication.focusWidget()
    assert start is not None, f"nothing in {type(window).__name__} takes focus"
    seen = [start]
    stayed = 0
    for _ in range(400):
        current = QApplication.focusWidget()
        assert current is not None
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is start:
            return seen, True
        if now is current:  # a date edit's Tab steps through its sections, then leaves
            stayed += 1
            if stayed > 5:
                return seen, False  # a trap: Tab never leaves this control
            continue
        stayed = 0
        if now is None or now in seen:
            return seen, False
        seen.append(now)
    return seen, False


@pytest.mark.parametrize("kind", ["projects", "week", "today", "insights", "team", "settings",
                                  "welcome", "reflection", "export"])
def test_tab_reaches_every_control_and_comes_back(controller: FokusController, qtbot: QtBot,
                                                  kind: str) -> None:
    from ui.shell.windows import KINDS

    window = KINDS[kind].build(controller, None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    if hasattr(window, "ready"):  # Insights reads its figures in a worker: let it finish
        qtbot.waitUntil(lambda: bool(window.ready), timeout=30_000)
    walk_reaches_everything(window, qtbot, kind)


def walk_reaches_everything(window: QWidget, qtbot: QtBot, where: str) -> int:
    """Walks ``window`` as it is shown now; fails naming what Tab misses."""
    controls = _controls(window)
    assert controls, where
    seen, cycled = tab_walk(window, qtbot)
    reached = {_owner(w, controls) for w in seen}
    missed = [f"{type(w).__name__} {w.objectName() or w.accessibleName() or _text(w)}".strip()
              for w in controls if w not in reached and not _group_reached(w, reached)]
    assert missed == [], f"{where}: only a mouse reaches {missed}"
    assert cycled, f"{where}: Tab did not come back to where it started"
    return len(controls)


def test_tab_reaches_every_page_of_settings_with_rows_added(controller: FokusController,
                                                            qtbot: QtBot) -> None:
    """Each page of Settings in turn, after the rows a user adds: an exception
    for a date, two switch rules, another no-meeting window."""
    from PySide6.QtWidgets import QPushButton

    from ui.shell.windows import KINDS

    window = KINDS["settings"].build(controller, None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    buttons = {b.text(): b for b in window.findChildren(QPushButton)}
    for adder in ("Add exception", "Add rule", "Add rule", "Add a window"):
        buttons[adder].click()
    tabs = window.tabs  # type: ignore[attr-defined]
    assert tabs.count() >= 7
    walked = {}
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        walked[tabs.tabText(index)] = walk_reaches_everything(
            window, qtbot, f"settings, page {tabs.tabText(index)!r}")
    # The pages' own controls are many more than the tab bar and Save/Cancel.
    assert walked["Task allocation"] >= 2 * 13 + 1, walked
    assert walked["Activity && privacy"] > walked["Calendar"] + 2 * 4, walked


def test_tab_reaches_every_page_of_the_welcome_guide(controller: FokusController,
                                                     qtbot: QtBot) -> None:
    from ui.shell.windows import KINDS

    wizard = KINDS["welcome"].build(controller, None)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    pages = 0
    while True:
        walk_reaches_everything(wizard, qtbot, f"welcome, page {wizard.currentId()}")
        pages += 1
        if wizard.nextId() == -1:  # type: ignore[attr-defined]
            break
        wizard.next()  # type: ignore[attr-defined]
    assert pages == 6


def test_tab_reaches_the_rows_a_window_gains(controller: FokusController, qtbot: QtBot) -> None:
    """Projects & batches while a session runs on the batch, and Week with a
    block planned in it: what appears later is reached as well as the first state."""
    from datetime import timedelta

    from ui.shell.windows import KINDS

    svc = controller.service
    siasn = svc.projects()[0].id or 0
    start = MORNING + timedelta(hours=1)
    svc.week.add_block(siasn, None, start, start + timedelta(hours=2))
    svc.add_batch("SIASN", "Write the mapper tests", "coding", 60, "normal", None, "")
    controller.start(siasn, minutes=50, confirmed=True)
    for kind in ("projects", "week", "today"):
        window = KINDS[kind].build(controller, None)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        walk_reaches_everything(window, qtbot, f"{kind} with a session and rows")
        window.close()
