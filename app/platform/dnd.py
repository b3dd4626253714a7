"""Do-not-disturb while focusing: the desktop's notification banners are held
during a focus session and given back after it, after Quit, and after a crash.

One adapter per desktop, each saying in its constructor that it is unavailable
so the next is tried (as the idle and notification adapters do):
GNOME (``org.gnome.desktop.notifications show-banners``), XFCE
(``xfconf-query -c xfce4-notifyd -p /do-not-disturb``) and dunst
(``dunstctl set-paused``). Fokus only gives back what it took: if the person
had turned banners off themselves, Fokus leaves them off.

Which adapter holds the desktop is kept in the settings (``DND_HELD``), so a
Fokus that ended without giving it back (a crash, a power cut) does so on its
next start."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from collections.abc import Callable, Sequence
from typing import Protocol

from app.store.settings import DND_HELD, DO_NOT_DISTURB, Settings

log = logging.getLogger(__name__)
TIMEOUT = 3.0

Runner = Callable[[Sequence[str]], str]


class Unavailable(Exception):
    pass


def run(argv: Sequence[str]) -> str:
    """Run a desktop's command-line tool; its output, or Unavailable."""
    try:
        done = subprocess.run(list(argv), capture_output=True, text=True, timeout=TIMEOUT,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise Unavailable(f"{argv[0]}: {exc}") from exc
    if done.returncode != 0:
        raise Unavailable(f"{argv[0]}: {done.stderr.strip() or done.returncode}")
    return done.stdout.strip()


class Quieter(Protocol):
    name: str

    def is_quiet(self) -> bool: ...

    def set_quiet(self, quiet: bool) -> None: ...


class GnomeBanners:
    """GNOME Shell: banners off; notifications still reach the message tray."""

    name = "gnome-show-banners"
    SCHEMA = "org.gnome.desktop.notifications"

    def __init__(self, runner: Runner = run) -> None:
        if "GNOME" not in os.environ.get("XDG_CURRENT_DESKTOP", "").upper().split(":"):
            raise Unavailable("not a GNOME session")
        if runner is run and not shutil.which("gsettings"):
            raise Unavailable("gsettings is not installed")
        self._run = runner
        self.is_quiet()

    def is_quiet(self) -> bool:
        return self._run(["gsettings", "get", self.SCHEMA, "show-banners"]) == "false"

    def set_quiet(self, quiet: bool) -> None:
        self._run(["gsettings", "set", self.SCHEMA, "show-banners",
                   "false" if quiet else "true"])


class XfceDoNotDisturb:
    name = "xfce-notifyd"

    def __init__(self, runner: Runner = run) -> None:
        if "XFCE" not in os.environ.get("XDG_CURRENT_DESKTOP", "").upper().split(":"):
            raise Unavailable("not an XFCE session")
        if runner is run and not shutil.which("xfconf-query"):
            raise Unavailable("xfconf-query is not installed")
        self._run = runner
        self.is_quiet()

    def is_quiet(self) -> bool:
        try:
            return self._run(["xfconf-query", "-c", "xfce4-notifyd", "-p",
                              "/do-not-disturb"]) == "true"
        except Unavailable:
            return False  # never set: banners show

    def set_quiet(self, quiet: bool) -> None:
        self._run(["xfconf-query", "-c", "xfce4-notifyd", "-p", "/do-not-disturb", "-n",
                   "-t", "bool", "-s", "true" if quiet else "false"])


class DunstPaused:
    """dunst holds notifications while paused and shows them when resumed."""

    name = "dunst"

    def __init__(self, runner: Runner = run) -> None:
        if runner is run and not shutil.which("dunstctl"):
            raise Unavailable("dunstctl is not installed")
        self._run = runner
        self.is_quiet()  # raises when no dunst answers on this session bus

    def is_quiet(self) -> bool:
        return self._run(["dunstctl", "is-paused"]) == "true"

    def set_quiet(self, quiet: bool) -> None:
        self._run(["dunstctl", "set-paused", "true" if quiet else "false"])


ADAPTERS: tuple[Callable[[], Quieter], ...] = (GnomeBanners, XfceDoNotDisturb, DunstPaused)


def best_quieter(adapters: Sequence[Callable[[], Quieter]] = ADAPTERS) -> Quieter | None:
    for make in adapters:
        try:
            quieter = make()
        except Unavailable as why:
            log.info("do-not-disturb through %s: %s", getattr(make, "__name__", make), why)
            continue
        log.info("do-not-disturb through %s", quieter.name)
        return quieter
    return None


class DoNotDisturb:
    """Holds the desktop quiet while a session is focusing, and only then."""

    def __init__(self, settings: Settings,
                 find: Callable[[], Quieter | None] = best_quieter) -> None:
        self._settings = settings
        self._find = find
        self._quieter: Quieter | None = None
        self._looked = False

    @property
    def backend(self) -> str:
        """The adapter's name, or "unavailable"."""
        quieter = self._adapter()
        return quieter.name if quieter else "unavailable"

    @property
    def holding(self) -> bool:
        return bool(self._settings.get(DND_HELD))

    def _adapter(self) -> Quieter | None:
        if not self._looked:
            self._looked = True
            self._quieter = self._find()
        return self._quieter

    def follow(self, focusing: bool) -> None:
        """Hold the desktop quiet while focusing (if the person wants it), give
        it back otherwise. Cheap when nothing changes."""
        if focusing and self._settings.get(DO_NOT_DISTURB):
            self.hold()
        else:
            self.release()

    def hold(self) -> None:
        if self.holding:
            return
        quieter = self._adapter()
        if quieter is None:
            return
        try:
            if quieter.is_quiet():
                return  # quiet already, by the person's own choice: not ours to undo
            quieter.set_quiet(True)
        except Unavailable as why:
            log.warning("do-not-disturb not set: %s", why)
            return
        self._settings.set(DND_HELD, quieter.name)
        log.info("notification banners held (%s)", quieter.name)

    def release(self) -> None:
        """Give back what Fokus took, also after a crash (from the settings)."""
        held = self._settings.get(DND_HELD)
        if not held:
            return
        quieter = self._adapter()
        if quieter is not None and quieter.name == held:
            try:
                quieter.set_quiet(False)
            except Unavailable as why:
                log.warning("do-not-disturb not given back: %s", why)
                return
            log.info("notification banners given back (%s)", held)
        else:
            log.warning("do-not-disturb held through %s, which is not here now", held)
        self._settings.reset(DND_HELD)
