"""Two real databases syncing through a real folder (app/sync): what each
machine wrote offline ends up the same on both, whatever order, however often
and however late the files arrive; deletions travel; simultaneous sessions are
a conflict to settle; the folder holds nothing readable."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from app.clock import FakeClock
from app.errors import ErrorCode, FokusError
from app.reports.reflection import Answers, ReflectionService
from app.service import FokusService
from app.store.engine import Store
from app.store.models import (
    EditRecord,
    Project,
    ProjectBatch,
    Reflection,
    ResumeNote,
    TimeBlock,
)
from app.store.settings import AUTO_SWITCH, FOCUS_MINUTES, HOTKEY_SWITCH
from app.store.synced import TABLES
from app.sync import merge as m
from app.sync.folder import ROOT

DAY = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)
PASS = "kopi tubruk di lantai tiga"


class Machine:
    def __init__(self, home: Path, name: str, clock: FakeClock) -> None:
        home.mkdir(parents=True, exist_ok=True)
        self.store = Store(home / "fokus.sqlite3")
        self.clock = clock
        self.svc = FokusService(self.store, clock, owner=name)

    def content(self) -> dict[str, Any]:
        """Every synced row by uid, references as uids: what must agree."""
        conn = sqlite3.connect(self.store.path)
        try:
            out: dict[str, Any] = {}
            for spec in TABLES:
                if spec.name == "setting":
                    continue
                rows: dict[str, Any] = {}
                for (key,) in conn.execute(f"SELECT id FROM {spec.name}"):
                    named = conn.execute("SELECT uid FROM sync_row WHERE entity = ? AND "
                                         "row_key = ?", (spec.name, str(key))).fetchone()
                    if named is None:  # a losing value's record: each machine keeps its own
                        assert spec.name == "edit_record"
                        continue
                    uid = named[0]
                    row = m._row(conn, spec, str(key))
                    assert row is not None
                    rows[uid] = m._fields(conn, spec, row)
                out[spec.name] = rows
            out["setting"] = dict(conn.execute(
                "SELECT key, value FROM setting WHERE key IN ('focus_minutes', 'project_limit')"))
            return out
        finally:
            conn.close()

    def sessions(self) -> list[tuple[datetime, datetime | None, str]]:
        entries = self.svc.history.sessions(DAY, DAY + timedelta(days=7))
        return [(e.started_at, e.ended_at, e.project) for e in entries]


@pytest.fixture(autouse=True)
def cheap_key_stretching(monkeypatch: pytest.MonkeyPatch) -> None:
    """The merge is what these tests try: each passphrase's key is stretched
    with Argon2id's smallest cost instead of its interactive one (two
    derivations a test were most of this file's time; the property test makes
    eighty). The command-line and tray tests (tests/e2e) use the real cost."""
    from nacl import pwhash

    from app.sync import crypto

    assert crypto.OPSLIMIT == pwhash.argon2id.OPSLIMIT_INTERACTIVE
    assert crypto.MEMLIMIT == pwhash.argon2id.MEMLIMIT_INTERACTIVE
    monkeypatch.setattr(crypto, "OPSLIMIT", pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(crypto, "MEMLIMIT", pwhash.argon2id.MEMLIMIT_MIN)


@contextmanager
def two(tmp_path: Path, shared: bool = True) -> Iterator[tuple[Machine, Machine, Path, Path]]:
    """Machines a and b. Shared: one folder; else each its own (the test copies)."""
    clock_a = FakeClock(current=DAY + timedelta(hours=20))
    clock_b = FakeClock(current=DAY + timedelta(hours=20))
    a = Machine(tmp_path / "a", "a", clock_a)
    b = Machine(tmp_path / "b", "b", clock_b)
    folder_a = tmp_path / "share-a"
    folder_b = folder_a if shared else tmp_path / "share-b"
    folder_a.mkdir()
    folder_b.mkdir(exist_ok=True)
    try:
        a.svc.sync.setup(folder_a, PASS)
        if not shared:  # the same folder, as a copying tool would make it
            shutil.copytree(folder_a / ROOT, folder_b / ROOT)
        b.svc.sync.setup(folder_b, PASS)
        yield a, b, folder_a, folder_b
    finally:
        a.store.close()
        b.store.close()


def files_of(folder: Path) -> list[Path]:
    return sorted(p for p in (folder / ROOT).glob("*/*.box"))


def session(machine: Machine, project: str, start_min: int, length: int) -> int:
    p = machine.svc.project(project)
    assert p.id is not None
    start = DAY + timedelta(hours=8, minutes=start_min)
    return machine.svc.history.add_session(p.id, None, start,
                                           start + timedelta(minutes=length)).id


def test_offline_work_on_both_machines_merges_the_same_on_both(tmp_path: Path) -> None:
    with two(tmp_path) as (a, b, _fa, _fb):
        a.svc.add_project("SIASN")
        a.svc.add_batch("SIASN", "Cuti API", prep_note="mulai dari CutiController")
        b.svc.add_project("MyASN")
        b.svc.add_project("SIASN", colour="#ff0000")  # the same project, made on both
        session(a, "SIASN", 0, 60)
        session(b, "MyASN", 120, 45)
        b.svc.settings.set(FOCUS_MINUTES, 75)
        a.svc.sync.sync()
        b.svc.sync.sync()
        a.svc.sync.sync()
        assert a.content() == b.content()
        assert [p.name for p in a.svc.projects()] == [p.name for p in b.svc.projects()]
        assert len(a.sessions()) == 2 and a.sessions() == b.sessions()
        assert a.svc.settings.get(FOCUS_MINUTES) == 75
        assert a.svc.sync.status()["conflicts"] == []


def test_files_delivered_late_twice_and_out_of_order(tmp_path: Path) -> None:
    with two(tmp_path, shared=False) as (a, b, folder_a, folder_b):
        a.svc.add_project("SIASN")
        a.svc.sync.sync()
        first = session(a, "SIASN", 0, 60)
        a.svc.sync.sync()
        a.svc.history.edit_session(first, end=DAY + timedelta(hours=8, minutes=50))
        a.clock.advance(60)
        a.svc.sync.sync()
        gone = session(a, "SIASN", 100, 30)
        a.svc.sync.sync()
        a.svc.history.delete_session(gone)
        a.svc.sync.sync()
        written = [p for p in files_of(folder_a) if p.parent.name == a.svc.sync.machine_id()]
        assert len(written) >= 5
        target = folder_b / ROOT / written[0].parent.name
        target.mkdir()
        # Newest first, one at a time, each sync sees only what has arrived.
        for path in reversed(written):
            shutil.copy2(path, target / path.name)
            b.svc.sync.sync()
        b.svc.sync.sync()
        assert b.content() == a.content()
        # Delivered again (a tool that copies twice): nothing changes.
        before = b.content()
        for path in written:
            shutil.copy2(path, target / path.name)
        assert b.svc.sync.sync().files_read == 0
        assert b.content() == before
        assert [e[1] for e in b.sessions()] == [DAY + timedelta(hours=8, minutes=50)]


def test_a_deletion_on_one_machine_removes_the_item_on_both(tmp_path: Path) -> None:
    with two(tmp_path) as (a, b, _fa, _fb):
        a.svc.add_project("SIASN")
        sid = session(a, "SIASN", 0, 60)
        a.svc.sync.sync()
        b.svc.sync.sync()
        assert len(b.sessions()) == 1
        # b edits it offline while a deletes it: a session stays deleted either way.
        bid = b.svc.history.sessions(DAY, DAY + timedelta(days=1))[0].id
        b.svc.history.edit_session(bid, end=DAY + timedelta(hours=8, minutes=40))
        a.svc.history.delete_session(sid)
        b.svc.sync.sync()
        a.svc.sync.sync()
        b.svc.sync.sync()
        assert a.sessions() == [] and b.sessions() == []
        assert a.content() == b.content()


def _rows(machine: Machine, model: type[Any]) -> list[Any]:
    with machine.store.transaction() as s:
        rows = list(s.exec(select(model).order_by(model.id)))
        for r in rows:
            s.expunge(r)
        return rows


def _set(machine: Machine, model: type[Any], **values: Any) -> None:
    """Change the first row of ``model`` on ``machine`` (as any front end would)."""
    with machine.store.transaction() as s:
        row = s.exec(select(model).order_by(model.id)).first()
        assert row is not None
        for name, value in values.items():
            setattr(row, name, value)


def _drop(machine: Machine, model: type[Any]) -> None:
    with machine.store.transaction() as s:
        row = s.exec(select(model).order_by(model.id)).first()
        assert row is not None
        s.delete(row)


def _deliver(a: Machine, b: Machine, a_first: bool) -> None:
    first, second = (a, b) if a_first else (b, a)
    first.svc.sync.sync()
    second.svc.sync.sync()
    first.svc.sync.sync()


def _lost_after_deletion(machine: Machine, entity: str) -> list[dict[str, Any]]:
    with machine.store.transaction() as s:
        return [json.loads(r.after or "{}") for r in s.exec(select(EditRecord).where(
            EditRecord.entity == entity, EditRecord.entity_id == 0)) if r.undone]


@pytest.mark.parametrize("a_first", [True, False])
def test_an_edit_made_after_a_deletion_brings_the_item_back_on_both(
        tmp_path: Path, a_first: bool) -> None:
    """A reflection and a resume note deleted on a, edited later on b (which did
    not know): back on both, with b's newest fields, whichever file lands first."""
    with two(tmp_path) as (a, b, _fa, _fb):
        a.svc.add_project("SIASN")
        pid = a.svc.project("SIASN").id
        assert pid is not None
        a.svc.activity.add_note(pid, "berhenti di validasi NIP")
        day: date = (DAY + timedelta(hours=8)).date()
        ReflectionService(a.store, a.clock).save(day, Answers(satisfaction=4, helped="fokus"))
        a.svc.sync.sync()
        b.svc.sync.sync()
        _set(b, Reflection, helped="teh")  # an older edit, seen by a before its deletion
        b.svc.sync.sync()
        a.svc.sync.sync()
        _drop(a, Reflection)
        _drop(a, ResumeNote)
        b.clock.advance(60)  # later, offline, on b
        _set(b, Reflection, satisfaction=2)
        _set(b, ResumeNote, text="lanjut di validasi NIK")
        _deliver(a, b, a_first)
        assert a.content() == b.content()
        for side in (a, b):
            got = ReflectionService(side.store, side.clock).get(day)
            assert got is not None and (got.satisfaction, got.helped) == (2, "teh"), side
            pid_here = side.svc.project("SIASN").id
            assert pid_here is not None
            assert [n.text for n in side.svc.activity.notes(pid_here)] == \
                ["lanjut di validasi NIK"], side
        # The deletion travelling again (a file copied twice) changes nothing.
        before = a.content()
        a.svc.sync.sync()
        b.svc.sync.sync()
        assert a.content() == b.content() == before


