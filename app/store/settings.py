"""Every setting Fokus keeps, declared once: its key, type, default, allowed
values, label and help text. Everything else reads and writes settings through
these declarations (``Settings.get(LANGUAGE)``), never by a key string, so a
default or a range exists in exactly one place. The command line's
``fokus config`` and the Settings window are built from the same list.

Labels and help texts are marked with ``N_``: the command line translates them
with gettext, the Qt side with ``QCoreApplication.translate("Setting", …)``.

This module imports neither SQLModel nor Qt: the command line's fast path and
the tray's first paint can use it."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from app.domain import DEFAULT_MINUTES, MAX_MINUTES, MIN_MINUTES
from app.errors import ErrorCode, FokusError
from app.i18n import N_, _

if TYPE_CHECKING:
    from app.clock import SystemClock

log = logging.getLogger(__name__)
T = TypeVar("T")


class Kind(StrEnum):
    INT = "int"
    BOOL = "bool"
    CHOICE = "choice"
    TEXT = "text"
    PATH = "path"
    TIME = "time"  # "HH:MM"
    WEEKDAY_TIME = "weekday_time"  # "D HH:MM", Monday 0
    HOTKEY = "hotkey"  # pynput syntax, "<ctrl>+<alt>+f", or "" for none
    STRUCTURED = "structured"  # JSON edited in its own window (work model, matrix, rules)


class Scope(StrEnum):
    """Whether a setting follows the person to another machine or stays here."""

    PERSON = "person"
    MACHINE = "machine"


class SettingsBackend(Protocol):
    """What the declarations need of storage: JSON values by key."""

    def get_setting(self, key: str, default: Any = None) -> Any: ...

    def set_setting(self, key: str, value: Any) -> None: ...

    def delete_setting(self, key: str) -> None: ...


_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    kind: Kind
    default: T
    label: str
    help: str = ""
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    unit: str = ""
    scope: Scope = Scope.PERSON
    # Shown by ``fokus config list`` and settable there; internal state is not.
    public: bool = True
    check: Callable[[Any], str | None] | None = field(default=None, compare=False)

    # -- values --------------------------------------------------------------------

    def allowed(self) -> str:
        """The allowed values, for an error message and for ``config list``."""
        if self.kind is Kind.INT:
            return f"{self.minimum}–{self.maximum}"
        if self.kind is Kind.BOOL:
            return "on|off"
        if self.kind is Kind.CHOICE:
            return "|".join(self.choices)
        # The forms are words a person reads: in the language the front end speaks.
        if self.kind is Kind.TIME:
            return _("HH:MM")
        if self.kind is Kind.WEEKDAY_TIME:
            return _("D HH:MM (D: 0 Monday … 6 Sunday)")
        if self.kind is Kind.HOTKEY:
            return _("<ctrl>+<alt>+KEY, or empty for none")
        return ""

    def _invalid(self, value: Any) -> FokusError:
        return FokusError(ErrorCode.SETTING_INVALID, key=self.key, value=value,
                          allowed=self.allowed())

    def validate(self, value: Any) -> T:
        """``value`` as this setting's type, or FokusError(SETTING_INVALID)."""
        if not _FORM[self.kind](self, value):
            raise self._invalid(value)
        if self.check is not None:
            problem = self.check(value)
            if problem:
                raise FokusError(ErrorCode.SETTING_INVALID, key=self.key, value=value,
                                 allowed=problem)
        return value  # type: ignore[no-any-return]

    def parse(self, text: str) -> T:
        """A value typed on the command line, checked."""
        text = text.strip()
        if self.kind is Kind.INT:
            try:
                number = int(text)
            except ValueError:
                raise self._invalid(text) from None
            return self.validate(number)
        if self.kind is Kind.BOOL:
            truth = {"on": True, "true": True, "yes": True, "1": True,
                     "off": False, "false": False, "no": False, "0": False}
            if text.lower() not in truth:
                raise self._invalid(text)
            return self.validate(truth[text.lower()])
        if self.kind is Kind.STRUCTURED:
            try:
                return self.validate(json.loads(text))
            except json.JSONDecodeError:
                raise self._invalid(text) from None
        return self.validate(text)

    def to_text(self, value: Any) -> str:
        if self.kind is Kind.BOOL:
            return "on" if value else "off"
        if self.kind is Kind.STRUCTURED:
            return json.dumps(value, ensure_ascii=False, sort_keys=True)
        return str(value)


