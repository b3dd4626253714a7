"""A small D-Bus client on the session bus, in the standard library alone: the
wire format (marshalling with its alignment rules), EXTERNAL authentication,
method calls and signals.

Qt's QtDBus (what ``ui.platform.idle`` and ``ui.platform.notify`` use) cannot
send an array of structures from Python (PySide6 registers no D-Bus type for
one), and the GlobalShortcuts portal's ``BindShortcuts`` takes exactly that,
``a(sa{sv})``; the portal ties a session to the connection that made it, so
the calls and the signals must share one connection. This module is that
connection; it has no Qt in it, so ``fokus doctor`` can ask the portal too.

Values: ``s``/``o``/``g`` are ``str``, integers ``int``, ``b`` ``bool``, arrays
lists, ``a{..}`` dicts, structures tuples, and a variant to send is a
``Variant(signature, value)`` (a bare ``str`` is sent as ``s``). Variants read
come back as their plain value."""

from __future__ import annotations

import os
import select
import socket
import struct
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

METHOD_CALL, METHOD_RETURN, ERROR, SIGNAL = 1, 2, 3, 4
NO_REPLY_EXPECTED = 0x1
_ALIGN = {"y": 1, "b": 4, "n": 2, "q": 2, "i": 4, "u": 4, "x": 8, "t": 8, "d": 8, "h": 4,
          "s": 4, "o": 4, "g": 1, "a": 4, "(": 8, "{": 8, "v": 1}
_FIXED = {"y": "B", "b": "I", "n": "h", "q": "H", "i": "i", "u": "I", "x": "q", "t": "Q",
          "d": "d", "h": "I"}
# Header fields: (code, signature of its value)
_FIELDS = {"path": (1, "o"), "interface": (2, "s"), "member": (3, "s"), "error_name": (4, "s"),
           "reply_serial": (5, "u"), "destination": (6, "s"), "sender": (7, "s"),
           "signature": (8, "g")}
_FIELD_NAMES = {code: name for name, (code, _sig) in _FIELDS.items()}


class DBusError(Exception):
    """An error reply, or a bus that cannot be reached or understood."""

    def __init__(self, name: str, message: str = "") -> None:
        super().__init__(f"{name}: {message}" if message else name)
        self.name = name


@dataclass(frozen=True)
class Variant:
    signature: str
    value: Any


@dataclass
class Message:
    type: int
    serial: int = 0
    flags: int = 0
    path: str | None = None
    interface: str | None = None
    member: str | None = None
    error_name: str | None = None
    reply_serial: int | None = None
    destination: str | None = None
    sender: str | None = None
    signature: str = ""
    body: list[Any] = field(default_factory=list)


# -- signatures --------------------------------------------------------------------------


def _type_end(sig: str, i: int) -> int:
    """The index just after the single complete type starting at ``sig[i]``."""
    c = sig[i]
    if c == "a":
        return _type_end(sig, i + 1)
    if c in "({":
        close = ")" if c == "(" else "}"
        j = i + 1
        while sig[j] != close:
            j = _type_end(sig, j)
        return j + 1
    if c in _ALIGN:
        return i + 1
    raise DBusError("org.freedesktop.DBus.Error.InvalidSignature", sig)


def split_signature(sig: str) -> list[str]:
    """``"osa{sv}"`` → ``["o", "s", "a{sv}"]``."""
    types, i = [], 0
    while i < len(sig):
        j = _type_end(sig, i)
        types.append(sig[i:j])
        i = j
    return types


# -- writing -----------------------------------------------------------------------------


