"""Changes out of the database and into it, on a plain sqlite3 connection inside
one write transaction (the caller's).

Every field of a synced row carries the hybrid-logical-clock stamp of the
change that set it, "<milliseconds>.<counter>.<machine>": ordered as text, it
follows the wall clock, never goes back on one machine, and two machines never
make the same stamp, so "the newest stamp wins" gives the same row everywhere
whatever order the changes arrive in. The fields of a deleted row stay kept
under its uid, merged like any other, so the row can come back whole.

A deletion's tombstone wins over the edits stamped before it. An edit stamped
after it (made on a machine that did not know of the deletion yet) brings the
row back, with its newest fields, for the items nothing else depends on
(``RESURRECTS``, and only while the rows they need are there); for the others
the deletion stays and the later edit is kept in the edit history. The losing
value of an edit made on another machine at the same time is kept in the
item's edit history too."""

from __future__ import annotations

import json
import secrets
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from app.store.synced import (
    BY_NAME,
    EDIT_RECORD,
    FOREIGN_GROUP,
    LOST_GROUP,
    ORDER,
    SETTING_TABLE,
    TABLES,
    SyncedTable,
)

# The tables whose losing values the edit history keeps.
HISTORY_ENTITIES = ("project", "project_batch", "time_block", "focus_session", "session_pause",
                    "context_switch", "interruption", "reflection", "resume_note")
# The tables whose rows an edit made after their deletion brings back: no other
# synced row hangs on them. The others (projects, batches, sessions, pauses,
# interruptions) stay deleted: bringing one back would need the rows deleted
# with it, and a session back from the dead could overlap another.
RESURRECTS = frozenset({"time_block", "context_switch", "reflection", "resume_note"})
_COUNTER_MAX = 999_999


def make_stamp(ms: int, counter: int, machine: str) -> str:
    return f"{ms:013d}.{counter:06d}.{machine}"


def stamp_machine(stamp: str) -> str:
    return stamp.split(".", 2)[2]


def stamp_ms(stamp: str) -> int:
    return int(stamp.split(".", 1)[0])


class Hlc:
    """A hybrid logical clock: the wall clock in milliseconds, with a counter for
    changes in the same millisecond and a floor at the newest stamp seen."""

    def __init__(self, machine: str, latest: str | None) -> None:
        self.machine = machine
        self.ms, self.counter = 0, 0
        if latest:
            self.observe(latest)

    def observe(self, stamp: str) -> None:
        ms, counter, _machine = stamp.split(".", 2)
        if (int(ms), int(counter)) > (self.ms, self.counter):
            self.ms, self.counter = int(ms), int(counter)

    def next(self, now_ms: int) -> str:
        if now_ms > self.ms:
            self.ms, self.counter = now_ms, 0
        elif self.counter < _COUNTER_MAX:
            self.counter += 1
        else:
            self.ms, self.counter = self.ms + 1, 0
        return make_stamp(self.ms, self.counter, self.machine)


