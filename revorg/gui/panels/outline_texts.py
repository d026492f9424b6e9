"""The outline's texts: each cell as the user reads it, and a row in words for assistive
technology. Money, months and capacities are made once per value (revorg.gui.panels.
outline_model reads them; the model keeps the rows, their order and the filter, which
outline_search applies)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from enum import IntEnum
from operator import attrgetter
from typing import Any

from revorg.gui.controller import PlanController
from revorg.gui.i18n import fill, month_label, translate
from revorg.gui.numbers import format_count, format_exact, format_money
from revorg.model.capacity import position_capacity
from revorg.model.capacity.rule import MONEY_KINDS, has_capacity, kind_of
from revorg.model.months import YearMonth
from revorg.model.rows import PositionRow
from revorg.model.summary import totals_basis
from revorg.model.totals import TotalsBasis
from revorg.model.vocabulary import CapacityKind

# What a position's capacity text depends on: positions alike in these have the same text.
CAPACITY_FIELDS = ("role_key", "headcount", "is_open", "start_month", "capacity_override")
capacity_key = attrgetter(*CAPACITY_FIELDS)


class Column(IntEnum):
    TITLE = 0
    PERSON = 1
    ROLE = 2
    DEPARTMENT = 3
    HEADCOUNT = 4
    START = 5
    COST = 6
    CAPACITY = 7
    MANAGER = 8


def column_titles() -> list[str]:
    return [
        translate("OutlineModel", "Title"),
        translate("OutlineModel", "Person"),
        translate("OutlineModel", "Role"),
        translate("OutlineModel", "Department"),
        translate("OutlineModel", "Headcount"),
        translate("OutlineModel", "Starts"),
        translate("OutlineModel", "Cost per head"),
        translate("OutlineModel", "Capacity"),
        translate("OutlineModel", "Manager"),
    ]


class OutlineTexts:
    """The texts of one controller's plan, made when asked and kept until `clear`."""

    def __init__(self, controller: PlanController) -> None:
        self.controller = controller
        self.titles = column_titles()
        self._basis: TotalsBasis | None = None
        self._cache: dict[tuple[object, ...], str] = {}  # money, months, capacities by value

    def clear(self) -> None:
        """Assumptions, the fiscal year, the currency or the scenario changed."""
        self._basis = None
        self._cache = {}

    def text(self, row: PositionRow, column: Column) -> str:
        if column == Column.TITLE:
            return row.title
        if column == Column.PERSON:
            return row.person_name or self.open_word()
        if column == Column.ROLE:
            return self.field_text(column, row.role_key)
        if column == Column.DEPARTMENT:
            return self.field_text(column, row.department_key)
        if column == Column.HEADCOUNT:
            return format_count(row.headcount)
        if column == Column.START:
            return self._month_text(row.start_month)
        if column == Column.COST:
            return self.field_text(column, row.annual_cost)
        if column == Column.CAPACITY:
            return self.capacity_text(row)
        manager = self.controller.editor.positions().get(row.manager_id) if row.manager_id else None
        return manager.title if manager is not None else ""

    def field_text(self, column: Column, value: Any) -> str:
        """The text of a column made from one field of the position (title to cost), from
        that field's value: the filter compares each distinct value once."""
        editor = self.controller.editor
        if column == Column.ROLE:
            role = editor.roles_by_key().get(value)
            return role.name(editor.language) if role is not None else str(value)
        if column == Column.DEPARTMENT:
            department = editor.departments_by_key().get(value)
            return department.name(editor.language) if department else str(value)
        if column == Column.HEADCOUNT:
            return format_count(value)
        if column == Column.START:
            return self._month_text(value)
        if column == Column.COST:
            withheld = self.controller.document.without_salaries
            return self._cached(("cost", value, withheld), lambda: self._cost(value))
        if column == Column.TITLE:
            return str(value)
        raise ValueError(f"{column.name} is not made from one field")

    def open_word(self) -> str:
        """The Person column of an open position."""
        return translate("OutlineModel", "Open")

    def row_text(self, row: PositionRow) -> str:
        """Every column's text, for a tooltip and assistive technology."""
        labelled = translate("OutlineModel", "%1: %2")  # a column's heading and its text
        return translate("OutlineModel", "; ").join(
            fill(labelled, self.titles[column], text)
            for column in Column
            if (text := self.text(row, column))
        )

    def edit_text(self, row: PositionRow, column: Column) -> str:
        if column == Column.PERSON:
            return row.person_name or ""
        if column == Column.COST:
            return format_exact(row.annual_cost, 2)
        if column == Column.START:
            return "" if row.start_month is None else str(row.start_month)
        return self.text(row, column)

    def _cached(self, key: tuple[object, ...], make: Callable[[], str]) -> str:
        text = self._cache.get(key)
        if text is None:
            text = self._cache[key] = make()
        return text

    def _money(self, amount: Decimal) -> str:
        return format_money(amount, self.controller.editor.scenario.plan.currency)

    def _cost(self, amount: Decimal) -> str:
        return self.controller.salary_money(amount, self.controller.editor.scenario.plan.currency)

    def _month_text(self, month: YearMonth | None) -> str:
        if month is None:
            return self._cached(("month", None), lambda: translate("OutlineModel", "In seat"))
        return self._cached(("month", month), lambda: month_label(month))

    def basis(self) -> TotalsBasis:
        if self._basis is None:
            editor = self.controller.editor
            self._basis = totals_basis(editor.session, editor.scenario)
        return self._basis

    def capacity_of(self, row: PositionRow) -> tuple[str, Decimal] | None:
        """What a position delivers in the fiscal year (the capacity rule's figure) and its
        kind; None for roles without capacity (leaders, support)."""
        basis = self.basis()
        kind = kind_of(row.role_key, basis.kinds)
        if not has_capacity(kind):
            return None
        return kind, position_capacity(row, kind, basis.assumptions, basis.fiscal)

    def capacity_text(self, row: PositionRow) -> str:
        key = ("capacity", capacity_key(row))
        return self._cached(key, lambda: self._capacity_words(row))

    def _capacity_words(self, row: PositionRow) -> str:
        found = self.capacity_of(row)
        if found is None:
            return ""
        kind, value = found
        if kind in MONEY_KINDS:
            return self._money(value)
        count = format_count(value.quantize(Decimal(1)))
        if kind == CapacityKind.MEETINGS:
            return fill(translate("OutlineModel", "%1 meetings"), count)
        return fill(translate("OutlineModel", "%1 leads"), count)
