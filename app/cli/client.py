"""The command line's fast path: a request the running tray answers, sent and
printed before anything heavy is imported.

``fokus status`` with a tray running spends most of its time starting Python;
argparse's whole tree, the command declarations, Babel and the core would cost
more than the answer. This module knows only the tray commands' words and
arguments (``TRAY``, a table made from the declarations in app/cli/commands,
kept equal to them by tests/unit/test_client.py; regenerate it with
``python -m app.cli.client``), reads the request from the words typed, sends it
over the instance socket and prints the tray's answer, which the tray renders in
words (or JSON) itself.

Whenever anything is not plain — help, an unknown or abbreviated option, a
value argparse would refuse, no tray answering, a socket that is not the user's
own, an error to put into words, FOKUS_LANG asking for a language of its own —
``run`` returns None and the full command line (app/cli/main.py) takes over and
decides, so this path never answers differently from it.

It imports nothing but the standard library's smallest parts and
app.platform.paths."""

from __future__ import annotations

import json
import os
import stat
import sys
import time

TYPE_CHECKING = False  # typing itself costs a millisecond here
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TypeAlias

    from app.cli.registry import Command
    from app.platform.paths import Paths

    # (flags, request key, kind, required, choices, default, exclusive group)
    Spec: TypeAlias = tuple[tuple[str, ...], str, str, bool, tuple[object, ...] | None, object,
                            str]
    Entry: TypeAlias = tuple[bool, dict[str, object], tuple[Spec, ...]]

