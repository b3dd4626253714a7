"""A notification with an action through notify-send: the chosen action runs
in the GUI thread; a notify-send without ``--action`` (libnotify before
0.7.10, Ubuntu 22.04's) still shows the notification, without the button.
notify-send is a stand-in script here; dunst and GNOME run the real one
(tests/e2e/test_notify_action_x11.py, tests/e2e/test_gnome_desktop.py)."""

from __future__ import annotations

import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from ui.platform.notify import NotifySendNotifier, _ActionBridge, notify_with_action


def _fake_notify_send(tmp_path: Path, knows_actions: bool, answer: str) -> tuple[Path, Path]:
    calls = tmp_path / "calls.txt"
    script = tmp_path / "notify-send"
    options = "  -A, --action=[NAME=]Text...\n" if knows_actions else ""
    script.write_text(f"""#!/bin/sh
if [ "$1" = "--help" ]; then printf 'Usage:\\n  -u, --urgency=LEVEL\\n{options}'; exit 0; fi
echo "$@" >> {calls}
printf '{answer}'
""")
    script.chmod(0o755)
    return script, calls


def _notifier(program: Path) -> NotifySendNotifier:
    notifier = NotifySendNotifier.__new__(NotifySendNotifier)
    notifier._program = str(program)
    notifier._bridge = _ActionBridge()
    notifier._actions = None
    return notifier


def test_the_chosen_action_runs_in_the_gui_thread(qtbot: QtBot, tmp_path: Path) -> None:
    program, calls = _fake_notify_send(tmp_path, knows_actions=True, answer="start\\n")
    ran: list[bool] = []
    gui = threading.current_thread()

    def start() -> None:
        ran.append(threading.current_thread() is gui)

    notifier = _notifier(program)  # the app keeps its notifier for its whole life
    assert notify_with_action(notifier, "Deep-work window until 10:00",
                              "Planned: SIASN.", "Start SIASN — Fix rank promotion bug", start)
    qtbot.waitUntil(lambda: ran == [True], timeout=10_000)
    sent = calls.read_text()
    assert "--action=default=Start SIASN — Fix rank promotion bug" in sent
    assert "--action=start=Start SIASN — Fix rank promotion bug" in sent


def test_a_notify_send_without_actions_still_shows_the_notification(
        qtbot: QtBot, tmp_path: Path) -> None:
    program, calls = _fake_notify_send(tmp_path, knows_actions=False, answer="")
    ran: list[bool] = []
    notifier = _notifier(program)
    notify_with_action(notifier, "Deep-work window until 10:00", "Planned: SIASN.",
                       "Start SIASN", lambda: ran.append(True))
    qtbot.waitUntil(lambda: calls.exists() and "Deep-work window" in calls.read_text(),
                    timeout=10_000)
    assert "--action" not in calls.read_text() and ran == []
