"""The D-Bus wire format Fokus speaks to the GlobalShortcuts portal: what is
written reads back the same, with the alignment the specification asks for
(a real bus and a stand-in portal check it end to end in
tests/e2e/test_portal_shortcuts.py)."""

from __future__ import annotations

import pytest

from app.platform.dbus_wire import (
    METHOD_CALL,
    SIGNAL,
    DBusError,
    Message,
    Variant,
    decode,
    encode,
    marshal,
    split_signature,
)
from app.platform.shortcuts import portal_trigger


def test_signatures_split_into_complete_types() -> None:
    assert split_signature("oa(sa{sv})sa{sv}") == ["o", "a(sa{sv})", "s", "a{sv}"]
    assert split_signature("(ua{sv})") == ["(ua{sv})"]
    with pytest.raises(DBusError):
        split_signature("z")


def test_values_are_aligned_as_the_specification_says() -> None:
    # A byte, then a uint32 aligned to 4; a struct aligned to 8.
    assert marshal("yu", [1, 2]) == b"\x01\0\0\0\x02\0\0\0"
    assert marshal("y(y)", [1, (2,)]) == b"\x01" + b"\0" * 7 + b"\x02"
    # An empty array of 8-aligned entries still pads to them after its length.
    assert marshal("a{sv}", [{}]) == b"\0\0\0\0" + b"\0" * 4
    assert marshal("s", ["ab"]) == b"\x02\0\0\0ab\0"
    assert marshal("v", [Variant("u", 7)]) == b"\x01u\0\0\x07\0\0\0"


def test_a_bind_call_reads_back_whole() -> None:
    shortcuts = [("toggle_focus", {"description": Variant("s", "Fokus: mulai"),
                                   "preferred_trigger": Variant("s", "CTRL+ALT+f")}),
                 ("switch", {"description": Variant("s", "Fokus: pindah proyek")})]
    msg = Message(METHOD_CALL, serial=7, destination="org.freedesktop.portal.Desktop",
                  path="/org/freedesktop/portal/desktop",
                  interface="org.freedesktop.portal.GlobalShortcuts", member="BindShortcuts",
                  signature="oa(sa{sv})sa{sv}",
                  body=["/org/freedesktop/portal/desktop/session/1_5/s", shortcuts, "",
                        {"handle_token": Variant("s", "t")}])
    data = encode(msg) + b"rest"
    decoded = decode(data)
    assert decoded is not None
    back, used = decoded
    assert data[used:] == b"rest"
    assert (back.type, back.serial, back.member, back.path, back.signature) == \
        (METHOD_CALL, 7, "BindShortcuts", msg.path, msg.signature)
    assert back.body == ["/org/freedesktop/portal/desktop/session/1_5/s", [
        ("toggle_focus", {"description": "Fokus: mulai", "preferred_trigger": "CTRL+ALT+f"}),
        ("switch", {"description": "Fokus: pindah proyek"})], "", {"handle_token": "t"}]
    assert decode(data[:used - 1]) is None  # not all of it has arrived yet


def test_an_activated_signal_reads_back() -> None:
    msg = Message(SIGNAL, serial=3, path="/org/freedesktop/portal/desktop",
                  interface="org.freedesktop.portal.GlobalShortcuts", member="Activated",
                  signature="osta{sv}", body=["/s", "interruption", 2**40, {}])
    decoded = decode(encode(msg))
    assert decoded is not None and decoded[0].body == ["/s", "interruption", 2**40, {}]


@pytest.mark.parametrize(("combo", "trigger"), [
    ("<ctrl>+<alt>+f", "CTRL+ALT+f"), ("<ctrl>+<shift>+<f5>", "CTRL+SHIFT+F5"),
    ("<cmd>+<space>", "LOGO+space"), ("<alt>+<ctrl>+i", "CTRL+ALT+i")])
def test_hotkeys_as_the_portal_writes_its_triggers(combo: str, trigger: str) -> None:
    assert portal_trigger(combo) == trigger
