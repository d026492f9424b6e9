"""Read RevOrg's own workbook back into a plan, also after it was edited in Excel or LibreOffice.

What is read: the plan and driver cells through their defined names (Targets sheet), every row
of the Org sheet (rows may be added, with a new ID or none; managers, start months, costs and
headcounts may be edited), the Assumptions sheet and the Roles sheet. The computed columns and
the Summary and Hiring plan sheets are ignored: the app recomputes them.

Columns are found by their headings in any of RevOrg's languages, so they may be moved.

Decisions:
- A role that is neither on the Roles sheet nor in the catalogue (matched by key, name or
  alias) becomes a custom role without capacity, with a warning, so that the rest of the plan
  still imports; its row must name a department.
- A blank ID gives the row a new ID after the highest one; a blank headcount is 1; a blank cost
  is the role's default cost (a note says so); a blank person, "Open", "Vacante" or "空缺" is a
  vacancy.
- Start months may be dates, Excel date serials or text: 2027-03, 2027-03-01, 03/2027,
  01/03/2027 (day and month told apart when one of them is above 12 or is the 1st), Mar 2027.
- Everything wrong is reported with its sheet, row and column heading; with any error the
  result is None and nothing is built.
"""

from __future__ import annotations

import datetime
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
from defusedxml import ElementTree as DefusedElementTree
from openpyxl import load_workbook  # type: ignore[import-untyped]
from openpyxl.utils.cell import coordinate_to_tuple  # type: ignore[import-untyped]
from sqlalchemy import insert, select

from revorg.io.messages import BadValueError, Count, Listed, Localized, Phrase, reason
from revorg.io.report import ImportReport, Severity
from revorg.io.xlsx_layout import (
    ASSUMPTION_COLUMNS,
    ASSUMPTIONS,
    DRIVER_NAMES,
    FORMAT_VERSION,
    INPUT_NAMES,
    LANGUAGE_INDEX,
    MARKER_PROPERTY,
    OPEN_WORDS,
    ORG,
    ORG_COLUMNS,
    REQUIRED_NAMES,
    ROLE_COLUMNS,
    ROLES,
    TARGETS,
    Column,
    fold,
    heading_keys,
    label,
)
from revorg.io.xlsx_values import parse_month, parse_number, parse_rate_value, parse_whole
from revorg.model.capacity import ANNUAL_METRIC_BY_KIND, MONTHLY_METRIC_BY_KIND, PLAN_WIDE
from revorg.model.catalogue import (
    CAPACITY_KINDS,
    FUNNEL_STAGES,
    default_assumptions,
    department_specs,
    role_specs,
)
from revorg.model.document import PlanDocument, next_fiscal_year
from revorg.model.edits import MAX_AMOUNT, MAX_COUNT
from revorg.model.entities import Assumption, DottedLine, Position, RoleType
from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.lineage import new_lineage
from revorg.model.money import to_money
from revorg.model.months import YearMonth

KNOWN_METRICS = frozenset(
    {spec.metric for spec in default_assumptions()}
    | set(ANNUAL_METRIC_BY_KIND.values())
    | set(MONTHLY_METRIC_BY_KIND.values())
    | {"attainment", "ramp_months"}
)
DRIVER_INPUTS = frozenset(name for name, _label in DRIVER_NAMES)
ORG_REQUIRED = ("id", "title", "manager_id", "person", "headcount", "start_month", "annual_cost")
OPEN_FOLDED = frozenset(fold(word) for word in OPEN_WORDS.values())
MAX_KEY_LENGTH = 60
_TRUE = frozenset({"true", "yes", "1", "verdadero", "sí", "si", "是", "x"})
_FALSE = frozenset({"false", "no", "0", "falso", "否", ""})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_LIST_SEPARATORS = re.compile(r"[,;\s]+")
NEGATIVE_COST = QT_TRANSLATE_NOOP("ImportFinding", "a cost must not be negative: {cost}")


class _FormulaWithoutValue:
    """A formula in a cell meant for a value, saved without its computed result (openpyxl)."""


FORMULA_WITHOUT_VALUE = _FormulaWithoutValue()


# --- public ----------------------------------------------------------------------------------


