"""``fokus doctor`` on a real X11 display with an XEmbed tray host (trayer) and a
notification daemon (dunst): what it finds, read from the display and the bus."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.helpers.cli import venv_bin
from tests.helpers.x11 import X11Session

pytestmark = pytest.mark.x11


def test_doctor_finds_the_xembed_tray_and_the_x11_back_ends(x11: X11Session,
                                                              tmp_path: Path) -> None:
    env = dict(x11.env, FOKUS_DATA_DIR=str(tmp_path / "data"), XDG_SESSION_TYPE="x11")
    result = subprocess.run([venv_bin("fokus"), "doctor", "--json"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    checks = {c["name"]: c for c in json.loads(result.stdout)["checks"]}
    assert (checks["tray"]["backend"], checks["tray"]["works"]) == ("xembed", True)
    assert checks["idle"]["backend"] == "x11-screensaver"
    assert checks["hotkeys"]["backend"] == "x11-grab"
    assert checks["active-window"]["backend"] == "x11"
    assert checks["notifications"]["backend"] == "org.freedesktop.Notifications"
    assert all(c["works"] for c in checks.values()), checks
