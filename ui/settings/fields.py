"""One editor per kind of declared setting (app/store/settings.py). The Settings
window builds a row for each scalar setting from its declaration: the widget
from its kind, the range and unit from the declaration, the label and help
from its gettext strings. A range or a default therefore exists once, in the
declaration, and the window cannot drift from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from app.i18n import _
from app.store import settings as S
from ui.messages import tr


def label_text(setting: S.Setting[Any]) -> str:
    """The declaration's label in the language in use, as a form row's label."""
    return tr("{label}:").format(label=_(setting.label))


def choice_text(setting: S.Setting[Any], choice: str) -> str:
    """What a CHOICE value is called on screen."""
    if setting is S.LANGUAGE:
        return {"system": tr("The system's language"), "en": "English",
                "id": "Bahasa Indonesia"}.get(choice, choice)
    if setting is S.GIT_SWITCHES:
        return {"off": tr("Off"), "ask": tr("Ask me"), "auto": tr("Log it")}.get(choice, choice)
    return choice


def unit_suffix(setting: S.Setting[Any]) -> str:
    return {"min": tr(" min")}.get(setting.unit, f" {setting.unit}" if setting.unit else "")


def allowed_text(setting: S.Setting[Any]) -> str:
    """The allowed values in words, for a tooltip and for a refused value."""
    kind = setting.kind
    if kind is S.Kind.INT:
        return tr("Allowed: {minimum} to {maximum}{unit}.").format(
            minimum=setting.minimum, maximum=setting.maximum, unit=unit_suffix(setting))
    if kind is S.Kind.CHOICE:
        return tr("Allowed: {choices}.").format(
            choices=", ".join(choice_text(setting, c) for c in setting.choices))
    if kind is S.Kind.TIME:
        return tr("A time of day, HH:MM.")
    if kind is S.Kind.WEEKDAY_TIME:
        return tr("A day of the week and a time of day.")
    if kind is S.Kind.HOTKEY:
        return tr("Write it like Ctrl+Alt+F; leave it empty to turn the shortcut off.")
    if kind is S.Kind.PATH:
        return tr("Leave it empty for none.")
    return ""


def help_text(setting: S.Setting[Any]) -> str:
    """The declaration's help and the allowed values, in the language in use."""
    parts = [_(setting.help) if setting.help else "", allowed_text(setting)]
    return "\n".join(p for p in parts if p)


class SettingEditor:
    """A declared setting's widget: shows a value and gives back what the user
    entered, unchecked; the window checks it against the declaration."""

    def __init__(self, setting: S.Setting[Any]) -> None:
        self.setting = setting
        self.widget: QWidget = self._build()
        self.widget.setObjectName(f"setting_{setting.key}")
        self.widget.setToolTip(help_text(setting))

    def _build(self) -> QWidget:
        raise NotImplementedError

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def mark_invalid(self, invalid: bool) -> None:
        self.widget.setStyleSheet("border: 1px solid #c1121f;" if invalid else "")


class IntEditor(SettingEditor):
    def _build(self) -> QWidget:
        assert self.setting.minimum is not None and self.setting.maximum is not None
        self.spin = QSpinBox()
        self.spin.setRange(self.setting.minimum, self.setting.maximum)
        self.spin.setSuffix(unit_suffix(self.setting))
        # Minutes in fives where the range starts on a multiple of five.
        five = self.setting.unit == "min" and self.setting.minimum % 5 == 0
        self.spin.setSingleStep(5 if five and self.setting.maximum >= 100 else 1)
        self.spin.setMaximumWidth(120)
        if self.setting is S.WEEKLY_DEEP_WORK_GOAL:  # 0: taken from the work model
            self.spin.setSpecialValueText(tr("From the work model"))
            self.spin.setMaximumWidth(220)
        return self.spin

    def value(self) -> int:
        return self.spin.value()

    def set_value(self, value: Any) -> None:
        self.spin.setValue(int(value))


class BoolEditor(SettingEditor):
    def _build(self) -> QWidget:
        self.box = QCheckBox()
        return self.box

    def value(self) -> bool:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))


class ChoiceEditor(SettingEditor):
    def _build(self) -> QWidget:
        self.combo = QComboBox()
        for choice in self.setting.choices:
            self.combo.addItem(choice_text(self.setting, choice), choice)
        self.combo.setMaximumWidth(320)
        return self.combo

    def value(self) -> str:
        return str(self.combo.currentData())

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(value)))


def _time_edit() -> QTimeEdit:
    edit = QTimeEdit()
    edit.setDisplayFormat("HH:mm")
    edit.setMaximumWidth(120)
    return edit


def _set_hhmm(edit: QTimeEdit, text: str) -> None:
    hours, minutes = text.split(":")
    edit.setTime(QTime(int(hours), int(minutes)))


class TimeEditor(SettingEditor):
    def _build(self) -> QWidget:
        self.time = _time_edit()
        return self.time

    def value(self) -> str:
        return self.time.time().toString("HH:mm")

    def set_value(self, value: Any) -> None:
        _set_hhmm(self.time, str(value))


