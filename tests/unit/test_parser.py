"""The command line builds only the parser of the command it was given, and
that parser reads the arguments exactly as the whole one does."""

from __future__ import annotations

import pytest

from app.cli.parser import COMMAND, build_parser, first_word

SAME = [
    ["status"], ["status", "--json"], ["--data-dir", "/tmp/x", "status"],
    ["--data-dir=/tmp/x", "start", "-p", "SIASN", "-m", "50"],
    ["project", "list", "--json"], ["batch", "add", "-p", "SIASN", "-t", "Refactor API"],
    ["config", "set", "focus_minutes", "50"], ["interrupt", "--source", "chat"],
]


@pytest.mark.parametrize("argv", SAME)
def test_one_command_parser_reads_like_the_whole(argv: list[str]) -> None:
    whole = vars(build_parser().parse_args(argv))
    one = build_parser(argv=argv)
    assert vars(one.parse_args(argv)) == whole
    subparsers = one._subparsers._group_actions[0]  # type: ignore[union-attr]
    assert list(subparsers.choices) == [first_word(argv)]  # type: ignore[attr-defined]


@pytest.mark.parametrize("argv", [
    ["project"], ["start", "--minutes", "lots"], ["status", "--bogus"], ["batch", "frobnicate"],
    ["frobnicate"], ["--bogus"],
])
def test_one_command_parser_fails_like_the_whole(argv: list[str],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as whole:
        build_parser().parse_args(argv)
    whole_err = capsys.readouterr().err
    with pytest.raises(SystemExit) as one:
        build_parser(argv=argv).parse_args(argv)
    assert one.value.code == whole.value.code == 2
    assert capsys.readouterr().err == whole_err and whole_err.startswith("fokus: ")


@pytest.mark.parametrize("argv", [["--help"], ["status", "--help"], ["project", "--help"]])
def test_help_reads_like_the_whole(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(argv)
    whole = capsys.readouterr().out
    with pytest.raises(SystemExit):
        build_parser(argv=argv).parse_args(argv)
    assert capsys.readouterr().out == whole and "usage: fokus" in whole


def test_the_command_word_is_found_past_the_data_dir() -> None:
    assert first_word(["--data-dir", "d", "status"]) == "status"
    assert first_word(["--data-dir=d", "project", "list"]) == "project"
    assert first_word(["--version"]) is None and first_word([]) is None
    assert COMMAND in vars(build_parser(argv=["status"]).parse_args(["status"]))
