"""`revorg summary` reads a plan file with plain SQL (revorg.model.plan_reader) and the checks at
open with the compiled column description (revorg.model.store.columns), without SQLAlchemy: the
numbers and the refusals must be those of the ORM's way."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from revorg.app import main
from revorg.model.document import PlanDocument
from revorg.model.entities import Base, Position
from revorg.model.errors import PlanFileError
from revorg.model.months import YearMonth
from revorg.model.plan_reader import PlanReader
from revorg.model.reports import format_summary
from revorg.model.rows import PositionRow
from revorg.model.scenarios import copy_scenario_rows, insert_scenario
from revorg.model.store import open_read_only
from revorg.model.store.columns import STORED_FORMS, columns_json_text, stored_columns
from revorg.model.summary import summarize
from tests.conftest import REPO_ROOT


@pytest.fixture
def two_scenarios(demo_file: Path) -> Path:
    """The demo plan with a copy "Stretch" (goal 1,500,000, Q4-heavy year, a lower quota for
    AEs) and a snapshot "Board" of Base."""
    with PlanDocument.open(demo_file) as document:
        base = document.scenario()
        insert_scenario(document.session, copy_scenario_rows(document.session, base.id, "Stretch"))
        document.save()
    for arguments in (
        ("targets", demo_file, "--scenario", "Stretch", "--goal", "1500000"),
        ("targets", demo_file, "--scenario", "Stretch", "--seasonality", "year_end_push"),
        ("snapshot", demo_file, "--name", "Board"),
    ):
        assert main([str(a) for a in arguments]) == 0
    with PlanDocument.open(demo_file) as document:
        stretch = document.scenario("Stretch")
        quota = next(
            a for a in stretch.assumptions if a.role_key == "ae" and a.metric == "annual_quota"
        )
        quota.value = Decimal("450000")
        document.save()
    return demo_file


@pytest.mark.parametrize("language", ["en", "es", "zh"])
@pytest.mark.parametrize("name", [None, "Base", "Stretch"])
def test_the_summary_read_without_the_orm_is_the_windows(
    two_scenarios: Path, name: str | None, language: str
) -> None:
    with PlanDocument.open(two_scenarios, for_editing=False) as document:
        scenario = document.scenario(name)
        expected = summarize(document.session, scenario, language)
        expected_json, expected_text = expected.to_json(), format_summary(expected)
    with open_read_only(two_scenarios) as connection:
        reader = PlanReader(connection)
        summary = summarize(reader, reader.scenario(name), language)
    assert summary.to_json() == expected_json
    assert format_summary(summary) == expected_text
    assert summary.role_names == expected.role_names
    if name == "Stretch":  # the copy's own numbers, not the first scenario's
        assert summary.to_json()["goal"] == 1_500_000
        assert summary.to_json()["seasonality"]["shape"] == "year_end_push"


def test_a_snapshot_is_not_a_scenario_to_summarize(two_scenarios: Path) -> None:
    with open_read_only(two_scenarios) as connection, pytest.raises(PlanFileError) as raised:
        PlanReader(connection).scenario("Board")
    with (
        PlanDocument.open(two_scenarios, for_editing=False) as document,
        pytest.raises(PlanFileError) as expected,
    ):
        document.scenario("Board")
    assert str(raised.value) == str(expected.value)
    assert str(raised.value) == "no scenario named 'Board'; the plan has 'Base', 'Stretch'"


def test_the_command_line_summary_of_a_file_is_the_one_of_its_json(
    two_scenarios: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summary", str(two_scenarios), "--scenario", "Stretch"]) == 0
    text = capsys.readouterr().out
    assert "scenario 'Stretch'" in text
    assert "1,500,000.00 EUR" in text  # the goal line
    assert main(["summary", str(two_scenarios), "--scenario", "Board"]) == 2
    assert capsys.readouterr().err == (
        "error: no scenario named 'Board'; the plan has 'Base', 'Stretch'\n"
    )


def test_the_shipped_column_description_is_the_entities() -> None:
    """revorg/resources/schema_columns.json spares a command the ORM at open; it must describe
    the entities as they are (after changing them: scripts/schema-sql)."""
    shipped = (REPO_ROOT / "revorg" / "resources" / "schema_columns.json").read_text("utf-8")
    assert shipped == columns_json_text(), "run scripts/schema-sql"
    described = stored_columns()
    assert list(described.tables) == [table.name for table in Base.metadata.sorted_tables]
    assert described.stored_forms["positions"] == {
        "annual_cost": "cents",
        "start_month": "year_month_text",
        "capacity_override": "decimal_text",
    }


@pytest.mark.parametrize(
    ("table", "column", "stored", "value"),
    [
        ("positions", "annual_cost", 9_000_050, Decimal("90000.50")),
        ("positions", "start_month", "2027-04", YearMonth(2027, 4)),
        ("assumptions", "value", "0.125", Decimal("0.125")),
    ],
)
def test_the_stored_forms_read_as_the_entities_column_types(
    table: str, column: str, stored: object, value: object
) -> None:
    column_type = Base.metadata.tables[table].c[column].type
    form = stored_columns().stored_forms[table][column]
    assert STORED_FORMS[form](stored) == value
    assert column_type.process_result_value(stored, None) == value  # type: ignore[attr-defined]


def test_a_position_row_has_the_positions_columns() -> None:
    """rows.py reads the columns by the fields' names."""
    assert set(PositionRow._fields) <= set(Position.__table__.c.keys())


def test_a_damaged_money_value_is_still_refused_at_open(demo_file: Path) -> None:
    with sqlite3.connect(demo_file) as connection:
        connection.execute("UPDATE positions SET annual_cost = 'lots' WHERE id = 1")
    connection.close()
    # Named by its column and value (not the decimal module's "[<class ...ConversionSyntax'>]").
    expected = "a value in table 'positions' cannot be read \\('lots' in column 'annual_cost'\\)"
    with pytest.raises(PlanFileError, match=expected):
        open_read_only(demo_file).__enter__()