def latest_stamp(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("""SELECT max(stamp) FROM (
        SELECT max(stamp) AS stamp FROM sync_field
        UNION ALL SELECT max(stamp) FROM sync_tomb)""").fetchone()
    return row[0] if row else None


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    not_null: bool


_COLUMNS: dict[str, list[Column]] = {}


def columns(conn: sqlite3.Connection, table: str) -> list[Column]:
    if table not in _COLUMNS:
        _COLUMNS[table] = [Column(r[1], str(r[2]).upper(), bool(r[3]))
                           for r in conn.execute(f"PRAGMA table_info({table})")]
    return _COLUMNS[table]


def _dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def _uid_of(conn: sqlite3.Connection, entity: str, row_key: object) -> str | None:
    row = conn.execute("SELECT uid FROM sync_row WHERE entity = ? AND row_key = ?",
                       (entity, str(row_key))).fetchone()
    return None if row is None else str(row[0])


def _key_of(conn: sqlite3.Connection, uid: str) -> str | None:
    row = conn.execute("SELECT row_key FROM sync_row WHERE uid = ?", (uid,)).fetchone()
    return None if row is None else str(row[0])


def _row(conn: sqlite3.Connection, spec: SyncedTable, key: str) -> dict[str, Any] | None:
    cursor = conn.execute(f"SELECT * FROM {spec.name} WHERE {spec.key_column} = ?", (key,))
    values = cursor.fetchone()
    if values is None:
        return None
    return {d[0]: v for d, v in zip(cursor.description, values, strict=True)}


def _fields(conn: sqlite3.Connection, spec: SyncedTable, row: dict[str, Any]) -> dict[str, Any]:
    """A row's synced fields, its references as uids."""
    out: dict[str, Any] = {}
    for name, value in row.items():
        if name == spec.key_column or name in spec.local:
            continue
        if name in spec.refs and value is not None:
            value = _uid_of(conn, spec.refs[name], value)
        out[name] = value
    if spec.name == EDIT_RECORD:
        entity = str(row["entity"])
        out["entity_id"] = _uid_of(conn, entity, row["entity_id"])
        out["group_uid"] = str(row["group_uid"]).removeprefix(FOREIGN_GROUP)
        for side in ("before", "after"):
            out[side] = _snapshot_ids(conn, entity, out[side], outward=True)
    return out


def _waits(conn: sqlite3.Connection, entity: str, text: Any) -> bool:
    """Does a snapshot name a row that has not arrived here yet?"""
    spec = BY_NAME.get(entity)
    if not isinstance(text, str) or spec is None:
        return False
    data = json.loads(text)
    for name in (spec.key_column, *spec.refs):
        value = data.get(name)
        if isinstance(value, str) and _key_of(conn, value) is None \
                and not _tombstoned(conn, value):
            return True
    return False


def _snapshot_ids(conn: sqlite3.Connection, entity: str, text: str | None,
                  outward: bool) -> str | None:
    """An edit record's row snapshot with its ids as uids (outward) or as this
    machine's ids (inward); an id with no counterpart becomes null."""
    spec = BY_NAME.get(entity)
    if text is None or spec is None:
        return text
    data = json.loads(text)
    targets = {spec.key_column: entity, **spec.refs}
    for name, target in targets.items():
        value = data.get(name)
        if value is None:
            continue
        if outward:
            data[name] = _uid_of(conn, target, value)
        else:
            key = _key_of(conn, str(value))
            data[name] = None if key is None else int(key)
    return json.dumps(data, sort_keys=True)


# -- out -------------------------------------------------------------------------------


@dataclass
class Outgoing:
    rows: list[list[Any]] = field(default_factory=list)  # [uid, entity, {field: value}, stamp]
    deleted: list[list[Any]] = field(default_factory=list)  # [uid, entity, stamp]

    def __bool__(self) -> bool:
        return bool(self.rows or self.deleted)


def export(conn: sqlite3.Connection, hlc: Hlc, now_ms: int,
           follows: Callable[[str], bool]) -> Outgoing:
    """Stamp what changed here since the last export: the changed fields of the
    rows the triggers marked, and the tombstones not yet stamped. A running
    session waits until it ends (another machine must never take it for one
    of its own that crashed), and a break until its time is over."""
    out = Outgoing()
    dirty = sorted(conn.execute("SELECT entity, row_key FROM sync_dirty").fetchall(),
                   key=lambda r: ORDER.get(r[0], len(ORDER)))
    for entity, key in dirty:
        spec = BY_NAME.get(entity)
        forget = True
        fields: dict[str, Any] | None = None
        uid: str | None = None
        if spec is None:
            pass
        elif entity == SETTING_TABLE:
            if follows(key):
                row = _row(conn, spec, key)
                uid = f"{SETTING_TABLE}:{key}"
                fields = {"value": None if row is None else row["value"]}
        else:
            row = _row(conn, spec, key)
            if row is not None and (
                    (entity == "focus_session" and row["ended_at"] is None)
                    # A break under way is this computer's, as a running session is:
                    # another computer would show it as its own.
                    or (entity == "focus_break" and row["state"] == "open"
                        and _ms(row["until"]) > now_ms)):
                forget = False
            elif row is not None:
                uid = _uid_of(conn, entity, key)
                if uid is None:  # written before the triggers knew it: named now
                    uid = secrets.token_hex(16)
                    conn.execute("INSERT INTO sync_row (entity, row_key, uid) VALUES (?, ?, ?)",
                                 (entity, key, uid))
                fields = _fields(conn, spec, row)
        if forget:
            conn.execute("DELETE FROM sync_dirty WHERE entity = ? AND row_key = ?", (entity, key))
        if uid is None or fields is None:
            continue
        stored = dict(conn.execute("SELECT field, value FROM sync_field WHERE uid = ?", (uid,)))
        changed = {f: v for f, v in fields.items() if stored.get(f) != _dumps(v)}
        if not changed:
            continue
        stamp = hlc.next(now_ms)
        conn.executemany(
            "INSERT OR REPLACE INTO sync_field (uid, field, entity, value, stamp) "
            "VALUES (?, ?, ?, ?, ?)",
            [(uid, f, entity, _dumps(v), stamp) for f, v in changed.items()])
        out.rows.append([uid, entity, changed, stamp])
    for uid, entity in conn.execute(
            "SELECT uid, entity FROM sync_tomb WHERE stamp IS NULL").fetchall():
        stamp = hlc.next(now_ms)
        conn.execute("UPDATE sync_tomb SET stamp = ? WHERE uid = ?", (stamp, uid))
        out.deleted.append([uid, entity, stamp])
    return out


# -- in --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lost:
    """A value that lost: to a newer one set at the same time on another machine, or
    (``gone``) to a deletion that stays although the edit was made after it."""

    uid: str
    entity: str
    field: str
    value: Any
    machine: str
    # Set after the row's deletion, which stays: the edit is not in effect anywhere.
    gone: bool = False


@dataclass
class Merged:
    tables: set[str] = field(default_factory=set)  # tables written
    rows: int = 0  # rows made or changed here
    deleted: int = 0
    lost: list[Lost] = field(default_factory=list)
    waiting: int = 0  # rows that wait for a row they refer to


def _tombstoned(conn: sqlite3.Connection, uid: str) -> bool:
    return conn.execute("SELECT 1 FROM sync_tomb WHERE uid = ?", (uid,)).fetchone() is not None


def _delete_here(conn: sqlite3.Connection, entity: str, key: str, stamp: str,
                 merged: Merged) -> None:
    """Delete a row and what cannot live without it (tombstoned alike on every
    machine); references that may be empty are emptied."""
    for child in TABLES:
        for column, target in child.refs.items():
            if target != entity:
                continue
            not_null = next(c.not_null for c in columns(conn, child.name) if c.name == column)
            ids = [r[0] for r in conn.execute(
                f"SELECT {child.key_column} FROM {child.name} WHERE {column} = ?", (key,))]
            for child_key in ids:
                if not not_null:
                    conn.execute(f"UPDATE {child.name} SET {column} = NULL "
                                 f"WHERE {child.key_column} = ?", (child_key,))
                    continue
                child_uid = _uid_of(conn, child.name, child_key)
                if child_uid is not None:
                    conn.execute("INSERT OR IGNORE INTO sync_tomb (uid, entity, stamp) "
                                 "VALUES (?, ?, ?)", (child_uid, child.name, stamp))
                    _note_gone(conn, child_uid, child.name, stamp, merged)
                _delete_here(conn, child.name, str(child_key), stamp, merged)
    spec = BY_NAME[entity]
    conn.execute(f"DELETE FROM {entity} WHERE {spec.key_column} = ?", (key,))
    conn.execute("DELETE FROM sync_row WHERE entity = ? AND row_key = ?", (entity, key))
    conn.execute("DELETE FROM sync_dirty WHERE entity = ? AND row_key = ?", (entity, key))
    merged.tables.add(entity)
    merged.deleted += 1


def _newer(conn: sqlite3.Connection, uid: str, stamp: str) -> list[tuple[str, str, str]]:
    """The kept fields of a row set after ``stamp``: (field, value, stamp)."""
    return [(str(r[0]), str(r[1]), str(r[2])) for r in conn.execute(
        "SELECT field, value, stamp FROM sync_field WHERE uid = ? AND stamp > ?", (uid, stamp))]


def _needs_gone(conn: sqlite3.Connection, uid: str, entity: str) -> bool:
    """Is a row it cannot live without deleted?"""
    for column in BY_NAME[entity].refs:
        if not next((c.not_null for c in columns(conn, entity) if c.name == column), False):
            continue
        row = conn.execute("SELECT value FROM sync_field WHERE uid = ? AND field = ?",
                           (uid, column)).fetchone()
        parent = None if row is None else json.loads(row[0])
        if parent is None or _tombstoned(conn, str(parent)):
            return True
    return False


def _comes_back(conn: sqlite3.Connection, uid: str, entity: str) -> bool:
    return entity in RESURRECTS and not _needs_gone(conn, uid, entity)


def _note_gone(conn: sqlite3.Connection, uid: str, entity: str, stamp: str,
               merged: Merged) -> None:
    """The edits to a row made after its deletion, which stays: lost, for the history."""
    for name, value, at in _newer(conn, uid, stamp):
        merged.lost.append(Lost(uid, entity, name, json.loads(value), stamp_machine(at), True))


def _bury(conn: sqlite3.Connection, uid: str, entity: str, stamp: str, merged: Merged) -> None:
    if entity not in BY_NAME or entity == SETTING_TABLE or _tombstoned(conn, uid):
        return
    if _newer(conn, uid, stamp) and _comes_back(conn, uid, entity):
        return  # edited after the deletion: the edit wins
    conn.execute("INSERT INTO sync_tomb (uid, entity, stamp) VALUES (?, ?, ?)",
                 (uid, entity, stamp))
    _note_gone(conn, uid, entity, stamp, merged)
    key = _key_of(conn, uid)
    if key is not None:
        _delete_here(conn, entity, key, stamp, merged)


def _take(conn: sqlite3.Connection, payload: dict[str, Any], follows: Callable[[str], bool],
          hlc: Hlc, touched: set[tuple[str, str]], merged: Merged) -> None:
    """Keep each field's newest value; note the losers of simultaneous edits."""
    machine = str(payload["machine"])
    seen: dict[str, str] = payload.get("seen") or {}
    for uid, entity, fields, stamp in payload.get("rows", []):
        spec = BY_NAME.get(entity)
        if spec is None:
            continue
        tomb = conn.execute("SELECT stamp FROM sync_tomb WHERE uid = ?", (uid,)).fetchone()
        if tomb is not None:
            hlc.observe(stamp)
            _take_buried(conn, uid, entity, fields, stamp, tomb[0], touched, merged)
            continue
        if entity == SETTING_TABLE:
            if not follows(uid.split(":", 1)[-1]):
                continue
            known = {"value"}
        else:
            known = {c.name for c in columns(conn, entity)} - {spec.key_column} - set(spec.local)
        hlc.observe(stamp)
        for name, value in fields.items():
            if name not in known:  # a column of a newer Fokus: kept for it elsewhere
                continue
            new = _dumps(value)
            current = conn.execute("SELECT value, stamp FROM sync_field WHERE uid = ? AND "
                                   "field = ?", (uid, name)).fetchone()
            if current is None or stamp > current[1]:
                conn.execute("INSERT OR REPLACE INTO sync_field (uid, field, entity, value, "
                             "stamp) VALUES (?, ?, ?, ?, ?)", (uid, name, entity, new, stamp))
                touched.add((uid, entity))
                if current is not None and current[0] != new:
                    other = stamp_machine(current[1])
                    # Seen by the winner before it wrote: an edit after it, not beside it.
                    if other != machine and seen.get(other, "") < current[1]:
                        merged.lost.append(Lost(uid, entity, name, json.loads(current[0]),
                                                other))
            elif stamp < current[1] and current[0] != new and stamp_machine(current[1]) != machine:
                merged.lost.append(Lost(uid, entity, name, value, machine))


def _take_buried(conn: sqlite3.Connection, uid: str, entity: str, fields: dict[str, Any],
                 stamp: str, tomb: str | None, touched: set[tuple[str, str]],
                 merged: Merged) -> None:
    """An edit of a deleted row: its fields are kept all the same (the row may
    come back); stamped after the deletion, it brings the row back or, where
    that cannot be, is noted as lost. A deletion not yet stamped here is newer
    than anything this machine has seen."""
    known = {c.name for c in columns(conn, entity)} - {BY_NAME[entity].key_column} \
        - set(BY_NAME[entity].local)
    fresh: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in known:
            continue
        current = conn.execute("SELECT stamp FROM sync_field WHERE uid = ? AND field = ?",
                               (uid, name)).fetchone()
        if current is None or stamp > current[0]:
            conn.execute("INSERT OR REPLACE INTO sync_field (uid, field, entity, value, "
                         "stamp) VALUES (?, ?, ?, ?, ?)", (uid, name, entity, _dumps(value), stamp))
            fresh[name] = value
    if tomb is None or stamp <= tomb or not fresh:
        return  # the deletion wins over older edits
    if _comes_back(conn, uid, entity):
        conn.execute("DELETE FROM sync_tomb WHERE uid = ?", (uid,))
        touched.add((uid, entity))
        return
    merged.lost.extend(Lost(uid, entity, name, value, stamp_machine(stamp), True)
                       for name, value in fresh.items())


def _place(conn: sqlite3.Connection, uid: str, entity: str, merged: Merged) -> bool:
    """Write a synced row's winning fields into its table; False while a row it
    refers to has not arrived (or a field it needs)."""
    spec = BY_NAME[entity]
    fields = {f: json.loads(v) for f, v in conn.execute(
        "SELECT field, value FROM sync_field WHERE uid = ?", (uid,))}
    if not fields:
        return True
    if entity == SETTING_TABLE:
        key = uid.split(":", 1)[-1]
        if fields.get("value") is None:
            conn.execute("DELETE FROM setting WHERE key = ?", (key,))
        else:
            conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                         (key, fields["value"]))
        merged.tables.add(entity)
        return True
    if entity == EDIT_RECORD:
        target = fields.get("entity_id")
        if target is not None and _key_of(conn, target) is None and \
                not _tombstoned(conn, target):
            return False  # the row it speaks of has not arrived yet
        fields["entity_id"] = 0 if target is None or _key_of(conn, target) is None \
            else int(_key_of(conn, target) or 0)
        fields["group_uid"] = FOREIGN_GROUP + str(fields.get("group_uid", ""))
        for side in ("before", "after"):
            if _waits(conn, str(fields.get("entity", "")), fields.get(side)):
                return False
        for side in ("before", "after"):
            if side in fields:
                fields[side] = _snapshot_ids(conn, str(fields.get("entity", "")),
                                             fields[side], outward=False)
    values: dict[str, Any] = {}
    for column in columns(conn, entity):
        if column.name not in fields:
            continue
        value = fields[column.name]
        if column.name in spec.refs and value is not None:
            target = _key_of(conn, value)
            if target is None:
                if not _tombstoned(conn, value):
                    return False  # its parent has not arrived yet
                if column.not_null:
                    return True  # its parent is gone: it will be buried with it
                value = None
            else:
                value = int(target)
        values[column.name] = value
    row_key = _key_of(conn, uid)
    conn.execute("SAVEPOINT sync_place")
    try:
        if row_key is not None:
            assignments = ", ".join(f'"{c}" = ?' for c in values)
            conn.execute(f"UPDATE {entity} SET {assignments} WHERE {spec.key_column} = ?",
                         (*values.values(), row_key))
        else:
            needed = {c.name for c in columns(conn, entity)
                      if c.not_null and c.name != spec.key_column and c.name not in spec.local}
            if not needed <= set(values):
                conn.execute("RELEASE sync_place")
                return False  # only a later edit arrived so far: wait for the row
            values.update(spec.local)
            names = ", ".join(f'"{c}"' for c in values)
            marks = ", ".join("?" for _ in values)
            cursor = conn.execute(f"INSERT INTO {entity} ({names}) VALUES ({marks})",
                                  tuple(values.values()))
            conn.execute("INSERT INTO sync_row (entity, row_key, uid) VALUES (?, ?, ?)",
                         (entity, str(cursor.lastrowid), uid))
    except sqlite3.IntegrityError:
        # A unique name or day taken here by another item: it waits, the rest goes on.
        conn.execute("ROLLBACK TO sync_place")
        conn.execute("RELEASE sync_place")
        return False
    conn.execute("RELEASE sync_place")
    merged.tables.add(entity)
    merged.rows += 1
    return True


