"""Git activity in the tray: the repository watcher's events brought to the
GUI thread, switches proposed or logged from them (``git_switches``), the
repositories' state kept on leaving a project, and resumption lags measured.

The watcher runs in its own thread (inotify through ``watchdog``) and only
hands its events over through an inbox (ui/platform/inbox.py); git is read in
a worker thread, at switch time only; every write to the database happens
here, in the GUI thread."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.activity.rules import AutoSwitchSettings
from app.domain import EventSource, SwitchTrigger
from app.errors import FokusError
from app.repos.detect import GitSwitchDetector
from app.repos.watcher import THROTTLE_SECONDS, RepoActivity, RepoWatcher
from app.store.settings import AUTO_SWITCH, GIT_SWITCHES
from ui.messages import error_text, tr
from ui.platform.inbox import Inbox

if TYPE_CHECKING:
    from app.repos.git import GitState
    from app.repos.service import RepoCue
    from ui.shell.controller import FokusController

log = logging.getLogger(__name__)


class GitWatch(QObject):
    activitySeen = Signal(object)  # RepoActivity, on the GUI thread
    proposed = Signal(int)  # ask: a switch to this project is proposed
    switched = Signal(object)  # auto: the SwitchResult of a switch logged
    failed = Signal(str)
    throttle_seconds = THROTTLE_SECONDS

    def __init__(self, controller: FokusController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.watcher: RepoWatcher | None = None
        self.mode = "off"
        self.detector = GitSwitchDetector(AutoSwitchSettings().dwell_seconds)
        self._declined: int | None = None  # "not now" to this project, until the next switch
        self._last_switch: int | None = None
        self._applied: tuple[object, ...] | None = None
        self._dwell_timer = QTimer(self)
        self._dwell_timer.setSingleShot(True)
        self._dwell_timer.timeout.connect(self._dwell_ended)
        # Threads hand over through an inbox (ui/platform/inbox.py), never inside
        # a queued signal.
        self._inbox = Inbox(self)
        self._seen = self._inbox.relay("activity")
        self._seen.connect(self.activitySeen.emit)
        self._states = self._inbox.relay("states")
        self._states.connect(self._keep_states)
        self.activitySeen.connect(self._activity)
        controller.dataChanged.connect(self._data_changed)

    # -- what to watch -------------------------------------------------------------------

    def start(self) -> None:
        self._last_switch = self._latest_switch()[0]
        self.apply()

    def _wanted(self) -> tuple[object, ...]:
        svc = self.controller.service
        return (svc.settings.get(GIT_SWITCHES), repr(svc.settings.get(AUTO_SWITCH)),
                tuple(svc.repos.watched()))

    def apply(self) -> None:
        """Watch the mapped repositories of projects in use (for the measured lag,
        and for switches when ``git_switches`` is ask or auto)."""
        wanted = self._wanted()
        if wanted == self._applied:
            return
        self._applied = wanted
        mode, _rules, repos = wanted
        self.mode = str(mode)
        try:
            dwell = AutoSwitchSettings.from_json(
                self.controller.service.settings.get(AUTO_SWITCH)).dwell_seconds
        except FokusError:
            dwell = AutoSwitchSettings().dwell_seconds
        self.detector = GitSwitchDetector(dwell)
        if self.watcher is None and repos:
            self.watcher = RepoWatcher(self._seen.emit,
                                       throttle_seconds=self.throttle_seconds)
        if self.watcher is not None:
            self.watcher.watch(repos)  # type: ignore[arg-type]
        log.info("watching %d repositories; switches from git: %s",
                 len(repos), self.mode)  # type: ignore[arg-type]

    def stop(self) -> None:
        self._dwell_timer.stop()
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        self._applied = None

    def _data_changed(self, topics: frozenset[str]) -> None:
        if not self.controller.is_ready or self._applied is None:
            return
        if topics & {"settings", "projects", "repo_mapping"}:
            self.apply()
        if "activity" in topics:
            self._after_switch()

    # -- activity ---------------------------------------------------------------------------

    def _activity(self, event: RepoActivity) -> None:
        svc = self.controller.service
        try:
            lag = svc.repos.record_activity(event.project_id, event.kind)
            if lag is not None:
                log.info("resumption lag measured: %.0f s", lag.seconds)
            if self.mode not in ("ask", "auto"):
                return
            current = svc.activity.current_project_id()
            target = self.detector.observe(time.monotonic(), event.project_id, event.kind,
                                           current)
        except FokusError as err:
            self.failed.emit(error_text(err))
            return
        if target is not None:
            self._act(target)
        else:
            self._arm_dwell()

    def _arm_dwell(self) -> None:
        due = self.detector.due()
        if due is not None:
            self._dwell_timer.start(max(0, int((due - time.monotonic()) * 1000) + 50))

    def _dwell_ended(self) -> None:
        current = self.controller.service.activity.current_project_id()
        target = self.detector.check(time.monotonic(), current)
        if target is not None:
            self._act(target)
        else:
            self._arm_dwell()

    def _act(self, target: int) -> None:
        if self.mode == "ask":
            if target != self._declined:
                log.info("git activity in project %s: proposing a switch", target)
                self.proposed.emit(target)
            return
        try:
            result = self.controller.service.activity.switch(
                target, SwitchTrigger.SELF, EventSource.GIT)
        except FokusError as err:
            self.failed.emit(error_text(err))
            return
        log.info("git activity: switch to project %s logged", target)
        self.controller.refresh()
        self.switched.emit(result)

    def decline(self, project_id: int) -> None:
        self._declined = project_id

    # -- leaving a project: where its repositories stood --------------------------------------

    def _latest_switch(self) -> tuple[int | None, int | None]:
        from sqlmodel import col, select

        from app.store.models import ContextSwitch

        with self.controller.service.store.transaction() as s:
            row = s.exec(select(ContextSwitch).order_by(col(ContextSwitch.id).desc())).first()
            return (row.id, row.from_project_id) if row else (None, None)

    def _after_switch(self) -> None:
        switch_id, left = self._latest_switch()
        if switch_id is None or switch_id == self._last_switch:
            return
        self._last_switch = switch_id
        self._declined = None
        self.detector.forget()
        if left is None:
            return
        repos = [(m.id, Path(m.path)) for m in self.controller.service.repos.mappings(left)
                 if m.id is not None]
        if repos:
            threading.Thread(target=self._read, args=(left, repos), daemon=True,
                             name="fokus-git-state").start()

    def _read(self, project_id: int, repos: list[tuple[int, Path]]) -> None:
        from app.repos.service import read_states

        self._states.emit(project_id, read_states(repos))

    def _keep_states(self, project_id: int, states: dict[int, GitState | None]) -> None:
        if not self.controller.is_ready:
            return
        try:
            kept = self.controller.service.repos.keep_snapshots(project_id, states)
        except FokusError as err:
            self.failed.emit(error_text(err))
            return
        log.info("kept where %d repositories stood", kept)


class GitSwitchProposal(QMessageBox):
    """Asks, without taking the keyboard from the editor, whether the work moved."""

    def __init__(self, project: str, batch: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Switch to {project}?").format(project=project))
        what = f"{project} — {batch}" if batch else project
        self.setText(self.tr("You are working in a repository of {what}. Switch to it?")
                     .format(what=what))
        self.switch_button = self.addButton(self.tr("&Switch"),
                                            QMessageBox.ButtonRole.AcceptRole)
        self.addButton(self.tr("&Not now"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.switch_button)
        self.setModal(False)
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)

    def chose_switch(self) -> bool:
        return self.clickedButton() is self.switch_button


def cue_lines(cues: list[RepoCue]) -> list[str]:
    """The card's lines for the repositories, in the language spoken."""
    lines = []
    for cue in cues:
        parts = []
        if cue.branch:
            parts.append(tr("branch {branch}").format(branch=cue.branch))
        if cue.last_subject:
            parts.append(tr("last commit “{subject}”").format(subject=cue.last_subject))
        if cue.changed_count == 0:
            parts.append(tr("nothing left uncommitted"))
        elif cue.changed_files:
            shown = ", ".join(cue.changed_files[:5])
            more = cue.changed_count - min(5, len(cue.changed_files))
            files = shown + (tr(" and {n} more").format(n=more) if more > 0 else "")
            parts.append(tr("not committed: {files}").format(files=files))
        elif cue.changed_count == 1:
            parts.append(tr("1 file not committed"))
        else:
            parts.append(tr("{n} files not committed").format(n=cue.changed_count))
        lines.append(f"{Path(cue.path).name}: " + " · ".join(parts))
    return lines


def switch_cost_text(lost: int, switches: str, per_switch: int,
                     measured: dict[str, float] | None) -> str:
    """Today's and Insights' sentence on the time lost to switching: the person's
    measured lag once there is one, else the setting, said to be an estimate."""
    from PySide6.QtCore import QLocale

    if measured is None:
        return tr("Estimated time lost to switching: about {lost} min ({switches} × {buffer} "
                  "min to get back into a task). This is an estimate: in Parnin & Rugaber 2011 "
                  "only about 10 % of programming sessions resumed with an edit within a "
                  "minute, and 10–15 minutes before the first edit is typical; change the "
                  "buffer in Settings.").format(lost=lost, switches=switches,
                                                 buffer=per_switch)
    locale = QLocale()

    def number(value: float) -> str:
        return locale.toString(round(float(value), 1), "g", 3)

    return tr("Time lost to switching: about {lost} min ({switches} × {median} min, your "
              "measured resumption lag: the median time from a switch to your first save or "
              "commit; n = {n}, range {low}–{high} min).").format(
        lost=lost, switches=switches, n=int(measured["n"]),
        median=number(measured["median_minutes"]), low=number(measured["min_minutes"]),
        high=number(measured["max_minutes"]))
