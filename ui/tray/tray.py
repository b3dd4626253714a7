"""The tray icon and its menu: the main way into Fokus.

The tray runs sessions through the controller's methods and says what else
the user asked for with signals: ``windowRequested(kind)`` (a kind known to
``ui.shell.windows``), ``switchRequested(project_id)`` and ``quitRequested``.
The menu is made each time it opens, in the language installed then, and
again at once when the language changes."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCursor, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app.domain import MAX_MINUTES, MIN_MINUTES, PRESET_MINUTES, SessionState
from ui.messages import tr
from ui.tray.breaks import BreakWatch, break_detail, break_title, goal_lines
from ui.tray.icons import colour_swatch, state_icon, with_trouble_badge

if TYPE_CHECKING:
    from datetime import datetime

    from app.focus.breaks import BreakView
    from app.focus.engine import SessionView
    from ui.shell.controller import FokusController
    from ui.week.window_watch import WindowWatcher



def local_time(view_time: object, offset_min: int) -> str:
    from datetime import datetime

    from app.clock import to_local

    assert isinstance(view_time, datetime)
    from ui.messages import clock_text

    return clock_text(to_local(view_time, offset_min))


def interruption_sources() -> list[tuple[str, str]]:
    return [("colleague", tr("A colleague")), ("chat", tr("Chat")), ("phone", tr("Phone")),
            ("meeting", tr("A meeting")), ("urgent", tr("An urgent request")),
            ("other", tr("Something else"))]


def session_title(view: SessionView) -> str:
    return f"{view.project} — {view.batch}" if view.batch else view.project


def minutes_left(view: SessionView) -> int:
    return max(0, math.ceil(view.remaining_seconds / 60))


def session_icon(view: SessionView | None, rest: BreakView | None = None,
                 now: datetime | None = None) -> QIcon:
    """The icon for a session's state (or the break after it): the tray's, and
    the no-tray window's."""
    if view is None and rest is not None and now is not None:
        return state_icon("break", rest.remaining_seconds(now) / max(1, rest.minutes * 60))
    if view is None:
        return state_icon("idle")
    fraction = view.remaining_seconds / max(1, view.planned_minutes * 60)
    if view.state == SessionState.PAUSED:
        return state_icon("paused", fraction, view.colour)
    return state_icon("focusing", fraction, view.colour, minutes_left(view))


# The menu's entries are made here, from Python, and then added: an object Qt
# makes itself (QMenu.addAction(text), addMenu(title), addSeparator()) leaves
# its Python wrapper behind when Qt deletes it, one per entry per opening.


def add_action(menu: QMenu, text: str, icon: QIcon | None = None) -> QAction:
    action = QAction(text, menu)
    if icon is not None:
        action.setIcon(icon)
    menu.addAction(action)
    return action


def add_menu(menu: QMenu, title: str, icon: QIcon | None = None) -> QMenu:
    sub = QMenu(title, menu)
    if icon is not None:
        sub.setIcon(icon)
    menu.addMenu(sub)
    return sub


