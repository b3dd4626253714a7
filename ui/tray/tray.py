"""The tray icon and its menu: the main way into Fokus.

The tray runs sessions through the controller's methods and says what else
the user asked for with signals: ``windowRequested(kind)`` (a kind known to
``ui.shell.windows``), ``switchRequested(project_id)`` and ``quitRequested``.
The menu is made each time it opens, in the language installed then, and
again at once when the language changes."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCursor
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app.domain import MAX_MINUTES, MIN_MINUTES, PRESET_MINUTES, SessionState
from ui.messages import tr
from ui.tray.icons import colour_swatch, state_icon

if TYPE_CHECKING:
    from app.focus.engine import SessionView
    from ui.shell.controller import FokusController
    from ui.week.window_watch import WindowWatcher



def local_time(view_time: object, offset_min: int) -> str:
    from datetime import datetime

    from app.clock import to_local

    assert isinstance(view_time, datetime)
    return to_local(view_time, offset_min).strftime("%H:%M")


def interruption_sources() -> list[tuple[str, str]]:
    return [("colleague", tr("A colleague")), ("chat", tr("Chat")), ("phone", tr("Phone")),
            ("meeting", tr("A meeting")), ("urgent", tr("An urgent request")),
            ("other", tr("Something else"))]


def session_title(view: SessionView) -> str:
    return f"{view.project} — {view.batch}" if view.batch else view.project


def minutes_left(view: SessionView) -> int:
    return max(0, math.ceil(view.remaining_seconds / 60))


class FokusTray(QObject):
    windowRequested = Signal(str)  # a window kind: "projects", "today", "week", …
    switchRequested = Signal(int)  # a project id
    quitRequested = Signal()

    def __init__(
        self,
        controller: FokusController,
        parent: QObject | None = None,
        icon: QSystemTrayIcon | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._watcher: WindowWatcher | None = None
        # The icon may already be up: the app shows it before loading the rest.
        self.icon = icon or QSystemTrayIcon(state_icon("idle"))
        self.icon.setParent(self)
        self.icon.setToolTip(tr("Fokus — loading…"))
        self.menu = QMenu()
        self.menu.aboutToShow.connect(self.rebuild_menu)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        controller.changed.connect(self.update_state)
        controller.ready.connect(self.rebuild_menu)
        # A new translator (the welcome guide, Settings) speaks in the menu at once.
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        # The menu's entries are made when it opens; until the core is loaded
        # it holds only what works without it.
        self.rebuild_menu()

    def attach_watcher(self, watcher: WindowWatcher) -> None:
        """The calendar's windows: the tooltip and "Start planned" use them."""
        self._watcher = watcher

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if watched is QCoreApplication.instance() and \
                event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.rebuild_menu()
        if self.controller.is_ready:
            self.update_state()
        else:
            self.icon.setToolTip(tr("Fokus — loading…"))

    def show(self) -> None:
        self.icon.show()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            # aboutToShow rebuilds it: once per opening, not twice.
            self.menu.popup(QCursor.pos())

    # -- state -------------------------------------------------------------------

    def update_state(self) -> None:
        view = self.controller.view
        if view is None:
            self.icon.setIcon(state_icon("idle"))
            window = self._watcher.label() if self._watcher else ""
            tip = tr("Fokus — no focus session")
            self.icon.setToolTip(f"{tip}\n{window}" if window else tip)
            return
        fraction = view.remaining_seconds / max(1, view.planned_minutes * 60)
        left = minutes_left(view)
        if view.state == SessionState.PAUSED:
            self.icon.setIcon(state_icon("paused", fraction, view.colour))
            self.icon.setToolTip(tr("Paused: {title}\n{left} min left").format(
                title=session_title(view), left=left))
        else:
            self.icon.setIcon(state_icon("focusing", fraction, view.colour, left))
            ends = self.controller.clock.now().timestamp() + view.remaining_seconds
            from datetime import UTC, datetime

            end_text = local_time(datetime.fromtimestamp(ends, UTC), view.utc_offset_min)
            self.icon.setToolTip(tr("Focusing: {title}\n{left} min left (until {end})").format(
                title=session_title(view), left=left, end=end_text))

    # -- menu ----------------------------------------------------------------------

    def _clear_menu(self) -> None:
        """Empty the menu, its submenus included.

        ``QMenu.clear()`` deletes the actions the menu owns but not the
        submenus ``addMenu`` made (children of the menu, with their own actions
        and groups): without this every opening would leave them behind."""
        submenus = self.menu.findChildren(QMenu, options=Qt.FindChildOption.FindDirectChildrenOnly)
        self.menu.clear()
        for sub in submenus:
            sub.deleteLater()

    def rebuild_menu(self) -> None:
        menu = self.menu
        self._clear_menu()
        ready = self.controller.is_ready
        view = self.controller.view if ready else None
        if view is not None:
            header = menu.addAction(
                (tr("Paused: {title} · {left} min left") if view.state == SessionState.PAUSED
                 else tr("Focusing: {title} · {left} min left")).format(
                    title=session_title(view), left=minutes_left(view)))
            header.setEnabled(False)
            menu.addSeparator()
        planned = self._watcher.planned_now() if ready and view is None and self._watcher else None
        if planned is not None:
            what = f"{planned.project} — {planned.batch}" if planned.batch else planned.project
            act = self._start_action(menu, tr("Start planned: {what}").format(what=what),
                                     planned.project_id, planned.batch_id)
            act.setIcon(state_icon("focusing", 1.0, self._colour(planned.project_id)))
            font = act.font()
            font.setBold(True)
            act.setFont(font)
        start = menu.addMenu(tr("Start focus"))
        start.setObjectName("startMenu")
        start.setEnabled(ready and view is None)
        if ready and view is None:
            self._fill_start_menu(start)
        switch = menu.addMenu(tr("Switch to"))
        switch.setObjectName("switchMenu")
        switch.setEnabled(ready)
        if ready:
            self._fill_switch_menu(switch)
        interrupt = menu.addMenu(tr("Log interruption"))
        interrupt.setEnabled(ready)
        for source, text in interruption_sources():
            act = interrupt.addAction(text)
            act.triggered.connect(lambda _=False, s=source: self.controller.interrupt(s))
        if view is not None and view.state == SessionState.PAUSED:
            act = menu.addAction(tr("Resume"))
            act.triggered.connect(self.controller.resume)
        else:
            act = menu.addAction(tr("Pause"))
            act.setEnabled(view is not None)
            act.triggered.connect(self.controller.pause)
        stop = menu.addAction(tr("Stop"))
        stop.setEnabled(view is not None)
        stop.triggered.connect(self.controller.stop)
        menu.addSeparator()
        self._fill_length_menu(menu.addMenu(tr("Focus length")), ready)
        for kind, text in self.window_entries():
            act = menu.addAction(text)
            act.setObjectName(f"{kind}Action")
            act.setEnabled(ready or kind == "projects")
            act.triggered.connect(lambda _=False, k=kind: self.windowRequested.emit(k))
        menu.addSeparator()
        quit_action = menu.addAction(tr("Quit Fokus"))
        quit_action.triggered.connect(self.quitRequested)

    @staticmethod
    def window_entries() -> list[tuple[str, str]]:
        """The windows the menu opens, in its order, with their entries' text."""
        return [("projects", tr("Projects && batches…")), ("today", tr("Today…")),
                ("reflection", tr("Reflect on today…")), ("insights", tr("Insights…")),
                ("export", tr("Export weekly report…")), ("team", tr("Team report…")),
                ("week", tr("Week…")), ("settings", tr("Settings…"))]

    def _start_action(self, menu: QMenu, text: str, project_id: int,
                      batch_id: int | None) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(
            lambda _=False, p=project_id, b=batch_id: self.controller.start(p, b))
        return action

    def _fill_start_menu(self, menu: QMenu) -> None:
        svc = self.controller.service
        planned = svc.planned_choices()
        if planned:
            first = planned[0]
            span = f"{local_time(first.start_at, first.utc_offset_min)}–" \
                   f"{local_time(first.end_at, first.utc_offset_min)}"
            label = tr("Planned now ({span})") if first.is_current else tr("Next up ({span})")
            menu.addSection(label.format(span=span))
            for choice in planned:
                text = f"{choice.project} — {choice.batch}" if choice.batch else choice.project
                act = self._start_action(menu, text, choice.project_id, choice.batch_id)
                act.setIcon(colour_swatch(self._colour(choice.project_id)))
            menu.addSection(tr("Projects"))
        projects = svc.projects()
        if not projects:
            hint = menu.addAction(tr("Add a project first…"))
            hint.triggered.connect(lambda: self.windowRequested.emit("projects"))
            return
        batches = svc.batches()
        for project in projects:
            assert project.id is not None
            own = [b for b in batches if b.project_id == project.id]
            sub = menu.addMenu(colour_swatch(project.colour), project.name)
            for batch in own:
                self._start_action(sub, batch.title, project.id, batch.id)
            if own:
                sub.addSeparator()
            self._start_action(sub, tr("{project} (no batch)").format(project=project.name),
                               project.id, None)

    def _fill_switch_menu(self, menu: QMenu) -> None:
        current = self.controller.service.activity.current_project_id()
        for project in self.controller.service.projects():
            assert project.id is not None
            act = menu.addAction(colour_swatch(project.colour), project.name)
            if project.id == current:
                act.setEnabled(False)
                act.setText(tr("{project} (now)").format(project=project.name))
                continue
            act.triggered.connect(lambda _=False, p=project.id: self.switchRequested.emit(p))

    def switch_menu(self) -> QMenu:
        """A menu of projects to switch to, for the switch hotkey."""
        menu = QMenu()
        menu.setTitle(tr("Switch to"))
        if self.controller.is_ready:
            self._fill_switch_menu(menu)
        return menu

    def _colour(self, project_id: int) -> str:
        for p in self.controller.service.projects(include_archived=True):
            if p.id == project_id:
                return p.colour
        return "#888888"

    def _fill_length_menu(self, menu: QMenu, ready: bool) -> None:
        current = self.controller.focus_minutes() if ready else 90
        group = QActionGroup(menu)
        for minutes in PRESET_MINUTES:
            act = menu.addAction(tr("{n} minutes").format(n=minutes))
            act.setCheckable(True)
            act.setChecked(minutes == current)
            act.setActionGroup(group)
            act.triggered.connect(lambda _=False, m=minutes: self.controller.set_focus_minutes(m))
        custom = menu.addAction(
            tr("Custom: {n} minutes…").format(n=current) if current not in PRESET_MINUTES
            else tr("Custom…"))
        custom.setCheckable(True)
        custom.setChecked(current not in PRESET_MINUTES)
        custom.setActionGroup(group)
        custom.triggered.connect(self._ask_custom_length)
        menu.setEnabled(ready)

    def _ask_custom_length(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        minutes, ok = QInputDialog.getInt(
            None, tr("Focus length"), tr("Minutes per focus session:"),
            self.controller.focus_minutes(), MIN_MINUTES, MAX_MINUTES, 5,
            Qt.WindowType.Dialog)
        if ok:
            self.controller.set_focus_minutes(minutes)
