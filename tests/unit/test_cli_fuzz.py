"""A property-based fuzz of the command line: any command with any arguments and
values gives success or a clear error: never exit 70, never a traceback, never
a hang. In-process through ``app.cli.main.main`` against one data directory
that fills up as the examples run, plus a handful as real processes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli.commands import REGISTRY
from app.cli.main import main
from app.cli.registry import Arg, Command

COMMANDS = [c for c in REGISTRY if c.on_command_line and c.name != "doctor"]

hostile_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
well_known = st.sampled_from([
    "SIASN", "siasn", "1", "2", "0", "-1", "999999999999", "", " ", "-", "--", "-x",
    "2026-11-30", "2026-11-30 09:00", "2026-11-30T09:00+07:00", "10:30", "0001-01-01",
    "9999-12-31", "1969-12-31", "2026-02-30", "2026-W48", "2026-W99", "0000-W00",
    "focus_minutes", "language", "project_limit", "work_model", "nope", "id", "en",
    "{}", "[]", "null", "NaN", "inf", "1e309", "=1+1", "@SUM(A1)", "a\u202eb", "x\ny",
    "$\\foo{", "%s%n", "../../etc/passwd"])
numbers = st.one_of(st.integers(-10, 600).map(str), st.integers().map(str),
                    st.sampled_from(["1e3", "0x10", "", "٣", "12abc", "-0"]))


def file_values(base: Path, written: bool) -> st.SearchStrategy[str]:
    """Files to read may be devices; files to write stay inside the arena (the
    suite may run as root: a fault here must not reach /dev)."""
    names = ["out.pdf", "out.csv", "out.json", "out.txt", "dir", "dir/", "missing.ics", "pipe",
             "cal.ics", "bad.json", "no/such/dir/out.pdf", "link-to-pipe"]
    inside = [str(base / name) for name in names]
    return st.sampled_from(inside if written else [*inside, "/dev/zero", "/dev/null"])


def value_for(arg: Arg, base: Path) -> st.SearchStrategy[str]:
    if arg.dest in ("out", "file", "files"):
        return file_values(base, written=arg.dest == "out")
    if arg.dest == "weeks":
        return st.sampled_from(["0", "1", "-3", "53", "100000", "x"])
    if "choices" in arg.options:
        return st.one_of(st.sampled_from([str(c) for c in arg.options["choices"]]), well_known)
    if arg.options.get("type") is int:
        return numbers
    return st.one_of(well_known, hostile_text)


@st.composite
def argv(draw: st.DrawFn, base: Path) -> list[str]:
    command: Command = draw(st.sampled_from(COMMANDS))
    words = command.name.split(".")
    out: list[str] = []
    positional: list[str] = []
    for arg in command.args:
        required = arg.positional or arg.options.get("required", False)
        if not draw(st.booleans()) and not (required and draw(st.integers(0, 9)) > 0):
            continue
        if arg.options.get("action") == "store_true":
            out.append(arg.flags[0])
            continue
        value = draw(value_for(arg, base))
        if arg.positional:
            positional += [value] * (2 if arg.options.get("nargs") == "+" else 1)
        else:
            out += [draw(st.sampled_from(arg.flags)), value]
    if command.offers_json and draw(st.booleans()):
        out.append("--json")
    # "--" before positionals so that a value starting with "-" stays a value.
    return [*words, *out, *(["--", *positional] if positional else [])]


@pytest.fixture(scope="module")
def arena(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("fuzz")
    (base / "dir").mkdir()
    os.mkfifo(base / "pipe")
    (base / "link-to-pipe").symlink_to(base / "pipe")
    (base / "cal.ics").write_text("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\n"
                                  "UID:a\nDTSTART:20261130T020000Z\nDTEND:20261130T030000Z\n"
                                  "SUMMARY:Standup\nEND:VEVENT\nEND:VCALENDAR\n")
    (base / "bad.json").write_text("{")
    data = ["--data-dir", str(base / "data")]
    assert main([*data, "project", "add", "SIASN"]) == 0
    assert main([*data, "batch", "add", "-p", "SIASN", "-t", "Review"]) == 0
    return base


@settings(max_examples=150, deadline=5000, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(data=st.data())
def test_any_command_line_is_success_or_a_clear_error(
        data: st.DataObject, arena: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(arena / "dir")
    monkeypatch.setenv("FOKUS_LANG", "en")
    args = data.draw(argv(arena))
    try:
        code = main(["--data-dir", str(arena / "data"), *args])
    except SystemExit as stop:  # argparse: --help, or a usage error
        code = stop.code if isinstance(stop.code, int) else 2
    out, err = capsys.readouterr()
    assert code in (0, 1, 2, 3), (args, code, err)
    assert "Traceback" not in err and "Traceback" not in out, (args, err)
    assert "unexpected error" not in err, (args, err)
    if code == 1:
        assert err.strip(), args  # an error says what it is


FOUND = [  # what the fuzz found once, kept as plain cases
    ["batch", "done", "--", "9223372036854775808"],
    ["project", "archive", "--", "²"],
    ["block", "remove", "--", "99999999999999999999999"],
    ["start", "-p", "18446744073709551616"],
    ["export", "--name", "\u07fb \U000d5275 $x$ $y$", "--out", "out.pdf"],
    ["project", "add", "--", "Ú\U000cbc6ft#"],
    ["project", "add", "--", "ú\U000cbc6fT#"],
]


@pytest.mark.parametrize("args", FOUND)
def test_what_the_fuzz_found_stays_fixed(args: list[str], arena: Path,
                                         capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(arena / "dir")
    code = main(["--data-dir", str(arena / "data"), *args])
    err = capsys.readouterr().err
    assert code in (0, 1) and "unexpected error" not in err, err
