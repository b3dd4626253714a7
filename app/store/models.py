"""The tables. Instants are stored as naive UTC datetimes with the local UTC
offset (minutes) of the moment beside them, so a week reads right after travel
or a change of daylight-saving time.

The schema itself is created by the migrations in ``app.migrations``; these
classes must agree with it, and a test checks that they do."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import DateTime, TypeDecorator
from sqlmodel import AutoString, Field, SQLModel

from app.domain import (
    BatchStatus,
    BlockKind,
    EndReason,
    InterruptionSource,
    Location,
    PauseReason,
    SessionState,
    SwitchTrigger,
    TaskType,
    Urgency,
)


class UtcDateTime(TypeDecorator[datetime]):
    """Naive UTC in the file, aware UTC in Python, whatever the caller passes."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None or value.tzinfo is None:
            return value
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Setting(SQLModel, table=True):
    key: str = Field(primary_key=True)
    value: str  # JSON


class Project(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    colour: str = "#2a9d8f"
    tech_stack: str = ""
    created_at: datetime = Field(sa_type=UtcDateTime)
    archived_at: datetime | None = Field(default=None, sa_type=UtcDateTime)


class ProjectBatch(SQLModel, table=True):
    __tablename__ = "project_batch"

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True)
    title: str
    task_type: TaskType = Field(default=TaskType.CODING, sa_type=AutoString)
    estimate_minutes: int = 90
    urgency: Urgency = Field(default=Urgency.NORMAL, sa_type=AutoString)
    due_date: date | None = None
    prep_note: str = ""
    status: BatchStatus = Field(default=BatchStatus.OPEN, sa_type=AutoString)
    created_at: datetime = Field(sa_type=UtcDateTime)
    done_at: datetime | None = Field(default=None, sa_type=UtcDateTime)


class TimeBlock(SQLModel, table=True):
    __tablename__ = "time_block"

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True)
    batch_id: int | None = Field(default=None, foreign_key="project_batch.id")
    start_at: datetime = Field(index=True, sa_type=UtcDateTime)
    end_at: datetime = Field(sa_type=UtcDateTime)
    utc_offset_min: int = 0
    kind: BlockKind = Field(default=BlockKind.DEEP, sa_type=AutoString)
    location: Location = Field(default=Location.REMOTE, sa_type=AutoString)
    source: str = "manual"


class FocusSession(SQLModel, table=True):
    __tablename__ = "focus_session"

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True)
    batch_id: int | None = Field(default=None, foreign_key="project_batch.id")
    planned_minutes: int
    started_at: datetime = Field(index=True, sa_type=UtcDateTime)
    utc_offset_min: int = 0
    ended_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    state: SessionState = Field(default=SessionState.FOCUSING, sa_type=AutoString)
    end_reason: EndReason | None = Field(default=None, sa_type=AutoString)
    # Written at start and at most every 30 s while the session runs in the
    # tray; after a crash the session is closed here.
    heartbeat_at: datetime = Field(sa_type=UtcDateTime)
    owner: str | None = None
    recovered_notice_pending: bool = False
    flow_rating: int | None = None
    source: str = "tray"


class SessionPause(SQLModel, table=True):
    __tablename__ = "session_pause"

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="focus_session.id", index=True, ondelete="CASCADE")
    started_at: datetime = Field(sa_type=UtcDateTime)
    ended_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    reason: PauseReason = Field(default=PauseReason.USER, sa_type=AutoString)


class ContextSwitch(SQLModel, table=True):
    __tablename__ = "context_switch"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True, sa_type=UtcDateTime)
    utc_offset_min: int = 0
    from_project_id: int | None = Field(default=None, foreign_key="project.id")
    to_project_id: int = Field(foreign_key="project.id")
    trigger: SwitchTrigger = Field(default=SwitchTrigger.SELF, sa_type=AutoString)
    source: str = "tray"


