"""The ``fokus`` command line. With a Fokus tray running for the same data
directory, commands go through it (so the tray updates at once); without one
they run here against the database. The commands themselves are declared in
app/cli/commands (one place each); this module parses, dispatches, prints and
turns errors into words."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from app.cli.commands.config import EDITED_IN_WINDOW
from app.cli.parser import COMMAND, Parser, build_parser
from app.errors import ErrorCode, FokusError
from app.i18n import N_, _
from app.platform.paths import Paths, resolve

__all__ = ["Parser", "build_parser", "dispatch", "error_text", "main", "print_reply", "render",
           "run"]


def error_text(err: FokusError) -> str:
    p = {k: v for k, v in err.params.items()}
    if p.get("allowed"):  # a setting's allowed values, in words where they have any
        p["allowed"] = _(str(p["allowed"]))
    if err.code is ErrorCode.INSTANCE_SOCKET_FOREIGN:  # reasons are marked with N_()
        p["reason"] = _(str(p.get("reason", "")))
    messages = {
        ErrorCode.UNKNOWN_PROJECT: _("no project named “{project}” (see: fokus project list)"),
        ErrorCode.UNKNOWN_BATCH: _("no batch with id {batch} (see: fokus batch list)"),
        ErrorCode.PROJECT_EXISTS: _("a project named “{project}” already exists"),
        ErrorCode.PROJECT_ARCHIVED: _("project “{project}” is archived"),
        ErrorCode.BATCH_NOT_IN_PROJECT: _("batch {batch} does not belong to project {project}"),
        ErrorCode.BATCH_DONE: _("batch “{batch}” is already done"),
        ErrorCode.INVALID_VALUE: _("invalid value for {field}: {value}"),
        ErrorCode.ALREADY_FOCUSING: _("a focus session is already running (fokus stop ends it)"),
        ErrorCode.NOT_FOCUSING: _("no running focus session to pause"),
        ErrorCode.NOT_PAUSED: _("the focus session is not paused"),
        ErrorCode.NO_SESSION: _("no focus session is running"),
        ErrorCode.NO_BREAK: _("no break is running"),
        ErrorCode.DATABASE_NEWER: _(
            "the database {path} was written by a newer Fokus (schema {found}; "
            "this version knows up to {known}); nothing was changed"
        ),
        ErrorCode.DATABASE_CORRUPT: _(
            "the database {path} cannot be read ({reason}); it was left untouched"
        ),
        ErrorCode.DATABASE_LOCKED: _("the database {path} is busy; try again"),
        ErrorCode.DISK_FULL: _("the disk holding {path} is full; nothing was saved"),
        ErrorCode.DATA_DIR_UNUSABLE: _("cannot use the data directory {path}: {reason}"),
        ErrorCode.INSTANCE_UNREACHABLE: _("the running Fokus does not answer ({path})"),
        ErrorCode.INSTANCE_FAILED: _(
            "the running Fokus failed while doing “{command}” ({reason}); it is still "
            "running and the details are in its log"),
        ErrorCode.DATABASE_READ_ONLY: _(
            "the database {path} is read-only: Fokus can show what it holds but saves "
            "nothing; make the file and its folder writable (chmod u+w)"),
        ErrorCode.INSTANCE_SOCKET_FOREIGN: _(
            "{path} stands where Fokus keeps its command socket but is not Fokus's own "
            "({reason}); it was left alone and nothing was sent. Remove it if you did not "
            "make it"),
        ErrorCode.INVALID_WORK_MODEL: _("the work model is not valid: {problem} {subject}"),
        ErrorCode.CALENDAR_INVALID: _("cannot import {path}: {reason}; nothing was imported"),
        ErrorCode.UNKNOWN_BLOCK: _("no time block with id {block} (see: fokus block list)"),
        ErrorCode.BLOCK_OUTSIDE_WORK: _("the block lies outside work hours"),
        ErrorCode.UNKNOWN_SETTING: _("no setting named “{key}”; the settings are: {known}"),
        ErrorCode.UNKNOWN_SESSION: _("no session with id {session} (see: fokus session list)"),
        ErrorCode.UNKNOWN_ENTRY: _("no entry with id {entry}"),
        ErrorCode.SESSION_OVERLAP: _("that would overlap session #{session} ({project}, "
                                     "{start}–{end}); change or delete that one first"),
        ErrorCode.SESSION_RUNNING: _("session #{session} is running: only its project and "
                                     "batch can be changed until it ends"),
        ErrorCode.NOTHING_TO_UNDO: _("there is no edit to undo"),
        ErrorCode.UNDO_CONFLICT: _("cannot undo: id {id} has since been given to a new "
                                   "entry; nothing was changed"),
        ErrorCode.SETTING_INVALID: _("“{value}” is not a valid value for {key}; allowed: "
                                     "{allowed}"),
        ErrorCode.SYNC_NOT_SET_UP: _("sync is not set up on this computer (see: fokus sync "
                                     "setup FOLDER)"),
        ErrorCode.SYNC_WRONG_PASSPHRASE: _("the passphrase does not open the sync folder "
                                           "{path}; nothing was merged"),
        ErrorCode.SYNC_FILE_REFUSED: _("refused {file}: it is damaged, incomplete or sealed "
                                       "with another passphrase; nothing of it was merged"),
        ErrorCode.SYNC_FOLDER_UNUSABLE: _("cannot use the sync folder {path}: {reason}"),
    }
    if err.code is ErrorCode.SETTING_INVALID and p.get("where") == EDITED_IN_WINDOW:
        return _("{key} is edited in the Settings window of the Fokus tray, not with "
                 "fokus config").format(**p)
    try:
        return messages[err.code].format(**p)
    except KeyError:
        return err.code.value


def _log_to_file(paths: Paths) -> None:
    """Log to Fokus's file, from the moment something here may have to say
    something: a request answered by the tray logs nothing in this process."""
    from app.platform.logs import setup_logging

    setup_logging(paths, console=False)


def _run_local(paths: Paths, command: str, args: dict[str, Any]) -> dict[str, Any]:
    _log_to_file(paths)
    from app.cli.commands import execute
    from app.service import FokusService
    from app.store.engine import Store
    from app.store.settings import SYNC_FOLDER, person_clock

    store = Store(paths.database)
    try:
        svc = FokusService(store, person_clock(store))
        if store.read_only:
            # Reading still works; say once, before the answer, why nothing is saved.
            print(f"fokus: {error_text(FokusError(ErrorCode.DATABASE_READ_ONLY, path=store.path))}",
                  file=sys.stderr)
        else:
            _tell_recoveries(svc)
        result = execute(svc, command, args)
        if not store.read_only and svc.settings.get(SYNC_FOLDER):
            svc.sync.push_after(command)  # with no tray to do it, a change goes out now
        return result
    except FokusError as err:
        if err.code is ErrorCode.DATABASE_READ_ONLY and store.read_only:
            raise _AlreadySaid from err
        raise
    finally:
        store.close()


# How long a command waits: for a tray that is starting up, for other commands
# run without a tray (each holds the store for a fraction of a second).
TRAY_WAIT = 5.0
CLI_WAIT = 30.0


class _AlreadySaid(Exception):
    """The failure was told on stderr already (the read-only notice)."""


def _tell_recoveries(svc: Any) -> None:
    """A session closed after a crash is told once, here or in the tray, never
    both: what is printed here is marked as told."""
    from app.clock import to_local
    from app.formats import clock

    svc.engine.recover()
    for rec in svc.engine.pending_recovery_notices():
        # The wall clock where the session ran (its recorded offset), as the
        # language writes times; the stored instant is naive UTC.
        print(
            _("Fokus had ended unexpectedly: the session on {project} was saved "
              "up to {at}.").format(project=rec.project, at=clock(
                  to_local(rec.ended_at, rec.utc_offset_min))),
            file=sys.stderr,
        )
        svc.engine.acknowledge_recovery(rec.session_id)


# What the command line says when the tray has not answered a long command
# (app.platform.instance.LONG_COMMANDS) within a second: it works, and we wait.
WAITING = {"import-ics": N_("Importing calendar…")}


def waiting(paths: Paths, command: str) -> Callable[[], None] | None:
    """Say on stderr, once, that the tray is still at work on ``command``."""
    text = WAITING.get(command)
    if text is None:
        return None

    def say() -> None:
        _use_stored_language(paths)  # the fast path has not read it yet
        print(_(text), file=sys.stderr, flush=True)

    return say


def dispatch(paths: Paths, command: str, args: dict[str, Any]) -> dict[str, Any]:
    """Run a command through the running Fokus if there is one, here if not."""
    from app.platform.instance import InstanceLock, send

    started = time.monotonic()
    while True:
        try:
            return send(paths.socket, command, args, on_wait=waiting(paths, command))
        except ConnectionError:
            pass
        with InstanceLock(paths.lock_file, role="cli") as lock:
            if lock.acquire():
                return _run_local(paths, command, args)
            holder = lock.holder_role()
        waited = time.monotonic() - started
        if holder != "tray":
            # Another command runs here against the store (or its holder is
            # still writing its name): wait for our turn, and say plainly if
            # the turn never comes.
            if waited > CLI_WAIT:
                raise FokusError(ErrorCode.DATABASE_LOCKED, path=paths.database)
        elif waited > TRAY_WAIT:
            # A tray holds the lock but never answered: it is stuck.
            raise FokusError(ErrorCode.INSTANCE_UNREACHABLE, path=paths.socket)
        time.sleep(0.05)


def _use_stored_language(paths: Paths) -> None:
    """Speak the language chosen in the app's settings, unless FOKUS_LANG says.
    Read straight from the file: opening the Store would cost the import of SQLModel."""
    if os.environ.get("FOKUS_LANG"):
        return
    from app.store.settings import stored_language

    language = stored_language(paths.database)
    if language:
        from app.i18n import set_language

        set_language(language)


def render(name: str, result: dict[str, Any], as_json: bool) -> str:
    """A command's result as the command line prints it: its words, or its JSON."""
    from app.cli.commands import REGISTRY

    command = REGISTRY.get(name)
    if as_json:
        return json.dumps(command.json(result), ensure_ascii=False, indent=2)
    return command.text(result)


