"""Translation for text the core's command line prints (gettext catalogs in
``resources/translations``). The Qt side uses Qt's own translators."""

from __future__ import annotations

import gettext
import os
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
_translation: gettext.NullTranslations | None = None


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
    global _translation
    _translation = None
    if language:
        _translation = gettext.translation(
            "fokus", localedir=RESOURCES / "translations", languages=[language], fallback=True
        )


def N_(message: str) -> str:  # noqa: N802 - the gettext name for "mark, translate later"
    """Mark a string for translation where it is defined; _() translates it where used."""
    return message


def _(message: str) -> str:
    return _load().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _load().ngettext(singular, plural, n)
