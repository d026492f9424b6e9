"""An import of deals on a team plan keeps its deals in its own record of the log
(revorg.model.actuals.logged): one change on the server as in the file, and every reader of
the log takes it as its deals one by one, as when the log kept one record per deal: the
History, the replay of a pulled copy, the undo guard of an open plan, the push of an offline
import that conflicts and the refusal that names who changed a deal."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from revorg.io.crm import read_deals
from revorg.io.report import ImportReport
from revorg.model.actuals import store
from revorg.model.document import PlanDocument
from revorg.model.editing import PlanEditor, actuals_requests
from revorg.model.editing.steps import Edit
from revorg.model.history.chain import stored_steps
from revorg.model.history.replay import state_after
from revorg.model.team.address import TeamPlanAddress, parse_plan_url
from revorg.model.team.conflicts import TeamConflictError
from revorg.model.team.document import TeamPlanDocument
from revorg.model.team.editing import open_team_editor
from revorg.model.team.live import LivePlan
from revorg.model.team.offline import push_back
from tests.conftest import CliRunner
from tests.team.conftest import TeamServer
from tests.team.test_live_updates import caught_up
from tests.team.test_roles import schema_of
from tests.team.test_team_actuals import server_deals
from tests.test_cli_actuals import Q1, actuals

COSTA = "0065g00000AbC07AAF"  # Costa Foods: open at 15,000 in Q1, won at 15,500 in March


@pytest.fixture
def address(run_cli: CliRunner, team: TeamServer, plan_name: str, demo_file: Path
            ) -> TeamPlanAddress:  # fmt: skip
    url = team.url(plan_name)
    assert run_cli("push", demo_file, url).code == 0
    return parse_plan_url(url)


def march_export(tmp_path: Path) -> Path:
    march = tmp_path / "q1-final.csv"
    march.write_text(
        Q1.read_text(encoding="utf-8").replace(
            '"Negotiation/Review","Q1-2027","EUR 15,000.00","80"',
            '"Closed Won","Q1-2027","EUR 15,500.00","100"',
        ),
        encoding="utf-8",
    )
    return march


def import_edit(editor: PlanEditor, export: Path, who: str) -> Edit:
    read = read_deals(export, ImportReport(export.name), store.stored_rules(editor.session), "EUR")
    assert read is not None
    edit = actuals_requests.import_deals(editor, read.deals, export.name, "salesforce", who, "t")
    assert edit.edit is not None
    return edit.edit


def test_an_import_is_one_change_on_the_server_and_read_back_as_its_deals(
    run_cli: CliRunner, team: TeamServer, plan_name: str, address: TeamPlanAddress,
    tmp_path: Path,
) -> None:  # fmt: skip
    url = team.url(plan_name)
    actuals(run_cli, url, "--import", Q1)
    actuals(run_cli, url, "--import", march_export(tmp_path))
    schema = schema_of(team, plan_name)
    assert team.admin(
        f'SELECT step_id, record, count(*) FROM "{schema}".history_changes '
        "GROUP BY step_id, record ORDER BY step_id"
    ) == [(1, "deal_import", 1), (2, "deal_import", 1)]

    # The History (`revorg history`): the re-import's import and the one deal it changed.
    steps = json.loads(run_cli("history", url, "--json").out)["steps"]
    changes = [(c["record"], c["id"], c["old"], c["new"]) for c in steps[0]["changes"]]
    assert changes == [
        ("deal_import", 2, None, "q1-final.csv"),
        (
            "deal",
            COSTA,
            "Costa Foods - Platform (open 15000.00)",
            "Costa Foods - Platform (won 15500.00)",
        ),
    ]
    assert len(steps[1]["changes"]) == 1 + 9

    # A pulled copy's log replays to the server's deals after each import.
    copy = tmp_path / "copy.revorg"
    assert run_cli("pull", url, "-o", copy).code == 0
    with PlanDocument.open(copy, for_editing=False) as pulled:
        first, second = (step.id for step in stored_steps(pulled.session))
        with state_after(pulled.session, first) as then:
            assert {d.crm_id: d.amount for d in store.stored_deals(then.session).deals}[COSTA] == (
                15000
            )
        with state_after(pulled.session, second) as now:
            replayed = sorted(
                (d.crm_id, str(d.status), f"{d.amount:.2f}")
                for d in store.stored_deals(now.session).deals
            )
    assert replayed == [row[:3] for row in server_deals(team, plan_name)]


@pytest.fixture
def ana(address: TeamPlanAddress) -> Iterator[tuple[TeamPlanDocument, PlanEditor, LivePlan]]:
    with open_team_editor(address, "Ana") as (document, editor):
        live = LivePlan(document)
        live.watch(editor)
        try:
            yield document, editor, live
        finally:
            live.close()


def test_undoing_an_import_is_refused_once_a_teammates_import_changed_one_of_its_deals(
    ana: tuple[TeamPlanDocument, PlanEditor, LivePlan], address: TeamPlanAddress,
    team: TeamServer, plan_name: str, tmp_path: Path,
) -> None:  # fmt: skip
    _document, editor, live = ana
    imported = import_edit(editor, Q1, "Ana")
    editor.perform(imported)
    assert live.undo_refusal(imported) is None
    with open_team_editor(address, "Bo") as (_, bo):
        bo.perform(import_edit(bo, march_export(tmp_path), "Bo"))
    caught_up(live, editor)

    refusal = live.undo_refusal(imported)
    assert refusal is not None
    assert str(refusal).startswith(f'Bo changed deal "{COSTA}" since your edit')
    # Written by Bo's import, the plan's second step: that is the row's version.
    assert ("0065g00000AbC07AAF", "won", "15500.00", 2) in server_deals(team, plan_name)


def test_a_deal_a_teammate_changed_since_is_named_in_the_refusal(
    address: TeamPlanAddress, tmp_path: Path
) -> None:
    """Ana's undo changed a deal of Bo's import: his import's own row is new (its id is free),
    the deal is the conflict, named by the step whose import record holds it."""
    lost = tmp_path / "q1-lost.csv"
    lost.write_text(
        Q1.read_text(encoding="utf-8").replace(
            '"Negotiation/Review","Q1-2027","EUR 15,000.00","80"',
            '"Closed Lost","Q1-2027","EUR 15,000.00","0"',
        ),
        encoding="utf-8",
    )
    with open_team_editor(address, "Ana") as (_, ana):
        ana.perform(import_edit(ana, Q1, "Ana"))
        march = import_edit(ana, march_export(tmp_path), "Ana")
        ana.perform(march)
        with open_team_editor(address, "Bo") as (_, bo):
            ana.revert(march)
            with pytest.raises(TeamConflictError) as refused:
                bo.perform(import_edit(bo, lost, "Bo"))
    (conflict,) = refused.value.conflicts
    assert (conflict.kind, conflict.record_id, conflict.who) == ("deal", COSTA, "Ana")
    assert f"deal {COSTA} was changed by Ana" in str(refused.value)


def test_an_offline_import_of_deals_a_teammate_imported_meanwhile_lists_them(
    run_cli: CliRunner, team: TeamServer, plan_name: str, address: TeamPlanAddress,
    tmp_path: Path,
) -> None:  # fmt: skip
    url = team.url(plan_name)
    copy = tmp_path / "workshop.revorg"
    assert run_cli("pull", url, "-o", copy).code == 0
    assert run_cli("actuals", copy, "--import", Q1, "--who", "Ana").code == 0
    actuals(run_cli, url, "--import", march_export(tmp_path), "--who", "Bo")

    with PlanDocument.open(copy, for_editing=False) as document:
        result = push_back(document, address, "Ana", "2027-03-01")
    ((step, conflicts),) = result.refused
    assert step.who == "Ana" and not result.sent
    listed = {conflict.record: conflict for conflict in conflicts}
    assert len(listed) == 1 + 9  # the import's row (the same id) and each deal Bo has
    costa = listed[f"deal {COSTA}"]
    assert (costa.field, costa.server, costa.who) == ("*", "(there)", "Bo")
    assert costa.yours is not None and costa.yours["amount"] == "15000.00"
    assert listed["deal import 1"].who == "Bo"
    assert [row[1:] for row in server_deals(team, plan_name) if row[0] == COSTA] == [
        ("won", "15500.00", 1)  # as Bo's import, the plan's first step, wrote it
    ]