def print_reply(paths: Paths, name: str, as_json: bool, reply: dict[str, Any]) -> int:
    """Print the tray's reply to the fast path (app/cli/client.py) that it left
    to words made here: an error, or a result the tray did not render."""
    _use_stored_language(paths)
    if not reply.get("ok"):
        print(f"fokus: {error_text(FokusError.from_json(reply['error']))}", file=sys.stderr)
        return 1
    print(render(name, dict(reply.get("result") or {}), as_json))
    return 0


def run(ns: argparse.Namespace) -> int:
    from app.cli.commands import REGISTRY

    command = REGISTRY.get(getattr(ns, COMMAND))
    paths = resolve(getattr(ns, "data_dir", None))
    _use_stored_language(paths)
    try:
        from app.platform.instance import ensure_usable

        ensure_usable(paths)
        args = command.request(vars(ns))
        if command.local is not None:
            _log_to_file(paths)
            return command.local(paths, args)
        result = dispatch(paths, command.name, args)
    except FokusError as err:
        print(f"fokus: {error_text(err)}", file=sys.stderr)
        return 1
    except _AlreadySaid:
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception:
        import logging

        _log_to_file(paths)
        logging.getLogger(__name__).exception("unexpected error in %s", command.name)
        print(_("fokus: unexpected error; the details are in {log}").format(
            log=paths.log_dir / "fokus.log"), file=sys.stderr)
        return 70
    print(render(command.name, result, bool(getattr(ns, "json", False))))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    ns = build_parser(argv=args).parse_args(args)
    if ns.command is None:
        print(_("The tray app starts from the fokus command of the installed package."),
              file=sys.stderr)
        return 2
    return run(ns)


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
