"""Focus sessions: start, stop, pause, resume, status."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.cli.commands.common import clock_text, minutes, minutes_left_text, minutes_text
from app.cli.registry import Arg, Command, Result
from app.domain import PRESET_MINUTES
from app.i18n import N_, _
from app.store.settings import FOCUS_MINUTES

if TYPE_CHECKING:
    from app.service import FokusService


def session_text(stopping: bool = False) -> Callable[[Result], str]:
    """The words for a session's state (``stop`` always says how long it ran)."""

    def text(result: Result) -> str:
        state = result.get("state")
        who = result.get("project") or ""
        if result.get("batch"):
            who = f"{who} — {result['batch']}"
        left = minutes_left_text(result.get("remaining_seconds"))
        if stopping or state in ("finished", "abandoned"):
            return _("Stopped {who} after {done} min.").format(
                who=who, done=minutes_text(result.get("focused_seconds")))
        if state == "focusing":
            return _("Focusing on {who}: {left} min left (started {at}).").format(
                who=who, left=left, at=clock_text(result.get("started_at")))
        if state == "paused":
            return _("Paused: {who}, {left} min left.").format(who=who, left=left)
        rest = result.get("break")
        if rest:
            return _("Break until {time} ({minutes} min after {focused} min of focus).").format(
                time=clock_text(rest["until"]), minutes=rest["minutes"],
                focused=rest["focused_minutes"])
        return _("Idle: no focus session.")

    return text


def _start(svc: FokusService, a: dict[str, Any]) -> Result:
    view = svc.start(a["project"], a.get("batch"), minutes(a["minutes"]),
                     source=a.get("source", "cli"))
    return view.to_json()


def _status(svc: FokusService, _a: dict[str, Any]) -> Result:
    """The session, and the break after it while one runs: ``"break": {"until", "minutes"}``."""
    result = dict(svc.status())
    rest = svc.breaks.current()
    result["break"] = rest.to_json() if rest is not None else None
    return result


def _recovered(svc: FokusService, _a: dict[str, Any]) -> Result:
    from app.clock import as_utc, to_local

    return {"recovered": [
        {"session": r.session_id, "project": r.project,
         "ended_at": to_local(as_utc(r.ended_at), r.utc_offset_min).isoformat(),
         "focused_seconds": round(r.focused_seconds)}
        for r in svc.engine.pending_recovery_notices()]}


DECLARED = (
    Command(
        "start", N_("start a focus session"),
        args=(
            Arg("--project", "-p", required=True, help=N_("project name or id")),
            Arg("--batch", "-b", help=N_("batch id (see: fokus batch list)")),
            Arg("--minutes", "-m", type=int, setting=FOCUS_MINUTES,
                help=N_("planned length in minutes: {presets} or any other (default: the "
                        "{setting} setting, {default} unless changed)"),
                help_params={"presets": ", ".join(map(str, PRESET_MINUTES))}),
        ),
        fixed={"source": "cli"}, handler=_start, text=session_text()),
    Command("stop", N_("stop the focus session"),
            handler=lambda svc, _a: svc.stop().to_json(), text=session_text(stopping=True)),
    Command("pause", N_("pause the focus session"),
            handler=lambda svc, _a: svc.pause().to_json(), text=session_text()),
    Command("resume", N_("resume the paused focus session"),
            handler=lambda svc, _a: svc.resume().to_json(), text=session_text()),
    Command("status", N_("show the focus session"),
            handler=_status, text=session_text()),
    # Sessions closed after Fokus ended unexpectedly; asked for over the socket.
    Command("recovered", N_("sessions saved after Fokus ended unexpectedly"),
            handler=_recovered, on_command_line=False),
)
