"""A stand-in for xdg-desktop-portal's GlobalShortcuts interface (what GNOME 45+
and KDE Plasma 5.27+ offer), on whatever session bus it is started on. It owns
``org.freedesktop.portal.Desktop`` and answers as the real portal does:
CreateSession and BindShortcuts return a Request object path at once and
answer later with ``org.freedesktop.portal.Request.Response`` on that path.

Beside it, ``id.fokus.Test.Portal`` at the same path lets a test act as the
person pressing keys: ``Press(s id)`` emits ``Activated`` then ``Deactivated``
for the session that bound ``id``. Every bind is written to the JSON file named
on the command line (session handle, shortcut id, description, preferred
trigger), so the test can read what Fokus asked for.

Run by the system's python3 with Debian's ``python3-gi`` (not a pip package):
``python3 portal_standin.py STATE.json``. Prints ``ready`` once it owns the name."""

from __future__ import annotations

import json
import sys
import time

from gi.repository import Gio, GLib  # type: ignore[import-not-found]

PATH = "/org/freedesktop/portal/desktop"
XML = """
<node>
  <interface name="org.freedesktop.portal.GlobalShortcuts">
    <method name="CreateSession">
      <arg type="a{sv}" name="options" direction="in"/>
      <arg type="o" name="handle" direction="out"/>
    </method>
    <method name="BindShortcuts">
      <arg type="o" name="session_handle" direction="in"/>
      <arg type="a(sa{sv})" name="shortcuts" direction="in"/>
      <arg type="s" name="parent_window" direction="in"/>
      <arg type="a{sv}" name="options" direction="in"/>
      <arg type="o" name="request_handle" direction="out"/>
    </method>
    <method name="ListShortcuts">
      <arg type="o" name="session_handle" direction="in"/>
      <arg type="a{sv}" name="options" direction="in"/>
      <arg type="o" name="request_handle" direction="out"/>
    </method>
    <signal name="Activated">
      <arg type="o" name="session_handle"/>
      <arg type="s" name="shortcut_id"/>
      <arg type="t" name="timestamp"/>
      <arg type="a{sv}" name="options"/>
    </signal>
    <signal name="Deactivated">
      <arg type="o" name="session_handle"/>
      <arg type="s" name="shortcut_id"/>
      <arg type="t" name="timestamp"/>
      <arg type="a{sv}" name="options"/>
    </signal>
    <signal name="ShortcutsChanged">
      <arg type="o" name="session_handle"/>
      <arg type="a(sa{sv})" name="shortcuts"/>
    </signal>
    <property name="version" type="u" access="read"/>
  </interface>
  <interface name="id.fokus.Test.Portal">
    <method name="Press">
      <arg type="s" name="shortcut_id" direction="in"/>
    </method>
  </interface>
</node>
"""


class Portal:
    def __init__(self, state_file: str) -> None:
        self.state_file = state_file
        self.bus: Gio.DBusConnection | None = None
        self.sessions: dict[str, str] = {}  # session handle → its owner's unique name
        self.bound: list[dict[str, str]] = []
        self.calls: list[str] = []

    def save(self) -> None:
        with open(self.state_file, "w") as out:
            json.dump({"calls": self.calls, "sessions": sorted(self.sessions),
                       "bound": self.bound}, out)

    @staticmethod
    def _handle(kind: str, sender: str, token: str) -> str:
        return f"{PATH}/{kind}/{sender[1:].replace('.', '_')}/{token}"

    def _respond(self, sender: str, request: str, results: dict[str, GLib.Variant]) -> None:
        """The answer comes after the call returns, as from the real portal."""
        def send() -> bool:
            assert self.bus is not None
            self.bus.emit_signal(sender, request, "org.freedesktop.portal.Request", "Response",
                                 GLib.Variant("(ua{sv})", (0, results)))
            return False

        GLib.timeout_add(50, send)

    def call(self, _bus: Gio.DBusConnection, sender: str, _path: str, interface: str,
             method: str, params: GLib.Variant, invocation: Gio.DBusMethodInvocation) -> None:
        self.calls.append(method)
        args = params.unpack()
        if interface == "id.fokus.Test.Portal":
            (shortcut_id,) = args
            for row in self.bound:
                if row["id"] == shortcut_id:
                    for signal in ("Activated", "Deactivated"):
                        assert self.bus is not None
                        self.bus.emit_signal(
                            self.sessions[row["session"]], PATH,
                            "org.freedesktop.portal.GlobalShortcuts", signal,
                            GLib.Variant("(osta{sv})",
                                         (row["session"], shortcut_id,
                                          int(time.time() * 1000), {})))
            invocation.return_value(None)
            self.save()
            return
        if method == "CreateSession":
            (options,) = args
            request = self._handle("request", sender, options.get("handle_token", "t"))
            session = self._handle("session", sender,
                                   options.get("session_handle_token", "s"))
            self.sessions[session] = sender
            invocation.return_value(GLib.Variant("(o)", (request,)))
            self._respond(sender, request, {"session_handle": GLib.Variant("s", session)})
        elif method == "BindShortcuts":
            session, shortcuts, _parent, options = args
            request = self._handle("request", sender, options.get("handle_token", "b"))
            self.bound = [row for row in self.bound if row["session"] != session]
            answer = []
            for shortcut_id, props in shortcuts:
                trigger = props.get("preferred_trigger", "")
                self.bound.append({"session": session, "id": shortcut_id,
                                   "description": props.get("description", ""),
                                   "preferred_trigger": trigger})
                answer.append((shortcut_id, {
                    "description": GLib.Variant("s", props.get("description", "")),
                    "trigger_description": GLib.Variant("s", trigger)}))
            invocation.return_value(GLib.Variant("(o)", (request,)))
            self._respond(sender, request,
                          {"shortcuts": GLib.Variant("a(sa{sv})", answer)})
        elif method == "ListShortcuts":
            session, options = args
            request = self._handle("request", sender, options.get("handle_token", "l"))
            invocation.return_value(GLib.Variant("(o)", (request,)))
            self._respond(sender, request, {"shortcuts": GLib.Variant("a(sa{sv})", [
                (row["id"], {"description": GLib.Variant("s", row["description"])})
                for row in self.bound if row["session"] == session])})
        self.save()

    def get_property(self, *_args: object) -> GLib.Variant:
        return GLib.Variant("u", 1)


def main(state_file: str) -> None:
    portal = Portal(state_file)
    portal.save()
    node = Gio.DBusNodeInfo.new_for_xml(XML)
    loop = GLib.MainLoop()

    def acquired(bus: Gio.DBusConnection, _name: str) -> None:
        print("ready", flush=True)

    def bus_up(bus: Gio.DBusConnection, _name: str) -> None:
        portal.bus = bus
        for interface in node.interfaces:
            bus.register_object(PATH, interface, portal.call, portal.get_property, None)

    Gio.bus_own_name(Gio.BusType.SESSION, "org.freedesktop.portal.Desktop",
                     Gio.BusNameOwnerFlags.NONE, bus_up, acquired, lambda *_: loop.quit())
    loop.run()


if __name__ == "__main__":
    main(sys.argv[1])
