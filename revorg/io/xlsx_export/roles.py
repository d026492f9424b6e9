"""The Roles sheet: the plan's role catalogue, with each role's full-year capacity computed
from the Assumptions sheet (the capacity rule's twins), and the hidden Lists sheet that holds
the drop-down lists' values."""

from __future__ import annotations

from typing import Any

from revorg.io.xlsx_export.book import Book
from revorg.io.xlsx_export.capacity_formulas import role_formulas
from revorg.io.xlsx_export.cells import append_all, number
from revorg.io.xlsx_layout import LISTS, ROLE_COLUMNS, ROLE_LETTERS, ROLE_TABLE, ROLES
from revorg.model.catalogue import CAPACITY_KINDS, FUNNEL_STAGES


def write_roles(book: Book) -> None:
    sheet = book.sheets[ROLES]
    styles = book.styles
    letter_of = ROLE_LETTERS
    roles = book.data.roles
    headings = book.list_sheet_header(ROLES, ROLE_COLUMNS, letter_of, "B2", len(roles))
    english, own = letter_of["name_en"], letter_of[f"name_{book.language}"]
    name_formula = (
        f'={english}{{r}}&""'
        if own == english
        else f'=IF(TRIM({own}{{r}})="",{english}{{r}},{own}{{r}})&""'
    )
    capacity = role_formulas()
    for r, role in enumerate(roles, start=2):
        f = {key: formula.format(r=r) for key, formula in capacity.items()}
        sheet.append(
            [
                book.user_text(ROLES, role.key),
                name_formula.format(r=r),
                book.user_text(ROLES, role.name_en),
                book.user_text(ROLES, role.name_es),
                book.user_text(ROLES, role.name_zh),
                book.user_text(ROLES, role.department_key),
                book.user_text(ROLES, role.funnel_stage),
                book.user_text(ROLES, role.capacity_kind),
                bool(role.is_leader),
                bool(role.is_custom),
                book.cell(ROLES, number(role.default_annual_cost), styles.money),
                f["metric"],
                f["factor"],
                book.cell(ROLES, f["attainment"], styles.percent),
                book.cell(ROLES, f["full_year"], styles.number),
                f["ramp"],
                book.cell(ROLES, f["annual_attrition"], styles.percent),
                f["backfill_months"],
                book.cell(ROLES, f["quota"], styles.number),
                book.user_text(ROLES, role.short_en),
                book.user_text(ROLES, role.short_es),
                book.user_text(ROLES, role.short_zh),
                book.user_text(ROLES, role.description_en),
                book.user_text(ROLES, role.description_es),
                book.user_text(ROLES, role.description_zh),
            ]
        )
    book.table(sheet, ROLE_TABLE, ROLE_COLUMNS, headings, max(len(roles) + 1, 2))
    last = book.role_range_last
    book.validate_list(
        sheet,
        f"Lists!$A$2:$A${book.departments_last}",
        letter_of["department"],
        last,
        strict=True,
    )
    book.validate_list(
        sheet, f"Lists!$C$2:$C${len(CAPACITY_KINDS) + 1}", letter_of["kind"], last, strict=True
    )
    book.validate_list(
        sheet, f"Lists!$D$2:$D${len(FUNNEL_STAGES) + 1}", letter_of["funnel_stage"], last
    )


def write_lists(book: Book) -> None:
    sheet = book.sheets[LISTS]
    sheet.sheet_state = "hidden"
    departments = book.data.departments
    rows: list[list[Any]] = [
        [
            book.text("department_key"),
            book.text("department"),
            book.text("capacity_kinds"),
            book.text("funnel_stage"),
        ]
    ]
    for index in range(max(len(departments), len(CAPACITY_KINDS), len(FUNNEL_STAGES))):
        department = departments[index] if index < len(departments) else None
        rows.append(
            [
                None if department is None else department.key,
                None if department is None else department.name(book.language),
                str(CAPACITY_KINDS[index]) if index < len(CAPACITY_KINDS) else None,
                FUNNEL_STAGES[index] if index < len(FUNNEL_STAGES) else None,
            ]
        )
    append_all(sheet, rows)
