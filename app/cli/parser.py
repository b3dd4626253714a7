"""The ``fokus`` argument parser, built from the declared commands."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
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


def first_word(argv: Sequence[str]) -> str | None:
    """The command (or group) word of ``argv``, when it is plain to see.

    Only ``--data-dir`` may stand before it; with anything else before it (help,
    the version, an unknown option) the answer is None and the whole parser is
    needed to say what to do."""
    rest = list(argv)
    while rest:
        word = rest.pop(0)
        if word == "--data-dir" and rest:
            rest.pop(0)
        elif word.startswith("--data-dir=") or word == "--":
            continue
        elif word.startswith("-"):
            return None
        else:
            return word
    return None


def build_parser(registry: Registry | None = None,
                 argv: Sequence[str] | None = None) -> Parser:
    """The parser of every declared command; with ``argv``, of only the
    command (or group) it names, when that is a known one.

    Both parse ``argv`` alike: a command's arguments, errors and help are its
    own subparser's (its --help too). Building one subparser instead of some fifty is most of
    what the command line spends before it can send a request to the tray.
    ``fokus --help``, an unknown command or a leading option get the whole parser."""
    if registry is None:
        from app.cli.commands import REGISTRY

        registry = REGISTRY
    only = first_word(argv) if argv is not None else None
    if only not in {c.group or c.word for c in registry if c.on_command_line}:
        only = None
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
        if only is not None and (command.group or command.word) != only:
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
