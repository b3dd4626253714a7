"""The Week window: the week view with its toolbar (weeks, Plan my week,
calendar import, sharing the busy blocks, settings) and the block dialog."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QLocale, Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.clock import as_utc, to_local
from app.errors import FokusError
from app.store.settings import CALENDAR_PATH, EXPORT_FOLDER
from app.week.planner import Plan
from app.week.service import Conflict
from app.week.workmodel import DayKind, iso_week_of
from ui.messages import error_text, import_error_text, tr
from ui.projects.dialogs import _FormDialog
from ui.week.day_kinds import day_kind_text
from ui.week.view import BlockItem, MeetingItem, WeekCanvas

if TYPE_CHECKING:
    from app.store.models import TimeBlock
    from app.week.planner import PlannedBlock
    from app.week.service import WeekService
    from ui.shell.controller import FokusController


def conflict_text(conflict: Conflict) -> str:
    return {
        Conflict.DEEP_IN_CORE: tr("Deep work in core hours (meant for coordination)"),
        Conflict.COLLAB_IN_DEEP: tr("Collaborative work in a no-meeting window"),
        Conflict.OVER_MEETING: tr("Overlaps a meeting"),
        Conflict.OUTSIDE_WORK: tr("Outside work hours"),
        Conflict.TOO_MANY_PROJECTS: tr("More projects this day than your limit"),
    }[conflict]


def reason_text(reason: str) -> str:
    return {
        "no_window": tr("no free window of the right kind is left this week"),
        "before_due": tr("at risk: no free window of the right kind before its due date"),
        "overdue": tr("at risk: its due date has passed"),
        "project_limit": tr("the days with free windows already hold your project limit"),
    }.get(reason, reason)


class BlockDialog(_FormDialog):
    """Pick the project and batch of a block, and its times."""

    def __init__(self, parent: QWidget | None, controller: FokusController, start: datetime,
                 end: datetime, project_id: int | None = None,
                 batch_id: int | None = None) -> None:
        super().__init__(parent)
        self.svc = controller.service
        self.setWindowTitle(self.tr("Time block"))
        self.day = start.date()
        self.zone = start.tzinfo
        self.project = QComboBox()
        for p in self.svc.projects():
            self.project.addItem(p.name, p.id)
        if project_id is not None:
            self.project.setCurrentIndex(max(0, self.project.findData(project_id)))
        self.batch = QComboBox()
        self.project.currentIndexChanged.connect(lambda *_: self._fill_batches(None))
        self._fill_batches(batch_id)
        self.start = QTimeEdit(QTime(start.hour, start.minute))
        self.end = QTimeEdit(QTime(end.hour, end.minute))
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        when = QLocale().toString(QDate(self.day), QLocale.FormatType.LongFormat)
        self.form.addRow(self.tr("Day:"), QLabel(when))
        self.form.addRow(self.tr("&Project:"), self.project)
        self.form.addRow(self.tr("&Batch:"), self.batch)
        self.form.addRow(self.tr("&From:"), self.start)
        self.form.addRow(self.tr("&To:"), self.end)
        self.resize(420, self.sizeHint().height())

    def _fill_batches(self, selected: int | None) -> None:
        self.batch.clear()
        self.batch.addItem(self.tr("(no batch)"), None)
        project = self.project.currentData()
        if project is not None:
            for b in self.svc.batches(project):
                self.batch.addItem(b.title, b.id)
        if selected is not None:
            self.batch.setCurrentIndex(max(0, self.batch.findData(selected)))

    def times(self) -> tuple[datetime, datetime]:
        def at(t: QTime) -> datetime:
            return datetime.combine(self.day, datetime.min.time(), tzinfo=self.zone) + \
                timedelta(hours=t.hour(), minutes=t.minute())

        return at(self.start.time()), at(self.end.time())


class ShareBlocksDialog(QDialog):
    """Share the week's deep-work blocks as busy events in a calendar file
    (what `fokus plan --export-ics FILE [--with-projects]` writes): says what
    leaves Fokus, lets the person add the project names, asks for the file and
    says where it went. It stays open to say so; Close ends it."""

    def __init__(self, parent: QWidget | None, controller: FokusController, week: str) -> None:
        super().__init__(parent)
        self.controller = controller
        self.week = week
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Share busy blocks"))
        self.intro = intro = QLabel(self.tr(
            "Saves this week's deep-work blocks as a calendar file (.ics) that colleagues "
            "can import or subscribe to. Each block leaves Fokus as a busy event named "
            "“Fokus — deep work” with its start and end; nothing else is in the file."))
        intro.setWordWrap(True)
        self.with_projects = QCheckBox(self.tr("Also show each block's &project name"))
        self.with_projects.setToolTip(self.tr(
            "Off: colleagues see only that you are busy. On: they also see which project "
            "(for example “Fokus — deep work: SIASN”)."))
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setObjectName("shareResult")
        self.feedback.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("&Save…"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("&Close"))
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.with_projects)
        layout.addWidget(self.feedback)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def default_path(self) -> Path:
        folder = self.controller.service.settings.get(EXPORT_FOLDER) or str(Path.home())
        return Path(folder).expanduser() / f"fokus-busy-{self.week}.ics"

    def save(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Share busy blocks"),
                                              str(self.default_path()),
                                              self.tr("Calendar files (*.ics)"))
        if not name:
            return None
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".ics")
        try:
            count = self.controller.service.week.export_blocks_ics(
                self.week, path, with_projects=self.with_projects.isChecked())
        except FokusError as err:
            self.feedback.setText(error_text(err))
            return None
        self.written = path
        self.feedback.setText((self.tr("1 busy block written to {path}") if count == 1 else
                             self.tr("{n} busy blocks written to {path}")).format(
            n=count, path=path))
        self.close_button.setFocus()
        return path


class WeekWindow(QMainWindow):
    def __init__(self, controller: FokusController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Fokus — Week"))
        self.resize(1100, 720)
        self.preview: Plan | None = None
        self.week = self._current_week()

        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; font-size: 14pt;")
        self.prev_button = QPushButton("◀")
        self.prev_button.setToolTip(self.tr("Previous week"))
        self.today_button = QPushButton(self.tr("This week"))
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(self.tr("Next week"))
        self.plan_button = QPushButton(self.tr("&Plan my week"))
        self.plan_button.setObjectName("planButton")
        self.import_button = QPushButton(self.tr("&Import calendar…"))
        self.share_button = QPushButton(self.tr("Share &busy blocks…"))
        self.share_button.setToolTip(self.tr(
            "Save this week's deep-work blocks as busy events for colleagues' calendars"))
        self.settings_button = QPushButton(self.tr("&Settings…"))
        self.prev_button.clicked.connect(lambda: self.shift(-1))
        self.next_button.clicked.connect(lambda: self.shift(1))
        self.today_button.clicked.connect(self.this_week)
        self.plan_button.clicked.connect(self.plan)
        self.import_button.clicked.connect(self.import_calendar)
        self.share_button.clicked.connect(self.share_busy_blocks)
        self.settings_button.clicked.connect(self.open_settings)
        top = QHBoxLayout()
        for w in (self.prev_button, self.today_button, self.next_button):
            top.addWidget(w)
        top.addSpacing(12)
        top.addWidget(self.title, 1)
        for w in (self.plan_button, self.import_button, self.share_button,
                  self.settings_button):
            top.addWidget(w)

        self.preview_bar = QWidget()
        self.preview_bar.setObjectName("previewBar")
        self.preview_bar.setStyleSheet("#previewBar { background: #e8f4f2; border-radius: 6px; }")
        self.preview_text = QLabel()
        self.preview_text.setWordWrap(True)
        self.preview_text.setStyleSheet("color: #1d2427;")
        self.apply_button = QPushButton(self.tr("&Apply plan"))
        self.discard_button = QPushButton(self.tr("&Discard"))
        self.apply_button.clicked.connect(self.apply_plan)
        self.discard_button.clicked.connect(self.discard_plan)
        pv = QHBoxLayout(self.preview_bar)
        pv.addWidget(self.preview_text, 1)
        pv.addWidget(self.apply_button)
        pv.addWidget(self.discard_button)
        self.preview_bar.hide()

        self.canvas = WeekCanvas()
        self.canvas.createRequested.connect(self.create_block)
        self.canvas.blockMoved.connect(self.move_block)
        self.canvas.editRequested.connect(self.edit_block)
        self.canvas.deleteRequested.connect(self.delete_block)
        scroll = QScrollArea()
        scroll.setWidget(self.canvas)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("weekStatus")

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addWidget(self.preview_bar)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.status)
        self.setCentralWidget(central)
        for key, step in ((Qt.Key.Key_PageUp, -1), (Qt.Key.Key_PageDown, 1)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda step=step: self.shift(step))
        self.legend.setText(self.tr(
            "<span style='background:rgba(42,157,143,0.25)'>&nbsp;&nbsp;&nbsp;&nbsp;</span> "
            "no-meeting window (deep work) &nbsp; "
            "<span style='background:rgba(58,134,255,0.2)'>&nbsp;&nbsp;&nbsp;&nbsp;</span> "
            "core hours (coordination) &nbsp; ▨ meeting &nbsp; ⚠ conflict · "
            "Drag to create or move, drag the lower edge to resize; keys: Tab selects, "
            "arrows move, Shift+arrows resize, Delete removes, Enter edits, N creates."))
        self.legend.setStyleSheet("color: palette(placeholder-text);")
        # Blocks, meetings, the model and the names shown come from the store;
        # its writes announce themselves, whoever made them (here, the planner,
        # the command line through the tray, the calendar watcher).
        controller.dataChanged.connect(self._data_changed)
        self.reload()

    def _data_changed(self, topics: frozenset[str]) -> None:
        if topics & {"blocks", "calendar", "settings", "projects", "batches"}:
            self.reload()

    @property
    def svc_week(self) -> WeekService:
        return self.controller.service.week

    # -- navigation ----------------------------------------------------------------

    def shift(self, weeks: int) -> None:
        days, _, _ = self.svc_week.week_bounds(self.week)
        self.week = iso_week_of(days[0] + timedelta(weeks=weeks))
        self.discard_plan()

    def _current_week(self) -> str:
        """This week, or on a Saturday or Sunday the coming one: what is left to plan."""
        today = self.svc_week.local(self.controller.clock.now()).date()
        if today.weekday() >= 5:
            today += timedelta(days=7 - today.weekday())
        return iso_week_of(today)

    def this_week(self) -> None:
        self.week = self._current_week()
        self.discard_plan()

    def show_week(self, week: str) -> None:
        self.week = week
        self.discard_plan()

    # -- loading ---------------------------------------------------------------------

    def reload(self) -> None:
        if not self.controller.is_ready:
            return
        svc, week = self.controller.service, self.svc_week
        days, start, end = week.week_bounds(self.week)
        zone = self.controller.clock.zone()
        projects = {p.id: p for p in svc.projects(include_archived=True)}
        titles = {b.id: b.title for b in svc.batches(include_done=True)}
        conflicts = week.conflicts(start, end)
        now = self.controller.clock.now()

        def shown(b: TimeBlock) -> tuple[datetime, datetime]:
            # A past block keeps the wall clock it was planned on, also after
            # the machine's time zone changed; what is to come is local.
            if as_utc(b.end_at) <= now:
                return (to_local(b.start_at, b.utc_offset_min).replace(tzinfo=zone),
                        to_local(b.end_at, b.utc_offset_min).replace(tzinfo=zone))
            return week.local(b.start_at), week.local(b.end_at)

        items = [
            BlockItem(b.id, *shown(b),
                      projects[b.project_id].name if b.project_id in projects else "?",
                      projects[b.project_id].colour if b.project_id in projects else "#888",
                      titles.get(b.batch_id) if b.batch_id else None, str(b.kind),
                      [conflict_text(c) for c in conflicts.get(b.id or -1, [])])
            for b in week.blocks(start, end)]
        if self.preview is not None:
            items += [
                BlockItem(None, week.local(b.start), week.local(b.end),
                          projects[b.project_id].name, projects[b.project_id].colour,
                          titles.get(b.batch_id) if b.batch_id else None, b.kind.value,
                          proposed=True)
                for b in self.preview.new_blocks]
        deep = {m.id for m in week.meetings_in_deep_windows(start, end)}
        meetings = [MeetingItem(week.local(m.start_at), week.local(m.end_at), m.title,
                                m.all_day, m.id in deep) for m in week.meetings(start, end)]
        locale = QLocale()
        labels = [f"{locale.dayName(d.isoweekday(), QLocale.FormatType.ShortFormat)} "
                  f"{d.day} {locale.monthName(d.month, QLocale.FormatType.ShortFormat)}"
                  for d in days]
        kinds = {k: day_kind_text(k) for k in DayKind}
        self.canvas.set_week(days, week.work_model(), zone, items, meetings, labels, kinds)
        year, number = self.week.split("-W")
        self.title.setText(self.tr("Week {n}, {year} · {first} – {last}").format(
            n=int(number), year=year, first=locale.toString(QDate(days[0]), "d MMM"),
            last=locale.toString(QDate(days[-1]), "d MMM")))
        from app.week.planner import count_switches

        planned = [b for b in items if not b.proposed]
        n_conflicts = sum(1 for b in planned if b.conflicts)
        self.status.setText(self.tr(
            "{blocks} blocks · {switches} planned context switches · {conflicts} conflicts · "
            "{meetings} meetings, {deep} of them in no-meeting windows").format(
                blocks=len(planned), conflicts=n_conflicts, meetings=len(
                    [m for m in meetings if not m.all_day]), deep=len(deep),
                switches=count_switches(self._as_planned(week, start, end), zone)))
        if not planned and not any(b.proposed for b in items):
            self.status.setText(self.tr(
                "Nothing planned this week. Add a batch in Projects, then press “Plan my "
                "week”."))

    @staticmethod
    def _as_planned(week: WeekService, start: datetime, end: datetime) -> list[PlannedBlock]:
        from app.week.planner import PlannedBlock

        return [PlannedBlock(b.start_at, b.end_at, b.project_id, b.batch_id, b.kind,
                             b.location, new=False) for b in week.blocks(start, end)]

    # -- actions ---------------------------------------------------------------------------

    def _guard(self, action: object) -> bool:
        try:
            if callable(action):
                action()
            return True
        except FokusError as err:
            QMessageBox.warning(self, self.tr("Fokus"), error_text(err))
            return False
        finally:
            # Our own edit shows at once, before the next drag or key press;
            # everyone else's arrives through dataChanged.
            self.reload()

    def create_block(self, start: datetime, end: datetime) -> None:
        if not self.controller.service.projects():
            QMessageBox.information(self, self.tr("Fokus"),
                                    self.tr("Add a project first (Projects & batches)."))
            return
        dialog = BlockDialog(self, self.controller, start, end)
        dialog.submit = lambda: self.svc_week.add_block(
            dialog.project.currentData(), dialog.batch.currentData(), *dialog.times())
        if dialog.exec():
            self.reload()

    def edit_block(self, block_id: int) -> None:
        block = self.svc_week.block(block_id)
        dialog = BlockDialog(self, self.controller, self.svc_week.local(block.start_at),
                             self.svc_week.local(block.end_at), block.project_id, block.batch_id)

        def save() -> None:
            self.svc_week.update_block(block_id, dialog.project.currentData(),
                                       dialog.batch.currentData())
            self.svc_week.move_block(block_id, *dialog.times())

        dialog.submit = save
        if dialog.exec():
            self.reload()

    def move_block(self, block_id: int, start: datetime, end: datetime) -> None:
        self._guard(lambda: self.svc_week.move_block(block_id, start, end))
        self.canvas.select(block_id)

    def delete_block(self, block_id: int) -> None:
        self._guard(lambda: self.svc_week.remove_block(block_id))

    # -- planning ----------------------------------------------------------------------------

    def plan(self) -> None:
        from app.week.planner import Strategy

        try:
            self.preview = self.svc_week.plan(self.week)
            baseline = self.svc_week.plan(self.week, strategy=Strategy.URGENCY_FIRST)
        except FokusError as err:
            QMessageBox.warning(self, self.tr("Fokus"), error_text(err))
            return
        zone = self.controller.clock.zone()
        titles = {b.id: b.title for b in self.controller.service.batches(include_done=True)}
        text = self.tr("{n} new blocks proposed (dashed): {switches} context switches this "
                       "week, against {baseline} if placed by urgency alone.").format(
            n=len(self.preview.new_blocks), switches=self.preview.switches(zone),
            baseline=baseline.switches(zone))
        if self.preview.unplaced:
            text += "<br>" + self.tr("Not placed:") + " " + "; ".join(
                f"{titles.get(u.batch_id, '?')} ({u.minutes} min): {reason_text(u.reason)}"
                for u in self.preview.unplaced)
        self.preview_text.setText(text)
        self.preview_bar.show()
        self.apply_button.setEnabled(bool(self.preview.new_blocks))
        self.reload()

    def apply_plan(self) -> None:
        if self.preview is not None:
            blocks = self.preview.new_blocks
            self.preview = None
            self._guard(lambda: self.svc_week.apply(blocks))
        self.preview_bar.hide()

    def discard_plan(self) -> None:
        self.preview = None
        self.preview_bar.hide()
        self.reload()

    # -- calendar and settings ----------------------------------------------------------------

    def import_calendar(self) -> None:
        """Import a calendar file the person picks. It is read in a worker and
        parsed by the calendar reader (``fokus import-ics`` through the tray), so
        the window and the tray stay live; the answer comes when it is done."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a calendar"), str(Path.home()),
                                              self.tr("Calendar files (*.ics)"))
        if not path:
            return
        self.import_button.setEnabled(False)
        self.controller.import_calendar_file(Path(path)).then(self._calendar_imported)

    def _calendar_imported(self, outcome: dict[str, Any] | BaseException) -> None:
        import shiboken6

        if not shiboken6.isValid(self):  # closed for good meanwhile: stored all the same
            return
        self.import_button.setEnabled(True)
        if isinstance(outcome, BaseException):
            QMessageBox.warning(self, self.tr("Fokus"), import_error_text(outcome))
            return
        self.controller.service.settings.set(CALENDAR_PATH, str(outcome["file"]))
        QMessageBox.information(self, self.tr("Calendar imported"), self.tr(
            "{n} meetings imported; {deep} of them fall in no-meeting windows. Fokus will "
            "import this file again when it changes.").format(
                n=outcome["meetings"], deep=outcome["in_deep_windows"]))

    def share_busy_blocks(self) -> ShareBlocksDialog:
        """The week shown, as busy events a colleague's calendar can import."""
        dialog = ShareBlocksDialog(self, self.controller, self.week)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_settings(self) -> None:
        from ui.settings.window import SettingsDialog

        dialog = SettingsDialog(self.controller, self)
        dialog.exec()


__all__ = ["BlockDialog", "ShareBlocksDialog", "WeekWindow", "date"]