def merge(conn: sqlite3.Connection, payloads: Iterable[dict[str, Any]], hlc: Hlc,
          follows: Callable[[str], bool]) -> Merged:
    """Apply other machines' change files, in any order, any number of times."""
    merged = Merged()
    batch = list(payloads)
    conn.execute("INSERT OR IGNORE INTO sync_mute (id) VALUES (1)")
    conn.execute("PRAGMA defer_foreign_keys = ON")
    try:
        for payload in batch:
            for uid, entity, stamp in payload.get("deleted", []):
                hlc.observe(stamp)
                _bury(conn, uid, entity, stamp, merged)
        touched: set[tuple[str, str]] = set()
        for payload in batch:
            _take(conn, payload, follows, hlc, touched, merged)
        # Rows that waited for a parent earlier are tried again with these.
        touched |= {(r[0], r[1]) for r in conn.execute(
            "SELECT DISTINCT uid, entity FROM sync_field WHERE entity != ? AND uid NOT IN "
            "(SELECT uid FROM sync_row) AND uid NOT IN (SELECT uid FROM sync_tomb)",
            (SETTING_TABLE,))}
        todo = sorted(touched, key=lambda t: (ORDER.get(t[1], len(ORDER)), t[0]))
        while todo:
            left = [t for t in todo if not _place(conn, t[0], t[1], merged)]
            if len(left) == len(todo):
                break
            todo = left
        merged.waiting = len(todo)
    finally:
        conn.execute("DELETE FROM sync_mute")
    return merged