@pytest.mark.parametrize("a_first", [True, False])
def test_a_note_edited_after_its_project_was_deleted_stays_deleted_and_shows(
        tmp_path: Path, a_first: bool) -> None:
    """A note cannot come back without its project: the deletion stays on both,
    and the later edit is kept in the history."""
    with two(tmp_path) as (a, b, _fa, _fb):
        a.svc.add_project("SIASN")
        pid = a.svc.project("SIASN").id
        assert pid is not None
        a.svc.activity.add_note(pid, "berhenti di validasi NIP")
        a.svc.sync.sync()
        b.svc.sync.sync()
        _drop(a, ResumeNote)
        _drop(a, Project)
        b.clock.advance(60)
        _set(b, ResumeNote, text="lanjut di validasi NIK")
        _deliver(a, b, a_first)
        for side in (a, b):
            assert _rows(side, ResumeNote) == [] and _rows(side, Project) == [], side
            assert [x["text"] for x in _lost_after_deletion(side, "resume_note")] == \
                ["lanjut di validasi NIK"], side
        assert a.content() == b.content()


@pytest.mark.parametrize("a_first", [True, False])
def test_a_deletion_wins_over_an_edit_made_before_it(tmp_path: Path, a_first: bool) -> None:
    with two(tmp_path) as (a, b, _fa, _fb):
        day: date = (DAY + timedelta(hours=8)).date()
        ReflectionService(a.store, a.clock).save(day, Answers(satisfaction=4))
        a.svc.sync.sync()
        b.svc.sync.sync()
        _set(b, Reflection, satisfaction=1)  # b's edit comes first ...
        a.clock.advance(60)
        _drop(a, Reflection)  # ... a's deletion after it
        _deliver(a, b, a_first)
        assert _rows(a, Reflection) == [] and _rows(b, Reflection) == []
        assert a.content() == b.content()


