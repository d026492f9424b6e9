"""The capacity rule's formula twins: the workbook's formulas that compute what
revorg.model.capacity computes, so that finance can change an input and see the plan move.

Each twin names the model function it mirrors; when the rule changes, its twin here changes
with it (tests/io/test_xlsx_roundtrip.py recalculates exported workbooks with LibreOffice and
compares every figure with the app's). Role keys and kinds are not written here: they come
from the same constants and catalogue data (revorg.model.catalogue.capacity_roles) the model
reads.

Defined names used: the Org columns (OrgRole, OrgKind, OrgHeadcount, OrgCapacity, OrgOffset,
OrgRamp, OrgMonthlyCapacity, OrgDepartment, OrgAttrition, OrgBackfill, OrgReplacementRamp),
the Assumptions columns (AssumptionRole, AssumptionMetric, AssumptionValue), the Roles columns
(RoleKey, RoleKind, RoleFullYear, RoleRamp, RoleAttrition, RoleBackfill, RoleQuota), the
Targets names and, on the Summary sheet, MeetingToWinRate and AeShare.

Leavers (rule.expected_productivity) are counted in closed form per position (months_lost) and
month by month as an array (month_share); docs/workbook-year-plan.md derives both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from revorg.io.xlsx_layout import ORG_LETTERS, ROLE_LETTERS
from revorg.model.capacity import (
    AMBER_FROM,
    ANNUAL_METRIC_BY_KIND,
    DEFAULT_ATTAINMENT,
    DEFAULT_MEETING_TO_WIN,
    KINDS_WITH_ATTAINMENT,
    MONTHLY_METRIC_BY_KIND,
    PLAN_WIDE,
)
from revorg.model.catalogue import capacity_roles
from revorg.model.vocabulary import CapacityKind, DriverLineKey, Metric, Status

# Statuses from best to worst after "none" (DepartmentCapacity.status), as CHOOSE's choices.
STATUSES = ",".join(f'"{status}"' for status in Status)


def _text(value: str) -> str:
    """A formula string literal: "a""b" for a"b."""
    return '"' + value.replace('"', '""') + '"'


def _any_of(cell: str, kinds: Iterable[CapacityKind]) -> str:
    """OR(cell="a",cell="b"), kinds in the order CapacityKind defines them."""
    wanted = set(kinds)
    return "OR(" + ",".join(f'{cell}="{kind}"' for kind in CapacityKind if kind in wanted) + ")"


def _sum_over_roles(column: str, roles: Iterable[str]) -> str:
    """SUMIFS of an Org column over some roles; in brackets when it is a sum of several."""
    terms = [f"SUMIFS({column},OrgRole,{_text(role)})" for role in roles]
    if not terms:
        return "0"
    return terms[0] if len(terms) == 1 else "(" + "+".join(terms) + ")"


def _assumption(role: str, metric: str) -> str:
    return f"SUMIFS(AssumptionValue,AssumptionRole,{role},AssumptionMetric,{metric})"


# --- one role (Roles sheet) -------------------------------------------------------------------


def role_formulas() -> dict[str, str]:
    """The Roles sheet's capacity formulas by column key, with "{r}" for the row.

    metric, factor, attainment, full_year: model.capacity.full_year_capacity (the kind's
    metric, times 12 for monthly kinds, times Assumptions.attainment for quotas);
    ramp: Assumptions.ramp_months."""
    c = {key: f"{letter}{{r}}" for key, letter in ROLE_LETTERS.items()}
    kind, key, metric = c["kind"], c["key"], c["metric"]
    metric_of_kind = '""'
    for each, name in reversed([*ANNUAL_METRIC_BY_KIND.items(), *MONTHLY_METRIC_BY_KIND.items()]):
        metric_of_kind = f'IF({kind}="{each}","{name}",{metric_of_kind})'
    attainment, ramp = f'"{Metric.ATTAINMENT}"', f'"{Metric.RAMP_MONTHS}"'
    attrition, backfill = f'"{Metric.ANNUAL_ATTRITION}"', f'"{Metric.BACKFILL_MONTHS}"'
    return {
        "metric": f"={metric_of_kind}",
        "factor": f'=IF({_any_of(kind, MONTHLY_METRIC_BY_KIND)},12,IF({metric}="",0,1))',
        "attainment": f"=IF({_any_of(kind, KINDS_WITH_ATTAINMENT)},IF(COUNTIFS(AssumptionRole,"
        f"{key},AssumptionMetric,{attainment})=0,{DEFAULT_ATTAINMENT},"
        f"{_assumption(key, attainment)}),1)",
        "full_year": f'=IF({metric}="",0,{_assumption(key, metric)}*{c["factor"]}*'
        f"{c['attainment']})",
        "ramp": f"=TRUNC(MAX(0,{_assumption(key, ramp)}))",
        # Assumptions.annual_attrition (none below 0, as the rule reads it), backfill_months.
        "annual_attrition": f"=MAX(0,{_assumption(key, attrition)})",
        "backfill_months": f"=TRUNC(MAX(0,{_assumption(key, backfill)}))",
        # The quota one head is assigned before attainment (rule.assigned_quota).
        "quota": f"=IF({_any_of(kind, KINDS_WITH_ATTAINMENT)},{_assumption(key, metric)},0)",
    }