# -- what the history keeps of a losing value -------------------------------------------


def _ms(stored: Any) -> int:
    """A stored instant (naive UTC text) in milliseconds since the epoch."""
    return int(datetime.fromisoformat(str(stored)).replace(tzinfo=UTC).timestamp() * 1000)


def _iso(value: Any, column: Column) -> Any:
    if isinstance(value, str) and column.type.startswith("DATETIME"):
        return datetime.fromisoformat(value).replace(tzinfo=UTC).isoformat()
    return value


def snapshot(conn: sqlite3.Connection, entity: str, key: str) -> dict[str, Any] | None:
    """A row as the edit history keeps it (instants as ISO text in UTC)."""
    spec = BY_NAME[entity]
    row = _row(conn, spec, key)
    if row is None:
        return None
    return {c.name: _iso(row[c.name], c) for c in columns(conn, entity)}


def record_losses(conn: sqlite3.Connection, lost: list[Lost], now: datetime,
                  people: dict[str, tuple[str, str]]) -> int:
    """One edit record per row and losing machine, in that machine's name, its
    losing values in ``after``: not in effect (undone), but there to see and to
    take back by hand."""
    by_row: dict[tuple[str, str, str, bool], dict[str, Any]] = {}
    for loss in lost:
        if loss.entity in HISTORY_ENTITIES:
            by_row.setdefault((loss.uid, loss.entity, loss.machine, loss.gone),
                              {})[loss.field] = loss.value
    written = 0
    # Named as a loss, so the history can say so (app/history/log.py).
    group = LOST_GROUP + secrets.token_hex(16)
    at = now.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")
    # Each machine keeps its own record of a loss: these do not travel.
    conn.execute("INSERT OR IGNORE INTO sync_mute (id) VALUES (1)")
    try:
        written = _write_losses(conn, by_row, group, at, people)
    finally:
        conn.execute("DELETE FROM sync_mute")
    return written