def is_revorg_workbook(path: Path) -> bool:
    """True for a workbook RevOrg exported: its marker property, or (when a program dropped
    custom properties) its sheets and defined names. Reads two small XML parts of the zip,
    never the sheets, so that asking costs nothing even for a large roster."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = set(archive.namelist())
            if CUSTOM_PROPERTIES in members:
                custom = _xml(archive, CUSTOM_PROPERTIES)
                names = {item.get("name") for item in custom.iter(f"{{{CUSTOM_NS}}}property")}
                if MARKER_PROPERTY in names:
                    return True
            workbook = _xml(archive, _workbook_part(archive, members))
            sheets = {item.get("name") for item in workbook.iter(f"{{{MAIN_NS}}}sheet")}
            defined = {item.get("name") for item in workbook.iter(f"{{{MAIN_NS}}}definedName")}
            return {TARGETS, ORG} <= sheets and defined >= REQUIRED_NAMES
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, DefusedXmlException, ParseError):
        return False


CUSTOM_PROPERTIES = "docProps/custom.xml"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
MAX_PART_BYTES = 16 * 1024 * 1024  # workbook.xml of a sane workbook is a few kilobytes


def _xml(archive: zipfile.ZipFile, name: str) -> Any:
    if archive.getinfo(name).file_size > MAX_PART_BYTES:
        raise ValueError(f"{name} is too large")
    with archive.open(name) as handle:
        return DefusedElementTree.fromstring(handle.read(MAX_PART_BYTES + 1))


def _workbook_part(archive: zipfile.ZipFile, members: set[str]) -> str:
    """The workbook part named by the package relationships (xl/workbook.xml as a rule)."""
    if "_rels/.rels" in members:
        for item in _xml(archive, "_rels/.rels").iter(f"{{{RELATIONSHIPS_NS}}}Relationship"):
            if item.get("Type") == OFFICE_DOCUMENT:
                return str(item.get("Target", "")).lstrip("/")
    return "xl/workbook.xml"


def read_plan_workbook(
    path: Path, report: ImportReport, fiscal_year: int | None = None
) -> PlanDocument | None:
    """A new, unsaved plan from RevOrg's own workbook, or None with the errors in `report`.

    `fiscal_year`, when given, replaces the workbook's fiscal year.
    """
    path = Path(path)
    try:
        book = _Book(path)
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign file
        report.error(
            QT_TRANSLATE_NOOP(
                "ImportFinding", "{file} cannot be read as an Excel workbook: {reason}"
            ),
            file=path.name,
            reason=_one_line(error),
        )
        return None
    try:
        content = _Reader(book, report).read()
    except Exception as error:  # openpyxl parses each sheet lazily: damage shows up here
        report.error(
            QT_TRANSLATE_NOOP(
                "ImportFinding", "{file} is damaged: a sheet cannot be read ({reason})"
            ),
            file=path.name,
            reason=_one_line(error),
        )
        return None
    finally:
        book.close()
    if content is None or report.has_errors:
        return None
    if fiscal_year is not None:
        content.fiscal_year = fiscal_year
    return _build(content)


# --- the workbook's cells ----------------------------------------------------------------------


class _Book:
    """The workbook read once with formulas (to tell typed text from formulas) and, only for
    sheets where a value cell holds a formula, once more for the computed values."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.workbook = load_workbook(path, read_only=True, data_only=False)
        self.epoch = self.workbook.epoch
        self._cells: dict[str, list[list[tuple[Any, str]]]] = {}
        self._values: dict[str, list[list[Any]]] = {}
        self._value_book: Any = None

    def sheet(self, name: str) -> list[list[tuple[Any, str]]]:
        """Rows of (value, data type) of a sheet, read once."""
        if name not in self._cells:
            worksheet = self.workbook[name]
            self._cells[name] = [
                [(cell.value, cell.data_type) for cell in row] for row in worksheet.iter_rows()
            ]
        return self._cells[name]

    def value(self, sheet: str, row: int, column: int) -> Any:
        """The value a user sees in a cell (1-based row and column): for a formula, its last
        computed result, or FORMULA_WITHOUT_VALUE when the file has none."""
        rows = self.sheet(sheet)
        if row > len(rows) or column > len(rows[row - 1]):
            return None
        value, data_type = rows[row - 1][column - 1]
        if data_type == "f":
            return self._computed(sheet, row, column)
        if data_type == "e":
            return _CellError(str(value))
        return value

    def _computed(self, sheet: str, row: int, column: int) -> Any:
        if sheet not in self._values:
            if self._value_book is None:
                self._value_book = load_workbook(self.path, read_only=True, data_only=True)
            worksheet = self._value_book[sheet]
            self._values[sheet] = [list(row) for row in worksheet.iter_rows(values_only=True)]
        rows = self._values[sheet]
        if row > len(rows) or column > len(rows[row - 1]):
            return FORMULA_WITHOUT_VALUE
        value = rows[row - 1][column - 1]
        return FORMULA_WITHOUT_VALUE if value is None else value

    def close(self) -> None:
        self.workbook.close()
        if self._value_book is not None:
            self._value_book.close()


@dataclass(frozen=True)
class _CellError:
    code: str  # "#N/A", "#REF!"...


# --- what the workbook holds -------------------------------------------------------------------


@dataclass
class _Role:
    key: str
    department_key: str
    funnel_stage: str = "all"
    capacity_kind: str = "none"
    is_leader: bool = False
    is_custom: bool = True
    names: dict[str, str] = field(default_factory=dict)
    shorts: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    default_annual_cost: Decimal = Decimal(0)


@dataclass
class _Position:
    row: int
    id: int | None
    title: str
    role_key: str
    department_key: str
    manager_id: int | None
    person_name: str | None
    headcount: int
    start_month: YearMonth | None
    annual_cost: Decimal
    capacity_override: Decimal | None
    notes: str
    dotted: list[int]
    lineage: str | None


