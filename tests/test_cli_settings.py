"""`revorg settings` and `revorg new --currency --fiscal-start`, as a user types them."""

import json
from pathlib import Path

import pytest

from revorg.model.document import PlanDocument
from revorg.model.months import YearMonth
from tests.conftest import CliResult, CliRunner


def assert_usage_error(result: CliResult, words: str) -> None:
    assert result.code == 2
    assert result.error_lines == [result.error_lines[0]] and "Traceback" not in result.err
    assert result.error_lines[0].startswith("error: ") and words in result.error_lines[0]
    assert result.out == ""


def settings_of(path: Path) -> tuple[str, str, int, int, YearMonth | None]:
    with PlanDocument.open(path, for_editing=False) as document:
        plan = document.plan
        seo = next(p for p in document.scenario().positions if p.title == "SEO Specialist")
        return plan.name, plan.currency, plan.fiscal_year, plan.fiscal_start_month, seo.start_month


def test_without_options_it_prints_the_settings(run_cli: CliRunner, demo_file: Path) -> None:
    result = run_cli("settings", demo_file)
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "name: Revenue plan: EUR 1M",
        "currency: EUR (Euro)",
        "fiscal year: 2027 (Jan 2027 to Dec 2027)",
        "fiscal start month: 1",
    ]


def test_usd_and_april_are_saved_and_amounts_are_not_converted(
    run_cli: CliRunner, demo_file: Path
) -> None:
    result = run_cli("settings", demo_file, "--currency", "usd", "--fiscal-start", "4")
    assert result.code == 0, result.err
    assert "currency: USD (US Dollar)" in result.out
    assert "fiscal year: 2027 (Apr 2027 to Mar 2028)" in result.out
    assert "amounts not converted: they were EUR and are now read as USD" in result.out
    assert "start months of 3 open positions moved with the fiscal year" in result.out
    # The SEO specialist started in month 3 (March) and still does: June in an April year.
    assert settings_of(demo_file) == ("Revenue plan: EUR 1M", "USD", 2027, 4, YearMonth(2027, 6))
    summary = json.loads(run_cli("summary", demo_file, "--json").out)
    assert summary["currency"] == "USD"
    assert summary["fiscal_start_month"] == 4
    assert "1,000,000.00 USD" in run_cli("summary", demo_file).out  # the goal, as it was


def test_name_and_year(run_cli: CliRunner, demo_file: Path) -> None:
    result = run_cli("settings", demo_file, "--name", "Plan 2028", "--fiscal-year", "2028")
    assert result.code == 0, result.err
    assert settings_of(demo_file) == ("Plan 2028", "EUR", 2028, 1, YearMonth(2028, 3))


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["--currency", "XYZ"], "'XYZ' is not an ISO 4217 currency code"),
        (["--currency", "EURO"], "'EURO' is not an ISO 4217 currency code"),
        (["--currency", ""], "the currency is empty"),
        (["--fiscal-start", "13"], "first month must be 1 to 12, not '13'"),
        (["--fiscal-start", "0"], "first month must be 1 to 12, not '0'"),
        (["--fiscal-year", "20270"], "the fiscal year must be 1900 to 9998, not '20270'"),
        (["--name", " "], "the plan needs a name"),
        (["--currency", "USD", "--fiscal-start", "April"], "not 'April'"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_leaves_the_file(
    run_cli: CliRunner, demo_file: Path, arguments: list[str], words: str
) -> None:
    before = demo_file.read_bytes(), demo_file.stat().st_mtime_ns
    assert_usage_error(run_cli("settings", demo_file, *arguments), words)
    assert (demo_file.read_bytes(), demo_file.stat().st_mtime_ns) == before


def test_new_plan_in_usd_from_april(run_cli: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "us.revorg"
    result = run_cli(
        "new", "--year", "2027", "--currency", "USD", "--fiscal-start", "4", "-o", path
    )
    assert result.code == 0, result.err
    assert "fiscal year 2027 from month 4, USD" in result.out
    # The template's SEO hire starts in the year's third month: June of an April year.
    assert settings_of(path) == ("Revenue plan: EUR 1M", "USD", 2027, 4, YearMonth(2027, 6))


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["--currency", "XYZ"], "'XYZ' is not an ISO 4217 currency code"),
        (["--fiscal-start", "13"], "first month must be 1 to 12"),
    ],
)
def test_new_refuses_bad_settings_and_writes_nothing(
    run_cli: CliRunner, tmp_path: Path, arguments: list[str], words: str
) -> None:
    path = tmp_path / "bad.revorg"
    assert_usage_error(run_cli("new", *arguments, "-o", path), words)
    assert not path.exists()


def test_a_cny_plan_exports_its_currency_to_the_chart_and_the_workbook(
    run_cli: CliRunner, run_revorg: CliRunner, demo_file: Path, tmp_path: Path
) -> None:
    import openpyxl

    assert run_cli("settings", demo_file, "--currency", "CNY").code == 0
    svg, xlsx = tmp_path / "chart.svg", tmp_path / "plan.xlsx"
    result = run_revorg("export", demo_file, "--svg", svg, "--xlsx", xlsx)
    assert result.code == 0, result.err
    chart = svg.read_text(encoding="utf-8")
    assert "CN¥170,000 / yr" in chart and "€" not in chart  # the CRO's card
    book = openpyxl.load_workbook(xlsx)
    ((sheet, cell),) = list(book.defined_names["Goal"].destinations)
    assert book[sheet][cell.replace("$", "")].number_format == '#,##0.00 "CNY"'
