"""Exports and the team report from the command line, as a subprocess."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from pathlib import Path

import jsonschema

from tests.helpers.cli import fokus_env, venv_bin


def run(data: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([venv_bin("fokus"), *args], capture_output=True, text=True,
                          env=fokus_env(data, TZ="Asia/Jakarta"), timeout=120, cwd=cwd)


def pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


def test_demo_week_exports_to_three_formats_and_a_team_report(tmp_path: Path) -> None:
    schema = json.loads(run(tmp_path / "x", "export", "--print-schema").stdout)
    exports = []
    for i in range(5):
        data = tmp_path / f"member{i}"
        assert run(data, "demo").returncode == 0
        out = tmp_path / f"m{i}.json"
        result = run(data, "export", "--week", "2026-W47", "--format", "json", "--out",
                     str(out), "--name", f"Programmer {i}")
        assert result.returncode == 0, result.stderr
        report = json.loads(out.read_text())
        jsonschema.validate(report, schema)
        exports.append(out)
    data = tmp_path / "member0"
    pdf, csv_file = tmp_path / "m0.pdf", tmp_path / "m0.csv"
    assert run(data, "export", "--week", "2026-W47", "--out", str(pdf)).returncode == 0
    assert pdf.read_bytes().startswith(b"%PDF") and 1 <= pdf_pages(pdf) <= 3
    assert run(data, "export", "--week", "2026-W47", "--format", "csv", "--out",
               str(csv_file)).returncode == 0
    assert len(csv_file.read_text().strip().splitlines()) == 8  # header + 7 days

    bad = tmp_path / "broken.json"
    bad.write_text('{"kind": "fokus.self-report", "schema_version": 1')
    team_pdf = tmp_path / "team.pdf"
    result = run(tmp_path / "pic", "team-report", *map(str, exports), str(bad), "--out",
                 str(team_pdf))
    assert result.returncode == 3  # written, but some files were left out
    assert "broken.json" in result.stderr and "not a JSON file" in result.stderr
    assert "1 of 6 files were left out" in result.stderr
    assert "from 5 programmers" in result.stdout
    assert pdf_pages(team_pdf) == 1
    team_csv = tmp_path / "team.csv"
    assert run(tmp_path / "pic", "team-report", *map(str, exports), "--out",
               str(team_csv)).returncode == 0
    rows = {r["metric"]: r for r in csv.DictReader(io.StringIO(team_csv.read_text()))}
    assert rows["deep_work_minutes"]["programmers"] == "5"
    assert rows["energy_mean"]["median"] == ""  # nobody shared energy


def test_the_team_report_survives_hostile_files(tmp_path: Path) -> None:
    data = tmp_path / "member"
    assert run(data, "demo").returncode == 0
    good = []
    for i in range(3):
        out = tmp_path / f"m{i}.json"
        assert run(data, "export", "--week", "2026-W47", "--format", "json", "--out",
                   str(out), "--name", f"Ana $\\foo{{ {i}").returncode == 0
        report = json.loads(out.read_text())
        report["programmer"]["id"] = f"{i:08d}member"
        out.write_text(json.dumps(report))
        good.append(out)
    import os

    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.json"
    zero.symlink_to("/dev/zero")
    nested = tmp_path / "nested.json"
    nested.write_text("[" * 200_000 + "]" * 200_000)
    wild = json.loads(good[0].read_text())
    wild["programmer"]["id"] = "wildwildwild"
    wild["satisfaction_wellbeing"]["satisfaction_mean"] = 999
    (tmp_path / "sat999.json").write_text(json.dumps(wild))
    bad = [fifo, zero, nested, tmp_path / "sat999.json"]
    team_pdf = tmp_path / "team $\\foo{.pdf"
    result = run(tmp_path / "pic", "team-report", *map(str, good + bad), "--out",
                 str(team_pdf))
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr and "unexpected" not in result.stderr
    for path in bad:
        assert f"{path}: " in result.stderr
    assert "not a regular file" in result.stderr and "nested" in result.stderr
    assert "satisfaction_mean" in result.stderr
    assert "from 3 programmers" in result.stdout and pdf_pages(team_pdf) == 1