# --- one position (Org sheet) -----------------------------------------------------------------


def ramped(months: str, ramp: str) -> str:
    """The sum of min(k / ramp, 1) for k = 1..months (months >= 0, ramp >= 1):
    monthly_productivity's year in closed form."""
    return f"IF({months}<={ramp},{months}*({months}+1)/(2*{ramp}),({ramp}+1)/2+{months}-{ramp})"


def ramped_sum(last: str, ramp: str) -> str:
    """The sum of ramped(n, ramp) for n = 0..last (0 when last <= 0), in closed form: the
    output of replacements who start at each month, summed."""
    n, r = last, ramp
    return (
        f"IF({n}<=0,0,IF({n}<={r},{n}*({n}+1)*({n}+2)/(6*{r}),({r}+1)*({r}+2)/6+({n}-{r})*"
        f"({r}+1)/2+({n}-{r})*({n}-{r}+1)/2))"
    )


def _role_value(role: str, column: str) -> str:
    return f"IFERROR(INDEX({column},MATCH({role},RoleKey,0)),0)"


def position_formulas() -> dict[str, str]:
    """The Org sheet's capacity formulas by column key, with "{r}" for the row.

    kind: capacity.kind_of; offset: start_offset (filled positions are in seat all year, open
    ones from their start month); ramp: Assumptions.ramp_months, 1 for no ramp
    (is_in_seat_all_year, overrides do not ramp); full_year: full_year_capacity;
    ramped_months: ramped_months, in closed form; capacity: position_capacity;
    monthly_capacity: exact_monthly_capacity's full month (the Hiring plan ramps it)."""
    c = {key: f"{letter}{{r}}" for key, letter in ORG_LETTERS.items()}
    role, override = c["role_key"], c["capacity_override"]
    offset, seat, ramp = c["offset"], c["months_in_seat"], c["ramp"]
    attrition, backfill = c["capacity_attrition"], c["backfill_months"]
    again = c["replacement_ramp"]
    no_capacity = f'{c["kind"]}="{CapacityKind.NONE}"'
    return {
        # An override is one head's output for the year, counted if the head is in seat at all.
        "capacity": f'=IF({no_capacity},0,IF({override}<>"",IF({offset}>=12,0,ROUND('
        f"{override}*{c['headcount']},2)),ROUND({c['full_year']}*{c['ramped_months']}*"
        f"{c['headcount']}/12,2)))",
        "kind": f'=IFERROR(INDEX(RoleKind,MATCH({role},RoleKey,0))&"","{CapacityKind.NONE}")',
        "offset": f'=IF(OR({c["open"]}=0,{c["start_month"]}=""),0,MAX(0,(YEAR('
        f"{c['start_month']})-YEAR(FiscalStart))*12+MONTH({c['start_month']})"
        f"-MONTH(FiscalStart)))",
        "months_in_seat": f"=MAX(0,12-{offset})",
        "ramp": f'=IF(OR({c["open"]}=0,{override}<>""),1,MAX(1,IFERROR(INDEX(RoleRamp,'
        f"MATCH({role},RoleKey,0)),0)))",
        "full_year": f"=IFERROR(INDEX(RoleFullYear,MATCH({role},RoleKey,0)),0)",
        # The sum of min(k / ramp, 1) over the months in seat, less what leavers cost.
        "ramped_months": f"={ramped(seat, ramp)}-{c['months_lost']}",
        "monthly_capacity": f'=IF({no_capacity},0,IF({override}<>"",IF({offset}>=12,0,'
        f"{override}/(12-{offset})),{c['full_year']}/12))",
        # expected_productivity: a twelfth of the rate of the heads in seat leave at the start
        # of each month m in seat; the seat loses its output from m on, the replacement starts
        # at m + backfill and ramps again. Summed over m in closed form: with n months in seat,
        # n x ramped(n) - sum of ramped(k), k < n (the seat's output before m), - sum of
        # ramped(n - k - backfill) (the replacements' output).
        "capacity_attrition": f'=IF(OR({no_capacity},{override}<>""),0,'
        f"{_role_value(role, 'RoleAttrition')})",
        "backfill_months": f"={_role_value(role, 'RoleBackfill')}",
        "replacement_ramp": f"=MAX(1,{_role_value(role, 'RoleRamp')})",
        "months_lost": f"={attrition}*({seat}*{ramped(seat, ramp)}-"
        f"{ramped_sum(f'({seat}-1)', ramp)}-{ramped_sum(f'({seat}-{backfill})', again)})/12",
        # leaver_twelfths / 12: every position counts, overrides and roles without capacity too.
        "leavers": f"={_role_value(role, 'RoleAttrition')}*{seat}*{c['headcount']}/12",
        # What the position would deliver if nobody left, less what it delivers.
        "capacity_lost": f'=IF(OR({no_capacity},{override}<>""),0,ROUND({c["full_year"]}*'
        f"{ramped(seat, ramp)}*{c['headcount']}/12,2)-{c['capacity']})",
        # assigned_quota: quota carriers' ramped quota before attainment; an override as is.
        "assigned_quota": f'=IF({_any_of(c["kind"], KINDS_WITH_ATTAINMENT)},IF({override}<>"",'
        f"{c['capacity']},ROUND({_role_value(role, 'RoleQuota')}*{c['ramped_months']}*"
        f"{c['headcount']}/12,2)),0)",
    }


