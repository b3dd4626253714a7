"""What a command of the command line is, declared once: its name, help, arguments,
the service call that does it, its text and JSON output.

The argparse parser is built from these declarations (app/cli/parser.py), the
command line runs them here or through the running tray by name, and the tray's
socket runs the same ones (``Registry.execute``), so a command exists in exactly
one place.

A command either has a ``handler`` (a call on FokusService that takes and returns
JSON-able dicts; it runs in the tray when one runs for the data directory, here
when none does) or a ``local`` function (it runs only in this process and prints
its own output: exports, the team report, reflections, demo data, the doctor).

This module imports neither SQLModel nor matplotlib: building the parser must stay
cheap; a handler imports what it needs when it runs."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from app.errors import ErrorCode, FokusError

if TYPE_CHECKING:
    from app.platform.paths import Paths
    from app.service import FokusService
    from app.store.settings import Setting

Args = dict[str, Any]
Result = dict[str, Any]
Handler = Callable[["FokusService", Args], Result]
LocalRun = Callable[["Paths", Args], int]


def as_json_text(result: Result) -> str:
    """The text output of a command that has no words of its own."""
    return json.dumps(result, ensure_ascii=False)


def unchanged(result: Result) -> Any:
    return result


# Plain classes with slots rather than dataclasses: a dataclass compiles its
# methods when its module is imported, a cost every ``fokus`` command would pay.


class Arg:
    """One argument: argparse's flags and options, and the name it has in the
    request sent to the handler (``key``, by default argparse's dest):
    ``Arg("--project", "-p", required=True, help=N_("project name or id"))``."""

    __slots__ = ("flags", "help", "key", "options", "help_params", "setting", "exclusive",
                 "convert")

    def __init__(self, *flags: str, help: str = "", key: str = "",
                 setting: Setting[Any] | None = None, exclusive: str = "",
                 convert: Callable[[Any], Any] | None = None,
                 help_params: Mapping[str, object] | None = None, **options: Any) -> None:
        self.flags = flags
        self.help = help  # marked with N_(); formatted with help_params and the setting
        self.key = key
        self.options: Mapping[str, Any] = options  # type, default, choices, action, …
        self.help_params: Mapping[str, object] = help_params or {}
        # A default that is a setting: the parser leaves the value None and the
        # handler's side fills in the stored setting (Registry.execute).
        self.setting = setting
        self.exclusive = exclusive  # arguments sharing this name exclude each other
        self.convert = convert  # applied to a given value before it is sent

    def __repr__(self) -> str:
        return f"Arg{self.flags!r}"

    @property
    def positional(self) -> bool:
        return not self.flags[0].startswith("-")

    @property
    def dest(self) -> str:
        if self.positional:
            return self.flags[0]
        long = next((f for f in self.flags if f.startswith("--")), self.flags[0])
        return long.lstrip("-").replace("-", "_")

    @property
    def request_key(self) -> str:
        return self.key or self.dest


class Group:
    """A command with actions, e.g. ``fokus project add|list|archive``."""

    __slots__ = ("name", "help")

    def __init__(self, name: str, help: str) -> None:
        self.name = name
        self.help = help  # marked with N_()

    def __repr__(self) -> str:
        return f"Group({self.name!r})"


class Command:
    __slots__ = ("name", "help", "args", "handler", "text", "json", "fixed", "local",
                 "offers_json", "on_command_line")

    def __init__(self, name: str, help: str, *, args: tuple[Arg, ...] = (),
                 handler: Handler | None = None,
                 text: Callable[[Result], str] = as_json_text,
                 json: Callable[[Result], Any] = unchanged,
                 fixed: Mapping[str, Any] | None = None, local: LocalRun | None = None,
                 offers_json: bool = True, on_command_line: bool = True) -> None:
        if (handler is None) == (local is None):
            raise ValueError(f"command {name} needs a handler or a local run, not both")
        self.name = name  # "status", or "group.action" for an action of a Group
        self.help = help  # marked with N_()
        self.args = args
        self.handler = handler  # the service call; runs in the tray or here
        self.text = text  # the result in words
        self.json = json  # the result as printed by --json
        self.fixed: Mapping[str, Any] = fixed or {}  # request values the user does not type
        self.local = local  # runs only here and prints its own output
        self.offers_json = offers_json  # has --json
        self.on_command_line = on_command_line  # False: only the tray's socket sends it

    def __repr__(self) -> str:
        return f"Command({self.name!r})"

    @property
    def group(self) -> str | None:
        return self.name.split(".", 1)[0] if "." in self.name else None

    @property
    def word(self) -> str:
        """What the user types for it (after the group's name, if any)."""
        return self.name.split(".", 1)[-1]

    @property
    def remote(self) -> bool:
        """Runs through the running tray when there is one."""
        return self.handler is not None

    def request(self, values: Mapping[str, Any]) -> Args:
        """The handler's arguments from parsed values (argparse's dests)."""
        out: Args = {}
        for a in self.args:
            value = values.get(a.dest)
            if value is not None and a.convert is not None:
                value = a.convert(value)
            out[a.request_key] = value
        out.update(self.fixed)
        if self.local is not None and self.offers_json:
            out["json"] = bool(values.get("json"))
        return out


Declaration = Group | Command


class Registry:
    def __init__(self, declarations: Iterable[Declaration]) -> None:
        self.groups: dict[str, Group] = {}
        self.commands: dict[str, Command] = {}
        for d in declarations:
            table: Mapping[str, Declaration] = (
                self.groups if isinstance(d, Group) else self.commands)
            if d.name in table:
                raise ValueError(f"{d.name} is declared twice")
            if isinstance(d, Group):
                self.groups[d.name] = d
            else:
                if d.group is not None and d.group not in self.groups:
                    raise ValueError(f"{d.name}: group {d.group} is not declared before it")
                self.commands[d.name] = d

    def __iter__(self) -> Iterator[Command]:
        return iter(self.commands.values())

    def get(self, name: str) -> Command:
        return self.commands[name]

    def runs_remotely(self, name: str) -> bool:
        """May ``name`` be sent over the instance socket?"""
        command = self.commands.get(name)
        return command is not None and command.remote

    def execute(self, svc: FokusService, name: str, args: Args) -> Result:
        """Run a command's handler: for the command line here, or in the tray for
        its socket and its own menus."""
        command = self.commands.get(name)
        if command is None or command.handler is None:
            raise FokusError(ErrorCode.INVALID_VALUE, field="command", value=name)
        missing = [a for a in command.args
                   if a.setting is not None and args.get(a.request_key) is None]
        if missing:
            from app.store.settings import Settings

            settings = Settings(svc.store)
            args = {**args, **{a.request_key: settings.get(a.setting) for a in missing
                               if a.setting is not None}}
        return command.handler(svc, args)