@pytest.mark.parametrize("a_first", [True, False])
def test_a_session_edited_after_its_deletion_stays_deleted_and_the_edit_shows(
        tmp_path: Path, a_first: bool) -> None:
    """A session does not come back from the dead (its pauses went with it, and it
    could overlap another): the deletion stays on both, and b's later edit is
    in the edit history of both, in b's name."""
    with two(tmp_path) as (a, b, _fa, _fb):
        a.svc.add_project("SIASN")
        sid = session(a, "SIASN", 0, 60)
        a.svc.sync.sync()
        b.svc.sync.sync()
        a.svc.history.delete_session(sid)
        b.clock.advance(60)
        bid = b.svc.history.sessions(DAY, DAY + timedelta(days=1))[0].id
        b.svc.history.edit_session(bid, end=DAY + timedelta(hours=8, minutes=40))
        _deliver(a, b, a_first)
        assert a.sessions() == [] and b.sessions() == []
        assert a.content() == b.content()
        for side in (a, b):
            lost = _lost_after_deletion(side, "focus_session")
            assert len(lost) == 1, side
            assert lost[0]["ended_at"].startswith("2026-11-23T08:40"), side
            assert lost[0]["id"] is None and lost[0]["project_id"] is not None


@pytest.mark.parametrize("entity", ["project", "project_batch", "time_block", "resume_note",
                                    "reflection"])
