"""The command line and the PDF report in Bahasa Indonesia, as a subprocess."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_command_line_and_pdf_speak_indonesian(tmp_path: Path) -> None:
    import shutil
    import subprocess

    from tests.helpers.cli import fokus_env, venv_bin

    env = fokus_env(tmp_path / "data", FOKUS_LANG="id", TZ="Asia/Jakarta")

    def fokus(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([venv_bin("fokus"), *args], capture_output=True, text=True,
                              env=env, timeout=120)

    assert "tidak ada sesi fokus" in fokus("status").stdout.lower()
    assert "tidak ada proyek bernama" in fokus("start", "-p", "Nope").stderr
    assert fokus("demo").returncode == 0
    pdf = tmp_path / "laporan.pdf"
    assert fokus("export", "--week", "2026-W47", "--out", str(pdf)).returncode == 0
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.fail("pdftotext is missing: sudo apt-get install poppler-utils", pytrace=False)
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True).stdout
    for words in ("Laporan mandiri mingguan", "Kepuasan & kesejahteraan", "Efisiensi & flow",
                  "Fokus per hari, per proyek", "Hari-hari"):
        assert words in text, words
    assert "Weekly self-report" not in text and "Satisfaction" not in text
    # The language chosen in the app's settings is the command line's too.
    del env["FOKUS_LANG"]
    database = str(tmp_path / "data" / "fokus.sqlite3")
    subprocess.run([sys.executable, "-c", (
        "from app.store.engine import Store; from pathlib import Path; "
        f"Store(Path({database!r})).set_setting('language', 'id')")], check=True, cwd=ROOT)
    assert "Diam: tidak ada sesi fokus." in fokus("status").stdout
