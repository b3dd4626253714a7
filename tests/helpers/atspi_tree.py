"""Reads an application's accessibility tree the way a screen reader does,
through AT-SPI on the session's accessibility bus, and prints it as JSON: one
object per window, each with its controls' roles, names and states.

Run by the system's python3 with Debian's ``python3-pyatspi`` (it is not a
pip package): ``python3 atspi_tree.py APP_NAME``. Prints ``[]`` while the
application is not on the bus yet. ``python3 atspi_tree.py APP_NAME TAB``
first selects the page tab called TAB through its AT-SPI action."""

from __future__ import annotations

import json
import sys

import pyatspi  # type: ignore[import-not-found]


def _node(acc: object, depth: int = 0) -> dict[str, object]:
    states = acc.getState()  # type: ignore[attr-defined]
    children = []
    if depth < 40:
        for i in range(acc.childCount):  # type: ignore[attr-defined]
            child = acc.getChildAtIndex(i)  # type: ignore[attr-defined]
            if child is not None:
                children.append(_node(child, depth + 1))
    labels = [target.name for rel in acc.getRelationSet()  # type: ignore[attr-defined]
              if rel.getRelationType() == pyatspi.RELATION_LABELLED_BY
              for target in (rel.getTarget(i) for i in range(rel.getNTargets()))
              if target is not None and target.name]
    return {"role": acc.getRoleName(),  # type: ignore[attr-defined]
            "labels": labels,
            "name": acc.name or "",  # type: ignore[attr-defined]
            "showing": states.contains(pyatspi.STATE_SHOWING),
            "selected": states.contains(pyatspi.STATE_SELECTED),
            "children": children}


def _press_tab(acc: object, name: str) -> bool:
    """Selects the page tab called ``name`` through its AT-SPI action, as a
    screen reader user does."""
    if acc.getRoleName() == "page tab" and acc.name == name:  # type: ignore[attr-defined]
        acc.queryAction().doAction(0)  # type: ignore[attr-defined]
        return True
    return any(_press_tab(acc.getChildAtIndex(i), name)  # type: ignore[attr-defined]
               for i in range(acc.childCount))  # type: ignore[attr-defined]


def main(app_name: str, tab: str | None) -> None:
    desktop = pyatspi.Registry.getDesktop(0)
    apps = [desktop.getChildAtIndex(i) for i in range(desktop.childCount)]
    windows = [app.getChildAtIndex(i)
               for app in apps if app is not None and (app.name or "").lower() == app_name.lower()
               for i in range(app.childCount)]
    if tab is not None and not any(_press_tab(w, tab) for w in windows):
        sys.exit(f"no page tab {tab!r}")
    print(json.dumps([_node(w) for w in windows]))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
