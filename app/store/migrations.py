"""Schema versions. Each migration moves the database one version up, inside one
transaction; ``PRAGMA user_version`` records where a database stands.

Never edit a migration that has shipped: add the next one."""

from __future__ import annotations

MIGRATIONS: dict[int, list[str]] = {
    # 1: projects, batches and focus sessions with their pauses.
    1: [
        """CREATE TABLE setting (
            key VARCHAR NOT NULL PRIMARY KEY,
            value VARCHAR NOT NULL)""",
        """CREATE TABLE project (
            id INTEGER NOT NULL PRIMARY KEY,
            name VARCHAR NOT NULL UNIQUE,
            colour VARCHAR NOT NULL,
            tech_stack VARCHAR NOT NULL,
            created_at DATETIME NOT NULL,
            archived_at DATETIME)""",
        """CREATE TABLE project_batch (
            id INTEGER NOT NULL PRIMARY KEY,
            project_id INTEGER NOT NULL REFERENCES project (id),
            title VARCHAR NOT NULL,
            task_type VARCHAR NOT NULL,
            estimate_minutes INTEGER NOT NULL,
            urgency VARCHAR NOT NULL,
            due_date DATE,
            prep_note VARCHAR NOT NULL,
            status VARCHAR NOT NULL,
            created_at DATETIME NOT NULL,
            done_at DATETIME)""",
        "CREATE INDEX ix_project_batch_project_id ON project_batch (project_id)",
        """CREATE TABLE focus_session (
            id INTEGER NOT NULL PRIMARY KEY,
            project_id INTEGER NOT NULL REFERENCES project (id),
            batch_id INTEGER REFERENCES project_batch (id),
            planned_minutes INTEGER NOT NULL,
            started_at DATETIME NOT NULL,
            utc_offset_min INTEGER NOT NULL,
            ended_at DATETIME,
            state VARCHAR NOT NULL,
            end_reason VARCHAR,
            heartbeat_at DATETIME NOT NULL,
            owner VARCHAR,
            recovered_notice_pending BOOLEAN NOT NULL)""",
        "CREATE INDEX ix_focus_session_project_id ON focus_session (project_id)",
        "CREATE INDEX ix_focus_session_started_at ON focus_session (started_at)",
        """CREATE TABLE session_pause (
            id INTEGER NOT NULL PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES focus_session (id) ON DELETE CASCADE,
            started_at DATETIME NOT NULL,
            ended_at DATETIME,
            reason VARCHAR NOT NULL)""",
        "CREATE INDEX ix_session_pause_session_id ON session_pause (session_id)",
    ],
    # 2: the week (time blocks), switches, interruptions, reflections and
    # resume notes; sessions learn their flow rating and where they were started.
    2: [
        "ALTER TABLE focus_session ADD COLUMN flow_rating INTEGER",
        "ALTER TABLE focus_session ADD COLUMN source VARCHAR NOT NULL DEFAULT 'tray'",
        """CREATE TABLE time_block (
            id INTEGER NOT NULL PRIMARY KEY,
            project_id INTEGER NOT NULL REFERENCES project (id),
            batch_id INTEGER REFERENCES project_batch (id),
            start_at DATETIME NOT NULL,
            end_at DATETIME NOT NULL,
            utc_offset_min INTEGER NOT NULL,
            kind VARCHAR NOT NULL,
            location VARCHAR NOT NULL,
            source VARCHAR NOT NULL)""",
        "CREATE INDEX ix_time_block_project_id ON time_block (project_id)",
        "CREATE INDEX ix_time_block_start_at ON time_block (start_at)",
        """CREATE TABLE context_switch (
            id INTEGER NOT NULL PRIMARY KEY,
            at DATETIME NOT NULL,
            utc_offset_min INTEGER NOT NULL,
            from_project_id INTEGER REFERENCES project (id),
            to_project_id INTEGER NOT NULL REFERENCES project (id),
            "trigger" VARCHAR NOT NULL,
            source VARCHAR NOT NULL)""",
        "CREATE INDEX ix_context_switch_at ON context_switch (at)",
        """CREATE TABLE interruption (
            id INTEGER NOT NULL PRIMARY KEY,
            at DATETIME NOT NULL,
            utc_offset_min INTEGER NOT NULL,
            session_id INTEGER REFERENCES focus_session (id),
            source VARCHAR NOT NULL,
            minutes INTEGER)""",
        "CREATE INDEX ix_interruption_at ON interruption (at)",
        """CREATE TABLE reflection (
            id INTEGER NOT NULL PRIMARY KEY,
            day DATE NOT NULL UNIQUE,
            answered_at DATETIME NOT NULL,
            satisfaction INTEGER,
            energy INTEGER,
            focus_ability INTEGER,
            productivity INTEGER,
            flow VARCHAR,
            helped VARCHAR NOT NULL,
            hindered VARCHAR NOT NULL,
            burnout INTEGER)""",
        """CREATE TABLE resume_note (
            id INTEGER NOT NULL PRIMARY KEY,
            project_id INTEGER NOT NULL REFERENCES project (id),
            batch_id INTEGER REFERENCES project_batch (id),
            written_at DATETIME NOT NULL,
            text VARCHAR NOT NULL)""",
        "CREATE INDEX ix_resume_note_project_id ON resume_note (project_id)",
    ],
    # 3: meetings imported from calendar files, and where they came from.
    3: [
        """CREATE TABLE meeting (
            id INTEGER NOT NULL PRIMARY KEY,
            calendar VARCHAR NOT NULL,
            uid VARCHAR NOT NULL,
            start_at DATETIME NOT NULL,
            end_at DATETIME NOT NULL,
            utc_offset_min INTEGER NOT NULL,
            title VARCHAR NOT NULL,
            all_day BOOLEAN NOT NULL,
            location VARCHAR NOT NULL)""",
        "CREATE INDEX ix_meeting_start_at ON meeting (start_at)",
        "CREATE INDEX ix_meeting_calendar ON meeting (calendar)",
        """CREATE TABLE calendar_source (
            key VARCHAR NOT NULL PRIMARY KEY,
            path VARCHAR NOT NULL,
            imported_at DATETIME NOT NULL,
            events INTEGER NOT NULL,
            digest VARCHAR NOT NULL)""",
    ],
}

CURRENT_VERSION = max(MIGRATIONS)