# --- the hiring plan, month by month ----------------------------------------------------------


def month_share(month: int) -> str:
    """Each Org row's expected share of a full month in month `month` (0 to 11), as an array:
    expected_productivity. In seat: s = min((month - offset) / ramp, 1); leavers of months
    offset..month (month - offset + 1 twelfths of the rate) take s, their replacements give back
    ramped(month - offset - backfill + 1, replacement ramp). No IF, MIN or MAX: they do not work
    element by element in SUMPRODUCT; comparisons do."""
    m = month + 1
    share = f"(({m}-OrgOffset)/(OrgRamp+(OrgRamp=0)))"
    seat = f"({share}-({share}>1)*({share}-1))"
    ramp = "(OrgReplacementRamp+(OrgReplacementRamp=0))"
    t = f"({m}-OrgOffset-OrgBackfill)"  # months the replacement of the first leaver had
    clipped = f"({t}*({t}>0)-({t}>{ramp})*({t}-{ramp}))"
    again = f"({clipped}*({clipped}+1)/(2*{ramp})+({t}>{ramp})*({t}-{ramp}))"
    return f"(OrgOffset<{m})*({seat}*(1-OrgAttrition*({m}-OrgOffset)/12)+OrgAttrition*{again}/12)"


def month_capacity(month: int, department: str, role: str | None) -> str:
    """Capacity of a department's role in month `month` (0 to 11): timeline.hiring_timeline's
    sum of exact_monthly_capacity, rounded once. Heads x full monthly capacity x the month's
    expected share (month_share)."""
    return (
        f"=ROUND(SUMPRODUCT((OrgDepartment={department})*(OrgRole={role})*"
        f"OrgMonthlyCapacity*OrgHeadcount*{month_share(month)}),2)"
    )


def kind_month_capacity(month: int, kind: str) -> str:
    """The unrounded capacity of a kind in month `month` (0 to 11): CapacityTotals.
    monthly_by_kind, whose shape phases a department's capacity (phasing.phase_year)."""
    return f'=SUMPRODUCT((OrgKind="{kind}")*OrgMonthlyCapacity*OrgHeadcount*{month_share(month)})'


def year_capacity(where: str) -> str:
    """The positions' own yearly capacity (capacity_totals): it equals the Capacity figures."""
    return f"=SUMIFS(OrgCapacity,{where})"


# --- the plan's lines and departments (Summary sheet) -----------------------------------------


def meeting_to_win_rate() -> str:
    """Assumptions.meeting_to_win_rate: the plan-wide rate, or the default."""
    test = f'(AssumptionRole="{PLAN_WIDE}")*(AssumptionMetric="{Metric.MEETING_TO_WIN_RATE}")'
    return f"=IF(SUMPRODUCT({test})=0,{DEFAULT_MEETING_TO_WIN},SUMPRODUCT({test},AssumptionValue))"


