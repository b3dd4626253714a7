"""Automatic switch detection, opt-in: the active window is matched to a
project by the user's rules, and a switch counts only once the window has
stayed in front for the dwell time, so a glance at another window is not a
switch. Only the matched project is ever kept; the window's title and class
are looked at and dropped (unless the user turns title keeping on)."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.errors import ErrorCode, FokusError

DEFAULT_DWELL_SECONDS = 60


class Field(StrEnum):
    CLASS = "class"  # the window class, e.g. "jetbrains-idea", "code"
    TITLE = "title"  # words in the window title
    PATH = "path"  # a folder path that appears in the title, e.g. ~/src/siasn


@dataclass(frozen=True)
class Rule:
    project_id: int
    field: Field
    pattern: str

    def matches(self, wm_class: str, title: str) -> bool:
        pattern = self.pattern.strip().lower()
        if not pattern:
            return False
        if self.field == Field.CLASS:
            return fnmatch.fnmatch(wm_class.lower(), pattern) or pattern == wm_class.lower()
        text = title.lower()
        if self.field == Field.PATH:
            pattern = pattern.rstrip("/")
            return pattern in text or pattern.replace("~", "") in text
        if any(ch in pattern for ch in "*?["):
            return fnmatch.fnmatch(text, pattern)
        return pattern in text


@dataclass(frozen=True)
class AutoSwitchSettings:
    enabled: bool = False
    dwell_seconds: int = DEFAULT_DWELL_SECONDS
    keep_titles: bool = False
    rules: tuple[Rule, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"enabled": self.enabled, "dwell_seconds": self.dwell_seconds,
                "keep_titles": self.keep_titles,
                "rules": [{"project": r.project_id, "field": r.field.value,
                           "pattern": r.pattern} for r in self.rules]}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> AutoSwitchSettings:
        if not data:
            return cls()
        try:
            return cls(
                enabled=bool(data.get("enabled", False)),
                dwell_seconds=max(5, int(data.get("dwell_seconds", DEFAULT_DWELL_SECONDS))),
                keep_titles=bool(data.get("keep_titles", False)),
                rules=tuple(Rule(int(r["project"]), Field(r["field"]), str(r["pattern"]))
                            for r in data.get("rules", [])),
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise FokusError(ErrorCode.INVALID_VALUE, field="auto switch",
                             value=str(exc)) from exc


def match_project(rules: tuple[Rule, ...] | list[Rule], wm_class: str,
                  title: str) -> int | None:
    """The project of the first rule that matches, or None."""
    for rule in rules:
        if rule.matches(wm_class, title):
            return rule.project_id
    return None


class DwellTracker:
    """Turns a stream of (time, matched project) observations into switches:
    a project counts once it has been in front for ``dwell`` seconds."""

    def __init__(self, dwell_seconds: float) -> None:
        self.dwell = dwell_seconds
        self.current: int | None = None  # the project the user is taken to be on
        self._candidate: int | None = None
        self._since: float = 0.0

    def observe(self, now: float, project_id: int | None) -> int | None:
        """Feed one observation; returns a project when a switch to it counts."""
        if project_id is None or project_id == self.current:
            # An unmatched window (a browser, a chat) keeps the current project.
            self._candidate = None
            return None
        if project_id != self._candidate:
            self._candidate, self._since = project_id, now
            return None
        if now - self._since >= self.dwell:
            self.current, self._candidate = project_id, None
            return project_id
        return None
