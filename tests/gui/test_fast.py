"""The tray's side of the fast paths: it renders replies for the fast command
line (app/cli/client.py)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.clock import FakeClock
from app.platform.paths import Paths
from ui.shell.controller import FokusController


@pytest.fixture
def controller(qtbot: QtBot, paths: Paths, clock: FakeClock) -> Iterator[FokusController]:
    c = FokusController(paths, clock=clock, owner="test-fast")
    assert c.load()
    yield c
    c.close()


def test_the_tray_renders_a_reply_for_the_fast_command_line(controller: FokusController,
                                                            paths: Paths, qtbot: QtBot,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    from app.cli import client
    from app.cli.commands import REGISTRY
    from ui.shell.ipc import InstanceServer

    monkeypatch.delenv("FOKUS_LANG", raising=False)
    server = InstanceServer(str(paths.socket), controller.execute)
    replies: list[dict[str, object] | None] = []

    def ask() -> None:
        for kind in ("text", "json"):
            request = f'{{"command": "status", "args": {{}}, "render": "{kind}"}}\n'
            replies.append(client._send(str(paths.socket), request.encode()))

    thread = threading.Thread(target=ask)
    thread.start()
    qtbot.waitUntil(lambda: len(replies) == 2, timeout=10_000)
    thread.join()
    server.close()
    text, as_json = replies
    assert text is not None and as_json is not None
    result = text["result"]
    assert isinstance(result, dict)
    assert text["text"] == REGISTRY.get("status").text(result)
    assert isinstance(as_json["text"], str) and '"state": "idle"' in as_json["text"]
