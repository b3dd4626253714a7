"""The command line's fast path (app/cli/client.py): its table is the declared
commands', it reads arguments exactly as the full parser does or leaves them to
it, it sends what the tray renders and prints it, and it imports nothing heavy."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.cli import client
from app.cli.commands import REGISTRY
from app.cli.parser import build_parser
from app.platform.paths import Paths

ROOT = Path(__file__).resolve().parents[2]


def test_the_table_is_the_declared_commands() -> None:
    """Regenerate with ``python -m app.cli.client`` when a tray command changes."""
    assert client.declared() == client.TRAY


def full(argv: list[str]) -> client.Request | None:
    """What the full command line makes of ``argv`` (None: it would not send it)."""
    try:
        ns = build_parser(argv=argv).parse_args(argv)
    except SystemExit:
        return None
    name = getattr(ns, "fokus_command", None)
    if name is None or not REGISTRY.runs_remotely(name):
        return None
    command = REGISTRY.get(name)
    return client.Request(name, command.request(vars(ns)), bool(getattr(ns, "json", False)),
                          getattr(ns, "data_dir", None))


def same(a: client.Request, b: client.Request) -> bool:
    return (a.command, a.args, a.as_json, a.data_dir) == (b.command, b.args, b.as_json,
                                                          b.data_dir)


@pytest.mark.parametrize("argv", [
    ["status"], ["status", "--json"], ["--data-dir", "/tmp/x", "status"],
    ["--data-dir=/tmp/x", "start", "-p", "SIASN", "-m", "50"],
    ["start", "--project=SIASN"], ["project", "list", "--json", "--all"],
    ["project", "--data-dir", "d", "add", "Web", "--tech", "Go"],
    ["batch", "add", "-p", "SIASN", "-t", "Refactor API", "--urgency", "high"],
    ["config", "set", "focus_minutes", "50"], ["interrupt", "--source", "chat"],
    ["note", "add", "a note", "-p", "SIASN"], ["import-ics", "cal.ics"],
    ["block", "add", "-p", "A", "--start", "2026-11-30 09:00", "--minutes", "30"],
    ["switch", "--to", "A", "--start", "-m", "25"],
])
def test_plain_requests_are_read_as_the_full_parser_reads_them(argv: list[str]) -> None:
    mine, theirs = client.parse(argv), full(argv)
    assert mine is not None and theirs is not None
    assert same(mine, theirs)


@pytest.mark.parametrize("argv", [
    [], ["--help"], ["status", "--help"], ["status", "-h"], ["--version"], ["stat"],
    ["status", "--bogus"], ["start"], ["start", "--proj", "A"], ["start", "-pA"],
    ["start", "-p", "A", "-m", "lots"], ["start", "-p", "-1"], ["interrupt", "--source", "x"],
    ["block", "add", "-p", "A", "--start", "s", "--end", "e", "--minutes", "3"],
    ["project"], ["project", "add"], ["project", "add", "a", "b"], ["export"], ["demo"],
    ["--json", "status"], ["status", "--", "x"], ["status", "--data-dir"],
])
def test_anything_else_is_left_to_the_full_command_line(argv: list[str]) -> None:
    assert client.parse(argv) is None


WORDS = st.sampled_from([
    "status", "start", "stop", "project", "add", "list", "batch", "block", "note", "config",
    "set", "get", "switch", "interrupt", "plan", "log", "import-ics", "export", "-p", "-m",
    "-b", "-t", "--project", "--minutes", "--json", "--all", "--undo", "--data-dir", "--to",
    "--start", "--end", "--source", "--trigger", "--week", "--apply", "--kind", "deep", "chat",
    "self", "A", "50", "-5", "x=y", "--minutes=7", "--project=B", "--data-dir=d", "", "-",
    "--", "-h", "2026-W48", "0x10", "٣", "focus_minutes"])


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=7))
def test_what_the_fast_path_reads_the_full_parser_reads_alike(argv: list[str]) -> None:
    mine = client.parse(argv)
    if mine is not None:
        theirs = full(argv)
        assert theirs is not None, argv
        assert same(mine, theirs), argv


class FakeTray:
    """A socket in a private folder that answers one JSON line per connection."""

    def __init__(self, folder: Path, answer: dict[str, Any]) -> None:
        self.paths = Paths(folder)
        folder.mkdir(mode=0o700, exist_ok=True)
        self.answer = answer
        self.requests: list[dict[str, Any]] = []
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(str(self.paths.socket))
        self.server.listen(4)
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                buf = b""
                while not buf.endswith(b"\n"):
                    buf += conn.recv(65536)
                self.requests.append(json.loads(buf))
                conn.sendall((json.dumps(self.answer) + "\n").encode())

    def close(self) -> None:
        # Closing alone does not wake a thread blocked in accept() on Linux (the
        # join then waited its full 5 s, four times a run); shutting it down does.
        with contextlib.suppress(OSError):
            self.server.shutdown(socket.SHUT_RDWR)
        self.server.close()
        self.thread.join(5)
        assert not self.thread.is_alive()


@pytest.fixture
def tray(tmp_path: Path) -> Iterator[FakeTray]:
    fake = FakeTray(tmp_path / "d", {"ok": True, "result": {"state": "idle"},
                                     "text": "rendered by the tray"})
    yield fake
    fake.close()


def test_the_tray_renders_and_the_fast_path_prints_it(tray: FakeTray,
                                                      capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FOKUS_LANG", raising=False)
    assert client.run(["status", "--json", "--data-dir", str(tray.paths.data_dir)]) == 0
    assert capsys.readouterr().out == "rendered by the tray\n"
    assert tray.requests == [{"command": "status", "args": {}, "render": "json"}]


def test_an_error_from_the_tray_is_put_into_words_here(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FOKUS_LANG", raising=False)
    fake = FakeTray(tmp_path / "d", {"ok": False, "error": {
        "code": "unknown_project", "params": {"project": "Nope"}}})
    try:
        assert client.run(["start", "-p", "Nope", "--data-dir", str(fake.paths.data_dir)]) == 1
    finally:
        fake.close()
    assert "Nope" in capsys.readouterr().err
    assert fake.requests[0]["args"] == {"project": "Nope", "batch": None, "minutes": None,
                                        "source": "cli"}


def test_no_tray_or_a_language_of_its_own_is_left_to_the_full_path(
        tmp_path: Path, tray: FakeTray, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FOKUS_LANG", raising=False)
    assert client.run(["status", "--data-dir", str(tmp_path / "none")]) is None
    monkeypatch.setenv("FOKUS_LANG", "id")
    assert client.run(["status", "--data-dir", str(tray.paths.data_dir)]) is None
    assert tray.requests == []


def test_a_socket_folder_others_can_write_to_is_left_to_the_full_path(tray: FakeTray) -> None:
    tray.paths.data_dir.chmod(0o777)
    try:
        assert client.run(["status", "--data-dir", str(tray.paths.data_dir)]) is None
    finally:
        tray.paths.data_dir.chmod(0o700)
    assert tray.requests == []


def test_the_fast_path_imports_neither_the_core_nor_argparse(tray: FakeTray) -> None:
    code = ("import sys\nfrom ui.entry import main\nrc = main(sys.argv[1:])\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('sqlmodel', 'sqlalchemy', 'argparse', 'PySide6', 'babel', 'gettext') "
            "or m.startswith(('app.cli.commands', 'app.store', 'app.service'))))\n"
            "sys.exit(rc)")
    env = {k: v for k, v in os.environ.items() if k != "FOKUS_LANG"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run([sys.executable, "-c", code, "status", "--data-dir",
                           str(tray.paths.data_dir)], env=env, cwd=tray.paths.data_dir,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["rendered by the tray", "[]"]
