"""Fokus's global hotkeys through the XDG desktop portal's GlobalShortcuts
interface (``org.freedesktop.portal.GlobalShortcuts``), which GNOME 45+ and KDE
Plasma 5.27+ offer on Wayland, where no program may grab keys itself.

The portal's way: ``CreateSession`` makes a session tied to this connection,
``BindShortcuts`` asks the desktop for one shortcut per hotkey action (with a
translated description and the combination set in Settings as the preferred
trigger; the desktop may ask the user to confirm or choose other keys), and
``Activated`` names the action when the keys are pressed. Each call answers
at once with a Request object path and later with a ``Response`` signal on it.

D-Bus is spoken with ``app.platform.dbus_wire`` (QtDBus cannot send the
portal's ``a(sa{sv})``); its socket is watched by a QSocketNotifier, so every
signal is handled in the GUI thread, with no thread of its own."""

from __future__ import annotations

import contextlib
import logging
import secrets
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Signal

from app import APP_ID
from app.i18n import _
from app.platform.dbus_wire import Connection, DBusError, Message, Variant
from app.platform.shortcuts import ACTION_NAMES, PORTAL, portal_has_global_shortcuts, portal_trigger
from app.platform.shortcuts import GLOBAL_SHORTCUTS as SHORTCUTS
from app.platform.shortcuts import PORTAL_PATH as PATH

log = logging.getLogger(__name__)

REQUEST = "org.freedesktop.portal.Request"


class Unavailable(Exception):
    """No session bus, no portal, or a portal without GlobalShortcuts."""


def open_portal_bus(address: str | None = None) -> Connection:
    """A session-bus connection to a portal that has GlobalShortcuts, or
    Unavailable. Asking may start the portal (a second or more): the tray calls
    this from a worker thread, never the GUI thread."""
    try:
        bus = Connection(address)
    except (OSError, DBusError) as err:
        raise Unavailable(f"no session bus: {err}") from err
    if not portal_has_global_shortcuts(bus):
        bus.close()
        raise Unavailable("the desktop portal offers no GlobalShortcuts")
    return bus


