"""Projects and batches: validation, ordering, archiving."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.clock import FakeClock
from app.domain import BatchStatus, TaskType, Urgency
from app.errors import ErrorCode, FokusError
from app.service import FokusService


def test_projects_are_unique_case_insensitively(service: FokusService) -> None:
    service.add_project("SIASN", tech_stack="Java")
    with pytest.raises(FokusError) as err:
        service.add_project(" siasn ")
    assert err.value.code == ErrorCode.PROJECT_EXISTS
    assert service.project("Siasn").tech_stack == "Java"


@pytest.mark.parametrize(
    ("name", "colour"),
    [("", None), ("   ", None), ("x" * 81, None), ("ok", "red"), ("ok", "#12345")],
)
def test_bad_project_fields_are_refused(service: FokusService, name: str,
                                        colour: str | None) -> None:
    with pytest.raises(FokusError) as err:
        service.add_project(name, colour)
    assert err.value.code == ErrorCode.INVALID_VALUE


def test_new_projects_get_distinct_colours(service: FokusService) -> None:
    colours = {service.add_project(f"P{i}").colour for i in range(5)}
    assert len(colours) == 5


def test_archive_hides_project_and_its_batches(service: FokusService) -> None:
    service.add_project("SIASN")
    service.add_batch("SIASN", "API")
    service.archive_project("SIASN")
    assert service.projects() == []
    assert service.batches() == []
    assert [p.name for p in service.projects(include_archived=True)] == ["SIASN"]
    with pytest.raises(FokusError):
        service.add_batch("SIASN", "more")
    service.archive_project("SIASN", archived=False)
    assert [b.title for b in service.batches()] == ["API"]


def test_batches_are_ordered_by_urgency_then_due_date(service: FokusService,
                                                      clock: FakeClock) -> None:
    today = clock.now().date()
    service.add_project("A")
    service.add_batch("A", "later", due_date=today + timedelta(days=9))
    service.add_batch("A", "soon", due_date=today + timedelta(days=1))
    service.add_batch("A", "urgent", urgency=Urgency.CRITICAL)
    service.add_batch("A", "no date")
    assert [b.title for b in service.batches("A")] == ["urgent", "soon", "later", "no date"]


def test_batch_fields_are_checked(service: FokusService) -> None:
    service.add_project("A")
    for kwargs in ({"title": ""}, {"title": "t", "task_type": "napping"},
                   {"title": "t", "urgency": "whenever"}, {"title": "t", "estimate_minutes": 0}):
        with pytest.raises(FokusError) as err:
            service.add_batch("A", **kwargs)  # type: ignore[arg-type]
        assert err.value.code == ErrorCode.INVALID_VALUE


def test_batch_done_and_reopen(service: FokusService) -> None:
    service.add_project("A")
    b = service.add_batch("A", "t", TaskType.DEBUGGING, 45, Urgency.HIGH, date(2026, 12, 1), "n")
    assert service.set_batch_done(b.id).status == BatchStatus.DONE  # type: ignore[arg-type]
    assert service.batches("A") == []
    assert len(service.batches("A", include_done=True)) == 1
    assert service.set_batch_done(b.id, done=False).done_at is None  # type: ignore[arg-type]
    with pytest.raises(FokusError) as err:
        service.set_batch_done("abc")
    assert err.value.code == ErrorCode.UNKNOWN_BATCH


def test_planned_choices_offer_the_current_block(service: FokusService,
                                                 clock: FakeClock) -> None:
    from app.store.demo import fill

    fill(service.store, clock, weeks=1)
    choices = service.planned_choices()
    assert choices, "the demo week has blocks ahead"
    first = choices[0]
    assert all(c.start_at == first.start_at for c in choices)
    assert first.end_at > clock.now()


def test_the_hotkey_starts_where_she_left_off_on_a_new_day(service: FokusService,
                                                            clock: FakeClock) -> None:
    """Nothing planned, nothing done yet today: Ctrl+Alt+F starts the project
    worked on last (yesterday's SIASN), not the first name (MyASN)."""
    myasn = service.add_project("MyASN").id
    siasn = service.add_project("SIASN").id
    assert service.hotkey_choice() == (myasn, None)  # no history: the first
    service.start(siasn or 0, minutes=25)
    clock.advance(25 * 60)
    service.current()  # it ran its length
    clock.advance(20 * 3600)  # the next morning
    assert service.activity.current_project_id() is None
    assert service.hotkey_choice() == (siasn, None)
    service.archive_project(siasn or 0)
    assert service.hotkey_choice() == (myasn, None)  # an archived project is not offered