class WeekdayTimeEditor(SettingEditor):
    """A weekday (Monday 0, named in the language in use) and a time."""

    def _build(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.day = QComboBox()
        locale = QLocale()
        for weekday in range(7):
            self.day.addItem(locale.dayName(weekday + 1, QLocale.FormatType.LongFormat), weekday)
        self.time = _time_edit()
        self.day.setAccessibleName(tr("{label}: day").format(label=_(self.setting.label)))
        self.time.setAccessibleName(tr("{label}: time").format(label=_(self.setting.label)))
        # On Linux a combo box's accessible name is its current item; what it
        # is comes from the label whose buddy it is (AT-SPI's labelled-by).
        on = QLabel(tr("on"))
        on.setAccessibleName(self.day.accessibleName())
        on.setBuddy(self.day)
        row.addWidget(on)
        row.addWidget(self.day)
        row.addWidget(self.time)
        row.addStretch(1)
        return box

    def value(self) -> str:
        return f"{self.day.currentData()} {self.time.time().toString('HH:mm')}"

    def set_value(self, value: Any) -> None:
        weekday, hhmm = str(value).split()
        self.day.setCurrentIndex(max(0, self.day.findData(int(weekday))))
        _set_hhmm(self.time, hhmm)


class TextEditor(SettingEditor):
    def _build(self) -> QWidget:
        self.edit = QLineEdit()
        return self.edit

    def value(self) -> str:
        return self.edit.text().strip()

    def set_value(self, value: Any) -> None:
        self.edit.setText(str(value))


_MODIFIERS = {"ctrl": "ctrl", "control": "ctrl", "strg": "ctrl", "alt": "alt",
              "shift": "shift", "meta": "cmd", "super": "cmd", "win": "cmd", "cmd": "cmd"}


def stored_combo(text: str) -> str:
    """A combination as people write it, "Ctrl+Alt+F", in pynput's words as it
    is stored, "<ctrl>+<alt>+f". pynput's own form passes as it is."""
    text = text.strip()
    if not text or "<" in text:
        return text
    parts = [p.strip() for p in text.split("+") if p.strip()]
    words = []
    for part in parts:
        low = part.lower()
        if low in _MODIFIERS:
            words.append(f"<{_MODIFIERS[low]}>")
        elif len(part) == 1:
            words.append(low)
        else:
            words.append(f"<{low}>")  # F5, Space, Home: pynput's named keys
    return "+".join(words)


class HotkeyEditor(TextEditor):
    """A combination as people write it ("Ctrl+Alt+F"), stored in pynput's
    words ("<ctrl>+<alt>+f"); the default shows while it is empty."""

    def _build(self) -> QWidget:
        from ui.messages import hotkey_text

        widget = super()._build()
        self.edit.setPlaceholderText(hotkey_text(str(self.setting.default)))
        self.edit.setMaximumWidth(240)
        return widget

    def value(self) -> str:
        return stored_combo(self.edit.text())

    def set_value(self, value: Any) -> None:
        from ui.messages import hotkey_text

        self.edit.setText(hotkey_text(str(value)) if value else "")


class PathEditor(SettingEditor):
    """A path typed or chosen: a file (calendar) or a folder (export)."""

    def _build(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        if self.setting is S.CALENDAR_PATH:
            self.edit.setPlaceholderText(tr("A calendar exported as .ics"))
        elif self.setting is S.EXPORT_FOLDER:
            self.edit.setPlaceholderText(tr("Your home folder"))
        self.edit.setAccessibleName(_(self.setting.label))
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.edit, 1)
        row.addWidget(browse)
        return box

    def _browse(self) -> None:
        start = self.edit.text() or str(Path.home())
        if self.setting is S.EXPORT_FOLDER:
            path = QFileDialog.getExistingDirectory(self.widget, _(self.setting.label), start)
        else:
            path, _filter = QFileDialog.getOpenFileName(
                self.widget, _(self.setting.label), start, tr("Calendar files (*.ics)"))
        if path:
            self.edit.setText(path)

    def value(self) -> str:
        return self.edit.text().strip()

    def set_value(self, value: Any) -> None:
        self.edit.setText(str(value))


EDITORS: dict[S.Kind, type[SettingEditor]] = {
    S.Kind.INT: IntEditor,
    S.Kind.BOOL: BoolEditor,
    S.Kind.CHOICE: ChoiceEditor,
    S.Kind.TIME: TimeEditor,
    S.Kind.WEEKDAY_TIME: WeekdayTimeEditor,
    S.Kind.HOTKEY: HotkeyEditor,
    S.Kind.PATH: PathEditor,
    S.Kind.TEXT: TextEditor,
}


def editor_for(setting: S.Setting[Any]) -> SettingEditor:
    """The editor for a declared scalar setting (structured ones have windows of
    their own)."""
    return EDITORS[setting.kind](setting)
