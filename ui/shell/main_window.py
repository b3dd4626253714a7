"""The Fokus window for desktops without a system tray: the session's state and
minutes left, and everything the tray menu offers (start on a project or a
batch, pause, resume, stop, switch, log an interruption, every window, quit).

The menus are the tray's own (``FokusTray`` fills them), so the two can never
offer different things. Closing the window minimises it: a running session is
never lost to a click on the close button; Quit asks first when one runs."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import SessionState
from ui.shell.controller import FokusController
from ui.tray.breaks import break_detail, break_title, goal_lines
from ui.tray.tray import (
    FokusTray,
    interruption_sources,
    minutes_left,
    session_icon,
    session_title,
)

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    windowRequested = Signal(str)
    switchRequested = Signal(int)
    quitRequested = Signal()

    def __init__(self, controller: FokusController, tray: FokusTray,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.tray = tray
        self.setObjectName("fokusMainWindow")
        self._quitting = False
        central = QWidget()
        layout = QVBoxLayout(central)

        status = QHBoxLayout()
        self.state_icon = QLabel()
        self.state_icon.setFixedSize(48, 48)
        status.addWidget(self.state_icon)
        self.state = QLabel()
        self.state.setObjectName("sessionState")
        font = self.state.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.state.setFont(font)
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        status.addWidget(self.state, 1)
        layout.addLayout(status)

        # The break after a session, as the tray shows it: snooze or skip, never a dialog.
        rest_row = QHBoxLayout()
        self.break_detail = QLabel()
        self.break_detail.setObjectName("breakDetail")
        rest_row.addWidget(self.break_detail, 1)
        self.snooze_button = QPushButton()
        self.snooze_button.setObjectName("snoozeBreakButton")
        self.snooze_button.clicked.connect(tray.breaks.snooze)
        self.skip_button = QPushButton()
        self.skip_button.setObjectName("skipBreakButton")
        self.skip_button.clicked.connect(tray.breaks.skip)
        rest_row.addWidget(self.snooze_button)
        rest_row.addWidget(self.skip_button)
        layout.addLayout(rest_row)
        self.goals = QLabel()
        self.goals.setObjectName("goalProgress")
        layout.addWidget(self.goals)

        session = QHBoxLayout()
        self.start_button = self._menu_button("startButton", self._fill_start)
        self.switch_button = self._menu_button("switchButton", self._fill_switch)
        self.interrupt_button = self._menu_button("interruptButton", self._fill_interrupt)
        self.length_button = self._menu_button("lengthButton", self._fill_length)
        self.pause_button = QPushButton()
        self.pause_button.setObjectName("pauseButton")
        self.pause_button.clicked.connect(self.controller.pause_or_resume)
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("stopButton")
        self.stop_button.clicked.connect(controller.stop)
        for button in (self.start_button, self.pause_button, self.stop_button,
                       self.switch_button, self.interrupt_button, self.length_button):
            session.addWidget(button)
        layout.addLayout(session)

        self.window_buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for i, (kind, _text) in enumerate(FokusTray.window_entries()):
            button = QPushButton()
            button.setObjectName(f"{kind}Button")
            button.clicked.connect(lambda _=False, k=kind: self.windowRequested.emit(k))
            self.window_buttons[kind] = button
            grid.addWidget(button, i // 4, i % 4)
        layout.addLayout(grid)

        bottom = QHBoxLayout()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        bottom.addWidget(self.note, 1)
        self.quit_button = QPushButton()
        self.quit_button.setObjectName("quitButton")
        self.quit_button.clicked.connect(self.ask_quit)
        bottom.addWidget(self.quit_button)
        layout.addLayout(bottom)
        self.setCentralWidget(central)

        controller.changed.connect(self.update_state)
        controller.ready.connect(self.update_state)
        tray.breaks.changed.connect(self.update_state)
        self.retranslate()

    # -- building ------------------------------------------------------------------

    def _menu_button(self, name: str, fill: object) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        menu = QMenu(button)
        menu.aboutToShow.connect(lambda m=menu, f=fill: self._refill(m, f))
        self.tray.serve(menu)
        button.setMenu(menu)
        return button

    @staticmethod
    def _refill(menu: QMenu, fill: object) -> None:
        for child in menu.findChildren(QMenu):
            child.deleteLater()  # submenus of the last opening (clear() keeps them)
        menu.clear()
        if callable(fill):
            fill(menu)

    def _fill_start(self, menu: QMenu) -> None:
        if self.controller.is_ready and self.controller.view is None:
            self.tray.fill_start_menu(menu)

    def _fill_switch(self, menu: QMenu) -> None:
        if self.controller.is_ready:
            self.tray.fill_switch_menu(menu)

    def _fill_length(self, menu: QMenu) -> None:
        self.tray.fill_length_menu(menu, self.controller.is_ready)

    def _fill_interrupt(self, menu: QMenu) -> None:
        for source, text in interruption_sources():
            menu.addAction(text).setData(("interrupt", source))  # the tray does it

    # -- state ---------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Fokus"))
        self.start_button.setText(self.tr("Start focus"))
        self.switch_button.setText(self.tr("Switch to"))
        self.interrupt_button.setText(self.tr("Log interruption"))
        self.length_button.setText(self.tr("Focus length"))
        self.stop_button.setText(self.tr("Stop"))
        self.snooze_button.setText(self.tr("Snooze 5 minutes"))
        self.skip_button.setText(self.tr("Skip break"))
        self.quit_button.setText(self.tr("Quit Fokus"))
        for kind, text in FokusTray.window_entries():
            self.window_buttons[kind].setText(text)
        self.note.setText(self.tr(
            "No system tray was found, so Fokus runs in this window; closing it only "
            "minimises it. If your desktop has a tray extension, enable it and the Fokus "
            "icon will appear there."))
        self.update_state()

    def update_state(self) -> None:
        ready = self.controller.is_ready
        view = self.controller.view if ready else None
        rest = self.tray.breaks.current if ready and view is None else None
        self.state_icon.setPixmap(
            session_icon(view, rest, self.controller.clock.now()).pixmap(48, 48))
        for widget in (self.break_detail, self.snooze_button, self.skip_button):
            widget.setVisible(rest is not None)
        self.break_detail.setText(break_detail(rest) if rest is not None else "")
        lines = goal_lines(self.tray.breaks.goals) if ready else []
        self.goals.setText(" · ".join(lines))
        self.goals.setVisible(bool(lines))
        if not ready:
            self.state.setText(self.tr("Loading…"))
        elif rest is not None:
            self.state.setText(break_title(rest))
        elif view is None:
            self.state.setText(self.tr("No focus session"))
        elif view.state == SessionState.PAUSED:
            self.state.setText(self.tr("Paused: {title} · {left} min left").format(
                title=session_title(view), left=minutes_left(view)))
        else:
            self.state.setText(self.tr("Focusing: {title} · {left} min left").format(
                title=session_title(view), left=minutes_left(view)))
        paused = view is not None and view.state == SessionState.PAUSED
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.pause_button.setEnabled(view is not None)
        self.stop_button.setEnabled(view is not None)
        self.start_button.setEnabled(ready and view is None)
        self.switch_button.setEnabled(ready)
        self.interrupt_button.setEnabled(ready)
        for kind, button in self.window_buttons.items():
            button.setEnabled(ready or kind == "projects")
        self.setWindowTitle(self.state.text() if view is not None or rest is not None
                            else self.tr("Fokus"))

    # -- closing -------------------------------------------------------------------

    def allow_close(self) -> None:
        """Fokus is quitting (Quit, logout, SIGTERM): let the window go."""
        self._quitting = True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt naming
        """Minimise instead: without a tray this window is the only way back."""
        if self._quitting:
            event.accept()
            return
        event.ignore()
        log.info("the Fokus window was minimised instead of closed")
        self.showMinimized()

    def ask_quit(self) -> None:
        if self.controller.is_ready and self.controller.view is not None:
            answer = QMessageBox.question(
                self, self.tr("Quit Fokus?"),
                self.tr("A focus session on {title} is running. Quitting stops it and keeps "
                        "the time focused so far.").format(
                    title=session_title(self.controller.view)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.allow_close()
        self.quitRequested.emit()