def test_the_losing_value_of_any_item_stays_in_its_edit_history(
        tmp_path: Path, entity: str) -> None:
    model, field, older, newer = {
        "project": (Project, "colour", "#111111", "#222222"),
        "project_batch": (ProjectBatch, "title", "Cuti API v1", "Cuti API v2"),
        "time_block": (TimeBlock, "location", "office", "remote"),
        "resume_note": (ResumeNote, "text", "di kantor", "di rumah"),
        "reflection": (Reflection, "helped", "kopi", "teh"),
    }[entity]
    with two(tmp_path) as (a, b, _fa, _fb):
        a.svc.add_project("SIASN")
        a.svc.add_batch("SIASN", "Cuti API")
        pid = a.svc.project("SIASN").id
        assert pid is not None
        a.svc.activity.add_note(pid, "berhenti di validasi NIP")
        ReflectionService(a.store, a.clock).save(DAY.date(), Answers(helped="fokus"))
        with a.store.transaction() as s:
            s.add(TimeBlock(project_id=pid, start_at=DAY + timedelta(hours=9),
                            end_at=DAY + timedelta(hours=10)))
        a.svc.sync.sync()
        b.svc.sync.sync()
        _set(a, model, **{field: older})
        b.clock.advance(5)  # b's edit is the newer
        _set(b, model, **{field: newer})
        a.svc.sync.sync()
        b.svc.sync.sync()
        a.svc.sync.sync()
        assert a.content() == b.content()
        for side in (a, b):
            assert getattr(_rows(side, model)[0], field) == newer, side
            with side.store.transaction() as s:
                lost = [json.loads(r.after or "{}") for r in s.exec(select(EditRecord).where(
                    EditRecord.entity == entity)) if r.undone]
            assert [x[field] for x in lost] == [older], side
            assert lost[0]["id"] == _rows(side, model)[0].id


def test_a_session_running_on_both_machines_is_a_conflict_never_a_sum(tmp_path: Path) -> None:
    with two(tmp_path) as (a, b, _fa, _fb):
        a.svc.add_project("SIASN")
        a.svc.sync.sync()
        b.svc.sync.sync()
        project = b.svc.project("SIASN").id
        assert project is not None
        a.svc.start(a.svc.project("SIASN").id, None)
        b.svc.start(project, None)
        a.clock.advance(45 * 60)
        b.clock.advance(45 * 60)
        a.svc.stop()
        b.svc.stop()
        a.svc.sync.sync()
        b.svc.sync.sync()
        a.svc.sync.sync()
        for side in (a, b):
            conflicts = side.svc.sync.status()["conflicts"]
            assert len(conflicts) == 1, side
            from app.cli.commands.sync import _status_text

            assert "Conflict: sessions" in _status_text(side.svc.sync.status())
            assert len(side.sessions()) == 2  # both kept, side by side, for the person
        # Settled on a by deleting one, once the breaks after both are over: gone on both.
        loser = a.svc.sync.conflicts()[0].second
        a.clock.advance(20 * 60)
        b.clock.advance(20 * 60)
        a.svc.history.delete_session(loser)
        a.svc.sync.sync()
        b.svc.sync.sync()
        a.svc.sync.sync()  # b's break, over now, comes back
        assert a.svc.sync.conflicts() == [] and b.svc.sync.conflicts() == []
        assert a.content() == b.content()
        assert len(a.content()["focus_break"]) == 2
        from app.cli.commands.sync import _status_text

        assert "Conflict" not in _status_text(a.svc.sync.status())