@dataclass
class _Content:
    plan_name: str = "Imported plan"
    scenario_name: str = "Base"
    currency: str = "EUR"
    fiscal_year: int = field(default_factory=next_fiscal_year)
    fiscal_start_month: int = 1
    targets: dict[str, Decimal | int] = field(default_factory=dict)
    roles: list[_Role] = field(default_factory=list)
    assumptions: list[tuple[str, str, Decimal, str]] | None = None  # None: keep the defaults
    positions: list[_Position] = field(default_factory=list)


@dataclass(frozen=True)
class _Where:
    sheet: str
    row: int
    column: str


# --- reading -----------------------------------------------------------------------------------


class _Reader:
    def __init__(self, book: _Book, report: ImportReport) -> None:
        self.book = book
        self.report = report
        self.content = _Content()
        self.department_keys = _department_lookup()
        self.roles: dict[str, _Role] = {}
        self.id_rows: dict[int, list[int]] = {}  # every ID typed in Org -> its rows
        self.role_names: dict[str, str] = {}  # folded name, short name or alias -> role key

    def read(self) -> _Content | None:
        workbook = self.book.workbook
        version = _marker_version(workbook)
        if version is not None and version > FORMAT_VERSION:
            self.report.error(
                QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "this workbook was made by a newer version of RevOrg (workbook format "
                    "{version}; this version reads up to {supported}): please update RevOrg",
                ),
                version=version,
                supported=FORMAT_VERSION,
            )
            return None
        missing = [name for name in (TARGETS, ORG) if name not in workbook.sheetnames]
        if missing:
            self.report.error(
                QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "this is not a RevOrg workbook: the sheet {missing} is missing (a RevOrg "
                    "workbook has the sheets {targets}, {org}, {assumptions} and {roles})",
                ),
                missing=repr(missing[0]),
                targets=repr(TARGETS),
                org=repr(ORG),
                assumptions=repr(ASSUMPTIONS),
                roles=repr(ROLES),
            )
            return None
        self._targets()
        self._roles()
        self._assumptions()
        self._org()
        return self.content

    # errors with their place

    # The values of a template are keywords besides `where` and `sheet`.

    def error(
        self, template: str, where: _Where | None = None, sheet: str | None = None, **values: object
    ) -> None:
        self.add(Severity.ERROR, Phrase(template, values), where, sheet)

    def warning(
        self, template: str, where: _Where | None = None, sheet: str | None = None, **values: object
    ) -> None:
        self.add(Severity.WARNING, Phrase(template, values), where, sheet)

    def note(self, template: str, where: _Where, **values: object) -> None:
        self.add(Severity.NOTE, Phrase(template, values), where)

    def add(
        self, severity: Severity, said: Phrase, where: _Where | None, sheet: str | None = None
    ) -> None:
        if where is None:
            self.report.add(severity, said, sheet=sheet)
        else:
            self.report.add(severity, said, sheet=where.sheet, row=where.row, column=where.column)

    def parsed(self, value: Any, where: _Where, parse: Any, required: bool = False) -> Any:
        """parse(value), or None after reporting why it is not usable; blank is None."""
        if value is FORMULA_WITHOUT_VALUE:
            self.error(
                QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "a formula without a computed value: type the value, or open and save the "
                    "workbook in Excel or LibreOffice first",
                ),
                where,
            )
            return None
        if isinstance(value, _CellError):
            self.error(
                QT_TRANSLATE_NOOP("ImportFinding", "the cell holds the error {code}"),
                where,
                code=value.code,
            )
            return None
        if _is_blank(value):
            if required:
                self.error(QT_TRANSLATE_NOOP("ImportFinding", "this cell must not be blank"), where)
            return None
        try:
            return parse(value)
        except ValueError as problem:
            self.add(Severity.ERROR, reason(problem), where)
            return None

    # --- Targets --------------------------------------------------------------------------

    def _targets(self) -> None:
        content = self.content
        names = self.book.workbook.defined_names
        values: dict[str, tuple[Any, _Where]] = {}
        for name in INPUT_NAMES:
            place = self._named_cell(names, name)
            if place is None:
                continue
            sheet, row, column, heading = place
            values[name] = (
                self.book.value(sheet, row, column),
                _Where(sheet, row, f"{heading} ({name})"),
            )

        def text(name: str) -> str | None:
            if name not in values:
                return None
            value, where = values[name]
            return self.parsed(value, where, _text)  # type: ignore[no-any-return]

        def number(name: str, parse: Any, check: Any = None, message: str = "") -> Any:
            if name not in values:
                return None
            value, where = values[name]
            result = self.parsed(value, where, parse)
            if result is not None and check is not None and not check(result):
                self.error(message, where, value=result)
                return None
            return result

        content.plan_name = text("PlanName") or self.book.path.stem
        content.scenario_name = text("ScenarioName") or "Base"
        currency = (text("Currency") or "EUR").strip().upper()
        if len(currency) == 3 and currency.isalpha() and currency.isascii():
            content.currency = currency
        else:
            self.warning(
                QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "the currency {currency} is not a three-letter code: EUR is used",
                ),
                values["Currency"][1] if "Currency" in values else None,
                sheet=TARGETS,
                currency=repr(currency),
            )
        year = number(
            "FiscalYear",
            parse_whole,
            lambda y: 1900 <= y <= 9998,
            QT_TRANSLATE_NOOP("ImportFinding", "not a fiscal year: {value}"),
        )
        if year is not None:
            content.fiscal_year = year
        start = number(
            "FiscalStartMonth",
            parse_whole,
            lambda m: 1 <= m <= 12,
            QT_TRANSLATE_NOOP("ImportFinding", "not a month (1-12): {value}"),
        )
        if start is not None:
            content.fiscal_start_month = start
        money = ("Goal", "AverageDeal", "BaseRevenue", "Expansion")
        for name in money:
            amount = number(
                name,
                parse_number,
                lambda v: v >= 0,
                QT_TRANSLATE_NOOP("ImportFinding", "must not be negative: {value}"),
            )
            content.targets[name] = to_money(amount) if amount is not None else Decimal(0)
        leads = number(
            "Leads",
            parse_whole,
            lambda v: v >= 0,
            QT_TRANSLATE_NOOP("ImportFinding", "must be a whole number of 0 or more: {value}"),
        )
        content.targets["Leads"] = leads if leads is not None else 0
        for name in ("CloseRate", "Retention"):
            rate = number(
                name,
                parse_rate_value,
                lambda v: 0 <= v <= 1,
                QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "a rate must be between 0 % and 100 % (write 10% or 0.1): {value}",
                ),
            )
            content.targets[name] = rate if rate is not None else Decimal(0)

    def _named_cell(self, names: Any, name: str) -> tuple[str, int, int, str] | None:
        """(sheet, row, column, row heading) of a one-cell defined name, or None (reported)."""
        defined = names.get(name)
        if defined is None:
            if name in DRIVER_INPUTS:
                self.error(
                    QT_TRANSLATE_NOOP(
                        "ImportFinding",
                        "the defined name {name} is missing: it must name the cell that holds it",
                    ),
                    sheet=TARGETS,
                    name=name,
                )
            else:
                self.warning(
                    QT_TRANSLATE_NOOP(
                        "ImportFinding", "the defined name {name} is missing: a default is used"
                    ),
                    sheet=TARGETS,
                    name=name,
                )
            return None
        try:
            destinations = list(defined.destinations)
        except Exception:  # a broken reference such as #REF!
            destinations = []
        if len(destinations) != 1 or destinations[0][0] not in self.book.workbook.sheetnames:
            self.error(
                QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "the defined name {name} does not refer to one cell ({reference})",
                ),
                sheet=TARGETS,
                name=name,
                reference=defined.attr_text,
            )
            return None
        sheet, reference = destinations[0]
        cell = reference.replace("$", "")
        if ":" in cell:
            first, last = cell.split(":", 1)
            if first != last:
                self.error(
                    QT_TRANSLATE_NOOP(
                        "ImportFinding", "the defined name {name} refers to a range, not one cell"
                    ),
                    sheet=sheet,
                    name=name,
                )
                return None
            cell = first
        row, column = coordinate_to_tuple(cell)
        heading = self.book.value(sheet, row, 1)
        return sheet, row, column, heading if isinstance(heading, str) else cell

    # --- Roles ----------------------------------------------------------------------------

    def _roles(self) -> None:
        for spec in role_specs():
            self.roles[spec.key] = _Role(
                key=spec.key,
                department_key=spec.department,
                funnel_stage=spec.funnel_stage,
                capacity_kind=spec.capacity_kind,
                is_leader=spec.is_leader,
                is_custom=False,
                names=dict(spec.names),
                shorts=dict(spec.shorts),
                descriptions=dict(spec.descriptions),
                default_annual_cost=spec.default_annual_cost,
            )
            for language, aliases in spec.aliases.items():
                del language
                for alias in aliases:
                    self.role_names.setdefault(fold(alias), spec.key)
        if ROLES not in self.book.workbook.sheetnames:
            self.report.note(
                QT_TRANSLATE_NOOP(
                    "ImportFinding", "no Roles sheet: the built-in role catalogue is used"
                ),
                sheet=ROLES,
            )
        else:
            self._role_rows()
        for role in self.roles.values():
            for text in (*role.names.values(), *role.shorts.values(), role.key):
                if text:
                    self.role_names[fold(text)] = role.key
        self.content.roles = list(self.roles.values())

    def _role_rows(self) -> None:
        table = _Table(self, ROLES, ROLE_COLUMNS)
        if not table.ok(("key", "name_en", "department", "kind")):
            return
        seen: dict[str, int] = {}
        ordered: list[_Role] = []
        for row in table.rows():
            key = row.text("key")
            if not key:
                self.error(
                    QT_TRANSLATE_NOOP("ImportFinding", "a role needs a key"), row.where("key")
                )
                continue
            if key in seen:
                self.error(
                    QT_TRANSLATE_NOOP(
                        "ImportFinding", "the role key {key} is also on row {first_row}"
                    ),
                    row.where("key"),
                    key=repr(key),
                    first_row=seen[key],
                )
                continue
            seen[key] = row.number
            if key == PLAN_WIDE or len(key) > MAX_KEY_LENGTH:
                self.error(
                    QT_TRANSLATE_NOOP("ImportFinding", "not a role key: {key}"),
                    row.where("key"),
                    key=repr(key),
                )
                continue
            department = self._department(row.text("department"), row.where("department"))
            kind = row.text("kind") or "none"
            if kind not in CAPACITY_KINDS:
                self.error(
                    QT_TRANSLATE_NOOP(
                        "ImportFinding", "unknown capacity kind {kind} (one of: {kinds})"
                    ),
                    row.where("kind"),
                    kind=repr(kind),
                    kinds=Listed(tuple(CAPACITY_KINDS)),
                )
                continue
            stage = row.text("funnel_stage") or "all"
            if stage not in FUNNEL_STAGES:
                self.warning(
                    QT_TRANSLATE_NOOP(
                        "ImportFinding", "unknown funnel stage {stage}: 'all' is used"
                    ),
                    row.where("kind"),
                    stage=repr(stage),
                )
                stage = "all"
            cost = row.parsed("default_cost", parse_number)
            if cost is not None and cost < 0:
                self.error(NEGATIVE_COST, row.where("default_cost"), cost=cost)
            builtin = self.roles.get(key)
            role = _Role(
                key=key,
                department_key=department or "",
                funnel_stage=stage,
                capacity_kind=kind,
                is_leader=bool(row.parsed("is_leader", _boolean)),
                is_custom=builtin is None
                or builtin.is_custom
                or bool(row.parsed("is_custom", _boolean)),
                names={lang: row.text(f"name_{lang}") or "" for lang in OPEN_WORDS},
                shorts={lang: row.text(f"short_{lang}") or "" for lang in OPEN_WORDS},
                descriptions={lang: row.text(f"description_{lang}") or "" for lang in OPEN_WORDS},
                default_annual_cost=to_money(cost)
                if cost is not None and cost >= 0
                else Decimal(0),
            )
            if not role.names["en"]:
                role.names["en"] = key
            ordered.append(role)
        # The sheet's order first (it is the catalogue order), then roles it left out.
        others = {key: role for key, role in self.roles.items() if key not in seen}
        self.roles = {role.key: role for role in ordered} | others

    def _department(self, text: str | None, where: _Where) -> str | None:
        if not text:
            self.error(QT_TRANSLATE_NOOP("ImportFinding", "a department is needed"), where)
            return None
        key = self.department_keys.get(fold(text))
        if key is None:
            choices = Listed(tuple(spec.key for spec in department_specs()))
            self.error(
                QT_TRANSLATE_NOOP(
                    "ImportFinding", "unknown department {department} (one of: {keys})"
                ),
                where,
                department=repr(text),
                keys=choices,
            )
        return key

    # --- Assumptions ----------------------------------------------------------------------

    def _assumptions(self) -> None:
        if ASSUMPTIONS not in self.book.workbook.sheetnames:
            self.report.warning(
                QT_TRANSLATE_NOOP(
                    "ImportFinding", "no Assumptions sheet: the default assumptions are used"
                ),
                sheet=ASSUMPTIONS,
            )
            return
        table = _Table(self, ASSUMPTIONS, ASSUMPTION_COLUMNS)
        if not table.ok(("role_key", "metric", "value")):
            return
        found: list[tuple[str, str, Decimal, str]] = []
        seen: dict[tuple[str, str], int] = {}
        for row in table.rows():
            role_key = row.text("role_key")
            metric = row.text("metric")
            if not role_key or not metric:
                column = "role_key" if not role_key else "metric"
                self.error(
                    QT_TRANSLATE_NOOP(
                        "ImportFinding", "an assumption needs a role key and a metric"
                    ),
                    row.where(column),
                )
                continue
            if (role_key, metric) in seen:
                self.error(
                    QT_TRANSLATE_NOOP(
                        "ImportFinding", "{role_key} / {metric} is also on row {first_row}"
                    ),
                    row.where("metric"),
                    role_key=role_key,
                    metric=metric,
                    first_row=seen[role_key, metric],
                )
                continue
            seen[role_key, metric] = row.number
            value = row.parsed("value", parse_rate_value, required=True)
            if value is None:
                continue
            if value < 0:
                self.error(
                    QT_TRANSLATE_NOOP(
                        "ImportFinding", "an assumption must not be negative: {value}"
                    ),
                    row.where("value"),
                    value=value,
                )
                continue
            if role_key != PLAN_WIDE and role_key not in self.roles:
                self.warning(
                    QT_TRANSLATE_NOOP(
                        "ImportFinding", "no role has the key {key}: this assumption has no effect"
                    ),
                    row.where("role_key"),
                    key=repr(role_key),
                )
            if metric not in KNOWN_METRICS:
                self.warning(
                    QT_TRANSLATE_NOOP(
                        "ImportFinding",
                        "RevOrg does not use the metric {metric}: it is kept but has no effect",
                    ),
                    row.where("metric"),
                    metric=repr(metric),
                )
            found.append((role_key, metric, value, row.text("source") or ""))
        self.content.assumptions = found

    # --- Org ------------------------------------------------------------------------------

    def _org(self) -> None:
        table = _Table(self, ORG, ORG_COLUMNS)
        if not table.ok(ORG_REQUIRED) or not table.ok_any(("role_key", "role")):
            return
        positions: list[_Position] = []
        for row in table.rows():
            position = self._position(row)
            if position is not None:
                positions.append(position)
        self._assign_ids(positions)
        self._check_links(positions, table)
        self.content.positions = positions

    def _position(self, row: _Row) -> _Position | None:
        errors_before = len(self.report.errors)
        identifier = row.parsed("id", _positive_whole)
        if identifier is not None:
            self.id_rows.setdefault(identifier, []).append(row.number)
        manager_id = row.parsed("manager_id", _positive_whole)
        department_text = row.text("department")
        department = (
            self._department(department_text, row.where("department")) if department_text else None
        )
        role_key = self._role_of(row, department)
        if role_key is None:
            return None
        role = self.roles[role_key]
        if department is None and not department_text:
            department = role.department_key
        headcount = row.parsed("headcount", _positive_whole)
        start = row.parsed("start_month", lambda v: parse_month(v, self.book.epoch))
        cost = row.parsed("annual_cost", parse_number)
        if cost is not None and cost < 0:
            self.error(NEGATIVE_COST, row.where("annual_cost"), cost=cost)
        elif cost is not None and cost > MAX_AMOUNT:
            self.error(
                QT_TRANSLATE_NOOP("ImportFinding", "a cost must be at most {limit}: {cost}"),
                row.where("annual_cost"),
                limit=Count(MAX_AMOUNT),
                cost=cost,
            )
        if cost is None and _is_blank(row.raw("annual_cost")):
            cost = role.default_annual_cost
            self.note(
                QT_TRANSLATE_NOOP(
                    "ImportFinding", "no cost: the role's default annual cost ({cost}) is used"
                ),
                row.where("annual_cost"),
                cost=cost,
            )
        override = row.parsed("capacity_override", parse_number)
        if override is not None and override < 0:
            self.error(
                QT_TRANSLATE_NOOP("ImportFinding", "a capacity must not be negative: {capacity}"),
                row.where("capacity_override"),
                capacity=override,
            )
        dotted = row.parsed("dotted_lines", _id_list) or []
        if len(self.report.errors) > errors_before:
            return None
        person = row.text("person")
        title = row.text("title")
        if not title:
            title = role.names.get("en") or role.key
        return _Position(
            row=row.number,
            id=identifier,
            title=title,
            role_key=role_key,
            department_key=department or role.department_key,
            manager_id=manager_id,
            person_name=None if person is None or fold(person) in OPEN_FOLDED else person,
            headcount=1 if headcount is None else headcount,
            start_month=start,
            annual_cost=to_money(cost if cost is not None else 0),
            capacity_override=override,
            notes=row.text("notes") or "",
            dotted=dotted,
            lineage=row.text("lineage") or None,
        )

    def _role_of(self, row: _Row, department: str | None) -> str | None:
        """The row's role key: by key, else by name or alias; an unknown role becomes a custom
        role without capacity (warned)."""
        typed = row.text("role_key") if row.has("role_key") else None
        named = row.text("role") if row.has("role") and not row.is_formula("role") else None
        where = row.where("role_key" if row.has("role_key") else "role")
        for text in (typed, named):
            if text and text in self.roles:
                return text
            if text and fold(text) in self.role_names:
                return self.role_names[fold(text)]
        text = typed or named
        if not text:
            self.error(QT_TRANSLATE_NOOP("ImportFinding", "a position needs a role"), where)
            return None
        if department is None:
            self.error(
                QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "unknown role {role}: name a department for it, or add it to the Roles sheet",
                ),
                where,
                role=repr(text),
            )
            return None
        key = _unique_slug(text, self.roles)
        self.roles[key] = _Role(key=key, department_key=department, names={"en": text})
        self.role_names[fold(text)] = key
        self.content.roles.append(self.roles[key])
        self.warning(
            QT_TRANSLATE_NOOP(
                "ImportFinding",
                "unknown role {role}: added as the custom role {key} without capacity (give it a "
                "capacity kind on the Roles sheet)",
            ),
            where,
            role=repr(text),
            key=repr(key),
        )
        return key

    def _assign_ids(self, positions: list[_Position]) -> None:
        taken = [p.id for p in positions if p.id is not None]
        next_id = max(taken, default=0) + 1
        for position in positions:
            if position.id is None:
                position.id = next_id
                next_id += 1

    def _check_links(self, positions: list[_Position], table: _Table) -> None:
        for identifier, rows in self.id_rows.items():
            for row in rows[1:]:
                self.error(
                    QT_TRANSLATE_NOOP(
                        "ImportFinding", "the ID {id} is also used on row {first_row}"
                    ),
                    table.where(row, "id"),
                    id=identifier,
                    first_row=rows[0],
                )
        by_id: dict[int, _Position] = {}
        for position in positions:
            assert position.id is not None
            by_id.setdefault(position.id, position)
        known = by_id.keys() | self.id_rows.keys()  # rows with other errors still have an ID
        for position in positions:
            manager = position.manager_id
            if manager is not None and manager not in known:
                self.error(
                    QT_TRANSLATE_NOOP(
                        "ImportFinding", "the manager ID {id} is not the ID of any row"
                    ),
                    table.where(position.row, "manager_id"),
                    id=manager,
                )
            elif manager is not None and manager == position.id:
                self.error(
                    QT_TRANSLATE_NOOP("ImportFinding", "a position cannot report to itself"),
                    table.where(position.row, "manager_id"),
                )
            for target in position.dotted:
                if target not in known or target == position.id:
                    self.error(
                        QT_TRANSLATE_NOOP(
                            "ImportFinding",
                            "the dotted line to {id} does not lead to another row's ID",
                        ),
                        table.where(position.row, "dotted_lines"),
                        id=target,
                    )
        for cycle in _cycles(by_id):
            first = min(cycle, key=lambda p: p.row)
            chain = Listed(tuple(p.id for p in [*cycle, cycle[0]]), " → ")
            self.error(
                QT_TRANSLATE_NOOP(
                    "ImportFinding", "a reporting cycle: {chain} (each reports to the next)"
                ),
                table.where(first.row, "manager_id"),
                chain=chain,
            )
        lineages: set[str] = set()
        for position in positions:
            if position.lineage is not None and position.lineage in lineages:
                position.lineage = None  # a copied row: it gets a lineage of its own
            if position.lineage is not None:
                lineages.add(position.lineage)


