"""Errors the core raises. They carry a code and parameters, never a sentence:
the front ends (command line, Qt) turn them into translated text."""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class ErrorCode(StrEnum):
    UNKNOWN_PROJECT = "unknown_project"
    UNKNOWN_BATCH = "unknown_batch"
    PROJECT_EXISTS = "project_exists"
    PROJECT_ARCHIVED = "project_archived"
    BATCH_NOT_IN_PROJECT = "batch_not_in_project"
    BATCH_DONE = "batch_done"
    INVALID_VALUE = "invalid_value"
    ALREADY_FOCUSING = "already_focusing"
    NOT_FOCUSING = "not_focusing"
    NOT_PAUSED = "not_paused"
    NO_SESSION = "no_session"
    NO_BREAK = "no_break"
    DATABASE_NEWER = "database_newer"
    DATABASE_CORRUPT = "database_corrupt"
    DATABASE_LOCKED = "database_locked"
    DISK_FULL = "disk_full"
    DATA_DIR_UNUSABLE = "data_dir_unusable"
    INSTANCE_UNREACHABLE = "instance_unreachable"
    INSTANCE_SOCKET_FOREIGN = "instance_socket_foreign"
    INVALID_WORK_MODEL = "invalid_work_model"
    CALENDAR_INVALID = "calendar_invalid"
    UNKNOWN_BLOCK = "unknown_block"
    BLOCK_OUTSIDE_WORK = "block_outside_work"
    UNKNOWN_SETTING = "unknown_setting"
    SETTING_INVALID = "setting_invalid"
    UNKNOWN_SESSION = "unknown_session"
    UNKNOWN_ENTRY = "unknown_entry"
    SESSION_OVERLAP = "session_overlap"
    SESSION_RUNNING = "session_running"
    NOTHING_TO_UNDO = "nothing_to_undo"
    UNDO_CONFLICT = "undo_conflict"
    INSTANCE_FAILED = "instance_failed"
    DATABASE_READ_ONLY = "database_read_only"
    SYNC_NOT_SET_UP = "sync_not_set_up"
    SYNC_WRONG_PASSPHRASE = "sync_wrong_passphrase"
    SYNC_FILE_REFUSED = "sync_file_refused"
    SYNC_FOLDER_UNUSABLE = "sync_folder_unusable"


class FokusError(Exception):
    def __init__(self, code: ErrorCode, **params: Any) -> None:
        super().__init__(code.value, params)
        self.code = code
        self.params = params

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code.value, "params": {k: str(v) for k, v in self.params.items()}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FokusError:
        return cls(ErrorCode(data["code"]), **data.get("params", {}))
