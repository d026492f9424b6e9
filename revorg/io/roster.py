"""An HR roster (.xlsx or .csv, one row per person or vacancy) made into a new plan.

Columns are found by their heading in English, Spanish or Chinese, whatever the case, accents
and punctuation (HEADER_SYNONYMS); Name and Title are required. The heading row is the first of
the first rows with known headings; in a workbook, the first sheet with Name and Title is read.
Each title is matched to a role of the catalogue by its names, aliases and short names in the
three languages (RoleMatcher); a title that matches none becomes a custom role. The targets come
from a template, whose positions are replaced by the roster's.

Rules decided here:

- A blank Name is an open position (a vacancy).
- Manager is an id (when a row has that id), else an email (when it has an @), else a name.
  A name that two rows share is an error: a reporting line guessed wrong would go unnoticed,
  and the fix (use the manager's id or email) is easy.
- Start date: an open position starts in that month (the first month of the fiscal year when
  the date is earlier). A named person keeps the name and counts for the whole year, as the
  model counts every named person; a start inside or after the fiscal year is written in the
  position's notes and reported, so that the user can clear the name to plan a ramping hire.
- A blank cost takes the role's default cost (a custom role's: the first cost given for it);
  text, a negative amount or a date is an error. Amounts in another currency than the plan's
  are a warning, not converted.
- Department: a custom role goes to the department the column names, else the one its title's
  words suggest, else Sales. A catalogue role keeps its own department (capacity is counted by
  role), except the roles that may sit in two (OTHER_DEPARTMENTS), which follow the column.
- Several people without a manager is allowed (several charts), reported as a note.
- Findings: errors, then warnings, then notes, each in row order; beyond MAX_SAME_FINDINGS of a
  kind one line counts the rest.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert

from revorg.io.messages import Count, Listed, Localized, Phrase, joined_with_and, phrase, reason
from revorg.io.report import ImportReport, Severity
from revorg.io.safety import MAX_ROSTER_ROWS, CheckedFile
from revorg.io.tabular import (
    ASCII_WORD,
    CellValue,
    NegativeAmountError,
    Row,
    Table,
    cell_text,
    column_letter,
    normalize,
    open_workbook,
    parse_amount,
    parse_date,
    read_csv_table,
    workbook_error,
)
from revorg.model.catalogue import RoleSpec, department_specs, role_specs
from revorg.model.document import PlanDocument, next_fiscal_year
from revorg.model.edits import MAX_AMOUNT
from revorg.model.entities import DottedLine, Position, RoleType
from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.lineage import new_lineage
from revorg.model.money import to_money
from revorg.model.months import FiscalYear, YearMonth
from revorg.model.templates import load_template

HEADER_SCAN_ROWS = 10  # the heading row is the first of these with known headings
MAX_SAME_FINDINGS = 20  # beyond this many findings of one kind, one line counts the rest
MAX_LISTED = 10  # rows or names listed in one message

# --- headings -------------------------------------------------------------------------------

FIELDS = ("id", "name", "surname", "title", "manager", "department", "start", "cost", "email")
REQUIRED_FIELDS = ("name", "title")
# What a finding calls a field: its English heading and others a roster may use instead.
FIELD_LABELS = {
    "id": QT_TRANSLATE_NOOP("ImportFinding", "Id"),
    "name": QT_TRANSLATE_NOOP("ImportFinding", "Name (Nombre)"),
    "surname": QT_TRANSLATE_NOOP("ImportFinding", "Last name (Apellidos)"),
    "title": QT_TRANSLATE_NOOP("ImportFinding", "Title (Puesto, Cargo)"),
    "manager": QT_TRANSLATE_NOOP("ImportFinding", "Manager (Responsable, Jefe)"),
    "department": QT_TRANSLATE_NOOP("ImportFinding", "Department (Departamento, Área)"),
    "start": QT_TRANSLATE_NOOP("ImportFinding", "Start date (Fecha de inicio)"),
    "cost": QT_TRANSLATE_NOOP("ImportFinding", "Cost (Salary, Salario, Coste)"),
    "email": QT_TRANSLATE_NOOP("ImportFinding", "Email (Correo)"),
}
# Headings, compared after normalize(); a heading may also add words after one of these
# ("Salary (EUR)", "Start date yyyy-mm-dd").
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": (
        "id", "employee id", "employee number", "employee no", "emp id", "staff id",
        "person id", "worker id", "id empleado", "id de empleado", "numero de empleado",
        "n empleado", "no empleado", "codigo", "codigo de empleado", "matricula", "员工编号",
        "工号", "编号",
    ),
    "name": (
        "name", "full name", "employee", "employee name", "person", "first name",
        "given name", "nombre", "nombre completo", "nombre y apellidos", "empleado", "姓名",
        "名字",
    ),
    "surname": ("last name", "surname", "family name", "apellido", "apellidos"),
    "title": (
        "title", "job title", "position", "position title", "role", "job", "job role",
        "puesto", "puesto de trabajo", "cargo", "rol", "职位", "岗位", "职务", "职称",
    ),
    "manager": (
        "manager", "manager name", "manager email", "manager id", "reports to", "line manager",
        "supervisor", "responsable", "responsable directo", "jefe", "jefe directo",
        "reporta a", "superior", "直属上级", "上级", "汇报对象", "经理",
    ),
    "department": (
        "department", "dept", "team", "function", "area", "departamento", "equipo", "funcion",
        "部门",
    ),
    "start": (
        "start date", "start", "start month", "hire date", "date of hire", "joining date",
        "date joined", "fecha de inicio", "fecha inicio", "fecha de alta", "fecha alta",
        "fecha de incorporacion", "incorporacion", "inicio", "入职日期", "开始日期",
    ),
    "cost": (
        "cost", "annual cost", "salary", "annual salary", "base salary", "yearly salary",
        "compensation", "total compensation", "salario", "salario anual", "salario bruto",
        "salario bruto anual", "coste", "coste anual", "costo", "costo anual", "sueldo",
        "sueldo anual", "retribucion", "成本", "薪资", "年薪", "薪酬", "工资",
    ),
    "email": (
        "email", "e mail", "mail", "email address", "work email", "correo",
        "correo electronico", "email corporativo", "邮箱", "电子邮件", "电子邮箱",
    ),
}  # fmt: skip


@cache
def _heading_index() -> dict[str, str]:
    return {normalize(s): key for key, synonyms in HEADER_SYNONYMS.items() for s in synonyms}


def heading_field(heading: str) -> str | None:
    """The roster field a column heading names, or None."""
    text = normalize(heading)
    index = _heading_index()
    if text in index:
        return index[text]
    best: tuple[int, str] | None = None
    for synonym, key in index.items():  # "salary eur" starts with "salary"
        if text.startswith(synonym + " ") and (best is None or len(synonym) > best[0]):
            best = (len(synonym), key)
    return None if best is None else best[1]


@dataclass
class Columns:
    """Where each field is, and what the file calls each column."""

    index: dict[str, int]
    headings: list[str]
    unread: list[str] = field(default_factory=list)
    repeated: list[tuple[str, str]] = field(default_factory=list)  # (heading, field)

    def heading(self, key: str) -> str:
        return self.headings[self.index[key]]

    @classmethod
    def from_row(cls, row: Row) -> Columns:
        headings = [_heading_text(cell) or column_letter(number) for number, cell in enumerate(row)]
        columns = cls({}, headings)
        for number, cell in enumerate(row):
            text = _heading_text(cell)
            if not text:
                continue
            key = heading_field(text)
            if key is None:
                columns.unread.append(text)
            elif key in columns.index:
                columns.repeated.append((text, key))
            else:
                columns.index[key] = number
        return columns

    @property
    def missing(self) -> list[str]:
        return [key for key in REQUIRED_FIELDS if key not in self.index]

    def found(self) -> object:
        texts = [text for text in self.headings if text]
        if not texts:
            return phrase(QT_TRANSLATE_NOOP("ImportFinding", "none"))
        return Listed(tuple(repr(text) for text in texts))


def _heading_text(cell: CellValue | None) -> str:
    return cell_text(cell) or ""


def find_header(rows: Sequence[Row]) -> int | None:
    """The index of the heading row: the first of the first rows that has both required
    headings, else the first with two known headings, else the first non-blank row."""
    scanned = list(enumerate(rows[:HEADER_SCAN_ROWS]))
    known = [(i, Columns.from_row(row)) for i, row in scanned if not _is_blank(row)]
    for i, columns in known:
        if not columns.missing:
            return i
    for i, columns in known:
        if len(columns.index) >= 2:
            return i
    return known[0][0] if known else None


def _is_blank(row: Row) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in row)


# --- roles ----------------------------------------------------------------------------------

STOPWORDS = frozenset(
    ("of", "the", "and", "for", "in", "to", "a", "an", "at", "de", "del", "la", "el", "los",
     "las", "y", "e", "en", "para", "al", "da", "do", "con")
)  # fmt: skip
# Words that mean the same in titles, folded to one spelling on both sides of a comparison:
# "Gerente de éxito del cliente" then matches the alias "Gestor de éxito del cliente".
WORD_SYNONYMS = {
    "gerente": "manager",
    "gestor": "manager",
    "jefe": "manager",
    "responsable": "manager",
    "mgr": "manager",
    "mngr": "manager",
    "rep": "representative",
    "representante": "representative",
    "repr": "representative",
    "exec": "executive",
    "sr": "senior",
    "jr": "junior",
    "ops": "operations",
    "operaciones": "operations",
    "vicepresident": "vp",
    "vicepresidente": "vp",
}
# Words that make a custom role a leader (the model puts suggested hires under leaders).
LEADER_WORDS = frozenset(
    {"head", "director", "vp", "chief", "president", "presidente", "lead", "leader", "ceo"}
)
LEADER_CJK = ("总监", "负责人", "总裁", "首席")


@dataclass(frozen=True)
class Words:
    """A title as a set of Latin-script words and the runs of other scripts (Chinese)."""

    latin: frozenset[str]
    other: tuple[str, ...]

    @property
    def weight(self) -> int:
        return len(self.latin) + sum(len(run) for run in self.other)

    def contains(self, label: Words) -> bool:
        return label.latin <= self.latin and all(
            any(run in mine for mine in self.other) for run in label.other
        )


@cache
def _feminine_forms() -> dict[str, str]:
    """Spanish feminine titles ("Ejecutiva", "Directora", "Jefa") to the catalogue's forms."""
    forms: dict[str, str] = {"jefa": "manager"}
    for spec in role_specs():
        for label in (spec.names["es"], *spec.aliases["es"]):
            for word in ASCII_WORD.findall(normalize(label)):
                if word.endswith("o") and len(word) > 3:
                    forms.setdefault(word[:-1] + "a", word)
                elif word.endswith("or"):
                    forms.setdefault(word + "a", word)
    return forms


