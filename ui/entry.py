"""The ``fokus`` console script: the tray app without a command, the command
line with one. Qt is imported only on the tray path, and the tray path skips
building the command-line parser, so the icon appears sooner."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing costs the command line a millisecond
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import NoReturn


def _tray_only(argv: list[str]) -> tuple[bool, str | None]:
    """Is this a plain start of the tray, possibly with --data-dir?"""
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--data-dir" and not argv[1].startswith("-"):
        return True, argv[1]
    if len(argv) == 1 and argv[0].startswith("--data-dir=") and len(argv[0]) > 11:
        return True, argv[0].split("=", 1)[1]
    return False, None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    tray, data_dir = _tray_only(args)
    if not tray:
        try:
            # A tray command the running tray answers: nothing heavy imported.
            from app.cli.client import run as run_through_tray

            answered = run_through_tray(args)
            if answered is not None:
                return answered
            from app.cli.main import build_parser, run

            # Only the named command's parser: the rest would cost more than the request.
            ns = build_parser(argv=args).parse_args(args)
            if ns.command is not None:
                code = run(ns)
                if argv is None:  # the process is the command's own
                    _end_command(code)
                return code
        except BrokenPipeError:
            # `fokus plan --json | head`: the reader left; end quietly, as cat does.
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 141
        data_dir = getattr(ns, "data_dir", None)
    from ui.shell.main import run_tray

    _end_tray(run_tray(data_dir))


def _end_command(code: int) -> NoReturn:
    """End a command's process once it has run (its store and files closed by
    the command itself, its output flushed here): the interpreter's teardown of
    SQLAlchemy, Babel or matplotlib cost a heavy command 0.2 s more for nothing."""
    import logging
    import os

    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:  # the reader left: end quietly, as above
            os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
            code = code or 141
        except (OSError, ValueError):
            pass
    os._exit(code)


def _end_tray(code: int) -> NoReturn:
    """End the tray's process once it has quit: the session is saved, the
    store and the socket closed, every Qt object deleted (FokusApp.run). What
    is left is the interpreter's teardown of Qt and of every module and
    object, which kept the user waiting 0.2–0.3 s after Quit for nothing."""
    import logging
    import os

    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
