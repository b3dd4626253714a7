"""``fokus hotkey ACTION``: what a desktop's own keyboard shortcut runs where
Fokus cannot grab keys itself (GNOME on Wayland; app/platform/shortcuts.py
registers them). With the tray running it acts exactly as the grabbed key
does (the tray answers it); without one the same actions run here, except
the switch menu, which needs the tray."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.cli.registry import Arg, Command, Result
from app.i18n import N_, _

if TYPE_CHECKING:
    from app.service import FokusService

ACTIONS = ("toggle_focus", "interruption", "switch")


def toggle_focus(svc: FokusService) -> Result:
    """Stop the running session, or start what ``FokusService.hotkey_choice``
    names (the block planned now, the project last worked on, the first)."""
    if svc.current() is not None:
        return {"action": "toggle_focus", "done": True, "session": svc.stop().to_json()}
    choice = svc.hotkey_choice()
    if choice is None:
        return {"action": "toggle_focus", "done": False, "session": None}
    view = svc.start(choice[0], choice[1], source="hotkey")
    return {"action": "toggle_focus", "done": True, "session": view.to_json()}


def _hotkey(svc: FokusService, a: dict[str, Any]) -> Result:
    action = a["action"]
    if action == "toggle_focus":
        return toggle_focus(svc)
    if action == "interruption":
        svc.activity.interrupt("other")
        return {"action": action, "done": True, "session": None}
    return {"action": action, "done": False, "session": None}  # the menu lives in the tray


def _hotkey_text(result: Result) -> str:
    session = result.get("session")
    if result["action"] == "switch" and not result["done"]:
        return _("Switching from a shortcut opens the Fokus menu: start Fokus first.")
    if result["action"] == "toggle_focus" and not result["done"]:
        return _("No project yet: add one first (fokus project add NAME).")
    if result["action"] == "interruption":
        return _("Interruption logged.")
    if session and session.get("state") in ("focusing", "paused"):
        return _("Focusing on {project}.").format(project=session.get("project"))
    return _("Focus stopped.") if session else _("Done.")


DECLARED = (
    Command("hotkey", N_("what a global hotkey does: start or stop focus, log an "
                         "interruption, switch project (for desktop shortcuts)"),
            args=(Arg("action", choices=list(ACTIONS)),),
            handler=_hotkey, text=_hotkey_text),
)
