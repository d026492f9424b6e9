"""A scenario as an Excel workbook for finance: every derived number is a live formula.

Sheets (revorg.io.xlsx_layout has the exact columns and names):
- Summary: goal, target against capacity per department and per driver line, cost, CAC, the
  CRO's cost against its uplift, and a bar chart of target against capacity per department;
- Targets: the plan's identity and the driver inputs as workbook-level defined names (Goal,
  Leads, CloseRate, AverageDeal, BaseRevenue, Retention, Expansion) and the results computed
  from them (NewCustomers, NewBusiness, Retained, TotalRevenue, Gap);
- Org: one row per position (an Excel table) with its capacity and cost computed by formulas
  from the Roles and Assumptions sheets, following revorg.model.capacity's rules;
- Hiring plan: heads, cost, starts and ramped capacity month by month (SUMIFS / SUMPRODUCT over
  the Org columns, so editing a start month or a cost in Org moves the plan);
- Assumptions, Roles: the scenario's assumptions and the role catalogue;
- Lists (hidden): the departments, capacity kinds and funnel stages for the drop-down lists.

The workbook is streamed with openpyxl's write-only mode (a 10,000-position plan in about the
time the bare cells take) and written atomically: a temporary file beside the target, flushed
and synced, then renamed over it; on any failure the old file is untouched.

Text a user typed (titles, names, notes) is always written as text: "=SUM(A1)" or "@cmd" stays
a string, with Excel's quote prefix so that editing the cell keeps it text.
"""

from __future__ import annotations

import contextlib
import datetime
import warnings
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell  # type: ignore[import-untyped]
from openpyxl.chart import BarChart, Reference  # type: ignore[import-untyped]
from openpyxl.formatting.formatting import (  # type: ignore[import-untyped]
    ConditionalFormattingList,
)
from openpyxl.formatting.rule import CellIsRule  # type: ignore[import-untyped]
from openpyxl.packaging.custom import IntProperty  # type: ignore[import-untyped]
from openpyxl.styles import Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.workbook.defined_name import DefinedName  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]
from openpyxl.worksheet.table import (  # type: ignore[import-untyped]
    Table,
    TableColumn,
    TableStyleInfo,
)
from sqlalchemy import select

from revorg.io.xlsx_layout import (
    ASSUMPTION_COLUMNS,
    ASSUMPTION_LETTERS,
    ASSUMPTION_TABLE,
    ASSUMPTIONS,
    DRIVER_NAMES,
    FORMAT_VERSION,
    HIRING,
    LISTS,
    MARKER_PROPERTY,
    OPEN_WORDS,
    ORG,
    ORG_COLUMNS,
    ORG_LETTERS,
    ORG_TABLE,
    PLAN_NAMES,
    RESULT_NAMES,
    ROLE_COLUMNS,
    ROLE_LETTERS,
    ROLE_TABLE,
    ROLES,
    SPARE_ROWS,
    SUMMARY,
    TARGETS,
    Column,
    label,
)
from revorg.model.atomic import replace_atomically
from revorg.model.capacity import (
    ANNUAL_METRIC_BY_KIND,
    DEFAULT_ATTAINMENT,
    DEFAULT_MEETING_TO_WIN,
    MONTHLY_METRIC_BY_KIND,
)
from revorg.model.catalogue import CAPACITY_KINDS, FUNNEL_STAGES
from revorg.model.cost import DEFAULT_CRO_UPLIFT
from revorg.model.document import PlanDocument
from revorg.model.entities import Assumption, Department, RoleType, Scenario
from revorg.model.errors import RevOrgError
from revorg.model.org_tree import TreeNode
from revorg.model.rows import PositionRow, position_rows

MONEY_KINDS = frozenset(ANNUAL_METRIC_BY_KIND)  # quota, expansion quota, book: in money
CAPACITY_UNITS_KINDS = MONEY_KINDS | frozenset(MONTHLY_METRIC_BY_KIND)  # kinds with a capacity
RATE_METRICS = frozenset({"attainment", "meeting_to_win_rate", "revenue_uplift"})
MONEY_METRICS = frozenset({"annual_quota", "annual_expansion_quota", "book_of_business"})
STATUSES = '{"none","green","amber","red"}'
SPARE_ROLE_ROWS = 100
MONTHS = 12
TEXT_LIMIT = 32767  # characters in one cell (Excel)

INPUT_FILL = "FFF2CC"
HEADER_FILL = "DDEBF7"
STATUS_FILLS = {"green": "C6EFCE", "amber": "FFEB9C", "red": "FFC7CE"}
TABLE_STYLE = "TableStyleMedium2"


Node = TypeVar("Node", bound=TreeNode)


class WorkbookExportError(RevOrgError):
    """The workbook could not be written (the old file, if any, is untouched)."""


def export_workbook(
    document: PlanDocument, scenario: Scenario, path: Path, language: str = "en"
) -> None:
    """Write `scenario` of `document` to `path` as an .xlsx workbook, atomically."""
    path = Path(path)
    data = _gather(document, scenario)
    _save_atomically(lambda: _WorkbookBuilder(data, language).build(), path)


# --- the plan's data -------------------------------------------------------------------------


@dataclass(frozen=True)
class _PlanData:
    plan_name: str
    scenario_name: str
    currency: str
    fiscal_year: int
    fiscal_start_month: int
    targets: dict[str, Decimal | int]
    departments: list[Department]
    roles: list[RoleType]
    positions: list[PositionRow]  # in chart order: each manager before its reports
    dotted: dict[int, list[int]]
    assumptions: list[Assumption]


def _gather(document: PlanDocument, scenario: Scenario) -> _PlanData:
    session = document.session
    plan = scenario.plan
    targets = scenario.targets
    positions = position_rows(session, scenario.id)  # read only: no ORM objects needed
    dotted: dict[int, list[int]] = defaultdict(list)
    for line in scenario.dotted_lines:
        dotted[line.from_position_id].append(line.to_position_id)
    return _PlanData(
        plan_name=plan.name,
        scenario_name=scenario.name,
        currency=plan.currency,
        fiscal_year=plan.fiscal_year,
        fiscal_start_month=plan.fiscal_start_month,
        targets={
            "Goal": targets.goal,
            "Leads": targets.leads,
            "CloseRate": targets.close_rate,
            "AverageDeal": targets.average_deal,
            "BaseRevenue": targets.base_revenue,
            "Retention": targets.retention,
            "Expansion": targets.expansion,
        },
        departments=list(session.scalars(select(Department).order_by(Department.sort_order))),
        roles=list(session.scalars(select(RoleType).order_by(RoleType.sort_order, RoleType.key))),
        positions=chart_order(positions),
        dotted=dict(dotted),
        assumptions=sorted(scenario.assumptions, key=lambda a: (a.role_key, a.metric)),
    )


