"""Reading the edit history: who changed what in the past, on which computer,
and what each field was before and after, for the history window and
``fokus edits``. Values stay as stored (instants in UTC, ids); each front end
words them (local times, project names) in its own language."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import col, or_, select

from app.clock import as_utc
from app.store.engine import Store
from app.store.models import EditRecord
from app.store.synced import FOREIGN_GROUP, LOST_GROUP

# The fields a person recognises; the rest (heartbeats, owners, offsets) are
# kept in the record but not shown.
SHOWN_FIELDS = ("started_at", "ended_at", "at", "project_id", "to_project_id",
                "from_project_id", "batch_id", "start_at", "end_at", "name", "title", "text",
                "trigger", "source", "kind", "minutes", "satisfaction", "energy", "reason",
                "colour", "estimate_minutes", "status", "due_date")


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class HistoryEntry:
    """One recorded change, newest first in a listing."""

    id: int
    at: datetime  # UTC
    utc_offset_min: int
    user: str
    machine: str  # the computer's name
    entity: str  # focus_session, session_pause, project, …
    entity_id: int
    action: str  # add | edit | delete
    undone: bool
    # A value this computer or another set, replaced by another computer's
    # newer change to the same field (sync): kept so it can be seen and taken back.
    lost: bool
    # From another computer (sync): shown, never undone here.
    foreign: bool
    changes: tuple[FieldChange, ...]
    before: dict[str, Any]
    after: dict[str, Any]

    @property
    def shown_changes(self) -> tuple[FieldChange, ...]:
        return tuple(c for c in self.changes if c.field in SHOWN_FIELDS)


def _entry(r: EditRecord) -> HistoryEntry:
    before: dict[str, Any] = json.loads(r.before) if r.before else {}
    after: dict[str, Any] = json.loads(r.after) if r.after else {}
    changes = tuple(FieldChange(k, before.get(k), after.get(k))
                    for k in sorted(set(before) | set(after))
                    if k != "id" and before.get(k) != after.get(k)) if r.action == "edit" else ()
    assert r.id is not None
    return HistoryEntry(
        id=r.id, at=as_utc(r.at), utc_offset_min=r.utc_offset_min, user=r.user,
        machine=r.machine, entity=r.entity, entity_id=r.entity_id, action=r.action,
        undone=r.undone, lost=is_lost(r),
        foreign=r.group_uid.startswith(FOREIGN_GROUP) and not r.group_uid.startswith(LOST_GROUP),
        changes=changes, before=before, after=after)


def is_lost(r: EditRecord) -> bool:
    """A value that lost to another computer's newer change (app/sync): its
    record, made undone at once (it is not in effect), is in a group of its own
    kind. (Losses recorded before that group existed read as undone edits.)"""
    return r.action == "edit" and r.undone and r.group_uid.startswith(LOST_GROUP)


class HistoryLog:
    def __init__(self, store: Store) -> None:
        self.store = store

    def entries(self, limit: int = 200, session_id: int | None = None) -> list[HistoryEntry]:
        """The latest changes, newest first; with ``session_id`` only that
        session's own and its pauses' and interruptions'."""
        query = select(EditRecord)
        if session_id is not None:
            # The snapshot's JSON (sorted keys): the id ends at a comma or the brace.
            keys = [f'"session_id": {int(session_id)}{end}' for end in (",", "}")]
            query = query.where(or_(
                (col(EditRecord.entity) == "focus_session")
                & (col(EditRecord.entity_id) == session_id),
                col(EditRecord.entity).in_(("session_pause", "interruption"))
                & or_(*[col(c).contains(k) for c in (EditRecord.before, EditRecord.after)
                        for k in keys])))
        with self.store.transaction() as s:
            rows = list(s.exec(query.order_by(col(EditRecord.at).desc(),
                                              col(EditRecord.id).desc()).limit(limit)))
        return [_entry(r) for r in rows]

    def lost_count(self) -> int:
        """How many values lost to another computer's newer change are kept."""
        with self.store.transaction() as s:
            return len(list(s.exec(select(EditRecord.id).where(
                col(EditRecord.group_uid).startswith(LOST_GROUP),
                col(EditRecord.action) == "edit", col(EditRecord.undone).is_(True)))))
