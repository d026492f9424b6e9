"""The Org sheet: one position per row, its manager, dotted lines and values."""

from __future__ import annotations

from dataclasses import dataclass

from revorg.io.messages import Count, Listed
from revorg.io.report import Severity
from revorg.io.values import (
    DateColumn,
    DecimalMark,
    date_column,
    decimal_mark,
    parse_month,
    parse_number,
)
from revorg.io.values.flags import parse_flag
from revorg.io.xlsx_import.assumptions import AssumptionsReader
from revorg.io.xlsx_import.cells import (
    NEGATIVE_COST,
    PositionRow,
    SheetRow,
    SheetTable,
    id_list,
    is_blank,
    positive_whole,
)
from revorg.io.xlsx_layout import OPEN_WORDS, ORG, ORG_COLUMNS, fold
from revorg.model.edits import MAX_AMOUNT
from revorg.model.emails import checked_email
from revorg.model.errors import QT_TRANSLATE_NOOP, PlanEditError
from revorg.model.money import to_money
from revorg.model.org_tree import OrgTree

ORG_REQUIRED = ("id", "title", "manager_id", "person", "headcount", "start_month", "annual_cost")
OPEN_FOLDED = frozenset(fold(word) for word in OPEN_WORDS.values())


@dataclass(frozen=True)
class _OrgValues:
    """How the Org sheet's columns write dates and amounts (revorg.io.values)."""

    dates: DateColumn
    cost_mark: DecimalMark | None
    capacity_mark: DecimalMark | None

    @classmethod
    def of(cls, rows: list[SheetRow], language: str) -> _OrgValues:
        def cells(key: str) -> list[object]:
            return [row.raw(key) for row in rows]

        return cls(
            date_column(cells("start_month"), language),
            decimal_mark(cells("annual_cost")),
            decimal_mark(cells("capacity_override")),
        )


class OrgReader(AssumptionsReader):
    """The Org sheet: one position per row."""

    def _org(self) -> None:
        table = SheetTable(self, ORG, ORG_COLUMNS)
        if not table.ok(ORG_REQUIRED) or not table.ok_any(("role_key", "role")):
            return
        rows = list(table.rows())
        values = _OrgValues.of(rows, table.language())
        assumed = values.dates.note()
        if assumed is not None and values.dates.assumed is not None:
            where = rows[values.dates.assumed[0]].where("start_month")
            self.add(Severity.NOTE, assumed, where)
        positions: list[PositionRow] = []
        for row in rows:
            position = self._position(row, values)
            if position is not None:
                positions.append(position)
        self._assign_ids(positions)
        self._check_links(positions, table)
        self.content.positions = positions

    def _position(self, row: SheetRow, values: _OrgValues) -> PositionRow | None:
        errors_before = len(self.report.errors)
        identifier = row.parsed("id", positive_whole)
        if identifier is not None:
            self.id_rows.setdefault(identifier, []).append(row.number)
        manager_id = row.parsed("manager_id", positive_whole)
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
        headcount = row.parsed("headcount", positive_whole)
        start = row.parsed("start_month", lambda v: parse_month(v, values.dates, self.book.epoch))
        cost = row.parsed("annual_cost", lambda v: parse_number(v, values.cost_mark))
        if cost is not None and cost < 0:
            self.error(NEGATIVE_COST, row.where("annual_cost"), cost=cost)
        elif cost is not None and cost > MAX_AMOUNT:
            self.error(
                QT_TRANSLATE_NOOP("ImportFinding", "a cost must be at most {limit}: {cost}"),
                row.where("annual_cost"),
                limit=Count(MAX_AMOUNT),
                cost=cost,
            )
        if cost is None and is_blank(row.raw("annual_cost")):
            cost = role.default_annual_cost
            self.note(
                QT_TRANSLATE_NOOP(
                    "ImportFinding", "no cost: the role's default annual cost ({cost}) is used"
                ),
                row.where("annual_cost"),
                cost=cost,
            )
        override = row.parsed("capacity_override", lambda v: parse_number(v, values.capacity_mark))
        if override is not None and override < 0:
            self.error(
                QT_TRANSLATE_NOOP("ImportFinding", "a capacity must not be negative: {capacity}"),
                row.where("capacity_override"),
                capacity=override,
            )
        dotted = row.parsed("dotted_lines", id_list) or []
        email = self._email(row)
        staff = bool(row.parsed("staff", parse_flag))
        if len(self.report.errors) > errors_before:
            return None
        person = row.text("person")
        title = row.text("title")
        if not title:
            title = role.names.get("en") or role.key
        return PositionRow(
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
            email=email,
            staff=staff and manager_id is not None,
        )

    def _email(self, row: SheetRow) -> str | None:
        """The person's email (revorg.model.emails); one that is not an address is left out
        with a warning, as the roster import does."""
        written = row.text("email")
        try:
            return checked_email(written)
        except PlanEditError:
            self.warning(
                QT_TRANSLATE_NOOP(
                    "ImportFinding", "{email} is not an email address (one @ needed): left out"
                ),
                row.where("email"),
                email=repr((written or "").strip()),
            )
            return None

    def _assign_ids(self, positions: list[PositionRow]) -> None:
        taken = [p.id for p in positions if p.id is not None]
        next_id = max(taken, default=0) + 1
        for position in positions:
            if position.id is None:
                position.id = next_id
                next_id += 1

    def _check_links(self, positions: list[PositionRow], table: SheetTable) -> None:
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
        by_id: dict[int, PositionRow] = {}
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
        for cycle in cycles(by_id):
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


def cycles(by_id: dict[int, PositionRow]) -> list[list[PositionRow]]:
    """Every reporting cycle of two or more rows once, each as its members in reporting order
    (a self-report is found and reported on its own row)."""
    tree = OrgTree.of_links((i, row.manager_id) for i, row in by_id.items())
    return [[by_id[i] for i in cycle] for cycle in tree.cycles() if len(cycle) > 1]