def test_the_same_field_edited_on_both_keeps_the_newer_and_shows_the_loser(
        tmp_path: Path) -> None:
    with two(tmp_path) as (a, b, _fa, _fb):
        a.svc.add_project("SIASN")
        a.svc.add_project("MyASN")
        sid = session(a, "SIASN", 0, 60)
        a.svc.sync.sync()
        b.svc.sync.sync()
        bid = b.svc.history.sessions(DAY, DAY + timedelta(days=1))[0].id
        a.svc.history.edit_session(sid, end=DAY + timedelta(hours=8, minutes=30))
        b.clock.advance(5)  # b's edit is the newer
        b.svc.history.edit_session(bid, end=DAY + timedelta(hours=8, minutes=45))
        a.svc.sync.sync()
        b.svc.sync.sync()
        a.svc.sync.sync()
        assert a.content() == b.content()
        assert a.sessions()[0][1] == DAY + timedelta(hours=8, minutes=45)
        for side in (a, b):
            with side.store.transaction() as s:
                lost = [r for r in s.exec(select(EditRecord)) if r.undone and r.after
                        and "08:30:00" in r.after]
            assert len(lost) == 1, side
            assert json.loads(lost[0].after or "{}")["ended_at"].startswith("2026-11-23T08:30")


def test_person_settings_travel_machine_settings_stay(tmp_path: Path) -> None:
    with two(tmp_path) as (a, b, _fa, _fb):
        a.svc.settings.set(FOCUS_MINUTES, 50)
        a.svc.settings.set(HOTKEY_SWITCH, "<ctrl>+<alt>+k")
        a.svc.sync.sync()
        b.svc.sync.sync()
        assert b.svc.settings.get(FOCUS_MINUTES) == 50
        assert b.svc.settings.get(HOTKEY_SWITCH) == HOTKEY_SWITCH.default
        a.svc.settings.reset(FOCUS_MINUTES)  # back to the default on both
        a.svc.sync.sync()
        b.svc.sync.sync()
        assert b.svc.settings.get(FOCUS_MINUTES) == FOCUS_MINUTES.default


