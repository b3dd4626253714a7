"""The real tray under Xvfb starts in the language stored in its data
directory, even on an English desktop, menu included."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.tray import Fokus
from tests.helpers.x11 import X11Session, wait_for

pytestmark = pytest.mark.x11


@pytest.fixture
def fokus(x11: X11Session, tmp_path: Path) -> Iterator[Fokus]:
    f = Fokus(x11, tmp_path / "data", LANG="en_US.UTF-8")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "FOKUS_LANG"):
        f.env.pop(name, None)
    assert f.cli("project", "add", "SIASN").returncode == 0
    yield f
    f.stop_tray()


def _menu_shot(fokus: Fokus, x11: X11Session, path: Path) -> bytes:
    """The screen with the tray menu open, then the menu closed again."""
    x, y, w, h = fokus.icon()
    before = x11.screenshot(path.with_suffix(".closed.png")).read_bytes()
    x11.click(x + w // 2, y + h // 2, button=3)
    shot = wait_for(lambda: (data := x11.screenshot(path).read_bytes()) != before and data,
                    what="the tray menu to open")
    time.sleep(0.3)  # let the menu finish painting before the picture that is kept
    data = x11.screenshot(path).read_bytes()
    x11.keys("Escape")
    assert shot
    return data


def _projects_window(fokus: Fokus, x11: X11Session, title: str) -> None:
    assert fokus.cli().returncode == 0  # a second start asks the first to show its window
    wait_for(lambda: x11.run("xdotool", "search", "--onlyvisible", "--name", title,
                             check=False).strip(), what=f"the window {title!r}")


def test_a_restart_speaks_the_stored_language(fokus: Fokus, x11: X11Session,
                                              tmp_path: Path) -> None:
    fokus.start_tray()
    fokus.icon()
    fokus.ready()
    english = _menu_shot(fokus, x11, tmp_path / "menu-en.png")
    _projects_window(fokus, x11, "Fokus — Projects & batches")

    # Bahasa Indonesia chosen (as the welcome guide or Settings store it), then a restart.
    fokus.query("INSERT OR REPLACE INTO setting (key, value) VALUES ('language', "
                f"'{json.dumps('id')}')")
    fokus.stop_tray()
    fokus.start_tray()
    fokus.icon()
    fokus.ready()
    indonesian = _menu_shot(fokus, x11, tmp_path / "menu-id.png")
    assert indonesian != english
    _projects_window(fokus, x11, "Fokus — Proyek & batch")
    log = (fokus.data_dir / "logs" / "fokus.log").read_text()
    assert "speaking id" in log