class _Writer:
    def __init__(self) -> None:
        self.buf = bytearray()

    def align(self, n: int) -> None:
        self.buf += b"\0" * (-len(self.buf) % n)

    def write(self, sig: str, value: Any) -> None:
        c = sig[0]
        self.align(_ALIGN[c])
        if c in _FIXED:
            self.buf += struct.pack("<" + _FIXED[c], int(value) if c != "d" else float(value))
        elif c in "so":
            data = str(value).encode()
            self.buf += struct.pack("<I", len(data)) + data + b"\0"
        elif c == "g":
            data = str(value).encode()
            self.buf += bytes([len(data)]) + data + b"\0"
        elif c == "v":
            variant = value if isinstance(value, Variant) else Variant(_guess(value), value)
            self.write("g", variant.signature)
            self.write(variant.signature, variant.value)
        elif c == "a":
            element = sig[1:]
            at = len(self.buf)
            self.buf += b"\0\0\0\0"
            self.align(_ALIGN[element[0]])
            start = len(self.buf)
            items = value.items() if element[0] == "{" else value
            for item in items:
                self.write(element, item)
            struct.pack_into("<I", self.buf, at, len(self.buf) - start)
        elif c in "({":
            for part, item in zip(split_signature(sig[1:-1]), value, strict=True):
                self.write(part, item)
        else:
            raise DBusError("org.freedesktop.DBus.Error.InvalidSignature", sig)


def _guess(value: object) -> str:
    if isinstance(value, bool):
        return "b"
    if isinstance(value, int):
        return "i"
    if isinstance(value, str):
        return "s"
    raise DBusError("org.freedesktop.DBus.Error.InvalidArgs",
                    f"say the D-Bus type of {value!r} with Variant")


def marshal(sig: str, values: list[Any]) -> bytes:
    w = _Writer()
    for part, value in zip(split_signature(sig), values, strict=True):
        w.write(part, value)
    return bytes(w.buf)


def encode(msg: Message) -> bytes:
    body = marshal(msg.signature, msg.body) if msg.signature else b""
    fields = [(code, Variant(fsig, getattr(msg, name)))
              for name, (code, fsig) in _FIELDS.items()
              if getattr(msg, name) not in (None, "")]
    w = _Writer()
    w.buf += struct.pack("<cBBBII", b"l", msg.type, msg.flags, 1, len(body), msg.serial)
    w.write("a(yv)", fields)
    w.align(8)
    return bytes(w.buf) + body


# -- reading -----------------------------------------------------------------------------


class _Reader:
    def __init__(self, data: bytes, pos: int = 0, big: bool = False) -> None:
        self.data, self.pos, self.order = data, pos, ">" if big else "<"

    def align(self, n: int) -> None:
        self.pos += -self.pos % n

    def read(self, sig: str) -> Any:
        c = sig[0]
        self.align(_ALIGN[c])
        if c in _FIXED:
            fmt = self.order + _FIXED[c]
            (value,) = struct.unpack_from(fmt, self.data, self.pos)
            self.pos += struct.calcsize(fmt)
            return bool(value) if c == "b" else value
        if c in "so":
            (n,) = struct.unpack_from(self.order + "I", self.data, self.pos)
            text = self.data[self.pos + 4:self.pos + 4 + n].decode()
            self.pos += 4 + n + 1
            return text
        if c == "g":
            n = self.data[self.pos]
            text = self.data[self.pos + 1:self.pos + 1 + n].decode()
            self.pos += 1 + n + 1
            return text
        if c == "v":
            return self.read(self.read("g"))
        if c == "a":
            (n,) = struct.unpack_from(self.order + "I", self.data, self.pos)
            self.pos += 4
            element = sig[1:]
            self.align(_ALIGN[element[0]])
            end = self.pos + n
            items = []
            while self.pos < end:
                items.append(self.read(element))
            return dict(items) if element[0] == "{" else items
        if c in "({":
            return tuple(self.read(part) for part in split_signature(sig[1:-1]))
        raise DBusError("org.freedesktop.DBus.Error.InvalidSignature", sig)


def decode(data: bytes) -> tuple[Message, int] | None:
    """The first whole message in ``data`` and its length, or None for too little data."""
    if len(data) < 16:
        return None
    big = data[0:1] == b"B"
    order = ">" if big else "<"
    msg_type, flags, _version = data[1], data[2], data[3]
    body_len, serial, fields_len = struct.unpack_from(order + "III", data, 4)
    header_end = 16 + fields_len
    body_start = header_end + (-header_end % 8)
    if len(data) < body_start + body_len:
        return None
    msg = Message(type=msg_type, serial=serial, flags=flags)
    for code, value in _Reader(data[:header_end], 12, big).read("a(yv)"):
        if code in _FIELD_NAMES:
            setattr(msg, _FIELD_NAMES[code], value)
    if msg.signature:
        reader = _Reader(data[body_start:body_start + body_len], 0, big)
        msg.body = [reader.read(part) for part in split_signature(msg.signature)]
    return msg, body_start + body_len


