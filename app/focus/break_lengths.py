"""The ``break_lengths`` setting's form: break minutes by focused minutes,
``"25:5 50:8 90:10 15"``. Its own module, free of the store, so the setting's
declaration can check a value without importing the breaks."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BreakLengths:
    """Break minutes by focused minutes: ``steps`` of (up to, break), then ``longer``."""

    steps: tuple[tuple[int, int], ...]
    longer: int

    @classmethod
    def parse(cls, text: str) -> BreakLengths:
        """``"25:5 50:8 90:10 15"``; ValueError when it is not that form."""
        parts = text.replace(",", " ").split()
        if not parts or ":" in parts[-1]:
            raise ValueError(text)
        steps: list[tuple[int, int]] = []
        for part in parts[:-1]:
            focus, sep, rest = part.partition(":")
            if not sep:
                raise ValueError(text)
            steps.append((int(focus), int(rest)))
        longer = int(parts[-1])
        limits = [f for f, _b in steps]
        if limits != sorted(set(limits)) or any(f < 1 for f in limits):
            raise ValueError(text)
        if any(not 1 <= b <= 120 for _f, b in steps) or not 1 <= longer <= 120:
            raise ValueError(text)
        return cls(tuple(steps), longer)

    def minutes_for(self, focused_minutes: float) -> int:
        for limit, minutes in self.steps:
            if focused_minutes <= limit:
                return minutes
        return self.longer

    def __str__(self) -> str:
        return " ".join([f"{f}:{b}" for f, b in self.steps] + [str(self.longer)])