def title_words(text: str) -> Words:
    feminine = _feminine_forms()
    latin: set[str] = set()
    other: list[str] = []
    for word in normalize(text).split():
        if word.isascii():
            if word in STOPWORDS:
                continue
            word = feminine.get(word, word)
            latin.add(WORD_SYNONYMS.get(word, word))
        else:
            other.append(word)
    return Words(frozenset(latin), tuple(other))


@dataclass(frozen=True)
class RoleMatch:
    role_key: str | None  # None: no role of the catalogue
    exact: bool  # the title is a name, alias or short name of the role


class RoleMatcher:
    """Titles to catalogue roles: a name, alias or short name first (any language, any order of
    words), then the role whose name or alias has the most words all found in the title."""

    def __init__(self, specs: Iterable[RoleSpec]) -> None:
        self.exact: dict[Words, str] = {}
        self.labels: list[tuple[Words, str]] = []
        for spec in specs:
            labels = [spec.names[lang] for lang in spec.names]
            labels += [alias for lang in spec.aliases for alias in spec.aliases[lang]]
            bare = [re.sub(r"\s*\([^)]*\)", "", label) for label in labels]
            for label in dict.fromkeys([*labels, *bare]):
                words = title_words(label)
                if words.weight:
                    self.exact.setdefault(words, spec.key)
                    self.labels.append((words, spec.key))
            for short in spec.shorts.values():  # short names ("AE", "Support") only whole
                self.exact.setdefault(title_words(short), spec.key)
        self._cache: dict[str, RoleMatch] = {}

    def match(self, title: str) -> RoleMatch:
        found = self._cache.get(title)
        if found is None:
            found = self._cache[title] = self._match(title_words(title))
        return found

    def _match(self, words: Words) -> RoleMatch:
        if not words.weight:
            return RoleMatch(None, exact=False)
        key = self.exact.get(words)
        if key is not None:
            return RoleMatch(key, exact=True)
        best: tuple[int, str] | None = None
        for label, role_key in self.labels:
            if words.contains(label) and (best is None or label.weight > best[0]):
                best = (label.weight, role_key)
        return RoleMatch(None if best is None else best[1], exact=False)


