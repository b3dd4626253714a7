"""Setting up, running and reporting the sync of one data directory.

One sync is one write transaction: this machine's changes since the last one
are stamped and written as a new file of its own, then every other machine's
files not yet applied are read and merged. The key derived at setup stays in
the data directory (``sync.key``, private to the user) so that a tray or a
command line never asks for the passphrase again."""

from __future__ import annotations

import getpass
import logging
import os
import platform
import secrets
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.clock import Clock
from app.errors import ErrorCode, FokusError
from app.store.engine import Store, translate_sqlite_error
from app.store.settings import BY_KEY, SYNC_FOLDER, SYNC_MACHINE_ID, Scope, Settings
from app.store.synced import SETTING_TABLE
from app.sync import merge as m
from app.sync.folder import SyncFolder

log = logging.getLogger(__name__)
FORMAT = 1
FOLD_AFTER = 100
# The tables a merge wrote → the topics app/store/changes.py announces for them.
_TOPICS = {"project": "projects", "project_batch": "batches", "focus_session": "sessions",
           "session_pause": "sessions", "focus_break": "sessions", "time_block": "blocks",
           "setting": "settings",
           "context_switch": "activity", "interruption": "activity",
           "resume_note": "activity", "reflection": "reflections", "edit_record": "history"}


def follows_person(key: str) -> bool:
    """Only settings declared to follow the person travel; the machine's stay."""
    setting = BY_KEY.get(key)
    return setting is not None and setting.scope is Scope.PERSON


@dataclass
class SyncReport:
    written: int = 0  # changes of this machine written to the folder
    files_read: int = 0
    rows: int = 0  # rows made or changed here
    deleted: int = 0
    waiting: int = 0
    lost: int = 0  # losing values kept in the edit history
    refused: list[str] = field(default_factory=list)  # files not read (damaged, other key)
    folded: int = 0  # files of this machine folded into one (every machine had read them)
    topics: frozenset[str] = frozenset()

    def to_json(self) -> dict[str, Any]:
        return {"written": self.written, "files_read": self.files_read, "rows": self.rows,
                "deleted": self.deleted, "waiting": self.waiting, "lost": self.lost,
                "refused": list(self.refused), "folded": self.folded}


@dataclass(frozen=True)
class SessionConflict:
    """Two sessions at the same time, made on two machines: for the person to settle."""

    first: int
    second: int
    start: datetime
    end: datetime


def _who() -> tuple[str, str]:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "?"
    return user, platform.node() or "?"


def _read_upto(conn: sqlite3.Connection, me: str) -> dict[str, int]:
    """For each other machine, how far this one has read its files, every one
    from the first (a file refused or not yet there stops the count)."""
    seen: dict[str, set[int]] = {}
    for machine, seq in conn.execute("SELECT machine, seq FROM sync_seen WHERE machine != ?",
                                     (me,)):
        seen.setdefault(str(machine), set()).add(int(seq))
    out: dict[str, int] = {}
    for machine, seqs in seen.items():
        n = 0
        while n + 1 in seqs:
            n += 1
        out[machine] = n
    return out


def _utc(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text).replace(tzinfo=UTC)


