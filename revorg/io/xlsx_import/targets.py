"""The Targets sheet: the plan and driver cells, found through their defined names."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from openpyxl.utils.cell import coordinate_to_tuple  # type: ignore[import-untyped]

from revorg.io.values import parse_number, parse_rate_value, parse_whole
from revorg.io.xlsx_import.cells import Where, as_text
from revorg.io.xlsx_import.sheets import SheetReader
from revorg.io.xlsx_layout import DRIVER_NAMES, INPUT_NAMES, TARGETS
from revorg.model.currencies import find_currency
from revorg.model.errors import QT_TRANSLATE_NOOP, PlanEditError
from revorg.model.money import to_money
from revorg.model.planning import plain_decimal
from revorg.model.seasonality import MONTHS, Seasonality

SEASONALITY_NAME = "SeasonalityWeights"  # the Year plan sheet's twelve weights


def to_percent(share: Decimal) -> Decimal:
    """A weight read as a share of the year (0.05, or "5%") in percent, to the hundredth as
    typed (a float cell holds 0.0833 as 0.08330000000000001)."""
    return plain_decimal((share * 100).quantize(Decimal("0.0001")))


DRIVER_INPUTS = frozenset(name for name, _label in DRIVER_NAMES)


class TargetsReader(SheetReader):
    """The Targets sheet's named cells."""

    def _targets(self) -> None:
        content = self.content
        names = self.book.workbook.defined_names
        values: dict[str, tuple[Any, Where]] = {}
        for name in INPUT_NAMES:
            place = self._named_cell(names, name)
            if place is None:
                continue
            sheet, row, column, heading = place
            values[name] = (
                self.book.value(sheet, row, column),
                Where(sheet, row, f"{heading} ({name})"),
            )

        def text(name: str) -> str | None:
            if name not in values:
                return None
            value, where = values[name]
            return self.parsed(value, where, as_text)  # type: ignore[no-any-return]

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
        if find_currency(currency) is not None:
            content.currency = currency
        else:
            self.warning(
                QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "the currency {currency} is not an ISO 4217 code: EUR is used",
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

    def _seasonality(self) -> None:
        """The twelve weights of the Year plan sheet (workbooks from before it have none: flat).
        Weights that do not make a year are reported and the plan is flat."""
        defined = self.book.workbook.defined_names.get(SEASONALITY_NAME)
        if defined is None:
            return
        try:
            ((sheet, reference),) = list(defined.destinations)
            first, last = reference.replace("$", "").split(":")
            row, column = coordinate_to_tuple(first)
            last_row, last_column = coordinate_to_tuple(last)
        except (ValueError, TypeError):
            last_row = last_column = row = column = 0
            sheet = ""
        if sheet not in self.book.workbook.sheetnames or (row, last_column - column) != (
            last_row,
            MONTHS - 1,
        ):
            self.warning(
                QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "the defined name {name} does not name twelve cells of one row: the "
                    "seasonality is flat",
                ),
                name=SEASONALITY_NAME,
            )
            return
        where = Where(sheet, row, SEASONALITY_NAME)
        weights = [
            self.parsed(self.book.value(sheet, row, column + month), where, parse_rate_value)
            for month in range(MONTHS)
        ]
        if any(weight is None for weight in weights):
            return  # reported by parsed()
        try:
            seasonality = Seasonality.of(tuple(to_percent(weight) for weight in weights))
        except PlanEditError as refused:
            self.warning(
                QT_TRANSLATE_NOOP("ImportFinding", "{reason}: the seasonality is flat"),
                where,
                reason=str(refused),
            )
            return
        self.content.seasonality = seasonality.to_text()

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
