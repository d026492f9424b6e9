"""A snapshot taken, replayed from the log (a team plan's copy brought up to date, a teammate's
step taken in live, the state after a step) is still a snapshot: its marks come back with it,
so it is listed as one and never offered as a scenario to edit."""

from __future__ import annotations

from revorg.model.document import PlanDocument
from revorg.model.editing import PlanEditor, requests
from revorg.model.history.replay import replay, state_after


def snapshots_and_scenarios(
    document: PlanDocument,
) -> tuple[list[tuple[str, str | None]], list[str]]:
    plan = document.plan
    return (
        [(s.name, s.snapshot_by) for s in plan.snapshots],
        [s.name for s in plan.scenarios],
    )


def test_a_snapshot_replayed_from_the_log_is_still_a_snapshot(editor: PlanEditor) -> None:
    start = PlanDocument.from_template("demo", 2027)
    editor.perform(requests.take_snapshot(editor, "Board plan FY27", "Ana", "2027-01-05T09:30:00Z"))
    expected = ([("Board plan FY27", "Ana")], ["Base"])
    with replay(start.session, editor.session) as again:
        assert snapshots_and_scenarios(again) == expected
        taken = again.plan.snapshots[0]
        assert (taken.snapshot_at, taken.snapshot_of) == ("2027-01-05T09:30:00Z", "Base")
    with state_after(editor.session, 1) as then:
        assert snapshots_and_scenarios(then) == expected
    start.close()
