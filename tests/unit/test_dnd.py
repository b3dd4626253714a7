"""Do-not-disturb while focusing: held only when Fokus took it, given back
after the session, after Quit and after a crash, never against the person's
own choice."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from app.platform import dnd
from app.store import settings as S
from app.store.engine import Store


class FakeDesktop:
    name = "fake"

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet
        self.calls: list[bool] = []

    def is_quiet(self) -> bool:
        return self.quiet

    def set_quiet(self, quiet: bool) -> None:
        self.calls.append(quiet)
        self.quiet = quiet


def test_held_while_focusing_and_given_back(store: Store) -> None:
    desktop = FakeDesktop()
    quiet = dnd.DoNotDisturb(S.Settings(store), lambda: desktop)
    quiet.follow(focusing=True)
    assert desktop.quiet and quiet.holding
    quiet.follow(focusing=True)  # every refresh: no second call
    assert desktop.calls == [True]
    quiet.follow(focusing=False)
    assert not desktop.quiet and not quiet.holding
    assert desktop.calls == [True, False]


def test_the_persons_own_quiet_is_left_alone(store: Store) -> None:
    desktop = FakeDesktop(quiet=True)
    quiet = dnd.DoNotDisturb(S.Settings(store), lambda: desktop)
    quiet.follow(focusing=True)
    quiet.follow(focusing=False)
    assert desktop.quiet and desktop.calls == []  # theirs, not ours to undo


def test_a_crash_is_mended_on_the_next_start(store: Store) -> None:
    desktop = FakeDesktop()
    dnd.DoNotDisturb(S.Settings(store), lambda: desktop).follow(focusing=True)
    # The process dies here; a new one starts with the same data.
    after = dnd.DoNotDisturb(S.Settings(store), lambda: desktop)
    after.release()
    assert not desktop.quiet and not after.holding


def test_turned_off_in_settings_it_never_touches_the_desktop(store: Store) -> None:
    settings = S.Settings(store)
    settings.set(S.DO_NOT_DISTURB, False)
    desktop = FakeDesktop()
    dnd.DoNotDisturb(settings, lambda: desktop).follow(focusing=True)
    assert desktop.calls == []


def test_no_desktop_means_no_change(store: Store) -> None:
    quiet = dnd.DoNotDisturb(S.Settings(store), lambda: None)
    quiet.follow(focusing=True)
    assert quiet.backend == "unavailable" and not quiet.holding


@pytest.mark.parametrize(("desktop", "expected"), [
    ("GNOME", "gnome-show-banners"), ("ubuntu:GNOME", "gnome-show-banners"),
    ("XFCE", "xfce-notifyd"), ("KDE", None),
])
def test_each_desktop_gets_its_own_adapter(monkeypatch: pytest.MonkeyPatch, desktop: str,
                                           expected: str | None) -> None:
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", desktop)
    commands: list[list[str]] = []

    def runner(argv: Sequence[str]) -> str:
        commands.append(list(argv))
        return "true" if argv[0] == "gsettings" else "false"

    adapters = (lambda: dnd.GnomeBanners(runner), lambda: dnd.XfceDoNotDisturb(runner))
    found = dnd.best_quieter(adapters)
    assert (found.name if found else None) == expected
    if found is not None:
        found.set_quiet(True)
        assert commands[-1][-1] in ("false", "true")
        if expected == "gnome-show-banners":
            assert commands[-1] == ["gsettings", "set", "org.gnome.desktop.notifications",
                                    "show-banners", "false"]