@cache
def role_matcher() -> RoleMatcher:
    return RoleMatcher(role_specs())


def match_role(title: str) -> str | None:
    """The catalogue role key for a job title in English, Spanish or Chinese, or None."""
    return role_matcher().match(title).role_key


# --- departments ----------------------------------------------------------------------------

DEPARTMENT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "executive": (
        "executive", "exec", "management", "leadership", "c suite", "direccion",
        "direccion general", "gerencia", "高管", "管理层",
    ),
    "marketing": ("marketing", "mercadotecnia", "demand generation", "growth", "市场", "营销"),
    "sales": ("sales", "ventas", "comercial", "new business", "销售"),
    "customer_success": (
        "customer success", "cs", "exito del cliente", "atencion al cliente", "customer care",
        "post venta", "postventa", "account management", "客户成功",
    ),
    "revops": (
        "revenue operations", "revops", "rev ops", "operaciones de ingresos",
        "sales operations", "sales ops", "gtm operations", "营收运营",
    ),
}  # fmt: skip
# Words that suggest a department for a title that matches no role.
DEPARTMENT_KEYWORDS: dict[str, tuple[str, ...]] = {
    "executive": (
        "chief", "ceo", "coo", "cfo", "cto", "president", "presidente", "founder", "cofounder",
        "fundador", "首席", "总裁", "创始人", "总经理",
    ),
    "marketing": (
        "marketing", "brand", "marca", "content", "contenido", "contenidos", "seo", "sem",
        "demand", "growth", "communications", "comunicacion", "events", "eventos", "social",
        "pr", "市场", "营销", "品牌",
    ),
    "sales": (
        "sales", "ventas", "comercial", "account", "cuentas", "business", "negocio",
        "partner", "partners", "partnership", "partnerships", "channel", "canal", "alliances",
        "alianzas", "销售", "商务",
    ),
    "customer_success": (
        "customer", "cliente", "clientes", "success", "exito", "support", "soporte",
        "onboarding", "implementation", "implantacion", "service", "servicio", "renewals",
        "renovaciones", "客户", "支持", "客服",
    ),
    "revops": (
        "operations", "revops", "data", "datos", "analyst", "analista", "bi", "crm", "systems",
        "sistemas", "enablement", "automation", "automatizacion", "analytics", "运营", "数据",
        "分析",
    ),
}  # fmt: skip
DEFAULT_DEPARTMENT = "sales"
# Catalogue roles that may sit in another department (DOMAIN.md): there the Department column
# decides. Other catalogue roles keep their own department, so that a department's cost and
# its capacity (counted by role) cover the same people.
OTHER_DEPARTMENTS: dict[str, tuple[str, ...]] = {
    "account_manager": ("sales",),
    "sales_ops": ("sales",),
    "sales_enablement": ("sales",),
}


class DepartmentMatcher:
    """A Department cell (any of the five departments in en/es/zh, or a synonym)."""

    def __init__(self) -> None:
        labels: list[tuple[Words, str]] = []
        for spec in department_specs():
            for label in [spec.key.replace("_", " "), *spec.names.values()]:
                labels.append((title_words(label), spec.key))
                labels.append((title_words(re.sub(r"\s*\([^)]*\)", "", label)), spec.key))
        for key, synonyms in DEPARTMENT_SYNONYMS.items():
            labels += [(title_words(synonym), key) for synonym in synonyms]
        self.labels = [(words, key) for words, key in labels if words.weight]
        self.exact = {words: key for words, key in reversed(self.labels)}
        self._cache: dict[str, str | None] = {}

    def match(self, text: str) -> str | None:
        if text not in self._cache:
            words = title_words(text)
            found = self.exact.get(words)
            if found is None:
                best: tuple[int, str] | None = None
                for label, key in self.labels:  # "Sales EMEA" -> sales
                    if words.contains(label) and (best is None or label.weight > best[0]):
                        best = (label.weight, key)
                found = None if best is None else best[1]
            self._cache[text] = found
        return self._cache[text]


def guess_department(title: str) -> str | None:
    """The department a title's words suggest (for a custom role), or None."""
    words = title_words(title)
    scores: Counter[str] = Counter()
    for key, keywords in DEPARTMENT_KEYWORDS.items():
        for keyword in keywords:
            if keyword.isascii():
                scores[key] += keyword in words.latin
            else:
                scores[key] += any(keyword in run for run in words.other)
    best = max(DEPARTMENT_KEYWORDS, key=lambda key: scores[key])
    return best if scores[best] else None


# --- reading --------------------------------------------------------------------------------