def _cycles(by_id: dict[int, _Position]) -> list[list[_Position]]:
    """Every reporting cycle once, each as its members in reporting order."""
    done: set[int] = set()
    cycles = []
    for start in by_id:
        path: list[int] = []
        on_path: dict[int, int] = {}
        current: int | None = start
        while current is not None and current in by_id and current not in done:
            if current in on_path:
                cycles.append([by_id[i] for i in path[on_path[current] :]])
                break
            on_path[current] = len(path)
            path.append(current)
            manager = by_id[current].manager_id
            current = None if manager == current else manager
        done.update(path)
    return cycles


# --- a table sheet with headings -----------------------------------------------------------------


class _Table:
    """A sheet whose first row holds headings; columns found by heading in any language."""

    def __init__(self, reader: _Reader, sheet: str, columns: tuple[Column, ...]) -> None:
        self.reader = reader
        self.sheet = sheet
        self.cells = reader.book.sheet(sheet)
        self.input_keys = {column.key for column in columns if column.is_input}
        self.index: dict[str, int] = {}  # column key -> 1-based column
        self.headings: dict[str, str] = {}
        known = heading_keys(columns)
        heading_row = self.cells[0] if self.cells else []
        for number, (value, _type) in enumerate(heading_row, 1):
            if not isinstance(value, str):
                continue
            key = known.get(fold(value))
            if key is not None and key not in self.index:
                self.index[key] = number
                self.headings[key] = value.strip()

    def ok(self, required: tuple[str, ...]) -> bool:
        missing = [key for key in required if key not in self.index]
        for key in missing:
            self.reader.error(
                QT_TRANSLATE_NOOP(
                    "ImportFinding", "the column {heading} is missing (row 1 holds the headings)"
                ),
                sheet=self.sheet,
                heading=_quoted_label(key),
            )
        return not missing

    def ok_any(self, keys: tuple[str, ...]) -> bool:
        if any(key in self.index for key in keys):
            return True
        self.reader.error(
            QT_TRANSLATE_NOOP("ImportFinding", "the column {heading} is missing"),
            sheet=self.sheet,
            heading=_quoted_label(keys[0]),
        )
        return False

    def where(self, row: int, key: str) -> _Where:
        return _Where(self.sheet, row, self.headings.get(key, key))

    def rows(self) -> Iterator[_Row]:
        inputs = [number for key, number in self.index.items() if key in self.input_keys]
        role_name = self.index.get("role")  # typed text counts; the exported formula does not
        for offset, cells in enumerate(self.cells[1:]):
            number = offset + 2
            row = _Row(self, number, cells)
            if all(_is_blank(row.cell(column)[0]) for column in inputs) and (
                role_name is None
                or row.cell(role_name)[1] == "f"
                or _is_blank(row.cell(role_name)[0])
            ):
                continue
            yield row


