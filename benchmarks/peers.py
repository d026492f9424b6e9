"""The peers: the same work done by other tools, timed in the same run on the same data.

- Graphviz `dot` lays out the same reporting tree (positions as fixed-size boxes, straight
  edges: its cheapest setting, so the comparison is the hardest for RevOrg);
- openpyxl's write-only mode writes the same cells as RevOrg's Excel export (values and
  formulas, without styles, tables, validations or the chart);
- openpyxl's read-only mode reads the same roster workbook that RevOrg imports;
- plain sqlite3 `executemany` writes the same rows, with the same schema, to a new file.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]

# Card size and gaps of the chart (revorg.gui.chart.layout.LayoutMetrics), in inches at 96 dpi.
DOT_HEADER = """digraph org {
  graph [rankdir=TB, splines=line, nodesep=0.29, ranksep=0.58];
  node [shape=box, fixedsize=true, width=2.29, height=0.875, label=""];
  edge [arrowhead=none];
"""


def write_dot(parent: Mapping[int, int | None], path: Path) -> int:
    """The reporting tree as a DOT graph: one node per position, one edge per reporting line.
    Returns the number of edges."""
    lines = [DOT_HEADER]
    lines.extend(f"  p{position_id};\n" for position_id in parent)
    edges = [(manager, report) for report, manager in parent.items() if manager is not None]
    lines.extend(f"  p{manager} -> p{report};\n" for manager, report in edges)
    lines.append("}\n")
    path.write_text("".join(lines), encoding="utf-8")
    return len(edges)


@dataclass(frozen=True)
class DotRun:
    seconds: float | None  # None: it did not finish within the time limit
    limit: float


def dot_path() -> str | None:
    return shutil.which("dot")


def run_dot(dot_file: Path, timeout: float) -> DotRun:
    """`dot -Tplain` (positions only, no drawing) on the file; the time until it exits."""
    dot = dot_path()
    assert dot is not None
    start = time.perf_counter()
    try:
        subprocess.run(
            [dot, "-Tplain", str(dot_file)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=timeout,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return DotRun(None, timeout)
    return DotRun(time.perf_counter() - start, timeout)


# --- openpyxl ---------------------------------------------------------------------------------

Sheets = list[tuple[str, list[tuple[Any, ...]]]]


def workbook_cells(path: Path) -> Sheets:
    """Every sheet's rows of values and formulas, as openpyxl reads them back."""
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        return [
            (sheet.title, [tuple(row) for row in sheet.iter_rows(values_only=True)])
            for sheet in workbook.worksheets
        ]
    finally:
        workbook.close()


def count_cells(sheets: Sheets) -> int:
    return sum(1 for _title, rows in sheets for row in rows for value in row if value is not None)


def write_only_workbook(sheets: Sheets, path: Path) -> None:
    """openpyxl's write-only mode writing the same cells (the peer of the Excel export)."""
    workbook = openpyxl.Workbook(write_only=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)


def read_only_workbook(path: Path) -> int:
    """openpyxl's read-only mode reading every cell of the first sheet (the roster's peer)."""
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        count = 0
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            count += len(row)
        return count
    finally:
        workbook.close()


def write_roster_workbook(header: Sequence[str], rows: Sequence[Sequence[Any]], path: Path) -> None:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Roster")
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)


# --- sqlite3 ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanRows:
    schema: list[str]  # CREATE statements, in the order the plan file has them
    tables: list[tuple[str, list[str], list[tuple[Any, ...]]]]  # (table, columns, rows)

    @property
    def row_count(self) -> int:
        return sum(len(rows) for _table, _columns, rows in self.tables)


def plan_rows(plan_file: Path) -> PlanRows:
    """The schema and every row of a saved plan, as plain sqlite3 reads them."""
    connection = sqlite3.connect(plan_file)
    try:
        schema = [
            sql
            for (sql,) in connection.execute(
                "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
            )
        ]
        tables = []
        names = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY rowid"
        )
        for (name,) in names.fetchall():
            cursor = connection.execute(f'SELECT * FROM "{name}"')
            columns = [description[0] for description in cursor.description]
            tables.append((name, columns, cursor.fetchall()))
        return PlanRows(schema, tables)
    finally:
        connection.close()


def sqlite_write(rows: PlanRows, path: Path) -> None:
    """Plain sqlite3: a new file, the same schema, executemany of the same rows, commit."""
    connection = sqlite3.connect(path)
    try:
        for statement in rows.schema:
            connection.execute(statement)
        for table, columns, values in rows.tables:
            names = ", ".join(f'"{column}"' for column in columns)
            marks = ", ".join("?" for _ in columns)
            connection.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', values)
        connection.commit()
    finally:
        connection.close()