@dataclass
class Entry:
    """One roster row, read and checked."""

    row: int
    title: str
    id: str | None = None
    name: str | None = None
    manager: str | None = None
    department: str | None = None
    start: datetime.date | None = None
    cost: Decimal | None = None
    email: str | None = None
    role_key: str = ""
    department_key: str = ""
    parent: int | None = None  # index of the manager's entry

    def label(self) -> Phrase:
        """ "Ana (row 3)", "open Sales Manager (row 4)": who, for a finding about someone."""
        if self.name:
            who = QT_TRANSLATE_NOOP("ImportFinding", "{name} (row {row})")
            return phrase(who, name=self.name, row=self.row)
        vacancy = QT_TRANSLATE_NOOP("ImportFinding", "open {title} (row {row})")
        return phrase(vacancy, title=self.title, row=self.row)


@dataclass
class _Counted:
    """Findings of one kind beyond MAX_SAME_FINDINGS: how many, and the first one left off."""

    severity: Severity
    column: str | None
    count: int = 0
    first_row: int | None = None


# "1 more error like the ones above", "2 more errors...", by severity (one, several).
MORE_LIKE_THESE = {
    Severity.ERROR: (
        QT_TRANSLATE_NOOP(
            "ImportFinding", "{count} more error like the ones above, from row {first_row} on"
        ),
        QT_TRANSLATE_NOOP(
            "ImportFinding", "{count} more errors like the ones above, from row {first_row} on"
        ),
    ),
    Severity.WARNING: (
        QT_TRANSLATE_NOOP(
            "ImportFinding", "{count} more warning like the ones above, from row {first_row} on"
        ),
        QT_TRANSLATE_NOOP(
            "ImportFinding", "{count} more warnings like the ones above, from row {first_row} on"
        ),
    ),
    Severity.NOTE: (
        QT_TRANSLATE_NOOP(
            "ImportFinding", "{count} more note like the ones above, from row {first_row} on"
        ),
        QT_TRANSLATE_NOOP(
            "ImportFinding", "{count} more notes like the ones above, from row {first_row} on"
        ),
    ),
}


