"""Demo data and the check of this machine; both run here only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.cli.registry import Arg, Command
from app.i18n import N_, _

if TYPE_CHECKING:
    from app.platform.paths import Paths


def demo(paths: Paths, a: dict[str, Any]) -> int:
    from app.store.demo import run_demo

    summary = run_demo(paths, weeks=a["weeks"])
    print(_("Demo data written to {path}: {projects} projects, {batches} batches, "
            "{sessions} focus sessions.").format(path=paths.database, **summary))
    return 0


def doctor(_paths: Paths, a: dict[str, Any]) -> int:
    from app.platform.doctor import report

    return report(as_json=bool(a.get("json")))


DECLARED = (
    Command("demo", N_("fill an empty data directory with demo data"),
            args=(Arg("--weeks", type=int, default=4, help=N_("weeks of history (default 4)")),),
            local=demo, offers_json=False),
    Command("doctor", N_("check what this desktop offers Fokus: tray, idle time, hotkeys, "
                         "notifications, the window in front"),
            local=doctor),
)