def _is_int_in_range(s: Setting[Any], v: Any) -> bool:
    return (isinstance(v, int) and not isinstance(v, bool) and s.minimum is not None
            and s.maximum is not None and s.minimum <= v <= s.maximum)


def _is_weekday_time(_s: Setting[Any], v: Any) -> bool:
    parts = v.split() if isinstance(v, str) else []
    return (len(parts) == 2 and len(parts[0]) == 1 and parts[0] in "0123456"
            and bool(_TIME.match(parts[1])))


def _is_line(_s: Setting[Any], v: Any) -> bool:
    return isinstance(v, str) and "\n" not in v


# What a valid value of each kind looks like (a check may add more).
_FORM: dict[Kind, Callable[[Setting[Any], Any], bool]] = {
    Kind.INT: _is_int_in_range,
    Kind.BOOL: lambda _s, v: isinstance(v, bool),
    Kind.CHOICE: lambda s, v: v in s.choices,
    Kind.TEXT: _is_line,
    Kind.PATH: _is_line,
    Kind.HOTKEY: _is_line,
    Kind.TIME: lambda _s, v: isinstance(v, str) and bool(_TIME.match(v)),
    Kind.WEEKDAY_TIME: _is_weekday_time,
    Kind.STRUCTURED: lambda _s, v: isinstance(v, dict | list),
}


def _hotkey_problem(value: Any) -> str | None:
    if not value:
        return None
    from app.platform.hotkeys import parse_combo

    try:
        parse_combo(str(value))
    except ValueError:
        return HOTKEY_TOGGLE_FOCUS.allowed()  # every hotkey has the same form
    return None


def _country_problem(value: Any) -> str | None:
    if not value:
        return None
    import holidays

    if str(value).upper() not in holidays.list_supported_countries():
        return _("a country code such as ID, MY or SG, or empty for none")
    return None


# -- the declarations ------------------------------------------------------------------

LANGUAGE: Setting[str] = Setting(
    "language", Kind.CHOICE, "system", N_("Language"),
    N_("The language of Fokus: system follows the desktop; en English; id Bahasa Indonesia."),
    choices=("system", "en", "id"))
FOCUS_MINUTES: Setting[int] = Setting(
    "focus_minutes", Kind.INT, DEFAULT_MINUTES, N_("Focus session length"),
    N_("The planned length of a focus session and of a planned deep-work block "
       "(Newport: 60–90 minutes)."), minimum=MIN_MINUTES, maximum=MAX_MINUTES, unit="min")
PROJECT_LIMIT: Setting[int] = Setting(
    "project_limit", Kind.INT, 2, N_("Projects per day"),
    N_("The planner keeps each day to at most this many projects."), minimum=1, maximum=10)
RESUMPTION_BUFFER_MINUTES: Setting[int] = Setting(
    "resumption_buffer_minutes", Kind.INT, 20, N_("Resumption buffer"),
    N_("Estimated minutes to get back into work after a context switch (Parnin & Rugaber "
       "2011: 10–15 minutes before the first edit is typical)."),
    minimum=0, maximum=120, unit="min")
IDLE_THRESHOLD_MINUTES: Setting[int] = Setting(
    "idle_threshold_minutes", Kind.INT, 5, N_("Idle after"),
    N_("Minutes without keyboard or mouse input after which a focus session pauses and "
       "Fokus asks what the time was."), minimum=1, maximum=120, unit="min",
    scope=Scope.MACHINE)
REFLECTION_TIME: Setting[str] = Setting(
    "reflection_time", Kind.TIME, "16:45", N_("Reflection time"),
    N_("When the end-of-day reflection is offered on work days."))
EXPORT_REMINDER: Setting[str] = Setting(
    "export_reminder", Kind.WEEKDAY_TIME, "4 16:30", N_("Weekly report reminder"),
    N_("When Fokus reminds you to export the weekly self-report (weekday, Monday 0, and "
       "time)."))
HOTKEY_TOGGLE_FOCUS: Setting[str] = Setting(
    "hotkey_toggle_focus", Kind.HOTKEY, "<ctrl>+<alt>+f", N_("Start or stop focus"),
    N_("Global shortcut that starts the planned focus session or stops the running one."),
    scope=Scope.MACHINE, check=_hotkey_problem)