class Interruption(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True, sa_type=UtcDateTime)
    utc_offset_min: int = 0
    session_id: int | None = Field(default=None, foreign_key="focus_session.id")
    source: InterruptionSource = Field(default=InterruptionSource.OTHER, sa_type=AutoString)
    minutes: int | None = None


class Reflection(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    day: date = Field(unique=True)
    answered_at: datetime = Field(sa_type=UtcDateTime)
    satisfaction: int | None = None
    energy: int | None = None
    focus_ability: int | None = None
    productivity: int | None = None
    flow: str | None = None
    helped: str = ""
    hindered: str = ""
    burnout: int | None = None


class ResumeNote(SQLModel, table=True):
    __tablename__ = "resume_note"

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True)
    batch_id: int | None = Field(default=None, foreign_key="project_batch.id")
    written_at: datetime = Field(sa_type=UtcDateTime)
    text: str


class Meeting(SQLModel, table=True):
    """A meeting from an imported calendar; replaced whole on each import."""

    id: int | None = Field(default=None, primary_key=True)
    calendar: str = Field(index=True)
    uid: str
    start_at: datetime = Field(index=True, sa_type=UtcDateTime)
    end_at: datetime = Field(sa_type=UtcDateTime)
    utc_offset_min: int = 0
    title: str = ""
    all_day: bool = False
    location: str = ""


class CalendarSource(SQLModel, table=True):
    __tablename__ = "calendar_source"

    key: str = Field(primary_key=True)
    path: str
    imported_at: datetime = Field(sa_type=UtcDateTime)
    events: int = 0
    digest: str = ""


class EditRecord(SQLModel, table=True):
    """One change made to the past by hand (Today's timeline, ``fokus session``):
    who made it, when, on which row, and the row before and after as JSON. A
    deleted row lives on here whole (``before``), so undo brings it back under
    its own id. ``uid`` names the record everywhere (a later sync exchanges
    records by it); ``group_uid`` ties the records of one user action (a split
    is an edit and an add) so undo reverts them together; ``undone_at`` stamps
    an undo as ``at`` stamps the change."""

    __tablename__ = "edit_record"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True)
    group_uid: str = Field(index=True)
    at: datetime = Field(index=True, sa_type=UtcDateTime)
    utc_offset_min: int = 0
    user: str = ""
    machine: str = ""
    entity: str  # the table: focus_session, session_pause, context_switch, interruption
    entity_id: int
    action: str  # add | edit | delete
    before: str | None = None  # JSON of the row before (None for an add)
    after: str | None = None  # JSON of the row after (None for a delete)
    undone: bool = False
    undone_at: datetime | None = Field(default=None, sa_type=UtcDateTime)


class FocusBreak(SQLModel, table=True):
    """A break suggested after a focus session (app.focus.breaks): from the
    session's end until ``until``; what was taken is written when it ends."""

    __tablename__ = "focus_break"

    id: int | None = Field(default=None, primary_key=True)
    session_id: int | None = Field(default=None, foreign_key="focus_session.id", index=True,
                                   ondelete="SET NULL")
    suggested_at: datetime = Field(index=True, sa_type=UtcDateTime)
    utc_offset_min: int = 0
    focused_minutes: int = 0
    minutes: int  # suggested, after any shortening for a meeting
    until: datetime = Field(sa_type=UtcDateTime)
    state: str = "open"  # app.focus.breaks.BreakState
    reason: str = ""  # app.focus.breaks.BreakReason: why shortened or skipped
    snoozes: int = 0
    rested_until: datetime | None = Field(default=None, sa_type=UtcDateTime)
    ended_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    taken_minutes: int | None = None


class RepoMapping(SQLModel, table=True):
    """A local git working tree that belongs to a project; optionally a branch
    pattern (a regular expression, e.g. an issue key) that names a batch."""

    __tablename__ = "repo_mapping"

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True)
    path: str = Field(unique=True)
    branch_pattern: str = ""
    batch_id: int | None = Field(default=None, foreign_key="project_batch.id")
    added_at: datetime = Field(sa_type=UtcDateTime)


