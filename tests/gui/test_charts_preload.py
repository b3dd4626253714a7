"""matplotlib is made ready for Insights in the background once the tray is
ready and has been left alone for a while: never on the way to the icon or to
ready, and the wait starts again while the tray is busy."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.platform.paths import Paths


def test_charts_are_made_ready_only_after_ready_and_a_quiet_while(
        paths: Paths, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.reports import insights
    from ui.shell import app as shell

    monkeypatch.setattr(shell, "CHARTS_AFTER_IDLE_MS", 300)
    loads: list[bool] = []
    app = shell.FokusApp(paths)
    app._loader.stop()  # the controller and the tray only: no monitors or socket
    monkeypatch.setattr(insights, "load_matplotlib_in_background",
                        lambda: loads.append(app.controller.is_ready))
    try:
        app._charts_ahead()  # the menu opened before the store was open: nothing yet
        assert loads == [] and not app._charts_idle.isActive()

        assert app.controller.load()
        assert app._charts_idle.isActive() and loads == []
        # Busy: a change starts the wait again.
        qtbot.waitUntil(lambda: app._charts_idle.remainingTime() < 150, timeout=5_000)
        app.controller.dataChanged.emit(frozenset({"sessions"}))
        assert app._charts_idle.remainingTime() > 200 and loads == []
        qtbot.waitUntil(lambda: loads == [True], timeout=5_000)
        assert not app._charts_idle.isActive()  # once

        app._charts_ahead()  # the menu opens: at once (a second load is a no-op there)
        assert loads == [True, True]
    finally:
        app.dispose()


def test_the_chart_worker_draws_once_before_any_window_asks(qtbot: QtBot) -> None:
    from app.reports.charts import _sample
    from ui.reports.insights import ChartRenderer

    renderer = ChartRenderer()
    renderer.start()
    qtbot.waitUntil(renderer.warm.is_set, timeout=60_000)
    assert renderer.ready.is_set()
    # A week asked for afterwards is drawn as ever.
    key = ("2026-W05", 0, 1.0)
    renderer.submit(key, _sample(), urgent=True)
    taken: list[tuple[list[tuple[int, int, bytes]], bool]] = []

    def finished() -> bool:
        taken.append(renderer.take(key))
        return taken[-1][1]

    qtbot.waitUntil(finished, timeout=60_000)
    images = taken[-1][0]
    assert len(images) == 4
    assert all(width > 300 and len(pixels) == 4 * width * height
               for width, height, pixels in images)
