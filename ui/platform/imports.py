"""A lighter check in PySide6's import hook.

Once PySide6 is imported, every later import passes through its ``__feature__``
hook, which asks of each new module whether it "uses PySide" by reading the
module's whole source with ``inspect.getsource``. That goes through
``linecache``, which keeps every file it read for the life of the process: in
the tray, the source text of some 750 modules (SQLAlchemy, pydantic, holidays,
the core) stayed in memory, about 30 MB, and the reading made each import
slower.

The same question is answered here by reading the file and forgetting it.
The answer only matters to modules that switch Qt's naming with ``from
__feature__ import ...``, which Fokus never does; the hook keeps working as
before for anything that does."""

from __future__ import annotations

import sys
from types import ModuleType


def _uses_pyside(module: ModuleType) -> bool:
    """What shiboken's check answers, without keeping the source: True when the
    module's source file mentions PySide6; False for built-in, compiled and
    sourceless modules, as before."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def lighten_feature_check() -> bool:
    """Puts the lighter check in place once PySide6 is imported; False where
    this PySide6 has no such hook (nothing to do there)."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_pyside  # type: ignore[attr-defined]
    return True
