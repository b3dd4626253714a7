"""Small windows around context switching: what the time away was, where
you stopped on a project, and what you left there for yourself."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.activity.service import AwayChoice, ContextCard
from app.domain import SwitchTrigger
from ui.messages import tr


def trigger_text(trigger: SwitchTrigger) -> str:
    return {SwitchTrigger.PLANNED: tr("Planned"), SwitchTrigger.INTERRUPTION: tr("An interruption"),
            SwitchTrigger.MEETING: tr("A meeting"), SwitchTrigger.URGENT: tr("An urgent request"),
            SwitchTrigger.SELF: tr("My own choice")}[trigger]


class AwayDialog(QDialog):
    """One question on coming back: what was the time away?"""

    chosen = Signal(str)

    def __init__(self, kind: str, minutes: int, project: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome back"))
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
        text = (self.tr("Your computer slept for {n} min during your focus session on "
                        "{project}. The session was paused when it went to sleep.")
                if kind == "sleep" else
                self.tr("No input for {n} min during your focus session on {project}. "
                        "The session was paused when input stopped."))
        label = QLabel(text.format(n=minutes, project=project))
        label.setWordWrap(True)
        question = QLabel(self.tr("What was that time?"))
        question.setStyleSheet("font-weight: bold;")
        self.group = QButtonGroup(self)
        options = [
            (AwayChoice.FOCUS, self.tr("&Focus — I was thinking or reading; count it")),
            (AwayChoice.BREAK, self.tr("A &break")),
            (AwayChoice.MEETING, self.tr("A &meeting")),
            (AwayChoice.INTERRUPTION, self.tr("An &interruption")),
            (AwayChoice.DISCARD, self.tr("&Done — end the session when I left")),
        ]
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(question)
        for i, (choice, text_) in enumerate(options):
            button = QRadioButton(text_)
            button.setProperty("choice", choice.value)
            self.group.addButton(button, i)
            layout.addWidget(button)
        self.group.buttons()[1].setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(440, self.sizeHint().height())

    def choice(self) -> AwayChoice:
        checked = self.group.checkedButton()
        return AwayChoice(checked.property("choice")) if checked else AwayChoice.BREAK

    def accept(self) -> None:
        self.chosen.emit(self.choice().value)
        super().accept()


class ResumeNotePrompt(QDialog):
    """“Where did you stop?” after leaving a project. Never modal: the switch
    has already happened, and skipping costs nothing. After a switch that ended
    a session it offers a new session on the project switched to."""

    def __init__(self, project: str, save: Callable[[str, SwitchTrigger | None], None],
                 ask_trigger: bool, parent: QWidget | None = None,
                 rate_flow: Callable[[int], None] | None = None,
                 offer_start: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Leaving {project}").format(project=project))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._save = save
        label = QLabel(self.tr("Where did you stop on {project}, and what is the next step?")
                       .format(project=project))
        label.setWordWrap(True)
        self.text = QLineEdit()
        label.setBuddy(self.text)  # the question names the field for a screen reader
        self.text.setPlaceholderText(self.tr("e.g. tests for the mapper pass; next: the edge case"))
        self.text.setMaxLength(500)
        self.trigger = QComboBox()
        for t in SwitchTrigger:
            self.trigger.addItem(trigger_text(t), t.value)
        self.trigger.setCurrentIndex(self.trigger.findData(SwitchTrigger.SELF.value))
        buttons = QDialogButtonBox()
        keep = buttons.addButton(self.tr("&Keep note"), QDialogButtonBox.ButtonRole.AcceptRole)
        keep.setDefault(True)
        buttons.addButton(self.tr("&Skip"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text)
        if rate_flow is not None:
            # The one-tap flow rating at the end of a session: skippable.
            flow_row = QHBoxLayout()
            flow_row.addWidget(QLabel(self.tr("Flow in this session:")))
            self.flow_buttons: list[QPushButton] = []
            for n in range(1, 6):
                button = QPushButton(str(n))
                button.setCheckable(True)
                button.setFixedWidth(36)
                # Enter in the note keeps the note: it must not rate the flow too.
                button.setAutoDefault(False)
                button.clicked.connect(lambda _=False, v=n: self._rate(rate_flow, v))
                self.flow_buttons.append(button)
                flow_row.addWidget(button)
            hint = QLabel(self.tr("(1 = none, 5 = deep flow)"))
            hint.setStyleSheet("color: palette(placeholder-text);")
            flow_row.addWidget(hint)
            flow_row.addStretch(1)
            layout.addLayout(flow_row)
        if ask_trigger:
            row = QHBoxLayout()
            why = QLabel(self.tr("What made you switch?"))
            why.setBuddy(self.trigger)  # what AT-SPI names the combo box by
            row.addWidget(why)
            row.addWidget(self.trigger, 1)
            layout.addLayout(row)
        self.ask_trigger = ask_trigger
        self.start_new = QCheckBox(tr("Start a focus session on {project} now").format(
            project=offer_start or ""))
        self.start_new.setChecked(offer_start is not None)
        self.start_new.setVisible(offer_start is not None)
        layout.addWidget(self.start_new)
        layout.addWidget(buttons)
        self._saved = False
        self.resize(460, self.sizeHint().height())

    def _rate(self, rate_flow: Callable[[int], None], value: int) -> None:
        rate_flow(value)
        self._mark(value)

    def _mark(self, value: int) -> None:
        for i, button in enumerate(self.flow_buttons, start=1):
            button.setChecked(i == value)

    def _trigger(self) -> SwitchTrigger | None:
        return SwitchTrigger(self.trigger.currentData()) if self.ask_trigger else None

    def start_requested(self) -> bool:
        return self.start_new.isVisibleTo(self) and self.start_new.isChecked()

    def save_typed(self) -> None:
        """Keep a note already typed when this prompt is replaced unanswered."""
        if not self._saved and self.text.text().strip():
            self._saved = True
            self._save(self.text.text(), self._trigger())

    def accept(self) -> None:
        if not self._saved:
            self._saved = True
            self._save(self.text.text(), self._trigger())
        super().accept()


class ContextCardPopup(QDialog):
    """Coming back to a project: its latest note and the batch's preparation.
    It stays until dismissed; the app closes it once the session is a few
    minutes old (``ui.shell.prompts``)."""

    def __init__(self, card: ContextCard, written: str, code: list[str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Back to {project}").format(project=card.project))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Back to {project}").format(project=card.project))
        title.setStyleSheet("font-weight: bold; font-size: 13pt;")
        layout.addWidget(title)
        if card.note:
            layout.addWidget(QLabel(self.tr("Where you stopped ({when}):").format(when=written)))
            note = QLabel(card.note)
            note.setWordWrap(True)
            note.setObjectName("lastNote")
            note.setStyleSheet("#lastNote { background: palette(base); padding: 6px;"
                               " border: 1px solid palette(mid); border-radius: 4px; }")
            layout.addWidget(note)
        if card.prep_note:
            layout.addWidget(QLabel(self.tr("Preparation for {batch}:").format(batch=card.batch)))
            prep = QLabel(card.prep_note)
            prep.setWordWrap(True)
            layout.addWidget(prep)
        if code:
            # Where the project's repositories stood when it was left (ui.activity.git_watch).
            layout.addWidget(QLabel(self.tr("In the code when you left:")))
            repos = QLabel("\n".join(code))
            repos.setObjectName("gitCues")
            repos.setWordWrap(True)
            repos.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(repos)
        close = QPushButton(self.tr("Got it"))
        close.clicked.connect(self.close)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(420, self.sizeHint().height())