def chart_order(positions: Sequence[Node]) -> list[Node]:
    """Depth first, each manager before its reports, siblings left to right; positions that no
    top of the chart reaches (a broken manager link) follow in id order."""
    by_id = {position.id: position for position in positions}
    children: dict[int | None, list[Node]] = defaultdict(list)
    for position in positions:
        parent = position.manager_id if position.manager_id in by_id else None
        children[parent].append(position)
    for siblings in children.values():
        siblings.sort(key=lambda p: (p.sort_order, p.id))
    ordered: list[Node] = []
    seen: set[int] = set()
    stack = list(reversed(children[None]))
    while stack:
        position = stack.pop()
        if position.id in seen:
            continue
        seen.add(position.id)
        ordered.append(position)
        stack.extend(reversed(children.get(position.id, [])))
    ordered += [p for p in positions if p.id not in seen]
    return ordered


# --- writing ---------------------------------------------------------------------------------


def _number(value: Decimal | int | None) -> int | float | None:
    """A cell number: whole values as int, others as float (Excel holds doubles)."""
    if value is None:
        return None
    if isinstance(value, int):
        return value
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def currency_format(code: str) -> str:
    safe = code if len(code) == 3 and code.isalpha() and code.isascii() else "EUR"
    return f'#,##0.00 "{safe.upper()}"'


def _clean_text(text: str) -> str:
    """Text as a cell can hold it: no control characters, at most Excel's 32,767 characters."""
    if ILLEGAL_CHARACTERS_RE.search(text):
        text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return text[:TEXT_LIMIT]


def _string(value: str) -> str:
    """A formula string literal: "a""b" for a"b."""
    return '"' + value.replace('"', '""') + '"'


class _Styles:
    """Cell style prototypes registered once; cells copy their style arrays (fast)."""

    def __init__(self, sheet: Any, currency: str) -> None:
        money = currency_format(currency)
        input_fill = PatternFill("solid", start_color=INPUT_FILL, end_color=INPUT_FILL)
        header_fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
        bold = Font(bold=True)
        self.sheet = sheet
        self.title = self._make(font=Font(bold=True, size=14))
        self.section = self._make(font=Font(bold=True, size=12))
        self.bold = self._make(font=bold)
        self.header = self._make(font=bold, fill=header_fill)
        self.month_header = self._make(font=bold, fill=header_fill, number_format="mmm yyyy")
        self.text_safe = self._make(quote=True)
        self.text_input = self._make(fill=input_fill)
        self.text_input_safe = self._make(fill=input_fill, quote=True)
        self.money = self._make(number_format=money)
        self.money_bold = self._make(number_format=money, font=bold)
        self.money_input = self._make(number_format=money, fill=input_fill)
        self.number = self._make(number_format="#,##0.00")
        self.integer = self._make(number_format="#,##0")
        self.integer_bold = self._make(number_format="#,##0", font=bold)
        self.integer_input = self._make(number_format="0", fill=input_fill)
        self.count_input = self._make(number_format="#,##0", fill=input_fill)
        self.percent = self._make(number_format="0.0%")
        self.percent_input = self._make(number_format="0.0%", fill=input_fill)
        self.month = self._make(number_format="yyyy-mm")
        self.date = self._make(number_format="yyyy-mm-dd")
        self.decimal = self._make(number_format="0.00")

    def _make(
        self,
        *,
        font: Any = None,
        fill: Any = None,
        number_format: str | None = None,
        quote: bool = False,
    ) -> Any:
        cell = Cell(self.sheet, 1, 1)
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if number_format is not None:
            cell.number_format = number_format
        if quote:
            cell.quotePrefix = True
        return cell._style