class SyncService:
    def __init__(self, store: Store, clock: Clock,
                 announce: Callable[[frozenset[str]], None] | None = None) -> None:
        self.store = store
        self.clock = clock
        self.settings = Settings(store)
        self.key_path = store.path.with_name("sync.key")
        self.announce = announce
        # Fold this machine's files once this many are read by every other machine.
        self.fold_after = FOLD_AFTER

    # -- setup -----------------------------------------------------------------------

    def machine_id(self) -> str:
        machine = self.settings.get(SYNC_MACHINE_ID)
        if not machine:
            machine = secrets.token_hex(8)
            self.settings.set(SYNC_MACHINE_ID, machine)
        return machine

    def folder(self) -> Path | None:
        text = self.settings.get(SYNC_FOLDER)
        return Path(text) if text else None

    def configured(self) -> bool:
        return self.folder() is not None and self.key_path.exists()

    def setup(self, folder: Path, passphrase: str) -> SyncReport:
        """Join (or start) the folder with this passphrase, then sync once."""
        folder = folder.expanduser().resolve()
        key = SyncFolder(folder).join(passphrase)
        fd = os.open(self.key_path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        try:
            os.write(fd, key)
        finally:
            os.close(fd)
        os.chmod(self.key_path, 0o600)
        self.machine_id()
        self.settings.set(SYNC_FOLDER, str(folder))
        return self.sync()

    def off(self) -> None:
        """Stop syncing here; the folder and this database keep what they have."""
        self.settings.reset(SYNC_FOLDER)
        self.key_path.unlink(missing_ok=True)

    def _open(self) -> tuple[SyncFolder, bytes]:
        folder = self.folder()
        if folder is None or not self.key_path.exists():
            raise FokusError(ErrorCode.SYNC_NOT_SET_UP)
        place = SyncFolder(folder)
        key = self.key_path.read_bytes()
        place.check(key)
        return place, key

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.store.path, isolation_level=None, timeout=5.0)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        return conn

    # -- the sync --------------------------------------------------------------------

    def sync(self) -> SyncReport:
        place, key = self._open()
        me = self.machine_id()
        user, host = _who()
        now = self.clock.now()
        now_ms = int(now.timestamp() * 1000)
        report = SyncReport()
        try:
            conn = self._connect()
        except sqlite3.Error as exc:
            raise translate_sqlite_error(exc, self.store.path) or exc from exc
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                merged = self._sync(conn, place, key, me, user, host, now, now_ms, report)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise translate_sqlite_error(exc, self.store.path) or exc from exc
        finally:
            conn.close()
        report.topics = frozenset(_TOPICS.get(t, t) for t in merged.tables)
        if merged.lost:
            report.topics |= {"history"}
        if self.announce is not None:  # also with nothing merged: a sync happened
            self.announce(report.topics)
        return report

    def _sync(self, conn: sqlite3.Connection, place: SyncFolder, key: bytes, me: str,
              user: str, host: str, now: datetime, now_ms: int,
              report: SyncReport) -> m.Merged:
        hlc = m.Hlc(me, m.latest_stamp(conn))
        out = m.export(conn, hlc, now_ms, follows_person)
        stamp_now = now.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")
        self_row = conn.execute("SELECT last_seq FROM sync_peer WHERE machine = ?",
                                (me,)).fetchone()
        if out:
            seq = max(place.last_seq(me), self_row[0] if self_row else 0) + 1
            seen = dict(conn.execute(
                "SELECT machine, max_stamp FROM sync_peer WHERE machine != ?", (me,)))
            place.write(key, me, seq, {
                "format": FORMAT, "machine": me, "seq": seq, "user": user, "host": host,
                "written_at": now.astimezone(UTC).isoformat(), "seen": seen,
                "read": _read_upto(conn, me), "rows": out.rows, "deleted": out.deleted})
            report.written = len(out.rows) + len(out.deleted)
            conn.execute(
                "INSERT INTO sync_peer (machine, user, host, last_seq, max_stamp, written_at, "
                "seen_at) VALUES (?, ?, ?, ?, '', ?, ?) ON CONFLICT (machine) DO UPDATE SET "
                "user = excluded.user, host = excluded.host, last_seq = excluded.last_seq, "
                "written_at = excluded.written_at, seen_at = excluded.seen_at",
                (me, user, host, seq, stamp_now, stamp_now))
        else:
            conn.execute(
                "INSERT INTO sync_peer (machine, user, host, last_seq, max_stamp, seen_at) "
                "VALUES (?, ?, ?, 0, '', ?) ON CONFLICT (machine) DO UPDATE SET "
                "seen_at = excluded.seen_at", (me, user, host, stamp_now))
        seen_files = set(conn.execute("SELECT machine, seq FROM sync_seen"))
        payloads: list[dict[str, Any]] = []
        for f in place.files(besides=me):
            if (f.machine, f.seq) in seen_files:
                continue
            try:
                payloads.append(place.read(key, f))
            except FokusError as exc:
                log.warning("sync file refused: %s", exc.params.get("file"))
                report.refused.append(str(exc.params.get("file")))
        merged = m.merge(conn, payloads, hlc, follows_person)
        people = {str(r[0]): (str(r[1]), str(r[2])) for r in conn.execute(
            "SELECT machine, user, host FROM sync_peer")}
        for p in payloads:
            people[str(p["machine"])] = (str(p.get("user", "?")), str(p.get("host", "?")))
        report.lost = m.record_losses(conn, merged.lost, now, people)
        for p in payloads:
            machine = str(p["machine"])
            stamps = [r[3] for r in p.get("rows", [])] + [d[2] for d in p.get("deleted", [])]
            written = datetime.fromisoformat(str(p["written_at"])).astimezone(UTC)
            # A folded file stands for all of that machine's files up to its own.
            first = 1 if p.get("folded") else int(p["seq"])
            conn.executemany("INSERT OR IGNORE INTO sync_seen (machine, seq) VALUES (?, ?)",
                             [(machine, n) for n in range(first, int(p["seq"]) + 1)])
            conn.execute(
                "INSERT INTO sync_peer (machine, user, host, last_seq, max_stamp, written_at, "
                "seen_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (machine) DO UPDATE SET "
                "user = excluded.user, host = excluded.host, "
                "last_seq = max(last_seq, excluded.last_seq), "
                "max_stamp = max(max_stamp, excluded.max_stamp), "
                "written_at = max(coalesce(written_at, ''), excluded.written_at), "
                "seen_at = excluded.seen_at",
                (machine, people[machine][0], people[machine][1], int(p["seq"]),
                 max(stamps, default=""),
                 written.replace(tzinfo=None).isoformat(sep=" "), stamp_now))
            read = p.get("read") or {}
            conn.execute("UPDATE sync_peer SET read_of_mine = max(read_of_mine, ?) "
                         "WHERE machine = ?", (int(read.get(me, 0)), machine))
        report.files_read = len(payloads)
        report.folded = self._fold(conn, place, key, me, user, host, now)
        report.rows, report.deleted, report.waiting = merged.rows, merged.deleted, merged.waiting
        return merged

    def _fold(self, conn: sqlite3.Connection, place: SyncFolder, key: bytes, me: str,
              user: str, host: str, now: datetime) -> int:
        """Fold this machine's oldest change files into one once every other
        machine has read them (each says how far in its own files), so the
        folder does not grow a file per change for ever. A machine that joins
        later reads the folded file instead. Returns how many files went."""
        peers = [int(r[0]) for r in conn.execute(
            "SELECT read_of_mine FROM sync_peer WHERE machine != ?", (me,))]
        if not peers:
            return 0
        upto = min(peers)
        own = [f for f in place.own_files(me) if f.seq <= upto]
        if sum(1 for f in own if not f.folded) < self.fold_after:
            return 0
        try:
            payloads = [place.read(key, f) for f in own]
        except FokusError as exc:  # one of its own files damaged: left as it is
            log.warning("sync files not folded: %s", exc.params.get("file"))
            return 0
        fields: dict[tuple[str, str], tuple[str, str, Any]] = {}
        buried: dict[str, tuple[str, str]] = {}
        for payload in payloads:
            for uid, entity, changed, stamp in payload.get("rows", []):
                for name, value in changed.items():
                    if (uid, name) not in fields or fields[(uid, name)][0] < stamp:
                        fields[(uid, name)] = (stamp, entity, value)
            for uid, entity, stamp in payload.get("deleted", []):
                if uid not in buried or buried[uid][0] < stamp:
                    buried[uid] = (stamp, entity)
        rows: dict[tuple[str, str, str], dict[str, Any]] = {}
        for (uid, name), (stamp, entity, value) in sorted(fields.items()):
            rows.setdefault((uid, entity, stamp), {})[name] = value
        place.fold(key, me, upto, {
            "format": FORMAT, "machine": me, "seq": upto, "folded": True, "user": user,
            "host": host, "written_at": now.astimezone(UTC).isoformat(), "seen": {},
            "read": _read_upto(conn, me),
            "rows": [[uid, entity, changed, stamp]
                     for (uid, entity, stamp), changed in rows.items()],
            "deleted": [[uid, entity, stamp] for uid, (stamp, entity) in buried.items()]})
        return len(own)

    def push_after(self, command: str) -> None:
        """After a command run without the tray: sync when it changed something
        that travels. A sync that fails here is logged; the command succeeded."""
        if command.startswith("sync.") or not self.configured():
            return
        try:
            conn = self._connect()
            try:
                changed = conn.execute(
                    "SELECT EXISTS (SELECT 1 FROM sync_dirty WHERE entity != ?) OR "
                    "EXISTS (SELECT 1 FROM sync_tomb WHERE stamp IS NULL)",
                    (SETTING_TABLE,)).fetchone()[0] or any(
                    follows_person(str(r[0])) for r in conn.execute(
                        "SELECT row_key FROM sync_dirty WHERE entity = ?", (SETTING_TABLE,)))
            finally:
                conn.close()
            if changed:
                self.sync()
        except (FokusError, sqlite3.Error, OSError) as exc:
            log.warning("sync after %s failed: %s", command, exc)

    # -- status ----------------------------------------------------------------------

    def conflicts(self) -> list[SessionConflict]:
        """Sessions made on two machines that overlap in time (one of them may be
        running here). Settled by deleting or moving one of them (``fokus session``)."""
        me = self.settings.get(SYNC_MACHINE_ID)
        now = self.clock.now().astimezone(UTC)
        conn = self._connect()
        try:
            rows = conn.execute(
                "SELECT fs.id, fs.started_at, fs.ended_at, first.stamp FROM focus_session fs "
                "LEFT JOIN sync_row r ON r.entity = 'focus_session' "
                "  AND r.row_key = CAST(fs.id AS TEXT) "
                "LEFT JOIN (SELECT uid, min(stamp) AS stamp FROM sync_field "
                "  WHERE entity = 'focus_session' GROUP BY uid) first ON first.uid = r.uid "
                "ORDER BY fs.started_at").fetchall()
        finally:
            conn.close()
        found: list[SessionConflict] = []
        open_: list[tuple[int, datetime, datetime, str]] = []
        for session_id, started, ended, stamp in rows:
            start = _utc(started)
            end = _utc(ended) or now
            assert start is not None
            origin = m.stamp_machine(stamp) if stamp else me
            open_ = [o for o in open_ if o[2] > start]
            for other_id, _other_start, other_end, other_origin in open_:
                if other_origin != origin:
                    found.append(SessionConflict(other_id, session_id, start,
                                                 min(end, other_end)))
            open_.append((session_id, start, end, origin))
        return found

    def status(self) -> dict[str, Any]:
        folder = self.folder()
        me = self.settings.get(SYNC_MACHINE_ID)
        with self.store.transaction() as s:
            from sqlmodel import select

            from app.store.models import SyncDirty, SyncPeer

            peers = list(s.exec(select(SyncPeer)))
            pending = len(list(s.exec(select(SyncDirty).where(SyncDirty.entity != SETTING_TABLE))))
        conn = self._connect()
        try:
            waiting = conn.execute(
                "SELECT count(DISTINCT uid) FROM sync_field WHERE entity != ? AND uid NOT IN "
                "(SELECT uid FROM sync_row)", (SETTING_TABLE,)).fetchone()[0]
        finally:
            conn.close()
        machines = [{
            "machine": p.machine, "this": p.machine == me, "user": p.user, "host": p.host,
            "last_written": p.written_at.isoformat() if p.written_at else None,
            "last_synced": p.seen_at.isoformat() if p.seen_at else None,
        } for p in sorted(peers, key=lambda p: (p.machine != me, p.host))]
        return {
            "configured": self.configured(), "folder": str(folder) if folder else None,
            "machine": me or None, "machines": machines, "pending": pending,
            "waiting": waiting,
            "conflicts": [{"sessions": [c.first, c.second], "start": c.start.isoformat(),
                           "end": c.end.isoformat()} for c in self.conflicts()],
        }