# -- the connection ----------------------------------------------------------------------


def session_bus_address() -> str:
    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
    if not address and os.environ.get("XDG_RUNTIME_DIR"):
        address = f"unix:path={os.environ['XDG_RUNTIME_DIR']}/bus"
    return address


def _socket_for(address: str) -> socket.socket:
    for entry in address.split(";"):
        kind, _, rest = entry.partition(":")
        if kind != "unix":
            continue
        keys = dict(part.split("=", 1) for part in rest.split(",") if "=" in part)
        where = unquote(keys["path"]) if "path" in keys else \
            "\0" + unquote(keys["abstract"]) if "abstract" in keys else None
        if where is None:
            continue
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect(where)
        except OSError:
            sock.close()
            continue
        return sock
    raise DBusError("org.freedesktop.DBus.Error.NoServer", address or "no session bus")


class Connection:
    """One connection to the session bus. ``call`` waits for its reply; signals
    that arrive meanwhile, and later ones, are handed out by ``messages``."""

    def __init__(self, address: str | None = None, timeout: float = 5.0) -> None:
        self.timeout = timeout
        self._sock = _socket_for(address if address is not None else session_bus_address())
        self._buf = b""
        self._queue: list[Message] = []
        self._serial = 0
        try:
            self._authenticate()
            self.unique_name = str(self.call("org.freedesktop.DBus", "/org/freedesktop/DBus",
                                             "org.freedesktop.DBus", "Hello")[0])
        except (OSError, DBusError):
            self._sock.close()
            raise

    def _authenticate(self) -> None:
        self._sock.settimeout(self.timeout)
        uid = str(os.getuid()).encode().hex().encode()
        self._sock.sendall(b"\0AUTH EXTERNAL " + uid + b"\r\n")
        line = b""
        while not line.endswith(b"\r\n"):
            chunk = self._sock.recv(256)
            if not chunk:
                raise DBusError("org.freedesktop.DBus.Error.AuthFailed", "bus closed")
            line += chunk
        if not line.startswith(b"OK "):
            raise DBusError("org.freedesktop.DBus.Error.AuthFailed", line.decode().strip())
        self._sock.sendall(b"BEGIN\r\n")

    def fileno(self) -> int:
        return self._sock.fileno()

    def close(self) -> None:
        self._sock.close()

    def send(self, msg: Message) -> int:
        self._serial += 1
        msg.serial = self._serial
        self._sock.sendall(encode(msg))
        return msg.serial

    def call(self, destination: str, path: str, interface: str, member: str,
             signature: str = "", body: list[Any] | None = None) -> list[Any]:
        serial = self.send(Message(METHOD_CALL, destination=destination, path=path,
                                   interface=interface, member=member, signature=signature,
                                   body=list(body or [])))
        self._sock.settimeout(self.timeout)
        while True:
            for msg in self._parse():
                if msg.reply_serial == serial and msg.type in (METHOD_RETURN, ERROR):
                    if msg.type == ERROR:
                        raise DBusError(msg.error_name or "org.freedesktop.DBus.Error.Failed",
                                        str(msg.body[0]) if msg.body else "")
                    return msg.body
                self._queue.append(msg)
            try:
                chunk = self._sock.recv(65536)
            except TimeoutError as err:
                raise DBusError("org.freedesktop.DBus.Error.NoReply", member) from err
            if not chunk:
                raise DBusError("org.freedesktop.DBus.Error.Disconnected", member)
            self._buf += chunk

    def add_match(self, rule: str) -> None:
        self.call("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                  "AddMatch", "s", [rule])

    def messages(self) -> list[Message]:
        """What has arrived, without waiting: queued during calls, then readable now."""
        while select.select([self._sock], [], [], 0)[0]:
            chunk = self._sock.recv(65536)
            if not chunk:
                break
            self._buf += chunk
        found, self._queue = self._queue + self._parse(), []
        return found

    def _parse(self) -> list[Message]:
        found = []
        while (decoded := decode(self._buf)) is not None:
            msg, used = decoded
            self._buf = self._buf[used:]
            found.append(msg)
        return found
