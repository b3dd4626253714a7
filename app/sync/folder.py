"""The sync folder on disk. Everything Fokus puts there is under ``fokus-sync/``:

    fokus-sync/salt                 the Argon2id salt (random, not secret)
    fokus-sync/check.box            a known text sealed with the key: a wrong
                                    passphrase is told at setup, not later
    fokus-sync/<machine>/<seq>.box  one machine's changes, append-only: a file
                                    is written once (a temporary name, then a
                                    rename) and never changed
    fokus-sync/<machine>/<seq>.all.box  the same machine's changes 1 to <seq>
                                    folded into one file, once every other
                                    machine has read them; the files it folds
                                    are then removed

Machine ids are random; no file name carries a name, a note or a date. A
file is read whole, in any order, as often as a copying tool delivers it."""

from __future__ import annotations

import json
import os
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import ErrorCode, FokusError

ROOT = "fokus-sync"
MAGIC = b"FOKUS-SYNC-1\n"
_CHECK_TEXT = b"fokus-sync-check-1"
_FILE = re.compile(r"^(\d{8})\.box$")
_FOLDED = re.compile(r"^(\d{8})\.all\.box$")
_MACHINE = re.compile(r"^[0-9a-f]{16,64}$")


@dataclass(frozen=True)
class ChangeFile:
    machine: str
    seq: int
    path: Path
    folded: bool = False  # the machine's changes 1 to ``seq`` in one file


def _write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class SyncFolder:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.root = folder / ROOT

    def _usable(self) -> None:
        if not self.folder.is_dir():
            raise FokusError(ErrorCode.SYNC_FOLDER_UNUSABLE, path=self.folder,
                             reason="not a folder")

    def join(self, passphrase: str) -> bytes:
        """The key for this folder: a new salt and check file on the first
        machine; on the next ones the passphrase must open the check file."""
        from app.sync.crypto import derive_key, new_salt, seal

        self._usable()
        try:
            self.root.mkdir(exist_ok=True)
            salt_path = self.root / "salt"
            if not salt_path.exists():
                salt = new_salt()
                key = derive_key(passphrase, salt)
                _write_atomically(self.root / "check.box", MAGIC + seal(key, _CHECK_TEXT))
                _write_atomically(salt_path, salt)
                return key
            key = derive_key(passphrase, salt_path.read_bytes())
        except OSError as exc:
            raise FokusError(ErrorCode.SYNC_FOLDER_UNUSABLE, path=self.folder,
                             reason=exc.strerror or str(exc)) from exc
        self.check(key)
        return key

    def check(self, key: bytes) -> None:
        """Refuse a key that does not open this folder's check file."""
        from app.sync.crypto import open_box

        try:
            sealed = (self.root / "check.box").read_bytes()
        except OSError as exc:
            raise FokusError(ErrorCode.SYNC_FOLDER_UNUSABLE, path=self.folder,
                             reason=exc.strerror or str(exc)) from exc
        try:
            plain = open_box(key, sealed.removeprefix(MAGIC), "check.box")
        except FokusError:
            raise FokusError(ErrorCode.SYNC_WRONG_PASSPHRASE, path=self.folder) from None
        if plain != _CHECK_TEXT:
            raise FokusError(ErrorCode.SYNC_WRONG_PASSPHRASE, path=self.folder)

    def write(self, key: bytes, machine: str, seq: int, payload: dict[str, Any],
              name: str | None = None) -> Path:
        from app.sync.crypto import seal

        directory = self.root / machine
        try:
            directory.mkdir(parents=True, exist_ok=True)
            path = directory / (name or f"{seq:08d}.box")
            plain = zlib.compress(json.dumps(payload, separators=(",", ":")).encode("utf-8"))
            _write_atomically(path, MAGIC + seal(key, plain))
        except OSError as exc:
            raise FokusError(ErrorCode.SYNC_FOLDER_UNUSABLE, path=self.folder,
                             reason=exc.strerror or str(exc)) from exc
        return path

    def files(self, besides: str) -> list[ChangeFile]:
        """Every other machine's change files now in the folder: its newest
        folded file and the files after it."""
        found: list[ChangeFile] = []
        if not self.root.is_dir():
            return found
        for directory in self.root.iterdir():
            if directory.name == besides or not _MACHINE.match(directory.name):
                continue
            if directory.is_dir():
                found += self.own_files(directory.name)
        return sorted(found, key=lambda f: (f.machine, f.seq))

    def own_files(self, machine: str) -> list[ChangeFile]:
        """One machine's files: its newest folded file and those after it."""
        directory = self.root / machine
        if not directory.is_dir():
            return []
        plain: list[ChangeFile] = []
        folded: list[ChangeFile] = []
        for path in directory.iterdir():
            if match := _FILE.match(path.name):
                plain.append(ChangeFile(machine, int(match.group(1)), path))
            elif match := _FOLDED.match(path.name):
                folded.append(ChangeFile(machine, int(match.group(1)), path, folded=True))
        upto = max((f.seq for f in folded), default=0)
        newest = [f for f in folded if f.seq == upto]
        return sorted(newest + [f for f in plain if f.seq > upto], key=lambda f: f.seq)

    def last_seq(self, machine: str) -> int:
        """The highest change file this machine has in the folder (0 for none)."""
        return max((f.seq for f in self.own_files(machine)), default=0)

    def fold(self, key: bytes, machine: str, upto: int, payload: dict[str, Any]) -> Path:
        """Write ``machine``'s changes 1 to ``upto`` as one file, then remove the
        files it replaces (the folded file is whole on disk before any goes)."""
        path = self.write(key, machine, upto, payload, name=f"{upto:08d}.all.box")
        for old in (self.root / machine).iterdir():
            match = _FILE.match(old.name) or _FOLDED.match(old.name)
            if match and old != path and int(match.group(1)) <= upto:
                old.unlink(missing_ok=True)
        return path

    def read(self, key: bytes, f: ChangeFile) -> dict[str, Any]:
        """The file's changes, or FokusError(SYNC_FILE_REFUSED): a file that is
        not whole, was changed, was sealed with another key or says it is
        another machine's is never half read."""
        from app.sync.crypto import open_box

        name = f"{f.machine}/{f.path.name}"
        try:
            data = f.path.read_bytes()
        except OSError as exc:
            raise FokusError(ErrorCode.SYNC_FILE_REFUSED, file=name) from exc
        if not data.startswith(MAGIC):
            raise FokusError(ErrorCode.SYNC_FILE_REFUSED, file=name)
        plain = open_box(key, data[len(MAGIC):], name)
        try:
            payload: dict[str, Any] = json.loads(zlib.decompress(plain))
        except (zlib.error, ValueError):
            raise FokusError(ErrorCode.SYNC_FILE_REFUSED, file=name) from None
        if payload.get("machine") != f.machine or payload.get("seq") != f.seq \
                or bool(payload.get("folded")) != f.folded:
            raise FokusError(ErrorCode.SYNC_FILE_REFUSED, file=name)
        return payload
