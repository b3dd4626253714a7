"""The SQLite store: file safety, pragmas, migrations from every earlier
version, and clear errors for files Fokus cannot use."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest
from sqlmodel import SQLModel

import app.store.models  # noqa: F401  (registers the tables)
from app.errors import ErrorCode, FokusError
from app.platform.paths import Paths
from app.store.engine import Store, migrate, schema_version
from app.store.migrations import CURRENT_VERSION

# Rows a user could have had at each version, inserted with that version's
# schema; after migrating, each must still be there, unchanged.
SAMPLE: dict[int, list[tuple[str, str, tuple[object, ...]]]] = {
    1: [
        ("setting", "INSERT INTO setting VALUES (?, ?)", ("language", '"id"')),
        ("project", "INSERT INTO project VALUES (?, ?, ?, ?, ?, ?)",
         (1, "SIASN", "#2a9d8f", "Java", "2026-01-05 01:00:00.000000", None)),
        ("project_batch",
         "INSERT INTO project_batch VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         (1, 1, "Refactor API", "refactoring", 120, "high", "2026-01-09", "branch x",
          "open", "2026-01-05 01:00:00.000000", None)),
        ("focus_session",
         "INSERT INTO focus_session (id, project_id, batch_id, planned_minutes, started_at,"
         " utc_offset_min, ended_at, state, end_reason, heartbeat_at, owner,"
         " recovered_notice_pending) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         (1, 1, 1, 90, "2026-01-05 01:00:00.000000", 420, "2026-01-05 02:30:00.000000",
          "finished", "completed", "2026-01-05 02:30:00.000000", None, 0)),
        ("session_pause", "INSERT INTO session_pause VALUES (?, ?, ?, ?, ?)",
         (1, 1, "2026-01-05 01:30:00.000000", "2026-01-05 01:35:00.000000", "user")),
    ],
    2: [
        ("time_block", "INSERT INTO time_block VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
         (1, 1, 1, "2026-01-06 01:00:00.000000", "2026-01-06 02:30:00.000000", 420, "deep",
          "WFA", "planner")),
        ("context_switch", "INSERT INTO context_switch VALUES (?, ?, ?, ?, ?, ?, ?)",
         (1, "2026-01-06 03:00:00.000000", 420, None, 1, "planned", "tray")),
        ("interruption", "INSERT INTO interruption VALUES (?, ?, ?, ?, ?, ?)",
         (1, "2026-01-05 01:20:00.000000", 420, 1, "chat", 5)),
        ("reflection", "INSERT INTO reflection VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         (1, "2026-01-05", "2026-01-05 09:45:00.000000", 4, 3, 4, 5, "once", "quiet", "",
          None)),
        ("resume_note", "INSERT INTO resume_note VALUES (?, ?, ?, ?, ?)",
         (1, 1, 1, "2026-01-05 02:30:00.000000", "next: the mapper test")),
    ],
    3: [
        ("meeting", "INSERT INTO meeting VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
         (1, "team", "uid-1@example", "2026-01-07 03:00:00.000000",
          "2026-01-07 04:00:00.000000", 420, "Sprint review", 0, "Room 2")),
        ("calendar_source", "INSERT INTO calendar_source VALUES (?, ?, ?, ?, ?)",
         ("team", "/home/sari/team.ics", "2026-01-05 01:00:00.000000", 1, "abc123")),
    ],
    4: [],  # settings under their declared keys (see test_settings_move_to_their_declared_keys)
    5: [],  # indexes only
    6: [
        ("edit_record", "INSERT INTO edit_record VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         (1, "u1", "g1", "2026-01-05 03:00:00.000000", 420, "sari", "laptop", "focus_session",
          1, "edit", "{}", "{}", 0, None)),
    ],
    7: [
        ("focus_break", "INSERT INTO focus_break VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         (1, 1, "2026-01-05 02:30:00.000000", 420, 40, 8, "2026-01-05 02:38:00.000000",
          "taken", "", 1, None, "2026-01-05 02:43:00.000000", 13)),
    ],
    8: [
        ("repo_mapping", "INSERT INTO repo_mapping VALUES (?, ?, ?, ?, ?, ?)",
         (1, 1, "/home/sari/src/siasn", "", None, "2026-01-05 01:00:00.000000")),
    ],
    9: [],  # sync tables, filled from the rows there
    10: [],  # nothing yet
    11: [],  # breaks join the sync: triggers and uids only
}


def _columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, str, int]]:
    return [(r[1], r[2].upper(), r[3]) for r in conn.execute(f"PRAGMA table_info({table})")]


def _indexes(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type='index' AND sql NOT NULL")
    return {(r[0], " ".join(r[1].split())) for r in rows}


def _tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
    return {r[0] for r in rows}


def test_new_database_is_private_wal_and_current(paths: Paths) -> None:
    store = Store(paths.database)
    store.set_setting("language", "en")
    store.close()
    for path in paths.data_dir.glob("fokus.sqlite3*"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    conn = sqlite3.connect(paths.database)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert schema_version(conn) == CURRENT_VERSION


def test_foreign_keys_are_enforced(store: Store) -> None:
    from app.store.models import ProjectBatch

    with pytest.raises(Exception, match="FOREIGN KEY"), store.transaction() as s:
        s.add(ProjectBatch(project_id=999, title="orphan", created_at=_utc()))


def _utc():  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    return datetime(2026, 1, 5, 1, 0, tzinfo=UTC)


def test_models_agree_with_migrated_schema(store: Store) -> None:
    conn = sqlite3.connect(store.path)
    assert _tables(conn) == set(SQLModel.metadata.tables)
    for name, table in SQLModel.metadata.tables.items():
        assert {c[0] for c in _columns(conn, name)} == {c.name for c in table.columns}, name
        nullable = {c[0]: not c[2] for c in _columns(conn, name)}
        for column in table.columns:
            if not column.primary_key:
                assert nullable[column.name] == column.nullable, (name, column.name)


@pytest.mark.parametrize("version", range(1, CURRENT_VERSION))
def test_migrates_every_earlier_version_without_loss(tmp_path: Path, version: int) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, path, target=version)
    assert schema_version(conn) == version
    rows_before: dict[str, list[tuple[object, ...]]] = {}
    for v in range(1, version + 1):
        for _table, sql, values in SAMPLE[v]:
            conn.execute(sql, values)
    for table in _tables(conn):
        rows_before[table] = conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
    assert any(rows_before.values())
    conn.close()

    store = Store(path)
    assert store.migrated_from == version
    store.close()

    conn = sqlite3.connect(path)
    assert schema_version(conn) == CURRENT_VERSION
    for table, before in rows_before.items():
        width = len(before[0]) if before else 0
        after = [row[:width] for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1")]
        if table in ("sync_row", "sync_dirty"):
            # A later migration brings more tables into the sync: their rows join these.
            assert set(before) <= set(after), table
        else:
            assert after == before, table
    # The migrated schema is the schema a new database gets.
    fresh = tmp_path / "fresh.sqlite3"
    Store(fresh).close()
    fresh_conn = sqlite3.connect(fresh)
    assert _tables(conn) == _tables(fresh_conn)
    for table in _tables(conn):
        assert sorted(_columns(conn, table)) == sorted(_columns(fresh_conn, table)), table
    assert _indexes(conn) == _indexes(fresh_conn)
    # and the old file is kept beside it, as it was.
    backup = path.with_name(f"{path.name}.v{version}.bak")
    assert schema_version(sqlite3.connect(backup)) == version


# Settings as each earlier version wrote them, under the keys of that time.
OLD_SETTINGS: dict[str, object] = {
    "idle_threshold_seconds": 420,
    "hotkeys": {"toggle_focus": "<ctrl>+<alt>+g", "interruption": "<ctrl>+<alt>+i",
                "switch": ""},
    "work_model": {"week": {"0": "WFO", "1": "WFA"}, "work_hours": "07:30-16:00",
                   "core_hours": "09:00-14:00", "no_meeting": ["07:30-09:00"],
                   "overrides": {"2026-01-09": "holiday"}, "max_projects_per_day": 3,
                   "focus_minutes": 60},
    "language": "",
    "resumption_buffer_minutes": 0,
    "reflection_time": "17:15",
}


def _old_database(tmp_path: Path, version: int, settings: dict[str, object]) -> Path:
    import json

    path = tmp_path / f"v{version}.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, path, target=version)
    for v in range(1, version + 1):
        for _table, sql, values in SAMPLE[v]:
            if _table != "setting":
                conn.execute(sql, values)
    for key, value in settings.items():
        conn.execute("INSERT INTO setting VALUES (?, ?)", (key, json.dumps(value)))
    conn.close()
    return path


@pytest.mark.parametrize("version", range(1, 4))
def test_settings_move_to_their_declared_keys(tmp_path: Path, version: int) -> None:
    from app.clock import FakeClock
    from app.store import settings as S
    from app.week.service import WeekService
    from app.week.workmodel import DayKind, Span

    store = Store(_old_database(tmp_path, version, OLD_SETTINGS))
    assert store.migrated_from == version
    stored = store.all_settings()
    for old in ("idle_threshold_seconds", "hotkeys", "language"):
        assert old not in stored, old
    assert "focus_minutes" not in stored["work_model"]
    assert "max_projects_per_day" not in stored["work_model"]
    settings = S.Settings(store)
    assert settings.get(S.IDLE_THRESHOLD_MINUTES) == 7
    assert settings.hotkeys() == {"toggle_focus": "<ctrl>+<alt>+g",
                                  "interruption": "<ctrl>+<alt>+i", "switch": ""}
    assert settings.get(S.FOCUS_MINUTES) == 60 and settings.get(S.PROJECT_LIMIT) == 3
    assert settings.get(S.LANGUAGE) == "system" and settings.is_default(S.LANGUAGE)
    assert settings.get(S.RESUMPTION_BUFFER_MINUTES) == 0  # untouched, and 0 stays 0
    assert settings.get(S.REFLECTION_TIME) == "17:15"
    # The rest of the work model is as it was, and its two numbers come from settings.
    model = WeekService(store, FakeClock()).work_model()
    assert model.week[0] == DayKind.OFFICE and model.work_hours == Span(450, 960)
    assert model.no_meeting == (Span(450, 540),)
    assert model.focus_minutes == 60 and model.max_projects_per_day == 3
    store.close()


@pytest.mark.parametrize(("old", "expected"), [
    ({"idle_threshold_seconds": 20}, {"idle_threshold_minutes": 1}),  # at least a minute
    ({"idle_threshold_seconds": 90}, {"idle_threshold_minutes": 2}),
    ({"idle_threshold_seconds": 36_000}, {"idle_threshold_minutes": 120}),
    ({"idle_threshold_seconds": "soon"}, {}),
    ({"hotkeys": {"switch": "<ctrl>+<shift>+s", "unknown": "<ctrl>+u", "toggle_focus": 5}},
     {"hotkey_switch": "<ctrl>+<shift>+s"}),
    ({"hotkeys": "not a dictionary"}, {}),
    # A focus length chosen from the tray wins over the one in the work model.
    ({"focus_minutes": 50, "work_model": {"focus_minutes": 120}},
     {"focus_minutes": 50, "work_model": {}}),
    ({"work_model": {"max_projects_per_day": 99}},
     {"project_limit": 10, "work_model": {}}),
    ({"language": None}, {}),
    ({"language": "id"}, {"language": "id"}),
])
def test_each_old_setting_migrates(tmp_path: Path, old: dict[str, object],
                                   expected: dict[str, object]) -> None:
    store = Store(_old_database(tmp_path, 3, old))
    assert store.all_settings() == expected
    store.close()


def test_a_setting_that_is_not_json_does_not_stop_the_migration(tmp_path: Path) -> None:
    path = _old_database(tmp_path, 3, {})
    conn = sqlite3.connect(path, isolation_level=None)
    for key in ("idle_threshold_seconds", "hotkeys", "work_model", "language"):
        conn.execute("INSERT INTO setting VALUES (?, ?)", (key, "{not json"))
    conn.close()
    Store(path).close()
    conn = sqlite3.connect(path)
    assert schema_version(conn) == CURRENT_VERSION
    rows = dict(conn.execute("SELECT key, value FROM setting").fetchall())
    assert rows == {"work_model": "{not json"}
    from app.clock import FakeClock
    from app.week.service import WeekService
    from app.week.workmodel import WorkModel

    store = Store(path)
    assert WeekService(store, FakeClock()).work_model() == WorkModel()  # read as the default
    store.close()


def test_migrated_data_is_readable_through_the_models(tmp_path: Path) -> None:
    from app.clock import FakeClock
    from app.service import FokusService

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, path, target=1)
    for _table, sql, values in SAMPLE[1]:
        conn.execute(sql, values)
    conn.close()
    store = Store(path)
    svc = FokusService(store, FakeClock())
    assert [p.name for p in svc.projects()] == ["SIASN"]
    assert svc.batches("SIASN")[0].prep_note == "branch x"
    last = svc.last_session()
    assert last is not None and last.focused_seconds == 85 * 60
    store.close()


def test_database_from_a_newer_fokus_is_refused_untouched(paths: Paths) -> None:
    conn = sqlite3.connect(paths.database)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 5}")
    conn.close()
    before = paths.database.read_bytes()
    with pytest.raises(FokusError) as err:
        Store(paths.database)
    assert err.value.code == ErrorCode.DATABASE_NEWER
    assert paths.database.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused_untouched(paths: Paths) -> None:
    paths.database.write_bytes(b"these are my notes, not a database\n" * 20)
    before = paths.database.read_bytes()
    with pytest.raises(FokusError) as err:
        Store(paths.database)
    assert err.value.code == ErrorCode.DATABASE_CORRUPT
    assert paths.database.read_bytes() == before


def test_a_full_disk_is_a_clear_error_and_keeps_earlier_data(store: Store) -> None:
    from app.clock import FakeClock
    from app.service import FokusService

    svc = FokusService(store, FakeClock())
    svc.add_project("SIASN")
    # Cap the file at its current size: the next page SQLite needs is "disk full".
    conn = sqlite3.connect(store.path)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()

    from sqlalchemy import event

    def cap(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    store.engine.dispose()
    event.listen(store.engine, "connect", cap)
    with pytest.raises(FokusError) as err:
        svc.add_project("X" * 10, tech_stack="y" * 190)
        for i in range(2000):
            svc.add_batch("SIASN", f"batch {i} " + "z" * 150, prep_note="n" * 1900)
    assert err.value.code == ErrorCode.DISK_FULL
    event.remove(store.engine, "connect", cap)
    store.engine.dispose()
    assert [p.name for p in svc.projects()][0] in ("SIASN", "XXXXXXXXXX")
    assert "SIASN" in [p.name for p in svc.projects()]


def test_settings_round_trip(store: Store) -> None:
    store.set_setting("focus_minutes", 50)
    store.set_setting("focus_minutes", 90)
    store.set_setting("days", ["mon", "tue"])
    assert store.get_setting("focus_minutes") == 90
    assert store.all_settings() == {"focus_minutes": 90, "days": ["mon", "tue"]}
    assert store.get_setting("missing", "dflt") == "dflt"


def _damage_an_index(path: Path) -> None:
    """Fill a table's index and overwrite one of its pages: the header stays sound."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE filler (x TEXT)")
    conn.executemany("INSERT INTO filler VALUES (?)", [(f"row {i} " * 5,) for i in range(3000)])
    conn.execute("CREATE INDEX filler_x ON filler (x)")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    page = 4096
    with path.open("r+b") as fh:
        fh.seek((path.stat().st_size // page - 2) * page + 8)
        fh.write(b"\xff" * 200)


def test_the_integrity_check_runs_at_most_daily_and_never_on_a_plain_open(paths: Paths) -> None:
    from datetime import UTC, datetime, timedelta

    from app.store.engine import check_integrity, integrity_stamp

    now = datetime.now(UTC)
    Store(paths.database, check_daily=now).close()  # sound: the check is stamped
    assert integrity_stamp(paths.database).exists()
    _damage_an_index(paths.database)

    # The command line's open and the tray's open within the day do not read every page.
    Store(paths.database).close()
    Store(paths.database, check_daily=now + timedelta(hours=23)).close()
    # A day later the tray looks again, and `fokus doctor` looks whenever asked.
    with pytest.raises(FokusError) as err:
        Store(paths.database, check_daily=now + timedelta(days=1, minutes=1))
    assert err.value.code == ErrorCode.DATABASE_CORRUPT and "page" in err.value.params["reason"]
    with pytest.raises(FokusError) as err:
        check_integrity(paths.database)
    assert err.value.code == ErrorCode.DATABASE_CORRUPT


def test_doctor_checks_the_database(paths: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli.commands.system import _check_database

    Store(paths.database).close()
    assert _check_database(paths) == 0
    assert "no faults found" in capsys.readouterr().out
    _damage_an_index(paths.database)
    assert _check_database(paths) == 1
    assert "cannot be read" in capsys.readouterr().out


def test_the_daily_questions_use_an_index(store: Store) -> None:
    """The queries asked at every start and refresh search an index, never a whole table."""
    from sqlalchemy import event

    from app.clock import FakeClock
    from app.service import FokusService

    asked: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many):  # type: ignore[no-untyped-def]
        asked.append((statement, parameters))

    svc = FokusService(store, FakeClock(), owner="test-owner")
    project = svc.add_project("SIASN")
    assert project.id is not None
    svc.add_batch("SIASN", "Refactor API", estimate_minutes=120)
    event.listen(store.engine, "before_cursor_execute", record)
    svc.engine.recover()
    svc.engine.pending_recovery_notices()
    svc.start(project.id)
    svc.batches()
    event.remove(store.engine, "before_cursor_execute", record)

    daily = {"focus_session.state IN": "focus_session", "recovered_notice_pending": "focus_session",
             "project_batch.status =": "project_batch"}
    conn = sqlite3.connect(store.path)
    seen = set()
    for statement, parameters in asked:
        for marker, table in daily.items():
            if marker in statement and statement.lstrip().upper().startswith("SELECT"):
                seen.add(marker)
                plan = [r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN {statement}",
                                                    parameters)]  # type: ignore[arg-type]
                assert not any(step.startswith(f"SCAN {table}") for step in plan), (statement, plan)
    assert seen == set(daily)


def test_version_8_maps_repositories_to_a_database_with_history(tmp_path: Path) -> None:
    """A v5 database with a project and a switch gains the repository tables,
    and they take rows that point at what was there."""
    path = tmp_path / "v5.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, path, target=5)
    for v in range(1, 6):
        for _table, sql, values in SAMPLE[v]:
            conn.execute(sql, values)
    conn.close()
    store = Store(path)
    try:
        assert store.migrated_from == 5
        from datetime import UTC, datetime

        from app.store.models import RepoMapping, RepoSnapshot, ResumptionLag

        at = datetime(2026, 1, 6, 3, 5, tzinfo=UTC)
        with store.transaction() as s:
            s.add(RepoMapping(project_id=1, path="/home/sari/src/siasn", added_at=at))
            s.flush()
            s.add(RepoSnapshot(project_id=1, repo_id=1, taken_at=at, changed_count=2))
            s.add(ResumptionLag(switch_id=1, project_id=1, switched_at=at, first_edit_at=at,
                                seconds=300.0))
        with store.transaction() as s:
            assert s.get(ResumptionLag, 1).seconds == 300.0  # type: ignore[union-attr]
            assert s.get(RepoSnapshot, 1).changed_count == 2  # type: ignore[union-attr]
    finally:
        store.close()
