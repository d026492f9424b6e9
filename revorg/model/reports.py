"""Plain-text reports for the terminal: a scenario's summary and the comparison of two.

No Qt: the command line prints these; the window has its own views of the same numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from revorg.model.phasing import TOTAL
from revorg.model.planning import Staffing, plain_decimal
from revorg.model.revenue import USUAL_QUOTA_COVERAGE
from revorg.model.summary import ScenarioSummary
from revorg.model.vocabulary import Status

if TYPE_CHECKING:  # `revorg summary` does not load the comparison (its dataclasses cost 10 ms)
    from revorg.model.comparison import (
        Card,
        Compared,
        DepartmentComparison,
        FieldValue,
        MatchedCard,
        ScenarioComparison,
    )


def format_summary(summary: ScenarioSummary, *, without_salaries: bool = False) -> str:
    """A plain-text report for the terminal; `without_salaries` (a team plan's viewer): every
    cost "n/a", since the salaries it is made from were not read."""
    plan, inputs, outcome = summary.plan, summary.inputs, summary.outcome
    currency = plan.currency
    lines = [
        f"{plan.name}: scenario {summary.scenario.name!r}, fiscal year {plan.fiscal_year}",
        "",
        f"  {'Goal':<28}{inputs.goal:>16,.2f} {currency}",
        f"  {'Marketing leads':<28}{inputs.leads:>16,}",
        f"  {'Close rate':<28}{inputs.close_rate * 100:>15.4g}%",
        f"  {'Average deal':<28}{inputs.average_deal:>16,.2f} {currency}",
        f"  {'New customers':<28}{outcome.new_customers:>16,}",
        f"  {'New business':<28}{outcome.new_business:>16,.2f} {currency}",
        f"  {'Base revenue':<28}{inputs.base_revenue:>16,.2f} {currency}",
        f"  {'Retention':<28}{inputs.retention * 100:>15.4g}%",
        f"  {'Expansion':<28}{inputs.expansion:>16,.2f} {currency}",
        f"  {'Retained':<28}{outcome.retained:>16,.2f} {currency}",
        f"  {'Total revenue':<28}{outcome.total:>16,.2f} {currency}",
        f"  {'Gap to goal':<28}{outcome.gap:>16,.2f} {currency}",
        "",
        f"  {'Department':<24}{'Positions':>10}{'Headcount':>10}{'Open':>6}{'Cost':>16}",
    ]

    def row(name: str, staffing: Staffing) -> str:
        return (
            f"  {name:<24}{staffing.positions:>10}{staffing.headcount:>10}"
            f"{staffing.open_positions:>6}"
            + (f"{'n/a':>16}" if without_salaries else f"{staffing.cost:>16,.2f}")
        )

    lines += [row(d.name, d.staffing) for d in summary.revenue_departments]
    lines.append(row("Total", summary.total))
    # Outside revenue after the total: shown, not counted.
    lines += [row(d.name, d.staffing) for d in summary.outside_departments]
    capacity = format_capacity(summary)
    if without_salaries:  # CAC is made from costs
        capacity = [line if not line.startswith("  CAC:") else "  CAC: n/a" for line in capacity]
        lines.append("  Costs: not available (no access to salaries)")
    lines += ["", *capacity, "", *format_year(summary)]
    for manager, reports, limit in summary.too_wide_spans:
        lines.append(f"  warning: {manager.title} has {reports} direct reports (over {limit})")
    return "\n".join(lines)


def format_capacity(summary: ScenarioSummary) -> list[str]:
    """Capacity against target per department, the hires that close the gaps, CAC."""
    lines = [f"  {'Department':<24}{'Target':>14}{'Capacity':>14}{'Coverage':>10}  Status"]
    names = {department.key: department.name for department in summary.departments}
    for key, capacity in summary.capacity.departments.items():
        if capacity.coverage is None:
            continue
        lines.append(
            f"  {names.get(key, key):<24}{capacity.target:>14,.2f}{capacity.capacity:>14,.2f}"
            f"{capacity.coverage * 100:>9.1f}%  {capacity.status}"
        )
    names = summary.role_names
    report = summary.capacity

    def heads(hires: dict[str, int]) -> str:
        return ", ".join(f"{count} x {names.get(role, role)}" for role, count in hires.items())

    lines.append(f"  Hires needed: {heads(report.hires_needed) or 'none'}")
    if report.backfills:
        lines.append(f"  Backfills (expected leavers): {heads(report.backfills)}")
    cac = summary.cost.cac
    lines.append(f"  CAC: {'-' if cac is None else f'{cac:,.2f} {summary.plan.currency}'}")
    return lines


def format_year(summary: ScenarioSummary) -> list[str]:
    """Quarters of target against capacity, the first month behind, attrition, quota coverage,
    pipeline, the ARR walk and the customer lifetime value."""
    year, currency = summary.year, summary.plan.currency
    phasing = year.phasing
    names = {department.key: department.name for department in summary.departments}
    names[TOTAL] = "Total"
    # The gap per quarter keeps the table within 80 columns; `--json` has target and capacity.
    lines = [
        f"  Seasonality: {phasing.seasonality.shape().replace('_', ' ')}",
        f"  {'Gap by quarter':<24}" + "".join(f"{f'Q{q + 1}':>12}" for q in range(4)),
    ]
    for key, phased in phasing.departments.items():
        cells = "".join(f"{t - c:>12,.0f}" for t, c in phased.quarters())
        lines.append(f"  {names.get(key, key):<24}{cells}")
    for key, phased in phasing.departments.items():
        month = phased.first_month_behind()
        if month is not None:
            behind = phasing.months[month].label()
            lines.append(
                f"  {names.get(key, key)}: capacity first falls behind the target in {behind}"
            )
    for key, department in summary.capacity.departments.items():
        if department.leavers:
            lines.append(
                f"  {names.get(key, key)}: {department.leavers:.2f} expected leavers, "
                f"{department.capacity_lost:,.2f} {currency} of capacity lost"
            )
    quota = year.quota
    if quota.ratio is not None:
        low, high = (f"{bound * 100:.0f}" for bound in USUAL_QUOTA_COVERAGE)
        lines.append(
            f"  Quota coverage: {quota.ratio * 100:.1f}% ({quota.assigned:,.2f} {currency} "
            f"assigned; usual range {low}-{high}%): {str(quota.check).replace('_', ' ')}"
        )
    if year.pipeline_needed is not None:
        lines.append(f"  Pipeline needed: {year.pipeline_needed:,.2f} {currency}")
    arr = year.arr
    lines += [
        f"  ARR: {arr.start:,.2f} - {arr.churned:,.2f} churned + {arr.expansion:,.2f} expansion",
        f"       + {arr.new:,.2f} new = {arr.end:,.2f} {currency} "
        f"(churn {arr.churn_rate * 100:.4g}%)",
    ]
    clv = "-" if year.clv is None else f"{year.clv:,.2f} {currency}"
    lines.append(f"  Customer lifetime value: {clv}")
    return lines


# --- the comparison as text: one label column, then A, B and the change from A to B --------

Formatter = Callable[[Any], str]
COLUMN = 16


def _money(value: Decimal | None) -> str:
    return "-" if value is None else f"{value:,.2f}"


def _signed_money(value: Decimal | None) -> str:
    return "-" if value is None else f"{value:+,.2f}"


def _count(value: int | Decimal) -> str:
    return f"{value:,}"


def _signed_count(value: int | Decimal) -> str:
    return f"{value:+,}"


def _rate(value: Decimal) -> str:
    return f"{plain_decimal(value * 100):.4g}%"


def _signed_rate(value: Decimal) -> str:
    return f"{plain_decimal(value * 100):+.4g} pts"


def _coverage(value: Decimal | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def _signed_coverage(value: Decimal | None) -> str:
    return "-" if value is None else f"{value * 100:+.1f} pts"


MONEY: tuple[Formatter, Formatter] = (_money, _signed_money)
COUNT: tuple[Formatter, Formatter] = (_count, _signed_count)
RATE: tuple[Formatter, Formatter] = (_rate, _signed_rate)
COVERAGE: tuple[Formatter, Formatter] = (_coverage, _signed_coverage)
PEOPLE: tuple[Formatter, Formatter] = (_money, _signed_money)  # expected people: 2.80

TARGET_ROWS = (
    ("Goal", "goal", MONEY),
    ("Marketing leads", "leads", COUNT),
    ("Close rate", "close_rate", RATE),
    ("Average deal", "average_deal", MONEY),
    ("New customers", "new_customers", COUNT),
    ("New business", "new_business", MONEY),
    ("Base revenue", "base_revenue", MONEY),
    ("Retention", "retention", RATE),
    ("Expansion", "expansion", MONEY),
    ("Retained", "retained", MONEY),
    ("Total revenue", "total", MONEY),
    ("Gap to goal", "gap", MONEY),
)
TOTAL_ROWS = (
    ("Positions", "positions", COUNT),
    ("Headcount", "headcount", COUNT),
    ("Cost", "cost", MONEY),
    ("CAC", "cac", MONEY),
)
YEAR_ROWS = (
    ("Quota assigned", "quota_assigned", MONEY),
    ("Quota coverage", "quota_coverage", COVERAGE),
    ("Pipeline needed", "pipeline_needed", MONEY),
    ("Churned", "churned", MONEY),
    ("ARR at year end", "arr_end", MONEY),
    ("Customer lifetime value", "clv", MONEY),
    ("Expected leavers", "expected_leavers", PEOPLE),
    ("Backfills", "backfills", COUNT),
)
DEPARTMENT_ROWS = (
    ("Headcount", "headcount", COUNT),
    ("Cost", "cost", MONEY),
    ("Revenue target", "target", MONEY),
    ("Capacity", "capacity", MONEY),
    ("Coverage", "coverage", COVERAGE),
    ("Gap", "gap", MONEY),
)


def format_comparison(comparison: ScenarioComparison) -> str:
    """A plain-text report for the terminal: scenario B against scenario A."""
    plan = comparison.a.plan
    name_a, name_b = comparison.a.scenario.name, comparison.b.scenario.name
    header = "".join(f"{_cut(text):>{COLUMN}}" for text in (name_a, name_b, "Change"))
    lines = [
        f"{plan.name}: scenario {name_b!r} against {name_a!r}, "
        f"fiscal year {plan.fiscal_year}, {plan.currency}",
        "",
        f"  {'Targets':<26}{header}",
        *_compared_rows(comparison.targets, TARGET_ROWS, indent=4),
        "",
        f"  {'Totals':<26}{header}",
        *_compared_rows(comparison.totals, TOTAL_ROWS, indent=4),
        "",
        f"  {'Year plan':<26}{header}",
        *_compared_rows(comparison.year, YEAR_ROWS, indent=4),
        "",
        f"  {'Departments':<26}{header}",
    ]
    for department in comparison.departments:
        lines.append(f"    {_department_title(department)}")
        lines += _compared_rows(department.figures, DEPARTMENT_ROWS, indent=6)
    return "\n".join([*lines, "", *_position_lines(comparison)])


def _cut(text: str) -> str:
    """A scenario name as a column header: long names are shortened to fit the column."""
    return text if len(text) < COLUMN else f"{text[: COLUMN - 2]}…"


def _compared_rows(
    compared: Compared[Any],
    rows: Sequence[tuple[str, str, tuple[Formatter, Formatter]]],
    indent: int,
) -> list[str]:
    delta = compared.delta
    result = []
    for label, name, (plain, signed) in rows:
        a, b, change = getattr(compared.a, name), getattr(compared.b, name), getattr(delta, name)
        result.append(
            f"{'':<{indent}}{label:<{28 - indent}}{plain(a):>{COLUMN}}{plain(b):>{COLUMN}}"
            f"{signed(change):>{COLUMN}}"
        )
    return result


def _department_title(department: DepartmentComparison) -> str:
    a, b = department.status_a, department.status_b
    if a == b == Status.NONE:
        return department.name
    return f"{department.name} ({a})" if a == b else f"{department.name} ({a} -> {b})"


def _position_lines(comparison: ScenarioComparison) -> list[str]:
    diff = comparison.positions
    lines = [
        f"  Positions: {len(diff.added)} added, {len(diff.removed)} removed, "
        f"{len(diff.moved)} moved, {len(diff.changed)} changed"
    ]
    lines += [
        f"    + {_card_label(card)}, under {card.manager_title or '-'}" for card in diff.added
    ]
    lines += [f"    - {_card_label(card)}" for card in diff.removed]
    lines += [
        f"    > {_card_label(m.b)}: {m.a.manager_title or '-'} -> {m.b.manager_title or '-'}"
        for m in diff.moved
    ]
    lines += [f"    ~ {_card_label(m.b)}: {_changes_text(m)}" for m in diff.changed]
    return lines


def _card_label(card: Card) -> str:
    group = f" x {card.headcount}" if card.headcount > 1 else ""
    return f"{card.title}{group} ({card.person_name or 'open'})"


def _changes_text(match: MatchedCard) -> str:
    return ", ".join(
        f"{change.field.replace('_', ' ')} {_value_text(change.a)} -> {_value_text(change.b)}"
        for change in match.changes
    )


def _value_text(value: FieldValue) -> str:
    if value is None or value == "":
        return "-"
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return str(value)