# name: (offers --json, request values the user does not type, arguments); an
# argument is (flags, request key, kind, required, choices, default, exclusive)
# with kind "str", "int", "flag" (store_true) or "path" (made absolute).
TRAY: dict[str, Entry] = {'start': (True,
           {'source': 'cli'},
           ((('--project', '-p'), 'project', 'str', True, None, None, ''),
            (('--batch', '-b'), 'batch', 'str', False, None, None, ''),
            (('--minutes', '-m'), 'minutes', 'int', False, None, None, ''))),
 'stop': (True, {}, ()),
 'pause': (True, {}, ()),
 'resume': (True, {}, ()),
 'status': (True, {}, ()),
 'project.add': (True,
                 {},
                 ((('name',), 'name', 'str', True, None, None, ''),
                  (('--colour', '--color'), 'colour', 'str', False, None, None, ''),
                  (('--tech',), 'tech_stack', 'str', False, None, '', ''))),
 'project.list': (True, {}, ((('--all',), 'all', 'flag', False, None, False, ''),)),
 'project.archive': (True,
                     {},
                     ((('name',), 'project', 'str', True, None, None, ''),
                      (('--undo',), 'undo', 'flag', False, None, False, ''))),
 'batch.add': (True,
               {},
               ((('--project', '-p'), 'project', 'str', True, None, None, ''),
                (('--title', '-t'), 'title', 'str', True, None, None, ''),
                (('--type',),
                 'type',
                 'str',
                 False,
                 ('coding',
                  'debugging',
                  'research',
                  'refactoring',
                  'documentation',
                  'code_review',
                  'pair_programming',
                  'sprint_planning',
                  'retrospective',
                  'standup',
                  'design_thinking',
                  'meeting',
                  'administration'),
                 'coding',
                 ''),
                (('--estimate',), 'estimate', 'int', False, None, 90, ''),
                (('--urgency',),
                 'urgency',
                 'str',
                 False,
                 ('low', 'normal', 'high', 'critical'),
                 'normal',
                 ''),
                (('--due',), 'due', 'str', False, None, None, ''),
                (('--note',), 'note', 'str', False, None, '', ''))),
 'batch.list': (True,
                {},
                ((('--project', '-p'), 'project', 'str', False, None, None, ''),
                 (('--all',), 'all', 'flag', False, None, False, ''))),
 'batch.done': (True,
                {},
                ((('batch',), 'batch', 'str', True, None, None, ''),
                 (('--undo',), 'undo', 'flag', False, None, False, ''))),
 'plan': (True,
          {},
          ((('--week',), 'week', 'str', False, None, None, ''),
           (('--apply',), 'apply', 'flag', False, None, False, ''),
           (('--export-ics',), 'export_ics', 'path', False, None, None, ''),
           (('--with-projects',), 'with_projects', 'flag', False, None, False, ''))),
 'block.add': (True,
               {},
               ((('--project', '-p'), 'project', 'str', True, None, None, ''),
                (('--batch', '-b'), 'batch', 'str', False, None, None, ''),
                (('--start',), 'start', 'str', True, None, None, ''),
                (('--end',), 'end', 'str', False, None, None, 'end'),
                (('--minutes',), 'minutes', 'int', False, None, None, 'end'),
                (('--kind',), 'kind', 'str', False, ('deep', 'collaborative'), None, ''))),
 'block.list': (True, {}, ((('--week',), 'week', 'str', False, None, None, ''),)),
 'block.remove': (True, {}, ((('block',), 'block', 'str', True, None, None, ''),)),
 'import-ics': (True, {}, ((('file',), 'file', 'path', True, None, None, ''),)),
 'calendar.list': (True, {}, ((('--week',), 'week', 'str', False, None, None, ''),)),
 'switch': (True,
            {'source': 'cli'},
            ((('--to',), 'to', 'str', True, None, None, ''),
             (('--trigger',),
              'trigger',
              'str',
              False,
              ('planned', 'interruption', 'meeting', 'urgent', 'self'),
              'self',
              ''),
             (('--start',), 'start', 'flag', False, None, False, ''),
             (('--minutes', '-m'), 'minutes', 'int', False, None, None, ''))),
 'interrupt': (True,
               {},
               ((('--source',),
                 'source',
                 'str',
                 False,
                 ('colleague', 'chat', 'phone', 'meeting', 'urgent', 'other'),
                 'other',
                 ''),
                (('--minutes',), 'minutes', 'int', False, None, None, ''))),
 'log': (True, {}, ((('--date',), 'date', 'str', False, None, None, ''),)),
 'note.add': (True,
              {},
              ((('--project', '-p'), 'project', 'str', True, None, None, ''),
               (('text',), 'text', 'str', True, None, None, ''))),
 'note.list': (True, {}, ((('--project', '-p'), 'project', 'str', True, None, None, ''),)),
 'session.list': (True,
                  {},
                  ((('--date',), 'date', 'str', False, None, None, 'when'),
                   (('--week',), 'week', 'str', False, None, None, 'when'))),
 'session.add': (True,
                 {},
                 ((('--project', '-p'), 'project', 'str', True, None, None, ''),
                  (('--batch', '-b'), 'batch', 'str', False, None, None, ''),
                  (('--start',), 'start', 'str', True, None, None, ''),
                  (('--end',), 'end', 'str', True, None, None, ''))),
 'session.edit': (True,
                  {},
                  ((('id',), 'id', 'str', True, None, None, ''),
                   (('--start',), 'start', 'str', False, None, None, ''),
                   (('--end',), 'end', 'str', False, None, None, ''),
                   (('--project', '-p'), 'project', 'str', False, None, None, ''),
                   (('--batch', '-b'), 'batch', 'str', False, None, None, ''))),
 'session.delete': (True, {}, ((('id',), 'id', 'str', True, None, None, ''),)),
 'edits': (True, {}, ((('--limit',), 'limit', 'int', False, None, 20, ''),)),
 'undo': (True, {}, ()),
 'config.list': (True, {}, ()),
 'config.get': (True, {}, ((('key',), 'key', 'str', True, None, None, ''),)),
 'config.set': (True,
                {},
                ((('key',), 'key', 'str', True, None, None, ''),
                 (('value',), 'value', 'str', True, None, None, ''))),
 'config.reset': (True, {}, ((('key',), 'key', 'str', True, None, None, ''),)),
 'sync.status': (True, {}, ()),
 'sync.now': (True, {}, ()),
 'sync.off': (True, {}, ()),
 'hotkey': (True,
            {},
            ((('action',),
              'action',
              'str',
              True,
              ('toggle_focus', 'interruption', 'switch'),
              None,
              ''),))}

CONNECT_TIMEOUT = 2.0
REPLY_TIMEOUT = 15.0
# As app.platform.instance (a unit test keeps them equal): the tray's long
# commands, how long they may take, and when the command line says it waits.
LONG_COMMANDS = frozenset({"import-ics"})
LONG_REPLY_TIMEOUT = 600.0
PATIENCE = 1.0


