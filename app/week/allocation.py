"""The task-allocation matrix: for each task type, where it is best done
(remote, office, either) and in which window (deep-work window or core hours).

Defaults from the thesis, chapter V: tasks of high cognitive load (coding,
debugging, technology research) belong to remote days and the no-meeting
windows; collaborative tasks (pair programming, sprint planning,
retrospective, review, design thinking) to office days and core hours;
documentation is asynchronous coordination and fits either place."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.domain import BlockKind, TaskType
from app.errors import ErrorCode, FokusError


class Place(StrEnum):
    REMOTE = "WFA"
    OFFICE = "WFO"
    EITHER = "either"


class Window(StrEnum):
    DEEP = "deep"
    CORE = "core"


@dataclass(frozen=True)
class Allocation:
    place: Place
    window: Window

    @property
    def block_kind(self) -> BlockKind:
        return BlockKind.DEEP if self.window == Window.DEEP else BlockKind.COLLABORATIVE


DEFAULT_MATRIX: dict[TaskType, Allocation] = {
    TaskType.CODING: Allocation(Place.REMOTE, Window.DEEP),
    TaskType.DEBUGGING: Allocation(Place.REMOTE, Window.DEEP),
    TaskType.RESEARCH: Allocation(Place.REMOTE, Window.DEEP),
    TaskType.REFACTORING: Allocation(Place.REMOTE, Window.DEEP),
    TaskType.DOCUMENTATION: Allocation(Place.EITHER, Window.DEEP),
    TaskType.CODE_REVIEW: Allocation(Place.OFFICE, Window.CORE),
    TaskType.PAIR_PROGRAMMING: Allocation(Place.OFFICE, Window.CORE),
    TaskType.SPRINT_PLANNING: Allocation(Place.OFFICE, Window.CORE),
    TaskType.RETROSPECTIVE: Allocation(Place.OFFICE, Window.CORE),
    TaskType.STANDUP: Allocation(Place.OFFICE, Window.CORE),
    TaskType.DESIGN_THINKING: Allocation(Place.OFFICE, Window.CORE),
    TaskType.MEETING: Allocation(Place.EITHER, Window.CORE),
    TaskType.ADMINISTRATION: Allocation(Place.EITHER, Window.CORE),
}


class Matrix:
    def __init__(self, overrides: dict[TaskType, Allocation] | None = None) -> None:
        self.overrides = dict(overrides or {})

    def __getitem__(self, task_type: TaskType | str) -> Allocation:
        key = TaskType(task_type)
        return self.overrides.get(key, DEFAULT_MATRIX[key])

    def is_default(self, task_type: TaskType) -> bool:
        return task_type not in self.overrides or self.overrides[task_type] == DEFAULT_MATRIX[
            task_type]

    def with_allocation(self, task_type: TaskType, allocation: Allocation) -> Matrix:
        overrides = dict(self.overrides)
        if allocation == DEFAULT_MATRIX[task_type]:
            overrides.pop(task_type, None)
        else:
            overrides[task_type] = allocation
        return Matrix(overrides)

    def to_json(self) -> dict[str, Any]:
        return {t.value: {"place": a.place.value, "window": a.window.value}
                for t, a in sorted(self.overrides.items())}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Matrix:
        try:
            return cls({TaskType(k): Allocation(Place(v["place"]), Window(v["window"]))
                        for k, v in (data or {}).items()})
        except (ValueError, KeyError, TypeError) as exc:
            raise FokusError(ErrorCode.INVALID_VALUE, field="allocation matrix",
                             value=str(exc)) from exc
