"""A person using Fokus for a week: the real tray under Xvfb on a wall clock
the story sets (tests/helpers/wallclock.py), driven with real keys and clicks,
and what that person sees: window titles, notifications, the tray menu (as a
screenshot), and the command line.

Each method is named for what the person does or sees, so a test reads as the
week it tells."""

from __future__ import annotations

import json
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from tests.helpers.tray import Fokus
from tests.helpers.wallclock import WallClock
from tests.helpers.x11 import X11Session, wait_for

MENU_KEYS = {"Down", "Up", "Right", "Left", "Return", "Escape"}


@dataclass(frozen=True)
class Notice:
    summary: str
    body: str


class WeekUser:
    """One person, one data directory, one wall clock, one desktop."""

    def __init__(self, x11: X11Session, home: Path, clock: WallClock,
                 shots: Path) -> None:
        self.x11 = x11
        self.clock = clock
        self.home = home
        self.shots = shots
        shots.mkdir(parents=True, exist_ok=True)
        for old in shots.glob("*.png"):
            old.unlink()
        self.fokus = Fokus(x11, home / "data", HOME=str(home), LANG="en_US.UTF-8",
                           XDG_CONFIG_HOME=str(home / ".config"),
                           XDG_DATA_HOME=str(home / ".local" / "share"), **clock.env())
        for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "FOKUS_LANG"):
            self.fokus.env.pop(name, None)
        self._seen: set[int] = set()
        self._shot = 0

    # -- the day's frame --------------------------------------------------------------

    def clock_reads(self, local: str) -> None:
        """The wall clock of every Fokus process now reads ``local`` (story's zone)."""
        self.clock.set(local)

    def user_starts_fokus(self, idle_seconds: int | None = None) -> None:
        """Fokus starts at login: its icon in the tray, its socket answering.
        ``idle_seconds`` shortens the idle threshold for this run of the tray."""
        if self.fokus.proc is not None and self.fokus.proc.poll() is None:
            self.fokus.stop_tray()  # a day that failed half-way left it running
        self.fokus.env.pop("FOKUS_IDLE_SECONDS", None)
        if idle_seconds is not None:
            self.fokus.env["FOKUS_IDLE_SECONDS"] = str(idle_seconds)
        self.fokus.start_tray()
        self.fokus.icon()
        self.fokus.ready()

    def begins_the_day(self, local: str, idle_seconds: int | None = None) -> None:
        """A morning: the clock reads ``local`` and Fokus starts at login."""
        if self.fokus.proc is not None and self.fokus.proc.poll() is None:
            self.fokus.stop_tray()
        self.clock_reads(local)
        self.user_starts_fokus(idle_seconds)

    def user_quits_fokus(self) -> None:
        self.fokus.stop_tray()

    def log(self) -> str:
        path = self.fokus.data_dir / "logs" / "fokus.log"
        return path.read_text() if path.exists() else ""

    def wait_for_log(self, text: str, timeout: float = 15.0) -> None:
        wait_for(lambda: text in self.log(), timeout=timeout, what=f"{text!r} in the log")

    # -- what the user sees -------------------------------------------------------------

    def windows_titled(self, title: str) -> list[str]:
        """Visible windows whose title matches ``title`` (a regular expression)."""
        return self.x11.run("xdotool", "search", "--onlyvisible", "--name", title,
                            check=False).split()

    def sees_window(self, title: str, timeout: float = 15.0) -> str:
        found = wait_for(lambda: self.windows_titled(title), timeout=timeout,
                         what=f"a window titled {title!r}")
        assert isinstance(found, list)
        return found[0]

    def window_title(self, wid: str) -> str:
        return self.x11.run("xdotool", "getwindowname", wid, check=False).strip()

    def no_window(self, title: str) -> bool:
        return not self.windows_titled(title)

    def notices(self) -> list[Notice]:
        """Notifications the desktop showed since the last look (dunst's history)."""
        self.x11.run("dunstctl", "close-all", check=False)
        time.sleep(0.2)
        data = json.loads(self.x11.run("dunstctl", "history"))
        new = []
        for group in data["data"]:
            for n in group:
                nid = n["id"]["data"]
                if nid in self._seen:
                    continue
                self._seen.add(nid)
                if n["appname"]["data"] == "Fokus":
                    new.append(Notice(n["summary"]["data"], n["body"]["data"]))
        return new

    def sees_notice(self, summary: str, timeout: float = 15.0,
                    shot: str | None = None) -> Notice:
        """Waits for a notification whose summary contains ``summary``; with
        ``shot``, a screenshot of the first banner on screen before it is read."""
        seen: list[Notice] = []

        banner = self.shots / ".banner.png"

        def found() -> Notice | None:
            shown = False
            if shot is not None and self.notices_count("displayed") > 0:
                time.sleep(0.3)  # let it finish drawing
                self.x11.screenshot(banner)
                shown = True
            new = self.notices()
            seen.extend(new)
            match = next((n for n in seen if summary in n.summary), None)
            if match is not None and shot is not None and shown and match in new:
                self._shot += 1
                banner.rename(self.shots / f"{self._shot:02d}-{shot}.png")
            return match

        try:
            notice = wait_for(found, timeout=timeout, what=f"a notification {summary!r}")
        except AssertionError as err:
            raise AssertionError(f"{err}; shown instead: {seen}") from None
        assert isinstance(notice, Notice)
        return notice

    def desktop_is_quiet(self) -> bool:
        """Does the notification daemon hold banners back (do-not-disturb)?"""
        return self.x11.run("dunstctl", "is-paused").strip() == "true"

    def notices_count(self, which: str) -> int:
        """How many notifications are "displayed" or "waiting" (held back)."""
        count = self.x11.run("dunstctl", "count", which, check=False).strip()
        return int(count) if count.isdigit() else 0

    def screenshot(self, name: str) -> Path:
        self._shot += 1
        return self.x11.screenshot(self.shots / f"{self._shot:02d}-{name}.png")

    # -- the tray -------------------------------------------------------------------------

    def user_opens_tray_menu(self) -> None:
        x, y, w, h = self.fokus.icon()
        before = self.x11.screenshot(self.shots / ".before-menu.png").read_bytes()
        self.x11.click(x + w // 2, y + h // 2, button=3)
        wait_for(lambda: self.x11.screenshot(self.shots / ".menu.png").read_bytes() != before,
                 what="the tray menu to open")
        time.sleep(0.3)  # let it finish painting

    def user_picks_from_menu(self, *keys: str) -> None:
        """Arrow keys and Return in the open menu (disabled entries are passed over)."""
        assert set(keys) <= MENU_KEYS, keys
        self.x11.keys(*keys)

    def user_opens_window_from_menu(self, entries_from_bottom: int, title: str) -> str:
        """A window entry of the tray menu, counted from its end (Keluar dari Fokus
        is 1), so that entries added above it elsewhere do not move it."""
        self.user_opens_tray_menu()
        self.user_picks_from_menu(*["Up"] * entries_from_bottom, "Return")
        return self.sees_window(title)

    def user_closes_window(self, wid: str) -> None:
        """The window's close button, as a window manager sends it (WM_DELETE_WINDOW)."""
        from Xlib import X
        from Xlib import display as xdisplay
        from Xlib.protocol import event

        d = xdisplay.Display(self.x11.display)
        try:
            target = d.create_resource_object("window", int(wid))
            message = event.ClientMessage(
                window=target, client_type=d.intern_atom("WM_PROTOCOLS"),
                data=(32, [d.intern_atom("WM_DELETE_WINDOW"), X.CurrentTime, 0, 0, 0]))
            target.send_event(message, event_mask=X.NoEventMask)
            d.flush()
        finally:
            d.close()

    def sees_window_close(self, title: str, wid: str, timeout: float = 15.0) -> None:
        """The window ``wid`` (titled ``title``) leaves the screen after its close
        button; if it does not, says which windows of that title are still shown."""
        try:
            wait_for(lambda: self.no_window(title), timeout=timeout,
                     what=f"the window {title!r} to close")
        except AssertionError as err:
            shown = self.windows_titled(title)
            raise AssertionError(
                f"{err}: closed {wid}, shown now {shown} "
                f"({'the same window' if wid in shown else 'another window'})") from None

    def user_closes_menu(self) -> None:
        self.x11.keys("Escape", "Escape", "Escape")

    # -- the keyboard ----------------------------------------------------------------------

    def user_focuses(self, wid: str) -> None:
        self.x11.run("xdotool", "windowactivate", "--sync", wid, check=False)
        self.x11.run("xdotool", "windowfocus", "--sync", wid, check=False)
        time.sleep(0.2)

    def user_clicks_in(self, wid: str, dx: int, dy: int) -> None:
        """A click at (dx, dy) from the window's top-left corner."""
        geometry = self.x11.run("xdotool", "getwindowgeometry", wid)
        x, y = (int(v) for v in geometry.split("Position: ")[1].split()[0].split(","))
        self.x11.click(x + dx, y + dy)
        time.sleep(0.2)

    def user_types(self, text: str) -> None:
        self.x11.run("xdotool", "type", "--delay", "30", text)

    def user_presses(self, *keys: str) -> None:
        self.x11.keys(*keys)

    def user_presses_hotkey(self, combo: str) -> None:
        self.x11.run("xdotool", "key", combo)

    def user_moves_the_mouse(self, x: int = 640, y: int = 600) -> None:
        self.x11.run("xdotool", "mousemove", str(x), str(y))

    # -- the command line -------------------------------------------------------------------

    def cli(self, *args: str, tz: str | None = None) -> subprocess.CompletedProcess[str]:
        """``fokus ARGS`` in a terminal on the same machine (optionally in another zone)."""
        if tz is None:
            return self.fokus.cli(*args)
        saved = self.fokus.env["TZ"]
        self.fokus.env["TZ"] = tz
        try:
            return self.fokus.cli(*args)
        finally:
            self.fokus.env["TZ"] = saved

    def cli_ok(self, *args: str, tz: str | None = None) -> str:
        result = self.cli(*args, tz=tz)
        assert result.returncode == 0, (args, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr, result.stderr
        return result.stdout

    def cli_json(self, *args: str, tz: str | None = None) -> dict[str, object]:
        data: dict[str, object] = json.loads(self.cli_ok(*args, "--json", tz=tz))
        return data

    @staticmethod
    def fokus_bin() -> str:
        from tests.helpers.cli import venv_bin

        return venv_bin("fokus")

    def status(self) -> dict[str, object]:
        return self.cli_json("status")

    def state(self) -> str:
        return str(self.status()["state"])
