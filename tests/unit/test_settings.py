"""The settings declarations: typed reads, checked writes, defaults in one place."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.clock import FakeClock
from app.errors import ErrorCode, FokusError
from app.service import FokusService
from app.store import settings as S
from app.store.engine import Store


def test_defaults_until_set_then_the_stored_value(store: Store) -> None:
    settings = S.Settings(store)
    assert settings.get(S.RESUMPTION_BUFFER_MINUTES) == 20
    settings.set(S.RESUMPTION_BUFFER_MINUTES, 0)
    assert settings.get(S.RESUMPTION_BUFFER_MINUTES) == 0  # 0 is a value, not "unset"
    settings.reset(S.RESUMPTION_BUFFER_MINUTES)
    assert settings.get(S.RESUMPTION_BUFFER_MINUTES) == 20
    assert settings.is_default(S.RESUMPTION_BUFFER_MINUTES)


@pytest.mark.parametrize(("setting", "text"), [
    (S.RESUMPTION_BUFFER_MINUTES, "-1"), (S.RESUMPTION_BUFFER_MINUTES, "121"),
    (S.RESUMPTION_BUFFER_MINUTES, "ten"), (S.LANGUAGE, "fr"), (S.REFLECTION_TIME, "25:00"),
    (S.REFLECTION_TIME, "4pm"), (S.EXPORT_REMINDER, "7 16:30"), (S.HOTKEY_SWITCH, "s"),
    (S.HOTKEY_SWITCH, "<ctrl>+<nokey>"),
])
def test_bad_values_are_refused_with_the_allowed_range(store: Store, setting: S.Setting[object],
                                                       text: str) -> None:
    with pytest.raises(FokusError) as err:
        S.Settings(store).set(setting, setting.parse(text))
    assert err.value.code == ErrorCode.SETTING_INVALID
    assert err.value.params["key"] == setting.key
    assert err.value.params["allowed"]
    assert store.get_setting(setting.key) is None  # nothing written


def test_values_typed_on_the_command_line(store: Store) -> None:
    settings = S.Settings(store)
    assert settings.set(S.FOCUS_MINUTES, S.FOCUS_MINUTES.parse(" 60 ")) == 60
    assert settings.set(S.LANGUAGE, S.LANGUAGE.parse("id")) == "id"
    assert settings.set(S.HOTKEY_SWITCH, S.HOTKEY_SWITCH.parse("")) == ""  # turned off
    assert settings.set(S.EXPORT_REMINDER, S.EXPORT_REMINDER.parse("4 16:00")) == "4 16:00"
    assert settings.hotkeys()["switch"] == ""
    assert S.FIRST_RUN_DONE.parse("on") is True


def test_a_stored_value_gone_bad_reads_as_the_default(store: Store) -> None:
    store.set_setting(S.FOCUS_MINUTES.key, "ninety")
    assert S.Settings(store).get(S.FOCUS_MINUTES) == 90


def test_unknown_keys_name_the_known_ones() -> None:
    with pytest.raises(FokusError) as err:
        S.find("resumption_bufer_minutes")
    assert err.value.code == ErrorCode.UNKNOWN_SETTING
    assert "resumption_buffer_minutes" in err.value.params["known"]


def test_every_declaration_is_consistent() -> None:
    keys = [s.key for s in S.ALL]
    assert len(keys) == len(set(keys))
    for setting in S.ALL:
        assert setting.label
        if setting.public:
            assert setting.help, setting.key
        if setting.default is not None and setting.kind is not S.Kind.STRUCTURED:
            assert setting.validate(setting.default) == setting.default, setting.key


# -- one truth for each setting ----------------------------------------------------------

def _switch_three_times(service: FokusService, clock: FakeClock) -> None:
    a = service.add_project("SIASN").id
    b = service.add_project("MyASN").id
    assert a and b
    clock.current = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 09:00 in Jakarta
    for project in (a, b, a):
        service.activity.switch(project)
        clock.advance(600)


@pytest.mark.parametrize("buffer", [0, 15])
def test_the_resumption_buffer_is_the_same_in_today_and_the_weekly_report(
        service: FokusService, clock: FakeClock, buffer: int) -> None:
    """A buffer of 0 once gave 0 in Today but 20 in the weekly report."""
    from app.reports.export import build_report
    from app.reports.metrics import Metrics

    _switch_three_times(service, clock)
    service.settings.set(S.RESUMPTION_BUFFER_MINUTES, buffer)
    today = service.activity.day_log()
    assert today["estimated_minutes_lost_to_switching"] == 3 * buffer
    assert today["resumption_buffer_minutes"] == buffer
    report = Metrics(service.store, clock).week("2026-W48")
    assert report.estimated_minutes_lost == 3 * buffer
    monday = next(d for d in report.days if d.day == date(2026, 11, 23))
    assert monday.estimated_minutes_lost == 3 * buffer
    exported = build_report(service.store, clock, "2026-W48")
    assert exported["efficiency_flow"]["estimated_minutes_lost_to_switching"] == 3 * buffer
    assert [d["estimated_minutes_lost"] for d in exported["days"]
            if d["date"] == "2026-11-23"] == [3 * buffer]


def test_focus_length_and_project_limit_live_in_settings_not_in_the_model(
        service: FokusService) -> None:
    from dataclasses import replace

    week = service.week
    service.settings.set(S.FOCUS_MINUTES, 60)
    service.settings.set(S.PROJECT_LIMIT, 3)
    model = week.work_model()
    assert (model.focus_minutes, model.max_projects_per_day) == (60, 3)
    week.set_work_model(replace(model, focus_minutes=75, max_projects_per_day=1))
    assert service.settings.get(S.FOCUS_MINUTES) == 75
    assert service.settings.get(S.PROJECT_LIMIT) == 1
    stored = service.settings.get(S.WORK_MODEL)
    assert stored is not None
    assert "focus_minutes" not in stored and "max_projects_per_day" not in stored
    # A model out of range is refused before anything is written.
    with pytest.raises(FokusError) as err:
        week.set_work_model(replace(model, focus_minutes=75, max_projects_per_day=11))
    assert err.value.code == ErrorCode.INVALID_WORK_MODEL
    assert service.settings.get(S.FOCUS_MINUTES) == 75


def test_set_all_writes_nothing_when_one_value_is_bad(store: Store) -> None:
    settings = S.Settings(store)
    with pytest.raises(FokusError):
        settings.set_all([(S.FOCUS_MINUTES, 60), (S.PROJECT_LIMIT, 0)])
    assert settings.is_default(S.FOCUS_MINUTES) and settings.is_default(S.PROJECT_LIMIT)


def test_the_reflection_time_comes_from_its_setting(service: FokusService,
                                                   clock: FakeClock) -> None:
    from app.reports.reflection import ReflectionService

    reflection = ReflectionService(service.store, clock)
    assert reflection.prompt_time() == S.REFLECTION_TIME.default
    service.settings.set(S.REFLECTION_TIME, "15:05")
    assert reflection.prompt_time() == "15:05"


def test_the_reporter_id_is_made_once_and_kept(service: FokusService) -> None:
    from app.reports.export import reporter_id

    first = reporter_id(service.store)
    assert len(first) == 32 and service.settings.get(S.REPORTER_ID) == first
    assert reporter_id(service.store) == first


def test_no_setting_is_read_by_its_key_string_outside_the_store() -> None:
    """Every read and write goes through a declaration (app/store/settings.py)."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    owned = [*sorted((root / "app").rglob("*.py")), root / "ui" / "activity" / "monitor.py",
             root / "ui" / "week" / "window_watch.py", root / "ui" / "week" / "window.py",
             *sorted((root / "ui" / "settings").glob("*.py")),
             root / "ui" / "reports" / "export.py", root / "ui" / "reports" / "reminders.py"]
    pattern = re.compile(r"\b(get_setting|set_setting)\(")
    found = [f"{p.relative_to(root)}:{n}" for p in owned
             if p.parent.name != "store"
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if pattern.search(line)]
    assert found == []


