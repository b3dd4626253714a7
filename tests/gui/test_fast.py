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


def test_insights_charts_come_from_the_worker_and_neighbours_show_at_once(
        controller: FokusController, qtbot: QtBot, clock: FakeClock) -> None:
    from datetime import UTC, datetime, timedelta

    from ui.reports.insights import InsightsWindow

    clock.current = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)  # Wednesday, week 48
    controller.service.add_project("SIASN")
    window = InsightsWindow(controller)
    qtbot.addWidget(window)
    window.show()
    assert not window.ready and window.canvases[0].text()  # "Drawing the charts…" at first
    qtbot.waitUntil(lambda: window.ready, timeout=30_000)
    pictures = [label.pixmap() for label in window.canvases]
    assert len(pictures) == 4 and all(not p.isNull() and p.width() > 300 for p in pictures)
    # The weeks either side are drawn ahead while the window is idle …
    qtbot.waitUntil(lambda: all(window._key(w) in window._pictures
                                for w in ("2026-W47", "2026-W49")), timeout=30_000)
    window.shift(-1)
    assert window.ready and "Week 47" in window.title.text()  # … so ◀ shows them at once
    # New data makes new pictures.
    controller.service.start("SIASN", minutes=25)
    clock.current += timedelta(minutes=20)
    controller.service.stop()
    qtbot.waitUntil(lambda: not window.ready, timeout=5_000)
    qtbot.waitUntil(lambda: window.ready, timeout=30_000)
