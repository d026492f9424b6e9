"""A plan saved in file format 3 (before the seasonality of bookings and the year-plan
assumptions) opens migrated to format 4 in memory, leaves its file alone until saved, and gets
the new assumptions at their defaults, as a new plan would."""

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from revorg.model.catalogue import default_assumptions
from revorg.model.document import PlanDocument
from revorg.model.store import SCHEMA_VERSION
from revorg.model.summary import summarize
from tests.model.test_migration_v2 import file_state, index_names, pragma, schema_columns

FIXTURES = Path(__file__).parent / "fixtures"
NEW_METRICS = {"annual_attrition", "backfill_months", "gross_margin"}


@pytest.fixture
def v3_file(tmp_path: Path) -> Path:
    path = tmp_path / "format3.revorg"
    connection = sqlite3.connect(path)
    connection.executescript((FIXTURES / "plan_v3.sql").read_text(encoding="utf-8"))
    connection.close()
    return path


def test_the_fixture_is_a_format_3_plan(v3_file: Path) -> None:
    assert pragma(v3_file, "user_version") == 3
    connection = sqlite3.connect(f"file:{v3_file}?mode=ro", uri=True)
    try:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(targets)")]
        metrics = {row[0] for row in connection.execute("SELECT DISTINCT metric FROM assumptions")}
    finally:
        connection.close()
    assert "seasonality" not in columns
    assert not metrics & NEW_METRICS


def test_a_format_3_plan_opens_flat_with_the_new_assumptions(v3_file: Path) -> None:
    before = file_state(v3_file)
    with PlanDocument.open(v3_file, for_editing=False) as document:
        assert document.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        expected = {
            (a.role_key, a.metric): a.value
            for a in default_assumptions()
            if a.metric in NEW_METRICS
        }
        assert len(expected) == 21
        for scenario in document.plan.scenarios:
            assert scenario.targets.seasonality is None
            found = {
                (a.role_key, a.metric): a.value
                for a in scenario.assumptions
                if a.metric in NEW_METRICS
            }
            assert found == expected, scenario.name
        stretch = summarize(document.session, document.scenario("Stretch")).to_json()
    assert file_state(v3_file) == before
    # The stretch targets survive: 400 leads x 10 % x 12,000 + 640,000.
    assert stretch["targets"]["total"] == 1120000
    assert stretch["seasonality"]["shape"] == "flat"
    assert stretch["arr"]["end"] == 1120000


def test_saving_writes_format_4_with_the_schema_of_a_new_plan(v3_file: Path) -> None:
    with PlanDocument.open(v3_file) as document:
        document.scenario(
            "Stretch"
        ).targets.seasonality = "5,7.5,12.5,5,7.5,12.5,5,7.5,12.5,5,7.5,12.5"
        document.save()
    assert pragma(v3_file, "user_version") == SCHEMA_VERSION == 8
    with PlanDocument.open(v3_file, for_editing=False) as reopened:
        summary = summarize(reopened.session, reopened.scenario("Stretch"))
        assert summary.year.phasing.seasonality.shape() == "back_loaded_quarters"
        # 480,000 of new business, back-loaded: 5 % in the first month.
        assert summary.year.phasing.departments["sales"].target[0] == Decimal(24000)
        with PlanDocument.from_template("blank", 2027) as fresh:
            assert schema_columns(reopened.connection) == schema_columns(fresh.connection)
            assert index_names(reopened.connection) == index_names(fresh.connection)