class PortalShortcuts(QObject):
    """One portal session with Fokus's hotkeys bound in it. ``triggered`` names
    the action (``toggle_focus``, ``interruption``, ``switch``) when its keys
    are pressed; ``changed`` follows ``status``: ``pending`` (asked), ``active``
    (bound: ``bound`` holds each action's keys as the desktop describes them),
    ``refused`` (the user or the desktop said no) or ``failed``."""

    triggered = Signal(str)
    changed = Signal()

    def __init__(self, parent: QObject | None = None, address: str | None = None,
                 bus: Connection | None = None) -> None:
        super().__init__(parent)
        self._bus = bus if bus is not None else open_portal_bus(address)
        # Newer portals learn a host application's id from it (else from its
        # systemd unit); older ones have no registry and say so.
        with contextlib.suppress(DBusError):
            self._bus.call(PORTAL, PATH, "org.freedesktop.host.portal.Registry", "Register",
                           "sa{sv}", [APP_ID, {}])
        for rule in (f"type='signal',interface='{REQUEST}',member='Response'",
                     f"type='signal',interface='{SHORTCUTS}',path='{PATH}'"):
            self._bus.add_match(rule)
        self._waiting: dict[str, Callable[[int, dict[str, Any]], None]] = {}
        self._session: str | None = None
        self._wanted: dict[str, str] = {}
        self.status = "pending"
        self.bound: dict[str, str] = {}
        self._notifier = QSocketNotifier(self._bus.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)

    # -- asking ---------------------------------------------------------------------------

    def _token(self) -> str:
        return "fokus_" + secrets.token_hex(6)

    def _request(self, method: str, signature: str, body: list[Any], token: str,
                 answered: Callable[[int, dict[str, Any]], None]) -> None:
        """Calls ``method`` and runs ``answered`` with its Response. The request's
        path is known before the call (the portal builds it from our name and
        the token), so an early Response is not missed."""
        sender = self._bus.unique_name.lstrip(":").replace(".", "_")
        self._waiting[f"{PATH}/request/{sender}/{token}"] = answered
        (handle,) = self._bus.call(PORTAL, PATH, SHORTCUTS, method, signature, body)
        self._waiting[str(handle)] = answered
        self._read()  # what arrived while waiting for the call's reply

    def bind(self, hotkeys: dict[str, str]) -> None:
        """Asks the desktop for these hotkeys (action → pynput combination)."""
        self._wanted = {action: combo for action, combo in hotkeys.items() if combo}
        self._set("pending")
        try:
            if self._session is None:
                self._request("CreateSession", "a{sv}", [{
                    "handle_token": Variant("s", token := self._token()),
                    "session_handle_token": Variant("s", self._token())}], token,
                    self._session_made)
            else:
                self._bind()
        except (OSError, DBusError):
            log.exception("the GlobalShortcuts portal did not answer")
            self._set("failed")

    def _session_made(self, code: int, results: dict[str, Any]) -> None:
        if code != 0 or "session_handle" not in results:
            log.warning("the GlobalShortcuts portal made no session (response %s)", code)
            self._set("refused")
            return
        self._session = str(results["session_handle"])
        self._bind()

    def _bind(self) -> None:
        assert self._session is not None
        shortcuts = []
        for action, combo in self._wanted.items():
            props = {"description": Variant("s", _(ACTION_NAMES[action]))}
            # Keys Fokus cannot spell for the portal: the desktop lets the user choose.
            with contextlib.suppress(ValueError):
                props["preferred_trigger"] = Variant("s", portal_trigger(combo))
            shortcuts.append((action, props))
        token = self._token()
        self._request("BindShortcuts", "oa(sa{sv})sa{sv}",
                      [self._session, shortcuts, "", {"handle_token": Variant("s", token)}],
                      token, self._bound)

    def _bound(self, code: int, results: dict[str, Any]) -> None:
        if code != 0:
            log.warning("the desktop did not bind Fokus's hotkeys (response %s)", code)
            self._set("refused")
            return
        self.bound = {str(action): str(props.get("trigger_description", ""))
                      for action, props in results.get("shortcuts", [])}
        log.info("hotkeys bound through the GlobalShortcuts portal: %s", self.bound)
        self._set("active")

    def _set(self, status: str) -> None:
        self.status = status
        self.changed.emit()

    # -- hearing ----------------------------------------------------------------------------

    def _read(self) -> None:
        try:
            messages = self._bus.messages()
        except OSError:
            log.exception("the session bus closed")
            self._notifier.setEnabled(False)
            self._set("failed")
            return
        for msg in messages:
            self._handle(msg)

    def _handle(self, msg: Message) -> None:
        if msg.interface == REQUEST and msg.member == "Response":
            answered = self._waiting.pop(msg.path or "", None)
            if answered is not None and len(msg.body) == 2:
                self._waiting = {p: f for p, f in self._waiting.items() if f is not answered}
                answered(int(msg.body[0]), dict(msg.body[1]))
        elif msg.interface != SHORTCUTS or not msg.body or msg.body[0] != self._session:
            return
        elif msg.member == "Activated" and msg.body[1] in self._wanted:
            self.triggered.emit(str(msg.body[1]))
        elif msg.member == "ShortcutsChanged":  # the user chose other keys in the desktop
            self.bound = {str(action): str(props.get("trigger_description", ""))
                          for action, props in msg.body[1]}
            self.changed.emit()

    def stop(self) -> None:
        """Ends the session (the desktop drops its shortcuts) and the connection."""
        self._notifier.setEnabled(False)
        if self._session is not None:
            with contextlib.suppress(OSError, DBusError):
                self._bus.call(PORTAL, self._session, "org.freedesktop.portal.Session", "Close")
            self._session = None
        self._bus.close()
