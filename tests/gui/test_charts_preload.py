"""matplotlib is made ready for Insights, and this week's charts drawn, in the
background once the tray is ready and has been left alone for a while: never
on the way to the icon or to ready; the wait starts again while the tray is
busy and after each change. A window opening on the figures drawn ahead shows
them at once; on other figures it has them drawn as ever."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.platform.paths import Paths


# Offscreen windows cannot be raised; on a desktop they are.
@pytest.mark.qt_log_ignore("This plugin does not support raise.*")
def test_charts_are_made_ready_only_after_ready_and_a_quiet_while(
        paths: Paths, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.reports import insights
    from ui.shell import app as shell

    monkeypatch.setattr(shell, "CHARTS_AFTER_IDLE_MS", 300)
    loads: list[bool] = []
    app = shell.FokusApp(paths)
    app._loader.stop()  # the controller and the tray only: no monitors or socket
    monkeypatch.setattr(insights, "charts_ahead",
                        lambda controller: loads.append(controller.is_ready))
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
        assert loads == [True, True] and not app._charts_idle.isActive()
        # A change makes this week's charts stale: drawn again once it is quiet.
        app.controller.dataChanged.emit(frozenset({"sessions"}))
        assert app._charts_idle.isActive()
        qtbot.waitUntil(lambda: loads == [True, True, True], timeout=5_000)

        # Insights on screen draws its own charts: matplotlib only, nothing ahead.
        imported: list[bool] = []
        monkeypatch.setattr(insights, "load_matplotlib_in_background",
                            lambda: imported.append(True))
        window = app.windows.open("insights")
        assert window is not None
        qtbot.waitUntil(window.isVisible, timeout=5_000)
        app._charts_ahead()
        assert loads == [True, True, True] and imported == [True]
        window.close()
        qtbot.waitUntil(lambda: window.ready or not window._wanted, timeout=60_000)
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


def test_insights_shows_the_charts_drawn_ahead_at_once_and_redraws_new_figures(
        paths: Paths, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import UTC, datetime, timedelta

    from app.clock import FakeClock
    from ui.reports import insights
    from ui.reports.insights import RENDERER, InsightsWindow, charts_ahead
    from ui.shell.controller import FokusController

    clock = FakeClock(current=datetime(2026, 11, 25, 3, 0, tzinfo=UTC))  # week 48
    controller = FokusController(paths, clock=clock, owner="test-ahead")
    assert controller.load()
    try:
        siasn = controller.service.add_project("SIASN").id or 0
        start = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
        controller.service.history.add_session(siasn, None, start, start + timedelta(hours=1))
        asked: list[str] = []
        submit = RENDERER.submit
        monkeypatch.setattr(RENDERER, "submit", lambda key, data, urgent: (
            asked.append(key[0]), submit(key, data, urgent)))

        RENDERER.made.clear()
        charts_ahead(controller)  # what the idle tray does
        qtbot.waitUntil(RENDERER.made.is_set, timeout=60_000)
        window = InsightsWindow(controller)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.ready, timeout=5_000)
        assert "2026-W48" not in asked  # not drawn again: the pictures were ready
        pictures = [label.pixmap() for label in window.canvases]
        assert all(not p.isNull() and p.width() > 300 for p in pictures)
        made = RENDERER.ready_made(window.chart_data, 1.0)
        assert made is not None and len(made) == 4
        window.close()

        # New figures: the pictures drawn ahead no longer fit, the week is drawn.
        controller.service.history.add_session(siasn, None, start + timedelta(hours=3),
                                               start + timedelta(hours=4))
        again = InsightsWindow(controller)
        qtbot.addWidget(again)
        assert RENDERER.ready_made(again.chart_data, 1.0) is None
        again.show()
        qtbot.waitUntil(lambda: again.ready, timeout=60_000)
        assert "2026-W48" in asked
        assert insights.fingerprint(again.chart_data, 1.0) != insights.fingerprint(
            window.chart_data, 1.0)
        again.close()
    finally:
        controller.close()


def test_a_window_closing_leaves_another_windows_charts_alone(
        paths: Paths, qtbot: QtBot) -> None:
    """Closing one Insights window once dropped every window's charts from the
    worker, and the other window waited for ever (a hang seen in CI)."""
    from datetime import UTC, datetime, timedelta

    from app.clock import FakeClock
    from ui.reports.insights import RENDERER, InsightsWindow
    from ui.shell.controller import FokusController

    clock = FakeClock(current=datetime(2026, 11, 25, 3, 0, tzinfo=UTC))
    controller = FokusController(paths, clock=clock, owner="test-two")
    assert controller.load()
    try:
        siasn = controller.service.add_project("SIASN").id or 0
        start = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
        # Figures of their own: no picture drawn ahead by another test fits them.
        controller.service.history.add_session(siasn, None, start,
                                               start + timedelta(minutes=37))
        first, second = InsightsWindow(controller), InsightsWindow(controller)
        assert first._key(first.week) != second._key(second.week)  # never the same job
        for window in (first, second):
            qtbot.addWidget(window)
            window.show()
        qtbot.waitUntil(lambda: first._key(first.week) in first._wanted
                        and second._key(second.week) in second._wanted, timeout=5_000)
        first.close()  # while both wait for the worker
        qtbot.waitUntil(lambda: second.ready, timeout=30_000)
        second.close()
        qtbot.waitUntil(lambda: RENDERER._drawing is None, timeout=60_000)
        with RENDERER._lock:  # nothing of the closed windows is kept
            kept = set(RENDERER._done) | set(RENDERER._jobs)
        assert not kept & {first._key(first.week), second._key(second.week)}
    finally:
        controller.close()


def test_a_job_whose_window_closed_stops_being_drawn(qtbot: QtBot,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A window closed while its charts are drawn: the worker stops after the
    chart it is on, instead of drawing the rest for nobody (windows opened and
    closed quickly once piled such jobs up, each holding its pictures)."""
    import threading

    from app.reports import charts
    from ui.reports.insights import ChartRenderer

    renderer = ChartRenderer()
    renderer.start()
    qtbot.waitUntil(renderer.warm.is_set, timeout=60_000)
    drawn: list[int] = []
    first_drawn, go_on = threading.Event(), threading.Event()
    real = charts._draw_on

    def draw_on(*args: object, **kwargs: object) -> None:
        real(*args, **kwargs)  # type: ignore[arg-type]
        drawn.append(1)
        if len(drawn) == 1:
            first_drawn.set()
            go_on.wait(10)  # the window closes while the first chart is done

    monkeypatch.setattr(charts, "_draw_on", draw_on)
    key = ("2026-W06", 0, 1.0)
    renderer.submit(key, charts._sample(), urgent=True)
    qtbot.waitUntil(first_drawn.is_set, timeout=60_000)
    renderer.forget({key})
    go_on.set()
    qtbot.waitUntil(lambda: renderer._drawing is None, timeout=60_000)
    assert len(drawn) == 1  # not the three others
    assert renderer.take(key) == ([], False)  # and nothing kept of it
    renderer.stop()
