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
    assert "Tidak aktif: tidak ada sesi fokus." in fokus("status").stdout


def test_command_line_values_dates_and_numbers_follow_the_language(tmp_path: Path) -> None:
    """The words of the core's enums, dates, times and decimals in Indonesian; the
    export named after the person, into a folder; a closed pipe ends quietly."""
    import re
    import shutil
    import subprocess

    from tests.helpers.cli import fokus_env, venv_bin

    env = fokus_env(tmp_path / "data", FOKUS_LANG="id", TZ="Asia/Jakarta")

    def fokus(*args: str, lang: str = "id") -> str:
        done = subprocess.run([venv_bin("fokus"), *args], capture_output=True, text=True,
                              env=dict(env, FOKUS_LANG=lang), timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    fokus("demo")
    fokus("start", "-p", "SIASN")
    fokus("switch", "--to", "MyASN", "--trigger", "interruption")
    fokus("interrupt", "--source", "chat")
    log = fokus("log")
    assert "(interupsi, baris perintah)" in log and "! chat" in log
    assert "interruption" not in log and "finished" not in log and " switches" not in log
    assert re.search(r"\b\d{2}\.\d{2}\b", log), log  # times as 09.30
    english = fokus("log", lang="en")
    assert "(interruption, command line)" in english and "1 switch," in english
    plan = fokus("plan", "--week", "2026-W48")
    assert "2026-W48 (23–29 Nov 2026)" in plan and "kerja mendalam" in plan
    assert re.search(r"(Sen|Sel|Rab|Kam|Jum) \d+ Nov \d{2}\.\d{2}–\d{2}\.\d{2}", plan), plan
    assert " deep " not in plan
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    # The demo calendar has a public holiday on the Friday two weeks on.
    later = datetime.now(ZoneInfo("Asia/Jakarta")).date() + timedelta(weeks=2)
    year, week, _day = later.isocalendar()
    meetings = fokus("calendar", "list", "--week", f"{year}-W{week:02d}")
    assert re.search(r"^Jum \d+ \w+  Libur nasional  \(sepanjang hari\)$", meetings,
                     re.MULTILINE), meetings
    batches = fokus("batch", "list")
    assert "kritis" in batches and "critical" not in batches
    assert "tenggat Sen 30 Nov" in batches
    out = tmp_path / "pic"
    out.mkdir()
    fokus("export", "--week", "2026-W47", "--out", str(out), "--name", "Ayu Lestari")
    pdf = out / "fokus-2026-W47-ayu-lestari.pdf"
    assert pdf.exists(), list(out.iterdir())
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.fail("pdftotext is missing: sudo apt-get install poppler-utils", pytrace=False)
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True).stdout
    assert "2026-W47 · 16–22 Nov 2026" in text and "Sen 16 Nov" in text
    assert re.search(r"\b\d+,\d+\b", text), "no decimal comma in the Indonesian PDF"
    figures = re.sub(r"\b\d{2}\.\d{2}\b", "", text.replace("0.1.0", ""))  # times: 09.30
    assert not re.search(r"\b\d+\.\d+\b", figures), "a decimal point"
    assert "%" in text and " off" not in text and "libur" in text
    # The reader of a pipe leaving early is no error.
    pipe = subprocess.run(f"'{venv_bin('fokus')}' plan --json | head -1", shell=True,
                          capture_output=True, text=True, env=env, timeout=120)
    assert pipe.stdout.strip() == "{" and "Traceback" not in pipe.stderr
