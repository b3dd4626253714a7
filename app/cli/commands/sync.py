"""One history on several machines: ``fokus sync setup|status|now|off``.

``setup`` runs here (it asks for the passphrase on this terminal, without echo);
the others run in the tray when one is running, so its menus and Today follow."""

from __future__ import annotations

import getpass
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.registry import Arg, Command, Group, Result
from app.errors import ErrorCode, FokusError
from app.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from app.platform.paths import Paths
    from app.service import FokusService
    from app.sync.service import SyncReport


def _report_json(report: SyncReport) -> Result:
    return report.to_json()


def _report_text(r: Result) -> str:
    lines = [ngettext("{n} change written to the folder", "{n} changes written to the folder",
                      r["written"]).format(n=r["written"]),
             ngettext("{n} file read from other computers", "{n} files read from other computers",
                      r["files_read"]).format(n=r["files_read"])]
    if r["rows"] or r["deleted"]:
        lines.append(_("{rows} items added or changed here, {deleted} deleted").format(**r))
    if r["lost"]:
        lines.append(ngettext(
            "{n} edit made at the same time elsewhere lost and is kept in the edit history",
            "{n} edits made at the same time elsewhere lost and are kept in the edit history",
            r["lost"]).format(n=r["lost"]))
    if r["waiting"]:
        lines.append(ngettext("{n} item waits for a file still on its way",
                              "{n} items wait for files still on their way",
                              r["waiting"]).format(n=r["waiting"]))
    if r.get("folded"):
        lines.append(ngettext(
            "{n} file of this computer that every other computer had read folded into one",
            "{n} files of this computer that every other computer had read folded into one",
            r["folded"]).format(n=r["folded"]))
    for name in r["refused"]:
        lines.append(_("refused {file}: it is damaged, incomplete or sealed with another "
                       "passphrase; nothing of it was merged").format(file=name))
    return "\n".join(lines)


def _passphrase(a: dict[str, Any]) -> str:
    if a.get("passphrase_file"):
        try:
            text = Path(a["passphrase_file"]).read_text(encoding="utf-8")
        except OSError as exc:
            raise FokusError(ErrorCode.INVALID_VALUE, field="--passphrase-file",
                             value=a["passphrase_file"]) from exc
        return text.rstrip("\r\n")
    if not sys.stdin.isatty():  # a script: one line on standard input, never echoed
        try:
            line = sys.stdin.readline().rstrip("\r\n")
        except OSError:
            line = ""
        if not line:
            raise FokusError(ErrorCode.INVALID_VALUE, field="passphrase", value="")
        return line
    first = getpass.getpass(_("Passphrase (the same on every computer): "))
    again = getpass.getpass(_("Passphrase again: "))
    if again != first:
        raise FokusError(ErrorCode.INVALID_VALUE, field="passphrase", value="…")
    return first


def _tell_the_tray(paths: Paths) -> None:
    """A tray running for this data directory starts syncing now, not at its next start."""
    import contextlib

    from app.platform.instance import send

    # No tray listening, or one that will say what went wrong itself.
    with contextlib.suppress(ConnectionError, OSError, FokusError):
        send(paths.socket, "sync.now", {})


def setup(paths: Paths, a: dict[str, Any]) -> int:
    from app.clock import SystemClock
    from app.store.engine import Store
    from app.sync.service import SyncService

    passphrase = _passphrase(a)
    store = Store(paths.database)
    try:
        sync = SyncService(store, SystemClock())
        report = sync.setup(Path(a["folder"]), passphrase)
        status = sync.status()
    finally:
        store.close()
    _tell_the_tray(paths)
    if a.get("json"):
        print(json.dumps({"status": status, "sync": _report_json(report)}, ensure_ascii=False,
                         indent=2))
    else:
        print(_("Syncing with {folder}.").format(folder=status["folder"]))
        print(_report_text(_report_json(report)))
    return 1 if report.refused else 0


def _now(svc: FokusService, _a: dict[str, Any]) -> Result:
    return _report_json(svc.sync.sync())


def _status(svc: FokusService, _a: dict[str, Any]) -> Result:
    return svc.sync.status()


def _off(svc: FokusService, _a: dict[str, Any]) -> Result:
    svc.sync.off()
    return svc.sync.status()


def _when(text: str | None) -> str:
    """An instant of the status, in this computer's time, to the minute."""
    if not text:
        return _("never")
    from datetime import datetime

    return datetime.fromisoformat(text).astimezone().strftime("%Y-%m-%d %H:%M")


def _status_text(r: Result) -> str:
    if not r["configured"]:
        return _("Sync is off. Turn it on: fokus sync setup FOLDER")
    lines = [_("Syncing with {folder}.").format(folder=r["folder"])]
    for machine in r["machines"]:
        when, synced = _when(machine["last_written"]), _when(machine["last_synced"])
        if machine["this"]:
            lines.append(_("This computer ({host}): last synced {synced}, last wrote {when}")
                         .format(host=machine["host"], synced=synced, when=when))
        else:
            lines.append(_("{host} ({user}): last wrote {when}, read here {read}").format(
                host=machine["host"], user=machine["user"], when=when, read=synced))
    if r["pending"]:
        lines.append(ngettext("{n} change waits for the next sync",
                              "{n} changes wait for the next sync", r["pending"]).format(
                                  n=r["pending"]))
    if r["waiting"]:
        lines.append(ngettext("{n} item waits for a file still on its way",
                              "{n} items wait for files still on their way",
                              r["waiting"]).format(n=r["waiting"]))
    for c in r["conflicts"]:
        lines.append(_("Conflict: sessions #{a} and #{b} ran at the same time on two "
                       "computers ({start} to {end}); keep one with fokus session edit or "
                       "delete").format(a=c["sessions"][0], b=c["sessions"][1],
                                         start=_when(c["start"]), end=_when(c["end"])))
    return "\n".join(lines)


DECLARED = (
    Group("sync", N_("one history on several computers, through a folder you sync")),
    Command(
        "sync.setup", N_("sync through FOLDER (asks for the passphrase; the same on every "
                         "computer)"),
        args=(Arg("folder", help=N_("a folder your computers share (Syncthing, Nextcloud, a "
                                    "network share)")),
              Arg("--passphrase-file", key="passphrase_file",
                  help=N_("read the passphrase from this file instead of asking"))),
        local=setup),
    Command("sync.status", N_("the sync folder, each computer's last sync and any conflicts"),
            handler=_status, text=_status_text),
    Command("sync.now", N_("sync now: write this computer's changes, merge the others'"),
            handler=_now, text=_report_text),
    Command("sync.off", N_("stop syncing on this computer (the folder keeps its files)"),
            handler=_off, text=_status_text),
)
