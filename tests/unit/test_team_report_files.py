"""The team report survives any file: each hostile input is named with its
reason and left out, and the report is made from the rest."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.clock import FakeClock
from app.reports import team
from app.reports.export import build_report
from app.service import FokusService


@pytest.fixture
def members(tmp_path: Path, service: FokusService, clock: FakeClock) -> list[Path]:
    service.add_project("SIASN")
    service.start("SIASN", minutes=60)
    clock.advance(3600)
    service.current()
    base = build_report(service.store, clock, "2026-W48")
    files = []
    for i in range(3):
        r = json.loads(json.dumps(base))
        r["programmer"] = {"id": f"{i:08d}aaaa", "name": f"P{i}"}
        r["satisfaction_wellbeing"]["satisfaction_mean"] = 3 + i * 0.5
        files.append(tmp_path / f"r{i}.json")
        files[-1].write_text(json.dumps(r))
    return files


def _edited(members: list[Path], name: str, edit: Callable[[dict[str, Any]], None]) -> Path:
    data = json.loads(members[0].read_text())
    data["programmer"]["id"] = "99999999zzzz"
    edit(data)
    path = members[0].parent / name
    path.write_text(json.dumps(data))
    return path


def _set(section: str, key: str, value: object) -> Callable[[dict[str, Any]], None]:
    return lambda d: d[section].__setitem__(key, value)


def hostile(members: list[Path]) -> dict[str, tuple[Path, str]]:
    """name → (path, words the reason must hold)."""
    d = members[0].parent
    fifo = d / "pipe.json"
    os.mkfifo(fifo)
    zero = d / "zero.json"
    zero.symlink_to("/dev/zero")
    nested = d / "nested.json"
    nested.write_text('{"kind": ' + "[" * 100_000 + "]" * 100_000 + "}")
    big = d / "big.json"
    big.write_bytes(b" " * (team.MAX_FILE_BYTES + 10) + b"{}")
    text = members[0].read_text()
    nan = d / "nan.json"
    nan.write_text(text.replace('"satisfaction_mean": 3', '"satisfaction_mean": NaN'))
    inf = d / "inf.json"
    inf.write_text(text.replace('"deep_work_minutes": ', '"deep_work_minutes": Infinity, "x": '))
    (d / "list.json").write_text("[1, 2, 3]")
    binary = d / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    return {
        "pipe.json": (fifo, "regular file"),
        "zero.json": (zero, "regular file"),
        "dev": (Path("/dev/null"), "regular file"),
        "folder": (d, "regular file"),
        "nested.json": (nested, "nested"),
        "big.json": (big, "larger than"),
        "nan.json": (nan, "not a number"),
        "binary.json": (binary, "not a JSON file"),
        "inf.json": (inf, "not a number"),
        "sat999.json": (_edited(members, "sat999.json", _set(
            "satisfaction_wellbeing", "satisfaction_mean", 999)), "satisfaction_mean"),
        "negative.json": (_edited(members, "negative.json", _set(
            "efficiency_flow", "deep_work_minutes", -5)), "deep_work_minutes"),
        "share.json": (_edited(members, "share.json", _set(
            "efficiency_flow", "deep_work_share_in_no_meeting_windows", 7)), "share"),
        "flow0.json": (_edited(members, "flow0.json", _set(
            "efficiency_flow", "session_flow_rating_mean", 0)), "flow_rating"),
        "list.json": (d / "list.json", "not a Fokus self-report"),
    }


def test_every_hostile_file_is_named_and_left_out(members: list[Path], tmp_path: Path) -> None:
    cases = hostile(members)
    started = time.monotonic()
    report = team.aggregate([*members, *(p for p, _w in cases.values())])
    assert time.monotonic() - started < 10  # no FIFO hangs it, no /dev/zero fills memory
    reasons = {str(p.path): p.reason for p in report.problems}
    for name, (path, words) in cases.items():
        assert str(path) in reasons, name
        assert words in reasons[str(path)], (name, reasons[str(path)])
    assert report.submitters == ["P0", "P1", "P2"]
    median = next(f for f in report.figures if f.key == "satisfaction_mean")
    assert median.median == 3.5 and median.q3 is not None and median.q3 <= 5


def test_a_name_with_tex_in_it_is_drawn_as_text(members: list[Path], tmp_path: Path) -> None:
    odd = json.loads(members[0].read_text())
    odd["programmer"] = {"id": "77777777tttt", "name": "Ana $\\foo{ " + "x" * 300}
    path = tmp_path / "odd $\\frac{.json"
    path.write_text(json.dumps(odd))
    broken = tmp_path / "b $\\x{.json"
    broken.write_text("{")
    report = team.aggregate([*members, path, broken])
    assert len(report.submitters) == 4 and len(report.problems) == 1
    out = team.to_pdf(report, tmp_path / "team.pdf")
    assert out.read_bytes().startswith(b"%PDF")
