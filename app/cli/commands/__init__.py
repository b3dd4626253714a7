"""Every command of the command line, declared once (see app/cli/registry.py).
The order here is the order of ``fokus --help``.

The command line runs the handlers here when no tray is running, and the tray
runs the very same ones (``execute``) when the command line sends them over the
instance socket, so both paths behave alike. To add a command, declare a
``Command`` in the module of its group and it has a parser, a socket name, text
and JSON output."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.cli.commands import (
    activity,
    batches,
    config,
    focus,
    history,
    projects,
    reports,
    repos,
    shortcut,
    sync,
    system,
    week,
)
from app.cli.registry import Registry

if TYPE_CHECKING:
    from app.service import FokusService

REGISTRY = Registry([
    *focus.DECLARED, *projects.DECLARED, *repos.DECLARED, *batches.DECLARED, *week.DECLARED,
    *activity.DECLARED, *history.DECLARED, *reports.DECLARED, *config.DECLARED,
    *sync.DECLARED, *system.DECLARED, *shortcut.DECLARED,
])


def execute(svc: FokusService, name: str, args: dict[str, Any]) -> dict[str, Any]:
    """Run the command ``name`` against ``svc`` (the tray's socket and the local path)."""
    return REGISTRY.execute(svc, name, args)