class Request:
    __slots__ = ("command", "args", "as_json", "data_dir")

    def __init__(self, command: str, args: dict[str, object], as_json: bool,
                 data_dir: str | None) -> None:
        self.command = command
        self.args = args
        self.as_json = as_json
        self.data_dir = data_dir


def _data_dir(words: list[str]) -> tuple[list[str], str | None] | None:
    """``words`` without their --data-dir options, and the last one's value."""
    rest: list[str] = []
    data_dir = None
    i = 0
    while i < len(words):
        word = words[i]
        if word == "--data-dir":
            if i + 1 >= len(words) or words[i + 1].startswith("-"):
                return None
            data_dir = words[i + 1]
            i += 2
            continue
        if word.startswith("--data-dir="):
            data_dir = word[len("--data-dir="):]
            i += 1
            continue
        rest.append(word)
        i += 1
    return rest, data_dir


def parse(argv: list[str]) -> Request | None:
    """The request ``argv`` makes of the tray, as the full parser would make it;
    None when it is not plainly a tray command with valid arguments."""
    split = _data_dir(argv)
    if split is None:
        return None
    words, data_dir = split
    if not words or words[0].startswith("-"):
        return None
    name = words[0]
    used = 1
    if name not in TRAY:
        if len(words) < 2 or f"{name}.{words[1]}" not in TRAY:
            return None
        name = f"{name}.{words[1]}"
        used = 2
    offers_json, fixed, specs = TRAY[name]
    by_flag = {flag: spec for spec in specs for flag in spec[0] if flag.startswith("-")}
    positional = [spec for spec in specs if not spec[0][0].startswith("-")]
    given: dict[str, object] = {}
    loose: list[str] = []
    seen_groups: dict[str, str] = {}
    as_json = False
    rest = words[used:]
    i = 0
    while i < len(rest):
        word = rest[i]
        i += 1
        if not word.startswith("-"):
            loose.append(word)
            continue
        if word == "--json" and offers_json:
            as_json = True
            continue
        flag, eq, inline = word.partition("=")
        spec = by_flag.get(flag)
        if spec is None or (eq and not flag.startswith("--")):
            return None
        kind = spec[2]
        if kind == "flag":
            if eq:
                return None
            value: object = True
        else:
            if eq:
                text = inline
            else:
                if i >= len(rest) or rest[i].startswith("-"):
                    return None
                text = rest[i]
                i += 1
            value = _value(spec, text)
            if value is None:
                return None
        if spec[6]:
            other = seen_groups.setdefault(spec[6], spec[1])
            if other != spec[1]:
                return None  # mutually exclusive options
        given[spec[1]] = value
    if len(loose) != len(positional):
        return None
    for spec, text in zip(positional, loose, strict=True):
        value = _value(spec, text)
        if value is None:
            return None
        given[spec[1]] = value
    args: dict[str, object] = {}
    for spec in specs:
        if spec[1] in given:
            args[spec[1]] = given[spec[1]]
        elif spec[3]:
            return None
        else:
            args[spec[1]] = spec[5]
    args.update(fixed)
    return Request(name, args, as_json, data_dir)


def _value(spec: Spec, text: str) -> object:
    kind, choices = spec[2], spec[4]
    value: object = text
    if kind == "int":
        try:
            value = int(text)
        except ValueError:
            return None
    elif kind == "path":
        value = os.path.abspath(text)
    if isinstance(choices, tuple) and value not in choices:
        return None
    return value


