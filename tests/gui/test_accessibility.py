"""Every control a screen reader or a keyboard user meets has a name: the
tray-less Fokus window and every window and dialog the tray opens are walked,
and each button, field, list and box must answer Qt's accessibility interface
(what AT-SPI passes on) with a name. The windows carry Fokus's application id,
the name of its installed .desktop file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
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
from shiboken6 import getCppPointer

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


def _in_the_tree(window: QWidget) -> set[int]:
    """Ids of the widgets a screen reader meets walking ``window``'s accessible
    tree from the top (what AT-SPI hands out). A table's cell widgets are not in
    it: the table's children are its cells."""
    found: set[int] = set()
    todo = [QAccessible.queryAccessibleInterface(window)]
    while todo:
        iface = todo.pop()
        if iface is None or not iface.isValid():
            continue
        obj = iface.object()
        if obj is not None:
            found.add(getCppPointer(obj)[0])
        todo += [iface.child(i) for i in range(iface.childCount())]
    return found


def nameless(window: QWidget) -> list[str]:
    """The interactive controls in ``window`` that a screen reader cannot name,
    or cannot find at all."""
    found = []
    tree = _in_the_tree(window)
    for widget in [window, *window.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or widget.isHidden():
            continue
        if _part_of_a_control(widget, window):
            continue
        where = f"{type(widget).__name__} {widget.objectName() or ''}".strip() + \
            f" in {type(window).__name__}"
        if getCppPointer(widget)[0] not in tree:
            found.append(f"{where}: out of a screen reader's reach")
            continue
        iface = QAccessible.queryAccessibleInterface(widget)
        if isinstance(widget, QComboBox) and not _labelled(iface):
            # On Linux Qt hands AT-SPI a combo box's current item as its name
            # ("SIASN", "Holiday"), whatever setAccessibleName says: what the
            # box chooses is said only by a label it is the buddy of.
            found.append(f"{where}: no label ({widget.currentText()!r} is read)")
            continue
        name = iface.text(QAccessible.Text.Name).strip() if iface is not None else ""
        if not widget.accessibleName() and name == _value_text(widget) and \
                not _labelled(iface):
            name = ""  # a value read out is not a name: "SIASN" says nothing of what it is
        if not name:
            found.append(where)
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


def test_the_insights_charts_say_their_figures_in_words(controller: FokusController,
                                                        qtbot: QtBot) -> None:
    from app.reports.reflection import Answers, ReflectionService
    from ui.reports.insights import InsightsWindow

    svc = controller.service
    siasn = svc.projects()[0].id or 0
    myasn = svc.add_project("MyASN").id or 0
    monday_9 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 09:00 in Jakarta
    svc.history.add_session(siasn, None, monday_9, monday_9 + timedelta(minutes=90))
    svc.history.add_session(myasn, None, monday_9 + timedelta(hours=2),
                            monday_9 + timedelta(hours=2, minutes=30))
    svc.activity.interrupt(at=monday_9 + timedelta(minutes=40))
    ReflectionService(svc.store, controller.clock).save(
        date(2026, 11, 23), Answers(satisfaction=4, energy=3))
    window = InsightsWindow(controller)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.ready, timeout=30_000)
    names = [c.accessibleName() for c in window.canvases]
    assert names == ["Focus per day, by project", "Switches and interruptions per day",
                     "Satisfaction and energy over the weeks (1–5)",
                     "Focus by hour of day (shaded: no-meeting windows)"]
    focus, switches, wellbeing, by_hour = (c.accessibleDescription() for c in window.canvases)
    assert focus.startswith("Mon 23 Nov: 120 min (SIASN 90, MyASN 30), 60 of them in "
                            "no-meeting windows; Tue 24 Nov: 0 min;")
    assert "Mon 23 Nov: context switches 0, interruptions 1;" in switches
    assert wellbeing.endswith("week 47: no reflection; week 48: satisfaction 4, energy 3.")
    assert by_hour == ("09:00: 60 min; 10:00: 30 min; 11:00: 30 min. "
                       "No-meeting windows: 08:00–10:00, 15:00–17:00.")
    # What a screen reader is handed (AT-SPI reads the same interface).
    iface = QAccessible.queryAccessibleInterface(window.canvases[0])
    assert iface is not None and iface.text(QAccessible.Text.Description) == focus
    # Another week, its own figures.
    window.shift(-1)
    assert window.canvases[0].accessibleDescription() == "No focus sessions this week yet."


def test_every_dialog_a_window_opens_names_every_control(controller: FokusController,
                                                         qtbot: QtBot) -> None:
    """The dialogs behind a window's buttons and the prompts Fokus raises by
    itself: a combo box in any of them is named by its label too."""
    from app.activity.service import ContextCard
    from ui.activity.dialogs import AwayDialog, ContextCardPopup, ResumeNotePrompt
    from ui.activity.history_dialogs import SessionEditDialog
    from ui.projects.dialogs import BatchDialog, ProjectDialog
    from ui.week.window import BlockDialog, ShareBlocksDialog

    svc = controller.service
    projects = svc.projects()
    start = MORNING + timedelta(hours=2)
    dialogs: list[QWidget] = [
        ProjectDialog(None, projects[0]),
        BatchDialog(None, projects, project_id=projects[0].id),
        BlockDialog(None, controller, start, start + timedelta(hours=1), projects[0].id),
        ShareBlocksDialog(None, controller, "2026-W48"),
        ResumeNotePrompt("SIASN", lambda _note, _trigger: None, ask_trigger=True,
                         rate_flow=lambda _flow: None, offer_start="MyASN"),
        SessionEditDialog(svc, start, start + timedelta(hours=1), projects[0].id, None),
        AwayDialog("sleep", 20, "SIASN"),
        ContextCardPopup(ContextCard("SIASN", "stopped at the mapper", MORNING,
                                     "Fix rank promotion bug", None), "09:00"),
    ]
    boxes = 0
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        boxes += len(dialog.findChildren(QComboBox))
        assert nameless(dialog) == []
    assert boxes >= 8  # batch: project, type, urgency; block: project, batch; the switch's cause; …