class _WorkbookBuilder:
    def __init__(self, data: _PlanData, language: str) -> None:
        self.data = data
        self.language = language if language in OPEN_WORDS else "en"
        self.workbook = Workbook(write_only=True)
        self.sheets = {name: self.workbook.create_sheet(name) for name in _SHEET_ORDER}
        self.styles = _Styles(self.sheets[SUMMARY], data.currency)
        n = len(data.positions)
        self.org_last = n + 1  # last data row of the Org table (row 1: headings)
        self.org_range_last = max(self.org_last, 2) + SPARE_ROWS
        self.assumption_range_last = max(len(data.assumptions) + 1, 2) + SPARE_ROWS
        self.role_range_last = max(len(data.roles) + 1, 2) + SPARE_ROLE_ROWS
        self.departments_last = len(data.departments) + 1

    def text(self, key: str) -> str:
        return label(key, self.language)

    # styled and safe cells

    def cell(self, sheet: str, value: Any, style: Any) -> Cell:
        return Cell(self.sheets[sheet], 1, 1, value=value, style_array=style)

    def user_text(self, sheet: str, value: str | None, input_style: bool = False) -> Any:
        """Text a user typed: never a formula, an error code or an illegal character."""
        if value is None or value == "":
            return self.cell(sheet, None, self.styles.text_input) if input_style else None
        text = _clean_text(value)
        risky = text[:1] in ("=", "+", "-", "@") or text in ERROR_CODES
        if not risky:
            return self.cell(sheet, text, self.styles.text_input) if input_style else text
        style = self.styles.text_input_safe if input_style else self.styles.text_safe
        cell = Cell(self.sheets[sheet], 1, 1, style_array=style)
        cell._value = text
        cell.data_type = "s"
        return cell

    def build(self) -> Any:
        self._summary()
        self._targets()
        self._org()
        self._hiring_plan()
        self._assumptions()
        self._roles()
        self._lists()
        self._names()
        self.workbook.custom_doc_props.append(
            IntProperty(name=MARKER_PROPERTY, value=FORMAT_VERSION)
        )
        self.workbook.properties.creator = "RevOrg"
        self.workbook.properties.title = _clean_text(self.data.plan_name)[:200]
        return self.workbook

    # --- defined names ------------------------------------------------------------------

    def _define(self, name: str, sheet: str, ref: str) -> None:
        quoted = f"'{sheet}'" if " " in sheet else sheet
        self.workbook.defined_names[name] = DefinedName(name, attr_text=f"{quoted}!{ref}")

    def _define_columns(
        self, sheet: str, columns: tuple[Column, ...], letters: dict[str, str], last: int
    ) -> None:
        for column in columns:
            if column.name:
                letter = letters[column.key]
                self._define(column.name, sheet, f"${letter}$2:${letter}${last}")

    def _names(self) -> None:
        self._define_columns(ORG, ORG_COLUMNS, ORG_LETTERS, self.org_range_last)
        self._define_columns(
            ASSUMPTIONS, ASSUMPTION_COLUMNS, ASSUMPTION_LETTERS, self.assumption_range_last
        )
        self._define_columns(ROLES, ROLE_COLUMNS, ROLE_LETTERS, self.role_range_last)
        for name, row in self.target_rows.items():
            self._define(name, TARGETS, f"$B${row}")
        for name, ref in self.summary_names.items():
            self._define(name, SUMMARY, ref)

    # --- Targets --------------------------------------------------------------------------

    def _targets(self) -> None:
        sheet = self.sheets[TARGETS]
        styles = self.styles
        data = self.data
        sheet.column_dimensions["A"].width = 40
        sheet.column_dimensions["B"].width = 22
        sheet.column_dimensions["C"].width = 44
        sheet.sheet_view.showGridLines = False
        self.target_rows: dict[str, int] = {}
        rows: list[list[Any]] = [
            [self.cell(TARGETS, self.text("targets_title"), styles.title)],
            [],
            [self.cell(TARGETS, self.text("section_plan"), styles.section)],
        ]
        plan_values: dict[str, Any] = {
            "PlanName": self.user_text(TARGETS, data.plan_name, input_style=True),
            "ScenarioName": self.user_text(TARGETS, data.scenario_name, input_style=True),
            "Currency": self.user_text(TARGETS, data.currency, input_style=True),
            "FiscalYear": self.cell(TARGETS, data.fiscal_year, styles.integer_input),
            "FiscalStartMonth": self.cell(TARGETS, data.fiscal_start_month, styles.integer_input),
            "FiscalStart": self.cell(TARGETS, "=DATE(FiscalYear,FiscalStartMonth,1)", styles.date),
        }
        for name, key in PLAN_NAMES:
            self.target_rows[name] = len(rows) + 1
            rows.append([self.text(key), plan_values[name]])
        rows += [[], [self.cell(TARGETS, self.text("section_drivers"), styles.section)]]
        driver_styles = {
            "Goal": styles.money_input,
            "Leads": styles.count_input,
            "CloseRate": styles.percent_input,
            "AverageDeal": styles.money_input,
            "BaseRevenue": styles.money_input,
            "Retention": styles.percent_input,
            "Expansion": styles.money_input,
        }
        for name, key in DRIVER_NAMES:
            self.target_rows[name] = len(rows) + 1
            value = _number(data.targets[name])
            rows.append([self.text(key), self.cell(TARGETS, value, driver_styles[name])])
        rows += [[], [self.cell(TARGETS, self.text("section_results"), styles.section)]]
        results = {
            "NewCustomers": ("=Leads*CloseRate", styles.decimal),
            "NewBusiness": ("=ROUND(NewCustomers*AverageDeal,2)", styles.money),
            "Retained": ("=ROUND(BaseRevenue*Retention+Expansion,2)", styles.money),
            "TotalRevenue": ("=NewBusiness+Retained", styles.money_bold),
            "Gap": ("=ROUND(Goal,2)-TotalRevenue", styles.money_bold),
        }
        for name, key in RESULT_NAMES:
            self.target_rows[name] = len(rows) + 1
            formula, style = results[name]
            rows.append(
                [self.text(key), self.cell(TARGETS, formula, style), self.text(f"hint_{key}")]
            )
        _append_all(sheet, rows)

    # --- Org ------------------------------------------------------------------------------

    def _org(self) -> None:
        sheet = self.sheets[ORG]
        styles = self.styles
        letter_of = ORG_LETTERS
        for column in ORG_COLUMNS:
            dimension = sheet.column_dimensions[letter_of[column.key]]
            dimension.width = column.width
            if column.hidden:
                dimension.hidden = True
        sheet.freeze_panes = "C2"
        headings = [self.text(column.key) for column in ORG_COLUMNS]
        _set_dimension(sheet, len(self.data.positions) + 1, len(ORG_COLUMNS))
        sheet.append([self.cell(ORG, heading, styles.header) for heading in headings])
        open_word = OPEN_WORDS[self.language]
        formulas = org_formulas(self.text("not_found"))
        formula_keys, joined = list(formulas), "\x00".join(formulas.values())
        dotted = self.data.dotted
        month, money, number = styles.month, styles.money, styles.number

        # A write-only sheet writes each row out as it is appended: one styled cell per column
        # serves every row (making three cells a row was a tenth of the export).
        start_cell, cost_cell, year_cell, override_cell = (
            Cell(sheet, 1, 1, style_array=style) for style in (month, money, money, number)
        )

        def styled(cell: Cell, value: Any) -> Cell:
            cell.value = value
            return cell

        # Role and department keys repeat on every row: check each distinct text once.
        user_texts: dict[str | None, Any] = {}

        def repeated_text(value: str | None) -> Any:
            if value not in user_texts:
                user_texts[value] = self.user_text(ORG, value)
            return user_texts[value]

        for r, position in enumerate(self.data.positions, start=2):
            f = dict(zip(formula_keys, joined.format(r=r).split("\x00"), strict=True))
            start = position.start_month
            override = position.capacity_override
            targets = dotted.get(position.id)
            sheet.append(
                [
                    position.id,
                    self.user_text(ORG, position.title),
                    repeated_text(position.role_key),
                    f["role"],
                    repeated_text(position.department_key),
                    position.manager_id,
                    f["manager"],
                    open_word if position.is_open else self.user_text(ORG, position.person_name),
                    position.headcount,
                    None
                    if start is None
                    else styled(start_cell, datetime.date(start.year, start.month, 1)),
                    styled(cost_cell, _number(position.annual_cost)),
                    styled(year_cell, f["cost_year"]),
                    f["capacity"],
                    f["kind"],
                    None if override is None else styled(override_cell, _number(override)),
                    self.user_text(ORG, position.notes),
                    ", ".join(str(t) for t in sorted(targets)) if targets else None,
                    f["open"],
                    f["offset"],
                    f["months_in_seat"],
                    f["ramp"],
                    f["full_year"],
                    f["ramped_months"],
                    f["monthly_cost"],
                    f["monthly_capacity"],
                    self.user_text(ORG, position.lineage),
                ]
            )
        self._table(sheet, ORG_TABLE, ORG_COLUMNS, headings, max(self.org_last, 2))
        last = self.org_range_last
        self._validate_list(
            sheet, f"Roles!$A$2:$A${self.role_range_last}", letter_of["role_key"], last
        )
        self._validate_list(
            sheet,
            f"Lists!$A$2:$A${self.departments_last}",
            letter_of["department"],
            last,
            strict=True,
        )
        self._validate_list(sheet, f"$A$2:$A${last}", letter_of["manager_id"], last)
        self._validate_number(sheet, "whole", "1", letter_of["headcount"], last)
        self._validate_number(sheet, "decimal", "0", letter_of["annual_cost"], last)
        self._validate_number(sheet, "decimal", "0", letter_of["capacity_override"], last)

    def _table(
        self,
        sheet: Any,
        name: str,
        columns: tuple[Column, ...],
        headings: list[str],
        last_row: int,
    ) -> None:
        last_letter = {ORG_TABLE: ORG_LETTERS, ASSUMPTION_TABLE: ASSUMPTION_LETTERS}.get(
            name, ROLE_LETTERS
        )[columns[-1].key]
        table = Table(displayName=name, ref=f"A1:{last_letter}{last_row}")
        table.tableColumns = [
            TableColumn(id=index, name=heading) for index, heading in enumerate(headings, 1)
        ]
        table.tableStyleInfo = TableStyleInfo(
            name=TABLE_STYLE, showRowStripes=True, showColumnStripes=False
        )
        with warnings.catch_warnings():
            # openpyxl warns that write-only tables need their columns set: they are, above.
            warnings.simplefilter("ignore", UserWarning)
            sheet.add_table(table)

    def _validate_list(
        self, sheet: Any, source: str, letter: str, last: int, strict: bool = False
    ) -> None:
        """A drop-down list; not strict: another value is allowed after a warning."""
        validation = DataValidation(
            type="list",
            formula1=source,
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="stop" if strict else "warning",
        )
        validation.add(f"{letter}2:{letter}{last}")
        sheet.data_validations.append(validation)

    def _validate_number(self, sheet: Any, kind: str, minimum: str, letter: str, last: int) -> None:
        validation = DataValidation(
            type=kind,
            operator="greaterThanOrEqual",
            formula1=minimum,
            allow_blank=True,
            showErrorMessage=True,
        )
        validation.error = f">= {minimum}"
        validation.add(f"{letter}2:{letter}{last}")
        sheet.data_validations.append(validation)

    def _list_sheet_header(
        self, name: str, columns: Any, letter_of: Any, freeze: str, rows: int
    ) -> list[str]:
        """Widths, frozen header and the heading row of a one-table sheet; its headings."""
        sheet = self.sheets[name]
        for column in columns:
            sheet.column_dimensions[letter_of[column.key]].width = column.width
        sheet.freeze_panes = freeze
        headings = [self.text(column.key) for column in columns]
        _set_dimension(sheet, rows + 1, len(columns))
        sheet.append([self.cell(name, heading, self.styles.header) for heading in headings])
        return headings

    # --- Assumptions ----------------------------------------------------------------------

    def _assumptions(self) -> None:
        sheet = self.sheets[ASSUMPTIONS]
        styles = self.styles
        letter_of = ASSUMPTION_LETTERS
        headings = self._list_sheet_header(
            ASSUMPTIONS, ASSUMPTION_COLUMNS, letter_of, "A2", len(self.data.assumptions)
        )
        whole_plan = _string(self.text("whole_plan"))
        for r, assumption in enumerate(self.data.assumptions, start=2):
            key = f"{letter_of['role_key']}{r}"
            if assumption.metric in RATE_METRICS:
                style = styles.percent_input
            elif assumption.metric in MONEY_METRICS:
                style = styles.money_input
            else:
                style = styles.count_input if assumption.value == int(assumption.value) else None
            value = _number(assumption.value)
            sheet.append(
                [
                    self.user_text(ASSUMPTIONS, assumption.role_key),
                    f'=IF({key}="*",{whole_plan},IFERROR(INDEX(RoleName,MATCH({key},RoleKey,0))'
                    f'&"",""))',
                    self.user_text(ASSUMPTIONS, assumption.metric),
                    value if style is None else self.cell(ASSUMPTIONS, value, style),
                    self.user_text(ASSUMPTIONS, assumption.source),
                ]
            )
        last = max(len(self.data.assumptions) + 1, 2)
        self._table(sheet, ASSUMPTION_TABLE, ASSUMPTION_COLUMNS, headings, last)

    # --- Roles ----------------------------------------------------------------------------

    def _roles(self) -> None:
        sheet = self.sheets[ROLES]
        styles = self.styles
        letter_of = ROLE_LETTERS
        headings = self._list_sheet_header(
            ROLES, ROLE_COLUMNS, letter_of, "B2", len(self.data.roles)
        )
        english, own = letter_of["name_en"], letter_of[f"name_{self.language}"]
        name_formula = (
            f'={english}{{r}}&""'
            if own == english
            else f'=IF(TRIM({own}{{r}})="",{english}{{r}},{own}{{r}})&""'
        )
        for r, role in enumerate(self.data.roles, start=2):
            c = {key: f"{letter}{r}" for key, letter in letter_of.items()}
            kind = c["kind"]
            metric = (
                f'=IF({kind}="quota","annual_quota",IF({kind}="expansion_quota",'
                f'"annual_expansion_quota",IF({kind}="book_of_business","book_of_business",'
                f'IF({kind}="meetings","meetings_per_month",IF({kind}="leads",'
                f'"leads_per_month","")))))'
            )
            attainment = (
                f'=IF(OR({kind}="quota",{kind}="expansion_quota"),IF(COUNTIFS(AssumptionRole,'
                f'{c["key"]},AssumptionMetric,"attainment")=0,{DEFAULT_ATTAINMENT},SUMIFS('
                f'AssumptionValue,AssumptionRole,{c["key"]},AssumptionMetric,"attainment")),1)'
            )
            sheet.append(
                [
                    self.user_text(ROLES, role.key),
                    name_formula.format(r=r),
                    self.user_text(ROLES, role.name_en),
                    self.user_text(ROLES, role.name_es),
                    self.user_text(ROLES, role.name_zh),
                    self.user_text(ROLES, role.department_key),
                    self.user_text(ROLES, role.funnel_stage),
                    self.user_text(ROLES, role.capacity_kind),
                    bool(role.is_leader),
                    bool(role.is_custom),
                    self.cell(ROLES, _number(role.default_annual_cost), styles.money),
                    metric,
                    f'=IF(OR({kind}="meetings",{kind}="leads"),12,IF({c["metric"]}="",0,1))',
                    self.cell(ROLES, attainment, styles.percent),
                    self.cell(
                        ROLES,
                        f'=IF({c["metric"]}="",0,SUMIFS(AssumptionValue,AssumptionRole,'
                        f"{c['key']},AssumptionMetric,{c['metric']})*{c['factor']}*"
                        f"{c['attainment']})",
                        styles.number,
                    ),
                    f"=TRUNC(MAX(0,SUMIFS(AssumptionValue,AssumptionRole,{c['key']},"
                    f'AssumptionMetric,"ramp_months")))',
                    self.user_text(ROLES, role.short_en),
                    self.user_text(ROLES, role.short_es),
                    self.user_text(ROLES, role.short_zh),
                    self.user_text(ROLES, role.description_en),
                    self.user_text(ROLES, role.description_es),
                    self.user_text(ROLES, role.description_zh),
                ]
            )
        self._table(sheet, ROLE_TABLE, ROLE_COLUMNS, headings, max(len(self.data.roles) + 1, 2))
        last = self.role_range_last
        self._validate_list(
            sheet,
            f"Lists!$A$2:$A${self.departments_last}",
            letter_of["department"],
            last,
            strict=True,
        )
        self._validate_list(
            sheet, f"Lists!$C$2:$C${len(CAPACITY_KINDS) + 1}", letter_of["kind"], last, strict=True
        )
        self._validate_list(
            sheet, f"Lists!$D$2:$D${len(FUNNEL_STAGES) + 1}", letter_of["funnel_stage"], last
        )

    # --- Lists ----------------------------------------------------------------------------

    def _lists(self) -> None:
        sheet = self.sheets[LISTS]
        sheet.sheet_state = "hidden"
        departments = self.data.departments
        rows: list[list[Any]] = [
            [
                self.text("department_key"),
                self.text("department"),
                self.text("capacity_kinds"),
                self.text("funnel_stage"),
            ]
        ]
        for index in range(max(len(departments), len(CAPACITY_KINDS), len(FUNNEL_STAGES))):
            department = departments[index] if index < len(departments) else None
            rows.append(
                [
                    None if department is None else department.key,
                    None if department is None else department.name(self.language),
                    CAPACITY_KINDS[index] if index < len(CAPACITY_KINDS) else None,
                    FUNNEL_STAGES[index] if index < len(FUNNEL_STAGES) else None,
                ]
            )
        _append_all(sheet, rows)

    # --- Summary --------------------------------------------------------------------------

    def _summary(self) -> None:
        sheet = self.sheets[SUMMARY]
        styles = self.styles
        departments = self.data.departments
        for letter, width in zip(
            "ABCDEFGHIJKL", (46, 4, 17, 17, 11, 17, 9, 18, 11, 9, 19, 17), strict=True
        ):
            sheet.column_dimensions[letter].width = width
        sheet.column_dimensions["B"].hidden = True
        sheet.sheet_view.showGridLines = False
        self.summary_names: dict[str, str] = {}

        overview = [
            ("goal", "=Goal", styles.money),
            ("total_revenue", "=TotalRevenue", styles.money),
            ("gap", "=Gap", styles.money_bold),
            ("new_customers", "=NewCustomers", styles.decimal),
        ]
        department_head = 3 + len(overview) + 2  # heading row of the department table
        first_department = department_head + 1
        total_row = first_department + len(departments)
        lines_head = total_row + 3
        line_keys = ("leads", "new_business", "meetings", "base_revenue", "expansion")
        line_row = {key: lines_head + 1 + i for i, key in enumerate(line_keys)}
        cost_head = line_row["expansion"] + 2
        cost_keys = (
            "total_cost",
            "cost_share",
            "cac",
            "cro_cost",
            "cro_uplift_rate",
            "cro_uplift_revenue",
            "cro_net_benefit",
            "meeting_to_win",
            "ae_share",
            "aes_per_sdr",
        )
        cost_row = {key: cost_head + 1 + i for i, key in enumerate(cost_keys)}
        self.summary_names["MeetingToWinRate"] = f"$C${cost_row['meeting_to_win']}"
        self.summary_names["AeShare"] = f"$C${cost_row['ae_share']}"

        rows: dict[int, list[Any]] = {
            1: [self.cell(SUMMARY, '=PlanName&" – "&ScenarioName', styles.title)],
        }
        for i, (key, formula, style) in enumerate(overview):
            rows[3 + i] = [self.text(key), None, self.cell(SUMMARY, formula, style)]

        # departments
        rows[department_head - 1] = [
            self.cell(SUMMARY, self.text("section_departments"), styles.section)
        ]
        rows[department_head] = [
            self.cell(SUMMARY, self.text(key), styles.header)
            for key in (
                "department",
                "key",
                "target",
                "capacity_short",
                "coverage",
                "department_gap",
                "status",
                "positions",
                "headcount",
                "open_positions",
                "cost_short",
                "run_rate_cost",
            )
        ]
        lr = line_row
        department_formulas: dict[str, tuple[str, str, str]] = {
            "marketing": (
                "=ROUND(Leads*CloseRate*AverageDeal,2)",
                f"=ROUND(D{lr['leads']}*CloseRate*AverageDeal,2)",
                f"=G{lr['leads']}",
            ),
            "sales": (
                f"=C{lr['new_business']}",
                f"=D{lr['new_business']}",
                _worst_status(f"G{lr['new_business']}", f"G{lr['meetings']}"),
            ),
            "customer_success": (
                f"=ROUND(BaseRevenue*Retention+C{lr['expansion']},2)",
                f"=ROUND(MIN(D{lr['base_revenue']},BaseRevenue)*Retention+D{lr['expansion']},2)",
                _worst_status(f"G{lr['base_revenue']}", f"G{lr['expansion']}"),
            ),
        }
        for i, department in enumerate(departments):
            r = first_department + i
            target, capacity, status = department_formulas.get(department.key, ("=0", "=0", "none"))
            rows[r] = [
                department.name(self.language),
                department.key,
                self.cell(SUMMARY, target, styles.money),
                self.cell(SUMMARY, capacity, styles.money),
                self.cell(SUMMARY, f'=IF(C{r}>0,D{r}/C{r},"")', styles.percent),
                self.cell(SUMMARY, f"=C{r}-D{r}", styles.money),
                status,
                f"=COUNTIFS(OrgDepartment,$B{r})",
                self.cell(SUMMARY, f"=SUMIFS(OrgHeadcount,OrgDepartment,$B{r})", styles.integer),
                self.cell(
                    SUMMARY, f"=SUMIFS(OrgHeadcount,OrgDepartment,$B{r},OrgOpen,1)", styles.integer
                ),
                self.cell(SUMMARY, f"=SUMIFS(OrgCostYear,OrgDepartment,$B{r})", styles.money),
                self.cell(
                    SUMMARY,
                    f"=SUMPRODUCT((OrgDepartment=$B{r})*OrgHeadcount,OrgAnnualCost)",
                    styles.money,
                ),
            ]
        first, last = first_department, total_row - 1
        t = total_row
        rows[t] = [
            self.cell(SUMMARY, self.text("total"), styles.bold),
            None,
            # No total of targets: marketing's and sales' targets are the same new business.
            None,
            None,
            None,
            None,
            None,
            self.cell(SUMMARY, f"=SUM(H{first}:H{last})", styles.integer_bold),
            self.cell(SUMMARY, f"=SUM(I{first}:I{last})", styles.integer_bold),
            self.cell(SUMMARY, f"=SUM(J{first}:J{last})", styles.integer_bold),
            self.cell(SUMMARY, f"=SUM(K{first}:K{last})", styles.money_bold),
            self.cell(SUMMARY, f"=SUM(L{first}:L{last})", styles.money_bold),
        ]

        # driver lines
        rows[lines_head - 1] = [self.cell(SUMMARY, self.text("section_lines"), styles.section)]
        rows[lines_head] = [
            self.cell(SUMMARY, self.text(key), styles.header)
            for key in (
                "line",
                "key",
                "target",
                "capacity_short",
                "coverage",
                "shortfall",
                "status",
                "department",
                "unit",
            )
        ]
        names = {d.key: d.name(self.language) for d in departments}
        meetings_exist = (
            'AND(MeetingToWinRate>0,OR(AeShare<>0,SUMIFS(OrgCapacity,OrgKind,"meetings")<>0))'
        )
        money_unit = self.data.currency
        lines: dict[str, tuple[str, str, str, str, Any]] = {
            "leads": (
                "=Leads",
                '=SUMIFS(OrgCapacity,OrgKind,"leads")',
                "marketing",
                "leads",
                styles.number,
            ),
            "new_business": (
                "=NewBusiness",
                '=SUMIFS(OrgCapacity,OrgKind,"quota")',
                "sales",
                money_unit,
                styles.money,
            ),
            "meetings": (
                f'=IF({meetings_exist},ROUNDUP(ROUND(NewCustomers*AeShare/MeetingToWinRate,9),0),"")',
                f'=IF({meetings_exist},SUMIFS(OrgCapacity,OrgKind,"meetings"),"")',
                "sales",
                "meetings",
                styles.number,
            ),
            "base_revenue": (
                "=BaseRevenue",
                '=SUMIFS(OrgCapacity,OrgKind,"book_of_business")',
                "customer_success",
                money_unit,
                styles.money,
            ),
            "expansion": (
                "=Expansion",
                '=SUMIFS(OrgCapacity,OrgKind,"expansion_quota")',
                "customer_success",
                money_unit,
                styles.money,
            ),
        }
        for key, r in line_row.items():
            target, capacity, department_key, unit, style = lines[key]
            rows[r] = [
                self.text(f"line_{key}"),
                key,
                self.cell(SUMMARY, target, style),
                self.cell(SUMMARY, capacity, style),
                self.cell(SUMMARY, f'=IF(N(C{r})>0,D{r}/C{r},"")', styles.percent),
                self.cell(SUMMARY, f'=IF(N(C{r})>0,MAX(0,C{r}-D{r}),"")', style),
                f'=IF(N(C{r})<=0,"none",IF(D{r}/C{r}>=1,"green",IF(D{r}/C{r}>=0.9,"amber","red")))',
                names.get(department_key, department_key),
                unit,
            ]

        # cost
        rows[cost_head] = [self.cell(SUMMARY, self.text("section_cost"), styles.section)]
        cr = cost_row
        cost_formulas: dict[str, tuple[str, Any]] = {
            "total_cost": (f"=K{total_row}", styles.money_bold),
            "cost_share": (f'=IF(Goal>0,C{cr["total_cost"]}/Goal,"")', styles.percent),
            "cac": (
                '=IF(NewCustomers>0,ROUND((SUMIFS(OrgCostYear,OrgDepartment,"sales")+'
                'SUMIFS(OrgCostYear,OrgDepartment,"marketing"))/NewCustomers,2),"")',
                styles.money,
            ),
            "cro_cost": ('=SUMIFS(OrgCostYear,OrgRole,"cro")', styles.money),
            "cro_uplift_rate": (
                '=IF(COUNTIFS(AssumptionRole,"cro",AssumptionMetric,"revenue_uplift")=0,'
                f"{DEFAULT_CRO_UPLIFT},SUMIFS(AssumptionValue,AssumptionRole,"
                '"cro",AssumptionMetric,"revenue_uplift"))',
                styles.percent,
            ),
            "cro_uplift_revenue": (f"=ROUND(Goal*C{cr['cro_uplift_rate']},2)", styles.money),
            "cro_net_benefit": (
                f"=C{cr['cro_uplift_revenue']}-C{cr['cro_cost']}",
                styles.money_bold,
            ),
            "meeting_to_win": (
                '=IF(SUMPRODUCT((AssumptionRole="*")*(AssumptionMetric="meeting_to_win_rate"))=0,'
                f'{DEFAULT_MEETING_TO_WIN},SUMPRODUCT((AssumptionRole="*")*'
                '(AssumptionMetric="meeting_to_win_rate"),AssumptionValue))',
                styles.percent,
            ),
            "ae_share": (
                '=IF(SUMIFS(OrgCapacity,OrgRole,"ae")+SUMIFS(OrgCapacity,OrgRole,"inside_sales")'
                '>0,SUMIFS(OrgCapacity,OrgRole,"ae")/(SUMIFS(OrgCapacity,OrgRole,"ae")+'
                'SUMIFS(OrgCapacity,OrgRole,"inside_sales")),IF(SUMIFS(OrgHeadcount,OrgRole,'
                '"inside_sales")>0,0,1))',
                styles.percent,
            ),
            "aes_per_sdr": (
                '=IF(SUMIFS(OrgHeadcount,OrgKind,"meetings")=0,"",SUMIFS(OrgHeadcount,OrgRole,'
                '"ae")/SUMIFS(OrgHeadcount,OrgKind,"meetings"))',
                styles.decimal,
            ),
        }
        for key, r in cost_row.items():
            formula, style = cost_formulas[key]
            rows[r] = [self.text(key), None, self.cell(SUMMARY, formula, style)]

        _append_all(sheet, [rows.get(r, []) for r in range(1, max(rows) + 1)])

        # status colours and the chart
        sheet.conditional_formatting = ConditionalFormattingList()
        for status, color in STATUS_FILLS.items():
            fill = PatternFill("solid", start_color=color, end_color=color, bgColor=color)
            for ref in (f"G{first}:G{last}", f"G{line_row['leads']}:G{line_row['expansion']}"):
                sheet.conditional_formatting.add(
                    ref, CellIsRule(operator="equal", formula=[_string(status)], fill=fill)
                )
        chart = BarChart()
        chart.type = "col"
        chart.title = self.text("chart_title")
        chart.y_axis.numFmt = currency_format(self.data.currency).replace(".00", "")
        chart.y_axis.majorGridlines = None
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        chart.height = 9
        chart.width = 18
        data = Reference(sheet, min_col=3, max_col=4, min_row=department_head, max_row=last)
        categories = Reference(sheet, min_col=1, min_row=first, max_row=last)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(categories)
        sheet.add_chart(chart, "N3")

    # --- Hiring plan ----------------------------------------------------------------------

    def _hiring_plan(self) -> None:
        sheet = self.sheets[HIRING]
        styles = self.styles
        sheet.column_dimensions["A"].width = 24
        sheet.column_dimensions["B"].hidden = True
        sheet.column_dimensions["C"].width = 28
        sheet.column_dimensions["D"].hidden = True
        sheet.column_dimensions["E"].width = 10
        month_letters = [_letter(6 + i) for i in range(MONTHS)]
        year_letter = _letter(6 + MONTHS)
        for letter in [*month_letters, year_letter]:
            sheet.column_dimensions[letter].width = 12
        sheet.freeze_panes = "F4"
        departments = self.data.departments
        names = {d.key: d.name(self.language) for d in departments}
        role_by_key = {role.key: role for role in self.data.roles}
        department_order = {d.key: i for i, d in enumerate(departments)}
        role_order = {role.key: i for i, role in enumerate(self.data.roles)}
        pairs = sorted(
            {(p.department_key, p.role_key) for p in self.data.positions},
            key=lambda pair: (
                department_order.get(pair[0], 99),
                role_order.get(pair[1], 999),
                pair,
            ),
        )
        rows: list[list[Any]] = [
            [self.cell(HIRING, self.text("hiring_title"), styles.title)],
            [],
            [
                self.cell(HIRING, self.text(key), styles.header) if key else None
                for key in ("department", "", "role", "", "unit")
            ]
            + [
                self.cell(
                    HIRING,
                    f"=DATE(YEAR(FiscalStart),MONTH(FiscalStart)+{i},1)",
                    styles.month_header,
                )
                for i in range(MONTHS)
            ]
            + [self.cell(HIRING, self.text("year"), styles.header)],
        ]

        def block(
            title: str,
            keys: Sequence[tuple[str, str | None]],
            formula: Callable[[int, str, str | None], str],
            style: Any,
            *,
            year: Callable[[str, str | None, int], str] | None,
            total_row: bool,
        ) -> None:
            rows.append([])
            rows.append([self.cell(HIRING, self.text(title), styles.section)])
            first = len(rows) + 1
            for department_key, role_key in keys:
                r = len(rows) + 1
                role = role_by_key.get(role_key) if role_key else None
                unit = None
                if role is not None:
                    kind = role.capacity_kind
                    unit = self.data.currency if kind in MONEY_KINDS else kind
                cells: list[Any] = [
                    names.get(department_key, department_key),
                    self.user_text(HIRING, department_key),
                    None if role is None else self.user_text(HIRING, role.name(self.language)),
                    None if role_key is None else self.user_text(HIRING, role_key),
                    unit,
                ]
                role_cell = f"$D{r}" if role_key else None
                cells += [
                    self.cell(HIRING, formula(i, f"$B{r}", role_cell), style) for i in range(MONTHS)
                ]
                if year is not None:
                    cells.append(self.cell(HIRING, year(f"$B{r}", role_cell, r), style))
                rows.append(cells)
            last = len(rows)
            if total_row and keys:
                total = [self.cell(HIRING, self.text("total"), styles.bold), None, None, None, None]
                total += [
                    self.cell(HIRING, f"=SUM({letter}{first}:{letter}{last})", style)
                    for letter in month_letters + ([year_letter] if year is not None else [])
                ]
                rows.append(total)

        def where(d: str, r: str | None) -> str:
            return f"OrgDepartment,{d}" + ("" if r is None else f",OrgRole,{r}")

        def heads(i: int, d: str, r: str | None) -> str:
            return f'=SUMIFS(OrgHeadcount,{where(d, r)},OrgOffset,"<={i}")'

        def cost(i: int, d: str, r: str | None) -> str:
            # Exact monthly costs summed, rounded once per cell (as the app's hiring plan).
            return f'=ROUND(SUMIFS(OrgMonthlyCost,{where(d, r)},OrgOffset,"<={i}"),2)'

        def cost_year(d: str, r: str | None, _row: int) -> str:
            # The year is the positions' own yearly cost: it equals the Cost figures.
            return f"=SUMIFS(OrgCostYear,{where(d, r)})"

        def starts(i: int, d: str, r: str | None) -> str:
            return f"=SUMIFS(OrgHeadcount,{where(d, r)},OrgOpen,1,OrgOffset,{i})"

        def capacity(i: int, d: str, r: str | None) -> str:
            # Heads x full monthly capacity x min((month - offset) / ramp, 1), in seat only.
            m = i + 1
            share = f"(({m}-OrgOffset)/(OrgRamp+(OrgRamp=0)))"
            return (
                f"=ROUND(SUMPRODUCT((OrgDepartment={d})*(OrgRole={r})*(OrgOffset<{m})*"
                f"OrgMonthlyCapacity*OrgHeadcount*({share}-({share}>1)*({share}-1))),2)"
            )

        def capacity_year(d: str, r: str | None, _row: int) -> str:
            return f"=SUMIFS(OrgCapacity,{where(d, r)})"

        by_department: list[tuple[str, str | None]] = [(d.key, None) for d in departments]
        block("block_heads", by_department, heads, styles.integer, year=None, total_row=True)
        block("block_cost", by_department, cost, styles.money, year=cost_year, total_row=True)
        block(
            "block_starts",
            by_department,
            starts,
            styles.integer,
            year=lambda _d, _r, row: f"=SUM({month_letters[0]}{row}:{month_letters[-1]}{row})",
            total_row=True,
        )
        block("block_role_heads", pairs, heads, styles.integer, year=None, total_row=False)
        block("block_role_cost", pairs, cost, styles.money, year=cost_year, total_row=False)
        with_capacity = [
            (d, r)
            for d, r in pairs
            if r in role_by_key and role_by_key[r].capacity_kind in CAPACITY_UNITS_KINDS
        ]
        block(
            "block_role_capacity",
            with_capacity,
            capacity,
            styles.number,
            year=capacity_year,
            total_row=False,
        )
        _append_all(sheet, rows)


