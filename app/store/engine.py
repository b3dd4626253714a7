"""The SQLite store: opening, permissions, pragmas, migrations and transactions.

One Store per process; every write goes through ``Store.transaction()``."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, create_engine, select

from app.errors import ErrorCode, FokusError
from app.store.migrations import CURRENT_VERSION, MIGRATIONS
from app.store.models import Setting

log = logging.getLogger(__name__)
SQLITE_MAGIC = b"SQLite format 3\x00"


def translate_sqlite_error(exc: BaseException, path: Path) -> FokusError | None:
    """Map the SQLite failures a user can meet to a Fokus error code."""
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return FokusError(ErrorCode.DISK_FULL, path=path)
    if "database is locked" in text or "database is busy" in text:
        return FokusError(ErrorCode.DATABASE_LOCKED, path=path)
    if "not a database" in text or "malformed" in text:
        return FokusError(ErrorCode.DATABASE_CORRUPT, path=path, reason=str(exc))
    if "readonly" in text or "read-only" in text:
        return FokusError(ErrorCode.DATABASE_READ_ONLY, path=path)
    if "unable to open" in text:
        return FokusError(ErrorCode.DATA_DIR_UNUSABLE, path=path.parent, reason=str(exc))
    return None


def _check_header(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_MAGIC:
            raise FokusError(ErrorCode.DATABASE_CORRUPT, path=path, reason="not an SQLite file")


def _create_private(path: Path) -> None:
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    os.chmod(path, 0o600)


def _touch(path: Path) -> None:
    try:
        path.touch(mode=0o600)  # an existing stamp gets a new modification time
    except OSError as exc:  # no stamp: the next start checks again, nothing worse
        log.warning("cannot mark the integrity check in %s: %s", path, exc)


def writable(path: Path) -> bool:
    """Can this process write the database file and its folder (where SQLite
    keeps its journal)? A missing file counts as writable: it is about to be made."""
    if not path.exists():
        return os.access(path.parent, os.W_OK)
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """Open a file Fokus may not write. WAL needs a shared-memory file beside
    the database; where none can be made (a read-only folder) the file is read
    as immutable, which is true as long as nobody can write it."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5.0,
                               check_same_thread=False)
        conn.execute("PRAGMA user_version").fetchone()
    except sqlite3.OperationalError:
        conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, timeout=5.0,
                               check_same_thread=False)
    _own_side_files(path)
    return conn


