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


def doctor(_paths: Paths, _a: dict[str, Any]) -> int:
    from app.platform.doctor import report

    return report()


DECLARED = (
    Command("demo", N_("fill an empty data directory with demo data"),
            args=(Arg("--weeks", type=int, default=4,
                      help=N_("weeks of history, 1-52 (default 4)")),),
            local=demo, offers_json=False),
    Command("doctor", N_("check that this machine can run the tray app"),
            local=doctor, offers_json=False),
)