def booked_meeting_share() -> str:
    """coverage.share_closed_from_booked_meetings (defined name AeShare)."""
    roles = capacity_roles()
    booked = _sum_over_roles("OrgCapacity", roles.booked_closers)
    own = _sum_over_roles("OrgCapacity", roles.own_pipeline_closers)
    own_heads = _sum_over_roles("OrgHeadcount", roles.own_pipeline_closers)
    return f"=IF({booked}+{own}>0,{booked}/({booked}+{own}),IF({own_heads}>0,0,1))"


def closers_per_setter() -> str:
    """coverage.aes_per_sdr: heads of quota carriers fed by setters per setter."""
    setters = f'SUMIFS(OrgHeadcount,OrgKind,"{CapacityKind.MEETINGS}")'
    closers = _sum_over_roles("OrgHeadcount", capacity_roles().booked_closers)
    return f'=IF({setters}=0,"",{closers}/{setters})'


def _kind_capacity(kind: CapacityKind) -> str:
    return f'SUMIFS(OrgCapacity,OrgKind,"{kind}")'


def driver_line_formulas() -> dict[DriverLineKey, tuple[str, str]]:
    """(target, capacity) of each driver line: coverage.driver_lines; the meetings line only
    when coverage._meetings_line has one ("" otherwise)."""
    meetings_exist = (
        f"AND(MeetingToWinRate>0,OR(AeShare<>0,{_kind_capacity(CapacityKind.MEETINGS)}<>0))"
    )
    return {
        DriverLineKey.LEADS: ("=Leads", f"={_kind_capacity(CapacityKind.LEADS)}"),
        DriverLineKey.NEW_BUSINESS: ("=NewBusiness", f"={_kind_capacity(CapacityKind.QUOTA)}"),
        DriverLineKey.MEETINGS: (
            f'=IF({meetings_exist},ROUNDUP(ROUND(NewCustomers*AeShare/MeetingToWinRate,9),0),"")',
            f'=IF({meetings_exist},{_kind_capacity(CapacityKind.MEETINGS)},"")',
        ),
        DriverLineKey.BASE_REVENUE: (
            "=BaseRevenue",
            f"={_kind_capacity(CapacityKind.BOOK_OF_BUSINESS)}",
        ),
        DriverLineKey.EXPANSION: ("=Expansion", f"={_kind_capacity(CapacityKind.EXPANSION_QUOTA)}"),
    }


def line_status(row: int) -> str:
    """coverage.status_of, on a line's target (column C) and capacity (column D)."""
    covered = f"D{row}/C{row}"
    return (
        f'=IF(N(C{row})<=0,"{Status.NONE}",IF({covered}>=1,"{Status.GREEN}",'
        f'IF({covered}>={AMBER_FROM},"{Status.AMBER}","{Status.RED}")))'
    )


def _status_rank(cell: str) -> str:
    """1 for "none" to 4 for "red" (0, an error in CHOOSE, for anything else)."""
    return (
        "(" + "+".join(f'({cell}="{status}")*{rank}' for rank, status in enumerate(Status, 1)) + ")"
    )


def worst_status(*cells: str) -> str:
    """DepartmentCapacity.status: the worst of the lines' statuses. No inline array: Gnumeric
    answers INDEX({...},n) with #REF!; comparisons and CHOOSE work in every engine."""
    ranks = ",".join(_status_rank(cell) for cell in cells)
    return f"=CHOOSE(MAX({ranks}),{STATUSES})"


def department_formulas(line_row: Mapping[DriverLineKey, int]) -> dict[str, tuple[str, str, str]]:
    """(target, capacity, status) of the departments with lines: coverage.department_capacities
    (marketing's leads at the close rate and average deal, sales' quota, customer success'
    retained book plus expansion). Other departments have none."""
    leads = line_row[DriverLineKey.LEADS]
    sales, meetings = line_row[DriverLineKey.NEW_BUSINESS], line_row[DriverLineKey.MEETINGS]
    base, expansion = line_row[DriverLineKey.BASE_REVENUE], line_row[DriverLineKey.EXPANSION]
    return {
        "marketing": (
            "=ROUND(Leads*CloseRate*AverageDeal,2)",
            f"=ROUND(D{leads}*CloseRate*AverageDeal,2)",
            f"=G{leads}",
        ),
        "sales": (f"=C{sales}", f"=D{sales}", worst_status(f"G{sales}", f"G{meetings}")),
        "customer_success": (
            f"=ROUND(BaseRevenue*Retention+C{expansion},2)",
            f"=ROUND(MIN(D{base},BaseRevenue)*Retention+D{expansion},2)",
            worst_status(f"G{base}", f"G{expansion}"),
        ),
    }
