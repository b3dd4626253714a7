"""The settings declarations: typed reads, checked writes, defaults in one place."""

from __future__ import annotations

import pytest

from app.errors import ErrorCode, FokusError
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
