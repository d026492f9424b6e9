"""The capacity rule's formula twins: the workbook's formulas that compute what
revorg.model.capacity computes, so that finance can change an input and see the plan move.

Each twin names the model function it mirrors; when the rule changes, its twin here changes
with it (tests/io/test_xlsx_roundtrip.py recalculates exported workbooks with LibreOffice and
compares every figure with the app's). Role keys and kinds are not written here: they come
from the same constants and catalogue data (revorg.model.catalogue.capacity_roles) the model
reads.

Defined names used: the Org columns (OrgRole, OrgKind, OrgHeadcount, OrgCapacity, OrgOffset,
OrgRamp, OrgMonthlyCapacity, OrgDepartment), the Assumptions columns (AssumptionRole,
AssumptionMetric, AssumptionValue), the Roles columns (RoleKey, RoleKind, RoleFullYear,
RoleRamp), the Targets names and, on the Summary sheet, MeetingToWinRate and AeShare.
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
    return {
        "metric": f"={metric_of_kind}",
        "factor": f'=IF({_any_of(kind, MONTHLY_METRIC_BY_KIND)},12,IF({metric}="",0,1))',
        "attainment": f"=IF({_any_of(kind, KINDS_WITH_ATTAINMENT)},IF(COUNTIFS(AssumptionRole,"
        f"{key},AssumptionMetric,{attainment})=0,{DEFAULT_ATTAINMENT},"
        f"{_assumption(key, attainment)}),1)",
        "full_year": f'=IF({metric}="",0,{_assumption(key, metric)}*{c["factor"]}*'
        f"{c['attainment']})",
        "ramp": f"=TRUNC(MAX(0,{_assumption(key, ramp)}))",
    }


# --- one position (Org sheet) -----------------------------------------------------------------


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
        # The sum of min(k / ramp, 1) over the months in seat.
        "ramped_months": f"=IF({seat}<={ramp},{seat}*({seat}+1)/(2*{ramp}),"
        f"({ramp}+1)/2+{seat}-{ramp})",
        "monthly_capacity": f'=IF({no_capacity},0,IF({override}<>"",IF({offset}>=12,0,'
        f"{override}/(12-{offset})),{c['full_year']}/12))",
    }


# --- the hiring plan, month by month ----------------------------------------------------------


def month_capacity(month: int, department: str, role: str | None) -> str:
    """Capacity of a department's role in month `month` (0 to 11): timeline.hiring_timeline's
    sum of exact_monthly_capacity, rounded once. Heads x full monthly capacity x
    min((month - offset) / ramp, 1), in seat only."""
    m = month + 1
    share = f"(({m}-OrgOffset)/(OrgRamp+(OrgRamp=0)))"
    return (
        f"=ROUND(SUMPRODUCT((OrgDepartment={department})*(OrgRole={role})*(OrgOffset<{m})*"
        f"OrgMonthlyCapacity*OrgHeadcount*({share}-({share}>1)*({share}-1))),2)"
    )


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
