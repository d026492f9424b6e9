"""The outline's texts: each cell as the user reads it, a row in words for assistive
technology, and every row's texts folded for the filter. Money, months and capacities are made
once per value, and the middle columns once per shape of position (revorg.gui.panels.
outline_model reads them; the model keeps the rows, their order and the filter)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from enum import IntEnum

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
        self.search: dict[int, str] = {}  # a row's texts, folded, made when a filter asks

    def clear(self) -> None:
        """Assumptions, the fiscal year, the currency or the scenario changed."""
        self._basis = None
        self._cache = {}
        self.search = {}

    def text(self, row: PositionRow, column: Column) -> str:
        editor = self.controller.editor
        if column == Column.TITLE:
            return row.title
        if column == Column.PERSON:
            return row.person_name or translate("OutlineModel", "Open")
        if column == Column.ROLE:
            role = editor.roles_by_key().get(row.role_key)
            return role.name(editor.language) if role is not None else row.role_key
        if column == Column.DEPARTMENT:
            department = editor.departments_by_key().get(row.department_key)
            return department.name(editor.language) if department else row.department_key
        if column == Column.HEADCOUNT:
            return format_count(row.headcount)
        if column == Column.START:
            return self._month_text(row.start_month)
        if column == Column.COST:
            return self._cached(("cost", row.annual_cost), lambda: self._money(row.annual_cost))
        if column == Column.CAPACITY:
            return self._capacity_text(row)
        manager = self.controller.editor.positions().get(row.manager_id) if row.manager_id else None
        return manager.title if manager is not None else ""

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

    def _capacity_text(self, row: PositionRow) -> str:
        key = ("capacity", row.role_key, row.headcount, row.is_open, row.start_month,
               row.capacity_override)  # fmt: skip
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

    def search_texts(self) -> dict[int, str]:
        """Every row's texts in one string, folded; made for the rows not made yet. The
        middle columns (role to capacity) are made once per shape of position: a large plan
        has a few hundred shapes for tens of thousands of rows (text() for every cell of
        50,000 rows took 2.6 s)."""
        search = self.search
        positions = self.controller.editor.positions()
        missing = [row for position_id, row in positions.items() if position_id not in search]
        if not missing:
            return search
        open_word = translate("OutlineModel", "Open")
        middles: dict[tuple[object, ...], str] = {}
        middle_columns = (Column.ROLE, Column.DEPARTMENT, Column.HEADCOUNT, Column.START,
                          Column.COST, Column.CAPACITY)  # fmt: skip
        texts: list[str] = []
        for row in missing:
            shape = (row.role_key, row.department_key, row.headcount, row.start_month,
                     row.annual_cost, row.capacity_override, row.is_open)  # fmt: skip
            middle = middles.get(shape)
            if middle is None:
                middle = middles[shape] = "\n".join(self.text(row, c) for c in middle_columns)
            manager = positions.get(row.manager_id) if row.manager_id else None
            texts.append(
                "\n".join(
                    (
                        row.title,
                        row.person_name or open_word,
                        middle,
                        manager.title if manager is not None else "",
                    )
                )
            )
        # Folded in one call: a call per row was a fifth of the time.
        folded = "\x00".join(texts).casefold().split("\x00")
        search.update(zip((row.id for row in missing), folded, strict=True))
        return search
