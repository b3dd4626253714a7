"""What changed in the store, by topic: every committed write announces the
kinds of data it touched ("projects", "batches", "sessions", "blocks",
"settings", …), so a front end can refresh what shows them instead of every
caller remembering to say so.

The hook sits on the store's SQLAlchemy sessions, so each service method that
writes through ``Store.transaction()`` is covered without a line of its own,
bulk ``delete()``/``update()`` statements included. A heartbeat (only
``focus_session.heartbeat_at`` moved) is not a change anyone shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import ORMExecuteState, Session

from app.store.engine import Store

PROJECTS = "projects"
BATCHES = "batches"
SESSIONS = "sessions"
BLOCKS = "blocks"
SETTINGS = "settings"
ACTIVITY = "activity"  # switches, interruptions, resume notes
CALENDAR = "calendar"
REFLECTIONS = "reflections"
HISTORY = "history"  # edits made to the past by hand, and their undo

TOPIC_OF_TABLE = {
    "project": PROJECTS,
    "project_batch": BATCHES,
    "focus_session": SESSIONS,
    "session_pause": SESSIONS,
    "time_block": BLOCKS,
    "setting": SETTINGS,
    "context_switch": ACTIVITY,
    "interruption": ACTIVITY,
    "resume_note": ACTIVITY,
    "meeting": CALENDAR,
    "calendar_source": CALENDAR,
    "reflection": REFLECTIONS,
    "edit_record": HISTORY,
}
# Columns whose change alone is bookkeeping, not news.
QUIET = {"focus_session": {"heartbeat_at"}}
_KEY = "fokus_topics"

Listener = Callable[[frozenset[str]], None]


def _table(obj: Any) -> str:
    return str(getattr(obj, "__tablename__", type(obj).__name__.lower()))


def _changed_columns(obj: Any) -> set[str]:
    state = inspect(obj)
    return {attr.key for attr in state.attrs if attr.history.has_changes()}


class StoreChanges:
    """Calls its listeners with the topics of each committed write to one store."""

    def __init__(self, store: Store) -> None:
        self._engine = store.engine
        self._listeners: list[Listener] = []
        event.listen(Session, "after_flush", self._after_flush)
        event.listen(Session, "do_orm_execute", self._on_execute)
        event.listen(Session, "after_commit", self._after_commit)
        event.listen(Session, "after_rollback", self._after_rollback)

    def close(self) -> None:
        """Stop listening (the store is closing)."""
        for name, fn in (("after_flush", self._after_flush),
                         ("do_orm_execute", self._on_execute),
                         ("after_commit", self._after_commit),
                         ("after_rollback", self._after_rollback)):
            if event.contains(Session, name, fn):
                event.remove(Session, name, fn)
        self._listeners.clear()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(topics)`` after each committed write; returns the undo."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def announce(self, *topics: str) -> None:
        """Tell the listeners directly, for a write that bypasses the sessions."""
        if topics:
            self._tell(frozenset(topics))

    # -- the SQLAlchemy side ----------------------------------------------------------

    def _ours(self, session: Session) -> bool:
        return session.bind is self._engine

    def _pending(self, session: Session) -> set[str]:
        topics: set[str] = session.info.setdefault(_KEY, set())
        return topics

    def _after_flush(self, session: Session, _context: Any) -> None:
        if not self._ours(session):
            return
        pending = self._pending(session)
        for obj in (*session.new, *session.deleted):
            pending.add(TOPIC_OF_TABLE.get(_table(obj), _table(obj)))
        for obj in session.dirty:
            table = _table(obj)
            changed = _changed_columns(obj)
            if changed and not changed <= QUIET.get(table, set()):
                pending.add(TOPIC_OF_TABLE.get(table, table))

    def _on_execute(self, state: ORMExecuteState) -> None:
        if not (state.is_update or state.is_delete) or not self._ours(state.session):
            return
        table = getattr(getattr(state.statement, "table", None), "name", None)
        if table:
            self._pending(state.session).add(TOPIC_OF_TABLE.get(table, table))

    def _after_commit(self, session: Session) -> None:
        if not self._ours(session):
            return
        topics = session.info.pop(_KEY, None)
        if topics:
            self._tell(frozenset(topics))

    def _after_rollback(self, session: Session) -> None:
        session.info.pop(_KEY, None)

    def _tell(self, topics: frozenset[str]) -> None:
        for listener in list(self._listeners):
            listener(topics)