class RosterReader:
    """Reads one table into entries, reporting every problem with its sheet, row and column,
    then builds the plan when there is no error."""

    def __init__(
        self, report: ImportReport, source: Path, template: str, fiscal_year: int | None
    ) -> None:
        self.report = report
        self.source = source
        self.template = template
        self.fiscal_year = next_fiscal_year() if fiscal_year is None else fiscal_year
        template_data = load_template(template)  # an unknown template fails before reading
        plan = template_data.get("plan", {})
        self.currency = str(plan.get("currency", "EUR"))
        self.fiscal = FiscalYear.of(self.fiscal_year, int(plan.get("fiscal_start_month", 1)))
        self.sheet: str | None = None
        self._kinds: Counter[str] = Counter()
        self._counted: dict[str, _Counted] = {}
        self.custom: dict[str, _CustomRole] = {}  # by normalised title
        self._summaries: set[int] = set()  # ids of the "N more rows" findings

    # --- findings, at most MAX_SAME_FINDINGS of a kind ------------------------------------

    def add(
        self,
        severity: Severity,
        kind: str,
        said: Phrase,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self._kinds[kind] += 1
        if self._kinds[kind] <= MAX_SAME_FINDINGS:
            self.report.add(severity, said, sheet=self.sheet, row=row, column=column)
            return
        counted = self._counted.setdefault(kind, _Counted(severity, column))
        counted.count += 1
        if counted.first_row is None:
            counted.first_row = row

    def error(
        self, kind: str, template: str, row: int | None, col: str | None, /, **values: object
    ) -> None:
        self.add(Severity.ERROR, kind, Phrase(template, values), row, col)

    def _sort_findings(self, start: int) -> None:
        """Errors, warnings, then notes, each in row order; the "N more rows" lines last."""
        rank = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTE: 2}
        findings = self.report.findings[start:]
        findings.sort(key=lambda f: (rank[f.severity], id(f) in self._summaries, f.row or 0))
        self.report.findings[start:] = findings

    def _flush_counted(self) -> None:
        for counted in self._counted.values():
            templates = MORE_LIKE_THESE[counted.severity]
            self.add(
                counted.severity,
                "counted",
                phrase(
                    templates[0] if counted.count == 1 else templates[1],
                    count=counted.count,
                    first_row=counted.first_row,
                ),
                row=counted.first_row,
                column=counted.column,
            )
            self._summaries.add(id(self.report.findings[-1]))
        self._counted.clear()

    # --- sources --------------------------------------------------------------------------

    def read_csv(self, checked: CheckedFile) -> PlanDocument | None:
        table = read_csv_table(checked, self.report)
        if table is None:
            return None
        header = find_header(table.rows)
        if header is None:
            self.report.error(
                QT_TRANSLATE_NOOP("ImportFinding", "{file} has no rows"), file=checked.path.name
            )
            return None
        return self.read_table(table, header)

    def read_workbook(self, path: Path) -> PlanDocument | None:
        book = open_workbook(path, self.report)
        if book is None:
            return None
        with book:
            if not book.sheet_names:
                self.report.error(
                    QT_TRANSLATE_NOOP("ImportFinding", "{file} has no worksheets"), file=path.name
                )
                return None
            try:
                chosen = self._choose_sheet(book.sheet_names, book.head)
                if chosen is None:
                    return None
                sheet, header = chosen
                table = book.table(sheet)
            except Exception as error:  # calamine raises its own errors for damaged parts
                self.report.add(Severity.ERROR, workbook_error(path, error))
                return None
        return self.read_table(table, header)

    def _choose_sheet(
        self, names: list[str], head: Callable[[str, int], list[Row]]
    ) -> tuple[str, int] | None:
        """The first sheet with a Name and a Title heading; else an error about the first
        sheet that has data."""
        first: tuple[str, int, Columns] | None = None
        for name in names:
            rows: list[Row] = head(name, HEADER_SCAN_ROWS)
            header = find_header(rows)
            if header is None:
                continue
            columns = Columns.from_row(rows[header])
            if not columns.missing:
                if first is not None:
                    self.report.note(
                        QT_TRANSLATE_NOOP(
                            "ImportFinding",
                            "read sheet {sheet_name}: the sheets before it have no Name and Title "
                            "columns",
                        ),
                        sheet=name,
                        sheet_name=repr(name),
                    )
                return name, header
            if first is None:
                first = (name, header, columns)
        if first is None:
            self.report.error(
                QT_TRANSLATE_NOOP("ImportFinding", "{file} has no data: every sheet is empty"),
                file=self.source.name,
            )
            return None
        self.sheet = first[0]
        self._missing_columns(first[2], first[1] + 1)
        return None

    def _missing_columns(self, columns: Columns, row: int) -> None:
        missing = joined_with_and(phrase(FIELD_LABELS[key]) for key in columns.missing)
        self.report.error(
            QT_TRANSLATE_NOOP("ImportFinding", "no {missing} column; the heading row has {found}"),
            sheet=self.sheet,
            row=row,
            missing=missing,
            found=columns.found(),
        )

    # --- the table ------------------------------------------------------------------------

    def read_table(self, table: Table, header: int) -> PlanDocument | None:
        self.sheet = table.sheet
        start = len(self.report.findings)
        columns = Columns.from_row(table.rows[header])
        header_row = table.row_number(header)
        if columns.missing:
            self._missing_columns(columns, header_row)
            return None
        if columns.unread:
            listed = Listed(tuple(repr(text) for text in columns.unread[:MAX_LISTED]))
            self.report.note(
                QT_TRANSLATE_NOOP("ImportFinding", "columns not read: {headings}"),
                sheet=self.sheet,
                row=header_row,
                headings=listed,
            )
        for text, key in columns.repeated:
            self.report.note(
                QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "column {heading} also means {field}: only the first such column, {first}, "
                    "is read",
                ),
                sheet=self.sheet,
                row=header_row,
                column=text,
                heading=repr(text),
                field=phrase(FIELD_LABELS[key]),
                first=repr(columns.heading(key)),
            )
        entries = self._entries(table, header, columns)
        if entries is None:
            return None
        self._check_ids(entries, columns)
        self._link_managers(entries, columns)
        self._check_cycles(entries, columns)
        self._assign_roles(entries, columns)
        self._flush_counted()
        self._sort_findings(start)
        if self.report.has_errors:
            return None
        if not entries:
            self.report.error(
                QT_TRANSLATE_NOOP("ImportFinding", "the roster has a heading row but no people"),
                sheet=self.sheet,
                row=header_row,
            )
            return None
        self._note_roots(entries, columns)
        return self._build(entries)

    def _entries(self, table: Table, header: int, columns: Columns) -> list[Entry] | None:
        rows = table.rows
        last = len(rows)
        while last > header + 1 and _is_blank(rows[last - 1]):
            last -= 1  # trailing blank rows are the end of the sheet, not worth a note
        if last - header - 1 > MAX_ROSTER_ROWS:
            self.report.error(
                QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "the roster has {count} rows; at most {limit} are read (a larger chart is not "
                    "a revenue organisation)",
                ),
                sheet=self.sheet,
                count=Count(last - header - 1),
                limit=Count(MAX_ROSTER_ROWS),
            )
            return None
        index = columns.index
        width = max(index.values()) + 1
        entries: list[Entry] = []
        blank_rows: list[int] = []
        ambiguous_dates: list[int] = []
        currencies: dict[str, int] = {}
        for position in range(header + 1, last):
            cells = rows[position]
            number = table.row_number(position)
            if _is_blank(cells):
                blank_rows.append(number)
                continue
            if len(cells) < width:
                cells = [*cells, *([None] * (width - len(cells)))]
            entry = self._entry(cells, number, columns, ambiguous_dates, currencies)
            if entry is not None:
                entries.append(entry)
        if blank_rows:
            self.report.note(
                QT_TRANSLATE_NOOP("ImportFinding", "{count} blank row skipped ({rows})")
                if len(blank_rows) == 1
                else QT_TRANSLATE_NOOP("ImportFinding", "{count} blank rows skipped ({rows})"),
                sheet=self.sheet,
                row=blank_rows[0],
                count=len(blank_rows),
                rows=_listed_rows(blank_rows),
            )
        if ambiguous_dates:
            self.report.note(
                QT_TRANSLATE_NOOP(
                    "ImportFinding", "dates such as 03/04/2027 are read day first (3 April 2027)"
                ),
                sheet=self.sheet,
                row=ambiguous_dates[0],
                column=columns.heading("start"),
            )
        for currency, row in currencies.items():
            if currency != self.currency:
                self.report.warning(
                    QT_TRANSLATE_NOOP(
                        "ImportFinding",
                        "amounts in {currency} but the plan's currency is {plan_currency}: they "
                        "are used as they are, without conversion",
                    ),
                    sheet=self.sheet,
                    row=row,
                    column=columns.heading("cost"),
                    currency=currency,
                    plan_currency=self.currency,
                )
        return entries

    def _entry(
        self,
        cells: Row,
        row: int,
        columns: Columns,
        ambiguous_dates: list[int],
        currencies: dict[str, int],
    ) -> Entry | None:
        index = columns.index

        def text(key: str) -> str | None:
            return cell_text(cells[index[key]]) if key in index else None

        title = text("title")
        if title is None:
            blank = QT_TRANSLATE_NOOP("ImportFinding", "the title is blank: every row needs one")
            self.error("title", blank, row, columns.heading("title"))
            return None
        name = text("name")
        surname = text("surname")
        if surname:
            name = f"{name} {surname}" if name else surname
        entry = Entry(
            row=row,
            title=title,
            id=text("id"),
            name=name,
            manager=text("manager"),
            department=text("department"),
            email=(text("email") or "").casefold() or None,
        )
        start = cells[index["start"]] if "start" in index else None
        if start is not None:
            try:
                parsed = parse_date(start)
            except ValueError as error:
                self.add(Severity.ERROR, "start", reason(error), row, columns.heading("start"))
            else:
                entry.start = parsed.date
                if parsed.day_month_ambiguous:
                    ambiguous_dates.append(row)
        amount = cells[index["cost"]] if "cost" in index else None
        if amount is not None:
            try:
                cost, currency = parse_amount(amount)
            except NegativeAmountError as error:
                below_zero = QT_TRANSLATE_NOOP(
                    "ImportFinding", "{problem}: a cost cannot be below zero"
                )
                self.error(
                    "negative", below_zero, row, columns.heading("cost"), problem=reason(error)
                )
            except ValueError as error:
                not_number = QT_TRANSLATE_NOOP(
                    "ImportFinding", "{problem}: the cost must be a number"
                )
                self.error("cost", not_number, row, columns.heading("cost"), problem=reason(error))
            else:
                if cost > MAX_AMOUNT:
                    self.error(
                        "cost",
                        QT_TRANSLATE_NOOP(
                            "ImportFinding", "{amount} is more than {limit}: the cost is too large"
                        ),
                        row,
                        columns.heading("cost"),
                        amount=repr(amount),
                        limit=Count(MAX_AMOUNT),
                    )
                    return entry
                entry.cost = to_money(cost)
                if currency is not None:
                    currencies.setdefault(currency, row)
        return entry

    def _check_ids(self, entries: list[Entry], columns: Columns) -> None:
        if "id" in columns.index:
            seen: dict[str, int] = {}
            for entry in entries:
                if entry.id is None:
                    continue
                key = entry.id.casefold()
                if key in seen:
                    self.error(
                        "duplicate id",
                        QT_TRANSLATE_NOOP(
                            "ImportFinding",
                            "id {id} is also on row {first_row}: ids must be unique",
                        ),
                        entry.row,
                        columns.heading("id"),
                        id=repr(entry.id),
                        first_row=seen[key],
                    )
                else:
                    seen[key] = entry.row
        if "email" in columns.index:
            first: dict[str, int] = {}
            for entry in entries:
                if entry.email is None:
                    continue
                if entry.email in first:
                    also = QT_TRANSLATE_NOOP(
                        "ImportFinding", "email {email} is also on row {first_row}"
                    )
                    said = phrase(also, email=repr(entry.email), first_row=first[entry.email])
                    self.add(
                        Severity.WARNING,
                        "duplicate email",
                        said,
                        entry.row,
                        columns.heading("email"),
                    )
                else:
                    first[entry.email] = entry.row

    def _link_managers(self, entries: list[Entry], columns: Columns) -> None:
        if "manager" not in columns.index:
            return
        heading = columns.heading("manager")
        by_id: dict[str, int] = {}
        by_email: dict[str, list[int]] = defaultdict(list)
        by_name: dict[str, list[int]] = defaultdict(list)
        for number, entry in enumerate(entries):
            if entry.id is not None:
                by_id.setdefault(entry.id.casefold(), number)
            if entry.email is not None:
                by_email[entry.email].append(number)
            if entry.name is not None:
                by_name[normalize(entry.name)].append(number)
        for number, entry in enumerate(entries):
            if entry.manager is None:
                continue
            reference = entry.manager
            found: list[int] = []
            if reference.casefold() in by_id:
                found = [by_id[reference.casefold()]]
            elif "@" in reference:
                found = by_email.get(reference.casefold(), [])
            if not found:
                found = by_name.get(normalize(reference), [])
            if not found:
                self.error(
                    "manager not found",
                    QT_TRANSLATE_NOOP(
                        "ImportFinding",
                        "manager {manager} not found: no row has this id, email or name",
                    ),
                    entry.row,
                    heading,
                    manager=repr(reference),
                )
            elif len(found) > 1:
                self.error(
                    "ambiguous manager",
                    QT_TRANSLATE_NOOP(
                        "ImportFinding",
                        "manager {manager} is ambiguous: rows {rows} match; give the manager's id "
                        "or email instead",
                    ),
                    entry.row,
                    heading,
                    manager=repr(reference),
                    rows=joined_with_and(entries[i].row for i in found[:MAX_LISTED]),
                )
            elif found[0] == number:
                themselves = QT_TRANSLATE_NOOP("ImportFinding", "{person} reports to themselves")
                self.error("self", themselves, entry.row, heading, person=entry.label())
            else:
                entry.parent = found[0]

    def _check_cycles(self, entries: list[Entry], columns: Columns) -> None:
        """Walk up from every entry once (linear): a walk that meets itself is a cycle."""
        state = [0] * len(entries)  # 0 unvisited, 1 on the current walk, 2 done
        for start in range(len(entries)):
            path: list[int] = []
            current: int | None = start
            while current is not None and state[current] == 0:
                state[current] = 1
                path.append(current)
                current = entries[current].parent
            if current is not None and state[current] == 1:
                loop = path[path.index(current) :]
                names = Listed(tuple(entries[i].label() for i in [*loop, loop[0]]), " -> ")
                first = min(entries[i].row for i in loop)
                self.error(
                    "cycle",
                    QT_TRANSLATE_NOOP(
                        "ImportFinding",
                        "reporting cycle: {people}; someone in it must report to a person outside "
                        "it",
                    ),
                    first,
                    columns.heading("manager"),
                    people=names,
                )
                for i in loop:
                    entries[i].parent = None
            for i in path:
                state[i] = 2

    def _assign_roles(self, entries: list[Entry], columns: Columns) -> None:
        matcher = role_matcher()
        departments = DepartmentMatcher()
        dept_heading = columns.heading("department") if "department" in columns.index else None
        title_heading = columns.heading("title")
        unknown_departments: dict[str, int] = {}
        inexact: dict[str, tuple[str, int]] = {}
        moved: dict[tuple[str, str, bool], tuple[int, int]] = {}  # -> (first row, count)
        specs = {spec.key: spec for spec in role_specs()}
        for entry in entries:
            named_department = None
            if entry.department is not None:
                named_department = departments.match(entry.department)
                if named_department is None:
                    unknown_departments.setdefault(entry.department, entry.row)
            found = matcher.match(entry.title)
            if found.role_key is not None:
                entry.role_key = found.role_key
                home = specs[found.role_key].department
                entry.department_key = home
                if not found.exact:
                    inexact.setdefault(entry.title, (found.role_key, entry.row))
                if named_department is not None and named_department != home:
                    allowed = named_department in OTHER_DEPARTMENTS.get(found.role_key, ())
                    if allowed:
                        entry.department_key = named_department
                    pair = (found.role_key, named_department, allowed)
                    first, count = moved.get(pair, (entry.row, 0))
                    moved[pair] = (first, count + 1)
                continue
            key = normalize(entry.title)
            custom = self.custom.get(key)
            if custom is None:
                department = named_department or guess_department(entry.title)
                custom = self.custom[key] = _CustomRole(
                    key=_custom_key(entry.title, len(self.custom)),
                    title=entry.title,
                    department_key=department or DEFAULT_DEPARTMENT,
                    guessed=named_department is None,
                    first_row=entry.row,
                    cost=entry.cost,
                )
            custom.count += 1
            entry.role_key = custom.key
            entry.department_key = named_department or custom.department_key
        names = {spec.key: Localized(spec.names) for spec in role_specs()}
        dept_names = {spec.key: Localized(spec.names) for spec in department_specs()}
        read_as = QT_TRANSLATE_NOOP("ImportFinding", "title {title} read as the role {role}")
        for title, (role_key, row) in inexact.items():
            said = phrase(read_as, title=repr(title), role=names[role_key])
            self.add(Severity.NOTE, "inexact", said, row, title_heading)
        for custom in self.custom.values():
            said = _custom_note(custom, dept_names)
            self.add(Severity.NOTE, "custom", said, custom.first_row, title_heading)
        for (role_key, department_key, allowed), (row, count) in moved.items():
            said = phrase(
                MOVED[allowed][0 if count == 1 else 1],
                count=count,
                role=names[role_key],
                department=dept_names[department_key],
                home=dept_names[specs[role_key].department],
            )
            self.add(Severity.NOTE, "department", said, row, dept_heading)
        none_of = QT_TRANSLATE_NOOP(
            "ImportFinding",
            "department {department} is none of Executive, Marketing, Sales, Customer Success, "
            "Revenue Operations: the role's department is used",
        )
        for text, row in unknown_departments.items():
            said = phrase(none_of, department=repr(text))
            self.add(Severity.NOTE, "unknown department", said, row, dept_heading)

    def _note_roots(self, entries: list[Entry], columns: Columns) -> None:
        roots = [entry for entry in entries if entry.parent is None]
        if len(roots) > 1:
            self.report.note(
                QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "{count} rows have no manager (rows {rows}): each heads its own chart",
                ),
                sheet=self.sheet,
                row=roots[0].row,
                column=columns.heading("manager") if "manager" in columns.index else None,
                count=len(roots),
                rows=_listed_rows([entry.row for entry in roots]),
            )

    # --- the plan -------------------------------------------------------------------------

    def _build(self, entries: list[Entry]) -> PlanDocument:
        document = PlanDocument.from_template(self.template, self.fiscal_year)
        try:
            self._fill(document, entries)
        except BaseException:
            document.close()
            raise
        return document

    def _fill(self, document: PlanDocument, entries: list[Entry]) -> None:
        session = document.session
        scenario = document.scenario()
        document.plan.name = self.source.stem
        session.execute(delete(DottedLine).where(DottedLine.scenario_id == scenario.id))
        session.execute(delete(Position).where(Position.scenario_id == scenario.id))
        default_cost = {spec.key: spec.default_annual_cost for spec in role_specs()}
        for order, custom in enumerate(self.custom.values()):
            cost = custom.cost if custom.cost is not None else Decimal(0)
            default_cost[custom.key] = cost
            session.add(custom.entity(1000 + order, cost, self.source.name))
        session.flush()
        rows = self._position_rows(entries, scenario.id, default_cost)
        if rows:
            session.execute(insert(Position), rows)
        session.commit()
        session.expire_all()

    def _position_rows(
        self, entries: list[Entry], scenario_id: int, default_cost: dict[str, Decimal]
    ) -> list[dict[str, Any]]:
        """Rows in pre-order (every manager before its reports), reports in roster order."""
        children: list[list[int]] = [[] for _ in entries]
        roots: list[int] = []
        for number, entry in enumerate(entries):
            (roots if entry.parent is None else children[entry.parent]).append(number)
        ids: dict[int, int] = {}
        rows: list[dict[str, Any]] = []
        named_starts: list[Entry] = []
        stack = [(number, order) for order, number in reversed(list(enumerate(roots)))]
        while stack:
            number, order = stack.pop()
            entry = entries[number]
            ids[number] = len(rows) + 1
            start_month = None
            notes = []
            if entry.id:
                notes.append(f"Id: {entry.id}")
            if entry.email:
                notes.append(f"Email: {entry.email}")
            if entry.start is not None:
                month = YearMonth(entry.start.year, entry.start.month)
                if entry.name is None:
                    start_month = max(month, self.fiscal.first)
                elif month >= self.fiscal.first:
                    notes.append(f"Starts {entry.start.isoformat()}")
                    named_starts.append(entry)
            rows.append(
                {
                    "id": ids[number],
                    "scenario_id": scenario_id,
                    "title": entry.title,
                    "role_key": entry.role_key,
                    "department_key": entry.department_key,
                    "manager_id": None if entry.parent is None else ids[entry.parent],
                    "person_name": entry.name,
                    "headcount": 1,
                    "start_month": start_month,
                    "annual_cost": default_cost[entry.role_key]
                    if entry.cost is None
                    else entry.cost,
                    "capacity_override": None,
                    "notes": "; ".join(notes),
                    "sort_order": order,
                    "lineage": new_lineage(),
                }
            )
            stack.extend((child, i) for i, child in reversed(list(enumerate(children[number]))))
        self._note_defaults(entries, named_starts)
        return rows

    def _note_defaults(self, entries: list[Entry], named_starts: list[Entry]) -> None:
        blank_costs = [entry.row for entry in entries if entry.cost is None]
        if blank_costs:
            self.report.note(
                QT_TRANSLATE_NOOP(
                    "ImportFinding", "{count} row without a cost: it takes the role's default cost"
                )
                if len(blank_costs) == 1
                else QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "{count} rows without a cost: they take the role's default cost",
                ),
                sheet=self.sheet,
                row=blank_costs[0],
                count=len(blank_costs),
            )
        if named_starts:
            first = min(named_starts, key=lambda entry: entry.row)
            self.report.note(
                NAMED_STARTS[0 if len(named_starts) == 1 else 1],
                sheet=self.sheet,
                row=first.row,
                count=len(named_starts),
                year=self.fiscal_year,
                person=first.label(),
            )