class _Row:
    def __init__(self, table: _Table, number: int, cells: list[tuple[Any, str]]) -> None:
        self.table = table
        self.number = number
        self.cells = cells

    def cell(self, column: int) -> tuple[Any, str]:
        return self.cells[column - 1] if column <= len(self.cells) else (None, "n")

    def has(self, key: str) -> bool:
        return key in self.table.index

    def is_formula(self, key: str) -> bool:
        return self.has(key) and self.cell(self.table.index[key])[1] == "f"

    def raw(self, key: str) -> Any:
        if key not in self.table.index:
            return None
        column = self.table.index[key]
        return self.table.reader.book.value(self.table.sheet, self.number, column)

    def where(self, key: str) -> _Where:
        return self.table.where(self.number, key)

    def parsed(self, key: str, parse: Any, required: bool = False) -> Any:
        return self.table.reader.parsed(self.raw(key), self.where(key), parse, required)

    def text(self, key: str) -> str | None:
        result = self.parsed(key, _text)
        return None if result is None else str(result)


# --- small parsers -----------------------------------------------------------------------------


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any) -> str:
    """Text from a cell: numbers as typed (12, not 12.0), dates as ISO."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    text = fold(str(value))
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise BadValueError(
        QT_TRANSLATE_NOOP("ImportFinding", "not yes or no: {value} (write TRUE or FALSE)"),
        value=repr(value),
    )


def _positive_whole(value: Any) -> int:
    number = parse_whole(value)
    if not 1 <= number <= MAX_COUNT:
        raise BadValueError(
            QT_TRANSLATE_NOOP(
                "ImportFinding", "must be a whole number from 1 to {limit}: {number}"
            ),
            limit=Count(MAX_COUNT),
            number=number,
        )
    return number


def _id_list(value: Any) -> list[int]:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [_positive_whole(value)]
    parts = [part for part in _LIST_SEPARATORS.split(str(value)) if part]
    found: list[int] = []
    for part in parts:
        number = _positive_whole(part)
        if number not in found:
            found.append(number)
    return found


def _quoted_label(key: str) -> Localized:
    """A column's heading in each language, quoted as the English line quotes it."""
    return Localized({language: repr(label(key, language)) for language in LANGUAGE_INDEX})