def test_the_stored_language_is_read_without_the_store(store: Store) -> None:
    """The tray and the command line read it before SQLModel is loaded."""
    database = store.path
    assert S.stored_language(database) is None  # nothing chosen: the system's
    settings = S.Settings(store)
    settings.set(S.LANGUAGE, "id")
    assert S.stored_language(database) == "id"
    settings.set(S.LANGUAGE, "system")
    assert S.stored_language(database) is None
    store.set_setting(S.LANGUAGE.key, "klingon")  # an edited file
    assert S.stored_language(database) is None
    assert S.stored_language(database.parent / "missing.sqlite3") is None


def test_two_shortcuts_never_share_a_combination(store: Store) -> None:
    """Both would stop working; the command line used to accept it silently."""
    settings = S.Settings(store)
    with pytest.raises(FokusError) as err:
        settings.set(S.HOTKEY_SWITCH, "<ctrl>+<alt>+f")  # Start or stop focus has it
    assert err.value.code == ErrorCode.SETTING_INVALID
    assert err.value.params["key"] == "hotkey_switch"
    assert settings.get(S.HOTKEY_SWITCH) == "<ctrl>+<alt>+s"
    # Moving one away first, then taking its old combination, is fine.
    settings.set_all([(S.HOTKEY_TOGGLE_FOCUS, "<ctrl>+<alt>+g"),
                      (S.HOTKEY_SWITCH, "<ctrl>+<alt>+f")])
    assert settings.hotkeys() == {"toggle_focus": "<ctrl>+<alt>+g",
                                  "interruption": "<ctrl>+<alt>+i", "switch": "<ctrl>+<alt>+f"}
    settings.set(S.HOTKEY_INTERRUPTION, "")  # turned off: shares nothing


def test_a_command_line_in_another_zone_keeps_the_persons_today(store: Store) -> None:
    """The tray keeps its zone; a terminal with TZ=UTC at 06:30 in Jakarta
    (23:30 the evening before in UTC) still says it is the Jakarta day."""
    from zoneinfo import ZoneInfo

    from app.clock import zone_name, zone_named

    assert S.person_clock(store).zone() is not None  # nothing kept: the machine's
    S.Settings(store).set(S.PERSON_ZONE, zone_name(ZoneInfo("Asia/Jakarta")))
    clock = S.person_clock(store)
    at = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)
    assert at.astimezone(clock.zone()).date() == date(2026, 11, 24)
    assert clock.utc_offset_minutes(at) == 420
    assert zone_named("+420") is not None and zone_named("+420").utcoffset(None).seconds == 25200  # type: ignore[union-attr]
    for bad in ("", "Mars/Olympus", "+99999", "+x"):
        assert zone_named(bad) is None, bad


def test_a_posix_tz_rule_wins_over_the_machines_zone() -> None:
    """TZ="WIB-7" is a rule, not a zone name: it still decides the process's
    zone (before, /etc/localtime won and "today" followed the machine)."""
    import subprocess
    import sys

    probe = ("from datetime import datetime, UTC; from app.clock import system_zone; "
             "print(datetime(2026, 11, 29, 0, 30, tzinfo=UTC).astimezone(system_zone())"
             ".isoformat())")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         env={"TZ": "WIB-7", "PYTHONPATH": str(Path(__file__).parents[2])},
                         check=True).stdout.strip()
    assert out == "2026-11-29T07:30:00+07:00"