HOTKEY_INTERRUPTION: Setting[str] = Setting(
    "hotkey_interruption", Kind.HOTKEY, "<ctrl>+<alt>+i", N_("Log an interruption"),
    N_("Global shortcut that logs an interruption."), scope=Scope.MACHINE,
    check=_hotkey_problem)
HOTKEY_SWITCH: Setting[str] = Setting(
    "hotkey_switch", Kind.HOTKEY, "<ctrl>+<alt>+s", N_("Switch project"),
    N_("Global shortcut that opens the project switcher."), scope=Scope.MACHINE,
    check=_hotkey_problem)
CALENDAR_PATH: Setting[str] = Setting(
    "calendar_path", Kind.PATH, "", N_("Calendar file"),
    N_("An .ics file that Fokus watches and imports when it changes; empty for none."),
    scope=Scope.MACHINE)
DISPLAY_NAME: Setting[str] = Setting(
    "display_name", Kind.TEXT, "", N_("Your name in reports"),
    N_("The name your PIC sees on the weekly self-report; empty to leave it out."))
EXPORT_FOLDER: Setting[str] = Setting(
    "export_folder", Kind.PATH, "", N_("Export folder"),
    N_("Where the weekly self-report is saved; empty for your home folder."),
    scope=Scope.MACHINE)
HOLIDAY_COUNTRY: Setting[str] = Setting(
    "holiday_country", Kind.TEXT, "ID", N_("Public holidays of"),
    N_("The country whose public holidays (and, for Indonesia, cuti bersama) are days off "
       "in the week plan, as a two-letter code; empty for none. A date exception in the "
       "work model still wins."), check=_country_problem)
MIN_DEEP_BLOCK_MINUTES: Setting[int] = Setting(
    "min_deep_block_minutes", Kind.INT, 45, N_("Shortest deep-work block"),
    N_("The planner places no deep-work block shorter than this: a shorter gap between "
       "meetings is too little to get into a hard problem."), minimum=15, maximum=180,
    unit="min")
AUTO_SWITCH: Setting[dict[str, Any] | None] = Setting(
    "auto_switch", Kind.STRUCTURED, None, N_("Automatic switch detection"),
    N_("Rules that match the window in front to a project (edited in Settings)."),
    scope=Scope.MACHINE, public=False)
WORK_MODEL: Setting[dict[str, Any] | None] = Setting(
    "work_model", Kind.STRUCTURED, None, N_("Hybrid work model"),
    N_("Office and remote days, hours and windows (edited in Settings)."), public=False)
ALLOCATION_MATRIX: Setting[dict[str, Any] | None] = Setting(
    "allocation_matrix", Kind.STRUCTURED, None, N_("Task allocation matrix"),
    N_("Where and when each task type is done best (edited in Settings)."), public=False)
DO_NOT_DISTURB: Setting[bool] = Setting(
    "do_not_disturb", Kind.BOOL, True, N_("Quiet while focusing"),
    N_("Hold the desktop's notification banners during a focus session and give them "
       "back after it (GNOME, XFCE, dunst); Fokus's own end-of-session notice still shows."))
DND_HELD: Setting[str] = Setting(
    "dnd_held", Kind.TEXT, "", N_("Banners held by"),
    N_("Which desktop's banners Fokus is holding, so they are given back after a crash."),
    scope=Scope.MACHINE, public=False)
GIT_SWITCHES: Setting[str] = Setting(
    "git_switches", Kind.CHOICE, "off", N_("Switches from git activity"),
    N_("A checkout, commit or save in a repository of another project than the current "
       "one: off ignores it; ask proposes a switch; auto logs the switch."),
    choices=("off", "ask", "auto"), scope=Scope.MACHINE)
GIT_STORE_NAMES: Setting[bool] = Setting(
    "git_store_names", Kind.BOOL, False, N_("Keep branch and file names"),
    N_("When leaving a project, keep its branch, last commit subject and the names of "
       "changed files for the where-you-stopped card (only in this computer's database, "
       "never file contents)."), scope=Scope.MACHINE)
DEEP_WINDOW_ANNOUNCED: Setting[str] = Setting(
    "deep_window_announced", Kind.TEXT, "", N_("Deep-work window announced"),
    N_("When the last announced no-meeting window ends, so a restart does not announce "
       "it again."), scope=Scope.MACHINE, public=False)
