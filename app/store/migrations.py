"""Schema versions. Each migration moves the database one version up, inside one
transaction; ``PRAGMA user_version`` records where a database stands.

Never edit a migration that has shipped: add the next one."""

from __future__ import annotations

from app.store.synced import SyncedTable, synced_in


def _uid_of_new(t: SyncedTable) -> str:
    """SQL for the uid a row takes when it is made on this machine."""
    if t.natural_key is None:
        return "lower(hex(randomblob(16)))"
    natural = f"'{t.name}:' || NEW.{t.natural_key}"
    if t.name == "setting":
        return natural
    # A natural uid already taken (a renamed project's, a deleted one's): a random one.
    return (f"CASE WHEN EXISTS (SELECT 1 FROM sync_row WHERE uid = {natural}) "
            f"OR EXISTS (SELECT 1 FROM sync_tomb WHERE uid = {natural}) "
            f"THEN lower(hex(randomblob(16))) ELSE {natural} END")


def _sync_triggers(t: SyncedTable) -> list[str]:
    """Every insert, update and delete of a synced table marks the row for the
    next export (``sync_dirty``); a delete leaves a tombstone. The sync engine
    mutes them (a row in ``sync_mute``, inside its own transaction) while it
    writes what came from another machine."""
    key = f"CAST(NEW.{t.key_column} AS TEXT)"
    old = f"CAST(OLD.{t.key_column} AS TEXT)"
    quiet = "WHEN NOT EXISTS (SELECT 1 FROM sync_mute)"
    on_delete = (
        f"INSERT OR IGNORE INTO sync_dirty (entity, row_key) VALUES ('{t.name}', {old});"
        if t.name == "setting" else
        f"""INSERT OR IGNORE INTO sync_tomb (uid, entity, stamp)
                SELECT uid, '{t.name}', NULL FROM sync_row
                WHERE entity = '{t.name}' AND row_key = {old};
            DELETE FROM sync_row WHERE entity = '{t.name}' AND row_key = {old};
            DELETE FROM sync_dirty WHERE entity = '{t.name}' AND row_key = {old};""")
    return [
        f"""CREATE TRIGGER sync_{t.name}_insert AFTER INSERT ON {t.name} {quiet}
            BEGIN
            INSERT OR {"IGNORE" if t.name == "setting" else "REPLACE"}
                INTO sync_row (entity, row_key, uid) VALUES ('{t.name}', {key}, {_uid_of_new(t)});
            INSERT OR IGNORE INTO sync_dirty (entity, row_key) VALUES ('{t.name}', {key});
            END""",
        f"""CREATE TRIGGER sync_{t.name}_update AFTER UPDATE ON {t.name} {quiet}
            BEGIN
            INSERT OR IGNORE INTO sync_dirty (entity, row_key) VALUES ('{t.name}', {key});
            END""",
        f"""CREATE TRIGGER sync_{t.name}_delete AFTER DELETE ON {t.name} {quiet}
            BEGIN
            {on_delete}
            END""",
    ]


