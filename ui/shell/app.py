"""The running tray application: wires the controller, the tray, the windows,
the pop-ups, notifications and the instance socket together.

Parts talk through signals: the tray asks for windows, switches and quitting;
the registry (``ui.shell.windows``) makes and keeps the windows; the prompt
coordinator (``ui.shell.prompts``) owns every pop-up Fokus opens by itself."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QCursor, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon

from app import APP_ID, __version__
from app.errors import FokusError
from app.platform.paths import Paths
from ui.i18n import install_translators, start_language
from ui.messages import tr
from ui.shell.controller import FokusController
from ui.shell.prompts import PromptCoordinator
from ui.shell.windows import WindowRegistry
from ui.tray.breaks import break_detail, break_title
from ui.tray.tray import FokusTray, local_time, session_title

if TYPE_CHECKING:
    from app.focus.breaks import BreakView
    from app.focus.engine import Recovered, SessionView
    from app.platform.dnd import DoNotDisturb
    from app.service import FokusService, PlannedChoice
    from ui.activity.git_watch import GitWatch
    from ui.activity.monitor import ActivityMonitor
    from ui.platform.notify import Notifier
    from ui.reports.reminders import Reminders
    from ui.shell.ipc import InstanceServer, Pending
    from ui.shell.main_window import MainWindow
    from ui.sync.watch import SyncWatch
    from ui.week.window_watch import WindowWatcher

log = logging.getLogger(__name__)


def tray_wait_seconds() -> float:
    """How long to wait for a tray host before showing the Fokus window: at
    login the host may come up after us, but nobody should wait long for a
    way into the app. If a tray appears later, the window steps aside."""
    try:
        return float(os.environ.get("FOKUS_TRAY_WAIT", "4"))
    except ValueError:
        return 4.0


# How long the tray is ready and left alone before matplotlib is made ready.
CHARTS_AFTER_IDLE_MS = 3000


def _application() -> QApplication:
    from ui.platform.collector import collect_on_gui_thread
    from ui.platform.imports import lighten_feature_check

    lighten_feature_check()

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    collect_on_gui_thread(app)
    return app


class FokusApp:
    def __init__(self, paths: Paths, icon: QSystemTrayIcon | None = None,
                 language: str | None = None) -> None:
        self.paths = paths
        self.qapp = _application()
        self.qapp.setApplicationName("Fokus")
        self.qapp.setApplicationVersion(__version__)
        self.qapp.setOrganizationName("Fokus")
        self.qapp.setDesktopFileName(APP_ID)
        self.qapp.setQuitOnLastWindowClosed(False)
        # Before the first text is made (the tray's tooltip and menu): the
        # stored language, read without loading the core.
        self.language = language or install_translators(
            self.qapp, start_language(paths.database))
        self.controller = FokusController(paths)
        self.windows = WindowRegistry(self.controller)
        self.prompts = PromptCoordinator(self.controller, self.windows)
        self.server: InstanceServer | None = None
        self.watcher: WindowWatcher | None = None
        self.activity: ActivityMonitor | None = None
        self.git: GitWatch | None = None
        self.reminders: Reminders | None = None
        self.sync: SyncWatch | None = None
        self._notifier: Notifier | None = None
        self._quitting = False
        self._waited = 0.0
        self.main_window: MainWindow | None = None
        self._chosen_language = ""
        self._calendar: object = None
        self.tray = FokusTray(self.controller, icon=icon)
        self.tray.windowRequested.connect(self.open)
        self.tray.switchRequested.connect(self.switch_to)
        self.tray.quitRequested.connect(self.ask_quit)
        self.tray.breaks.started.connect(self._break_started)
        self.tray.breaks.over.connect(self._break_over)
        # Insights' charts wait on matplotlib: it is made ready in the background,
        # and this week's charts drawn there, once the tray has been ready and
        # left alone for a while (again after each change), or at once when the
        # menu opens (someone may be on the way to Insights). Never on the way to
        # the icon or to ready.
        self.tray.menu.aboutToShow.connect(self._charts_ahead)
        self._charts_idle = QTimer(self.controller)
        self._charts_idle.setSingleShot(True)
        self._charts_idle.setInterval(CHARTS_AFTER_IDLE_MS)
        self._charts_idle.timeout.connect(self._charts_ahead)
        self.controller.ready.connect(self._charts_idle.start)
        self.windows.created.connect(self._window_created)
        self.prompts.notice.connect(self.notify)
        self.tray_mode = QSystemTrayIcon.isSystemTrayAvailable()
        self._tray_timer = QTimer(self.controller)
        self._tray_timer.timeout.connect(self._look_for_tray)
        if self.tray_mode:
            self.tray.show()
        else:
            self._tray_timer.start(1000)
        self.dnd: DoNotDisturb | None = None
        self.controller.ready.connect(self._quiet_desktop_ready)
        self.controller.changed.connect(self._follow_quiet)
        self.controller.sessionFinished.connect(self._session_finished)
        self.controller.recovered.connect(self._recovered)
        self.controller.fatal.connect(self._fatal)
        self.controller.writeProblem.connect(self._write_problem)
        self._told_write_problem = False
        self.controller.dataChanged.connect(self._data_changed)
        self.qapp.aboutToQuit.connect(self._shutdown)
        # Everything slower than the icon waits until it is up.
        self._loader = QTimer(self.controller)
        self._loader.setSingleShot(True)
        self._loader.timeout.connect(self._load)
        self._loader.start(0)

    def run(self) -> int:
        from ui.shell.unix_signals import install_signal_wakeup

        self._wakeup = install_signal_wakeup(self.quit)
        code = int(self.qapp.exec())
        self.dispose()
        return code

    def dispose(self) -> None:
        """Delete every Qt object while the QApplication still exists: left to
        the interpreter's exit, they die in no particular order and Qt crashes."""
        import shiboken6

        self.tray.icon.hide()
        for widget in QApplication.topLevelWidgets():
            widget.close()
        for widget in QApplication.topLevelWidgets():
            if shiboken6.isValid(widget):
                shiboken6.delete(widget)
        objects: list[QObject | None] = [self.tray, self.watcher, self.activity, self.git,
                                         self.reminders, self.sync,
                                         self.prompts, self.windows, self.controller]
        for obj in objects:
            if obj is not None and shiboken6.isValid(obj):
                shiboken6.delete(obj)

    # -- start-up --------------------------------------------------------------

    def _load(self) -> None:
        from app.i18n import RESOURCES
        from app.platform.logs import setup_logging

        setup_logging(self.paths, console=True)
        app_icon = QIcon(str(RESOURCES / "icons" / f"{APP_ID}.svg"))
        for png in sorted((RESOURCES / "icons" / "hicolor").glob(f"*/apps/{APP_ID}.png")):
            app_icon.addFile(str(png))
        self.qapp.setWindowIcon(app_icon)
        log.info("speaking %s", self.language)
        from ui.week.window_watch import WindowWatcher

        self.watcher = WindowWatcher(self.controller)
        self.tray.attach_watcher(self.watcher)
        self.watcher.deepWindowOpened.connect(self._deep_window)
        self.watcher.calendarFailed.connect(lambda text: self.notify(tr("Calendar"), text))
        # The store is opened (SQLModel imported, the schema migrated, a crashed
        # session recovered) in a worker while the icon and its menu stay live;
        # the GUI thread looks for the result on a timer of its own, which dies
        # with the app if it is quit first.
        import threading

        opened: list[object] = []

        def open_store() -> None:
            try:
                # The modules _loaded starts, imported here and not on the GUI thread
                # (before the store is opened: nothing to close if one fails).
                import ui.activity.git_watch
                import ui.activity.monitor
                import ui.reports.reminders
                import ui.sync.watch  # noqa: F401

                opened.append(self.controller.open_service())
            except FokusError as err:
                opened.append(err)
            except BaseException as exc:  # handed over and raised on the GUI thread
                opened.append(exc)

        threading.Thread(target=open_store, name="fokus-open-store", daemon=True).start()
        self._opening = QTimer(self.controller)
        self._opening.setInterval(5)

        def look() -> None:
            if not opened:
                return
            self._opening.stop()
            result = opened[0]
            if isinstance(result, BaseException) and not isinstance(result, FokusError):
                raise result
            self._loaded(result)  # type: ignore[arg-type]

        self._opening.timeout.connect(look)
        self._opening.start()

    def _loaded(self, opened: FokusService | FokusError) -> None:
        """The rest of the start, once the store is open."""
        if self._quitting or not self.controller.load(opened):
            if self._quitting and not isinstance(opened, FokusError):
                opened.store.close()
            return
        assert self.watcher is not None
        from app.store.settings import LANGUAGE

        self._chosen_language = self.controller.service.settings.get(LANGUAGE)
        self._calendar = self.watcher.calendar_path()
        from ui.activity.monitor import ActivityMonitor

        self.activity = ActivityMonitor(self.controller)
        self.controller.activity_monitor = self.activity
        self.activity.awayReturned.connect(self.prompts.away_returned)
        self.activity.hotkey.connect(self._hotkey)
        self.activity.autoSwitched.connect(
            lambda result: self.prompts.after_switch(result, ask_trigger=False, activate=False))
        self.activity.failed.connect(lambda text: self.notify(tr("Fokus"), text))
        self.activity.start()
        from ui.activity.git_watch import GitWatch

        self.git = GitWatch(self.controller)
        self.git.switched.connect(
            lambda result: self.prompts.after_switch(result, ask_trigger=False, activate=False))
        self.git.proposed.connect(self.prompts.propose_git_switch)
        self.prompts.gitDeclined.connect(self.git.decline)
        self.git.failed.connect(lambda text: self.notify(tr("Fokus"), text))
        self.git.start()
        from ui.reports.reminders import Reminders

        self.reminders = Reminders(self.controller)
        self.reminders.reflectionDue.connect(self.prompts.reflection_due)
        self.reminders.exportDue.connect(self.prompts.export_due)
        self.reminders.check()
        from ui.sync.watch import SyncWatch

        self.sync = SyncWatch(self.controller)
        self.sync.failed.connect(lambda text: self.notify(tr("Sync"), text))
        self.tray.status_lines = self.sync.lines
        self.sync.synced.connect(lambda _report: self.tray.update_state())
        self.sync.start()
        from app.store.settings import FIRST_RUN_DONE, Settings

        if not Settings(self.controller.service.store).get(FIRST_RUN_DONE) and \
                not self.controller.service.projects():
            QTimer.singleShot(300, lambda: self.open("welcome"))
        from ui.shell.ipc import InstanceServer

        try:
            self.server = InstanceServer(str(self.paths.socket), self._handle)
        except OSError as exc:
            log.error("the command line cannot reach this Fokus: %s", exc)
        log.info("Fokus %s ready (%s)", __version__, self.paths.data_dir)

    def _charts_ahead(self) -> None:
        if self.controller.is_ready and not self._quitting:
            self._charts_idle.stop()
            from ui.reports import insights

            shown = self.windows.get("insights")
            if shown is not None and shown.isVisible():
                # It draws its own charts, and keeps them when it is closed.
                insights.load_matplotlib_in_background()
                return
            log.info("drawing this week's charts ahead")
            insights.charts_ahead(self.controller)

    def _look_for_tray(self) -> None:
        self._waited += 1
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._tray_timer.stop()
            self.tray_mode = True
            self.tray.show()
            if self.main_window is not None:
                self.main_window.hide()
            log.info("a system tray appeared after %.0f s", self._waited)
        elif self._waited >= tray_wait_seconds():
            self._tray_timer.setInterval(10_000)  # keep looking, less often
            if self.main_window is None:
                log.warning("no system tray after %.0f s: using a window", self._waited)
                self.main_window = self._make_main_window()
            if not self.main_window.isVisible():
                self.main_window.show()
                self.main_window.raise_()
                self.main_window.activateWindow()

    def _make_main_window(self) -> MainWindow:
        from ui.shell.main_window import MainWindow

        window = MainWindow(self.controller, self.tray)
        window.windowRequested.connect(self.open)
        window.quitRequested.connect(self.quit)
        window.resize(640, 260)
        return window

    # -- windows -----------------------------------------------------------------

    def open(self, kind: str) -> None:
        self.windows.open(kind)

    def _window_created(self, kind: str, window: QObject) -> None:
        """Signals of one kind of window that reach beyond it."""
        if self._charts_idle.isActive():  # not idle yet: wait again
            self._charts_idle.start()
        if kind == "welcome":
            window.languageChanged.connect(self._language_changed)  # type: ignore[attr-defined]
        elif kind == "reflection" and self.reminders is not None:
            window.snoozed.connect(self.reminders.snooze)  # type: ignore[attr-defined]

    def _language_changed(self, language: str) -> None:
        """Speak the new language at once: the tray menu is made again (it
        hears LanguageChange), and the guide is made again on its next page."""
        self.language = install_translators(self.qapp, language)
        QTimer.singleShot(0, lambda: self.windows.reopen("welcome", 1))

    def _data_changed(self, topics: frozenset[str]) -> None:
        if "settings" in topics:
            self._follow_language()
        if "settings" in topics and self.watcher is not None:
            calendar = self.watcher.calendar_path()
            if calendar != self._calendar:
                self._calendar = calendar
                self.watcher.watch_calendar()
        if {"projects", "batches", "blocks"} & topics:
            self.tray.update_state()
        if self.controller.is_ready:  # the charts drawn ahead are stale: wait for quiet
            self._charts_idle.start()

    def _follow_language(self) -> None:
        """A language chosen anywhere (Settings, the guide, ``fokus config set
        language``) is spoken at once: the tray menu and open windows hear
        LanguageChange. FOKUS_LANG, set for this process, still wins."""
        from app.store.settings import LANGUAGE

        chosen = self.controller.service.settings.get(LANGUAGE)
        if chosen == self._chosen_language:
            return
        self._chosen_language = chosen
        if not os.environ.get("FOKUS_LANG"):
            self.language = install_translators(self.qapp, chosen)
            log.info("speaking %s", self.language)

    # -- switching ------------------------------------------------------------------

    def switch_to(self, project_id: int, source: str = "tray") -> None:
        result = self.controller.switch(project_id, source)
        if result is not None:
            self.prompts.after_switch(result)

    def _hotkey(self, action: str) -> None:
        log.info("hotkey: %s", action)
        if action == "toggle_focus":
            if self.controller.view is not None:
                self.controller.stop()
                return
            choice = self.controller.service.hotkey_choice()
            if choice is None:
                self.open("projects")
                return
            self.controller.start(choice[0], choice[1], source="hotkey")
        elif action == "interruption":
            self.controller.interrupt("other")
            self.notify(tr("Interruption logged"), tr("Fokus noted an interruption."))
        elif action == "switch":
            menu = self.tray.switch_menu()
            menu.exec(QCursor.pos())

    def _deep_window(self, end: object, planned: object) -> None:
        assert isinstance(end, datetime)
        from ui.messages import clock_text

        title = tr("Deep-work window until {time}").format(time=clock_text(end))
        if planned is not None:
            window: PlannedChoice = planned  # type: ignore[assignment]
            what = f"{window.project} — {window.batch}" if window.batch else window.project
            message = tr("Planned: {what}. Start it from the Fokus icon.").format(what=what)
            self.notify_action(title, message, tr("Start {what}").format(what=what),
                               lambda: self._start_planned_from_notice(window))
        else:
            message = tr("No meetings now: a good time to start a focus session.")
            self.notify(title, message)

    def _start_planned_from_notice(self, planned: PlannedChoice) -> None:
        if self.controller.view is None:
            self.controller.start(planned.project_id, planned.batch_id)

    # -- the instance socket --------------------------------------------------------

    def _handle(self, command: str, args: dict[str, Any]) -> dict[str, Any] | Pending:
        if command == "show":
            QTimer.singleShot(0, self._show_something)
            return {"shown": True}
        if command == "hotkey":  # a desktop shortcut (GNOME on Wayland): as a grabbed key
            action = str(args.get("action"))
            QTimer.singleShot(0, lambda: self._hotkey(action))
            return {"action": action, "done": True, "session": None}
        return self.controller.execute(command, args)

    def _show_something(self) -> None:
        """A second ``fokus`` was started: bring Fokus to the front."""
        if self.main_window is not None and not self.tray_mode:
            self.main_window.showNormal()
            self.main_window.raise_()
            self.main_window.activateWindow()
        else:
            self.open("projects")

    # -- notifications -----------------------------------------------------------------

    def _notifications(self) -> Notifier:
        if self._notifier is None or self._notifier.name == "log":
            from ui.platform.notify import best_notifier

            self._notifier = best_notifier(self.tray.icon if self.tray_mode else None)
            log.info("notifications through %s", self._notifier.name)
        return self._notifier

    def notify(self, title: str, message: str) -> None:
        self._notifications().notify(title, message)

    def notify_action(self, title: str, message: str, label: str,
                      on_action: Callable[[], None]) -> None:
        """A notification with a button that runs ``on_action`` where the
        desktop offers one; the plain notification elsewhere."""
        from ui.platform.notify import notify_with_action

        notify_with_action(self._notifications(), title, message, label, on_action)

    # -- do-not-disturb while focusing ---------------------------------------------------

    def _quiet_desktop_ready(self) -> None:
        """Before any notice of this start: banners a crashed Fokus held come back."""
        from app.platform.dnd import DoNotDisturb

        self.dnd = DoNotDisturb(self.controller.service.settings)
        self.dnd.release()

    def _follow_quiet(self) -> None:
        if self.dnd is None or self._quitting:
            return
        view = self.controller.view if self.controller.is_ready else None
        self.dnd.follow(view is not None and view.state == "focusing")

    def _session_finished(self, view: SessionView) -> None:
        if self.dnd is not None:
            self.dnd.release()  # Fokus's own notice is not held back
        rest = self.controller.service.breaks.current()
        self.notify(tr("Focus session complete"),
                    (tr("{minutes} min on {title}. {rest}: snooze or skip it from the Fokus "
                        "icon.") if rest is not None else
                     tr("{minutes} min on {title}. Time for a short break.")).format(
                        minutes=view.planned_minutes, title=session_title(view),
                        rest=break_title(rest) if rest is not None else ""))

    def _break_started(self, rest: BreakView) -> None:
        """A break after a session stopped early (a completed one says it above)."""
        if not rest.after_completed:
            self.notify(break_title(rest), break_detail(rest))

    def _break_over(self, _rest: BreakView) -> None:
        self.notify(tr("Break over"), tr("Start the next focus session when you are ready."))

    def _recovered(self, notice: Recovered) -> None:
        self.notify(tr("Fokus ended unexpectedly"),
                    tr("Your focus session on {project} was saved up to {time}.").format(
                        project=notice.project,
                        time=local_time(notice.ended_at, notice.utc_offset_min)))

    def _write_problem(self, text: str | None) -> None:
        """Told once per spell of failed writes; the icon shows it meanwhile."""
        if text is None:
            self._told_write_problem = False
        elif not self._told_write_problem:
            self._told_write_problem = True
            self.notify(tr("Fokus cannot save"), text)

    def _fatal(self, text: str) -> None:
        QMessageBox.critical(None, tr("Fokus cannot start"), text)
        QTimer.singleShot(0, lambda: self.qapp.exit(1))

    # -- quitting --------------------------------------------------------------------

    def ask_quit(self) -> None:
        """Quit from the menu: a running session is not stopped without asking."""
        view = self.controller.view if self.controller.is_ready else None
        if view is not None:
            answer = QMessageBox.question(
                None, tr("Quit Fokus?"),
                tr("A focus session on {title} is running. Quitting stops it and keeps "
                   "the time focused so far.").format(title=session_title(view)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.quit()

    def quit(self) -> None:
        # Qt asks every window to close before it quits, and the Fokus window
        # only minimises itself on a close: let it go, or nothing would quit.
        if self.main_window is not None:
            self.main_window.allow_close()
        self.qapp.quit()

    def _shutdown(self) -> None:
        """A deliberate quit (menu, logout, SIGTERM) ends the session cleanly,
        so the next start has nothing to recover; no dialog opens on the way out."""
        self._quitting = True
        if self.main_window is not None:
            self.main_window.allow_close()
        self.prompts.close_all()
        if self.activity is not None:
            self.activity.stop()
        if self.git is not None:
            self.git.stop()
        if self.sync is not None:
            self.sync.stop()
        if self.controller.is_ready and self.controller.view is not None:
            log.info("quitting with a session open: stopping it")
            self.controller.stop()
        if self.dnd is not None:
            self.dnd.release()
        if self.server is not None:
            self.server.close()
        self.controller.close()
