"""Reads an application's accessibility tree the way a screen reader does,
through AT-SPI on the session's accessibility bus, and prints it as JSON: one
object per window, each with its controls' roles, names and states.

Run by the system's python3 with Debian's ``python3-pyatspi`` (it is not a
pip package): ``python3 atspi_tree.py APP_NAME``. Prints ``[]`` while the
application is not on the bus yet. ``python3 atspi_tree.py APP_NAME TAB``
first selects the page tab called TAB through its AT-SPI action;
``--window TEXT`` reads only the windows whose name holds TEXT, and
``--press NAME`` presses the push button called NAME in them instead (as a
screen reader user does). A control that goes away while it is read ends the
run with status 3: read again."""

from __future__ import annotations

import argparse
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


def _press_button(acc: object, name: str) -> bool:
    """Presses the enabled push button called ``name`` through its AT-SPI action."""
    role, enabled = acc.getRoleName(), acc.getState()  # type: ignore[attr-defined]
    if role == "push button" and acc.name == name and \
            enabled.contains(pyatspi.STATE_ENABLED):  # type: ignore[attr-defined]
        acc.queryAction().doAction(0)  # type: ignore[attr-defined]
        return True
    return any(_press_button(acc.getChildAtIndex(i), name)  # type: ignore[attr-defined]
               for i in range(acc.childCount))  # type: ignore[attr-defined]


def main(app_name: str, tab: str | None, window: str | None, press: str | None) -> None:
    desktop = pyatspi.Registry.getDesktop(0)
    apps = [desktop.getChildAtIndex(i) for i in range(desktop.childCount)]
    windows = [w for app in apps
               if app is not None and (app.name or "").lower() == app_name.lower()
               for w in (app.getChildAtIndex(i) for i in range(app.childCount))
               if w is not None and (window is None or window in (w.name or ""))]
    if tab is not None and not any(_press_tab(w, tab) for w in windows):
        sys.exit(f"no page tab {tab!r}")
    if press is not None:
        if not any(_press_button(w, press) for w in windows):
            sys.exit(f"no push button {press!r}")
        print("[]")  # the window changes now: read it afterwards
        return
    print(json.dumps([_node(w) for w in windows]))


def _read_again(kind: type[BaseException], error: BaseException, tb: object) -> None:
    if "No such object path" in str(error):
        sys.exit(3)  # the window changed under the reader
    sys.__excepthook__(kind, error, tb)  # type: ignore[arg-type]


if __name__ == "__main__":
    sys.excepthook = _read_again
    parser = argparse.ArgumentParser()
    parser.add_argument("app")
    parser.add_argument("tab", nargs="?")
    parser.add_argument("--window")
    parser.add_argument("--press")
    args = parser.parse_args()
    main(args.app, args.tab, args.window, args.press)
