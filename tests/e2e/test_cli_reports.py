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
    assert result.returncode == 0
    assert "broken.json" in result.stderr and "not a JSON file" in result.stderr
    assert "from 5 programmers" in result.stdout
    assert pdf_pages(team_pdf) == 1
    team_csv = tmp_path / "team.csv"
    assert run(tmp_path / "pic", "team-report", *map(str, exports), "--out",
               str(team_csv)).returncode == 0
    rows = {r["metric"]: r for r in csv.DictReader(io.StringIO(team_csv.read_text()))}
    assert rows["deep_work_minutes"]["programmers"] == "5"
    assert rows["energy_mean"]["median"] == ""  # nobody shared energy
