"""The edit history as a window: who changed what in the past, on which
computer, when, and what each field was before and after, in the person's
words (local times, project and batch names). Values another computer's newer
change replaced (sync) are marked, so they can be seen and typed back by hand.

Opened from Today ("History…", for the session chosen in the day's list, or
every change) and from Settings → Sync, where lost values are counted."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.clock import as_utc
from app.errors import FokusError
from app.history.log import HistoryEntry, HistoryLog
from ui.messages import clock_text

if TYPE_CHECKING:
    from ui.shell.controller import FokusController

LOST_BACKGROUND = QColor("#fde2cf")


class EditHistoryWindow(QDialog):
    """The latest changes to the past, newest first; one session's, or all."""

    def __init__(self, controller: FokusController, session_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editHistory")
        self.controller = controller
        self.session_id = session_id
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(860, 460)
        self.heading = QLabel()
        self.heading.setObjectName("historyHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        self.only_session = QCheckBox(self.tr("Only this session"))
        self.only_session.setObjectName("historyOnlySession")
        self.only_session.setAccessibleName(self.tr("Show only this session's changes"))
        self.only_session.setChecked(session_id is not None)
        self.only_session.setVisible(session_id is not None)
        self.only_session.toggled.connect(self.reload)
        self.table = QTreeWidget()
        self.table.setObjectName("historyTable")
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Computer"),
                                    self.tr("What changed")])
        self.table.setAccessibleName(self.tr("Changes made to the past"))
        self.table.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.currentItemChanged.connect(self._show_detail)
        self.detail = QLabel()
        self.detail.setObjectName("historyDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.detail.setAccessibleName(self.tr("The chosen change, field by field"))
        legend = QLabel(self.tr(
            "Shaded: a value another computer's newer change replaced. It is no longer in "
            "effect; to have it back, type it again (in Today or with fokus session edit)."))
        legend.setObjectName("historyLegend")
        legend.setWordWrap(True)
        legend.setStyleSheet("color: palette(placeholder-text);")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close the edit history"))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.only_session)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(legend)
        layout.addWidget(buttons)
        self.entries: list[HistoryEntry] = []
        controller.dataChanged.connect(self._data_changed)
        self.reload()
        self.table.setFocus()

    # -- words -------------------------------------------------------------------

    def _entity_word(self, entity: str) -> str:
        return {"focus_session": self.tr("session"), "session_pause": self.tr("pause"),
                "context_switch": self.tr("switch"), "interruption": self.tr("interruption"),
                "project": self.tr("project"), "project_batch": self.tr("batch"),
                "time_block": self.tr("time block"), "resume_note": self.tr("note"),
                "reflection": self.tr("reflection")}.get(entity, entity)

    def _field_word(self, field: str) -> str:
        return {"started_at": self.tr("start"), "ended_at": self.tr("end"),
                "at": self.tr("time"), "project_id": self.tr("project"),
                "to_project_id": self.tr("project"), "from_project_id": self.tr("from project"),
                "batch_id": self.tr("batch"), "start_at": self.tr("start"),
                "end_at": self.tr("end"), "name": self.tr("name"), "title": self.tr("title"),
                "text": self.tr("note"), "trigger": self.tr("reason"),
                "source": self.tr("source"), "kind": self.tr("kind"),
                "minutes": self.tr("minutes"), "satisfaction": self.tr("satisfaction"),
                "energy": self.tr("energy"), "reason": self.tr("reason"),
                "colour": self.tr("colour"), "estimate_minutes": self.tr("estimate"),
                "status": self.tr("status"), "due_date": self.tr("due date")}.get(field, field)

    def _when(self, at: datetime) -> str:
        local = as_utc(at).astimezone(self.controller.clock.zone())
        shown = QDateTime(QDate(local.year, local.month, local.day),
                          QTime(local.hour, local.minute))
        return str(QLocale().toString(shown, QLocale.FormatType.ShortFormat))

    def _value(self, field: str, value: Any) -> str:
        """A stored value as the person reads it."""
        if value is None:
            return "—"
        svc = self.controller.service
        try:
            if field.endswith("_at") or field == "at":
                local = as_utc(datetime.fromisoformat(str(value))).astimezone(
                    self.controller.clock.zone())
                today = svc.week.local(self.controller.clock.now()).date()
                if local.date() == today:
                    return clock_text(local)
                day = QLocale().toString(QDate(local.year, local.month, local.day),
                                         QLocale.FormatType.ShortFormat)
                return f"{day} {clock_text(local)}"
            if field.endswith("project_id"):
                return svc.project(int(str(value))).name
            if field == "batch_id":
                return svc.batch(int(str(value))).title
        except (ValueError, FokusError):  # a name gone: the raw value
            return str(value)
        return str(value)

    def _what(self, e: HistoryEntry) -> str:
        thing = self.tr("{entity} #{id}").format(entity=self._entity_word(e.entity),
                                                  id=e.entity_id)
        project = (e.after or e.before).get("project_id")
        if e.entity in ("focus_session", "time_block", "resume_note") and project is not None:
            thing = self.tr("{thing} ({project})").format(
                thing=thing, project=self._value("project_id", project))
        if e.action == "add":
            return self.tr("{thing} added").format(thing=thing)
        if e.action == "delete":
            return self.tr("{thing} deleted").format(thing=thing)
        fields = ", ".join(self.tr("{field} {before} → {after}").format(
            field=self._field_word(c.field), before=self._value(c.field, c.before),
            after=self._value(c.field, c.after)) for c in e.shown_changes)
        if e.lost:
            # The record keeps what is in effect (before) and the value that lost (after).
            fields = ", ".join(self.tr("{field} {lost} (now {kept})").format(
                field=self._field_word(c.field), lost=self._value(c.field, c.after),
                kept=self._value(c.field, c.before)) for c in e.shown_changes)
            return self.tr("{thing}: lost to another computer's newer change: {fields}").format(
                thing=thing, fields=fields or self.tr("no field you see"))
        text = self.tr("{thing} changed: {fields}").format(
            thing=thing, fields=fields or self.tr("no field you see"))
        if e.undone:
            text += " " + self.tr("(undone)")
        return text

    # -- showing -----------------------------------------------------------------

    def _data_changed(self, topics: frozenset[str]) -> None:
        if topics & {"history", "sessions", "activity", "projects", "batches"}:
            self.reload()

    def reload(self) -> None:
        if not self.controller.is_ready:
            return
        only = self.session_id if self.only_session.isChecked() else None
        self.setWindowTitle(self.tr("Fokus — History of session #{id}").format(id=only)
                            if only is not None else self.tr("Fokus — Edit history"))
        self.entries = HistoryLog(self.controller.service.store).entries(session_id=only)
        lost = sum(1 for e in self.entries if e.lost)
        if not self.entries:
            self.heading.setText(self.tr("Nothing in the past has been changed."))
        elif lost:
            self.heading.setText(self.tr(
                "{n} changes; {lost} of them values another computer's newer change "
                "replaced.").format(n=len(self.entries), lost=lost))
        else:
            self.heading.setText(self.tr("{n} changes, newest first.").format(
                n=len(self.entries)))
        self.table.clear()
        for e in self.entries:
            item = QTreeWidgetItem([self._when(e.at), e.user, e.machine, self._what(e)])
            item.setData(0, Qt.ItemDataRole.UserRole, e.id)
            item.setToolTip(3, item.text(3))
            if e.lost:
                for column in range(4):
                    item.setBackground(column, QBrush(LOST_BACKGROUND))
                    item.setForeground(column, QBrush(QColor("#6b2e00")))
            self.table.addTopLevelItem(item)
        for column in range(3):
            self.table.resizeColumnToContents(column)
        first = self.table.topLevelItem(0)
        if first is not None:
            self.table.setCurrentItem(first)
        else:
            self.detail.clear()

    def _show_detail(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            self.detail.clear()
            return
        e = next((x for x in self.entries
                  if x.id == item.data(0, Qt.ItemDataRole.UserRole)), None)
        if e is None:
            return
        lines = [self.tr("{when}, by {who} on {computer}:").format(
            when=self._when(e.at), who=e.user, computer=e.machine), self._what(e)]
        self.detail.setText("\n".join(lines))


def open_history(controller: FokusController, parent: QWidget | None,
                 session_id: int | None = None) -> EditHistoryWindow:
    """Show the edit history beside ``parent`` (one session's when given)."""
    window = EditHistoryWindow(controller, session_id, parent)
    window.setWindowFlag(Qt.WindowType.Window)
    window.show()
    window.activateWindow()
    return window
