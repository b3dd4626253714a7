"""The real tray on a data folder the user made read-only: it starts, shows
what it holds, says once why nothing can be saved, and the command line reads
beside it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.helpers.mounts import small_disk
from tests.helpers.tray import Fokus
from tests.helpers.x11 import X11Session, wait_for

pytestmark = pytest.mark.x11


def test_the_tray_on_a_read_only_folder_runs_and_says_why_once(
        x11: X11Session, tmp_path: Path) -> None:
    with small_disk(tmp_path / "data") as data:
        fokus = Fokus(x11, data, FOKUS_LANG="en")
        assert fokus.cli("project", "add", "SIASN").returncode == 0
        subprocess.run(["mount", "-o", "remount,ro", str(data)], check=True)
        x11.notifications()
        fokus.start_tray()
        try:
            fokus.icon()
            seen: list[str] = []
            wait_for(lambda: seen.extend(x11.notifications()) or "Fokus cannot save" in seen,
                     timeout=30, what="the notice that nothing can be saved")
            status = fokus.cli("status")
            assert status.returncode == 0 and "read-only" in status.stderr
            refused = fokus.cli("start", "-p", "SIASN")
            assert refused.returncode == 1 and "read-only" in refused.stderr
            assert "Traceback" not in refused.stderr
            assert fokus.proc is not None and fokus.proc.poll() is None  # still running
            assert seen.count("Fokus cannot save") == 1
        finally:
            fokus.stop_tray()
        output = (tmp_path / "tray-output.txt").read_text()
        assert "Traceback" not in output and "Logging error" not in output, output
