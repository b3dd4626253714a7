"""Bahasa Indonesia: load the translation, open every window and dialog, and
fail on any user-visible English left in them."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from app.clock import FakeClock
from app.platform.paths import Paths
from ui.shell.controller import FokusController

ROOT = Path(__file__).resolve().parents[2]
WIB = timezone(timedelta(hours=7))
# Words of English that the Indonesian text never uses: a visible string with one
# of them was not translated (or never marked for translation).
ENGLISH = re.compile(
    r"\b(the|and|of|to|with|your|you|add|edit|remove|start|stop|pause|week|today|"
    r"project|projects|session|sessions|minutes|min left|settings|save|cancel|close|"
    r"switch|switches|interruption|interruptions|calendar|export|import|report|"
    r"focus on|meeting|meetings|batch name|none|back|next|finish|help|open|browse)\b",
    re.IGNORECASE)
ALLOWED = {"OK", "Batch", "Status", "Median", "Format:", "Folder:", "Chat", "Normal", "WFA",
           "WFO", "Fokus", "Debugging", "Stand-up", "Pair programming", "Design thinking",
           "English", "Bahasa Indonesia", "&Batch:", "Programmer"}


def english_sources() -> list[tuple[re.Pattern[str], str]]:
    """Each source whose translation differs, as a pattern its shown text matches."""
    out = []
    for ts in ("fokus_id.ts", "qt_id.ts"):
        for m in ET.parse(ROOT / "resources" / "translations" / ts).getroot().iter("message"):
            source, translation = m.findtext("source") or "", m.findtext("translation") or ""
            if source and translation != source:
                shown = re.escape(source.replace("&&", "\0").replace("&", "").replace("\0", "&"))
                out.append((re.compile("^" + re.sub(r"\\\{\w+\\\}", ".*", shown) + "$",
                                       re.DOTALL), source))
    return out


def visible_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every string a user can see in ``widget``."""
    if widget.windowTitle():
        yield "title", widget.windowTitle()
    for w in [widget, *widget.findChildren(QWidget)]:
        name = type(w).__name__
        if w.toolTip():
            yield f"{name} tooltip", re.sub("<[^>]+>", " ", w.toolTip())
        if isinstance(w, QLabel) and w.text():
            yield name, re.sub(r"<[^>]+>|&nbsp;", " ", w.text())
        elif isinstance(w, QAbstractButton) and w.text():
            yield name, w.text().replace("&", "")
        elif isinstance(w, QLineEdit | QPlainTextEdit) and w.placeholderText():
            yield f"{name} placeholder", w.placeholderText()
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"{name} item", w.itemText(i)
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{name} tab", w.tabText(i).replace("&", "")
        elif isinstance(w, QTableWidget | QTreeWidget):
            header = w.horizontalHeaderItem if isinstance(w, QTableWidget) else None
            count = w.columnCount()
            for i in range(count):
                item = header(i) if header else w.headerItem()
                text = item.text() if header and item else (
                    w.headerItem().text(i) if not header else "")
                if text:
                    yield f"{name} header", text


def menu_texts(menu: QMenu) -> Iterator[tuple[str, str]]:
    for action in menu.actions():
        if action.text():
            yield "menu", action.text().replace("&", "")
        if action.menu() is not None:
            yield from menu_texts(action.menu())  # type: ignore[arg-type]


@pytest.fixture
def indonesian(qtbot: QtBot) -> Iterator[None]:
    from ui.i18n import install_translators

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert install_translators(app, "id") == "id"
    yield
    install_translators(app, "en")
    QLocale.setDefault(QLocale("en_US"))


@pytest.fixture
def controller(qtbot: QtBot, paths: Paths, clock: FakeClock) -> Iterator[FokusController]:
    clock.current = datetime(2026, 11, 23, 8, 30, tzinfo=WIB).astimezone(UTC)
    c = FokusController(paths, clock=clock, owner="id")
    assert c.load()
    svc = c.service
    a = svc.add_project("SIASN", tech_stack="Java").id
    svc.add_project("MyASN")
    batch = svc.add_batch("SIASN", "Perbaikan tanggal kenaikan pangkat", "debugging", 90,
                          "high", date(2026, 11, 25), "Tiket SIASN-1432")
    svc.week.add_block(a, batch.id, datetime(2026, 11, 23, 8, 0, tzinfo=WIB),  # type: ignore[arg-type]
                       datetime(2026, 11, 23, 9, 30, tzinfo=WIB))
    svc.activity.add_note(a, "berhenti di mapper")  # type: ignore[arg-type]
    c.refresh()
    yield c
    c.close()


