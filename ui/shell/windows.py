"""Every window the tray opens, in one place: each kind is made when first
asked for (its module imported then, so the icon never waits for it), kept
referenced while it lives, shown, raised and activated on each request, and
forgotten when Qt destroys it.

Windows (projects, week, today, insights, team) live until the app quits and
are hidden when closed; dialogs (settings, welcome, reflection, export) are
deleted when closed, so the next request makes a fresh one for its argument.

Ask with ``WindowRegistry.open(kind, arg)``; from a widget that only knows the
controller, ``controller.open_window(kind, arg)``."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QWidget

if TYPE_CHECKING:
    from ui.shell.controller import FokusController

log = logging.getLogger(__name__)

Factory = Callable[["FokusController", object], QWidget]


def _projects(controller: FokusController, _arg: object) -> QWidget:
    from ui.projects.window import ProjectsWindow

    return ProjectsWindow(controller)


def _week(controller: FokusController, arg: object) -> QWidget:
    from ui.week.window import WeekWindow

    window = WeekWindow(controller)
    if isinstance(arg, str):
        window.show_week(arg)
    return window


def _today(controller: FokusController, _arg: object) -> QWidget:
    from ui.activity.today import TodayWindow

    return TodayWindow(controller)


def _insights(controller: FokusController, _arg: object) -> QWidget:
    from ui.reports.insights import InsightsWindow

    return InsightsWindow(controller)


def _team(_controller: FokusController, _arg: object) -> QWidget:
    from ui.reports.team import TeamReportWindow

    return TeamReportWindow()


def _settings(controller: FokusController, _arg: object) -> QWidget:
    from ui.settings.window import SettingsDialog

    return SettingsDialog(controller)


def _welcome(controller: FokusController, arg: object) -> QWidget:
    from ui.settings.welcome import FirstRunWizard

    return FirstRunWizard(controller, start_at=arg if isinstance(arg, int) else 0)


def _reflection(controller: FokusController, arg: object) -> QWidget:
    from ui.reports.reflection import ReflectionDialog

    day = arg if isinstance(arg, date) else \
        controller.service.week.local(controller.clock.now()).date()
    return ReflectionDialog(controller, day)


def _export(controller: FokusController, arg: object) -> QWidget:
    from ui.reports.export import ExportDialog

    return ExportDialog(controller, arg if isinstance(arg, str) else None)


@dataclass(frozen=True)
class WindowKind:
    name: str
    build: Factory
    needs_core: bool = True  # opens only once the database is loaded
    dialog: bool = False  # deleted when closed; made afresh for each request


KINDS: dict[str, WindowKind] = {k.name: k for k in (
    WindowKind("projects", _projects, needs_core=False),
    WindowKind("week", _week),
    WindowKind("today", _today),
    WindowKind("insights", _insights),
    WindowKind("team", _team, needs_core=False),
    WindowKind("settings", _settings, dialog=True),
    WindowKind("welcome", _welcome, dialog=True),
    WindowKind("reflection", _reflection, dialog=True),
    WindowKind("export", _export, dialog=True),
)}


class WindowRegistry(QObject):
    created = Signal(str, QObject)  # kind, the new window: for wiring its own signals

    def __init__(self, controller: FokusController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._open: dict[str, QWidget] = {}
        controller.windowRequested.connect(self._requested)
        # A new language (Settings, the welcome guide, fokus config) remakes the
        # windows kept open, so none stays half in the old language. Installing
        # translators sends several LanguageChange events: one remake per burst.
        self._remake = QTimer(self)
        self._remake.setSingleShot(True)
        self._remake.timeout.connect(self.retranslate)
        self._after_modal = False
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if watched is QCoreApplication.instance() and \
                event.type() == QEvent.Type.LanguageChange:
            self._remake.start(0)
        return False

    def retranslate(self) -> None:
        """Make the kept windows again in the language now installed: the ones on
        screen come back where they were; hidden ones are made when next opened.
        Dialogs are left alone (Settings itself may be the one that changed it),
        and while one runs modally (it may belong to a kept window) this waits."""
        from PySide6.QtWidgets import QApplication

        if QApplication.activeModalWidget() is not None:
            self._after_modal = True
            self._remake.start(250)
            return
        if self._after_modal:
            # The dialog is hidden, but its exec() may not have returned yet (a timer
            # due in the same pass of its loop lands here): one more turn first.
            self._after_modal = False
            self._remake.start(50)
            return
        for kind in [k for k in self._open if not KINDS[k].dialog]:
            window = self._open[kind]
            visible, geometry = window.isVisible(), window.geometry()
            self.close(kind)
            if visible:
                again = self.open(kind)
                if again is not None:
                    again.setGeometry(geometry)

    def _requested(self, kind: str, arg: object) -> None:
        self.open(kind, arg)

    def get(self, kind: str) -> QWidget | None:
        """The live window of ``kind``, if one is made."""
        return self._open.get(kind)

    def open(self, kind: str, arg: object = None) -> QWidget | None:
        """Show the window of ``kind``, made now if there is none; None if it
        cannot open yet (the database is still loading)."""
        spec = KINDS[kind]
        window = self._open.get(kind)
        if window is None:
            if spec.needs_core and not self.controller.is_ready:
                log.info("%s asked for before the database is loaded", kind)
                return None
            window = spec.build(self.controller, arg)
            if spec.dialog:
                window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                if isinstance(window, QDialog):
                    window.setModal(False)
                    window.finished.connect(lambda _r, k=kind, w=window: self._forget(k, w))
            window.destroyed.connect(lambda _o=None, k=kind, w=window: self._forget(k, w))
            self._open[kind] = window
            self.created.emit(kind, window)
        if window.isMinimized():
            window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        log.info("%s window shown", kind)
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def reopen(self, kind: str, arg: object = None) -> QWidget | None:
        """Close the window of ``kind`` and make it again (a new language, a new page)."""
        self.close(kind)
        return self.open(kind, arg)

    def close(self, kind: str) -> None:
        window = self._open.pop(kind, None)
        if window is not None:
            window.hide()
            window.deleteLater()

    def close_all(self) -> None:
        for kind in list(self._open):
            self.close(kind)

    def _forget(self, kind: str, window: QWidget) -> None:
        if self._open.get(kind) is window:
            del self._open[kind]