def _own_side_files(path: Path) -> None:
    """SQLite gives the -shm and -wal files the database's mode: made beside a
    0400 file they would lock the user out once the file is writable again."""
    for side in (path.with_name(path.name + "-shm"), path.with_name(path.name + "-wal")):
        with contextlib.suppress(OSError):
            if side.stat().st_mode & 0o600 != 0o600:
                os.chmod(side, 0o600)


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, timeout=5.0)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, path: Path, target: int = CURRENT_VERSION) -> int:
    """Bring the database up to ``target``. Returns the version it started at."""
    version = schema_version(conn)
    if version > CURRENT_VERSION:
        raise FokusError(ErrorCode.DATABASE_NEWER, path=path, found=version, known=CURRENT_VERSION)
    if version >= target:
        return version
    if version > 0 and path.exists():
        # A copy to go back to, made before the first statement runs.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        backup = path.with_name(f"{path.name}.v{version}.bak")
        shutil.copy2(path, backup)
        os.chmod(backup, 0o600)
        log.info("database backed up to %s before migrating from v%d", backup, version)
    for step in range(version + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in MIGRATIONS[step]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        log.info("database migrated to v%d", step)
    return version


# A full integrity check reads every page (44 ms at ten years of data): the tray
# runs it at its start at most once a day, and ``fokus doctor`` on request; the
# command line never pays it.
INTEGRITY_INTERVAL = timedelta(days=1)


def integrity_problem(conn: sqlite3.Connection) -> str | None:
    """What ``PRAGMA quick_check`` finds wrong, or None for a sound file."""
    found = [str(row[0]) for row in conn.execute("PRAGMA quick_check(5)")]
    return None if found == ["ok"] else "; ".join(found)


def integrity_stamp(path: Path) -> Path:
    """The file whose modification time is the last check that found no fault."""
    return path.with_name(f"{path.name}.checked")


def integrity_check_due(path: Path, now: datetime) -> bool:
    try:
        checked = integrity_stamp(path).stat().st_mtime
    except OSError:
        return True
    return now - datetime.fromtimestamp(checked, UTC) >= INTEGRITY_INTERVAL


def check_integrity(path: Path) -> None:
    """Raise DATABASE_CORRUPT when SQLite finds a fault in the file."""
    _check_header(path)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5.0)
        try:
            problem = integrity_problem(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise translate_sqlite_error(exc, path) or exc from exc
    if problem is not None:
        raise FokusError(ErrorCode.DATABASE_CORRUPT, path=path, reason=problem)


class Store:
    def __init__(self, path: Path, check_daily: datetime | None = None) -> None:
        """Open (creating or migrating) the database at ``path``.

        With ``check_daily`` (the current instant) the file's integrity is
        checked first when the last sound check is a day old or more."""
        self.path = path
        _check_header(path)
        # A file the user made read-only is opened to read: what it holds is
        # shown, and every write says why it cannot be saved.
        self.read_only = path.exists() and not writable(path)
        if self.read_only:
            self._open_read_only()
            return
        try:
            _create_private(path)
            conn = _connect(path)
            try:
                # Look before changing anything: a file we refuse stays as it was.
                found = schema_version(conn)
                if found > CURRENT_VERSION:
                    raise FokusError(
                        ErrorCode.DATABASE_NEWER, path=path, found=found, known=CURRENT_VERSION
                    )
                if check_daily is not None and integrity_check_due(path, check_daily):
                    problem = integrity_problem(conn)
                    if problem is not None:
                        raise FokusError(ErrorCode.DATABASE_CORRUPT, path=path, reason=problem)
                    _touch(integrity_stamp(path))
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if mode.lower() != "wal":
                    log.warning("SQLite refused WAL mode (%s); continuing in %s", path, mode)
                self.migrated_from = migrate(conn, path)
            finally:
                conn.close()
        except sqlite3.Error as exc:
            raise translate_sqlite_error(exc, path) or exc from exc
        self.engine: Engine = create_engine(
            f"sqlite:///{path}", connect_args={"timeout": 5.0, "check_same_thread": False}
        )
        event.listen(self.engine, "connect", _on_connect)

    def _open_read_only(self) -> None:
        path = self.path
        try:
            conn = _connect_read_only(path)
            try:
                found = schema_version(conn)
            finally:
                conn.close()
        except sqlite3.Error as exc:
            raise translate_sqlite_error(exc, path) or exc from exc
        if found > CURRENT_VERSION:
            raise FokusError(ErrorCode.DATABASE_NEWER, path=path, found=found,
                             known=CURRENT_VERSION)
        if found < CURRENT_VERSION:  # it would need a migration, which is a write
            raise FokusError(ErrorCode.DATABASE_READ_ONLY, path=path)
        self.migrated_from = found
        log.warning("the database %s is read-only: nothing will be saved", path)
        self.engine = create_engine("sqlite://", creator=lambda: _connect_read_only(path))
        event.listen(self.engine, "connect", _on_connect)

    def close(self) -> None:
        self.engine.dispose()
        if self.read_only:
            _own_side_files(self.path)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A unit of work: committed as a whole, or not at all."""
        try:
            with Session(self.engine, expire_on_commit=False) as session:
                yield session
                session.commit()
        except DBAPIError as exc:
            mapped = translate_sqlite_error(exc.orig or exc, self.path)
            if mapped is not None:
                raise mapped from exc
            raise

    def check_writable(self) -> None:
        """Write one page (the schema version, unchanged) and commit it: raises
        the error a real write would meet now (disk full, read-only)."""
        if self.read_only:
            raise FokusError(ErrorCode.DATABASE_READ_ONLY, path=self.path)
        try:
            with self.engine.begin() as conn:
                version = conn.exec_driver_sql("PRAGMA user_version").scalar()
                conn.exec_driver_sql(f"PRAGMA user_version = {int(version or 0)}")
        except DBAPIError as exc:
            raise translate_sqlite_error(exc.orig or exc, self.path) or exc from exc

    def get_setting(self, key: str, default: Any = None) -> Any:
        with self.transaction() as s:
            row = s.get(Setting, key)
            return default if row is None else json.loads(row.value)

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction() as s:
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=json.dumps(value)))
            else:
                row.value = json.dumps(value)

    def delete_setting(self, key: str) -> None:
        with self.transaction() as s:
            row = s.get(Setting, key)
            if row is not None:
                s.delete(row)

    def all_settings(self) -> dict[str, Any]:
        with self.transaction() as s:
            return {row.key: json.loads(row.value) for row in s.exec(select(Setting))}


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 5000")
    # FULL: a committed heartbeat survives a power cut, which is the promise.
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()