def _listed_rows(rows: list[int]) -> str:
    """ "3, 5, 8" (at most MAX_LISTED, then "...")."""
    more = "..." if len(rows) > MAX_LISTED else ""
    return ", ".join(str(row) for row in rows[:MAX_LISTED]) + more


# A catalogue role's positions where the Department column puts them (True) or not (False);
# each for one position and for several.
MOVED = {
    True: (
        QT_TRANSLATE_NOOP(
            "ImportFinding",
            "{count} {role} position placed in {department}, as the Department column says",
        ),
        QT_TRANSLATE_NOOP(
            "ImportFinding",
            "{count} {role} positions placed in {department}, as the Department column says",
        ),
    ),
    False: (
        QT_TRANSLATE_NOOP(
            "ImportFinding",
            "{count} {role} position kept in {home}, the role's department, although the "
            "Department column says {department}",
        ),
        QT_TRANSLATE_NOOP(
            "ImportFinding",
            "{count} {role} positions kept in {home}, the role's department, although the "
            "Department column says {department}",
        ),
    ),
}
NAMED_STARTS = (
    QT_TRANSLATE_NOOP(
        "ImportFinding",
        "{count} named person starts in or after fiscal year {year}, first {person}: named people "
        "count for the whole year (the start date is in the position's notes); clear the name to "
        "plan an open hire from that month",
    ),
    QT_TRANSLATE_NOOP(
        "ImportFinding",
        "{count} named people start in or after fiscal year {year}, first {person}: named people "
        "count for the whole year (the start date is in the position's notes); clear the name to "
        "plan an open hire from that month",
    ),
)


