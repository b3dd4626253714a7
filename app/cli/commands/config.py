"""``fokus config``: list, read, change and reset the settings declared in
app/store/settings.py. They run through the running tray like the other
commands, so the tray writes the change and sees it at once.

Only public settings are shown and changed here; the structured ones (work
model, allocation matrix, switch rules) are edited in the Settings window."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.cli.registry import Arg, Command, Group, Result
from app.errors import ErrorCode, FokusError
from app.i18n import N_, _
from app.store.settings import ALL, Kind, Setting, Settings, find

if TYPE_CHECKING:
    from app.service import FokusService

# The ``where`` of a SETTING_INVALID error for a setting edited only in a window.
EDITED_IN_WINDOW = "settings_window"


def public_setting(key: str) -> Setting[Any]:
    """The public declaration for ``key``; FokusError for any other key."""
    setting = find(key)
    if setting.kind is Kind.STRUCTURED:
        raise FokusError(ErrorCode.SETTING_INVALID, key=key, value="", allowed="",
                         where=EDITED_IN_WINDOW)
    if not setting.public:
        raise FokusError(ErrorCode.UNKNOWN_SETTING, key=key,
                         known=", ".join(s.key for s in ALL if s.public))
    return setting


def setting_json(settings: Settings, setting: Setting[Any]) -> Result:
    value = settings.get(setting)
    return {"key": setting.key, "value": value, "text": setting.to_text(value),
            "default": setting.default, "is_default": value == setting.default,
            "allowed": setting.allowed(), "unit": setting.unit, "kind": setting.kind.value,
            "scope": setting.scope.value, "label": setting.label, "help": setting.help}


def _list(svc: FokusService, _a: dict[str, Any]) -> Result:
    settings = Settings(svc.store)
    return {"settings": [setting_json(settings, s) for s in ALL if s.public]}


def _get(svc: FokusService, a: dict[str, Any]) -> Result:
    return setting_json(Settings(svc.store), public_setting(str(a["key"])))


def _set(svc: FokusService, a: dict[str, Any]) -> Result:
    setting = public_setting(str(a["key"]))
    settings = Settings(svc.store)
    settings.set(setting, setting.parse(str(a["value"])))
    return setting_json(settings, setting)


def _reset(svc: FokusService, a: dict[str, Any]) -> Result:
    setting = public_setting(str(a["key"]))
    settings = Settings(svc.store)
    settings.reset(setting)
    return setting_json(settings, setting)


# -- output ----------------------------------------------------------------------------


def _translated(row: Result) -> Result:
    """A setting's JSON with its label and help in the user's language."""
    return {**row, "label": _(row["label"]),
            "help": _(row["help"]) if row["help"] else ""}


def _value_text(row: Result) -> str:
    if row["text"] == "":
        return "—"
    if row["unit"] == "min":
        return _("{n} min").format(n=row["text"])
    return str(row["text"])


def _list_text(result: Result) -> str:
    rows = result["settings"]
    marker = _("(default)")
    cells = [(r["key"], _value_text(r), marker if r["is_default"] else "",
              _(r["allowed"]) if r["allowed"] else r["kind"], _(r["label"])) for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(4)]
    return "\n".join("  ".join(c[i].ljust(widths[i]) for i in range(4)) + "  " + c[4]
                     for c in cells)


def _changed_text(result: Result) -> str:
    return _("{key} is now {value}.").format(key=result["key"], value=_value_text(result))


def _reset_text(result: Result) -> str:
    return _("{key} is back to its default, {value}.").format(
        key=result["key"], value=_value_text(result))


KEY = Arg("key", metavar="KEY", help=N_("the setting's name (see: fokus config list)"))

DECLARED = (
    Group("config", N_("list, show, change and reset settings")),
    Command("config.list", N_("list the settings and their values"), handler=_list,
            text=_list_text, json=lambda r: {"settings": [_translated(s) for s in r["settings"]]}),
    Command("config.get", N_("show one setting's value"), args=(KEY,), handler=_get,
            text=lambda r: str(r["text"]), json=_translated),
    Command("config.set", N_("change a setting"),
            args=(KEY, Arg("value", metavar="VALUE", help=N_("the new value"))),
            handler=_set, text=_changed_text, json=_translated),
    Command("config.reset", N_("set a setting back to its default"), args=(KEY,),
            handler=_reset, text=_reset_text, json=_translated),
)
