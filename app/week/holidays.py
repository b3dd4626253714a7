"""Public holidays as days off: the well-kept ``holidays`` package knows each
country's public holidays and, for Indonesia, the *cuti bersama* (joint leave
days the government adds around them, its "government" category).

The country is a setting (HOLIDAY_COUNTRY, default ID; empty for none). The
work model asks ``name(day)``; a date exception in the model still wins."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any


def supported_countries() -> frozenset[str]:
    import holidays

    return frozenset(holidays.list_supported_countries())


@lru_cache(maxsize=16)
def _calendar(country: str, language: str) -> Any:
    import holidays

    cls = holidays.country_holidays(country).__class__
    categories = cls.supported_categories or ("public",)
    languages = cls.supported_languages or ()
    chosen = next((lang for lang in languages if lang.split("_")[0] == language.split("_")[0]),
                  None)
    # Years are filled in on first use of a date (expand=True, the default).
    return holidays.country_holidays(country, categories=categories, language=chosen)


class PublicHolidays:
    """The public holidays (and joint leave days) of one country."""

    def __init__(self, country: str) -> None:
        self.country = country.upper()

    def name(self, day: date, language: str = "en") -> str | None:
        """The holiday's name on ``day`` in ``language`` when the package has
        it in that language, else in the country's own; None on a normal day."""
        if not self.country:
            return None
        found = _calendar(self.country, language).get(day)
        return str(found) if found else None

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.name(day) is not None

    def __repr__(self) -> str:
        return f"PublicHolidays({self.country!r})"