def add_separator(menu: QMenu, text: str = "") -> None:
    """A line, or a section heading with ``text``."""
    separator = QAction(text, menu)
    separator.setSeparator(True)
    menu.addAction(separator)


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
        # One connection for every entry, submenus included (their triggered
        # reaches this menu too): the entries carry what they do as data, so a
        # rebuild makes no closures for Qt to keep.
        self.menu.triggered.connect(self._chosen)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        # Before update_state's connection: the break is re-read first.
        self.breaks = BreakWatch(controller, self)
        # More lines of state for the tooltip and the menu (the sync's: ui/sync/watch.py).
        self.status_lines: Callable[[], list[str]] = list
        self.breaks.changed.connect(self.update_state)
        controller.changed.connect(self.update_state)
        controller.writeProblem.connect(self.update_state)
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
        self._show_session()
        self._show_write_problem()

    def _show_write_problem(self) -> None:
        """Over the session's icon and tooltip: Fokus cannot save right now."""
        problem = self.controller.write_problem
        if problem is None:
            return
        self.icon.setIcon(with_trouble_badge(self.icon.icon()))
        self.icon.setToolTip(tr("Fokus cannot save: {problem}\nThe session goes on and is "
                                "saved when writing works again.").format(problem=problem)
                             + "\n" + self.icon.toolTip())

    def _show_session(self) -> None:
        view = self.controller.view
        rest = self.breaks.current if view is None else None
        self.icon.setIcon(session_icon(view, rest, self.controller.clock.now()))
        goals = "\n".join(goal_lines(self.breaks.goals))
        if rest is not None:
            tip = tr("Fokus — {title}\n{detail}").format(title=break_title(rest),
                                                         detail=break_detail(rest))
        elif view is None:
            window = self._watcher.label() if self._watcher else ""
            tip = tr("Fokus — no focus session")
            tip = f"{tip}\n{window}" if window else tip
        elif view.state == SessionState.PAUSED:
            tip = tr("Paused: {title}\n{left} min left").format(
                title=session_title(view), left=minutes_left(view))
        else:
            ends = self.controller.clock.now().timestamp() + view.remaining_seconds
            from datetime import UTC, datetime

            end_text = local_time(datetime.fromtimestamp(ends, UTC), view.utc_offset_min)
            tip = tr("Focusing: {title}\n{left} min left (until {end})").format(
                title=session_title(view), left=minutes_left(view), end=end_text)
        extra = "\n".join(self.status_lines())
        tip = f"{tip}\n{goals}" if goals else tip
        self.icon.setToolTip(f"{tip}\n{extra}" if extra else tip)

    # -- menu ----------------------------------------------------------------------

    def _clear_menu(self) -> None:
        """Empty the menu, its submenus included.

        ``QMenu.clear()`` deletes the actions the menu owns but not the
        submenus (children of the menu, with their own actions
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
            header = add_action(
                menu,
                (tr("Paused: {title} · {left} min left") if view.state == SessionState.PAUSED
                 else tr("Focusing: {title} · {left} min left")).format(
                    title=session_title(view), left=minutes_left(view)))
            header.setEnabled(False)
            add_separator(menu)
        rest = self.breaks.current if ready and view is None else None
        if rest is not None:
            header = add_action(menu, break_title(rest))
            header.setObjectName("breakHeader")
            header.setEnabled(False)
            snooze = add_action(menu, tr("Snooze 5 minutes"))
            snooze.setObjectName("snoozeBreakAction")
            snooze.setData(("break", "snooze"))
            skip = add_action(menu, tr("Skip break"))
            skip.setObjectName("skipBreakAction")
            skip.setData(("break", "skip"))
            add_separator(menu)
        planned = self._watcher.planned_now() if ready and view is None and self._watcher else None
        if planned is not None:
            what = f"{planned.project} — {planned.batch}" if planned.batch else planned.project
            act = self._start_action(menu, tr("Start planned: {what}").format(what=what),
                                     planned.project_id, planned.batch_id)
            act.setIcon(state_icon("focusing", 1.0, self._colour(planned.project_id)))
            font = act.font()
            font.setBold(True)
            act.setFont(font)
        start = add_menu(menu, tr("Start focus"))
        start.setObjectName("startMenu")
        start.setEnabled(ready and view is None)
        if ready and view is None:
            self.fill_start_menu(start)
        switch = add_menu(menu, tr("Switch to"))
        switch.setObjectName("switchMenu")
        switch.setEnabled(ready)
        if ready:
            self.fill_switch_menu(switch)
        interrupt = add_menu(menu, tr("Log interruption"))
        interrupt.setEnabled(ready)
        for source, text in interruption_sources():
            act = add_action(interrupt, text)
            act.setData(("interrupt", source))
        if view is not None and view.state == SessionState.PAUSED:
            act = add_action(menu, tr("Resume"))
            act.triggered.connect(self.controller.resume)
        else:
            act = add_action(menu, tr("Pause"))
            act.setEnabled(view is not None)
            act.triggered.connect(self.controller.pause)
        stop = add_action(menu, tr("Stop"))
        stop.setEnabled(view is not None)
        stop.triggered.connect(self.controller.stop)
        add_separator(menu)
        for line in goal_lines(self.breaks.goals) if ready else []:
            goal = add_action(menu, line)
            goal.setObjectName("goalLine")
            goal.setEnabled(False)
        for line in self.status_lines() if ready else []:
            status = add_action(menu, line)
            status.setObjectName("statusLine")
            status.setEnabled(False)
        self.fill_length_menu(add_menu(menu, tr("Focus length")), ready)
        for kind, text in self.window_entries():
            act = add_action(menu, text)
            act.setObjectName(f"{kind}Action")
            act.setEnabled(ready or kind == "projects")
            act.setData(("window", kind))
        add_separator(menu)
        quit_action = add_action(menu, tr("Quit Fokus"))
        quit_action.triggered.connect(self.quitRequested)

    def _chosen(self, action: QAction) -> None:
        """Do what a menu entry made by ``rebuild_menu`` says in its data."""
        choice = action.data()
        if not isinstance(choice, tuple) or not choice:
            return  # an entry with a connection of its own (Pause, Quit, …)
        what, *args = choice
        if what == "start":
            self.controller.start(args[0], args[1])
        elif what == "switch":
            self.switchRequested.emit(args[0])
        elif what == "interrupt":
            self.controller.interrupt(args[0])
        elif what == "window":
            self.windowRequested.emit(args[0])
        elif what == "minutes":
            self.controller.set_focus_minutes(args[0])
        elif what == "break":
            if args[0] == "snooze":
                self.breaks.snooze()
            else:
                self.breaks.skip()

    @staticmethod
    def window_entries() -> list[tuple[str, str]]:
        """The windows the menu opens, in its order, with their entries' text."""
        return [("projects", tr("Projects && batches…")), ("today", tr("Today…")),
                ("reflection", tr("Reflect on today…")), ("insights", tr("Insights…")),
                ("export", tr("Export weekly report…")), ("team", tr("Team report…")),
                ("week", tr("Week…")), ("settings", tr("Settings…"))]

    def _start_action(self, menu: QMenu, text: str, project_id: int,
                      batch_id: int | None) -> QAction:
        action = add_action(menu, text)
        action.setData(("start", project_id, batch_id))
        return action

    def fill_start_menu(self, menu: QMenu) -> None:
        svc = self.controller.service
        planned = svc.planned_choices()
        if planned:
            first = planned[0]
            span = f"{local_time(first.start_at, first.utc_offset_min)}–" \
                   f"{local_time(first.end_at, first.utc_offset_min)}"
            label = tr("Planned now ({span})") if first.is_current else tr("Next up ({span})")
            add_separator(menu, label.format(span=span))
            for choice in planned:
                text = f"{choice.project} — {choice.batch}" if choice.batch else choice.project
                act = self._start_action(menu, text, choice.project_id, choice.batch_id)
                act.setIcon(colour_swatch(self._colour(choice.project_id)))
            add_separator(menu, tr("Projects"))
        projects = svc.projects()
        if not projects:
            hint = add_action(menu, tr("Add a project first…"))
            hint.setData(("window", "projects"))
            return
        batches = svc.batches()
        for project in projects:
            assert project.id is not None
            own = [b for b in batches if b.project_id == project.id]
            sub = add_menu(menu, project.name, colour_swatch(project.colour))
            for batch in own:
                self._start_action(sub, batch.title, project.id, batch.id)
            if own:
                add_separator(sub)
            self._start_action(sub, tr("{project} (no batch)").format(project=project.name),
                               project.id, None)

    def fill_switch_menu(self, menu: QMenu) -> None:
        current = self.controller.service.activity.current_project_id()
        for project in self.controller.service.projects():
            assert project.id is not None
            act = add_action(menu, project.name, colour_swatch(project.colour))
            if project.id == current:
                act.setEnabled(False)
                act.setText(tr("{project} (now)").format(project=project.name))
                continue
            act.setData(("switch", project.id))

    def serve(self, menu: QMenu) -> None:
        """Make the entries of a menu filled by this tray (the no-tray window's
        buttons) do what they say, as the tray's own menu does."""
        menu.triggered.connect(self._chosen)

    def switch_menu(self) -> QMenu:
        """A menu of projects to switch to, for the switch hotkey."""
        menu = QMenu()
        menu.setTitle(tr("Switch to"))
        menu.triggered.connect(self._chosen)
        if self.controller.is_ready:
            self.fill_switch_menu(menu)
        return menu

    def _colour(self, project_id: int) -> str:
        for p in self.controller.service.projects(include_archived=True):
            if p.id == project_id:
                return p.colour
        return "#888888"

    def fill_length_menu(self, menu: QMenu, ready: bool) -> None:
        current = self.controller.focus_minutes() if ready else 90
        group = QActionGroup(menu)
        for minutes in PRESET_MINUTES:
            act = add_action(menu, tr("{n} minutes").format(n=minutes))
            act.setCheckable(True)
            act.setChecked(minutes == current)
            act.setActionGroup(group)
            act.setData(("minutes", minutes))
        custom = add_action(
            menu,
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
