"""The command registry: every declared command has help, a parser, a handler or a
local run, and JSON output that serialises; the socket's way in refuses what is not
declared; defaults that are settings come from the settings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.cli.commands import REGISTRY, execute
from app.cli.main import error_text
from app.cli.parser import COMMAND, build_parser
from app.cli.registry import Arg, Command, Group, Registry
from app.errors import ErrorCode, FokusError
from app.platform.paths import Paths
from app.service import FokusService
from app.store.settings import FOCUS_MINUTES, LANGUAGE, Settings

ROOT = Path(__file__).resolve().parents[2]
ICS = ROOT / "tests" / "data" / "google.ics"

# One run of every command that goes through the tray, in an order that makes
# sense for the data (a project SIASN with batch 1, a project MyASN).
RUNS: list[list[str]] = [
    ["config", "set", "focus_minutes", "50"],
    ["status"],
    ["start", "-p", "SIASN", "-b", "1"],
    ["pause"],
    ["resume"],
    ["interrupt", "--source", "chat", "--minutes", "5"],
    ["hotkey", "interruption"],
    ["switch", "--to", "MyASN", "--start"],
    ["note", "add", "-p", "MyASN", "next: sync tests"],
    ["note", "list", "-p", "MyASN"],
    ["stop"],
    ["log"],
    ["session", "add", "-p", "SIASN", "--start", "06:00", "--end", "07:00"],
    ["session", "list", "--week", "2026-W48"],
    ["session", "edit", "3", "--end", "07:10", "-p", "MyASN"],
    ["session", "delete", "3"],
    ["undo"],
    ["edits", "--limit", "5"],
    ["project", "add", "Extra", "--tech", "Go"],
    ["project", "repo", "list"],
    ["project", "list", "--all"],
    ["project", "archive", "Extra"],
    ["batch", "add", "-p", "SIASN", "-t", "Refactor API", "--due", "2026-12-01"],
    ["batch", "list", "--all"],
    ["batch", "done", "1"],
    ["block", "add", "-p", "SIASN", "--start", "2026-11-25 08:00"],
    ["block", "list", "--week", "2026-W48"],
    ["block", "remove", "1"],
    ["plan", "--week", "2026-W48"],
    ["import-ics", str(ICS)],
    ["calendar", "list", "--week", "2026-W48"],
    ["config", "list"],
    ["config", "get", "language"],
    ["config", "reset", "focus_minutes"],
    ["sync", "now"],
    ["sync", "status"],
    ["sync", "off"],
]
SOCKET_ONLY: dict[str, dict[str, Any]] = {"recovered": {}}


def _request(argv: list[str]) -> tuple[Command, dict[str, Any]]:
    ns = build_parser().parse_args(argv)
    command = REGISTRY.get(getattr(ns, COMMAND))
    return command, command.request(vars(ns))


@pytest.fixture
def svc(service: FokusService) -> FokusService:
    service.add_project("SIASN")
    service.add_project("MyASN")
    service.add_batch("SIASN", "Mapper")
    share = service.store.path.parent / "share"
    share.mkdir()
    service.sync.setup(share, "kata sandi")
    return service


def test_every_command_has_help_and_either_a_handler_or_a_local_run() -> None:
    for command in REGISTRY:
        assert command.help.strip(), command.name
        assert (command.handler is None) != (command.local is None), command.name
        if command.group is not None:
            assert REGISTRY.groups[command.group].help.strip()
    assert {c.name for c in REGISTRY if c.local} == {
        "export", "team-report", "reflect", "demo", "doctor", "sync.setup"}


def test_the_parser_has_every_command_of_the_command_line(capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    parser = build_parser()
    for command in REGISTRY:
        if not command.on_command_line:
            continue
        words = command.name.split(".")
        with pytest.raises(SystemExit) as done:
            parser.parse_args([*words, "--help"])
        assert done.value.code == 0
        shown = capsys.readouterr().out
        assert shown.startswith(f"usage: fokus {' '.join(words)}"), shown
        assert ("--json" in shown) == command.offers_json, command.name


def test_every_command_through_the_tray_runs_and_prints_text_and_json(
        svc: FokusService) -> None:
    ran = set()
    for argv in RUNS:
        command, args = _request(argv)
        result = execute(svc, command.name, args)
        json.dumps(command.json(result), ensure_ascii=False)  # serialisable
        assert isinstance(command.text(result), str) and command.text(result), argv
        ran.add(command.name)
    for name, args in SOCKET_ONLY.items():
        json.dumps(REGISTRY.get(name).json(execute(svc, name, args)))
        ran.add(name)
    remote = {c.name for c in REGISTRY if c.remote}
    assert remote - ran == set(), "add a run of each new command to RUNS"


def test_local_commands_print_json_that_parses(paths: Paths,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    command, args = _request(["reflect", "--date", "2026-01-05", "--satisfaction", "4",
                              "--flow", "once", "--json"])
    assert command.local is not None and command.local(paths, args) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["reflection"]["satisfaction"] == 4 and printed["reflection"]["flow"] == "once"
    command, args = _request(["reflect", "--date", "2026-01-05", "--energy", "2", "--json"])
    assert command.local is not None and command.local(paths, args) == 0
    kept = json.loads(capsys.readouterr().out)["reflection"]
    assert (kept["satisfaction"], kept["energy"], kept["flow"]) == (4, 2, "once")


def test_unknown_and_local_commands_are_refused_by_name(svc: FokusService) -> None:
    for name in ("bogus", "export", "demo", "doctor", ""):
        with pytest.raises(FokusError) as err:
            execute(svc, name, {})
        assert err.value.code is ErrorCode.INVALID_VALUE
        assert err.value.params == {"field": "command", "value": name}
        assert not REGISTRY.runs_remotely(name)
    assert REGISTRY.runs_remotely("config.set") and REGISTRY.runs_remotely("status")


def test_a_default_that_is_a_setting_comes_from_the_stored_setting(svc: FokusService) -> None:
    command, args = _request(["start", "-p", "SIASN"])
    assert args["minutes"] is None  # not a literal in the parser
    assert execute(svc, command.name, args)["planned_minutes"] == FOCUS_MINUTES.default
    execute(svc, "stop", {})
    Settings(svc.store).set(FOCUS_MINUTES, 45)
    assert execute(svc, command.name, args)["planned_minutes"] == 45
    # The tray's own start passes its minutes; a given value wins.
    execute(svc, "stop", {})
    assert execute(svc, "start", {"project": "MyASN", "minutes": 25})["planned_minutes"] == 25
    block = execute(svc, "block.add", {"project": "SIASN", "start": "2026-11-25 08:00"})
    assert (block["start"][11:16], block["end"][11:16]) == ("08:00", "08:45")


def test_config_lists_only_public_settings_and_checks_values(svc: FokusService) -> None:
    listed = execute(svc, "config.list", {})["settings"]
    keys = [row["key"] for row in listed]
    assert "focus_minutes" in keys and "work_model" not in keys and "reporter_id" not in keys
    row = execute(svc, "config.set", {"key": "language", "value": "id"})
    assert (row["value"], row["is_default"]) == ("id", False)
    assert Settings(svc.store).get(LANGUAGE) == "id"
    with pytest.raises(FokusError) as err:
        execute(svc, "config.set", {"key": "focus_minutes", "value": "500"})
    assert err.value.code is ErrorCode.SETTING_INVALID
    assert "focus_minutes" in error_text(err.value) and "5–480" in error_text(err.value)
    with pytest.raises(FokusError) as err:
        execute(svc, "config.get", {"key": "nope"})
    assert err.value.code is ErrorCode.UNKNOWN_SETTING
    assert "focus_minutes" in error_text(err.value) and "work_model" not in error_text(err.value)
    with pytest.raises(FokusError) as err:
        execute(svc, "config.set", {"key": "work_model", "value": "{}"})
    assert "Settings window" in error_text(err.value)
    with pytest.raises(FokusError) as err:
        execute(svc, "config.set", {"key": "first_run_done", "value": "on"})
    assert err.value.code is ErrorCode.UNKNOWN_SETTING
    reset = execute(svc, "config.reset", {"key": "language"})
    assert (reset["value"], reset["is_default"]) == ("system", True)


def test_config_list_text_shows_value_default_marker_allowed_and_label(
        svc: FokusService) -> None:
    command = REGISTRY.get("config.list")
    execute(svc, "config.set", {"key": "focus_minutes", "value": "60"})
    lines = command.text(execute(svc, "config.list", {})).splitlines()
    focus = next(line for line in lines if line.startswith("focus_minutes "))
    project_limit = next(line for line in lines if line.startswith("project_limit "))
    assert "60 min" in focus and "(default)" not in focus and "5–480" in focus
    assert focus.endswith("Focus session length")
    assert "(default)" in project_limit and project_limit.endswith("Projects per day")


def test_a_registry_refuses_inconsistent_declarations() -> None:
    def noop(_svc: FokusService, _a: dict[str, Any]) -> dict[str, Any]:
        return {}

    with pytest.raises(ValueError):
        Registry([Command("x", "x", handler=noop), Command("x", "x", handler=noop)])
    with pytest.raises(ValueError):
        Registry([Command("g.a", "a", handler=noop)])  # group not declared
    with pytest.raises(ValueError):
        Command("y", "y")  # neither handler nor local run
    ok = Registry([Group("g", "g"), Command("g.a", "a", args=(Arg("--n-th", type=int),),
                                            handler=noop)])
    assert ok.get("g.a").request({"n_th": 3}) == {"n_th": 3}


def test_importing_the_registry_and_building_the_parser_stays_light() -> None:
    code = ("import sys\n"
            "from app.cli.main import build_parser\n"
            "build_parser().parse_args(['status'])\n"
            "heavy = [m for m in ('sqlmodel', 'sqlalchemy', 'matplotlib', 'PySide6')"
            " if m in sys.modules]\n"
            "assert not heavy, heavy\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("code", "params", "words"), [
    (ErrorCode.UNKNOWN_SETTING, {"key": "nope", "known": "language, focus_minutes"},
     ["nope", "language, focus_minutes"]),
    (ErrorCode.SETTING_INVALID, {"key": "focus_minutes", "value": "4", "allowed": "5–480"},
     ["focus_minutes", "“4”", "5–480"]),
])
def test_setting_errors_have_words(code: ErrorCode, params: dict[str, str],
                                   words: list[str]) -> None:
    text = error_text(FokusError(code, **params))
    assert text != code.value and all(w in text for w in words), text


def test_minutes_left_are_rounded_up_as_the_tray_shows_them() -> None:
    """The tray said "50 min left" while fokus status said 49 at the same moment."""
    from app.cli.commands.focus import session_text

    text = session_text()({"state": "paused", "project": "MyASN", "batch": None,
                           "remaining_seconds": 49 * 60 + 10})
    assert "50" in text and "49" not in text


def test_a_batch_already_past_its_due_date_is_added_with_a_word(svc: FokusService) -> None:
    from app.cli.commands import REGISTRY

    project = svc.projects()[0].name if svc.projects() else svc.add_project("SIASN").name
    today = svc.week.local(svc.clock.now()).date()
    late = execute(svc, "batch.add", {"project": project, "title": "Late",
                                      "due": "2020-01-01"})
    assert late["overdue"] is True
    assert "2020-01-01" in REGISTRY.get("batch.add").text(late)
    fine = execute(svc, "batch.add", {"project": project, "title": "Fine",
                                      "due": today.isoformat()})
    assert fine["overdue"] is False
    assert "\n" not in REGISTRY.get("batch.add").text(fine)


def test_a_switch_into_a_planned_block_starts_its_batch(svc: FokusService) -> None:
    """Only the tray's "Start planned" used to start the planned batch; a switch
    started the bare project."""
    from datetime import timedelta

    from app.domain import BlockKind

    now = svc.clock.now()  # Monday 08:00 in Jakarta: a no-meeting window
    myasn = svc.project("MyASN")
    assert myasn.id is not None
    sso = svc.add_batch("MyASN", "Debug login SSO")
    svc.week.add_block(myasn.id, sso.id, now, now + timedelta(minutes=90), BlockKind.DEEP)
    execute(svc, "start", {"project": "SIASN", "minutes": 50})
    result = execute(svc, "switch", {"to": "MyASN", "start": True, "minutes": 50})
    assert result["started"]["project"] == "MyASN"
    assert result["started"]["batch"] == "Debug login SSO"
    assert svc.planned_batch_now(svc.project("SIASN").id or 0) is None