PERSON_ZONE: Setting[str] = Setting(
    "person_zone", Kind.TEXT, "", N_("Your time zone"),
    N_("The time zone the running Fokus keeps (by name, or an offset), so that a "
       "command line in another zone agrees on what today is."),
    scope=Scope.MACHINE, public=False)
FIRST_RUN_DONE: Setting[bool] = Setting(
    "first_run_done", Kind.BOOL, False, N_("Welcome guide done"), public=False)
REPORTER_ID: Setting[str] = Setting(
    "reporter_id", Kind.TEXT, "", N_("Anonymous reporter id"),
    N_("A random id that lets a team report count you once without your name."),
    public=False)


def _break_lengths_problem(value: Any) -> str | None:
    from app.focus.break_lengths import BreakLengths

    try:
        BreakLengths.parse(str(value))
    except ValueError:
        return _("steps of FOCUS:BREAK minutes, rising, then the break after longer "
                 "sessions: 25:5 50:8 90:10 15")
    return None


BREAKS: Setting[bool] = Setting(
    "breaks", Kind.BOOL, True, N_("Suggest breaks"),
    N_("After a focus session, suggest a break that fits the time focused; the next "
       "session never starts by itself."))
BREAK_LENGTHS: Setting[str] = Setting(
    "break_lengths", Kind.TEXT, "25:5 50:8 90:10 15", N_("Break lengths"),
    N_("Minutes of break after minutes of focus, Flowtime-like: 25:5 is a 5-minute break "
       "after up to 25 minutes of focus; the last number is the break after longer "
       "sessions."), check=_break_lengths_problem)
DAILY_DEEP_WORK_CAP: Setting[int] = Setting(
    "daily_deep_work_cap", Kind.INT, 240, N_("Daily deep-work cap"),
    N_("Focus minutes a day beyond which deep work stops paying off; going past it is "
       "shown, never blocked (4 hours: Newport, Deep Work, 2016, after Ericsson et al. "
       "1993 on deliberate practice)."), minimum=30, maximum=720, unit="min")
WEEKLY_DEEP_WORK_GOAL: Setting[int] = Setting(
    "weekly_deep_work_goal", Kind.INT, 0, N_("Weekly deep-work goal"),
    N_("Focus minutes to reach in a week; 0 takes the no-meeting windows of the week's "
       "remote (WFA) days from the work model."), minimum=0, maximum=100 * 60, unit="min")

SYNC_FOLDER: Setting[str] = Setting(
    "sync_folder", Kind.PATH, "", N_("Sync folder"),
    N_("A folder you already sync between your computers (Syncthing, Nextcloud, a share); "
       "Fokus keeps your history there, encrypted. Set with fokus sync setup."),
    scope=Scope.MACHINE, public=False)
SYNC_MACHINE_ID: Setting[str] = Setting(
    "sync_machine_id", Kind.TEXT, "", N_("This computer's sync id"),
    N_("A random id that names this computer's files in the sync folder."),
    scope=Scope.MACHINE, public=False)

ALL: tuple[Setting[Any], ...] = (
    LANGUAGE, FOCUS_MINUTES, PROJECT_LIMIT, RESUMPTION_BUFFER_MINUTES, IDLE_THRESHOLD_MINUTES,
    REFLECTION_TIME, EXPORT_REMINDER, HOTKEY_TOGGLE_FOCUS, HOTKEY_INTERRUPTION, HOTKEY_SWITCH,
    HOLIDAY_COUNTRY, MIN_DEEP_BLOCK_MINUTES, CALENDAR_PATH, DISPLAY_NAME, EXPORT_FOLDER,
    DO_NOT_DISTURB, AUTO_SWITCH, WORK_MODEL,
    ALLOCATION_MATRIX, FIRST_RUN_DONE, REPORTER_ID, DND_HELD, DEEP_WINDOW_ANNOUNCED,
    GIT_SWITCHES, GIT_STORE_NAMES, BREAKS, BREAK_LENGTHS,
    DAILY_DEEP_WORK_CAP, WEEKLY_DEEP_WORK_GOAL, PERSON_ZONE, SYNC_FOLDER, SYNC_MACHINE_ID,
)
BY_KEY: dict[str, Setting[Any]] = {s.key: s for s in ALL}
HOTKEYS: dict[str, Setting[str]] = {
    "toggle_focus": HOTKEY_TOGGLE_FOCUS,
    "interruption": HOTKEY_INTERRUPTION,
    "switch": HOTKEY_SWITCH,
}