def test_every_window_speaks_indonesian(indonesian: None, controller: FokusController,
                                        qtbot: QtBot, tmp_path: Path) -> None:
    from app.activity.service import ContextCard
    from app.errors import ErrorCode, FokusError
    from ui.activity.dialogs import AwayDialog, ContextCardPopup, ResumeNotePrompt
    from ui.activity.today import TodayWindow
    from ui.messages import error_text
    from ui.projects.dialogs import BatchDialog, ProjectDialog
    from ui.projects.window import ProjectsWindow
    from ui.reports.export import ExportDialog
    from ui.reports.insights import InsightsWindow
    from ui.reports.reflection import ReflectionDialog
    from ui.reports.team import TeamReportWindow
    from ui.settings.welcome import FirstRunWizard
    from ui.settings.window import SettingsDialog
    from ui.tray.tray import FokusTray
    from ui.week.window import BlockDialog, WeekWindow

    svc = controller.service
    start = datetime(2026, 11, 23, 10, 0, tzinfo=WIB)
    week = WeekWindow(controller)
    week.plan()
    projects_window = ProjectsWindow(controller)
    windows: list[QWidget] = [
        projects_window, week, SettingsDialog(controller), TodayWindow(controller),
        InsightsWindow(controller), ExportDialog(controller), TeamReportWindow(),
        ReflectionDialog(controller, date(2026, 11, 23)), AwayDialog("idle", 12, "SIASN"),
        AwayDialog("sleep", 40, "SIASN"),
        ResumeNotePrompt("SIASN", lambda *_: None, True, rate_flow=lambda _n: None),
        ContextCardPopup(ContextCard("SIASN", "berhenti di mapper", None, "Perbaikan",
                                     "Tiket SIASN-1432"), "23 Nov 08:00"),
        BatchDialog(None, svc.projects()), ProjectDialog(None),
        BlockDialog(None, controller, start, start + timedelta(hours=1)),
    ]
    wizard = FirstRunWizard(controller)
    windows.append(wizard)
    seen: list[tuple[str, str, str]] = []
    for w in windows:
        qtbot.addWidget(w)
        w.show()
        for where, text in visible_texts(w):
            seen.append((type(w).__name__, where, text))
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        for text in (page.title(), page.subTitle()):
            if text:
                seen.append(("FirstRunWizard", "page", re.sub("<[^>]+>", " ", text)))
        for where, text in visible_texts(page):
            seen.append(("FirstRunWizard", where, text))
    for button in (QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton,
                   QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton):
        seen.append(("FirstRunWizard", "button", wizard.buttonText(button).replace("&", "")))
    tray = FokusTray(controller)
    tray.rebuild_menu()
    seen += [("tray", where, text) for where, text in menu_texts(tray.menu)]
    from ui.shell.main_window import MainWindow  # the window where there is no tray

    main_window = MainWindow(controller, tray)
    qtbot.addWidget(main_window)
    main_window.show()
    seen += [("MainWindow", where, text) for where, text in visible_texts(main_window)]
    main_window.allow_close()
    seen.append(("tray", "tooltip", tray.icon.toolTip()))
    seen += [("messages", code.value, error_text(FokusError(code))) for code in ErrorCode]

    sources = english_sources()
    english = []
    for window, where, text in seen:
        text = " ".join(text.split())
        if not text or text in ALLOWED or not re.search("[A-Za-z]", text):
            continue
        if any(p.match(text) for p, _s in sources) or ENGLISH.search(text):
            english.append(f"{window} / {where}: {text!r}")
    assert len(seen) > 300
    assert english == [], "English left in the Indonesian windows:\n" + "\n".join(english)