def _sync_fill(t: SyncedTable) -> list[str]:
    """Uids for the rows already there, each marked for the first export."""
    uid = ("lower(hex(randomblob(16)))" if t.natural_key is None
           else f"'{t.name}:' || {t.natural_key}")
    return [
        f"""INSERT INTO sync_row (entity, row_key, uid)
            SELECT '{t.name}', CAST({t.key_column} AS TEXT), {uid} FROM {t.name}""",
        f"""INSERT INTO sync_dirty (entity, row_key)
            SELECT '{t.name}', CAST({t.key_column} AS TEXT) FROM {t.name}""",
    ]


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
    # 4: settings move to the keys declared in app/store/settings.py. The idle
    # threshold is kept in minutes; the hotkeys dictionary becomes one setting per
    # action; the focus length and the projects-per-day limit leave the work model
    # and become settings of their own (a focus length set from the tray wins);
    # a language of null or "" meant "the system's" and is simply not stored.
    # CASE guards every JSON function, so a value that is not valid JSON cannot
    # stop the migration: it is dropped (the setting reads as its default).
    4: [
        """INSERT OR IGNORE INTO setting (key, value)
            SELECT 'idle_threshold_minutes',
                   CAST(MIN(120, MAX(1, CAST(ROUND(json_extract(value, '$') / 60.0) AS INTEGER)))
                        AS TEXT)
            FROM setting
            WHERE key = 'idle_threshold_seconds'
              AND CASE WHEN json_valid(value) THEN json_type(value) END IN ('integer', 'real')""",
        "DELETE FROM setting WHERE key = 'idle_threshold_seconds'",
        """INSERT OR IGNORE INTO setting (key, value)
            SELECT 'hotkey_' || action.key, json_quote(action.value)
            FROM setting,
                 json_each(CASE WHEN json_valid(setting.value)
                            THEN CASE WHEN json_type(setting.value) = 'object'
                                      THEN setting.value END END) AS action
            WHERE setting.key = 'hotkeys'
              AND action.key IN ('toggle_focus', 'interruption', 'switch')
              AND action.type = 'text'""",
        "DELETE FROM setting WHERE key = 'hotkeys'",
        """INSERT OR IGNORE INTO setting (key, value)
            SELECT 'focus_minutes',
                   CAST(MIN(240, MAX(15, json_extract(value, '$.focus_minutes'))) AS TEXT)
            FROM setting
            WHERE key = 'work_model'
              AND CASE WHEN json_valid(value) THEN
                    CASE WHEN json_type(value) = 'object'
                         THEN json_type(value, '$.focus_minutes') END END = 'integer'""",
        """INSERT OR IGNORE INTO setting (key, value)
            SELECT 'project_limit',
                   CAST(MIN(10, MAX(1, json_extract(value, '$.max_projects_per_day'))) AS TEXT)
            FROM setting
            WHERE key = 'work_model'
              AND CASE WHEN json_valid(value) THEN
                    CASE WHEN json_type(value) = 'object'
                         THEN json_type(value, '$.max_projects_per_day') END END = 'integer'""",
        """UPDATE setting
            SET value = json_remove(value, '$.focus_minutes', '$.max_projects_per_day')
            WHERE key = 'work_model'
              AND CASE WHEN json_valid(value) THEN json_type(value) END = 'object'""",
        """DELETE FROM setting
            WHERE key = 'language'
              AND CASE WHEN json_valid(value)
                       THEN CASE json_type(value)
                                 WHEN 'null' THEN 1
                                 WHEN 'text' THEN trim(json_extract(value, '$')) = ''
                                 ELSE 0 END
                       ELSE 1 END""",
    ],
    # 5: indexes for the questions asked every day, so that years of history
    # cost what one does: the open session (by state, at every start and
    # refresh), a pending recovery notice, and the open batches the planner and
    # the tray list.
    5: [
        "CREATE INDEX ix_focus_session_state ON focus_session (state)",
        # Partial: only the rare pending rows are in it; the query's "= 1" matches it.
        """CREATE INDEX ix_focus_session_recovered ON focus_session (recovered_notice_pending)
            WHERE recovered_notice_pending = 1""",
        "CREATE INDEX ix_project_batch_status ON project_batch (status)",
    ],
    # 6: the history of edits made to the past by hand (app/history): one row per
    # changed row, with its content before and after, so figures can say what
    # was added or edited after the fact and undo can restore a deleted row.
    6: [
        """CREATE TABLE edit_record (
            id INTEGER NOT NULL PRIMARY KEY,
            uid VARCHAR NOT NULL UNIQUE,
            group_uid VARCHAR NOT NULL,
            at DATETIME NOT NULL,
            utc_offset_min INTEGER NOT NULL,
            user VARCHAR NOT NULL,
            machine VARCHAR NOT NULL,
            entity VARCHAR NOT NULL,
            entity_id INTEGER NOT NULL,
            action VARCHAR NOT NULL,
            before VARCHAR,
            after VARCHAR,
            undone BOOLEAN NOT NULL,
            undone_at DATETIME)""",
        "CREATE INDEX ix_edit_record_group_uid ON edit_record (group_uid)",
        "CREATE INDEX ix_edit_record_at ON edit_record (at)",
        "CREATE INDEX ix_edit_record_entity ON edit_record (entity, entity_id)",
    ],
    # 7: breaks suggested after focus sessions, and what was taken of them.
    7: [
        """CREATE TABLE focus_break (
            id INTEGER NOT NULL PRIMARY KEY,
            session_id INTEGER REFERENCES focus_session (id) ON DELETE SET NULL,
            suggested_at DATETIME NOT NULL,
            utc_offset_min INTEGER NOT NULL,
            focused_minutes INTEGER NOT NULL,
            minutes INTEGER NOT NULL,
            until DATETIME NOT NULL,
            state VARCHAR NOT NULL,
            reason VARCHAR NOT NULL,
            snoozes INTEGER NOT NULL,
            rested_until DATETIME,
            ended_at DATETIME,
            taken_minutes INTEGER)""",
        "CREATE INDEX ix_focus_break_session_id ON focus_break (session_id)",
        "CREATE INDEX ix_focus_break_suggested_at ON focus_break (suggested_at)",
        "CREATE INDEX ix_focus_break_state ON focus_break (state)",
    ],
    # 8: local git working trees mapped to projects, where each stood when its
    # project was left, and each measured resumption lag.
    8: [
        """CREATE TABLE repo_mapping (
            id INTEGER NOT NULL PRIMARY KEY,
            project_id INTEGER NOT NULL REFERENCES project (id),
            path VARCHAR NOT NULL UNIQUE,
            branch_pattern VARCHAR NOT NULL,
            batch_id INTEGER REFERENCES project_batch (id),
            added_at DATETIME NOT NULL)""",
        "CREATE INDEX ix_repo_mapping_project_id ON repo_mapping (project_id)",
        """CREATE TABLE repo_snapshot (
            id INTEGER NOT NULL PRIMARY KEY,
            project_id INTEGER NOT NULL REFERENCES project (id),
            repo_id INTEGER NOT NULL REFERENCES repo_mapping (id) ON DELETE CASCADE,
            taken_at DATETIME NOT NULL,
            changed_count INTEGER NOT NULL,
            branch VARCHAR,
            last_subject VARCHAR,
            changed_files VARCHAR)""",
        "CREATE INDEX ix_repo_snapshot_project_id ON repo_snapshot (project_id)",
        "CREATE INDEX ix_repo_snapshot_repo_id ON repo_snapshot (repo_id)",
        """CREATE TABLE resumption_lag (
            id INTEGER NOT NULL PRIMARY KEY,
            switch_id INTEGER NOT NULL UNIQUE REFERENCES context_switch (id),
            project_id INTEGER NOT NULL REFERENCES project (id),
            switched_at DATETIME NOT NULL,
            first_edit_at DATETIME NOT NULL,
            utc_offset_min INTEGER NOT NULL,
            seconds FLOAT NOT NULL,
            kind VARCHAR NOT NULL)""",
        "CREATE INDEX ix_resumption_lag_project_id ON resumption_lag (project_id)",
        "CREATE INDEX ix_resumption_lag_switched_at ON resumption_lag (switched_at)",
    ],
    # 9: one history on two machines (app/sync): a uid for every synced row, the
    # rows changed since the last export, the winning value and hybrid-logical-
    # clock stamp of every field, tombstones of deleted rows, the other machines
    # and which of their change files were applied.
    9: [
        """CREATE TABLE sync_row (
            entity VARCHAR NOT NULL,
            row_key VARCHAR NOT NULL,
            uid VARCHAR NOT NULL UNIQUE,
            PRIMARY KEY (entity, row_key))""",
        """CREATE TABLE sync_dirty (
            entity VARCHAR NOT NULL,
            row_key VARCHAR NOT NULL,
            PRIMARY KEY (entity, row_key))""",
        """CREATE TABLE sync_field (
            uid VARCHAR NOT NULL,
            field VARCHAR NOT NULL,
            entity VARCHAR NOT NULL,
            value VARCHAR NOT NULL,
            stamp VARCHAR NOT NULL,
            PRIMARY KEY (uid, field))""",
        """CREATE TABLE sync_tomb (
            uid VARCHAR NOT NULL PRIMARY KEY,
            entity VARCHAR NOT NULL,
            stamp VARCHAR)""",
        "CREATE TABLE sync_mute (id INTEGER NOT NULL PRIMARY KEY)",
        """CREATE TABLE sync_peer (
            machine VARCHAR NOT NULL PRIMARY KEY,
            user VARCHAR NOT NULL,
            host VARCHAR NOT NULL,
            last_seq INTEGER NOT NULL,
            max_stamp VARCHAR NOT NULL,
            written_at DATETIME,
            seen_at DATETIME)""",
        """CREATE TABLE sync_seen (
            machine VARCHAR NOT NULL,
            seq INTEGER NOT NULL,
            PRIMARY KEY (machine, seq))""",
        *[statement for t in synced_in(9) for statement in (*_sync_fill(t), *_sync_triggers(t))],
    ],
    # 10: kept for the speed work (issue 15), which may need it; nothing here.
    10: [],
    # 11: breaks travel too (the weekly report counts them): their uids and triggers.
    # and how far each other machine has read this one's change files (so
    # the files every machine has read can be folded into one).
    11: [*[statement for t in synced_in(11)
           for statement in (*_sync_fill(t), *_sync_triggers(t))],
         "ALTER TABLE sync_peer ADD COLUMN read_of_mine INTEGER NOT NULL DEFAULT 0"],
}

CURRENT_VERSION = max(MIGRATIONS)
