"""Qt translators: Fokus's own catalog (``resources/translations/fokus_<lang>.qm``)
and Qt's for its standard dialogs, chosen from the settings or the system locale.

The tray reads the stored language with the standard library's sqlite3 before
it creates any text (SQLModel is not loaded yet at that point, and must not be
for the icon to come up fast)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.i18n import RESOURCES
from app.store.settings import stored_language

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []


def start_language(database: Path) -> str | None:
    """The language to start in: FOKUS_LANG, else the stored one, else None (the system's)."""
    return os.environ.get("FOKUS_LANG") or stored_language(database)


def install_translators(app: QCoreApplication, language: str | None = None) -> str:
    """Install translators for ``language`` (None: FOKUS_LANG or the system's),
    for Qt and for gettext; returns the language code in use ("en" if none)."""
    if language == "system":
        language = None
    language = language or os.environ.get("FOKUS_LANG") or QLocale.system().name().split("_")[0]
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    own = QTranslator(app)
    if own.load(str(RESOURCES / "translations" / f"fokus_{language}.qm")):
        app.installTranslator(own)
        _installed.append(own)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    QLocale.setDefault(QLocale(language))
    from app.i18n import set_language

    set_language(language)  # the PDF and the charts speak the same language
    # Installing or removing a translator sends LanguageChange to the
    # application, which is how the tray and open windows learn of it.
    return language if _installed else "en"