def org_formulas(not_found: str) -> dict[str, str]:
    """The Org sheet's formulas by column key, with "{r}" for the row (capacity.py's rules)."""
    c = {key: f"{letter}{{r}}" for key, letter in ORG_LETTERS.items()}
    person, role, override = c["person"], c["role_key"], c["capacity_override"]
    offset, seat, ramp = c["offset"], c["months_in_seat"], c["ramp"]
    manager = c["manager_id"]
    open_test = ",".join(f"TRIM({person})={_string(word)}" for word in OPEN_WORDS.values())
    return {
        "role": f'=IFERROR(INDEX(RoleName,MATCH({role},RoleKey,0))&"","")',
        "manager": f'=IF({manager}="","",IFERROR(INDEX(OrgTitle,MATCH({manager},OrgID,0))'
        f'&" ("&INDEX(OrgPerson,MATCH({manager},OrgID,0))&")",{_string(not_found)}))',
        "cost_year": f"=ROUND({c['annual_cost']}*{c['headcount']}*{seat}/12,2)",
        # An override is one head's output for the year, counted if the head is in seat at all.
        "capacity": f'=IF({c["kind"]}="none",0,IF({override}<>"",IF({offset}>=12,0,ROUND('
        f"{override}*{c['headcount']},2)),ROUND({c['full_year']}*{c['ramped_months']}*"
        f"{c['headcount']}/12,2)))",
        "kind": f'=IFERROR(INDEX(RoleKind,MATCH({role},RoleKey,0))&"","none")',
        "open": f"=IF(OR({open_test}),1,0)",
        # Filled positions are in seat all year; open ones from their start month.
        "offset": f'=IF(OR({c["open"]}=0,{c["start_month"]}=""),0,MAX(0,(YEAR('
        f"{c['start_month']})-YEAR(FiscalStart))*12+MONTH({c['start_month']})"
        f"-MONTH(FiscalStart)))",
        "months_in_seat": f"=MAX(0,12-{offset})",
        # Ramp 1 is no ramp: filled positions are ramped already; overrides do not ramp.
        "ramp": f'=IF(OR({c["open"]}=0,{override}<>""),1,MAX(1,IFERROR(INDEX(RoleRamp,'
        f"MATCH({role},RoleKey,0)),0)))",
        "full_year": f"=IFERROR(INDEX(RoleFullYear,MATCH({role},RoleKey,0)),0)",
        # The sum of min(k / ramp, 1) over the months in seat, in closed form.
        "ramped_months": f"=IF({seat}<={ramp},{seat}*({seat}+1)/(2*{ramp}),"
        f"({ramp}+1)/2+{seat}-{ramp})",
        "monthly_cost": f"={c['annual_cost']}*{c['headcount']}/12",
        "monthly_capacity": f'=IF({c["kind"]}="none",0,IF({override}<>"",IF({offset}>=12,0,'
        f"{override}/(12-{offset})),{c['full_year']}/12))",
    }


