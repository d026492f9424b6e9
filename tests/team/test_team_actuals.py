"""Actuals and photos on a team plan, against the real server: an import of CRM deals, the rules
that read them, owners matched by hand and a person's photo are each one step sent in one
transaction, row by row under the versions read, like any edit; two people importing at once
do not both land; a viewer is told "permission denied" in one line and nothing is written."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image

from revorg.io.crm import read_deals
from revorg.io.report import ImportReport
from revorg.model.actuals import store
from revorg.model.editing import actuals_requests
from revorg.model.editing.photos import lineage_photo, set_photo
from revorg.model.entities import Position
from revorg.model.lineage import lineage_of
from revorg.model.photos import PNG, Photo, photo_of
from revorg.model.team.address import parse_plan_url
from revorg.model.team.conflicts import TeamConflictError
from revorg.model.team.document import open_team_plan
from revorg.model.team.editing import open_team_editor
from revorg.model.team.schema import upgrade
from revorg.model.team.server import engine_for
from revorg.model.team.storage import WHOLE_ROW_TABLES
from tests.conftest import CliRunner
from tests.team.conftest import TeamServer
from tests.team.logins import as_user, url_as
from tests.team.test_cli_team import assert_one_error
from tests.team.test_roles import schema_of
from tests.team.test_server_schema import fresh_database
from tests.test_cli_actuals import Q1, actuals

# Q1's won deals (salesforce_opportunities_q1.csv), in euros: new business 24,000 + 12,000 +
# 18,000 + 30,000 + 14,400 = 98,400; expansion 6,000; renewal 20,000; 124,400 in all.
NEW_BUSINESS = 98_400
WON = Decimal("124400.00")


def server_deals(team: TeamServer, plan: str) -> list[tuple[object, ...]]:
    """(deal, status, amount, row version) as the server holds them, by CRM id."""
    schema = schema_of(team, plan)
    return team.admin(
        f'SELECT crm_id, status, amount, row_version FROM "{schema}".deals ORDER BY crm_id'
    )


def version(run_cli: CliRunner, url: str) -> int:
    return int(json.loads(run_cli("summary", url, "--json").out)["version"])


def test_an_actuals_import_on_a_team_plan_lands_on_the_server_as_one_step(
    run_cli: CliRunner, team: TeamServer, plan_name: str, published: str, tmp_path: Path
) -> None:
    before = version(run_cli, published)
    report = actuals(run_cli, published, "--import", Q1)
    assert report["import"]["added"] == 9  # type: ignore[index]
    assert report["actuals"]["new_business"] == NEW_BUSINESS  # type: ignore[index]
    assert version(run_cli, published) == before + 1

    deals = server_deals(team, plan_name)
    # Each row's version is the id of the step that wrote it: the import's.
    assert len(deals) == 9 and {row[3] for row in deals} == {before + 1}
    won = sum((Decimal(str(row[2])) for row in deals if row[1] == "won"), Decimal(0))
    assert won == WON
    # Another reader (a new command) reads the deals back from the server.
    again = actuals(run_cli, published)
    assert again["actuals"]["new_business"] == NEW_BUSINESS  # type: ignore[index]
    assert again["actuals"]["renewal"] == 20_000  # type: ignore[index]

    # A later export: Costa Foods closes at 15,500. Only that deal's row moves on the server.
    march = tmp_path / "q1-final.csv"
    march.write_text(
        Q1.read_text(encoding="utf-8").replace(
            '"Negotiation/Review","Q1-2027","EUR 15,000.00","80"',
            '"Closed Won","Q1-2027","EUR 15,500.00","100"',
        ),
        encoding="utf-8",
    )
    report = actuals(run_cli, published, "--import", march)
    assert (report["import"]["changed"], report["import"]["unchanged"]) == (1, 8)  # type: ignore[index]
    assert report["actuals"]["new_business"] == NEW_BUSINESS + 15_500  # type: ignore[index]
    deals = server_deals(team, plan_name)
    assert ("0065g00000AbC07AAF", "won", "15500.00", before + 2) in deals
    assert sorted(row[3] for row in deals) == [before + 1] * 8 + [before + 2]  # type: ignore[type-var]
    history = json.loads(run_cli("history", published, "--json").out)
    assert [step["text"] for step in history["steps"][:2]] == [
        "Import actuals q1-final.csv: 0 new, 1 changed",
        "Import actuals salesforce_opportunities_q1.csv: 9 new, 0 changed",
    ]


def test_rules_and_owners_matched_by_hand_on_a_team_plan(
    run_cli: CliRunner, team: TeamServer, plan_name: str, published: str
) -> None:
    with open_team_plan(parse_plan_url(published)) as plan:
        raul = next(p.id for p in plan.session.query(Position) if p.person_name == "Raúl Jiménez")
    result = run_cli(
        "actuals", published, "--import", Q1, "--stage", "Negotiation/Review=won",
        "--match", f"Jorge Ortega={raul}", "--who", "Tomás",
    )  # fmt: skip
    assert result.code == 0, result.err
    schema = schema_of(team, plan_name)
    assert team.admin(f'SELECT rule, value FROM "{schema}".deal_rules') == [("stage", "won")]
    assert team.admin(f'SELECT owner FROM "{schema}".owner_assignments') == [("Jorge Ortega",)]
    figures = json.loads(run_cli("summary", published, "--json").out)["actuals"]
    # Raúl: 12,000 + 18,000 + Costa Foods 15,000 (its stage now reads won) + Jorge's 30,000.
    assert figures["positions"][str(raul)]["booked"] == 75_000
    assert figures["unmatched_owners"] == []

    # The match forgotten (POSITION_ID empty): the row goes from the server.
    assert run_cli("actuals", published, "--match", "Jorge Ortega=").code == 0
    assert team.admin(f'SELECT count(*) FROM "{schema}".owner_assignments') == [(0,)]


def test_two_people_importing_at_once_do_not_both_land(
    team: TeamServer, plan_name: str, published: str
) -> None:
    address = parse_plan_url(published)
    with (
        open_team_editor(address, "Ana") as (first_plan, ana),
        open_team_editor(address, "Ben") as (_, ben),
    ):
        read = read_deals(Q1, ImportReport(Q1.name), store.stored_rules(ana.session), "EUR")
        assert read is not None
        ana.perform(
            actuals_requests.import_deals(ana, read.deals, Q1.name, "salesforce", "Ana", "t").edit
        )
        # Ben read the plan before Ana's import: his import of the same deals is refused.
        plan = actuals_requests.import_deals(ben, read.deals, Q1.name, "salesforce", "Ben", "t")
        with pytest.raises(TeamConflictError) as refused:
            ben.perform(plan.edit)
        assert "changed by Ana" in str(refused.value)
        assert not store.has_deals(ben.session)  # his copy is as it was read
        # A rule: Ana sets it, then Ben, who had not seen it, sets it another way: refused.
        rule = actuals_requests.set_deal_rule(ana, "stage", "Negotiation/Review", "won")
        assert rule is not None
        ana.perform(rule)
        late = actuals_requests.set_deal_rule(ben, "stage", "Negotiation/Review", "lost")
        assert late is not None
        with pytest.raises(TeamConflictError, match="changed by Ana"):
            ben.perform(late)
        assert first_plan.version == 2
    deals = server_deals(team, plan_name)
    assert len(deals) == 9
    schema = schema_of(team, plan_name)
    assert team.admin(f'SELECT who FROM "{schema}".deal_imports') == [("Ana",)]
    assert team.admin(f'SELECT value FROM "{schema}".deal_rules') == [("won",)]


def small_png(colour: str) -> Photo:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(buffer, format="PNG")
    return Photo(buffer.getvalue(), PNG)


def test_a_photo_on_a_team_plan_is_sent_and_its_undo_too(
    team: TeamServer, plan_name: str, published: str
) -> None:
    address = parse_plan_url(published)
    photo, other = small_png("#8EC5E8"), small_png("#F5C28B")
    schema = schema_of(team, plan_name)
    with open_team_editor(address, "Ana") as (document, editor):
        cro = editor.tree().managers_first()[0]
        edit = set_photo(editor, cro, photo)
        assert edit is not None
        editor.perform(edit)
        first = document.version  # the step that wrote the row: its version
        assert team.admin(f'SELECT image, row_version FROM "{schema}".photos') == [
            (photo.image, first)
        ]
        lineage = lineage_of(cro, editor.positions()[cro].lineage)
        with open_team_plan(address) as reader:  # a teammate reads it from the server
            assert photo_of(reader.session, lineage) == photo
        assert lineage_photo(editor, cro) == photo
        replaced = set_photo(editor, cro, other)
        assert replaced is not None
        editor.perform(replaced)
        assert team.admin(f'SELECT image, row_version FROM "{schema}".photos') == [
            (other.image, first + 1)
        ]
        editor.revert(replaced)  # undo: the first photo again, under the version just sent
        editor.revert(edit)
    assert team.admin(f'SELECT count(*) FROM "{schema}".photos') == [(0,)]


def test_a_viewers_edits_are_told_permission_denied_in_one_line(
    run_cli: CliRunner, team: TeamServer, plan_name: str, published: str,
    make_user: Callable[[str], str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    vera = make_user("vera")
    assert run_cli("team", "grant", published, "--user", vera, "--role", "viewer").code == 0
    as_vera = url_as(team, vera, plan_name)
    before = version(run_cli, published)
    denied = f"permission denied: user {vera} may not do this on plan {plan_name!r}"
    for arguments in (
        ("targets", as_vera, "--goal", "2000000"),
        ("settings", as_vera, "--name", "Vera's plan"),
        ("actuals", as_vera, "--import", Q1),
    ):
        assert_one_error(as_user(run_cli, monkeypatch, *arguments), denied)
    assert version(run_cli, published) == before
    assert server_deals(team, plan_name) == []
    summary = json.loads(run_cli("summary", published, "--json").out)
    assert (summary["goal"], summary["plan"]) == (1_000_000, "Revenue plan: EUR 1M")
    # Reading the actuals (nothing to change) is a viewer's right.
    shown = as_user(run_cli, monkeypatch, "actuals", as_vera)
    assert shown.code == 0, shown.err


def test_revision_0005_gives_actuals_of_plans_published_before_it_their_row_versions(
    run_cli: CliRunner, team: TeamServer, demo_file: Path
) -> None:
    fresh_database(team, "before_actuals")
    url = team.url("Acme", database="before_actuals")
    assert run_cli("push", demo_file, url).code == 0
    # The plan as revision 0004 left it: no row versions on its actuals and photos.
    for table in WHOLE_ROW_TABLES:
        team.admin(f"ALTER TABLE plan_1.{table} DROP COLUMN row_version", "before_actuals")
    team.admin("DROP TABLE revorg.plan_images", "before_actuals")  # revision 0007's
    team.admin("UPDATE revorg.alembic_version SET version_num = '0004'", "before_actuals")
    assert "older schema (0004" in run_cli("actuals", url, "--import", Q1).err

    address = parse_plan_url(url)
    engine = engine_for(address)
    try:
        with engine.begin() as connection:
            upgrade(connection, address)
    finally:
        engine.dispose()
    report = actuals(run_cli, url, "--import", Q1)
    assert report["actuals"]["new_business"] == NEW_BUSINESS  # type: ignore[index]
    # Each deal at the version of the import's step: the plan's first.
    assert team.admin(
        "SELECT count(*), min(row_version), max(row_version) FROM plan_1.deals", "before_actuals"
    ) == [(9, 1, 1)]


def test_undoing_an_import_on_a_team_plan_removes_its_deals_from_the_server(
    team: TeamServer, plan_name: str, published: str
) -> None:
    address = parse_plan_url(published)
    schema = schema_of(team, plan_name)
    with open_team_editor(address, "Ana") as (document, ana):
        read = read_deals(Q1, ImportReport(Q1.name), store.stored_rules(ana.session), "EUR")
        assert read is not None
        imported = actuals_requests.import_deals(
            ana, read.deals, Q1.name, "salesforce", "Ana", "t"
        ).edit
        ana.perform(imported)
        assert team.admin(f'SELECT count(*) FROM "{schema}".deals') == [(9,)]
        ana.revert(imported)
        assert document.version == 2  # the import and its undo, two steps of the log
    assert team.admin(f'SELECT count(*) FROM "{schema}".deals') == [(0,)]
    assert team.admin(f'SELECT count(*) FROM "{schema}".deal_imports') == [(0,)]
    steps = team.admin(f'SELECT direction FROM "{schema}".history_steps ORDER BY id')
    assert steps == [("do",), ("undo",)]


def test_actuals_imported_offline_are_pushed_back(
    run_cli: CliRunner, team: TeamServer, plan_name: str, published: str, tmp_path: Path
) -> None:
    copy = tmp_path / "workshop.revorg"
    assert run_cli("pull", published, "-o", copy).code == 0
    offline = run_cli(
        "actuals", copy, "--import", Q1, "--stage", "Negotiation/Review=won", "--who", "Ana"
    )
    assert offline.code == 0, offline.err
    pushed = run_cli("push", copy, published, "--who", "Ana")
    assert pushed.code == 0, pushed.err
    assert "sent 2 of 2 offline steps" in pushed.out
    # 98,400 + Costa Foods' 15,000, its stage read as won by the rule sent with it.
    report = actuals(run_cli, published)
    assert report["actuals"]["new_business"] == NEW_BUSINESS + 15_000  # type: ignore[index]
    assert len(server_deals(team, plan_name)) == 9