def _send(socket_path: str, message: bytes, command: str = "",
          on_wait: Callable[[], None] | None = None) -> dict[str, object] | None:
    """The tray's answer; None when no tray of this user's answers at
    ``socket_path`` or anything about it is unusual (the full path then checks
    it again and says what is wrong). ``on_wait`` is called once when a long
    command has not been answered after PATIENCE."""
    import _socket
    from pathlib import Path

    from app.platform.paths import is_private_dir

    folder = os.path.dirname(socket_path)
    if not folder or not is_private_dir(Path(folder)):
        return None
    try:
        st = os.lstat(socket_path)
    except OSError:
        return None
    if not stat.S_ISSOCK(st.st_mode) or st.st_uid != os.getuid():
        return None
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        sock.settimeout(CONNECT_TIMEOUT)
        try:
            sock.connect(socket_path)
        except OSError:
            return None
        option = getattr(_socket, "SO_PEERCRED", None)
        if option is not None:
            cred = sock.getsockopt(_socket.SOL_SOCKET, option, 12)
            if int.from_bytes(cred[4:8], sys.byteorder) != os.getuid():
                return None
        sock.sendall(message)
        long = command in LONG_COMMANDS
        if not long:
            on_wait = None
        deadline = time.monotonic() + (LONG_REPLY_TIMEOUT if long else REPLY_TIMEOUT)
        buf = b""
        while not buf.endswith(b"\n"):
            left = deadline - time.monotonic()
            try:
                if left <= 0:
                    raise TimeoutError
                sock.settimeout(left if on_wait is None else min(left, PATIENCE))
                chunk = sock.recv(65536)
            except TimeoutError:
                if on_wait is not None:
                    on_wait()
                    on_wait = None
                    continue
                chunk = b""
            except OSError:
                chunk = b""
            if not chunk:
                # Sent, and the tray went away: an answer is owed, not a second run.
                return {"ok": False, "error": {"code": "instance_unreachable",
                                               "params": {"path": socket_path}}}
            buf += chunk
    finally:
        sock.close()
    reply: dict[str, object] = json.loads(buf)
    return reply


def run(argv: list[str]) -> int | None:
    """Answer ``argv`` through the running tray: the exit status, or None when
    the full command line must take it (see the module's docstring)."""
    if os.environ.get("FOKUS_LANG") or not hasattr(os, "getuid"):
        return None
    request = parse(argv)
    if request is None:
        return None
    from app.platform.paths import resolve

    paths = resolve(request.data_dir)
    message = (json.dumps({"command": request.command, "args": request.args,
                           "render": "json" if request.as_json else "text"},
                          ensure_ascii=False) + "\n").encode()
    reply = _send(str(paths.socket), message, request.command,
                  lambda: _say_waiting(paths, request.command))
    if reply is None:
        return None
    text = reply.get("text")
    if reply.get("ok") and isinstance(text, str):
        print(text)
        return 0
    return _finish(paths, request, reply)


def _say_waiting(paths: Paths, command: str) -> None:
    """A second without an answer: the full command line's words say we wait."""
    from app.cli.main import waiting

    say = waiting(paths, command)
    if say is not None:
        say()


def _finish(paths: Paths, request: Request, reply: dict[str, object]) -> int:
    """An error in words, or an answer from a tray that does not render: the
    full command line's code does it."""
    from app.cli.main import print_reply

    return print_reply(paths, request.command, request.as_json, reply)


def declared() -> dict[str, Entry]:
    """What ``TRAY`` must be, made from the declared commands."""
    from app.cli.commands import REGISTRY

    out: dict[str, Entry] = {}
    for command in REGISTRY:
        if not (command.remote and command.on_command_line):
            continue
        rows = _specs(command)
        if rows is not None:  # else the full command line reads it (e.g. optional words)
            out[command.name] = (command.offers_json, dict(command.fixed), rows)
    return out


def _specs(command: Command) -> tuple[Spec, ...] | None:
    """The fast path's reading of ``command``'s arguments; None when one is of a
    kind only argparse reads right."""
    import os.path

    rows: list[Spec] = []
    for a in command.args:
        options = dict(a.options)
        extra = set(options) - {"action", "type", "default", "choices", "required",
                                "metavar"}
        if extra or options.get("type") not in (None, int) \
                or options.get("action") not in (None, "store_true") \
                or (a.convert is not None and a.convert is not os.path.abspath):
            return None
        default: object
        if options.get("action") == "store_true":
            kind, default = "flag", False
        else:
            kind = "int" if options.get("type") is int else "str"
            default = None if a.setting is not None else options.get("default")
        if a.convert is os.path.abspath:
            kind = "path"
        choices = tuple(options["choices"]) if "choices" in options else None
        required = bool(options.get("required")) or a.positional
        rows.append((a.flags, a.request_key, kind, required, choices, default,
                     a.exclusive))
    return tuple(rows)


if __name__ == "__main__":  # pragma: no cover
    import pprint

    print("TRAY: dict[str, Entry] = ",
          end="")
    pprint.pprint(declared(), width=96, sort_dicts=False)
