"""The ``fokus`` argument parser, built from the declared commands."""

from __future__ import annotations

import argparse
from typing import Any, NoReturn

from app import __version__
from app.cli.registry import Arg, Command, Registry
from app.i18n import _

COMMAND = "fokus_command"  # the namespace attribute naming the declared command


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, no usage block: the user asked for something we cannot do.
        hint = _("see: {prog} --help").format(prog=self.prog)
        self.exit(2, f"fokus: {message} ({hint})\n")


def _help(a: Arg) -> str | None:
    if not a.help:
        return None
    params: dict[str, object] = dict(a.help_params)
    if a.setting is not None:
        params.update(setting=a.setting.key, default=a.setting.default)
    text = _(a.help)
    return text.format(**params) if params else text


def _add_arguments(parser: Parser, command: Command) -> None:
    groups: dict[str, Any] = {}
    for a in command.args:
        target: Any = parser
        if a.exclusive:
            if a.exclusive not in groups:
                groups[a.exclusive] = parser.add_mutually_exclusive_group()
            target = groups[a.exclusive]
        options = dict(a.options)
        if not a.positional:
            options["dest"] = a.dest
        if a.setting is not None:
            options["default"] = None
        target.add_argument(*a.flags, help=_help(a), **options)


def build_parser(registry: Registry | None = None) -> Parser:
    if registry is None:
        from app.cli.commands import REGISTRY

        registry = REGISTRY
    # argparse's own words ("usage:", "options", …) come from Fokus's catalog too.
    argparse._ = _  # type: ignore[attr-defined]
    common = Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=_("where Fokus keeps its data (default: the platform's data folder, "
               "or $FOKUS_DATA_DIR)"),
    )
    as_json = Parser(add_help=False)
    as_json.add_argument("--json", action="store_true", help=_("print data as JSON"))

    parser = Parser(
        prog="fokus",
        description=_("Fokus, a focus assistant for programmers with several projects. "
                      "Without a command it starts the tray app."),
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"fokus {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    actions: dict[str, Any] = {}
    for command in registry:
        if not command.on_command_line:
            continue
        parents = [common, as_json] if command.offers_json else [common]
        help_text = _(command.help)
        group = command.group
        if group is None:
            p: Parser = sub.add_parser(command.word, help=help_text, description=help_text,
                                       parents=parents)
        else:
            if group not in actions:
                group_help = _(registry.groups[group].help)
                g = sub.add_parser(group, help=group_help, description=group_help,
                                   parents=[common])
                actions[group] = g.add_subparsers(dest="action", metavar="ACTION",
                                                  required=True, parser_class=Parser)
            p = actions[group].add_parser(command.word, help=help_text, parents=parents)
        p.set_defaults(**{COMMAND: command.name})
        _add_arguments(p, command)
    return parser
