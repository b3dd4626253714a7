"""Clocks. Everything in the core asks a Clock for the time, so tests can move it."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""

    def monotonic(self) -> float:
        """Seconds on a clock that never jumps (and does not run during suspend)."""

    def utc_offset_minutes(self, at: datetime) -> int:
        """The local UTC offset, in minutes, in force at the instant ``at``."""

    def zone(self) -> tzinfo:
        """The local time zone, for turning wall-clock plans into instants."""


def system_zone() -> tzinfo:
    """The machine's zone by name where it can be found (so daylight-saving
    changes are right for future dates), else its current fixed offset."""
    import os
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    candidates = [os.environ.get("TZ", "").lstrip(":")]
    if candidates[0] and not _zone_exists(candidates[0]):
        # A POSIX rule ("WIB-7") rather than a name: it overrides /etc/localtime
        # for this process, and the C library has read it; its offset now.
        return datetime.now().astimezone().tzinfo or UTC
    try:
        link = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in link:
            candidates.append(link.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for name in candidates:
        if name:
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return datetime.now().astimezone().tzinfo or UTC


def _zone_exists(name: str) -> bool:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def zone_name(zone: tzinfo) -> str:
    """A zone as text to keep: its name where it has one (Asia/Jakarta), else
    its fixed offset in minutes ("+420")."""
    key = getattr(zone, "key", None)
    if isinstance(key, str) and key:
        return key
    offset = datetime.now(UTC).astimezone(zone).utcoffset()
    return f"{int(offset.total_seconds() // 60) if offset is not None else 0:+d}"


def zone_named(text: str) -> tzinfo | None:
    """The zone ``zone_name`` wrote, or None when the text is not one."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not text:
        return None
    if text[0] in "+-" and text[1:].isdigit():
        minutes = int(text)
        return timezone(timedelta(minutes=minutes)) if abs(minutes) < 24 * 60 else None
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        return None


class SystemClock:
    """The machine's clocks; its zone is the machine's, or ``zone`` when given
    (the person's, as the tray keeps it: a terminal with another TZ still agrees
    with the tray on what "today" is)."""

    def __init__(self, zone: tzinfo | None = None) -> None:
        self._zone = zone

    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()

    def utc_offset_minutes(self, at: datetime) -> int:
        offset = at.astimezone(self.zone()).utcoffset()
        return int(offset.total_seconds() // 60) if offset is not None else 0

    def zone(self) -> tzinfo:
        if self._zone is None:
            self._zone = system_zone()
        return self._zone


@dataclass
class FakeClock:
    """A clock that only moves when told to; for tests, demo data and benchmarks.

    Moving ``current`` (or ``advance``) is time passing with the machine awake:
    the monotonic clock follows. ``sleep_machine`` and ``set_wall`` move the
    wall clock alone, as a suspend or a clock change does."""

    current: datetime = field(default_factory=lambda: datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    mono: float = 1000.0
    offset_minutes: int = 7 * 60  # Asia/Jakarta, where Fokus's first users are
    # Seconds the wall clock moved without the monotonic one (sleeps, clock sets).
    wall_only: float = 0.0
    _origin: datetime | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._origin = self.current

    def now(self) -> datetime:
        return self.current

    def monotonic(self) -> float:
        assert self._origin is not None
        return self.mono + (self.current - self._origin).total_seconds() - self.wall_only

    def utc_offset_minutes(self, at: datetime) -> int:
        return self.offset_minutes

    def zone(self) -> tzinfo:
        return timezone(timedelta(minutes=self.offset_minutes))

    def advance(self, seconds: float) -> None:
        """Time passes with the machine awake: both clocks move."""
        self.current += timedelta(seconds=seconds)

    def sleep_machine(self, seconds: float) -> None:
        """The machine is suspended: wall time passes, the monotonic clock stands."""
        self.set_wall(seconds)

    def set_wall(self, seconds: float) -> None:
        """The wall clock alone moves (negative: someone set it back)."""
        self.current += timedelta(seconds=seconds)
        self.wall_only += seconds


def as_utc(value: datetime) -> datetime:
    """SQLite gives naive datetimes back; everything stored is UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def to_local(value: datetime, offset_minutes: int) -> datetime:
    return as_utc(value).astimezone(timezone(timedelta(minutes=offset_minutes)))


class SleepDetector:
    """Notices that the machine slept: the wall clock moved further than the
    monotonic clock, which stands still during suspend (Vorta's checkForResume
    does the same)."""

    def __init__(self, clock: Clock, tolerance_seconds: float = 30.0) -> None:
        self.clock = clock
        self.tolerance = tolerance_seconds
        self._wall = clock.now()
        self._mono = clock.monotonic()

    def check(self) -> tuple[datetime, float] | None:
        """(the last moment the machine was awake, seconds asleep), or None."""
        wall, mono = self.clock.now(), self.clock.monotonic()
        awake = mono - self._mono
        gap = (wall - self._wall).total_seconds() - awake
        last_awake = self._wall + timedelta(seconds=max(0.0, awake))
        self._wall, self._mono = wall, mono
        if gap > self.tolerance:
            return last_awake, gap
        return None
