"""``fokus doctor``'s decisions, for each kind of desktop, from the facts alone."""

from __future__ import annotations

import json

import pytest

from app.platform.doctor import (
    MUTTER_IDLE,
    NOTIFICATIONS,
    SCREENSAVER,
    SNI_WATCHER,
    Facts,
    diagnose,
    parse_bus_names,
    report,
    text,
)

GNOME_WAYLAND = Facts(wayland_display="wayland-0", session_type="wayland", desktop="ubuntu:GNOME",
                      bus_names=frozenset({SNI_WATCHER, MUTTER_IDLE, NOTIFICATIONS}),
                      notify_tool=True)
KDE_WAYLAND = Facts(wayland_display="wayland-0", session_type="wayland", desktop="KDE",
                    bus_names=frozenset({SNI_WATCHER, SCREENSAVER, NOTIFICATIONS}),
                    notify_tool=True)
X11_TRAYER = Facts(display=":1", session_type="x11", bus_names=frozenset({NOTIFICATIONS}),
                   xembed_tray=True, x11_idle=True, notify_tool=True)


def test_gnome_on_wayland_with_the_appindicator_extension() -> None:
    d = diagnose(GNOME_WAYLAND)
    assert d.ok
    assert (d.get("tray").backend, d.get("tray").works) == ("status-notifier", True)
    assert d.get("idle").backend == "wayland-mutter-idle-monitor"
    assert d.get("notifications").backend == NOTIFICATIONS and d.get("notifications").works
    hotkeys = d.get("hotkeys")
    assert not hotkeys.works and hotkeys.fix and "Custom Shortcuts" in hotkeys.fix
    assert not d.get("active-window").works
    assert "the tray may not be shown" not in text(d)


def test_gnome_without_the_extension_says_what_to_install() -> None:
    d = diagnose(Facts(wayland_display="wayland-0", desktop="GNOME",
                       bus_names=frozenset({MUTTER_IDLE, NOTIFICATIONS}), notify_tool=True))
    tray = d.get("tray")
    assert not tray.works and tray.backend is None
    assert tray.fix and "gnome-shell-extension-appindicator" in tray.fix
    assert d.ok  # Fokus still runs, in its window


def test_kde_and_others_report_idle_through_the_screensaver_service() -> None:
    d = diagnose(KDE_WAYLAND)
    assert d.get("idle").backend == "wayland-screensaver" and d.get("idle").works
    assert "Custom Shortcuts" not in (d.get("hotkeys").fix or "")


def test_x11_with_an_xembed_tray() -> None:
    d = diagnose(X11_TRAYER)
    assert d.get("tray").backend == "xembed"
    assert d.get("idle").backend == "x11-screensaver"
    assert d.get("hotkeys").backend == "x11-grab" and d.get("hotkeys").works
    assert d.get("active-window").backend == "x11"
    assert all(c.works for c in d.checks)


def test_a_status_notifier_watcher_wins_over_xembed_under_xwayland() -> None:
    d = diagnose(Facts(display=":0", wayland_display="wayland-0", session_type="wayland",
                       bus_names=frozenset({SNI_WATCHER}), xembed_tray=True))
    assert d.get("tray").backend == "status-notifier"
    assert "Xwayland" in d.get("display").detail


def test_no_display_and_missing_libraries_block_the_tray_app() -> None:
    d = diagnose(Facts())
    assert not d.ok and d.get("display").blocking and not d.get("display").works
    d = diagnose(Facts(display=":0", missing_libraries=("libxcb-cursor0",)))
    assert not d.ok
    assert "sudo apt-get install libxcb-cursor0" in (d.get("qt").fix or "")


@pytest.mark.parametrize(("facts", "backend", "fix"), [
    (Facts(display=":0", bus_names=frozenset()), "log", "dunst"),
    (Facts(display=":0", xembed_tray=True, bus_names=frozenset()), "tray", "dunst"),
    (Facts(display=":0", bus_names=frozenset({NOTIFICATIONS})), "tray", "libnotify-bin"),
])
def test_notifications_without_a_server_or_a_way_to_reach_it(facts: Facts, backend: str,
                                                             fix: str) -> None:
    check = diagnose(facts).get("notifications")
    assert not check.works and check.backend == backend and fix in (check.fix or "")


def test_an_unreadable_session_bus_finds_no_watcher() -> None:
    d = diagnose(Facts(wayland_display="wayland-0", bus_names=None))
    assert not d.get("tray").works and not d.get("idle").works


def test_windows_and_macos_use_their_own_back_ends() -> None:
    win = diagnose(Facts(platform="win32"))
    assert win.ok and win.get("idle").backend == "windows-getlastinputinfo"
    assert win.get("active-window").backend == "windows"
    mac = diagnose(Facts(platform="darwin"))
    assert mac.get("idle").backend == "macos-coregraphics" and mac.get("hotkeys").works


def test_bus_names_from_gdbus_and_dbus_send() -> None:
    gdbus = "(['org.freedesktop.DBus', ':1.4', 'org.kde.StatusNotifierWatcher'],)\n"
    assert SNI_WATCHER in parse_bus_names(gdbus) and ":1.4" in parse_bus_names(gdbus)
    dbus_send = 'method return\n   array [\n      string "org.freedesktop.Notifications"\n   ]\n'
    assert parse_bus_names(dbus_send) == {NOTIFICATIONS}


def test_report_prints_json_with_every_check(monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("app.platform.doctor.probe", lambda: GNOME_WAYLAND)
    assert report(as_json=True) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is True
    assert [c["name"] for c in out["checks"]] == [
        "display", "qt", "tray", "idle", "hotkeys", "notifications", "active-window"]
    assert report() == 0
    assert "Tray: works [status-notifier]" in capsys.readouterr().out


def test_gnome_shortcuts_fokus_added_count_as_working_hotkeys() -> None:
    from dataclasses import replace

    hotkeys = diagnose(GNOME_WAYLAND).get("hotkeys")
    assert "Add to GNOME's keyboard shortcuts" in (hotkeys.fix or "")
    d = diagnose(replace(GNOME_WAYLAND, gnome_shortcuts=("<Control><Alt>f", "<Control><Alt>i")))
    hotkeys = d.get("hotkeys")
    assert (hotkeys.backend, hotkeys.works) == ("gnome-custom-shortcuts", True)
    assert "<Control><Alt>f" in hotkeys.detail and hotkeys.fix is None


def test_the_global_shortcuts_portal_comes_first_on_wayland() -> None:
    """GNOME 45+ and KDE Plasma 5.27+ bind the hotkeys through the portal; GNOME's
    custom shortcuts are the fallback, and X11 grabs the keys as before."""
    from dataclasses import replace

    for desktop in (KDE_WAYLAND, replace(GNOME_WAYLAND, gnome_shortcuts=("<Control><Alt>f",))):
        hotkeys = diagnose(replace(desktop, portal_shortcuts=True)).get("hotkeys")
        assert (hotkeys.backend, hotkeys.works) == ("xdg-portal-global-shortcuts", True)
        assert "GlobalShortcuts" in hotkeys.detail
    assert diagnose(KDE_WAYLAND).get("hotkeys").backend is None  # Plasma before 5.27
    assert diagnose(replace(X11_TRAYER, portal_shortcuts=True)).get("hotkeys").backend == \
        "x11-grab"