def _unique_slug(text: str, taken: dict[str, _Role]) -> str:
    base = _NOT_SLUG.sub("_", text.casefold()).strip("_")[: MAX_KEY_LENGTH - 8] or "role"
    base = f"custom_{base}" if base in taken else base
    key, number = base, 2
    while key in taken:
        key = f"{base}_{number}"
        number += 1
    return key


def _department_lookup() -> dict[str, str]:
    found: dict[str, str] = {}
    for spec in department_specs():
        found[fold(spec.key)] = spec.key
        for name in spec.names.values():
            found.setdefault(fold(name), spec.key)
    return found


def _marker_version(workbook: Any) -> int | None:
    for prop in getattr(workbook, "custom_doc_props", None) or []:
        if getattr(prop, "name", None) == MARKER_PROPERTY:
            try:
                return int(float(prop.value))
            except (TypeError, ValueError):
                return FORMAT_VERSION
    return None


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text[:300] or type(error).__name__


# --- building the plan -------------------------------------------------------------------------


def _build(content: _Content) -> PlanDocument:
    document = PlanDocument.from_template("blank", content.fiscal_year)
    try:
        _fill(document, content)
    except BaseException:
        document.close()
        raise
    return document


def _fill(document: PlanDocument, content: _Content) -> None:
    session = document.session
    plan = document.plan
    plan.name = content.plan_name
    plan.currency = content.currency
    plan.fiscal_start_month = content.fiscal_start_month
    scenario = document.scenario()
    scenario.name = content.scenario_name
    targets = scenario.targets
    values = content.targets
    targets.goal = Decimal(values["Goal"])
    targets.leads = int(values["Leads"])
    targets.close_rate = Decimal(values["CloseRate"])
    targets.average_deal = Decimal(values["AverageDeal"])
    targets.base_revenue = Decimal(values["BaseRevenue"])
    targets.retention = Decimal(values["Retention"])
    targets.expansion = Decimal(values["Expansion"])

    existing = {role.key: role for role in session.scalars(select(RoleType))}
    for index, role in enumerate(content.roles):
        entity = existing.get(role.key)
        if entity is None:
            entity = RoleType(key=role.key)
            session.add(entity)
        entity.department_key = role.department_key
        entity.funnel_stage = role.funnel_stage
        entity.capacity_kind = role.capacity_kind
        entity.is_leader = role.is_leader
        entity.is_custom = role.is_custom
        entity.default_annual_cost = role.default_annual_cost
        entity.sort_order = index
        for language in OPEN_WORDS:
            setattr(entity, f"name_{language}", role.names.get(language, ""))
            setattr(entity, f"short_{language}", role.shorts.get(language, ""))
            setattr(entity, f"description_{language}", role.descriptions.get(language, ""))

    if content.assumptions is not None:
        scenario.assumptions.clear()
        session.flush()  # the old rows go before new ones with the same keys arrive
        scenario.assumptions.extend(
            Assumption(role_key=role_key, metric=metric, value=value, source=source)
            for role_key, metric, value, source in content.assumptions
        )
    session.flush()

    sort_order: dict[int | None, int] = {}
    rows = []
    for position in content.positions:
        order = sort_order.get(position.manager_id, 0)
        sort_order[position.manager_id] = order + 1
        rows.append(
            {
                "id": position.id,
                "scenario_id": scenario.id,
                "title": position.title,
                "role_key": position.role_key,
                "department_key": position.department_key,
                "manager_id": position.manager_id,
                "person_name": position.person_name,
                "headcount": position.headcount,
                "start_month": position.start_month,
                "annual_cost": position.annual_cost,
                "capacity_override": position.capacity_override,
                "notes": position.notes,
                "sort_order": order,
                "lineage": position.lineage or new_lineage(),
            }
        )
    if rows:
        session.execute(insert(Position), rows)
    session.add_all(
        DottedLine(scenario_id=scenario.id, from_position_id=position.id, to_position_id=target)
        for position in content.positions
        for target in position.dotted
        if position.id is not None
    )
    session.commit()