def _kept(conn: sqlite3.Connection, uid: str, entity: str) -> dict[str, Any]:
    """A deleted row as its kept fields last had it, in this machine's ids."""
    fields = {str(f): json.loads(v) for f, v in conn.execute(
        "SELECT field, value FROM sync_field WHERE uid = ?", (uid,))}
    spec = BY_NAME[entity]
    out: dict[str, Any] = {}
    for column in columns(conn, entity):
        value = fields.get(column.name, spec.local.get(column.name))
        if column.name in spec.refs and value is not None:
            target = _key_of(conn, str(value))
            value = None if target is None else int(target)
        out[column.name] = _iso(value, column)
    out[spec.key_column] = None
    return out


def _write_losses(conn: sqlite3.Connection,
                  by_row: dict[tuple[str, str, str, bool], dict[str, Any]],
                  group: str, at: str, people: dict[str, tuple[str, str]]) -> int:
    written = 0
    for (uid, entity, machine, gone), values in by_row.items():
        if gone:
            # Deleted for good: the edit made after the deletion, there to see.
            user, host = people.get(machine, ("?", machine))
            conn.execute(
                "INSERT INTO edit_record (uid, group_uid, at, utc_offset_min, user, machine, "
                "entity, entity_id, action, before, after, undone, undone_at) "
                "VALUES (?, ?, ?, 0, ?, ?, ?, 0, 'edit', NULL, ?, 1, ?)",
                (secrets.token_hex(16), group, at, user, host, entity,
                 json.dumps(_kept(conn, uid, entity), sort_keys=True), at))
            written += 1
            continue
        key = _key_of(conn, uid)
        current = None if key is None else snapshot(conn, entity, key)
        if current is None or key is None:
            continue
        spec = BY_NAME[entity]
        losing = dict(current)
        for column in columns(conn, entity):
            if column.name not in values:
                continue
            value = values[column.name]
            if column.name in spec.refs and value is not None:
                target = _key_of(conn, value)
                value = None if target is None else int(target)
            losing[column.name] = _iso(value, column)
        user, host = people.get(machine, ("?", machine))
        conn.execute(
            "INSERT INTO edit_record (uid, group_uid, at, utc_offset_min, user, machine, entity, "
            "entity_id, action, before, after, undone, undone_at) "
            "VALUES (?, ?, ?, 0, ?, ?, ?, ?, 'edit', ?, ?, 1, ?)",
            (secrets.token_hex(16), group, at, user, host, entity, int(key),
             json.dumps(current, sort_keys=True), json.dumps(losing, sort_keys=True), at))
        written += 1
    return written
