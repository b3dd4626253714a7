"""The running tray application: wires the controller, the tray, the window,
notifications and the instance socket together."""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon

from app import APP_ID, __version__
from app.platform.paths import Paths
from ui.messages import tr
from ui.shell.controller import FokusController
from ui.tray.tray import FokusTray, local_time, session_title

if TYPE_CHECKING:
    from app.focus.engine import Recovered, SessionView
    from ui.platform.notify import Notifier
    from ui.projects.window import ProjectsWindow

log = logging.getLogger(__name__)



def tray_wait_seconds() -> float:
    """How long to wait for a tray host: at login it may come up after us."""
    try:
        return float(os.environ.get("FOKUS_TRAY_WAIT", "30"))
    except ValueError:
        return 30.0


class FokusApp:
    def __init__(self, paths: Paths, icon: QSystemTrayIcon | None = None) -> None:
        self.paths = paths
        self.qapp = QApplication.instance() or QApplication(sys.argv[:1])
        self.qapp.setApplicationName("Fokus")
        self.qapp.setApplicationVersion(__version__)
        self.qapp.setOrganizationName("Fokus")
        self.qapp.setDesktopFileName(APP_ID)
        self.qapp.setQuitOnLastWindowClosed(False)
        self.controller = FokusController(paths)
        self.window: ProjectsWindow | None = None
        self.week_window: Any = None
        self.server: Any = None
        self._notifier: Notifier | None = None
        self._waited = 0.0
        self.tray = FokusTray(self.controller, self.open_projects, self.quit, icon=icon)
        self.tray_mode = QSystemTrayIcon.isSystemTrayAvailable()
        if self.tray_mode:
            self.tray.show()
        else:
            self._tray_timer = QTimer()
            self._tray_timer.timeout.connect(self._look_for_tray)
            self._tray_timer.start(1000)
        self.tray.open_week = self.open_week
        self.tray.open_today = self.open_today
        self.tray.extra_actions = [
            (tr("Reflect on today…"), lambda: self.open_reflection(None)),
            (tr("Insights…"), self.open_insights),
            (tr("Export weekly report…"), lambda: self.open_export(None)),
            (tr("Team report…"), self.open_team),
        ]
        self.insights_window: Any = None
        self.team_window: Any = None
        self.tray.on_switch = self.switch_to
        self.today_window: Any = None
        self.activity: Any = None
        self.tray.open_settings = self.open_settings
        self.controller.sessionFinished.connect(self._session_finished)
        self.controller.recovered.connect(self._recovered)
        self.controller.fatal.connect(self._fatal)
        self.qapp.aboutToQuit.connect(self._shutdown)
        # Everything slower than the icon waits until it is up.
        QTimer.singleShot(0, self._load)

    def run(self) -> int:
        from ui.shell.main import install_signal_wakeup

        self._wakeup = install_signal_wakeup(self.quit)
        code = int(self.qapp.exec())
        self._teardown()
        return code

    def _teardown(self) -> None:
        """Delete every Qt object while the QApplication still exists: left to
        the interpreter's exit, they die in no particular order and Qt crashes."""
        import shiboken6

        self.tray.icon.hide()
        for widget in QApplication.topLevelWidgets():
            widget.close()
        for widget in QApplication.topLevelWidgets():
            if shiboken6.isValid(widget):
                shiboken6.delete(widget)
        for obj in (self.tray, getattr(self, "watcher", None), self.activity,
                    getattr(self, "reminders", None), self.controller):
            if obj is not None and shiboken6.isValid(obj):
                shiboken6.delete(obj)

    # -- start-up --------------------------------------------------------------

    def _load(self) -> None:
        from app.platform.logs import setup_logging
        from ui.i18n import install_translators

        setup_logging(self.paths, console=True)
        from PySide6.QtGui import QIcon

        from app.i18n import RESOURCES

        app_icon = QIcon(str(RESOURCES / "icons" / f"{APP_ID}.svg"))
        for png in sorted((RESOURCES / "icons" / "hicolor").glob(f"*/apps/{APP_ID}.png")):
            app_icon.addFile(str(png))
        self.qapp.setWindowIcon(app_icon)
        store_language = None
        install_translators(self.qapp, store_language)
        from ui.week.window_watch import WindowWatcher

        self.watcher = WindowWatcher(self.controller)
        self.tray.watcher = self.watcher
        self.watcher.deepWindowOpened.connect(self._deep_window)
        self.watcher.calendarFailed.connect(lambda text: self.notify(tr("Calendar"), text))
        self.controller.confirm_start = self._confirm_start
        self.controller.sessionEnded.connect(self._session_ended)
        self.controller.sessionStarted.connect(self._session_started)
        if not self.controller.load():
            return
        from ui.activity.monitor import ActivityMonitor

        self.activity = ActivityMonitor(self.controller)
        self.controller.activity_monitor = self.activity
        self.activity.awayReturned.connect(self._away_returned)
        self.activity.hotkey.connect(self._hotkey)
        self.activity.autoSwitched.connect(self._auto_switched)
        self.activity.failed.connect(lambda text: self.notify(tr("Fokus"), text))
        self.activity.start()
        from ui.reports.reminders import Reminders

        self.reminders = Reminders(self.controller)
        self.reminders.reflectionDue.connect(self.open_reflection)
        self.reminders.exportDue.connect(self._export_due)
        self.reminders.check()
        from ui.settings.welcome import DONE_KEY

        store = self.controller.service.store
        if not store.get_setting(DONE_KEY) and not self.controller.service.projects():
            QTimer.singleShot(300, self.open_welcome)
        from ui.shell.ipc import InstanceServer

        try:
            self.server = InstanceServer(str(self.paths.socket), self._handle)
        except OSError as exc:
            log.error("the command line cannot reach this Fokus: %s", exc)
        log.info("Fokus %s ready (%s)", __version__, self.paths.data_dir)

    def _look_for_tray(self) -> None:
        self._waited += 1
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._tray_timer.stop()
            self.tray_mode = True
            self.tray.show()
            if self.window is not None:
                self.window.quit_on_close = False
                self.window.show_banner("")
            log.info("a system tray appeared after %.0f s", self._waited)
        elif self._waited >= tray_wait_seconds():
            self._tray_timer.setInterval(10_000)  # keep looking, less often
            if self.window is None or not self.window.isVisible():
                log.warning("no system tray after %.0f s: using a window", self._waited)
                window = self.open_projects()
                window.quit_on_close = True
                window.show_banner(tr(
                    "No system tray was found, so Fokus runs in this window. "
                    "Closing it quits Fokus. If your desktop has a tray extension, "
                    "enable it and the Fokus icon will appear there."))

    # -- windows -----------------------------------------------------------------

    def open_projects(self) -> ProjectsWindow:
        if self.window is None:
            from ui.projects.window import ProjectsWindow

            self.window = ProjectsWindow(self.controller)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        return self.window

    def open_week(self) -> Any:
        if self.week_window is None:
            from ui.week.window import WeekWindow

            self.week_window = WeekWindow(self.controller)
        self.week_window.show()
        self.week_window.raise_()
        self.week_window.activateWindow()
        return self.week_window

    def open_welcome(self, start_at: int = 0) -> None:
        from ui.settings.welcome import FirstRunWizard

        wizard = FirstRunWizard(self.controller, start_at=start_at)
        wizard.languageChanged.connect(self._language_changed)
        wizard.show()
        wizard.raise_()
        wizard.activateWindow()
        self._wizard = wizard

    def _language_changed(self, language: str) -> None:
        """Speak the new language at once: the guide is made again, on its next page."""
        from ui.i18n import install_translators

        self.language = install_translators(self.qapp, language)
        old = self._wizard
        QTimer.singleShot(0, lambda: (old.hide(), old.deleteLater(), self.open_welcome(1)))

    def open_reflection(self, day: Any) -> None:
        from ui.reports.reflection import ReflectionDialog

        day = day or self.controller.service.week.local(self.controller.clock.now()).date()
        dialog = ReflectionDialog(self.controller, day)
        dialog.snoozed.connect(self.reminders.snooze)
        dialog.accepted.connect(self.controller.changed)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        self._reflection_dialog = dialog

    def open_insights(self) -> Any:
        if self.insights_window is None:
            from ui.reports.insights import InsightsWindow

            self.insights_window = InsightsWindow(self.controller)
        self.insights_window.show()
        self.insights_window.raise_()
        return self.insights_window

    def open_export(self, week: Any) -> None:
        from ui.reports.export import ExportDialog

        dialog = ExportDialog(self.controller, week)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        self._export_dialog = dialog

    def open_team(self) -> Any:
        if self.team_window is None:
            from ui.reports.team import TeamReportWindow

            self.team_window = TeamReportWindow()
        self.team_window.show()
        self.team_window.raise_()
        return self.team_window

    def _export_due(self, week: str) -> None:
        self.notify(tr("Weekly self-report"),
                    tr("Week {week} is done: export your self-report for your PIC.").format(
                        week=week))
        self.open_export(week)

    def open_today(self) -> Any:
        if self.today_window is None:
            from ui.activity.today import TodayWindow

            self.today_window = TodayWindow(self.controller)
        self.today_window.show()
        self.today_window.raise_()
        self.today_window.activateWindow()
        return self.today_window

    # -- switching and coming back ------------------------------------------------------

    def switch_to(self, project_id: int, source: str = "tray") -> None:
        result = self.controller.switch(project_id, source)
        if result is None:
            return
        self._ask_resume_note(result, ask_trigger=True)
        self._show_context(project_id, None)

    def _ask_resume_note(self, result: Any, ask_trigger: bool, activate: bool = True) -> None:
        from ui.activity.dialogs import ResumeNotePrompt

        left = result.from_project
        if left is None:
            if result.ended_session is None:
                return
            left = result.ended_session.project
        svc = self.controller.service
        project_id = svc.project(left).id
        offer = result.ended_session is not None
        to_id = svc.project(result.to_project).id

        def save(text: str, trigger: Any) -> None:
            if text.strip():
                svc.activity.add_note(project_id, text)
            if trigger is not None:
                svc.activity.set_switch_trigger(result.switch_id, trigger)
            if offer and prompt.start_new.isChecked():
                self.controller.start(to_id)

        prompt = ResumeNotePrompt(left, save, ask_trigger)
        from PySide6.QtWidgets import QCheckBox

        prompt.start_new = QCheckBox(tr("Start a focus session on {project} now").format(
            project=result.to_project))
        prompt.start_new.setChecked(offer)
        prompt.start_new.setVisible(offer)
        prompt.layout().insertWidget(prompt.layout().count() - 1, prompt.start_new)
        if not activate:
            from PySide6.QtCore import Qt

            prompt.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        prompt.show()
        if activate:
            prompt.raise_()
            prompt.activateWindow()

    def _session_ended(self, view: Any) -> None:
        from app.domain import EndReason

        if getattr(self, "_quitting", False):
            return
        if view.end_reason in (EndReason.SWITCHED, EndReason.RECOVERED, None):
            return  # a switch asks on its own; a recovery is told once elsewhere
        from ui.activity.dialogs import ResumeNotePrompt

        svc = self.controller.service

        def save(text: str, _trigger: Any) -> None:
            if text.strip():
                svc.activity.add_note(view.project_id, text, view.batch_id)

        prompt = ResumeNotePrompt(view.project, save, ask_trigger=False,
                                  rate_flow=lambda n: svc.engine.rate_flow(view.id, n))
        prompt.setWindowTitle(tr("Session on {project} ended").format(project=view.project))
        prompt.show()

    def _session_started(self, view: Any) -> None:
        self._show_context(view.project_id, view.batch_id)

    def _show_context(self, project_id: int, batch_id: int | None) -> None:
        from ui.activity.dialogs import ContextCardPopup

        card = self.controller.service.activity.context_card(project_id, batch_id)
        if card.note is None and card.prep_note is None:
            return
        written = ""
        if card.note_written_at is not None:
            local = self.controller.service.week.local(card.note_written_at)
            written = local.strftime("%d %b %H:%M")
        popup = ContextCardPopup(card, written)
        popup.show()

    def _away_returned(self, kind: str, minutes: int) -> None:
        from ui.activity.dialogs import AwayDialog

        view = self.controller.view
        if view is None:
            return
        dialog = AwayDialog(kind, minutes, view.project)

        def chosen(choice: str) -> None:
            try:
                self.controller.service.activity.resolve_away(choice)
            except Exception as err:  # FokusError: the session ended meanwhile
                log.warning("away choice %s not applied: %s", choice, err)
            self.controller.refresh()

        dialog.chosen.connect(chosen)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        self._away_dialog = dialog

    def _hotkey(self, action: str) -> None:
        log.info("hotkey: %s", action)
        if action == "toggle_focus":
            if self.controller.view is not None:
                self.controller.stop()
                return
            planned = self.watcher.planned_now()
            project = planned.project_id if planned else \
                self.controller.service.activity.current_project_id()
            if project is None:
                projects = self.controller.service.projects()
                project = projects[0].id if projects else None
            if project is None:
                self.open_projects()
                return
            self.controller.start(project, planned.batch_id if planned else None)
        elif action == "interruption":
            self.controller.interrupt("other")
            self.notify(tr("Interruption logged"), tr("Fokus noted an interruption."))
        elif action == "switch":
            from PySide6.QtGui import QCursor
            from PySide6.QtWidgets import QMenu

            menu = QMenu()
            menu.setTitle(tr("Switch to"))
            self.tray._fill_switch_menu(menu)
            menu.exec(QCursor.pos())

    def _auto_switched(self, result: Any) -> None:
        self._ask_resume_note(result, ask_trigger=False, activate=False)

    def open_settings(self) -> None:
        from ui.settings.window import SettingsDialog

        dialog = SettingsDialog(self.controller)
        if dialog.exec():
            self.watcher.watch_calendar()
            self.controller.notify_data_changed()

    def _confirm_start(self, concerns: list[str]) -> bool:
        reasons = []
        if "core_hours" in concerns:
            reasons.append(tr("It is core hours, the time set aside for coordination."))
        if "meeting" in concerns:
            reasons.append(tr("A meeting starts before this session would end."))
        answer = QMessageBox.question(
            None, tr("Start a focus session?"),
            "\n".join(reasons) + "\n\n" + tr("Start the focus session anyway?"))
        return answer == QMessageBox.StandardButton.Yes

    def _deep_window(self, end: object, planned: object) -> None:
        from datetime import datetime

        assert isinstance(end, datetime)
        title = tr("Deep-work window until {time}").format(time=f"{end:%H:%M}")
        if planned is not None:
            what = f"{planned.project} — {planned.batch}" if planned.batch else planned.project  # type: ignore[attr-defined]
            message = tr("Planned: {what}. Start it from the Fokus icon.").format(what=what)
        else:
            message = tr("No meetings now: a good time to start a focus session.")
        self.notify(title, message)

    # -- the instance socket --------------------------------------------------------

    def _handle(self, command: str, args: dict[str, Any]) -> dict[str, Any]:
        if command == "show":
            QTimer.singleShot(0, self.open_projects)
            return {"shown": True}
        return self.controller.execute(command, args)

    # -- notifications -----------------------------------------------------------------

    def notify(self, title: str, message: str) -> None:
        if self._notifier is None or self._notifier.name == "log":
            from ui.platform.notify import best_notifier

            self._notifier = best_notifier(self.tray.icon if self.tray_mode else None)
            log.info("notifications through %s", self._notifier.name)
        self._notifier.notify(title, message)

    def _session_finished(self, view: SessionView) -> None:
        self.notify(tr("Focus session complete"),
                    tr("{minutes} min on {title}. Time for a short break.").format(
                        minutes=view.planned_minutes, title=session_title(view)))

    def _recovered(self, notice: Recovered) -> None:
        self.notify(tr("Fokus ended unexpectedly"),
                    tr("Your focus session on {project} was saved up to {time}.").format(
                        project=notice.project,
                        time=local_time(notice.ended_at, notice.utc_offset_min)))

    def _fatal(self, text: str) -> None:
        QMessageBox.critical(None, tr("Fokus cannot start"), text)
        QTimer.singleShot(0, lambda: self.qapp.exit(1))

    # -- quitting --------------------------------------------------------------------

    def quit(self) -> None:
        self.qapp.quit()

    def _shutdown(self) -> None:
        """A deliberate quit (menu, logout, SIGTERM) ends the session cleanly,
        so the next start has nothing to recover; no dialog opens on the way out."""
        self._quitting = True
        if self.activity is not None:
            self.activity.stop()
            self.activity = None
        if self.controller.is_ready and self.controller.view is not None:
            log.info("quitting with a session open: stopping it")
            self.controller.stop()
        if self.server is not None:
            self.server.close()
        self.controller.close()
