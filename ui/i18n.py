"""Qt translators: Fokus's own catalog (``resources/translations/fokus_<lang>.qm``)
and Qt's for its standard dialogs, chosen from the settings or the system locale."""

from __future__ import annotations

import os

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app.i18n import RESOURCES

_installed: list[QTranslator] = []


def install_translators(app: QApplication, language: str | None = None) -> str:
    """Install translators; returns the language code in use ("en" if none)."""
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
    return language if _installed else "en"
