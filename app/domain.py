"""Words of the domain as enums, shared by storage, engine and front ends.

Kept free of SQLModel so the tray can use them before the database is loaded."""

from __future__ import annotations

from enum import StrEnum


class TaskType(StrEnum):
    CODING = "coding"
    DEBUGGING = "debugging"
    RESEARCH = "research"
    REFACTORING = "refactoring"
    DOCUMENTATION = "documentation"
    CODE_REVIEW = "code_review"
    PAIR_PROGRAMMING = "pair_programming"
    SPRINT_PLANNING = "sprint_planning"
    RETROSPECTIVE = "retrospective"
    STANDUP = "standup"
    DESIGN_THINKING = "design_thinking"
    MEETING = "meeting"
    ADMINISTRATION = "administration"


class Urgency(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return list(Urgency).index(self)


class BatchStatus(StrEnum):
    OPEN = "open"
    DONE = "done"


class SessionState(StrEnum):
    IDLE = "idle"
    FOCUSING = "focusing"
    PAUSED = "paused"
    FINISHED = "finished"
    ABANDONED = "abandoned"

    @property
    def is_open(self) -> bool:
        return self in (SessionState.FOCUSING, SessionState.PAUSED)


class PauseReason(StrEnum):
    USER = "user"
    IDLE = "idle"
    SLEEP = "sleep"


class EndReason(StrEnum):
    COMPLETED = "completed"  # the planned length was reached
    STOPPED = "stopped"  # the user stopped it early
    SWITCHED = "switched"  # the user switched project
    RECOVERED = "recovered"  # closed after Fokus ended unexpectedly


class BlockKind(StrEnum):
    DEEP = "deep"
    COLLABORATIVE = "collaborative"


class Location(StrEnum):
    REMOTE = "WFA"
    OFFICE = "WFO"


class SwitchTrigger(StrEnum):
    PLANNED = "planned"
    INTERRUPTION = "interruption"
    MEETING = "meeting"
    URGENT = "urgent"
    SELF = "self"


class EventSource(StrEnum):
    TRAY = "tray"
    HOTKEY = "hotkey"
    CLI = "cli"
    AUTOMATIC = "automatic"
    WINDOW = "window"
    GIT = "git"  # noticed from activity in a mapped repository


class InterruptionSource(StrEnum):
    COLLEAGUE = "colleague"
    CHAT = "chat"
    PHONE = "phone"
    MEETING = "meeting"
    URGENT = "urgent"
    OTHER = "other"


PRESET_MINUTES = (25, 50, 90)
DEFAULT_MINUTES = 90
MAX_MINUTES = 8 * 60
# The years a date typed or imported may fall in.
FIRST_YEAR, LAST_YEAR = 1970, 2100
_MAX_ROW_ID = 2**63 - 1  # SQLite's largest integer


def row_id(value: object) -> int | None:
    """A row id typed by the user (ASCII digits), or None when it cannot be one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        key = value
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        key = int(value.strip())
    else:
        return None
    return key if 1 <= key <= _MAX_ROW_ID else None
MIN_MINUTES = 5
