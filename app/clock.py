"""Clocks. Everything in the core asks a Clock for the time, so tests can move it."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""

    def monotonic(self) -> float:
        """Seconds on a clock that never jumps (and does not run during suspend)."""

    def utc_offset_minutes(self, at: datetime) -> int:
        """The local UTC offset, in minutes, in force at the instant ``at``."""


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()

    def utc_offset_minutes(self, at: datetime) -> int:
        offset = at.astimezone().utcoffset()
        return int(offset.total_seconds() // 60) if offset is not None else 0


@dataclass
class FakeClock:
    """A clock that only moves when told to; for tests, demo data and benchmarks."""

    current: datetime = field(default_factory=lambda: datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    mono: float = 1000.0
    offset_minutes: int = 7 * 60  # Asia/Jakarta, where Fokus's first users are

    def now(self) -> datetime:
        return self.current

    def monotonic(self) -> float:
        return self.mono

    def utc_offset_minutes(self, at: datetime) -> int:
        return self.offset_minutes

    def advance(self, seconds: float) -> None:
        """Time passes with the machine awake: both clocks move."""
        self.current += timedelta(seconds=seconds)
        self.mono += seconds

    def sleep_machine(self, seconds: float) -> None:
        """The machine is suspended: wall time passes, the monotonic clock stands."""
        self.current += timedelta(seconds=seconds)


def as_utc(value: datetime) -> datetime:
    """SQLite gives naive datetimes back; everything stored is UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def to_local(value: datetime, offset_minutes: int) -> datetime:
    from datetime import timezone

    return as_utc(value).astimezone(timezone(timedelta(minutes=offset_minutes)))
