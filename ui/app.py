"""The running tray application: wires the controller, the tray, the window,
notifications and the instance socket together."""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon

from app import APP_ID, __version__
from app.paths import Paths
from ui.controller import FokusController
from ui.tray import FokusTray, local_time, session_title

if TYPE_CHECKING:
    from app.focus import Recovered, SessionView
    from ui.notify import Notifier
    from ui.projects_window import ProjectsWindow

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("FokusApp", text)


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
        self.tray.open_settings = self.open_settings
        self.controller.sessionFinished.connect(self._session_finished)
        self.controller.recovered.connect(self._recovered)
        self.controller.fatal.connect(self._fatal)
        self.qapp.aboutToQuit.connect(self._shutdown)
        # Everything slower than the icon waits until it is up.
        QTimer.singleShot(0, self._load)

    def run(self) -> int:
        from ui.main import install_signal_wakeup

        self._wakeup = install_signal_wakeup(self.quit)
        return int(self.qapp.exec())

    # -- start-up --------------------------------------------------------------

    def _load(self) -> None:
        from app.logs import setup_logging
        from ui.i18n import install_translators

        setup_logging(self.paths, console=True)
        store_language = None
        install_translators(self.qapp, store_language)
        from ui.window_watch import WindowWatcher

        self.watcher = WindowWatcher(self.controller)
        self.tray.watcher = self.watcher
        self.watcher.deepWindowOpened.connect(self._deep_window)
        self.watcher.calendarFailed.connect(lambda text: self.notify(tr("Calendar"), text))
        self.controller.confirm_start = self._confirm_start
        if not self.controller.load():
            return
        from ui.ipc import InstanceServer

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
            from ui.projects_window import ProjectsWindow

            self.window = ProjectsWindow(self.controller)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        return self.window

    def open_week(self) -> Any:
        if self.week_window is None:
            from ui.week_window import WeekWindow

            self.week_window = WeekWindow(self.controller)
        self.week_window.show()
        self.week_window.raise_()
        self.week_window.activateWindow()
        return self.week_window

    def open_settings(self) -> None:
        from ui.settings_window import SettingsDialog

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
            from ui.notify import best_notifier

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
        so the next start has nothing to recover."""
        if self.controller.is_ready and self.controller.view is not None:
            log.info("quitting with a session open: stopping it")
            self.controller.stop()
        if self.server is not None:
            self.server.close()
        self.controller.close()