_SHEET_ORDER = (SUMMARY, TARGETS, ORG, HIRING, ASSUMPTIONS, ROLES, LISTS)


def _set_dimension(sheet: Any, last_row: int, last_column: int) -> None:
    """Give a streamed sheet its <dimension> (openpyxl knows it only for in-memory sheets):
    without it, readers such as openpyxl's read-only mode scan the whole sheet to size it."""
    reference = f"A1:{_letter(max(last_column, 1))}{max(last_row, 1)}"
    sheet.calculate_dimension = lambda: reference


def _append_all(sheet: Any, rows: list[list[Any]]) -> None:
    _set_dimension(sheet, len(rows), max((len(row) for row in rows), default=1))
    for row in rows:
        sheet.append(row)


def _letter(index: int) -> str:
    return str(get_column_letter(index))


def _worst_status(*cells: str) -> str:
    ranks = ",".join(f"MATCH({cell},{STATUSES},0)" for cell in cells)
    return f"=INDEX({STATUSES},MAX({ranks}))"


# --- saving atomically -----------------------------------------------------------------------


def _save_atomically(build: Callable[[], Any], path: Path) -> None:
    """Build the workbook and write it beside `path`, then rename it over `path`: at every
    instant `path` holds the old workbook or the new one."""
    if not path.absolute().parent.is_dir():
        raise WorkbookExportError(f"could not write {path}: no such folder")
    workbook = None

    def write(temporary: Path) -> None:
        nonlocal workbook
        workbook = build()
        workbook.save(temporary)

    try:
        replace_atomically(path, write)
    except OSError as error:
        _close_sheets(workbook)
        raise WorkbookExportError(f"could not write {path}: {_reason(error)}") from None
    except BaseException:
        _close_sheets(workbook)
        raise


def _close_sheets(workbook: Any) -> None:
    """Finish the streamed sheets of a workbook that was not saved (their temporary files)."""
    for sheet in getattr(workbook, "worksheets", []):
        with contextlib.suppress(Exception):
            if not sheet.closed:
                sheet.close()


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