def _custom_note(custom: _CustomRole, dept_names: dict[str, Localized]) -> Phrase:
    """A title that matches no role: where its custom role went, and why there."""
    if custom.guessed and guess_department(custom.title) is None:
        why = QT_TRANSLATE_NOOP("ImportFinding", "by default")
    elif custom.guessed:
        why = QT_TRANSLATE_NOOP("ImportFinding", "guessed from the title")
    else:
        why = QT_TRANSLATE_NOOP("ImportFinding", "from the Department column")
    if custom.count == 1:
        template = QT_TRANSLATE_NOOP(
            "ImportFinding",
            "title {title} matches no role of the catalogue: added as a custom role in "
            "{department} ({why}; no capacity), {count} position",
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "ImportFinding",
            "title {title} matches no role of the catalogue: added as a custom role in "
            "{department} ({why}; no capacity), {count} positions",
        )
    return phrase(
        template,
        title=repr(custom.title),
        department=dept_names[custom.department_key],
        why=phrase(why),
        count=custom.count,
    )


@dataclass
class _CustomRole:
    key: str
    title: str
    department_key: str
    guessed: bool
    first_row: int
    cost: Decimal | None
    count: int = 0

    def entity(self, sort_order: int, cost: Decimal, source: str) -> RoleType:
        words = title_words(self.title)
        leader = bool(words.latin & LEADER_WORDS) or any(
            marker in run for run in words.other for marker in LEADER_CJK
        )
        return RoleType(
            key=self.key,
            department_key=self.department_key,
            funnel_stage="all",
            capacity_kind="none",
            is_leader=leader,
            is_custom=True,
            name_en=self.title,
            name_es=self.title,
            name_zh=self.title,
            description_en=f"Custom role from {source}",
            default_annual_cost=cost,
            sort_order=sort_order,
        )


def _custom_key(title: str, number: int) -> str:
    """ "custom_chief_of_staff" (ASCII words of the title), unique by a number."""
    slug = "_".join(ASCII_WORD.findall(normalize(title)))[:40] or "role"
    return f"custom_{number + 1}_{slug}"


# --- entry points ---------------------------------------------------------------------------


def read_roster_csv(
    checked: CheckedFile,
    report: ImportReport,
    template: str = "demo",
    fiscal_year: int | None = None,
) -> PlanDocument | None:
    """A new plan from a CSV roster; None when the report has errors."""
    return RosterReader(report, checked.path, template, fiscal_year).read_csv(checked)


def read_roster_workbook(
    path: Path,
    report: ImportReport,
    template: str = "demo",
    fiscal_year: int | None = None,
) -> PlanDocument | None:
    """A new plan from an .xlsx roster (the first sheet with Name and Title headings)."""
    return RosterReader(report, path, template, fiscal_year).read_workbook(path)
