"""The pop-ups Fokus opens by itself, and their order: where you stopped on a
project, the resume note after a switch or a session, the away question, the
question before a start that fits the day badly, and the reflection and
export reminders.

One coordinator owns them all: each is kept referenced until it closes (a
pop-up made as a local would be collected before it is seen), there is never
more than one of a kind (a newer one replaces the older, keeping any note
already typed in it), and while a focus session runs the reminders that can
wait do wait, until the session ends."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QLocale, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from app.domain import EndReason
from app.errors import FokusError
from ui.messages import tr

if TYPE_CHECKING:
    from app.activity.service import SwitchResult
    from app.domain import SwitchTrigger
    from app.focus.engine import SessionView
    from ui.shell.controller import FokusController, StartRequest
    from ui.shell.windows import WindowRegistry

log = logging.getLogger(__name__)

CONTEXT = "context"  # where you stopped, on coming back to a project
RESUME = "resume"  # where did you stop, on leaving one
AWAY = "away"  # what was the time away
CONFIRM = "confirm"  # start anyway?
GIT_SWITCH = "git-switch"  # switch to where the git activity is?
# How long the context card stays once a session runs, if not dismissed.
CONTEXT_CARD_MINUTES = 5
# A start asked about is not asked about again this soon.
ASK_AGAIN_AFTER = timedelta(minutes=2)


class PromptCoordinator(QObject):
    notice = Signal(str, str)  # title, message: for the desktop's notifications
    gitDeclined = Signal(int)  # a proposed switch from git activity was turned down

    def __init__(self, controller: FokusController, windows: WindowRegistry,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.windows = windows
        self._open: dict[str, QWidget] = {}
        self._card_project: int | None = None
        self._deferred: dict[str, object] = {}  # reminder kind → its day or week
        self._asked: dict[str, datetime] = {}  # a start's concern → when it was asked
        self._accepted: set[str] = set()  # concerns answered "start anyway"
        self.quiet = False  # quitting: nothing new opens
        self._card_timer = QTimer(self)
        self._card_timer.setSingleShot(True)
        self._card_timer.timeout.connect(lambda: self.dismiss(CONTEXT))
        controller.sessionStarted.connect(self._session_started)
        controller.sessionEnded.connect(self._session_ended)
        controller.confirmationNeeded.connect(self.confirm_start)
        controller.changed.connect(self._check_card_age)
        controller.changed.connect(self._check_away)
        self._away_since: datetime | None = None  # the pause the away question is about

    # -- bookkeeping -------------------------------------------------------------------

    def current(self, kind: str) -> QWidget | None:
        """The pop-up of ``kind`` on screen, if any."""
        return self._open.get(kind)

    def pending(self) -> dict[str, object]:
        """Reminders held back until the running session ends."""
        return dict(self._deferred)

    def dismiss(self, kind: str) -> None:
        widget = self._open.pop(kind, None)
        if widget is not None:
            widget.close()

    def _keep(self, kind: str, widget: QWidget, activate: bool = True) -> None:
        """Show ``widget`` as the one pop-up of ``kind``, replacing any before it."""
        self.dismiss(kind)
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._open[kind] = widget
        widget.destroyed.connect(lambda _o=None, k=kind, w=widget: self._forget(k, w))
        if not activate:
            widget.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        widget.show()
        if activate:
            widget.raise_()
            widget.activateWindow()

    def _forget(self, kind: str, widget: QWidget) -> None:
        if self._open.get(kind) is widget:
            del self._open[kind]

    @property
    def _focusing(self) -> bool:
        return self.controller.is_ready and self.controller.view is not None

    # -- where you stopped ------------------------------------------------------------

    def show_context(self, project_id: int, batch_id: int | None = None) -> None:
        """The project's latest note and the batch's preparation, if there are any;
        once: a card for this project already on screen stays as it is."""
        from ui.activity.dialogs import ContextCardPopup

        if CONTEXT in self._open and self._card_project == project_id:
            self._schedule_card_end()
            return
        svc = self.controller.service
        if batch_id is None:
            batch_id = svc.repos.batch_for(project_id)  # the branch's batch, if one is mapped
        card = svc.activity.context_card(project_id, batch_id)
        from ui.activity.git_watch import cue_lines

        code = cue_lines(svc.repos.cues(project_id))
        if card.note is None and card.prep_note is None and not code:
            return
        written = ""
        if card.note_written_at is not None:
            # In the language spoken (QLocale's default follows the translators).
            local = svc.week.local(card.note_written_at)
            when = QDateTime(QDate(local.date()), QTime(local.hour, local.minute))
            locale = QLocale()
            written = f"{locale.toString(when.date(), 'd MMM')} " \
                      f"{locale.toString(when.time(), QLocale.FormatType.ShortFormat)}"
        self._keep(CONTEXT, ContextCardPopup(card, written, code), activate=False)
        self._card_project = project_id
        self._schedule_card_end()

    def _schedule_card_end(self) -> None:
        """The card steps aside once the session on it is a few minutes old."""
        view = self.controller.view
        if view is None:
            self._card_timer.stop()  # no session yet: it stays until dismissed
            return
        age = (self.controller.clock.now() - view.started_at).total_seconds()
        left = max(0.0, CONTEXT_CARD_MINUTES * 60 - age)
        self._card_timer.start(int(left * 1000))

    def _check_card_age(self) -> None:
        """On each refresh too: the clock may have moved without the timer (sleep)."""
        view = self.controller.view if self.controller.is_ready else None
        if view is None or CONTEXT not in self._open:
            return
        age = (self.controller.clock.now() - view.started_at).total_seconds()
        if age >= CONTEXT_CARD_MINUTES * 60:
            self.dismiss(CONTEXT)

    def _session_started(self, view: SessionView) -> None:
        self.show_context(view.project_id, view.batch_id)

    def propose_git_switch(self, project_id: int) -> None:
        """Git activity in another project's repository (``git_switches`` ask)."""
        from ui.activity.git_watch import GitSwitchProposal

        svc = self.controller.service
        if self.quiet or project_id == svc.activity.current_project_id():
            return
        batch_id = svc.repos.batch_for(project_id)
        box = GitSwitchProposal(svc.project(project_id).name,
                                svc.batch(batch_id).title if batch_id is not None else None)

        def answered(_button: int) -> None:
            if box.chose_switch():
                result = self.controller.switch(project_id, "git")
                if result is not None:
                    self.after_switch(result)
            else:
                self.gitDeclined.emit(project_id)

        box.finished.connect(answered)
        self._keep(GIT_SWITCH, box, activate=False)

    # -- leaving a project -------------------------------------------------------------

    def _ask_resume_note(self, project: str, project_id: int, title: str | None,
                         ask_trigger: bool, switch_id: int | None = None,
                         batch_id: int | None = None, session_id: int | None = None,
                         offer_start: tuple[str, int] | None = None,
                         activate: bool = True) -> None:
        from ui.activity.dialogs import ResumeNotePrompt

        svc = self.controller.service

        def save(text: str, trigger: SwitchTrigger | None) -> None:
            if text.strip():
                svc.activity.add_note(project_id, text, batch_id)
            if trigger is not None and switch_id is not None:
                svc.activity.set_switch_trigger(switch_id, trigger)

        def rate(n: int) -> None:
            assert session_id is not None
            svc.engine.rate_flow(session_id, n)

        older = self._open.get(RESUME)
        if isinstance(older, ResumeNotePrompt):
            older.save_typed()  # a newer switch replaces it; what was typed stays
        prompt = ResumeNotePrompt(project, save, ask_trigger,
                                  rate_flow=rate if session_id is not None else None,
                                  offer_start=offer_start[0] if offer_start else None)
        if title:
            prompt.setWindowTitle(title)
        if offer_start is not None:
            to_id = offer_start[1]
            # Into a planned block: its batch, as the tray's "Start planned" does.
            prompt.accepted.connect(
                lambda: prompt.start_requested() and self.controller.start(
                    to_id, self.controller.service.planned_batch_now(to_id)))
        self._keep(RESUME, prompt, activate)

    def after_switch(self, result: SwitchResult, ask_trigger: bool = True,
                     activate: bool = True) -> None:
        """A switch happened: ask where the user stopped, and show the new
        project's card (a switch made by hand only; an automatic one asks quietly)."""
        svc = self.controller.service
        left = result.from_project
        if left is None and result.ended_session is not None:
            left = result.ended_session.project
        to = svc.project(result.to_project)
        asked = None
        if left is not None and not self.quiet:
            left_id = svc.project(left).id
            assert left_id is not None and to.id is not None
            offer = (result.to_project, to.id) if result.ended_session is not None else None
            self._ask_resume_note(left, left_id, None, ask_trigger, switch_id=result.switch_id,
                                  offer_start=offer, activate=activate)
            asked = self._open.get(RESUME)
        if not activate or to.id is None:
            return
        to_id = to.id
        if isinstance(asked, QDialog):
            # First where you stopped, then where you left the next one: the card
            # waits for the prompt instead of covering it (and shows once, also
            # when the prompt starts a session, which shows it too).
            asked.finished.connect(lambda _result: self.show_context(to_id, None))
        else:
            self.show_context(to_id, None)

    def _session_ended(self, view: SessionView) -> None:
        if self.quiet:
            return
        if view.end_reason not in (EndReason.SWITCHED, EndReason.RECOVERED, None):
            # A switch asks on its own; a recovery is told once elsewhere.
            self._ask_resume_note(
                view.project, view.project_id,
                tr("Session on {project} ended").format(project=view.project),
                ask_trigger=False, batch_id=view.batch_id, session_id=view.id)
        if self._card_timer.isActive():
            self.dismiss(CONTEXT)
        QTimer.singleShot(0, self._release_deferred)

    # -- coming back -------------------------------------------------------------------

    def away_returned(self, kind: str, minutes: int) -> None:
        from ui.activity.dialogs import AwayDialog

        view = self.controller.view
        if view is None or self.quiet:
            return
        dialog = AwayDialog(kind, minutes, view.project)
        since = view.paused_since
        dialog.chosen.connect(lambda choice: self._away_chosen(choice, since))
        self._away_since = since
        self._keep(AWAY, dialog)

    def _check_away(self) -> None:
        """The question is about one pause: once that pause is over (resumed
        from the tray, the session stopped, a new one paused), it goes."""
        if AWAY not in self._open:
            return
        view = self.controller.view
        if view is None or view.paused_since != self._away_since:
            self.dismiss(AWAY)

    def _away_chosen(self, choice: str, since: datetime | None) -> None:
        view = self.controller.view
        if view is None or view.paused_since != since:
            log.info("away choice %s not applied: the pause it was about is over", choice)
            return
        try:
            self.controller.service.activity.resolve_away(choice)
        except FokusError as err:  # the session ended meanwhile
            log.warning("away choice %s not applied: %s", choice, err.code)
        self.controller.refresh()

    # -- before a start ----------------------------------------------------------------

    def _start_concerns(self, request: StartRequest) -> list[tuple[str, str]]:
        """What is wrong with the start, each with a key that says whether it was
        asked before and its sentence: the meeting by name and time."""
        svc = self.controller.service
        found = []
        today = svc.week.local(self.controller.clock.now()).date()
        # A block the plan (or the user) put here is a decision already made:
        # a collaborative block sits in core hours on purpose.
        in_block = svc.week.block_minutes_left(request.project_id, request.batch_id) is not None
        if "core_hours" in request.concerns and not in_block:
            found.append((f"core_hours {today}",
                          tr("It is core hours, the time set aside for coordination.")))
        if "meeting" in request.concerns:
            locale = QLocale()
            for m in svc.week.meetings_ahead(request.minutes):
                start = svc.week.local(m.start_at)
                time_text = locale.toString(QTime(start.hour, start.minute),
                                            QLocale.FormatType.ShortFormat)
                found.append((f"meeting {m.uid} {m.start_at.isoformat()}",
                              tr("{meeting} at {time} starts before this session ends.").format(
                                  meeting=m.title or tr("A meeting"), time=time_text)))
        return found

    def confirm_start(self, request: StartRequest) -> None:
        """Ask before a start in core hours or before a meeting; never modal.

        Only what is new is asked: a concern answered Yes is not asked again
        (core hours once a day, a meeting once), and none is asked twice within
        ASK_AGAIN_AFTER: a second start that soon is meant."""
        now = self.controller.clock.now()
        concerns = [c for c in self._start_concerns(request) if c[0] not in self._accepted]
        fresh = [c for c in concerns if now - self._asked.get(c[0], datetime.min.replace(
            tzinfo=UTC)) >= ASK_AGAIN_AFTER]
        if not fresh:
            if CONFIRM in self._open and concerns:
                self._open[CONFIRM].raise_()  # the same question, already on screen
                return
            self.controller.start(request.project_id, request.batch_id, request.minutes,
                                  confirmed=True)
            return
        for key, _text in concerns:
            self._asked[key] = now
        box = QMessageBox(QMessageBox.Icon.Question, tr("Start a focus session?"),
                          "\n".join(text for _key, text in concerns) + "\n\n" +
                          tr("Start the focus session anyway?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setModal(False)
        box.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes:
                self._accepted.update(key for key, _text in concerns)
                self.controller.start(request.project_id, request.batch_id, request.minutes,
                                      confirmed=True)

        box.finished.connect(answered)
        self._keep(CONFIRM, box)

    # -- reminders that can wait --------------------------------------------------------

    def reflection_due(self, day: date) -> None:
        if self._focusing:
            log.info("reflection reminder held until the session ends")
            self._deferred["reflection"] = day
            return
        if self._wait_for_note():
            self._deferred["reflection"] = day
            return
        self.windows.open("reflection", day)

    def _wait_for_note(self) -> bool:
        """The ended session's note comes first: the day's reflection waits
        until that prompt is answered or closed."""
        note = self._open.get(RESUME)
        if note is None:
            return False
        if not note.property("fokus_waited_on"):
            note.setProperty("fokus_waited_on", True)
            note.destroyed.connect(lambda _o=None: QTimer.singleShot(0, self._release_deferred))
        return True

    def export_due(self, week: str) -> None:
        if self._focusing:
            log.info("export reminder held until the session ends")
            self._deferred["export"] = week
            return
        self.notice.emit(tr("Weekly self-report"),
                         tr("Week {week} is done: export your self-report for your PIC.").format(
                             week=week))
        self.windows.open("export", week)

    def _release_deferred(self) -> None:
        if self._focusing or self.quiet or self._wait_for_note():
            return
        deferred, self._deferred = self._deferred, {}
        if "reflection" in deferred:
            self.reflection_due(deferred["reflection"])  # type: ignore[arg-type]
        if "export" in deferred:
            self.export_due(str(deferred["export"]))

    def close_all(self) -> None:
        self.quiet = True
        self._card_timer.stop()
        for kind in list(self._open):
            self.dismiss(kind)


__all__ = ["PromptCoordinator"]
