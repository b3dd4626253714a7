"""Watches the session's surroundings: idle time and sleep during a focus
session, global hotkeys, and (opt-in) the window in front for automatic
switches. Everything it learns goes to the core through the controller, in
the GUI thread."""

from __future__ import annotations

import logging
import os
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.activity.rules import AutoSwitchSettings, DwellTracker, match_project
from app.clock import SleepDetector
from app.domain import EventSource, PauseReason, SessionState
from app.errors import FokusError
from app.store.settings import AUTO_SWITCH, IDLE_THRESHOLD_MINUTES
from ui.messages import error_text
from ui.platform.hotkeys import HotkeyManager

if TYPE_CHECKING:
    from app.platform.active_window import ActiveWindowSource
    from app.platform.idle import IdleSource
    from ui.shell.controller import FokusController

log = logging.getLogger(__name__)
FOCUS_POLL_MS = 5_000
AWAY_POLL_MS = 1_000


class ActivityMonitor(QObject):
    awayReturned = Signal(str, int)  # "idle" | "sleep", minutes away
    hotkey = Signal(str)  # an action from a global hotkey
    autoSwitched = Signal(object)  # SwitchResult
    failed = Signal(str)

    def __init__(self, controller: FokusController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.idle_source: IdleSource | None = None
        self._idle_tried = False
        self._away_idle: float | None = None  # idle seconds when we paused
        self._asked: datetime | None = None  # the idle pause asked about, by its start
        self._sleep = SleepDetector(controller.clock)
        self._poll = QTimer(self)
        self._poll.timeout.connect(self.poll)
        self.hotkeys = HotkeyManager(self)
        self.hotkeys.triggered.connect(self.hotkey)
        self._window_source: ActiveWindowSource | None = None
        self._window_timer = QTimer(self)
        self._window_timer.setInterval(1000)
        self._window_timer.timeout.connect(self._look_at_window)
        self._dwell: DwellTracker | None = None
        self.auto = AutoSwitchSettings()
        self._applied: tuple[object, ...] | None = None
        controller.changed.connect(self._follow_session)
        controller.dataChanged.connect(self._data_changed)

    # -- settings ------------------------------------------------------------------

    def threshold(self) -> float:
        """Seconds without input after which a focus session pauses."""
        env = os.environ.get("FOKUS_IDLE_SECONDS")  # the end-to-end tests' shortcut
        if env:
            return float(env)
        return 60.0 * self.controller.service.settings.get(IDLE_THRESHOLD_MINUTES)

    def hotkey_settings(self) -> dict[str, str]:
        """Action name → combination ("" when turned off)."""
        return self.controller.service.settings.hotkeys()

    def start(self) -> None:
        """Once the core is loaded: hotkeys and automatic switching as set."""
        self._applied = self._watched_settings()
        self.hotkeys.start(self.hotkey_settings())
        self.apply_auto_switch()
        self._follow_session()

    def _watched_settings(self) -> tuple[object, ...]:
        settings = self.controller.service.settings
        return (tuple(sorted(settings.hotkeys().items())), repr(settings.get(AUTO_SWITCH)))

    def _data_changed(self, topics: frozenset[str]) -> None:
        """Follow Settings, the welcome guide and ``fokus config``: new hotkeys are
        grabbed and new rules applied, without a restart; other settings (the
        session length chosen in the tray) leave the grab alone."""
        if "settings" not in topics or self._applied is None or not self.controller.is_ready:
            return
        if self._watched_settings() != self._applied:
            log.info("hotkeys or switch rules changed: applying them")
            self.start()

    def stop(self) -> None:
        self._applied = None
        self.hotkeys.stop()
        self._poll.stop()
        self._window_timer.stop()
        for source in (self.idle_source, self._window_source):
            if source is not None:
                source.close()

    # -- idle and sleep --------------------------------------------------------------

    def idle_status(self) -> str:
        """The name of the idle source, or "unavailable"."""
        self._ensure_idle_source()
        return self.idle_source.name if self.idle_source else "unavailable"

    def _ensure_idle_source(self) -> None:
        if not self._idle_tried:
            from ui.platform.idle import best_idle_source

            self._idle_tried = True
            self.idle_source = best_idle_source()

    def _follow_session(self) -> None:
        view = self.controller.view if self.controller.is_ready else None
        if view is None:
            self._poll.stop()
            self._away_idle = None
            return
        self._ensure_idle_source()
        waiting = view.state == SessionState.PAUSED and view.pause_reason in (
            PauseReason.IDLE, PauseReason.SLEEP)
        if waiting and view.pause_reason == PauseReason.IDLE and view.paused_since == self._asked:
            # Asked already: the question waits on screen for its answer (or the
            # tray's Resume); a heartbeat must not ask it again.
            self._poll.stop()
            return
        interval = AWAY_POLL_MS if waiting else FOCUS_POLL_MS
        if not self._poll.isActive() or self._poll.interval() != interval:
            self._sleep = SleepDetector(self.controller.clock) if not self._poll.isActive() \
                else self._sleep
            self._poll.start(interval)

    def poll(self) -> None:
        view = self.controller.view
        if view is None:
            return
        slept = self._sleep.check()
        try:
            # The engine may have paused it for the sleep already (its own
            # look at the clocks on the controller's timer): ask all the same.
            if slept is not None and (view.state == SessionState.FOCUSING or
                                      view.pause_reason == PauseReason.SLEEP):
                last_awake, seconds = slept
                log.info("the machine slept for %.0f s", seconds)
                self.controller.service.engine.pause(PauseReason.SLEEP, at=last_awake)
                self.controller.refresh()
                self.awayReturned.emit("sleep", round(seconds / 60))
                return
            if self.idle_source is None:
                return
            # Only input missed during this session counts: a session started
            # from the command line on a desktop nobody touched for an hour is
            # not idle the moment it starts.
            since_start = (self.controller.clock.now() - view.started_at).total_seconds()
            idle = max(0.0, min(self.idle_source.idle_seconds(), since_start))
            if view.state == SessionState.FOCUSING and idle >= self.threshold():
                at = self.controller.clock.now().timestamp() - idle
                self.controller.service.engine.pause(PauseReason.IDLE,
                                                     at=datetime.fromtimestamp(at, UTC))
                self._away_idle = idle
                log.info("no input for %.0f s: session paused", idle)
                self.controller.refresh()
            elif view.state == SessionState.PAUSED and view.pause_reason == PauseReason.IDLE:
                if view.paused_since == self._asked:
                    return
                if self._away_idle is None or idle < self._away_idle:
                    # Input again: ask what the time away was.
                    since = view.paused_since
                    minutes = round((self.controller.clock.now() - since).total_seconds() / 60) \
                        if since else 0
                    self._away_idle = None
                    self._asked = since
                    self._poll.stop()
                    self.awayReturned.emit("idle", minutes)
                else:
                    self._away_idle = idle
        except FokusError as err:
            self.failed.emit(error_text(err))

    # -- automatic switches --------------------------------------------------------------

    def apply_auto_switch(self) -> None:
        try:
            self.auto = AutoSwitchSettings.from_json(
                self.controller.service.settings.get(AUTO_SWITCH))
        except FokusError as err:
            self.failed.emit(error_text(err))
            return
        if not self.auto.enabled or not self.auto.rules:
            self._window_timer.stop()
            return
        if self._window_source is None:
            from app.platform.active_window import best_active_window_source

            self._window_source = best_active_window_source()
        if self._window_source is None:
            log.warning("automatic switch detection: no way to see the active window")
            return
        self._dwell = DwellTracker(self.auto.dwell_seconds)
        self._dwell.current = self.controller.service.activity.current_project_id()
        self._window_timer.start()

    def _look_at_window(self) -> None:
        if self._window_source is None or self._dwell is None:
            return
        seen = self._window_source.active()
        project = match_project(self.auto.rules, *seen) if seen else None
        target = self._dwell.observe(time.monotonic(), project)
        if target is None:
            return
        try:
            current = self.controller.service.activity.current_project_id()
            if current == target:
                return
            result = self.controller.service.activity.switch(
                target, "self", EventSource.AUTOMATIC)
        except FokusError as err:
            self.failed.emit(error_text(err))
            return
        log.info("automatic switch to project %s", target)
        self.controller.refresh()
        self.autoSwitched.emit(result)

    def settings_snapshot(self) -> dict[str, Any]:
        return {"idle": self.idle_status(), "hotkeys": self.hotkeys.status}
