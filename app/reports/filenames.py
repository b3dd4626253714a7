"""The name of a weekly export: fokus-2026-W48-ayu-lestari.pdf. It carries the
person (their name, else the pseudonymous id) so that a team's files do not
collide in the PIC's folder."""

from __future__ import annotations

import re
from typing import Any


def person_slug(report: dict[str, Any]) -> str:
    programmer = report.get("programmer") or {}
    person = programmer.get("name") or str(programmer.get("id") or "")[:8]
    slug = re.sub(r"[^\w.-]+", "-", str(person).strip().lower()).strip("-.")
    return slug or "anonymous"


def export_filename(week: str, fmt: str, report: dict[str, Any]) -> str:
    return f"fokus-{week}-{person_slug(report)}.{fmt}"
