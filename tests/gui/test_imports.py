"""PySide6's import hook asks of every new module whether it uses PySide6; the
tray answers it without keeping each module's source in memory for good
(ui/platform/imports.py). Run in a process of its own: the hook sees a module
only on its first import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROBE = """
import json, linecache, sys
import PySide6.QtCore
from ui.platform.imports import lighten_feature_check
lighten = sys.argv[2] == "lighter"
if lighten:
    assert lighten_feature_check()
sys.path.insert(0, sys.argv[1])
import with_qt, without_qt, holidays
holidays.country_holidays("ID")
feature = sys.modules["shibokensupport.feature"].pyside_feature_dict
print(json.dumps({
    "with_qt": feature.get("with_qt"),
    "without_qt": feature.get("without_qt"),
    # the sources kept of what was imported after the hook was set
    "kept_sources": sum(1 for name in linecache.cache
                        if "/holidays/" in name or name.startswith(sys.argv[1])),
}))
"""


def _probe(folder: Path, how: str) -> dict[str, int]:
    out = subprocess.run([sys.executable, "-c", PROBE, str(folder), how], capture_output=True,
                         text=True, check=True, timeout=120)
    return json.loads(out.stdout)


def test_the_hook_answers_as_before_and_keeps_no_sources(tmp_path: Path) -> None:
    (tmp_path / "with_qt.py").write_text("from PySide6.QtCore import QObject\n")
    (tmp_path / "without_qt.py").write_text("VALUE = 1\n")
    before = _probe(tmp_path, "as shipped")
    after = _probe(tmp_path, "lighter")
    # The same answers: 0 for a module using PySide6 (features switch there), -1 for others.
    assert before["with_qt"] == after["with_qt"] == 0
    assert before["without_qt"] == after["without_qt"] == -1
    # As shipped, every module imported after PySide6 (holidays' few hundred)
    # stays in memory as source text; with the lighter check none of them.
    assert before["kept_sources"] > 200
    assert after["kept_sources"] == 0
