"""A plan saved in file format 2 (before plan assumptions and position lineage) opens migrated to
the current format in memory, leaves its file alone until saved, and is summarised correctly."""

import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from revorg.model import edits
from revorg.model.catalogue import default_assumptions
from revorg.model.document import PlanDocument
from revorg.model.entities import Assumption, Position
from revorg.model.lineage import lineage_of
from revorg.model.months import YearMonth
from revorg.model.store import APPLICATION_ID, SCHEMA_VERSION
from revorg.model.summary import scenario_positions, summarize

FIXTURES = Path(__file__).parent / "fixtures"


def build_v2_plan(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.executescript((FIXTURES / "plan_v2.sql").read_text(encoding="utf-8"))
    connection.close()
    return path


@pytest.fixture
def v2_file(tmp_path: Path) -> Path:
    return build_v2_plan(tmp_path / "format2.revorg")


def file_state(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def pragma(path: Path, name: str) -> Any:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        connection.close()


def table_names(connection: sqlite3.Connection) -> set[str]:
    query = "SELECT name FROM sqlite_master WHERE type = 'table'"
    return {row[0] for row in connection.execute(query)}


def column_names(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]


def schema_columns(connection: sqlite3.Connection) -> dict[str, set[tuple[Any, ...]]]:
    """Each table's columns as (name, type, not null, primary key), order ignored."""
    return {
        table: {
            (name, kind, notnull, primary)
            for _cid, name, kind, notnull, _default, primary in connection.execute(
                f'PRAGMA table_info("{table}")'
            )
        }
        for table in table_names(connection)
    }


def index_names(connection: sqlite3.Connection) -> set[str]:
    query = "SELECT name FROM sqlite_master WHERE type = 'index'"
    return {row[0] for row in connection.execute(query)}


def default_rows() -> dict[tuple[str, str], tuple[Decimal, str]]:
    return {(a.role_key, a.metric): (a.value, a.source) for a in default_assumptions()}


def assumption_rows(assumptions: list[Assumption]) -> dict[tuple[str, str], tuple[Decimal, str]]:
    return {(a.role_key, a.metric): (a.value, a.source) for a in assumptions}


# --- the fixture -----------------------------------------------------------------------------


def test_the_fixture_is_a_format_2_plan(v2_file: Path) -> None:
    assert pragma(v2_file, "application_id") == APPLICATION_ID
    assert pragma(v2_file, "user_version") == 2
    assert SCHEMA_VERSION == 8
    connection = sqlite3.connect(f"file:{v2_file}?mode=ro", uri=True)
    try:
        tables = table_names(connection)
        assert "dotted_lines" in tables
        assert "assumptions" not in tables
        columns = column_names(connection, "positions")
        assert "capacity_override" in columns
        assert "lineage" not in columns
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()


# --- opening ---------------------------------------------------------------------------------


def test_format_2_plan_is_migrated_in_memory_and_the_file_is_left_alone(v2_file: Path) -> None:
    before = file_state(v2_file)
    with PlanDocument.open(v2_file) as document:
        session = document.session
        assert document.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert document.plan.name == "Plan from format 2"
        assert [s.name for s in document.plan.scenarios] == ["Base", "Stretch"]
        base, stretch = document.plan.scenarios
        positions = scenario_positions(session, base)
        assert [(p.id, p.role_key, p.manager_id, p.headcount) for p in positions] == [
            (1, "cro", None, 1),
            (2, "vp_sales", 1, 1),
            (3, "ae", 2, 2),
            (4, "ae", 2, 1),
            (5, "sdr", 2, 1),
            (6, "csm", 1, 1),
            (7, "account_manager", 6, 1),
        ]
        overrides = {p.id: p.capacity_override for p in session.scalars(select(Position))}
        assert overrides == {1: None, 2: None, 3: Decimal(100000), 4: None, 5: None, 6: None,
                             7: None, 8: None, 9: Decimal("120000.5")}  # fmt: skip
        assert positions[3].start_month == YearMonth(2027, 4)
        assert positions[2].annual_cost == Decimal("65000.00")
        assert [(d.from_position_id, d.to_position_id) for d in base.dotted_lines] == [(6, 2)]
        assert stretch.dotted_lines == []

        # Editing in memory, even committing, never reaches the file.
        positions[0].notes = "Edited after the migration"
        session.commit()
        assert file_state(v2_file) == before
        assert pragma(v2_file, "user_version") == 2
    assert file_state(v2_file) == before
    assert sorted(p.name for p in v2_file.parent.iterdir()) == [v2_file.name]  # no lock left


def test_format_2_plan_reads_without_a_lock_and_without_a_trace(v2_file: Path) -> None:
    before = file_state(v2_file)
    with PlanDocument.open(v2_file, for_editing=False) as document:
        assert document.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        for scenario in document.plan.scenarios:
            summarize(document.session, scenario).to_json()
    assert file_state(v2_file) == before
    assert sorted(p.name for p in v2_file.parent.iterdir()) == [v2_file.name]


def test_every_position_gets_a_lineage(v2_file: Path) -> None:
    with PlanDocument.open(v2_file, for_editing=False) as document:
        positions = list(document.session.scalars(select(Position).order_by(Position.id)))
        assert [p.id for p in positions] == list(range(1, 10))
        # The migration names each old card after its id, as lineage_of does for older rows.
        assert [p.lineage for p in positions] == [f"p{p.id}" for p in positions]
        assert all(lineage_of(p.id, p.lineage) == p.lineage for p in positions)
        assert len({p.lineage for p in positions}) == len(positions)


def test_every_scenario_gets_the_default_assumptions(v2_file: Path) -> None:
    expected = default_rows()
    assert len(expected) == 47  # 26 of format 3, 21 of format 4 (attrition, backfill, margin)
    with PlanDocument.open(v2_file, for_editing=False) as document:
        scenarios = document.plan.scenarios
        assert len(scenarios) == 2
        for scenario in scenarios:
            assert len(scenario.assumptions) == len(expected), scenario.name
            assert assumption_rows(scenario.assumptions) == expected, scenario.name
            assert all(isinstance(a.value, Decimal) for a in scenario.assumptions)
        every = list(document.session.scalars(select(Assumption)))
        assert len(every) == 2 * 47
        assert {a.scenario_id for a in every} == {s.id for s in scenarios}
        base = {(a.role_key, a.metric): a.value for a in scenarios[0].assumptions}
        assert base["ae", "annual_quota"] == Decimal(200000)
        assert base["*", "meeting_to_win_rate"] == Decimal("0.25")


# --- the numbers of a migrated plan ----------------------------------------------------------


def test_summary_of_the_migrated_base_scenario(v2_file: Path) -> None:
    with PlanDocument.open(v2_file, for_editing=False) as document:
        summary = summarize(document.session, document.scenario("Base"))
    outcome = summary.outcome
    # 200 leads x 15 % = 30 customers x 10,000; 500,000 x 0.9 + 50,000 retained.
    assert outcome.new_customers == 30
    assert outcome.new_business == Decimal("300000.00")
    assert outcome.retained == Decimal("500000.00")
    assert outcome.gap == Decimal("200000.00")

    capacity = summary.capacity
    # The migration gives the plan the default attrition (format 4): leavers cost capacity.
    # Quota: the overridden pair 2 x 100,000 (an override is not reduced) plus an AE from
    # April: 9 months in seat, 0.2 + 0.4 + 0.6 + 0.8 + 5 = 7 ramped, less 25/40 of a month to
    # leavers (a fortieth of the heads leaves each month; each leaver costs the seat 2 to 3.8
    # months: 2 empty, then the replacement's ramp), 150,000 x 6.375/12 = 79,687.50.
    # Book: one CSM, 250,000 x (12 - 49/90)/12; expansion and meetings likewise.
    assert [(item.key, item.target, item.capacity, item.status) for item in capacity.lines] == [
        ("leads", 200, 0, "red"),
        ("new_business", Decimal(300000), Decimal("279687.50"), "amber"),
        ("meetings", 120, Decimal("136.07"), "green"),
        ("base_revenue", Decimal(500000), Decimal("238657.41"), "red"),
        ("expansion", Decimal(50000), Decimal("93046.88"), "green"),
    ]
    # Backfills for the people on the chart: 30 % of the AEs' 33 months in seat is 0.825
    # leavers, 1 replacement to hire (rounded: 0.15 of a leaver is no hire to plan).
    assert capacity.leavers["ae"] == Decimal("0.825")
    assert capacity.backfills["ae"] == 1
    # Leads: 200 short, a demand-gen hire brings 138 less leavers: 2; AEs: 20,312.50 short:
    # 1; CSMs: 261,342.59 short, a January CSM brings 218,287.04: 2.
    assert capacity.hires_needed == {"acquisition_specialist": 2, "ae": 1, "csm": 2}
    assert capacity.aes_per_sdr == 3

    costs = {d.key: d.staffing.cost for d in summary.departments}
    # Sales: 125,000 + 2 x 65,000 + 65,000 x 9/12 + 38,000; CS: 50,000 + 58,000.
    assert costs == {
        "executive": Decimal("170000.00"),
        "marketing": Decimal(0),
        "sales": Decimal("341750.00"),
        "customer_success": Decimal("108000.00"),
        "revops": Decimal(0),
    }
    assert (summary.total.positions, summary.total.headcount) == (7, 8)
    assert summary.total.open_positions == 2
    assert summary.cost.cac == Decimal("11391.67")  # 341,750 / 30
    assert summary.cost.cro_uplift_revenue == Decimal("100000.00")
    data = summary.to_json()
    assert data["hires_needed"] == {"acquisition_specialist": 2, "ae": 1, "csm": 2}


def test_summary_of_the_migrated_stretch_scenario(v2_file: Path) -> None:
    with PlanDocument.open(v2_file, for_editing=False) as document:
        summary = summarize(document.session, document.scenario("Stretch"))
    capacity = summary.capacity
    # 240 leads x 15 % = 36 customers, 360,000 of new business; the three AEs are overridden
    # to 120,000.50 each whatever their start: 360,001.50.
    assert [(item.key, item.target, item.capacity, item.status) for item in capacity.lines] == [
        ("leads", 240, 0, "red"),
        ("new_business", Decimal(360000), Decimal("360001.50"), "green"),
        ("meetings", 144, 0, "red"),
        ("base_revenue", Decimal(500000), 0, "red"),
        ("expansion", Decimal(80000), 0, "red"),
    ]
    # 240 / 138 = 2 demand gen; 144 / 132 = 2 SDRs; 500,000 / 229,166.67 = 3 CSMs;
    # 80,000 / 98,437.50 = 1 account manager.
    assert capacity.hires_needed == {
        "acquisition_specialist": 2,
        "sdr": 2,
        "csm": 3,
        "account_manager": 1,
    }
    # The three AEs start in February: 3 x 65,000 x 11/12.
    sales = next(d for d in summary.departments if d.key == "sales")
    assert sales.staffing.cost == Decimal("178750.00")


# --- saving ----------------------------------------------------------------------------------


def test_saving_writes_the_current_format_with_lineage_and_assumptions(v2_file: Path) -> None:
    with PlanDocument.open(v2_file) as document:
        session = document.session
        base = document.scenario("Base")
        book = next(
            a for a in base.assumptions if (a.role_key, a.metric) == ("csm", "book_of_business")
        )
        book.value = Decimal(500000)
        row = edits.new_position_row(session, base, "csm", 6)
        edits.insert_rows(session, edits.RowsSnapshot((row,), ()))
        new_id, new_lineage = row["id"], row["lineage"]
        assert pragma(v2_file, "user_version") == 2
        document.save()

    assert pragma(v2_file, "user_version") == SCHEMA_VERSION == 8
    assert pragma(v2_file, "application_id") == APPLICATION_ID
    before = file_state(v2_file)
    with PlanDocument.open(v2_file, for_editing=False) as reopened:
        session = reopened.session
        lineages = {p.id: p.lineage for p in session.scalars(select(Position))}
        assert lineages == {**{i: f"p{i}" for i in range(1, 10)}, new_id: new_lineage}
        assert new_id == 10
        assert len(new_lineage) == 32  # a fresh uuid, not the p<id> of migrated rows
        base, stretch = reopened.plan.scenarios
        expected = default_rows()
        assert assumption_rows(stretch.assumptions) == expected
        changed = assumption_rows(base.assumptions)
        assert changed.pop(("csm", "book_of_business"))[0] == Decimal(500000)
        expected.pop(("csm", "book_of_business"))
        assert changed == expected
        # Two CSMs with a 500,000 book: one in seat (12 - 49/90 months, leavers counted), one
        # hired from month 1 (11 ramped months less 47/90).
        summary = summarize(session, base)
        base_line = summary.capacity.line("base_revenue")
        assert base_line is not None
        assert base_line.capacity == Decimal("477314.81") + Decimal("436574.07")
        assert base_line.status == "green"
        assert "csm" not in summary.capacity.hires_needed
        with PlanDocument.from_template("blank", 2027) as fresh:
            assert schema_columns(reopened.connection) == schema_columns(fresh.connection)
            assert index_names(reopened.connection) == index_names(fresh.connection)
    assert file_state(v2_file) == before  # a current file opens without any migration
