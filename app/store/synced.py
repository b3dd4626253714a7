"""Which tables follow the person to another machine (app/sync), declared once:
the migration's triggers and the sync engine read the same list.

A synced row is known everywhere by a uid (table ``sync_row``), never by its
local id: each machine numbers its own rows. A reference to another synced row
travels as that row's uid. Projects and reflections take a uid made of their
natural key (the project's name, the reflection's day), so the same project or
day created on two machines offline is one item, not two that collide."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SyncedTable:
    name: str
    # Foreign-key column → the synced table it points at.
    refs: dict[str, str] = field(default_factory=dict)
    # Columns that stay with this machine, and the value a copy made elsewhere takes.
    local: dict[str, object] = field(default_factory=dict)
    # A column whose value names the row everywhere (uid = "<table>:<value>").
    natural_key: str | None = None
    key_column: str = "id"


SETTING_TABLE = "setting"

TABLES: tuple[SyncedTable, ...] = (
    SyncedTable("project", natural_key="name"),
    SyncedTable("project_batch", {"project_id": "project"}),
    SyncedTable("time_block", {"project_id": "project", "batch_id": "project_batch"}),
    SyncedTable("focus_session", {"project_id": "project", "batch_id": "project_batch"},
                local={"owner": None, "recovered_notice_pending": 0}),
    SyncedTable("session_pause", {"session_id": "focus_session"}),
    # Breaks count in the weekly report; they travel from migration 11 on.
    SyncedTable("focus_break", {"session_id": "focus_session"}),
    SyncedTable("context_switch", {"from_project_id": "project", "to_project_id": "project"}),
    SyncedTable("interruption", {"session_id": "focus_session"}),
    SyncedTable("reflection", natural_key="day"),
    SyncedTable("resume_note", {"project_id": "project", "batch_id": "project_batch"}),
    # The honest history of edits made by hand (app/history): its ``entity_id``
    # and the ids inside ``before``/``after`` travel as uids (app.sync.merge).
    SyncedTable("edit_record", natural_key="uid"),
    # Settings: only those declared to follow the person (app.sync decides).
    SyncedTable(SETTING_TABLE, natural_key="key", key_column="key"),
)
# Tables that began to travel after migration 9 made the rest travel: the
# migration that gave them their uids and triggers.
SYNCED_SINCE: dict[str, int] = {"focus_break": 11}


def synced_in(version: int) -> tuple[SyncedTable, ...]:
    """The tables migration ``version`` begins to sync (9: all of the first ones)."""
    return tuple(t for t in TABLES if SYNCED_SINCE.get(t.name, 9) == version)


EDIT_RECORD = "edit_record"
# Edit records that came from another machine: shown and counted, never undone here.
FOREIGN_GROUP = "sync:"
# Values that lost to another computer's newer change, kept here to be seen.
LOST_GROUP = FOREIGN_GROUP + "lost:"
BY_NAME: dict[str, SyncedTable] = {t.name: t for t in TABLES}
# Parents before children: the order rows are made in on another machine.
ORDER: dict[str, int] = {t.name: i for i, t in enumerate(TABLES)}