def find(key: str) -> Setting[Any]:
    """The declaration for ``key``, or FokusError(UNKNOWN_SETTING)."""
    try:
        return BY_KEY[key]
    except KeyError:
        raise FokusError(ErrorCode.UNKNOWN_SETTING, key=key,
                         known=", ".join(s.key for s in ALL if s.public)) from None


class Settings:
    """Typed reads and checked writes of the declared settings."""

    def __init__(self, backend: SettingsBackend) -> None:
        self._backend = backend

    def get(self, setting: Setting[T]) -> T:
        """The stored value, or the default when none is stored or the stored one
        is not valid any more (an edited file, an older version's value)."""
        try:
            raw = self._backend.get_setting(setting.key, None)
        except ValueError:  # not JSON at all
            log.warning("setting %s cannot be read; using the default", setting.key)
            return setting.default
        if raw is None:
            return setting.default
        try:
            return setting.validate(raw)
        except FokusError:
            log.warning("setting %s holds an invalid value; using the default", setting.key)
            return setting.default

    def set(self, setting: Setting[T], value: T) -> T:
        checked = setting.validate(value)
        self._check_hotkeys_apart([(setting, checked)])
        self._backend.set_setting(setting.key, checked)
        return checked

    def set_all(self, values: Iterable[tuple[Setting[Any], Any]]) -> None:
        """Several settings at once: every value is checked before any is written,
        so one bad value leaves all of them as they were."""
        checked = [(setting, setting.validate(value)) for setting, value in values]
        self._check_hotkeys_apart(checked)
        for setting, value in checked:
            self._backend.set_setting(setting.key, value)

    def _check_hotkeys_apart(self, new: list[tuple[Setting[Any], Any]]) -> None:
        """Two shortcuts on one combination would both stop working: refuse it."""
        changing = {s.key: v for s, v in new if s.kind is Kind.HOTKEY}
        if not changing:
            return
        from app.platform.hotkeys import check_hotkeys

        combos = {s.key: changing.get(s.key, self.get(s)) for s in HOTKEYS.values()}
        problems = check_hotkeys(combos)
        for key, value in changing.items():
            if problems.get(key) == "duplicate":
                raise FokusError(ErrorCode.SETTING_INVALID, key=key, value=value,
                                 allowed=_("a combination no other Fokus shortcut uses"))

    def reset(self, setting: Setting[Any]) -> None:
        self._backend.delete_setting(setting.key)

    def is_default(self, setting: Setting[Any]) -> bool:
        return self._backend.get_setting(setting.key, None) is None

    def public(self) -> Iterator[tuple[Setting[Any], Any]]:
        for setting in ALL:
            if setting.public:
                yield setting, self.get(setting)

    def hotkeys(self) -> dict[str, str]:
        """Action name → combination ("" when turned off)."""
        return {action: self.get(s) for action, s in HOTKEYS.items()}


def stored_language(database: Path) -> str | None:
    """The language chosen in Settings, the welcome guide or ``fokus config``
    ("en", "id"), or None for the system's (also with no database yet).

    Read with the standard library's sqlite3, read-only: the tray needs it
    before any text exists and the command line before any output, and neither
    may wait for SQLModel to load for it."""
    if not database.exists():
        return None
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1)
        try:
            row = conn.execute("SELECT value FROM setting WHERE key = ?",
                               (LANGUAGE.key,)).fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        log.debug("stored language unreadable: %s", exc)
        return None  # the core says what is wrong with the file once it opens it
    try:
        language = json.loads(row[0]) if row else None
    except (TypeError, ValueError):
        return None
    if language not in LANGUAGE.choices or language == "system":
        return None
    return str(language)


def person_clock(store: SettingsBackend) -> SystemClock:
    """The system clock in the person's zone as the running Fokus last kept it
    (``PERSON_ZONE``), else the machine's: the command line's "today" is the
    tray's, whatever ``TZ`` a terminal has."""
    from app.clock import SystemClock, zone_named

    try:
        zone = zone_named(Settings(store).get(PERSON_ZONE))
    except FokusError:
        zone = None
    return SystemClock(zone)
