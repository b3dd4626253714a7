"""Translated words for the core's codes and enums, for the Qt front end."""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import QCoreApplication

from app.cli.commands.config import EDITED_IN_WINDOW
from app.domain import TaskType, Urgency
from app.errors import ErrorCode, FokusError


def tr(text: str) -> str:
    """Translate text outside a QObject's own ``self.tr()``. pyside6-lupdate files
    bare ``tr("…")`` calls under the empty context, so that is the one asked here."""
    return QCoreApplication.translate("", text)


def clock_text(value: datetime | time) -> str:
    """A local time of day as the language spoken writes it, the way the command
    line does (10:00 in English, 10.00 in Indonesian)."""
    from app.formats import clock

    return clock(value)


def import_error_text(error: BaseException) -> str:
    """Why a calendar import failed, as an off-thread import hands it back: a
    core error's own words, else the unexpected one named."""
    if isinstance(error, FokusError):
        return error_text(error)
    return tr("The calendar could not be imported: {reason}").format(reason=error)


def error_text(err: FokusError) -> str:
    texts = {
        ErrorCode.UNKNOWN_PROJECT: tr("There is no project named “{project}”."),
        ErrorCode.UNKNOWN_BATCH: tr("There is no batch {batch}."),
        ErrorCode.PROJECT_EXISTS: tr("A project named “{project}” already exists."),
        ErrorCode.PROJECT_ARCHIVED: tr("Project “{project}” is archived."),
        ErrorCode.BATCH_NOT_IN_PROJECT: tr("That batch belongs to another project."),
        ErrorCode.BATCH_DONE: tr("Batch “{batch}” is already done."),
        ErrorCode.INVALID_VALUE: tr("The value for {field} is not valid: {value}"),
        ErrorCode.ALREADY_FOCUSING: tr("A focus session is already running."),
        ErrorCode.NOT_FOCUSING: tr("No focus session is running."),
        ErrorCode.NOT_PAUSED: tr("The focus session is not paused."),
        ErrorCode.NO_SESSION: tr("No focus session is running."),
        ErrorCode.NO_BREAK: tr("No break is running."),
        ErrorCode.DATABASE_NEWER: tr(
            "The database {path} was written by a newer version of Fokus. "
            "Nothing was changed; please update Fokus."
        ),
        ErrorCode.DATABASE_CORRUPT: tr(
            "The database {path} cannot be read ({reason}). It was left untouched."
        ),
        ErrorCode.DATABASE_LOCKED: tr("The database is busy. Please try again."),
        ErrorCode.DISK_FULL: tr("The disk is full: Fokus could not save. Free some space."),
        ErrorCode.DATA_DIR_UNUSABLE: tr("Fokus cannot use the folder {path}: {reason}"),
        ErrorCode.INSTANCE_UNREACHABLE: tr("The running Fokus does not answer."),
        ErrorCode.INSTANCE_FAILED: tr("Fokus failed while doing “{command}” ({reason})."),
        ErrorCode.DATABASE_READ_ONLY: tr(
            "The database {path} is read-only: Fokus shows what it holds but saves nothing. "
            "Make the file and its folder writable."),
        ErrorCode.INSTANCE_SOCKET_FOREIGN: tr(
            "Something that is not Fokus's own stands where its command socket goes ({path}); "
            "it was left alone. Remove it if you did not make it."),
        ErrorCode.INVALID_WORK_MODEL: tr("The work model is not valid: {problem} {subject}"),
        ErrorCode.CALENDAR_INVALID: tr(
            "Cannot import {path}: {reason}. Nothing was imported."),
        ErrorCode.UNKNOWN_BLOCK: tr("There is no time block {block}."),
        ErrorCode.BLOCK_OUTSIDE_WORK: tr("The block lies outside work hours."),
        ErrorCode.UNKNOWN_SETTING: tr("There is no setting named “{key}”. The settings are: "
                                      "{known}"),
        ErrorCode.UNKNOWN_SESSION: tr("There is no session {session}."),
        ErrorCode.UNKNOWN_ENTRY: tr("That entry no longer exists."),
        ErrorCode.SESSION_OVERLAP: tr("That would overlap the session on {project} "
                                      "({start}–{end})."),
        ErrorCode.SESSION_RUNNING: tr("That session is still running: only its project and "
                                      "batch can change until it ends."),
        ErrorCode.NOTHING_TO_UNDO: tr("There is nothing to undo."),
        ErrorCode.UNDO_CONFLICT: tr("This cannot be undone: a newer entry now has its place. "
                                    "Nothing was changed."),
        ErrorCode.SETTING_INVALID: tr("“{value}” is not a valid value for {key}. Allowed: "
                                      "{allowed}"),
        ErrorCode.SYNC_NOT_SET_UP: tr("Sync is not set up on this computer."),
        ErrorCode.SYNC_WRONG_PASSPHRASE: tr("The passphrase does not open the sync folder "
                                            "{path}. Nothing was merged."),
        ErrorCode.SYNC_FILE_REFUSED: tr("A file in the sync folder was refused ({file}): it is "
                                        "damaged, incomplete or sealed with another "
                                        "passphrase. Nothing of it was merged."),
        ErrorCode.SYNC_FOLDER_UNUSABLE: tr("Cannot use the sync folder {path}: {reason}"),
    }
    if err.code is ErrorCode.INVALID_WORK_MODEL:
        return tr("The work model is not valid: {problem}").format(
            problem=work_model_problem_text(str(err.params.get("problem", "")),
                                            str(err.params.get("subject", ""))))
    if err.code is ErrorCode.SETTING_INVALID and err.params.get("where") == EDITED_IN_WINDOW:
        return tr("{key} is edited in its own window in Settings.").format(**err.params)
    try:
        return texts[err.code].format(**err.params)
    except KeyError:
        return err.code.value


