"""The end-of-day reflection: the day's facts first, then six short
questions, answered by keyboard in under a minute. Snooze and skip."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import FokusError
from app.reports.reflection import Answers, Flow
from ui.messages import error_text

if TYPE_CHECKING:
    from ui.shell.controller import FokusController


class Scale(QWidget):
    """1..n as radio buttons; digits pick a value, arrows move."""

    def __init__(self, top: int, low: str, high: str, value: int | None = None) -> None:
        super().__init__()
        self.group = QButtonGroup(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        low_label = QLabel(low)
        low_label.setStyleSheet("color: palette(placeholder-text);")
        row.addWidget(low_label)
        for i in range(1, top + 1):
            button = QRadioButton(str(i))
            self.group.addButton(button, i)
            row.addWidget(button)
            if value == i:
                button.setChecked(True)
        high_label = QLabel(high)
        high_label.setStyleSheet("color: palette(placeholder-text);")
        row.addWidget(high_label)
        row.addStretch(1)

    def value(self) -> int | None:
        v = self.group.checkedId()
        return v if v > 0 else None

    def set_value(self, value: int) -> None:
        button = self.group.button(value)
        if button is not None:
            button.setChecked(True)
            button.setFocus()


class ReflectionDialog(QDialog):
    snoozed = Signal()

    def __init__(self, controller: FokusController, day: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.reports.reflection import ReflectionService

        self.svc = ReflectionService(controller.service.store, controller.clock)
        self.day = day
        self.setWindowTitle(self.tr("Reflect on {day}").format(
            day=QLocale().toString(QDate(day), QLocale.FormatType.LongFormat)))
        facts = self.svc.facts(day)
        old = self.svc.get(day)
        title = QLabel(self.tr("How was {day}?").format(
            day=QLocale().toString(QDate(day), QLocale.FormatType.LongFormat)))
        title.setStyleSheet("font-weight: bold; font-size: 13pt;")
        n_done, n_switches, n_hits = facts.completed, facts.switches, facts.interruptions
        fact_box = QLabel(self.tr(
            "<b>{focus} min</b> of focus — {inside} min inside no-meeting windows, "
            "{outside} min outside · {done}, {abandoned} stopped early · {switches} · "
            "{interruptions}").format(
                focus=round(facts.focus_minutes), inside=round(facts.focus_in_deep_windows_minutes),
                outside=round(facts.focus_minutes - facts.focus_in_deep_windows_minutes),
                done=self.tr("<b>1</b> session completed") if n_done == 1 else
                self.tr("<b>{n}</b> sessions completed").format(n=n_done),
                abandoned=facts.abandoned,
                switches=self.tr("<b>1</b> context switch") if n_switches == 1 else
                self.tr("<b>{n}</b> context switches").format(n=n_switches),
                interruptions=self.tr("<b>1</b> interruption") if n_hits == 1 else
                self.tr("<b>{n}</b> interruptions").format(n=n_hits)))
        fact_box.setWordWrap(True)
        fact_box.setObjectName("facts")
        fact_box.setStyleSheet("#facts { background: palette(alternate-base); padding: 8px;"
                               " border-radius: 6px; }")
        self.satisfaction = Scale(5, self.tr("poor"), self.tr("great"),
                                  old.satisfaction if old else None)
        self.energy = Scale(5, self.tr("drained"), self.tr("energetic"),
                            old.energy if old else None)
        self.focus = Scale(5, self.tr("scattered"), self.tr("focused"),
                           old.focus_ability if old else None)
        self.productivity = Scale(7, self.tr("much less"), self.tr("much more"),
                                  old.productivity if old else None)
        # Burnout is asked once a week (Maslach's items are weekly, not daily): on
        # the first reflection of the ISO week, or again on the day it was answered.
        # Like energy it stays private unless the export includes it.
        self.old_burnout = old.burnout if old else None
        self.burnout: Scale | None = None
        if self._burnout_due(day):
            self.burnout = Scale(5, self.tr("not at all"), self.tr("completely"),
                                 self.old_burnout)
        self.flow_group = QButtonGroup(self)
        flow_row = self.flow_row = QWidget()
        fl = QHBoxLayout(flow_row)
        fl.setContentsMargins(0, 0, 0, 0)
        for i, (value, text) in enumerate(((Flow.NOT_AT_ALL, self.tr("not at all")),
                                           (Flow.ONCE, self.tr("once")),
                                           (Flow.SEVERAL, self.tr("several times")))):
            button = QRadioButton(text)
            button.setProperty("flow", value.value)
            self.flow_group.addButton(button, i)
            fl.addWidget(button)
            if old and old.flow == value.value:
                button.setChecked(True)
        fl.addStretch(1)
        self.helped = QLineEdit(old.helped if old else "")
        self.helped.setPlaceholderText(self.tr("optional"))
        self.hindered = QLineEdit(old.hindered if old else "")
        self.hindered.setPlaceholderText(self.tr("optional"))
        form = QFormLayout()
        form.addRow(self.tr("&Satisfaction with today's work:"), self.satisfaction)
        form.addRow(self.tr("&Energy (private unless you share it):"), self.energy)
        form.addRow(self.tr("Ability to &focus and avoid interruptions:"), self.focus)
        form.addRow(self.tr("&Productivity against a usual day (4 = usual):"), self.productivity)
        if self.burnout is not None:
            form.addRow(self.tr("This week, how &worn out by work do you feel? (weekly, "
                                "private)"), self.burnout)
        form.addRow(self.tr("Were you in &flow today?"), flow_row)
        form.addRow(self.tr("What &helped?"), self.helped)
        form.addRow(self.tr("What got in the &way?"), self.hindered)
        hint = QLabel(self.tr("Keys: Tab moves between questions, arrows or digits choose, "
                              "Enter saves."))
        hint.setStyleSheet("color: palette(placeholder-text);")
        self.error = QLabel()
        self.error.setStyleSheet("color: #c1121f;")
        self.error.hide()
        buttons = QDialogButtonBox()
        save = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setDefault(True)
        snooze = buttons.addButton(self.tr("Snooze 15 min"), QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(self.tr("Skip today"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        snooze.clicked.connect(self._snooze)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(fact_box)
        layout.addWidget(line)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(620, self.sizeHint().height())

    def keyPressEvent(self, event: object) -> None:  # noqa: N802 - Qt naming
        from PySide6.QtGui import QKeyEvent

        assert isinstance(event, QKeyEvent)
        text = event.text()
        focused = self.focusWidget()
        scales = [self.satisfaction, self.energy, self.focus, self.productivity]
        for scale in scales + ([self.burnout] if self.burnout else []):
            if focused is not None and scale.isAncestorOf(focused) and text.isdigit():
                scale.set_value(int(text))
                return
        # The flow question too: 1 not at all, 2 once, 3 several times.
        if focused is not None and self.flow_row.isAncestorOf(focused) and text in ("1", "2", "3"):
            button = self.flow_group.button(int(text) - 1)
            button.setChecked(True)
            button.setFocus()
            return
        super().keyPressEvent(event)

    def answers(self) -> Answers:
        flow_button = self.flow_group.checkedButton()
        return Answers(
            satisfaction=self.satisfaction.value(), energy=self.energy.value(),
            focus_ability=self.focus.value(), productivity=self.productivity.value(),
            flow=Flow(flow_button.property("flow")) if flow_button else None,
            helped=self.helped.text(), hindered=self.hindered.text(),
            burnout=self.burnout.value() if self.burnout is not None else self.old_burnout)

    def _burnout_due(self, day: date) -> bool:
        if self.old_burnout is not None:
            return True
        monday = day - timedelta(days=day.weekday())
        others = (monday + timedelta(days=i) for i in range(7))
        return not any((r := self.svc.get(d)) is not None and r.burnout is not None
                       for d in others if d != day)

    def accept(self) -> None:
        try:
            self.svc.save(self.day, self.answers())
        except FokusError as err:
            self.error.setText(error_text(err))
            self.error.show()
            return
        super().accept()

    def _snooze(self) -> None:
        self.snoozed.emit()
        self.done(2)


__all__ = ["ReflectionDialog", "Qt"]
