"""The Org sheet: one row per position (an Excel table), in chart order, with its cost and
capacity computed by formulas from the Roles and Assumptions sheets."""

from __future__ import annotations

import datetime
from typing import Any

from openpyxl.cell.cell import Cell  # type: ignore[import-untyped]

from revorg.io.xlsx_export.book import Book
from revorg.io.xlsx_export.capacity_formulas import position_formulas
from revorg.io.xlsx_export.cells import formula_text, number, set_dimension
from revorg.io.xlsx_layout import OPEN_WORDS, ORG, ORG_COLUMNS, ORG_LETTERS, ORG_TABLE


def org_formulas(not_found: str) -> dict[str, str]:
    """The Org sheet's formulas by column key, with "{r}" for the row: the names of the role
    and the manager, cost, whether the seat is open, and the capacity rule's twins."""
    c = {key: f"{letter}{{r}}" for key, letter in ORG_LETTERS.items()}
    person, role, manager = c["person"], c["role_key"], c["manager_id"]
    open_test = ",".join(f"TRIM({person})={formula_text(word)}" for word in OPEN_WORDS.values())
    return {
        "role": f'=IFERROR(INDEX(RoleName,MATCH({role},RoleKey,0))&"","")',
        "manager": f'=IF({manager}="","",IFERROR(INDEX(OrgTitle,MATCH({manager},OrgID,0))'
        f'&" ("&INDEX(OrgPerson,MATCH({manager},OrgID,0))&")",{formula_text(not_found)}))',
        "cost_year": f"=ROUND({c['annual_cost']}*{c['headcount']}*{c['months_in_seat']}/12,2)",
        "open": f"=IF(OR({open_test}),1,0)",
        "monthly_cost": f"={c['annual_cost']}*{c['headcount']}/12",
        **position_formulas(),
    }


def write_org(book: Book) -> None:
    sheet = book.sheets[ORG]
    styles = book.styles
    letter_of = ORG_LETTERS
    for column in ORG_COLUMNS:
        dimension = sheet.column_dimensions[letter_of[column.key]]
        dimension.width = column.width
        if column.hidden:
            dimension.hidden = True
    sheet.freeze_panes = "C2"
    headings = [book.text(column.key) for column in ORG_COLUMNS]
    set_dimension(sheet, len(book.data.positions) + 1, len(ORG_COLUMNS))
    sheet.append([book.cell(ORG, heading, styles.header) for heading in headings])
    open_word = OPEN_WORDS[book.language]
    staff_word = book.text("staff_yes")
    formulas = org_formulas(book.text("not_found"))
    formula_keys, joined = list(formulas), "\x00".join(formulas.values())
    dotted = book.data.dotted
    month, money, decimal = styles.month, styles.money, styles.number

    # A write-only sheet writes each row out as it is appended: one styled cell per column
    # serves every row (making three cells a row was a tenth of the export).
    start_cell, cost_cell, year_cell, override_cell = (
        Cell(sheet, 1, 1, style_array=style) for style in (month, money, money, decimal)
    )

    def styled(cell: Cell, value: Any) -> Cell:
        cell.value = value
        return cell

    # Role and department keys repeat on every row: check each distinct text once.
    user_texts: dict[str | None, Any] = {}

    def repeated_text(value: str | None) -> Any:
        if value not in user_texts:
            user_texts[value] = book.user_text(ORG, value)
        return user_texts[value]

    for r, position in enumerate(book.data.positions, start=2):
        f = dict(zip(formula_keys, joined.format(r=r).split("\x00"), strict=True))
        start = position.start_month
        override = position.capacity_override
        targets = dotted.get(position.id)
        sheet.append(
            [
                position.id,
                book.user_text(ORG, position.title),
                repeated_text(position.role_key),
                f["role"],
                repeated_text(position.department_key),
                position.manager_id,
                f["manager"],
                open_word if position.is_open else book.user_text(ORG, position.person_name),
                position.headcount,
                None
                if start is None
                else styled(start_cell, datetime.date(start.year, start.month, 1)),
                styled(cost_cell, number(position.annual_cost)),
                styled(year_cell, f["cost_year"]),
                f["capacity"],
                f["kind"],
                None if override is None else styled(override_cell, number(override)),
                book.user_text(ORG, position.notes),
                ", ".join(str(t) for t in sorted(targets)) if targets else None,
                f["open"],
                f["offset"],
                f["months_in_seat"],
                f["ramp"],
                f["full_year"],
                f["ramped_months"],
                f["monthly_cost"],
                f["monthly_capacity"],
                f["capacity_attrition"],
                f["backfill_months"],
                f["replacement_ramp"],
                f["months_lost"],
                f["leavers"],
                f["capacity_lost"],
                f["assigned_quota"],
                book.user_text(ORG, position.lineage),
                book.user_text(ORG, position.email),
                staff_word if position.staff else None,
            ]
        )
    book.table(sheet, ORG_TABLE, ORG_COLUMNS, headings, max(book.org_last, 2))
    last = book.org_range_last
    book.validate_list(sheet, f"Roles!$A$2:$A${book.role_range_last}", letter_of["role_key"], last)
    book.validate_list(
        sheet,
        f"Lists!$A$2:$A${book.departments_last}",
        letter_of["department"],
        last,
        strict=True,
    )
    book.validate_list(sheet, f"$A$2:$A${last}", letter_of["manager_id"], last)
    book.validate_number(sheet, "whole", "1", letter_of["headcount"], last)
    book.validate_number(sheet, "decimal", "0", letter_of["annual_cost"], last)
    book.validate_number(sheet, "decimal", "0", letter_of["capacity_override"], last)
