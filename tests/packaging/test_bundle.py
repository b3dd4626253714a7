"""The one-folder bundle (PyInstaller): built from packaging/fokus.spec, then
started as a user would: --version, the command line, a PDF export (matplotlib
inside the bundle), and the tray under Xvfb with its icon in the tray host."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.x11 import X11Session, wait_for

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
pytestmark = pytest.mark.x11


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    work = tmp_path_factory.mktemp("bundle")
    pyinstaller = Path(sys.executable).parent / "pyinstaller"
    result = subprocess.run(
        [str(pyinstaller), "--noconfirm", "--log-level", "WARN", "--distpath",
         str(work / "dist"), "--workpath", str(work / "build"),
         str(ROOT / "packaging" / "fokus.spec")],
        capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    exe = work / "dist" / "fokus" / "fokus"
    assert exe.exists()
    yield exe


def test_bundle_runs_its_command_line(bundle: Path, tmp_path: Path) -> None:
    env = dict(os.environ, FOKUS_DATA_DIR=str(tmp_path / "data"), TZ="Asia/Jakarta")
    version = subprocess.run([str(bundle), "--version"], capture_output=True, text=True,
                             timeout=60)
    assert version.returncode == 0 and version.stdout.strip() == "fokus 0.1.0"
    assert subprocess.run([str(bundle), "demo"], env=env, capture_output=True,
                          timeout=120).returncode == 0
    pdf = tmp_path / "r.pdf"
    export = subprocess.run([str(bundle), "export", "--week", "2026-W47", "--out", str(pdf)],
                            env=env, capture_output=True, text=True, timeout=120)
    assert export.returncode == 0, export.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    # Public holidays travel with it: Christmas week plans nothing on the 24th
    # (cuti bersama) and the 25th.
    plan = subprocess.run([str(bundle), "plan", "--week", "2026-W52", "--json"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert plan.returncode == 0, plan.stderr
    days = {b["start"][:10] for b in json.loads(plan.stdout)["blocks"]}
    assert not days & {"2026-12-24", "2026-12-25"}
    # Translations travel with the bundle.
    bad = subprocess.run([str(bundle), "start", "-p", "Nope"], capture_output=True, text=True,
                         env=dict(env, FOKUS_LANG="id"), timeout=60)
    assert "tidak ada proyek bernama" in bad.stderr


def test_bundle_syncs_two_data_directories(bundle: Path, tmp_path: Path) -> None:
    """PyNaCl's libsodium travels with the bundle: setup, a change, the other side."""
    share = tmp_path / "Sync"
    share.mkdir()
    secret = tmp_path / "pass.txt"
    secret.write_text("kopi tubruk\n", encoding="utf-8")

    def run(side: str, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(bundle), *args], capture_output=True, text=True, timeout=120,
                              env=dict(os.environ, FOKUS_DATA_DIR=str(tmp_path / side)))

    for side in ("office", "laptop"):
        done = run(side, "sync", "setup", str(share), "--passphrase-file", str(secret))
        assert done.returncode == 0, done.stderr
    assert run("office", "project", "add", "SIASN").returncode == 0
    assert run("laptop", "sync", "now").returncode == 0
    listed = run("laptop", "project", "list", "--json")
    assert listed.returncode == 0 and "SIASN" in listed.stdout, listed.stderr


def test_bundle_starts_the_tray(bundle: Path, x11: X11Session, tmp_path: Path) -> None:
    env = dict(x11.env, FOKUS_DATA_DIR=str(tmp_path / "data"))
    subprocess.run([str(bundle), "project", "add", "SIASN"], env=env, check=True,
                   capture_output=True, timeout=60)
    with open(tmp_path / "out.txt", "w") as out:
        tray = subprocess.Popen([str(bundle)], env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: x11.tray_icons(), timeout=30, what="the bundle's tray icon")
        wait_for(lambda: (tmp_path / "data" / "fokus.sock").exists(), what="its socket")
        started = subprocess.run([str(bundle), "start", "-p", "SIASN", "--json"], env=env,
                                 capture_output=True, text=True, timeout=60)
        assert started.returncode == 0, started.stderr
        assert json.loads(started.stdout)["state"] == "focusing"
        # A calendar through the tray is parsed by the bundle run as its reader
        # (--calendar-reader, packaging/fokus_main.py): no -m in a bundle.
        imported = subprocess.run([str(bundle), "import-ics", str(DATA / "google.ics"),
                                   "--json"], env=env, capture_output=True, text=True,
                                  timeout=60)
        assert imported.returncode == 0, imported.stderr
        assert json.loads(imported.stdout)["meetings"] > 0
    finally:
        tray.send_signal(signal.SIGTERM)
        tray.wait(20)
    assert tray.returncode == 0
    wait_for(lambda: not x11.tray_icons(), what="the icon to leave")
