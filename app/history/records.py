"""Rows as JSON and back, and the marks the figures show: which sessions were
added or edited after the fact.

A snapshot holds every column of a row, instants as ISO text in UTC, so a row
deleted by hand can be put back exactly, under the same id."""

from __future__ import annotations

import getpass
import json
import platform
from collections.abc import Iterable
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Date
from sqlmodel import Session, SQLModel, col, select

from app.store.models import (
    ContextSwitch,
    EditRecord,
    FocusSession,
    Interruption,
    SessionPause,
    UtcDateTime,
)

# The tables a person may change by hand, by the name records use.
ENTITIES: dict[str, type[SQLModel]] = {
    "focus_session": FocusSession,
    "session_pause": SessionPause,
    "context_switch": ContextSwitch,
    "interruption": Interruption,
}
ADD, EDIT, DELETE = "add", "edit", "delete"


def who() -> tuple[str, str]:
    """The OS user and the machine's name, as an edit record keeps them."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for the uid (a container, say)
        user = "?"
    return user, platform.node() or "?"


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def snapshot(row: SQLModel) -> dict[str, Any]:
    """Every column of ``row``, JSON-able."""
    table = row.__table__  # type: ignore[attr-defined]
    return {c.name: _plain(getattr(row, c.name)) for c in table.columns}


def dumps(row: SQLModel | None) -> str | None:
    return None if row is None else json.dumps(snapshot(row), sort_keys=True)


def values(entity: str, data: dict[str, Any]) -> dict[str, Any]:
    """A snapshot's columns as the model takes them."""
    table = ENTITIES[entity].__table__  # type: ignore[attr-defined]
    out: dict[str, Any] = {}
    for c in table.columns:
        value = data.get(c.name)
        if value is not None and isinstance(c.type, UtcDateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(c.type, Date):
            value = date.fromisoformat(value)
        out[c.name] = value
    return out


def restore(s: Session, entity: str, data: dict[str, Any]) -> SQLModel:
    """Put ``data`` back: into the row with its id, made anew if it was deleted."""
    fields = values(entity, data)
    model = ENTITIES[entity]
    row = s.get(model, fields["id"])
    if row is None:
        row = model(**fields)
        s.add(row)
    else:
        for name, value in fields.items():
            setattr(row, name, value)
    return row


def session_marks(s: Session, session_ids: Iterable[int]) -> dict[int, str]:
    """Session id → "added" or "edited", for the sessions changed by hand (and
    not undone). An added session that was edited later stays "added"."""
    ids = list(session_ids)
    if not ids:
        return {}
    marks: dict[int, str] = {}
    rows = s.exec(select(EditRecord).where(
        EditRecord.entity == "focus_session", col(EditRecord.entity_id).in_(ids),
        col(EditRecord.undone).is_(False), col(EditRecord.action) != DELETE))
    for r in rows:
        if r.action == ADD:
            marks[r.entity_id] = "added"
        else:
            marks.setdefault(r.entity_id, "edited")
    # A pause changed by hand changes its session's focus: the session is edited.
    pause_rows = s.exec(select(EditRecord).where(
        EditRecord.entity == "session_pause", col(EditRecord.undone).is_(False)))
    for r in pause_rows:
        data = json.loads(r.after or r.before or "{}")
        owner = data.get("session_id")
        if owner in ids:
            marks.setdefault(owner, "edited")
    return marks


def entity_marks(s: Session, entity: str, ids: Iterable[int]) -> dict[int, str]:
    """Like ``session_marks`` for switches and interruptions."""
    wanted = list(ids)
    if not wanted:
        return {}
    marks: dict[int, str] = {}
    for r in s.exec(select(EditRecord).where(
            EditRecord.entity == entity, col(EditRecord.entity_id).in_(wanted),
            col(EditRecord.undone).is_(False), col(EditRecord.action) != DELETE)):
        if r.action == ADD:
            marks[r.entity_id] = "added"
        else:
            marks.setdefault(r.entity_id, "edited")
    return marks
