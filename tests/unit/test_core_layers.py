"""The core is Qt-free: every ``app`` module imports with PySide6 blocked."""

from __future__ import annotations

import subprocess


def test_core_never_imports_qt() -> None:
    """app/ is the core: every module imports with PySide6 blocked."""
    import pkgutil

    import app

    names = [m.name for m in pkgutil.walk_packages(app.__path__, "app.")]
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "import importlib\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "assert not any(m.startswith(('PySide6', 'ui')) for m in sys.modules if sys.modules[m])\n"
    )
    import sys

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert len(names) >= 10
