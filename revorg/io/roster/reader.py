"""Reading a roster file: its sheet, heading row and rows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from revorg.io.messages import Count, Listed, Phrase, joined_with_and, phrase, reason
from revorg.io.photos import PhotoError
from revorg.io.report import ImportReport, Severity
from revorg.io.roster.entry import Entry
from revorg.io.roster.findings import MAX_LISTED, listed_rows
from revorg.io.roster.headings import (
    FIELD_LABELS,
    HEADER_SCAN_ROWS,
    Columns,
    find_header,
    has_known_headings,
    is_blank,
)
from revorg.io.roster.options import RosterOptions, no_such_heading
from revorg.io.roster.photos import roster_photo
from revorg.io.roster.plan import CustomRole, PlanBuilder
from revorg.io.safety import MAX_ROSTER_ROWS, CheckedFile, FileKind
from revorg.io.tabular import (
    CellValue,
    Row,
    Table,
    cell_text,
    open_workbook,
    read_csv_table,
    workbook_error,
)
from revorg.io.values import (
    DateColumn,
    DecimalMark,
    NegativeAmountError,
    date_column,
    decimal_mark,
    heading_currency,
    parse_amount,
    parse_date,
)
from revorg.io.values.flags import parse_flag
from revorg.io.values.text import shown
from revorg.model.document import PlanDocument, next_fiscal_year
from revorg.model.edits import MAX_AMOUNT
from revorg.model.emails import checked_email
from revorg.model.errors import QT_TRANSLATE_NOOP, PlanEditError
from revorg.model.money import to_money
from revorg.model.months import FiscalYear
from revorg.model.templates import load_template


class RosterReader(PlanBuilder):
    """Reads one table into entries, reporting every problem with its sheet, row and column,
    then builds the plan when there is no error."""

    def __init__(
        self,
        report: ImportReport,
        source: Path,
        template: str,
        fiscal_year: int | None,
        options: RosterOptions | None = None,
    ) -> None:
        super().__init__(report)
        self.options = RosterOptions() if options is None else options
        self.source = source
        self.template = template
        self.fiscal_year = next_fiscal_year() if fiscal_year is None else fiscal_year
        template_data = load_template(template)  # an unknown template fails before reading
        plan = template_data.get("plan", {})
        self.currency = str(plan.get("currency", "EUR"))
        self.stated_currency: str | None = None  # the roster's, when its costs name one
        self.fiscal = FiscalYear.of(self.fiscal_year, int(plan.get("fiscal_start_month", 1)))
        self.custom: dict[str, CustomRole] = {}

    def read_csv(self, checked: CheckedFile) -> PlanDocument | None:
        table = read_csv_table(checked, self.report, has_known_headings)
        if table is None:
            return None
        header = find_header(table.rows, self.options.columns)
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
            header = find_header(rows, self.options.columns)
            if header is None:
                continue
            columns = Columns.from_row(rows[header], self.options.columns)
            if not columns.missing and not columns.unmatched:
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
        if first[2].unmatched:
            raise no_such_heading(first[2].unmatched[0], first[2].found())
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
        columns = Columns.from_row(table.rows[header], self.options.columns)
        header_row = table.row_number(header)
        if columns.unmatched:
            raise no_such_heading(columns.unmatched[0], columns.found())
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
        if self.options.root is not None:
            entries = self._branch(entries, self.options.root)
        self._assign_roles(entries, columns)
        self.finish(start)
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
        while last > header + 1 and is_blank(rows[last - 1]):
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
        filled: list[tuple[int, Row]] = []
        for position in range(header + 1, last):
            cells = rows[position]
            number = table.row_number(position)
            if is_blank(cells):
                blank_rows.append(number)
                continue
            if len(cells) < width:
                cells = [*cells, *([None] * (width - len(cells)))]
            filled.append((number, cells))
        values = _ColumnValues.of(filled, columns)
        for number, cells in filled:
            entry = self._entry(cells, number, columns, values)
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
                rows=listed_rows(blank_rows),
            )
        assumed = values.dates.note()
        if assumed is not None and values.dates.assumed is not None:
            row = filled[values.dates.assumed[0]][0]
            self.report.add(
                Severity.NOTE, assumed, sheet=self.sheet, row=row, column=columns.heading("start")
            )
        self._choose_currency(values, columns)
        return entries

    def _choose_currency(self, values: _ColumnValues, columns: Columns) -> None:
        """The plan takes the currency the costs state (in their cells or their heading); with
        several, the most common (the first seen on a tie), and a warning: nothing is
        converted."""
        if not values.counts:
            return
        ranked = sorted(values.counts, key=lambda code: (-values.counts[code], values.first[code]))
        self.currency = self.stated_currency = ranked[0]
        if len(ranked) > 1:
            others = ranked[1:]
            self.report.warning(
                QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "costs in {count} currencies ({listed}): the plan is in {currency}, the "
                    "most common, and the other amounts are used as they are, without conversion",
                ),
                sheet=self.sheet,
                row=values.first[others[0]],
                column=columns.heading("cost"),
                count=len(ranked),
                listed=", ".join(f"{code} ×{values.counts[code]}" for code in ranked),
                currency=ranked[0],
            )

    def _email(self, written: str | None, row: int, columns: Columns) -> str | None:
        """The address as given, trimmed (revorg.model.emails); one that is not an address is
        left out with a warning: the person is still imported."""
        try:
            return checked_email(written)
        except PlanEditError:
            bad = QT_TRANSLATE_NOOP(
                "ImportFinding", "{email} is not an email address (one @ needed): left out"
            )
            said = Phrase(bad, {"email": repr((written or "").strip())})
            self.add(Severity.WARNING, "bad email", said, row, columns.heading("email"))
            return None

    def _read_staff(self, entry: Entry, cell: CellValue | None, heading: str) -> None:
        """The Staff / Asistente / 幕僚 column: yes or no in any of the three languages."""
        try:
            entry.staff = parse_flag(cell)
        except ValueError:
            unknown = QT_TRANSLATE_NOOP(
                "ImportFinding", "{value} is not yes or no: the position is put in the team row"
            )
            entry.staff = False
            self.add(
                Severity.WARNING, "staff", phrase(unknown, value=shown(cell)), entry.row, heading
            )

    def _entry(
        self,
        cells: Row,
        row: int,
        columns: Columns,
        values: _ColumnValues,
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
            email=self._email(text("email"), row, columns),
        )
        photo = text("photo")
        if photo:
            try:
                entry.photo = roster_photo(photo, self.source.parent)
            except PhotoError as error:  # a warning: the person keeps their initials
                self.add(Severity.WARNING, "photo", reason(error), row, columns.heading("photo"))
        if "staff" in index:
            self._read_staff(entry, cells[index["staff"]], columns.heading("staff"))
        start = cells[index["start"]] if "start" in index else None
        if start is not None:
            try:
                entry.start = parse_date(start, values.dates)
            except ValueError as error:
                self.add(Severity.ERROR, "start", reason(error), row, columns.heading("start"))
        amount = cells[index["cost"]] if "cost" in index else None
        if amount is not None:
            try:
                cost, currency = parse_amount(amount, values.mark)
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
                currency = currency or values.heading_currency
                if currency is not None:
                    values.first.setdefault(currency, row)
                    values.counts[currency] += 1
        return entry


# --- entry points ---------------------------------------------------------------------------


@dataclass
class _ColumnValues:
    """How the start and cost columns write their values (revorg.io.values), and the
    currencies the costs name (each with its first row and its number of rows)."""

    dates: DateColumn
    mark: DecimalMark | None
    heading_currency: str | None = None  # "Salary (USD)": the cells without one are in it
    first: dict[str, int] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, filled: list[tuple[int, Row]], columns: Columns) -> _ColumnValues:
        def cells(key: str) -> list[object]:
            number = columns.index.get(key)
            return [] if number is None else [row[number] for _, row in filled]

        return cls(
            date_column(cells("start"), columns.language()),
            decimal_mark(cells("cost")),
            heading_currency(columns.heading("cost")) if "cost" in columns.index else None,
        )


def read_roster_csv(
    checked: CheckedFile,
    report: ImportReport,
    template: str = "demo",
    fiscal_year: int | None = None,
    options: RosterOptions | None = None,
) -> PlanDocument | None:
    """A new plan from a CSV roster; None when the report has errors. RosterOptionError when
    `options` do not fit the file."""
    return RosterReader(report, checked.path, template, fiscal_year, options).read_csv(checked)


def read_roster_workbook(
    path: Path,
    report: ImportReport,
    template: str = "demo",
    fiscal_year: int | None = None,
    options: RosterOptions | None = None,
) -> PlanDocument | None:
    """A new plan from an .xlsx roster (the first sheet with Name and Title headings)."""
    return RosterReader(report, path, template, fiscal_year, options).read_workbook(path)


def roster_headings(checked: CheckedFile) -> list[str]:
    """The headings of a roster's heading row as the file writes them (the row find_header
    picks; in a workbook, on the first sheet with data), for the user to say which is which;
    [] when the file cannot be read."""
    report = ImportReport(checked.path.name)
    rows: list[Row] = []
    if checked.kind is FileKind.TEXT:
        table = read_csv_table(checked, report, has_known_headings)
        rows = [] if table is None else table.rows[:HEADER_SCAN_ROWS]
    else:
        book = open_workbook(checked.path, report)
        if book is None:
            return []
        with book:
            try:
                for name in book.sheet_names:
                    rows = book.head(name, HEADER_SCAN_ROWS)
                    if find_header(rows) is not None:
                        break
            except Exception:  # calamine's own errors: the import itself will report them
                return []
    header = find_header(rows)
    if header is None:
        return []
    return [text for text in (cell_text(cell) for cell in rows[header]) if text]
