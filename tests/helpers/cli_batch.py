"""Several ``fokus`` command lines in one process, as a story's reader needs
them: the same ``main`` the console script runs, once per command line, each
one's output and exit code kept. One process instead of one per command saves
the start-up of each (a second apiece on a busy 2-core machine).

    python -m tests.helpers.cli_batch  < [["log", "--date", "2026-11-23"], …]
    → [{"argv": […], "code": 0, "out": "…", "err": "…"}, …]

The environment is the caller's: FOKUS_DATA_DIR, FOKUS_LANG, libfaketime."""

from __future__ import annotations

import contextlib
import io
import json
import sys


def run_all(argvs: list[list[str]]) -> list[dict[str, object]]:
    from app.cli.main import main

    results: list[dict[str, object]] = []
    for argv in argvs:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse refusing a line
                code = int(exc.code or 0)
        results.append({"argv": argv, "code": code, "out": out.getvalue(),
                        "err": err.getvalue()})
    return results


if __name__ == "__main__":
    json.dump(run_all(json.load(sys.stdin)), sys.stdout, ensure_ascii=False)
