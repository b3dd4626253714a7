"""Repositories as projects: ``fokus project repo add|list|remove``."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from app.cli.commands.common import names
from app.cli.registry import Arg, Command, Result
from app.errors import ErrorCode, FokusError
from app.i18n import N_, _

if TYPE_CHECKING:
    from app.service import FokusService
    from app.store.models import RepoMapping

ACTIONS = ("add", "list", "remove")


def _absolute(path: Any) -> str:
    # Made absolute here: the tray that runs the command has another working folder.
    return os.path.abspath(os.path.expanduser(str(path)))


def repo_json(m: RepoMapping, project_names: dict[int, str]) -> Result:
    return {"id": m.id, "project": project_names.get(m.project_id, "?"), "path": m.path,
            "branch_pattern": m.branch_pattern or None, "batch": m.batch_id}


def _needs(a: dict[str, Any], *keys: str) -> None:
    for key in keys:
        if not a.get(key):
            raise FokusError(ErrorCode.INVALID_VALUE, field=key, value="")


def _repo(svc: FokusService, a: dict[str, Any]) -> Result:
    what = a.get("what")
    if what == "list":
        project_id = svc.project(a["project"]).id if a.get("project") else None
        project_names = names(svc)
        return {"action": "list", "repositories": [
            repo_json(m, project_names) for m in svc.repos.mappings(project_id)]}
    _needs(a, "project", "path")
    project = svc.project(a["project"])
    assert project.id is not None
    if what == "add":
        batch_id = svc.batch(a["batch"]).id if a.get("batch") is not None else None
        row = svc.repos.add(project.id, a["path"], a.get("branch_pattern") or "", batch_id)
    elif what == "remove":
        row = svc.repos.remove(project.id, a["path"])
    else:
        raise FokusError(ErrorCode.INVALID_VALUE, field="action", value=what)
    return {"action": what, **repo_json(row, names(svc))}


def _text(r: Result) -> str:
    if r["action"] == "add":
        text = _("Mapped {path} to {project}.").format(**r)
        if r["branch_pattern"] and r["batch"] is not None:
            text += " " + _("Branches matching {pattern} belong to batch {batch}.").format(
                pattern=r["branch_pattern"], batch=r["batch"])
        return text
    if r["action"] == "remove":
        return _("{path} is no longer mapped to {project}.").format(**r)
    rows = r["repositories"]
    if not rows:
        return _("No repositories mapped. Map one: fokus project repo add PROJECT PATH")
    width = max(len(x["project"]) for x in rows)
    lines = []
    for x in rows:
        line = f"{x['project']:<{width}}  {x['path']}"
        if x["branch_pattern"] and x["batch"] is not None:
            line += "  " + _("(branch {pattern} → batch {batch})").format(
                pattern=x["branch_pattern"], batch=x["batch"])
        lines.append(line)
    return "\n".join(lines)


DECLARED = (
    Command(
        "project.repo", N_("map git repositories to a project: add, list, remove"),
        args=(Arg("what", choices=ACTIONS, metavar="add|list|remove",
                  help=N_("add, list or remove a mapping")),
              Arg("project", nargs="?", help=N_("project name or id")),
              Arg("path", nargs="?", convert=_absolute,
                  help=N_("the repository's working tree")),
              Arg("--branch-pattern", key="branch_pattern",
                  help=N_("a regular expression for branch names, e.g. an issue key "
                          "“SIASN-\\d+”")),
              Arg("--batch", type=int, help=N_("the batch a matching branch belongs to"))),
        handler=_repo, text=_text),
)