def test_a_wrong_passphrase_is_refused_and_nothing_is_merged(tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    a = Machine(tmp_path / "a", "a", FakeClock(current=DAY))
    b = Machine(tmp_path / "b", "b", FakeClock(current=DAY))
    try:
        a.svc.add_project("SIASN")
        a.svc.sync.setup(folder, PASS)
        with pytest.raises(FokusError) as caught:
            b.svc.sync.setup(folder, "not the passphrase")
        assert caught.value.code is ErrorCode.SYNC_WRONG_PASSPHRASE
        assert b.svc.projects() == [] and not b.svc.sync.configured()
        with pytest.raises(FokusError) as caught:
            b.svc.sync.sync()
        assert caught.value.code is ErrorCode.SYNC_NOT_SET_UP
    finally:
        a.store.close()
        b.store.close()


def test_a_flipped_byte_or_a_truncated_file_is_refused_and_nothing_of_it_merged(
        tmp_path: Path) -> None:
    with two(tmp_path, shared=False) as (a, b, folder_a, folder_b):
        a.svc.add_project("SIASN")
        session(a, "SIASN", 0, 60)
        a.svc.sync.sync()
        (original,) = [p for p in files_of(folder_a) if p.parent.name == a.svc.sync.machine_id()]
        target = folder_b / ROOT / original.parent.name
        target.mkdir()
        data = bytearray(original.read_bytes())
        data[len(data) // 2] ^= 0x01
        (target / original.name).write_bytes(bytes(data))
        report = b.svc.sync.sync()
        assert report.refused == [f"{original.parent.name}/{original.name}"]
        assert b.svc.projects() == [] and b.sessions() == []
        (target / original.name).write_bytes(original.read_bytes()[: len(data) // 2])
        assert b.svc.sync.sync().refused and b.svc.projects() == []
        # The whole file arrives at last: it is read then.
        shutil.copy2(original, target / original.name)
        report = b.svc.sync.sync()
        assert report.refused == [] and len(b.sessions()) == 1


def test_names_notes_and_window_rules_never_appear_in_the_folder(tmp_path: Path) -> None:
    secrets_ = ["SIASN-rahasia", "catatan konteks pribadi", "jendela-rahasia.example",
                "terbantu oleh kopi", "Cuti API rahasia"]
    with two(tmp_path) as (a, _b, folder, _fb):
        a.svc.add_project(secrets_[0])
        a.svc.add_batch(secrets_[0], secrets_[4], prep_note=secrets_[1])
        pid = a.svc.project(secrets_[0]).id
        assert pid is not None
        a.svc.activity.add_note(pid, secrets_[1])
        a.svc.settings.set(AUTO_SWITCH, {"rules": [{"match": secrets_[2], "project": pid}]})
        a.clock.advance(3600)
        ReflectionService(a.store, a.clock).save(
            (DAY + timedelta(hours=8)).date(), Answers(satisfaction=4, helped=secrets_[3]))
        a.svc.sync.sync()
        blobs = b"".join(p.read_bytes() for p in (folder / ROOT).rglob("*") if p.is_file())
        names = " ".join(str(p.relative_to(folder)) for p in folder.rglob("*"))
        assert len(files_of(folder)) >= 1
        for text in secrets_:
            for form in (text.encode(), text.encode("utf-16-le"), json.dumps(text).encode()):
                assert form not in blobs
            assert text not in names
        assert "SIASN" not in names and b"SIASN" not in blobs


def test_a_reflection_and_a_note_made_on_the_laptop_show_on_the_office_pc(
        tmp_path: Path) -> None:
    with two(tmp_path) as (a, b, _fa, _fb):
        a.svc.add_project("SIASN")
        pid = a.svc.project("SIASN").id
        assert pid is not None
        a.svc.activity.add_note(pid, "berhenti di validasi NIP")
        a.clock.advance(3600)
        day: date = (DAY + timedelta(hours=8)).date()
        ReflectionService(a.store, a.clock).save(day, Answers(satisfaction=4, helped="fokus"))
        a.svc.sync.sync()
        b.svc.sync.sync()
        bid = b.svc.project("SIASN").id
        assert bid is not None
        assert [n.text for n in b.svc.activity.notes(bid)] == ["berhenti di validasi NIP"]
        got = ReflectionService(b.store, b.clock).get(day)
        assert got is not None and got.satisfaction == 4


def test_migration_9_names_every_existing_row_and_exports_it(tmp_path: Path) -> None:
    from app.store.engine import migrate

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, path, target=8)
    conn.execute("INSERT INTO project VALUES (1, 'SIASN', '#2a9d8f', 'Java', "
                 "'2026-01-05 01:00:00.000000', NULL)")
    conn.execute("INSERT INTO focus_session (id, project_id, planned_minutes, started_at, "
                 "utc_offset_min, ended_at, state, heartbeat_at, recovered_notice_pending, "
                 "source) VALUES (1, 1, 60, '2026-01-05 02:00:00.000000', 420, "
                 "'2026-01-05 03:00:00.000000', 'finished', '2026-01-05 03:00:00.000000', 0, "
                 "'tray')")
    conn.close()
    Store(path).close()
    conn = sqlite3.connect(path)
    rows = dict(conn.execute("SELECT entity, uid FROM sync_row"))
    assert rows["project"] == "project:SIASN" and len(rows["focus_session"]) == 32
    assert set(conn.execute("SELECT entity FROM sync_dirty")) == {("project",),
                                                                   ("focus_session",)}
    out = m.export(conn, m.Hlc("ab" * 8, None), 1, lambda _k: True)
    assert {r[1] for r in out.rows} == {"project", "focus_session"}
    conn.close()


def test_the_clock_never_goes_back_and_breaks_ties_by_machine() -> None:
    clock = m.Hlc("aa" * 8, m.make_stamp(5_000, 3, "ff" * 8))
    first = clock.next(1_000)  # the wall clock is behind what was seen
    assert first > m.make_stamp(5_000, 3, "ff" * 8)[:20] and clock.next(1_000) > first
    assert m.make_stamp(7, 0, "aa" * 8) < m.make_stamp(7, 0, "bb" * 8)


# -- any interleaving gives the same database on both sides -----------------------------

OPS = st.lists(st.tuples(st.sampled_from(["a", "b"]),
                         st.sampled_from(["project", "batch", "title", "drop", "session",
                                          "move", "delete", "setting", "sync", "note",
                                          "renote", "unnote", "reflect", "unreflect"]),
                         st.integers(0, 3)), min_size=1, max_size=14)


def _apply(x: Machine, op: str, n: int) -> None:
    projects = x.svc.projects()
    try:
        if op == "project":
            x.svc.add_project(f"P{n}")
        elif op == "batch" and projects:
            x.svc.add_batch(projects[n % len(projects)].name, f"batch {n}")
        elif op in ("title", "drop"):
            batches = x.svc.batches() if hasattr(x.svc, "batches") else []
            if batches:
                batch = batches[n % len(batches)]
                with x.store.transaction() as s:
                    row = s.get(type(batch), batch.id)
                    assert row is not None
                    if op == "title":
                        row.title = f"{row.title}/{x.svc.engine.owner}{n}"
                    else:
                        s.delete(row)
        elif op == "session" and projects:
            session(x, projects[n % len(projects)].name, n * 100, 30)
        elif op in ("move", "delete"):
            entries = x.svc.history.sessions(DAY, DAY + timedelta(days=1))
            if entries:
                e = entries[n % len(entries)]
                if op == "delete":
                    x.svc.history.delete_session(e.id)
                else:
                    x.svc.history.edit_session(e.id, end=e.started_at + timedelta(minutes=10 + n))
        elif op == "setting":
            x.svc.settings.set(FOCUS_MINUTES, 30 + n * 5)
        elif op == "note" and projects:
            project_id = projects[n % len(projects)].id
            assert project_id is not None
            x.svc.activity.add_note(project_id, f"catatan {n}")
        elif op == "reflect":
            ReflectionService(x.store, x.clock).save(DAY.date(), Answers(satisfaction=n + 1))
        elif op in ("renote", "unnote", "unreflect"):
            model: type[Any] = ResumeNote if op.endswith("note") else Reflection
            if _rows(x, model):
                if op == "unnote" or op == "unreflect":
                    _drop(x, model)
                elif model is ResumeNote:
                    _set(x, model, text=f"{x.svc.engine.owner}{n}")
        elif op == "sync":
            x.svc.sync.sync()
    except FokusError:
        pass  # refused by the rules (an overlap, a name taken): nothing to sync
    x.clock.advance(7)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_any_interleaving_of_offline_work_converges(tmp_path_factory: pytest.TempPathFactory,
                                                    ops: list[tuple[str, str, int]]) -> None:
    with two(tmp_path_factory.mktemp("run")) as (a, b, _fa, _fb):
        for who, op, n in ops:
            _apply(a if who == "a" else b, op, n)
        for _round in range(2):
            a.svc.sync.sync()
            b.svc.sync.sync()
        a.svc.sync.sync()
        assert a.content() == b.content()
        assert a.sessions() == b.sessions()


def test_a_week_worked_on_two_computers_gives_the_same_report_on_both(tmp_path: Path) -> None:
    """Mon, Thu, Fri at the office PC; Tue, Wed on the laptop; each syncs at the
    end of its days: the weekly report, the plan and each day's log are equal,
    edits made by hand included."""
    from app.reports.export import build_report

    with two(tmp_path) as (office, laptop, _fa, _fb):
        monday = datetime(2026, 11, 23, tzinfo=UTC)
        week = "2026-W48"
        for clock in (office.clock, laptop.clock):
            clock.current = monday + timedelta(days=7)
        office.svc.add_project("SIASN")
        office.svc.add_project("MyASN")
        office.svc.add_batch("SIASN", "Cuti API")
        office.svc.sync.sync()
        laptop.svc.sync.sync()
        for day, side in enumerate((office, laptop, laptop, office, office)):
            for k, project in enumerate(("SIASN", "MyASN")):
                pid = side.svc.project(project).id
                assert pid is not None
                start = monday + timedelta(days=day, hours=1 + 2 * k)
                side.svc.history.add_session(pid, None, start, start + timedelta(minutes=80))
            ReflectionService(side.store, side.clock).save(
                (monday + timedelta(days=day)).date(), Answers(satisfaction=3 + day % 2))
            side.svc.sync.sync()
            other = laptop if side is office else office
            other.svc.sync.sync()
        office.svc.sync.sync()
        # The anonymous reporter id is made at the first report on each computer;
        # one of the two wins everywhere at the next sync.
        build_report(office.store, office.clock, week)
        build_report(laptop.store, laptop.clock, week)
        for side in (office, laptop, office):
            side.svc.sync.sync()
        a = build_report(office.store, office.clock, week)
        b = build_report(laptop.store, laptop.clock, week)
        assert a == b
        assert a["efficiency_flow"]["sessions_added_after_the_fact"] == 10
        assert office.svc.week.plan(week).new_blocks == laptop.svc.week.plan(week).new_blocks
        for d in range(5):
            day_ = (monday + timedelta(days=d)).date()
            log_a, log_b = office.svc.activity.day_log(day_), laptop.svc.activity.day_log(day_)
            assert [(s["project"], s["start"]) for s in log_a["sessions"]] == \
                [(s["project"], s["start"]) for s in log_b["sessions"]]
            assert len(log_a["sessions"]) == 2
        # An edit made on the other computer is shown, and undo here leaves it alone.
        assert laptop.svc.history.can_undo()  # its own additions
        mine = [r for r in laptop.svc.history.edits(100) if not r.group_uid.startswith("sync:")]
        assert len(mine) == 4
        for _ in mine:
            laptop.svc.history.undo()
        assert not laptop.svc.history.can_undo()


def test_the_folder_watch_wakes_for_whole_files_of_other_machines_only(tmp_path: Path) -> None:
    from watchdog.events import FileCreatedEvent, FileMovedEvent

    from app.sync.watch import _Handler

    woken: list[int] = []
    handler = _Handler("aa" * 8, lambda: woken.append(1))
    root = tmp_path / ROOT
    handler.on_any_event(FileCreatedEvent(str(root / ("bb" * 8) / ".00000002.box.tmp")))
    handler.on_any_event(FileCreatedEvent(str(root / ("aa" * 8) / "00000002.box")))
    assert woken == []
    handler.on_any_event(FileMovedEvent(str(root / ("bb" * 8) / ".00000002.box.tmp"),
                                        str(root / ("bb" * 8) / "00000002.box")))
    assert woken == [1]


def test_a_break_travels_once_its_time_is_over_and_counts_alike_on_both(
        tmp_path: Path) -> None:
    from app.reports.export import build_report

    with two(tmp_path) as (a, b, _fa, _fb):
        a.svc.add_project("SIASN")
        p = a.svc.project("SIASN").id
        assert p is not None
        a.svc.start(p, None)
        a.clock.advance(60 * 60)
        a.svc.stop()
        a.svc.sync.sync()
        b.svc.sync.sync()
        # The break runs on a: b does not take it for one of its own.
        assert b.svc.breaks.open_break() is None
        a.clock.advance(20 * 60)
        b.clock.current = a.clock.current
        a.svc.sync.sync()
        b.svc.sync.sync()
        assert len(a.content()["focus_break"]) == 1 and a.content() == b.content()
        week = "2026-W48"
        reports = [build_report(side.store, side.clock, week) for side in (a, b)]
        assert reports[0]["goals_breaks"]["breaks"] == reports[1]["goals_breaks"]["breaks"]
        assert reports[1]["goals_breaks"]["breaks"]["suggested"] == 1


def test_files_every_machine_has_read_are_folded_and_a_newcomer_reads_the_fold(
        tmp_path: Path) -> None:
    with two(tmp_path) as (a, b, folder, _fb):
        a.svc.sync.fold_after = 3
        a.svc.add_project("SIASN")
        a.svc.sync.sync()
        for start in (0, 120, 240, 360):
            session(a, "SIASN", start, 60)
            a.svc.sync.sync()
        mine = a.svc.sync.machine_id()
        written = [p.name for p in files_of(folder) if p.parent.name == mine]
        assert len(written) >= 5
        b.svc.sync.sync()  # b reads them all…
        # …and says so in its next file; until then a folds nothing.
        assert a.svc.sync.sync().folded == 0
        b.svc.add_project("MyASN")
        b.svc.sync.sync()
        report = a.svc.sync.sync()
        assert report.folded == len(written)
        left = [p.name for p in files_of(folder) if p.parent.name == mine]
        assert left == [f"{len(written):08d}.all.box"]
        # A third computer joins later: the folded file gives it everything.
        c = Machine(tmp_path / "c", "c", FakeClock(current=a.clock.now()))
        try:
            c.svc.sync.setup(folder, PASS)
            assert c.content() == a.content()
            b.svc.sync.sync()  # b has read it all already: nothing read twice
            assert b.content() == a.content()
            # More work, folded again over the first fold.
            session(a, "SIASN", 480, 30)
            a.svc.sync.sync()
            for side in (b, c):
                side.svc.sync.sync()
                side.svc.settings.set(FOCUS_MINUTES, 50 if side is b else 60)
                side.svc.sync.sync()
            a.svc.sync.fold_after = 1
            assert a.svc.sync.sync().folded >= 2
            left = [p.name for p in files_of(folder) if p.parent.name == mine]
            assert len(left) == 1 and left[0].endswith(".all.box")
            for side in (b, c, a, b, c):
                side.svc.sync.sync()
            assert a.content() == b.content() == c.content()
            assert len(a.sessions()) == 5
        finally:
            c.store.close()
