"""The Fokus service: projects, batches and focus sessions behind one object.

Both front ends use it: the tray in its own process, and the command line,
either directly (no tray running) or through the tray (``app.commands``)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from sqlmodel import Session, col, func, select

from app.clock import Clock, as_utc
from app.domain import (
    FIRST_YEAR,
    LAST_YEAR,
    BatchStatus,
    EndReason,
    PauseReason,
    SessionState,
    TaskType,
    Urgency,
    row_id,
)
from app.errors import ErrorCode, FokusError
from app.focus.engine import FocusEngine, SessionView, naive
from app.store.engine import Store
from app.store.models import FocusSession, Project, ProjectBatch, TimeBlock
from app.store.settings import FOCUS_MINUTES, Settings

if TYPE_CHECKING:
    from app.activity.service import ActivityService
    from app.history.service import HistoryService
    from app.repos.service import RepoService
    from app.sync.service import SyncService
    from app.week.service import WeekService

COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
MAX_NAME = 80
MAX_TEXT = 2000
# Distinct, readable on light and dark panels; new projects take the next one.
PALETTE = ("#2a9d8f", "#e76f51", "#264653", "#e9c46a", "#8e5fa8", "#3a86ff", "#6a994e", "#c1121f")


@dataclass(frozen=True)
class PlannedChoice:
    """A menu entry for the current or next planned time block."""

    block_id: int
    project_id: int
    project: str
    batch_id: int | None
    batch: str | None
    start_at: datetime
    end_at: datetime
    utc_offset_min: int
    is_current: bool


# Characters that reorder or hide text (bidi overrides and isolates, the marks)
# or break a line: a name holding one reads differently from what it is.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                  "\u2066\u2067\u2068\u2069")


def _refuse(field: str, value: str) -> FokusError:
    shown = "".join(c if c.isprintable() and c not in _BIDI else "?" for c in value[:20])
    return FokusError(ErrorCode.INVALID_VALUE, field=field,
                      value=shown + ("…" if len(value) > 20 else ""))


def _text(value: str, field: str, limit: int = MAX_TEXT, required: bool = False,
          lines: bool = True) -> str:
    """Free text, trimmed: no control characters but newlines and tabs (and
    those only where ``lines``), no bidi overrides."""
    value = (value or "").strip()
    if required and not value:
        raise FokusError(ErrorCode.INVALID_VALUE, field=field, value=value)
    if len(value) > limit:
        raise _refuse(field, value)
    allowed = "\n\t" if lines else ""
    for c in value:
        if c in _BIDI or (unicodedata.category(c) in ("Cc", "Zl", "Zp") and c not in allowed):
            raise _refuse(field, value)
    return value


def _name(value: str, field: str, limit: int = MAX_NAME) -> str:
    """A name shown in menus, lists and on the command line: one line, and not
    starting with "-" (it would read as an option)."""
    value = _text(value, field, limit, required=True, lines=False)
    if value.startswith("-"):
        raise _refuse(field, value)
    return value


def _named(s: Session, name: str) -> Project | None:
    """The project with this name, ignoring case in every script (SQLite's
    lower() knows only ASCII: "Ú" and "ú" would both be stored, then clash)."""
    wanted = name.casefold()
    for project in s.exec(select(Project)):
        if project.name.casefold() == wanted:
            return project
    return None


def check_date(value: date | None, field: str = "date") -> date | None:
    """A date Fokus can keep and show: 1970 to 2100."""
    if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise FokusError(ErrorCode.INVALID_VALUE, field=field, value=value.isoformat())
    return value


E = TypeVar("E", TaskType, Urgency)


def _enum(kind: type[E], value: str | E, field: str) -> E:
    try:
        return kind(value)
    except ValueError:
        raise FokusError(ErrorCode.INVALID_VALUE, field=field, value=value) from None


class FokusService:
    def __init__(self, store: Store, clock: Clock, owner: str | None = None) -> None:
        self.store = store
        self.clock = clock
        # Every setting is read and written through this, by its declaration:
        # ``svc.settings.get(FOCUS_MINUTES)``.
        self.settings = Settings(store)
        self.engine = FocusEngine(store, clock, owner=owner)
        from app.focus.breaks import BreakService
        from app.focus.goals import Goals

        self.breaks = BreakService(store, clock)
        self.engine.listeners.append(self.breaks)  # it hears every session's end
        self.goals = Goals(store, clock)

    # The services of the other capabilities are made (and their modules
    # imported) when first used: ``fokus status`` needs none of them, and
    # they cost a command without the tray about 60 ms.

    @cached_property
    def week(self) -> WeekService:
        from app.week.service import WeekService

        return WeekService(self.store, self.clock)

    @cached_property
    def activity(self) -> ActivityService:
        from app.activity.service import ActivityService

        return ActivityService(self.store, self.clock, self.engine)

    @cached_property
    def repos(self) -> RepoService:
        from app.repos.service import RepoService

        return RepoService(self.store, self.clock)

    @cached_property
    def history(self) -> HistoryService:
        """Editing the past by hand, every edit recorded and undoable."""
        from app.history.service import HistoryService

        return HistoryService(self.store, self.clock)

    @cached_property
    def sync(self) -> SyncService:
        """One history on several machines, through a folder the person syncs."""
        from app.sync.service import SyncService

        return SyncService(self.store, self.clock)

    # -- projects ------------------------------------------------------------

    def projects(self, include_archived: bool = False) -> list[Project]:
        with self.store.transaction() as s:
            stmt = select(Project)
            if not include_archived:
                stmt = stmt.where(col(Project.archived_at).is_(None))
            return list(s.exec(stmt.order_by(func.lower(Project.name))))

    def project(self, ref: str | int, allow_archived: bool = True) -> Project:
        """A project by id or by name (case-insensitive)."""
        with self.store.transaction() as s:
            found: Project | None = None
            key = row_id(ref)
            if key is not None:
                found = s.get(Project, key)
            if found is None and isinstance(ref, str):
                found = _named(s, ref.strip())
            if found is None:
                raise FokusError(ErrorCode.UNKNOWN_PROJECT, project=ref)
            if found.archived_at is not None and not allow_archived:
                raise FokusError(ErrorCode.PROJECT_ARCHIVED, project=found.name)
            return found

    def add_project(self, name: str, colour: str | None = None, tech_stack: str = "") -> Project:
        name = _name(name, "name")
        if colour is not None and not COLOUR_RE.match(colour):
            raise FokusError(ErrorCode.INVALID_VALUE, field="colour", value=colour)
        with self.store.transaction() as s:
            clash = _named(s, name)
            if clash is not None:
                raise FokusError(ErrorCode.PROJECT_EXISTS, project=clash.name)
            count = s.exec(select(func.count()).select_from(Project)).one()
            project = Project(
                name=name,
                colour=colour or PALETTE[count % len(PALETTE)],
                tech_stack=_text(tech_stack, "tech_stack", 200, lines=False),
                created_at=naive(self.clock.now()),
            )
            s.add(project)
            s.flush()
            return project

    def update_project(
        self, project_id: int, name: str, colour: str, tech_stack: str
    ) -> Project:
        name = _name(name, "name")
        if not COLOUR_RE.match(colour):
            raise FokusError(ErrorCode.INVALID_VALUE, field="colour", value=colour)
        with self.store.transaction() as s:
            project = s.get(Project, project_id)
            if project is None:
                raise FokusError(ErrorCode.UNKNOWN_PROJECT, project=project_id)
            clash = _named(s, name)
            if clash is not None and clash.id != project_id:
                raise FokusError(ErrorCode.PROJECT_EXISTS, project=clash.name)
            project.name = name
            project.colour = colour
            project.tech_stack = _text(tech_stack, "tech_stack", 200, lines=False)
            return project

    def archive_project(self, ref: str | int, archived: bool = True) -> Project:
        target = self.project(ref)
        current = self.engine.current()
        if archived and current is not None and current.project_id == target.id:
            raise FokusError(ErrorCode.ALREADY_FOCUSING)
        with self.store.transaction() as s:
            project = s.get(Project, target.id)
            assert project is not None
            project.archived_at = naive(self.clock.now()) if archived else None
            return project

    # -- batches -------------------------------------------------------------

    def batches(
        self, project: str | int | None = None, include_done: bool = False
    ) -> list[ProjectBatch]:
        project_id = self.project(project).id if project is not None else None
        with self.store.transaction() as s:
            stmt = select(ProjectBatch).join(Project).where(col(Project.archived_at).is_(None))
            if project_id is not None:
                stmt = stmt.where(ProjectBatch.project_id == project_id)
            if not include_done:
                stmt = stmt.where(ProjectBatch.status == BatchStatus.OPEN)
            rows = list(s.exec(stmt))
        today = self.clock.now().date()

        def priority(b: ProjectBatch) -> tuple[int, int, date, int]:
            due = b.due_date or date.max
            return (
                0 if b.status == BatchStatus.OPEN else 1,
                -Urgency(b.urgency).rank,
                due if due >= today else today,
                b.id or 0,
            )

        return sorted(rows, key=priority)

    def batch(self, batch_id: int | str) -> ProjectBatch:
        key = row_id(batch_id)
        if key is None:
            raise FokusError(ErrorCode.UNKNOWN_BATCH, batch=batch_id)
        with self.store.transaction() as s:
            found = s.get(ProjectBatch, key)
            if found is None:
                raise FokusError(ErrorCode.UNKNOWN_BATCH, batch=batch_id)
            return found

    def add_batch(
        self,
        project: str | int,
        title: str,
        task_type: str | TaskType = TaskType.CODING,
        estimate_minutes: int = 90,
        urgency: str | Urgency = Urgency.NORMAL,
        due_date: date | None = None,
        prep_note: str = "",
    ) -> ProjectBatch:
        owner = self.project(project, allow_archived=False)
        batch = ProjectBatch(
            project_id=owner.id,  # type: ignore[arg-type]
            title=_name(title, "title", 200),
            task_type=_enum(TaskType, task_type, "type"),
            estimate_minutes=self._estimate(estimate_minutes),
            urgency=_enum(Urgency, urgency, "urgency"),
            due_date=check_date(due_date, "due"),
            prep_note=_text(prep_note, "note"),
            created_at=naive(self.clock.now()),
        )
        with self.store.transaction() as s:
            s.add(batch)
            s.flush()
            return batch

    @staticmethod
    def _estimate(minutes: int) -> int:
        if not isinstance(minutes, int) or not 1 <= minutes <= 100 * 60:
            raise FokusError(ErrorCode.INVALID_VALUE, field="estimate", value=minutes)
        return minutes

    def update_batch(
        self,
        batch_id: int,
        project: str | int,
        title: str,
        task_type: str | TaskType,
        estimate_minutes: int,
        urgency: str | Urgency,
        due_date: date | None,
        prep_note: str,
    ) -> ProjectBatch:
        owner = self.project(project, allow_archived=False)
        with self.store.transaction() as s:
            batch = s.get(ProjectBatch, batch_id)
            if batch is None:
                raise FokusError(ErrorCode.UNKNOWN_BATCH, batch=batch_id)
            batch.project_id = owner.id  # type: ignore[assignment]
            batch.title = _name(title, "title", 200)
            batch.task_type = _enum(TaskType, task_type, "type")
            batch.estimate_minutes = self._estimate(estimate_minutes)
            batch.urgency = _enum(Urgency, urgency, "urgency")
            batch.due_date = check_date(due_date, "due")
            batch.prep_note = _text(prep_note, "note")
            return batch

    def set_batch_done(self, batch_id: int | str, done: bool = True) -> ProjectBatch:
        target = self.batch(batch_id)
        with self.store.transaction() as s:
            batch = s.get(ProjectBatch, target.id)
            assert batch is not None
            batch.status = BatchStatus.DONE if done else BatchStatus.OPEN
            batch.done_at = naive(self.clock.now()) if done else None
            return batch

    # -- the plan, as far as the tray needs it --------------------------------

    def planned_choices(self) -> list[PlannedChoice]:
        """The batches of the current time block, or else of the next one today."""
        now = self.clock.now()
        with self.store.transaction() as s:
            stmt = (
                select(TimeBlock, Project)
                .join(Project)
                .where(col(TimeBlock.end_at) > naive(now), col(Project.archived_at).is_(None))
                .order_by(col(TimeBlock.start_at))
                .limit(6)
            )
            rows = list(s.exec(stmt))
            titles = {
                b.id: b.title
                for b in s.exec(
                    select(ProjectBatch).where(
                        col(ProjectBatch.id).in_([tb.batch_id for tb, _ in rows if tb.batch_id])
                    )
                )
            }
        if not rows:
            return []
        first_start = as_utc(rows[0][0].start_at)
        choices = []
        for block, project in rows:
            start, end = as_utc(block.start_at), as_utc(block.end_at)
            # The first upcoming block (with any that start with it), if it
            # starts within the working day ahead.
            if start > first_start or (start - now).total_seconds() > 12 * 3600:
                break
            assert block.id is not None and project.id is not None
            choices.append(
                PlannedChoice(
                    block_id=block.id,
                    project_id=project.id,
                    project=project.name,
                    batch_id=block.batch_id,
                    batch=titles.get(block.batch_id) if block.batch_id else None,
                    start_at=start,
                    end_at=end,
                    utc_offset_min=block.utc_offset_min,
                    is_current=start <= now,
                )
            )
        return choices

    def hotkey_choice(self) -> tuple[int, int | None] | None:
        """What the start-or-stop hotkey starts: the block planned now (with its
        batch), else the project worked on today, else the one last worked on,
        else the first project; None when there is no project."""
        planned = next((c for c in self.planned_choices() if c.is_current), None)
        if planned is not None:
            return planned.project_id, planned.batch_id
        project = self.activity.current_project_id() or self.activity.last_project_id()
        if project is None:
            projects = self.projects()
            project = projects[0].id if projects else None
        return (project, None) if project is not None else None

    def planned_batch_now(self, project_id: int) -> int | None:
        """The batch planned for ``project_id`` in the block running now, if any:
        a switch into a planned block starts its batch, not the bare project."""
        for choice in self.planned_choices():
            if choice.is_current and choice.project_id == project_id and choice.batch_id:
                return choice.batch_id
        return None

    # -- focus sessions ------------------------------------------------------

    def start(
        self,
        project: str | int,
        batch: int | str | None = None,
        minutes: int | None = None,
        source: str = "tray",
    ) -> SessionView:
        """Start a focus session; unless given, it lasts until the end of the
        project's block running now, else the stored FOCUS_MINUTES."""
        owner = self.project(project, allow_archived=False)
        if minutes is None:
            assert owner.id is not None
            minutes = self.week.block_minutes_left(
                owner.id, self.batch(batch).id if batch is not None else None) or \
                self.settings.get(FOCUS_MINUTES)
        batch_id: int | None = None
        if batch is not None:
            found = self.batch(batch)
            if found.project_id != owner.id:
                raise FokusError(ErrorCode.BATCH_NOT_IN_PROJECT, batch=batch, project=owner.name)
            if found.status == BatchStatus.DONE:
                raise FokusError(ErrorCode.BATCH_DONE, batch=found.title)
            batch_id = found.id
        assert owner.id is not None
        return self.engine.start(owner.id, batch_id, minutes, source)

    def stop(self) -> SessionView:
        return self.engine.stop(EndReason.STOPPED)

    def pause(self) -> SessionView:
        return self.engine.pause(PauseReason.USER)

    def resume(self) -> SessionView:
        return self.engine.resume()

    def current(self) -> SessionView | None:
        return self.engine.current()

    def last_session(self) -> SessionView | None:
        with self.store.transaction() as s:
            last = s.exec(
                select(FocusSession).order_by(col(FocusSession.started_at).desc())
            ).first()
            last_id = last.id if last else None
        return self.engine.get(last_id) if last_id is not None else None

    def status(self) -> dict[str, object]:
        view = self.current()
        if view is None:
            return {
                "state": SessionState.IDLE.value,
                "project": None,
                "batch": None,
                "started_at": None,
                "remaining_seconds": None,
            }
        data: dict[str, object] = view.to_json()
        return data
