"""Demo data and the check of this machine; both run here only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.cli.registry import Arg, Command
from app.i18n import N_, _

if TYPE_CHECKING:
    from app.platform.paths import Paths


MAX_DEMO_WEEKS = 52


def demo(paths: Paths, a: dict[str, Any]) -> int:
    from app.errors import ErrorCode, FokusError
    from app.store.demo import run_demo

    if not 1 <= a["weeks"] <= MAX_DEMO_WEEKS:
        raise FokusError(ErrorCode.INVALID_VALUE, field="weeks", value=a["weeks"])
    summary = run_demo(paths, weeks=a["weeks"])
    print(_("Demo data written to {path}: {projects} projects, {batches} batches, "
            "{sessions} focus sessions.").format(path=paths.database, **summary))
    return 0


def doctor(paths: Paths, a: dict[str, Any]) -> int:
    from app.platform.doctor import report

    as_json = bool(a.get("json"))
    machine = report(as_json=as_json)
    if as_json:
        return max(machine, _check_database(paths, quiet=True))
    return max(machine, _check_database(paths))


def _check_database(paths: Paths, quiet: bool = False) -> int:
    """The full integrity check that opening the store leaves out (quiet: the
    JSON report is already printed; only the exit status tells)."""
    from app.errors import FokusError
    from app.store.engine import check_integrity

    if not paths.database.exists():
        return 0
    try:
        check_integrity(paths.database)
    except FokusError as err:
        if quiet:
            return 1
        # The words of the command line's DATABASE_CORRUPT error (app/cli/main.py).
        print(_("the database {path} cannot be read ({reason}); it was left untouched")
              .format(path=paths.database, reason=err.params.get("reason", err.code.value)))
        return 1
    if not quiet:
        print(_("Database {path}: no faults found.").format(path=paths.database))
    return 0


DECLARED = (
    Command("demo", N_("fill an empty data directory with demo data"),
            args=(Arg("--weeks", type=int, default=4,
                      help=N_("weeks of history, 1-52 (default 4)")),),
            local=demo, offers_json=False),
    Command("doctor", N_("check what this desktop offers Fokus: tray, idle time, hotkeys, "
                         "notifications, the window in front"),
            local=doctor),
)
