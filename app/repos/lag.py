"""Each person's resumption lag: from a switch into a project to the first save
or commit in its repositories (Parnin & Rugaber 2011 measured the same: the
time to the first edit after resuming). Once there are ``MIN_MEASUREMENTS``,
the switch-cost estimate uses the person's median instead of the borrowed
default; docs/metrics.md says how."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

MIN_MEASUREMENTS = 10
# Longer than this after a switch, the first edit measures a lunch, not a resumption.
MAX_LAG_SECONDS = 2 * 60 * 60
# The measurements the estimate is made of: the most recent ones.
WINDOW = 100


@dataclass(frozen=True)
class MeasuredLag:
    n: int
    median_minutes: float
    min_minutes: float
    max_minutes: float


def measured_lag(seconds: Sequence[float]) -> MeasuredLag | None:
    """The median of the measurements, with their count and range; None with fewer
    than MIN_MEASUREMENTS."""
    values = [s for s in seconds if 0 <= s <= MAX_LAG_SECONDS]
    if len(values) < MIN_MEASUREMENTS:
        return None
    return MeasuredLag(n=len(values), median_minutes=round(statistics.median(values) / 60, 1),
                       min_minutes=round(min(values) / 60, 1),
                       max_minutes=round(max(values) / 60, 1))
