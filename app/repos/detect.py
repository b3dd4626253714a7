"""From git activity to switches, with the dwell rule of window-based
detection: a glance is not a switch.

A commit or a checkout in another project's repository is deliberate work
there: it counts at once. A save is like a window brought to the front: it
counts once the work has stayed there for the dwell time, that is when no
activity in the current project's repositories came in between. The caller
asks ``due()`` when to look again and calls ``check()`` then."""

from __future__ import annotations

from app.repos.watcher import Activity


class GitSwitchDetector:
    def __init__(self, dwell_seconds: float) -> None:
        self.dwell = dwell_seconds
        self._candidate: int | None = None
        self._since = 0.0

    def observe(self, now: float, project_id: int, kind: Activity,
                current: int | None) -> int | None:
        """One activity in a repository of ``project_id``; returns the project
        a switch to it counts for now, if one does."""
        if project_id == current:
            self._candidate = None  # still at work on the current project
            return None
        if kind in (Activity.COMMIT, Activity.CHECKOUT) or self.dwell <= 0:
            self._candidate = None
            return project_id
        if project_id != self._candidate:
            self._candidate, self._since = project_id, now
        return self.check(now, current)

    def due(self) -> float | None:
        """When the pending candidate's dwell ends (monotonic), if one is pending."""
        return self._since + self.dwell if self._candidate is not None else None

    def check(self, now: float, current: int | None) -> int | None:
        candidate = self._candidate
        if candidate is None or candidate == current:
            self._candidate = None
            return None
        if now - self._since >= self.dwell:
            self._candidate = None
            return candidate
        return None

    def forget(self) -> None:
        self._candidate = None
