"""Trust, end to end: the real tray and the command line beside it keep their
socket private, and refuse what stands in its place."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from app.platform.paths import Paths, is_private_dir
from tests.helpers.cli import venv_bin
from tests.helpers.tray import Fokus
from tests.helpers.x11 import X11Session


@pytest.mark.x11
def test_a_long_data_dir_talks_through_the_private_runtime_dir(
        x11: X11Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    data = tmp_path / ("long-" * 12) / "data"
    f = Fokus(x11, data, XDG_RUNTIME_DIR=str(runtime))
    assert f.cli("project", "add", "SIASN").returncode == 0
    f.start_tray()
    try:
        f.icon()
        f.ready()
        sock = Paths(data).socket
        assert sock.parent == runtime and not (data / "fokus.sock").exists()
        assert is_private_dir(sock.parent)
        started = f.cli("start", "-p", "SIASN")
        assert started.returncode == 0, started.stderr
        owner = f.query("SELECT owner FROM focus_session")[0]
        assert f.proc is not None and str(owner).startswith(str(f.proc.pid))  # the tray ran it
    finally:
        f.stop_tray()


@pytest.mark.x11
@pytest.mark.parametrize("kind", ["file", "symlink"])
def test_something_else_at_the_socket_path_stops_the_tray_with_a_clear_line(
        x11: X11Session, tmp_path: Path, kind: str) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    target = tmp_path / "target.txt"
    target.write_text("keep me")
    sock = data / "fokus.sock"
    if kind == "file":
        sock.write_text("keep me")
    else:
        sock.symlink_to(target)
    f = Fokus(x11, data)
    proc = subprocess.run([venv_bin("fokus")], env=f.env, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 1
    line = proc.stderr.strip()
    assert "\n" not in line and "fokus.sock" in line and "Traceback" not in line
    assert target.read_text() == "keep me" and os.path.lexists(sock)
    cli = f.cli("status")
    assert cli.returncode == 1 and "nothing was sent" in cli.stderr
    assert not x11.tray_icons()
