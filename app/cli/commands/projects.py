"""Projects: add, list, archive."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.cli.registry import Arg, Command, Group, Result
from app.i18n import N_, _

if TYPE_CHECKING:
    from app.service import FokusService
    from app.store.models import Project


def project_json(p: Project) -> Result:
    return {
        "id": p.id,
        "name": p.name,
        "colour": p.colour,
        "tech_stack": p.tech_stack,
        "archived": p.archived_at is not None,
    }


def _add(svc: FokusService, a: dict[str, Any]) -> Result:
    return project_json(svc.add_project(a["name"], a.get("colour"), a.get("tech_stack") or ""))


def _list(svc: FokusService, a: dict[str, Any]) -> Result:
    return {"projects": [project_json(p) for p in svc.projects(bool(a.get("all")))]}


def _archive(svc: FokusService, a: dict[str, Any]) -> Result:
    return project_json(svc.archive_project(a["project"], archived=not a.get("undo")))


def _list_text(result: Result) -> str:
    rows = result["projects"]
    if not rows:
        return _("No projects yet. Add one: fokus project add NAME")
    width = max(len(r["name"]) for r in rows)
    lines = []
    for r in rows:
        mark = _(" (archived)") if r["archived"] else ""
        lines.append(f"{r['id']:>4}  {r['name']:<{width}}  {r['tech_stack']}{mark}".rstrip())
    return "\n".join(lines)


def _archive_text(result: Result) -> str:
    if result["archived"]:
        return _("Archived project {name}.").format(**result)
    return _("Project {name} is active again.").format(**result)


DECLARED = (
    Group("project", N_("add, list and archive projects, and map their repositories")),
    Command(
        "project.add", N_("add a project"),
        args=(Arg("name"),
              Arg("--colour", "--color", help=N_("colour as #rrggbb")),
              Arg("--tech", key="tech_stack", default="",
                  help=N_("tech stack, e.g. “Java, Go”"))),
        handler=_add, text=lambda r: _("Added project {name} (id {id}).").format(**r)),
    Command(
        "project.list", N_("list projects"),
        args=(Arg("--all", action="store_true", help=N_("include archived projects")),),
        handler=_list, text=_list_text),
    Command(
        "project.archive", N_("archive a project"),
        args=(Arg("name", key="project"),
              Arg("--undo", action="store_true", help=N_("bring an archived project back"))),
        handler=_archive, text=_archive_text),
)
