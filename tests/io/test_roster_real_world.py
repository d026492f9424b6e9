"""Rosters from the real world: a whole company's org chart with headings of its own, the
people outside the revenue organisation, and one branch of the chart."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from revorg.io.importers import import_plan
from revorg.io.roster import RosterOptionError, RosterOptions
from revorg.model.document import PlanDocument
from revorg.model.entities import Position
from revorg.model.summary import summarize
from tests.conftest import CliRunner
from tests.roster_samples import (
    CRO_ID,
    ORG_CHART_OUTSIDE,
    ORG_CHART_PEOPLE,
    org_chart_sample,
)

# Headings no vocabulary knows: only a mapping says which column is which.
OWN_HEADINGS = ("name", "jobLabel", "id", "bossRef", "area", "office")


@pytest.fixture
def own_headings(tmp_path: Path) -> Path:
    path = tmp_path / "org.csv"
    path.write_text(org_chart_sample(OWN_HEADINGS), encoding="utf-8")
    return path


def departments_of(path: Path) -> Counter[str]:
    with PlanDocument.open(path, for_editing=False) as document:
        return Counter(p.department_key for p in document.scenario().positions)


def test_unknown_headings_are_refused_without_a_mapping(
    run_cli: CliRunner, own_headings: Path, tmp_path: Path
) -> None:
    result = run_cli("import", own_headings, "-o", tmp_path / "plan.revorg")
    assert result.code == 2
    assert "no Title (Puesto, Cargo) column" in result.err
    assert not (tmp_path / "plan.revorg").exists()


def test_map_says_which_column_is_which(
    run_cli: CliRunner, own_headings: Path, tmp_path: Path
) -> None:
    output = tmp_path / "plan.revorg"
    result = run_cli(
        "import", own_headings, "-o", output, "--map", "title=jobLabel", "--map", "manager=bossRef"
    )
    assert result.code == 0, result.err
    assert result.out.strip() == f"wrote {output} ({ORG_CHART_PEOPLE} positions from org.csv)"
    with PlanDocument.open(output, for_editing=False) as document:
        people = {p.person_name: p for p in document.scenario().positions}
        by_id = {p.id: p for p in people.values()}
        assert people["Closer 34"].role_key == "ae"
        assert by_id[people["Closer 34"].manager_id].person_name == "Victor Hale"
        assert by_id[people["Rosa Quinn"].manager_id].person_name == "Avery Stone"
        assert people["Avery Stone"].manager_id is None  # one chart: everybody is linked


def test_the_libraries_headings_are_known_synonyms(run_cli: CliRunner, tmp_path: Path) -> None:
    roster = tmp_path / "org.csv"
    roster.write_text(org_chart_sample(), encoding="utf-8")  # positionName, parentId, area
    result = run_cli("import", roster, "-o", tmp_path / "plan.revorg")
    assert result.code == 0, result.err
    assert "columns not read: 'office'" in result.err


@pytest.mark.parametrize(
    ("mapping", "said"),
    [
        ("boss=bossRef", "--map boss=bossRef: unknown field 'boss'"),
        ("title", "--map title: write FIELD=HEADING"),
        ("title=Job", "org.csv: no column is headed 'Job'"),
    ],
)
def test_a_bad_map_is_one_error_line(
    run_cli: CliRunner, own_headings: Path, tmp_path: Path, mapping: str, said: str
) -> None:
    result = run_cli("import", own_headings, "-o", tmp_path / "plan.revorg", "--map", mapping)
    assert result.code == 2
    assert len(result.error_lines) == 1
    assert result.error_lines[0].startswith(f"error: {said}")
    assert "Traceback" not in result.err
    assert not (tmp_path / "plan.revorg").exists()


def test_a_mapped_field_can_be_left_unread(tmp_path: Path) -> None:
    roster = tmp_path / "org.csv"
    roster.write_text(org_chart_sample(), encoding="utf-8")
    options = RosterOptions({"department": ""})  # "area" is not read
    document, report = import_plan(roster, options=options)
    with document:
        assert any("columns not read: 'area', 'office'" in line for line in report.lines())


# --- outside revenue ------------------------------------------------------------------------


def test_people_outside_revenue_are_grouped_apart(
    run_cli: CliRunner, own_headings: Path, tmp_path: Path
) -> None:
    output = tmp_path / "plan.revorg"
    mapping = ("--map", "title=jobLabel", "--map", "manager=bossRef")
    result = run_cli("import", own_headings, "-o", output, *mapping)
    assert result.code == 0, result.err
    assert f"{ORG_CHART_OUTSIDE} people placed in Outside revenue" in result.err
    assert departments_of(output) == {
        "outside": ORG_CHART_OUTSIDE,  # CEO, CTO, 20 engineers, head of trading, 8 traders,
        # and the office manager (no area; the title suggests no function)
        "sales": 8,  # VP Sales, 4 AEs, 2 SDRs, the partner manager (custom, area Sales)
        "executive": 1,  # the CRO
        "customer_success": 1,
    }


SALARIES = (
    "Name,Title,Manager,Department,Salary\n"
    "Ceo,Chief Executive Officer,,Corporate,200000\n"
    "Eng,Software Engineer,Ceo,Engineering,100000\n"
    "Cro,Chief Revenue Officer,Ceo,Sales,150000\n"
    "Ae,Account Executive,Cro,Sales,60000\n"
    "Sdr,SDR,Cro,Sales,40000\n"
    "Mkt,Content Creator,Cro,Marketing,50000\n"
)


def test_outside_revenue_counts_for_no_cost_cac_or_capacity(tmp_path: Path) -> None:
    whole = tmp_path / "whole.csv"
    whole.write_text(SALARIES, encoding="utf-8")
    revenue_only = tmp_path / "revenue.csv"
    lines = SALARIES.splitlines()
    revenue_only.write_text("\n".join([lines[0], *lines[3:]]).replace(",Ceo,", ",,") + "\n")
    document, _report = import_plan(whole, "demo", 2027)
    with document:
        summary = summarize(document.session, document.scenario())
        # By hand: CRO 150,000 + AE 60,000 + SDR 40,000 + content creator 50,000.
        assert summary.total.headcount == 4
        assert summary.total.cost == Decimal(300_000)
        assert summary.cost.total == Decimal(300_000)
        assert summary.cost.share_of_target == Decimal("0.3")  # of the demo's 1,000,000
        # CAC: (sales 100,000 + marketing 50,000) / 30 new customers (300 leads at 10 %).
        assert summary.outcome.new_customers == 30
        assert summary.cost.cac == Decimal(5000)
        outside = next(d for d in summary.departments if d.key == "outside")
        assert (outside.staffing.headcount, outside.staffing.cost) == (2, Decimal(300_000))
        assert "outside" not in summary.cost.by_department
        assert "outside" not in summary.capacity.departments
        capacity = summary.capacity
    document, _report = import_plan(revenue_only, "demo", 2027)
    with document:
        assert summarize(document.session, document.scenario()).capacity == capacity


def test_a_plan_without_outside_people_lists_no_outside_department() -> None:
    with PlanDocument.from_template("demo", 2027) as document:
        summary = summarize(document.session, document.scenario())
        assert "outside" not in [d.key for d in summary.departments]
        assert (summary.outcome.total, summary.outcome.gap) == (1_000_000, 0)


# --- one branch -----------------------------------------------------------------------------


@pytest.mark.parametrize("root", [CRO_ID, "Rosa Quinn"])
def test_root_imports_only_that_persons_organisation(
    run_cli: CliRunner, own_headings: Path, tmp_path: Path, root: str
) -> None:
    output = tmp_path / "plan.revorg"
    mapping = ("--map", "title=jobLabel", "--map", "manager=bossRef")
    result = run_cli("import", own_headings, "-o", output, *mapping, "--root", root)
    assert result.code == 0, result.err
    assert result.out.strip() == f"wrote {output} (10 positions from org.csv)"
    assert "only the organisation of Rosa Quinn (row 33) is imported: 10 of 42 rows" in result.err
    assert "Outside revenue" not in result.err
    with PlanDocument.open(output, for_editing=False) as document:
        positions: list[Position] = document.scenario().positions
        roots = [p for p in positions if p.manager_id is None]
        assert [p.person_name for p in roots] == ["Rosa Quinn"]
        assert Counter(p.role_key for p in positions)["ae"] == 4
    assert departments_of(output) == {"sales": 8, "executive": 1, "customer_success": 1}


def test_an_unknown_root_is_one_error_line(
    run_cli: CliRunner, own_headings: Path, tmp_path: Path
) -> None:
    mapping = ("--map", "title=jobLabel", "--map", "manager=bossRef")
    output = tmp_path / "plan.revorg"
    result = run_cli("import", own_headings, "-o", output, *mapping, "--root", "Nobody")
    assert result.code == 2
    assert result.error_lines == [
        "error: org.csv: no row has the id, email or name 'Nobody': nobody to import"
    ]
    assert not output.exists()


def test_an_unknown_root_raises_for_the_window(own_headings: Path) -> None:
    options = RosterOptions({"title": "jobLabel", "manager": "bossRef"}, root="99")
    with pytest.raises(RosterOptionError, match="'99'"):
        import_plan(own_headings, options=options)


def test_the_summary_lists_outside_revenue_after_the_total(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    roster = tmp_path / "whole.csv"
    roster.write_text(SALARIES, encoding="utf-8")
    plan = tmp_path / "plan.revorg"
    assert run_cli("import", roster, "-o", plan, "--year", "2027").code == 0
    result = run_cli("summary", plan)
    lines = [line.split() for line in result.out.splitlines()]
    total = lines.index(["Total", "4", "4", "0", "300,000.00"])
    assert lines[total + 1] == ["Outside", "revenue", "2", "2", "0", "300,000.00"]
