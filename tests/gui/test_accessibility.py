"""Every control a screen reader or a keyboard user meets has a name: the
tray-less Fokus window and every window and dialog the tray opens are walked,
and each button, field, list and box must answer Qt's accessibility interface
(what AT-SPI passes on) with a name. The windows carry Fokus's application id,
the name of its installed .desktop file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app import APP_ID
from app.clock import FakeClock
from app.platform.paths import Paths
from ui.shell.controller import FokusController

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise.*",
                                       "This plugin does not support grabbing the keyboard")
ROOT = Path(__file__).resolve().parents[2]
MORNING = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QTextEdit,
               QPlainTextEdit, QAbstractItemView, QAbstractSlider, QTabBar)


def _part_of_a_control(widget: QWidget, window: QWidget) -> bool:
    """Qt's own pieces of a bigger control (a combo box's list, a spin box's
    line edit, a scroll bar): the control they belong to carries the name."""
    if widget.objectName().startswith("qt_") or type(widget).__name__ in ("QScrollBar",
                                                                          "QHeaderView"):
        return True
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, (QComboBox, QAbstractSpinBox)) or \
                type(parent).__name__.startswith(("QComboBox", "QCalendar")):
            return True
        parent = parent.parentWidget()
    return False


def _value_text(widget: QWidget) -> str:
    if isinstance(widget, QComboBox):
        return widget.currentText().strip()
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text().strip()
    return ""


def _labelled(iface: object) -> bool:
    """Has a label (a form row's buddy) that a screen reader reads with it."""
    relations = iface.relations(QAccessible.RelationFlag.Label)  # type: ignore[attr-defined]
    return any(other.text(QAccessible.Text.Name).strip() for other, _kind in relations)


def nameless(window: QWidget) -> list[str]:
    """The interactive controls in ``window`` that a screen reader cannot name."""
    found = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or widget.isHidden():
            continue
        if _part_of_a_control(widget, window):
            continue
        iface = QAccessible.queryAccessibleInterface(widget)
        name = iface.text(QAccessible.Text.Name).strip() if iface is not None else ""
        if not widget.accessibleName() and name == _value_text(widget) and \
                not _labelled(iface):
            name = ""  # a value read out is not a name: "SIASN" says nothing of what it is
        if not name:
            found.append(f"{type(widget).__name__} {widget.objectName() or ''}".strip()
                         + f" in {type(window).__name__}")
    return found


@pytest.fixture
def controller(qtbot: QtBot, paths: Paths, clock: FakeClock) -> Iterator[FokusController]:
    clock.current = MORNING
    c = FokusController(paths, clock=clock, owner="a11y", heartbeat_seconds=3600)
    assert c.load()
    svc = c.service
    svc.add_project("SIASN")
    svc.add_batch("SIASN", "Fix rank promotion bug", "debugging", 90, "high", None, "")
    yield c
    c.close()


def test_the_fokus_window_names_every_control(controller: FokusController, qtbot: QtBot) -> None:
    from ui.shell.main_window import MainWindow
    from ui.tray.tray import FokusTray

    window = MainWindow(controller, FokusTray(controller))
    qtbot.addWidget(window)
    window.show()
    assert nameless(window) == []
    controller.start(controller.service.projects()[0].id or 0, minutes=50, confirmed=True)
    assert nameless(window) == []  # the session's controls too
    window.allow_close()


@pytest.mark.parametrize("kind", ["projects", "week", "today", "team", "settings", "welcome",
                                  "reflection", "export"])
def test_every_window_and_dialog_names_every_control(
        controller: FokusController, qtbot: QtBot, kind: str) -> None:
    from ui.shell.windows import KINDS

    window = KINDS[kind].build(controller, None)
    qtbot.addWidget(window)
    window.show()
    assert nameless(window) == []
    # Rows the user adds bring controls of their own.
    adders = [b for b in window.findChildren(QPushButton)
              if b.text() in ("Add rule", "Add a window", "Add exception")]
    for button in adders:
        button.click()
    assert len(adders) == (3 if kind == "settings" else 0)
    assert nameless(window) == []


def test_the_windows_carry_the_application_id_of_the_desktop_file(paths: Paths) -> None:
    from ui.shell.app import FokusApp

    app = FokusApp(paths)
    app._loader.stop()
    try:
        assert QApplication.desktopFileName() == APP_ID
        desktop = ROOT / "packaging" / f"{APP_ID}.desktop"
        entries = dict(line.split("=", 1) for line in desktop.read_text().splitlines()
                       if "=" in line)
        assert entries["Icon"] == APP_ID and entries["Name"] == "Fokus"
    finally:
        app.dispose()
