"""The ``fokus`` console script: the tray app without a command, the command
line with one. Qt is imported only on the tray path."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from app.cli import build_parser, run

    ns = build_parser().parse_args(argv)
    if ns.command is not None:
        return run(ns)
    from ui.main import run_tray

    return run_tray(getattr(ns, "data_dir", None))


if __name__ == "__main__":
    sys.exit(main())