def test_compiled_catalogs_match_their_sources(tmp_path: Path) -> None:
    """The committed .qm and .mo are what the .ts and .po sources compile to,
    and every string in the code has an Indonesian translation."""
    import filecmp

    sys.path.insert(0, str(ROOT / "packaging"))
    import translations

    translations.compile_all(tmp_path)
    committed = ROOT / "resources" / "translations"
    assert filecmp.cmp(tmp_path / "fokus_id.qm", committed / "fokus_id.qm", shallow=False)
    mo = Path("id") / "LC_MESSAGES" / "fokus.mo"
    assert filecmp.cmp(tmp_path / mo, committed / mo, shallow=False)
    po = translations.read_po(committed / "id" / "LC_MESSAGES" / "fokus.po")
    untranslated = [m for m in translations.core_messages() if not po.get(m)]
    assert untranslated == []
    ts = ET.parse(committed / "fokus_id.ts").getroot()
    unfinished = [m.findtext("source") for m in ts.iter("message")
                  if m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
                  or not m.findtext("translation")]
    assert unfinished == []




def test_today_writes_dates_times_and_counts_in_the_language(
        indonesian: None, controller: FokusController, clock: FakeClock, qtbot: QtBot,
        tmp_path: Path) -> None:
    """A past day's heading names its weekday in Indonesian, times read 08.30 and
    one session is "1 sesi"; in English the same day reads "1 session"."""
    from PySide6.QtCore import QDate

    from ui.activity.today import TodayWindow
    from ui.i18n import install_translators

    svc = controller.service
    svc.start("SIASN", minutes=25)
    clock.current += timedelta(minutes=30)
    svc.engine.tick()  # the 25 minutes are over: the session completes
    clock.current += timedelta(days=1)
    today = TodayWindow(controller)
    qtbot.addWidget(today)
    today.show_day(date(2026, 11, 23))
    today.show()
    assert today.title.text() == QLocale().toString(QDate(2026, 11, 23),
                                                    QLocale.FormatType.LongFormat)
    assert "Senin" in today.title.text() and "Monday" not in today.title.text()
    assert "1 sesi" in today.figures.text()
    times = [today.events.topLevelItem(i).text(0)  # type: ignore[union-attr]
             for i in range(today.events.topLevelItemCount())]
    assert times and all(re.fullmatch(r"\d{2}\.\d{2}", t) for t in times), times
    today.grab().save(str(tmp_path / "today-id.png"))

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translators(app, "en")
    QLocale.setDefault(QLocale("en_US"))
    today.reload()
    assert "Monday" in today.title.text()
    assert "1 session " in today.figures.text() and "1 sessions" not in today.figures.text()


def test_reflection_asks_the_weekly_burnout_question_once_a_week(
        controller: FokusController, clock: FakeClock, qtbot: QtBot) -> None:
    """The report's burnout item is asked in the window, on the week's first
    reflection; later days keep the answer instead of asking (and erasing) it."""
    from app.reports.reflection import ReflectionService
    from ui.reports.reflection import ReflectionDialog

    clock.current = datetime(2026, 11, 24, 17, 0, tzinfo=WIB).astimezone(UTC)
    monday = ReflectionDialog(controller, date(2026, 11, 23))
    qtbot.addWidget(monday)
    assert monday.burnout is not None
    monday.satisfaction.set_value(4)
    monday.burnout.set_value(2)
    monday.accept()
    svc = ReflectionService(controller.service.store, clock)
    saved = svc.get(date(2026, 11, 23))
    assert saved is not None and saved.burnout == 2
    tuesday = ReflectionDialog(controller, date(2026, 11, 24))
    qtbot.addWidget(tuesday)
    assert tuesday.burnout is None
    again = ReflectionDialog(controller, date(2026, 11, 23))
    qtbot.addWidget(again)
    assert again.burnout is not None and again.burnout.value() == 2
    again.accept()
    saved = svc.get(date(2026, 11, 23))
    assert saved is not None and saved.burnout == 2


def test_window_numbers_use_a_decimal_comma_in_indonesian(indonesian: None) -> None:
    from ui.messages import number_text

    assert number_text(2.4) == "2,4" and number_text(4.125, 2) == "4,13"
    assert number_text(1234) == "1.234" and number_text(3.0) == "3" and number_text(None) == "—"