def work_model_subject(subject: str) -> str:
    """A work-model problem's subject in words: "no_meeting 15:00-17:30" →
    "no-meeting window 15:00–17:30"."""
    names = {"no_meeting": tr("no-meeting window"), "core": tr("core hours"),
             "work": tr("work hours"), "lunch": tr("lunch break")}
    return " ".join(names.get(part, part.replace("-", "–")) for part in subject.split())


def work_model_problem_text(code: str, subject: str) -> str:
    """A work-model problem in words, for the Settings window and error texts alike."""
    from app.store import settings as S

    texts = {
        "empty_span": tr("A time span ends before it starts: {subject}"),
        "outside_work_hours": tr("A window lies outside the work hours: {subject}"),
        "overlaps_core": tr("A no-meeting window overlaps the core hours: {subject}"),
        "windows_overlap": tr("Two no-meeting windows overlap: {subject}"),
        "empty_week": tr("The week has no work day."),
        "unreadable": tr("The stored work model cannot be read; the default is used."),
        "bad_limit": tr("Projects per day must be between {minimum} and {maximum}."),
        "bad_focus_length": tr(
            "The focus length must be between {minimum} and {maximum} minutes."),
    }
    text = texts.get(code)
    if text is None:
        return work_model_subject(subject) or code
    setting = S.PROJECT_LIMIT if code == "bad_limit" else S.FOCUS_MINUTES
    return text.format(subject=work_model_subject(subject), minimum=setting.minimum,
                       maximum=setting.maximum)


def number_text(value: float | int | None, digits: int = 1) -> str:
    """A figure as the language writes it (2,4 in Indonesian); None: "—"."""
    from PySide6.QtCore import QLocale

    if value is None:
        return "—"
    if isinstance(value, int) or float(value).is_integer():
        return QLocale().toString(int(round(value)))
    text = QLocale().toString(float(value), "f", digits)
    zero = QLocale().zeroDigit()
    point = QLocale().decimalPoint()
    return text.rstrip(zero).rstrip(point) if point in text else text


def hotkey_text(combo: str) -> str:
    """A stored hotkey as people write it: "<ctrl>+<alt>+f" → "Ctrl+Alt+F" (the
    modifiers' names as Qt gives them on this platform and in this language)."""
    from PySide6.QtGui import QKeySequence

    names = {"ctrl": "Ctrl", "alt": "Alt", "shift": "Shift", "cmd": "Meta", "super": "Meta"}
    parts = [p.strip().strip("<>") for p in combo.split("+") if p.strip()]
    portable = "+".join(names.get(p.lower(), p.upper() if len(p) == 1 else p.capitalize())
                        for p in parts)
    return QKeySequence(portable).toString(QKeySequence.SequenceFormat.NativeText) or portable


def task_type_text(value: TaskType | str) -> str:
    texts = {
        TaskType.CODING: tr("Coding"),
        TaskType.DEBUGGING: tr("Debugging"),
        TaskType.RESEARCH: tr("Technology research"),
        TaskType.REFACTORING: tr("Refactoring"),
        TaskType.DOCUMENTATION: tr("Documentation"),
        TaskType.CODE_REVIEW: tr("Code review"),
        TaskType.PAIR_PROGRAMMING: tr("Pair programming"),
        TaskType.SPRINT_PLANNING: tr("Sprint planning"),
        TaskType.RETROSPECTIVE: tr("Retrospective"),
        TaskType.STANDUP: tr("Stand-up"),
        TaskType.DESIGN_THINKING: tr("Design thinking"),
        TaskType.MEETING: tr("Meeting"),
        TaskType.ADMINISTRATION: tr("Administration"),
    }
    return texts[TaskType(value)]


def urgency_text(value: Urgency | str) -> str:
    texts = {
        Urgency.LOW: tr("Low"),
        Urgency.NORMAL: tr("Normal"),
        Urgency.HIGH: tr("High"),
        Urgency.CRITICAL: tr("Critical"),
    }
    return texts[Urgency(value)]
