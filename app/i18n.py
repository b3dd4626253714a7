"""Translation for text the core's command line prints (gettext catalogs in
``resources/translations``). The Qt side uses Qt's own translators."""

from __future__ import annotations

import gettext
import os
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
_translation: gettext.NullTranslations | None = None
_language: str | None = None


def _load() -> gettext.NullTranslations:
    global _translation
    if _translation is None:
        languages = [os.environ["FOKUS_LANG"]] if os.environ.get("FOKUS_LANG") else None
        _translation = gettext.translation(
            "fokus", localedir=RESOURCES / "translations", languages=languages, fallback=True
        )
    return _translation


def set_language(language: str | None) -> None:
    """Use ``language`` (e.g. "id") from now on; None: the environment's."""
    global _translation, _language
    _translation = None
    _language = language or None
    if language:
        _translation = gettext.translation(
            "fokus", localedir=RESOURCES / "translations", languages=[language], fallback=True
        )


def language() -> str:
    """The language spoken now, as a locale name for formatting dates and numbers
    ("id", "en_US"): the one set, else FOKUS_LANG, else the environment's
    (gettext's order), else English."""
    if _language:
        return _language
    if os.environ.get("FOKUS_LANG"):
        return os.environ["FOKUS_LANG"]
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").split(":")[0].split(".")[0]
        if value and value not in ("C", "POSIX"):
            return value
    return "en"


def N_(message: str) -> str:  # noqa: N802 - the gettext name for "mark, translate later"
    """Mark a string for translation where it is defined; _() translates it where used."""
    return message


def _(message: str) -> str:
    return _load().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _load().ngettext(singular, plural, n)