class RepoSnapshot(SQLModel, table=True):
    """Where a repository stood when its project was left. The branch, the last
    commit's subject and the changed files' names are kept only when the person
    turned ``git_store_names`` on; the count of changed files always."""

    __tablename__ = "repo_snapshot"

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True)
    repo_id: int = Field(foreign_key="repo_mapping.id", index=True, ondelete="CASCADE")
    taken_at: datetime = Field(sa_type=UtcDateTime)
    changed_count: int = 0
    branch: str | None = None
    last_subject: str | None = None
    changed_files: str | None = None  # JSON list of paths


class ResumptionLag(SQLModel, table=True):
    """One measured resumption: from a switch into a project to the first save
    or commit in its repositories."""

    __tablename__ = "resumption_lag"

    id: int | None = Field(default=None, primary_key=True)
    switch_id: int = Field(foreign_key="context_switch.id", unique=True)
    project_id: int = Field(foreign_key="project.id", index=True)
    switched_at: datetime = Field(index=True, sa_type=UtcDateTime)
    first_edit_at: datetime = Field(sa_type=UtcDateTime)
    utc_offset_min: int = 0
    seconds: float
    kind: str = "save"  # save | commit


# Meaningful re-export for callers that only want the enum of pause reasons.
__all__ = [
    "CalendarSource",
    "ContextSwitch",
    "EditRecord",
    "FocusBreak",
    "FocusSession",
    "Interruption",
    "Meeting",
    "PauseReason",
    "Project",
    "ProjectBatch",
    "Reflection",
    "RepoMapping",
    "RepoSnapshot",
    "ResumptionLag",
    "ResumeNote",
    "SessionPause",
    "Setting",
    "TimeBlock",
]


# -- one history on two machines (app/sync) -------------------------------------------


class SyncRow(SQLModel, table=True):
    """The uid that names a synced row on every machine (its ``row_key`` is the
    local id, or a setting's key)."""

    __tablename__ = "sync_row"

    entity: str = Field(primary_key=True)
    row_key: str = Field(primary_key=True)
    uid: str = Field(unique=True)


class SyncDirty(SQLModel, table=True):
    """A synced row written since the last export (kept by triggers)."""

    __tablename__ = "sync_dirty"

    entity: str = Field(primary_key=True)
    row_key: str = Field(primary_key=True)


class SyncField(SQLModel, table=True):
    """The winning value of one field of one synced row, with its hybrid-logical-
    clock stamp ("<ms>.<counter>.<machine>", ordered as text)."""

    __tablename__ = "sync_field"

    uid: str = Field(primary_key=True)
    field: str = Field(primary_key=True)
    entity: str
    value: str  # JSON
    stamp: str


class SyncTomb(SQLModel, table=True):
    """A deleted synced row: its deletion wins on every machine."""

    __tablename__ = "sync_tomb"

    uid: str = Field(primary_key=True)
    entity: str
    stamp: str | None = None  # None until the next export stamps it


class SyncMute(SQLModel, table=True):
    """While it holds a row (inside the merge's transaction) the sync triggers
    are quiet: what comes from another machine is not exported back."""

    __tablename__ = "sync_mute"

    id: int | None = Field(default=None, primary_key=True)


class SyncPeer(SQLModel, table=True):
    """A machine sharing the sync folder (this one too): who writes there and
    when it last wrote and was read."""

    __tablename__ = "sync_peer"

    machine: str = Field(primary_key=True)
    user: str
    host: str
    last_seq: int
    max_stamp: str  # the newest change of this machine applied here
    written_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    seen_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    # How far that machine has read this one's files, all of them from the
    # first (what it said in its latest file): older files can be folded.
    read_of_mine: int = 0


class SyncSeen(SQLModel, table=True):
    """A change file of another machine that has been applied."""

    __tablename__ = "sync_seen"

    machine: str = Field(primary_key=True)
    seq: int = Field(primary_key=True)
