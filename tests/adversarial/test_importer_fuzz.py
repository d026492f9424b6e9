"""Fuzzing the importers: whatever the file, `import_plan` ends in a plan (with its report) or
an ImportRefusedError, never another exception, never a hang, and the command line never
shows a traceback.

- generated HR rosters, as CSV (three delimiters, four encodings) and as .xlsx: headings in
  English and Spanish (and unknown ones, duplicated or missing), cells with text in numbers,
  negative and huge amounts, dates in odd formats, unicode, formulas and DDE payloads, blank
  rows, managers that form loops, duplicated names and ids;
- a real export of the demo plan, mutated: bytes flipped or the file truncated; zip members
  truncated, garbled or deleted; cells given values of the wrong type, sheets deleted or
  renamed, defined names deleted, renamed or pointed elsewhere (with openpyxl).

Crashes already reported are counted, not failed (fuzzing.KNOWN_BUGS); each has a strict
xfail test at the end of this module.
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
import zlib
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import openpyxl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from revorg.io.importers import import_plan
from revorg.io.report import ImportRefusedError
from revorg.io.xlsx_layout import ORG, ORG_LETTERS
from tests.adversarial.fuzzing import (
    import_outcome,
    reproducible_export,
    rezip,
    zip_members,
)
from tests.conftest import CliRunner

QUICK = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
MANY = settings(QUICK, max_examples=300, derandomize=False)


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return reproducible_export(tmp_path_factory.mktemp("export") / "demo.xlsx")


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder per module for the generated files (hypothesis reuses fixtures)."""
    return tmp_path_factory.mktemp("fuzz")


# --- rosters -------------------------------------------------------------------------------

HEADINGS = [
    "Name", "Nombre", "Full name", "Employee", "Nombre completo", "Last name", "Apellidos",
    "Title", "Puesto", "Cargo", "Job title", "Rol", "Manager", "Responsable", "Jefe",
    "Reports to", "Jefe directo", "Department", "Departamento", "Área", "Area", "Team",
    "Start date", "Fecha de inicio", "Fecha alta", "Hire date", "Cost", "Salary", "Salario",
    "Coste", "Sueldo anual", "Salary (EUR)", "Email", "Correo", "Correo electrónico", "Id",
    "Employee ID", "Número de empleado", "姓名", "职位", "", "Notes", "Ünknown ☃",
]  # fmt: skip
PEOPLE = ["Ana", "Luis", "María José", "Zoë", "李雷", "ana", "Ana ", "O'Brien", "=Ana"]
TITLES = [
    "CRO", "Chief Revenue Officer", "SDR", "Account Executive", "Ejecutivo de cuentas",
    "Ejecutiva de Cuentas Senior", "CSM", "Customer Success Manager", "VP Sales",
    "Director de Marketing", "客户成功经理", "Growth Hacker", "Analista de datos", "",
]  # fmt: skip
ODD_TEXTS = [
    "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\",\"y\")", "+1 555 0100", "-2+3", "@SUM(A1)",
    "\t=1+1", "\r=1+1", "1.234,56", "€ 50.000", "50k", "USD 70,000", "-5", "1e400", "NaN",
    "0x1F", "2027-02-30", "31/12/2027", "12/31/27", "2027-13-01", "1 de marzo de 2027",
    "Mar 2027", "marzo 2027", "ayer", "45000", "../../etc/passwd", "/etc/passwd",
    "file:///etc/passwd", "a@b", "ana@example.com", "\u202egnp.exe", "null", "#REF!",
    "x" * 5000,
]  # fmt: skip

plain_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
cells = st.one_of(
    st.sampled_from(PEOPLE),
    st.sampled_from(TITLES),
    st.sampled_from(ODD_TEXTS),
    plain_text,
    st.integers(-(10**25), 10**25),
    st.integers(0, 40),  # ids that other rows can point at: duplicates and loops
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(datetime.date(1899, 12, 31), datetime.date(9999, 12, 31)),
    st.none(),
)


FIELD_HEADINGS = {
    "name": ["Name", "Nombre", "Full name", "Employee", "Nombre completo", "姓名"],
    "title": ["Title", "Puesto", "Cargo", "Job title", "Rol", "职位"],
    "manager": ["Manager", "Responsable", "Jefe", "Reports to", "Jefe directo"],
    "department": ["Department", "Departamento", "Área", "Area", "Team"],
    "start": ["Start date", "Fecha de inicio", "Fecha alta", "Hire date"],
    "cost": ["Cost", "Salary", "Salario", "Coste", "Sueldo anual", "Salary (EUR)"],
    "email": ["Email", "Correo", "Correo electrónico"],
    "id": ["Id", "Employee ID", "Número de empleado"],
}
DEPARTMENTS = ["Sales", "Ventas", "Marketing", "Customer Success", "Éxito del cliente", "RevOps"]


@st.composite
def plausible_value(draw: st.DrawFn, field: str, row: int, fields: list[str]) -> Any:
    """What an HR system would put in the column for person number `row`."""
    if field == "name":
        return f"{draw(st.sampled_from(PEOPLE))} {row}" if row % 7 == 6 else f"Persona {row}"
    if field == "title":
        return draw(st.sampled_from([title for title in TITLES if title]))
    if field == "manager":
        if row == 0:
            return None
        boss = draw(st.integers(0, row - 1))
        ways = ["name"] + [way for way in ("id", "email") if way in fields]
        way = draw(st.sampled_from(ways))
        if way == "id":
            return boss + 1
        if way == "email":
            return f"p{boss}@example.com"
        return f"Persona {boss}" if boss % 7 != 6 else None
    if field == "department":
        return draw(st.sampled_from(DEPARTMENTS))
    if field == "start":
        return draw(
            st.sampled_from(["2027-03-01", "01/04/2027", "2026-11-15", None])
            | st.dates(datetime.date(2020, 1, 1), datetime.date(2030, 12, 31))
        )
    if field == "cost":
        return draw(st.integers(20000, 300000) | st.sampled_from(["65.000", "70,000.50", None]))
    if field == "email":
        return f"p{row}@example.com"
    return row + 1  # id


@st.composite
def rosters(draw: st.DrawFn) -> list[list[Any]]:
    """A roster an HR system could export (headings in English or Spanish, managers by name,
    id or email), then damaged: odd cells, unknown or missing headings, junk or blank rows,
    duplicated people, managers that loop."""
    others = st.lists(st.sampled_from(sorted(set(FIELD_HEADINGS) - {"name", "title"})), unique=True)
    fields = draw(st.permutations(["name", "title", *draw(others)]))
    headings: list[Any] = [draw(st.sampled_from(FIELD_HEADINGS[field])) for field in fields]
    count = draw(st.integers(1, 25))
    body = [[draw(plausible_value(f, row, fields)) for f in fields] for row in range(count)]
    for _ in range(draw(st.integers(0, 4))):  # odd cells
        if body:
            row = draw(st.integers(0, len(body) - 1))
            column = draw(st.integers(0, len(fields)))
            value = draw(cells)
            body[row][column : column + 1] = [value]
    if draw(st.integers(0, 4)) == 0:  # a heading nobody knows, or a missing one
        headings[draw(st.integers(0, len(headings) - 1))] = draw(
            st.sampled_from(HEADINGS) | plain_text
        )
    if body and draw(st.integers(0, 4)) == 0:  # the same person twice
        body.append(list(draw(st.sampled_from(body))))
    if len(body) > 2 and "manager" in fields and draw(st.integers(0, 4)) == 0:  # a loop
        body[0][fields.index("manager")] = body[-1][fields.index("name")]
    for _ in range(draw(st.integers(0, 3))):  # blank rows
        body.insert(draw(st.integers(0, len(body))), [])
    junk = [draw(st.lists(cells, max_size=3)) for _ in range(draw(st.integers(0, 5)) // 4)]
    return [*junk, headings, *body]


def as_text(value: Any) -> str:
    return "" if value is None else str(value)


def write_csv(rows: list[list[Any]], path: Path, delimiter: str, encoding: str) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([as_text(v) for v in row] for row in rows)
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    return path


def write_xlsx(rows: list[list[Any]], path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row_number, row in enumerate(rows, 1):
        for column, value in enumerate(row, 1):
            try:
                sheet.cell(row_number, column).value = value
            except (IllegalCharacterError, ValueError, TypeError):
                sheet.cell(row_number, column).value = repr(value)
    book.save(path)
    return path


@QUICK
@given(
    roster=rosters(),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
)
def test_generated_csv_rosters(
    work: Path, roster: list[list[Any]], delimiter: str, encoding: str
) -> None:
    path = write_csv(roster, work / "roster.csv", delimiter, encoding)
    event(import_outcome(path, work / "roster-csv.revorg"))


@QUICK
@given(roster=rosters())
def test_generated_xlsx_rosters(work: Path, roster: list[list[Any]]) -> None:
    path = write_xlsx(roster, work / "roster.xlsx")
    event(import_outcome(path, work / "roster-xlsx.revorg"))


@pytest.mark.slow
@MANY
@given(
    roster=rosters(),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
    as_workbook=st.booleans(),
)
def test_many_generated_rosters(
    work: Path, roster: list[list[Any]], delimiter: str, encoding: str, as_workbook: bool
) -> None:
    if as_workbook:
        path = write_xlsx(roster, work / "many.xlsx")
    else:
        path = write_csv(roster, work / "many.csv", delimiter, encoding)
    event(import_outcome(path, work / "many.revorg"))


def test_a_roster_with_a_reporting_loop_and_duplicates_is_refused_with_rows(
    tmp_path: Path,
) -> None:
    path = tmp_path / "loop.csv"
    path.write_text(
        "Id,Nombre,Puesto,Responsable\n1,Ana,CRO,3\n2,Luis,AE,1\n3,Eva,SDR,2\n3,Eva,SDR,2\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportRefusedError) as refused:
        import_plan(path, "demo", 2027)
    assert all(finding.row is not None for finding in refused.value.report.errors)


# --- mutated exports -----------------------------------------------------------------------


byte_changes = st.lists(
    st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=12
)


def flipped(data: bytes, changes: list[tuple[float, int]], keep: float | None) -> bytes:
    mutated = bytearray(data)
    for where, value in changes:
        mutated[int(where * len(mutated))] = value
    if keep is not None:
        mutated = mutated[: int(keep * len(mutated))]
    return bytes(mutated)


@QUICK
@given(changes=byte_changes, keep=st.none() | st.floats(0, 1))
def test_exports_with_flipped_bytes_or_truncated(
    export: Path, work: Path, changes: list[tuple[float, int]], keep: float | None
) -> None:
    path = work / "flipped.xlsx"
    path.write_bytes(flipped(export.read_bytes(), changes, keep))
    event(import_outcome(path, work / "flipped.revorg"))


MEMBER_OPERATIONS = ("truncate", "garble", "delete", "empty", "not xml")


@st.composite
def member_mutations(draw: st.DrawFn, names: list[str]) -> list[tuple[str, str, Any]]:
    return draw(
        st.lists(
            st.tuples(
                st.sampled_from(names),
                st.sampled_from(MEMBER_OPERATIONS),
                st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.sampled_from(
                    [b"<", b">", b"/", b'"', b"'", b"=", b"&", b";", b"x", b"0", b" ", b"\xff",
                     b"-1", b"1E+308", b"&amp;", b"</row>", b"<c>", b'r="A0"', b't="s"']
                )), min_size=1, max_size=6),
            ),
            min_size=1,
            max_size=3,
        )
    )  # fmt: skip


def mutate_members(members: dict[str, bytes], mutations: list[tuple[str, str, Any]]) -> bytes:
    members = dict(members)
    for name, operation, pieces in mutations:
        if name not in members:
            continue
        content = members[name]
        if operation == "delete":
            del members[name]
        elif operation == "empty":
            members[name] = b""
        elif operation == "not xml":
            members[name] = b"PK\x03\x04 this is not XML"
        elif operation == "truncate":
            members[name] = content[: int(pieces[0][0] * len(content))]
        else:
            garbled = bytearray(content)
            for where, piece in pieces:
                at = int(where * len(garbled))
                garbled[at : at + len(piece)] = piece
            members[name] = bytes(garbled)
    return rezip(members)


@QUICK
@given(data=st.data())
def test_exports_with_damaged_parts(export: Path, work: Path, data: st.DataObject) -> None:
    members = zip_members(export.read_bytes())
    mutations = data.draw(member_mutations(sorted(members)), label="mutations")
    path = work / "parts.xlsx"
    path.write_bytes(mutate_members(members, mutations))
    event(import_outcome(path, work / "parts.revorg"))


WRONG_VALUES = [
    None, "", " ", "text", -1, -0.5, 0, 10**6, 1e15, True, False, float("inf"),
    datetime.datetime(1900, 1, 1), datetime.datetime(9999, 12, 31), datetime.time(13, 5),
    "=1/0", "=cmd|' /C calc'!A0", "#REF!", "#N/A", "Ñandú 数据", "2027-13", "Open", "Vacante",
    "1;2;999", "x" * 33000,
]  # fmt: skip
TARGETS_OF_NAMES = [
    "#REF!", "Org!$A$1:$A$0", "'Nope'!$A$1", "Targets!$ZZ$99999", "1+1", "[1]Sheet1!$A$1",
    "'/etc/passwd'!$A$1", "'file:///etc/passwd'#$A$1", "Targets!$B$2:$B$9", "Org!$A:$A",
]  # fmt: skip
CELL_OPERATIONS = ("set cell", "delete sheet", "rename sheet", "delete name", "rename name",
                   "retarget name", "delete rows")  # fmt: skip


CellStep = tuple[str, int, int, int, Any]


@st.composite
def cell_mutations(draw: st.DrawFn) -> list[CellStep]:
    """(operation, which sheet or name, row, column, value) steps, by index."""
    step = st.tuples(
        st.sampled_from(CELL_OPERATIONS),
        st.integers(0, 100),
        st.integers(1, 40),
        st.integers(1, 30),
        st.sampled_from(WRONG_VALUES) | st.sampled_from(TARGETS_OF_NAMES),
    )
    return draw(st.lists(step, min_size=1, max_size=6))


def mutate_cells(source: Path, target: Path, steps: list[CellStep]) -> Path:
    book = openpyxl.load_workbook(source)
    for operation, which, row, column, value in steps:
        names = list(book.defined_names)
        if operation == "delete sheet" and len(book.sheetnames) > 1:
            del book[book.sheetnames[which % len(book.sheetnames)]]
        elif operation == "rename sheet":
            book.worksheets[which % len(book.worksheets)].title = f"Renamed {which}"
        elif operation in ("delete name", "rename name") and names:
            name = names[which % len(names)]
            defined = book.defined_names[name]
            del book.defined_names[name]
            if operation == "rename name":
                defined.name = f"{name}Renamed"
                book.defined_names[defined.name] = defined
        elif operation == "retarget name" and names:
            book.defined_names[names[which % len(names)]].attr_text = str(value)
        elif operation == "delete rows":
            book.worksheets[which % len(book.worksheets)].delete_rows(row, column)
        else:
            sheet = book.worksheets[which % len(book.worksheets)]
            sheet.cell(row, column).value = value
    book.save(target)
    return target


@settings(QUICK, max_examples=25)  # each example loads and saves a workbook with openpyxl
@given(steps=cell_mutations())
def test_exports_with_wrong_cells_sheets_and_names(
    export: Path, work: Path, steps: list[CellStep]
) -> None:
    path = mutate_cells(export, work / "cells.xlsx", steps)
    event(import_outcome(path, work / "cells.revorg"))


@pytest.mark.slow
@MANY
@given(
    kind=st.sampled_from(["bytes", "parts", "cells"]),
    changes=byte_changes,
    keep=st.none() | st.floats(0, 1),
    steps=cell_mutations(),
    data=st.data(),
)
def test_many_mutated_exports(
    export: Path,
    work: Path,
    kind: str,
    changes: list[tuple[float, int]],
    keep: float | None,
    steps: list[CellStep],
    data: st.DataObject,
) -> None:
    path = work / f"many-{kind}.xlsx"
    if kind == "bytes":
        path.write_bytes(flipped(export.read_bytes(), changes, keep))
    elif kind == "parts":
        members = zip_members(export.read_bytes())
        path.write_bytes(mutate_members(members, data.draw(member_mutations(sorted(members)))))
    else:
        mutate_cells(export, path, steps)
    event(import_outcome(path, work / "many-mutated.revorg"))


# --- the command line ------------------------------------------------------------------------


def cli_cases(export: Path, folder: Path) -> dict[str, Path]:
    """A few damaged files, one of each kind, that the command line must refuse cleanly."""
    data = export.read_bytes()
    members = zip_members(data)
    cases = {
        "truncated": data[: len(data) // 2],
        "central directory flipped": data[:-40] + bytes(b ^ 0xFF for b in data[-40:-20])
        + data[-20:],
        "Org sheet deleted": None,
        "defined name renamed": None,
        "text in a headcount": None,
        "not xml workbook part": mutate_members(members, [("xl/workbook.xml", "not xml", [])]),
    }  # fmt: skip
    paths = {}
    for name, content in cases.items():
        path = folder / (name.replace(" ", "-") + ".xlsx")
        if content is not None:
            path.write_bytes(content)
        paths[name] = path
    mutate_cells(export, paths["Org sheet deleted"], [("delete sheet", 2, 1, 1, None)])
    book = openpyxl.load_workbook(export)
    assert book.sheetnames[2] == ORG
    defined = book.defined_names["Leads"]
    del book.defined_names["Leads"]
    defined.name = "Lead"
    book.defined_names["Lead"] = defined
    book.save(paths["defined name renamed"])
    book = openpyxl.load_workbook(export)
    book[ORG].cell(2, list(ORG_LETTERS).index("headcount") + 1).value = "two"
    book.save(paths["text in a headcount"])
    return paths


def test_the_command_line_refuses_damaged_workbooks_without_a_traceback(
    export: Path, tmp_path: Path, run_revorg: CliRunner
) -> None:
    for name, path in cli_cases(export, tmp_path).items():
        output = tmp_path / f"{path.stem}.revorg"
        result = run_revorg("import", path, "-o", output)
        assert result.code == 2, (name, result.err)
        assert result.error_lines[0].startswith("error:"), (name, result.err)
        assert "Traceback" not in result.err, (name, result.err)
        assert not output.exists(), name
        assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".xlsx") == []


# --- known bugs (strict xfail: each must fail until it is fixed) ------------------------------


def sheet_part(workbook: Path, sheet: str) -> str:
    """The zip member that holds a sheet (read from our own export: trusted XML)."""
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    relationship = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    with zipfile.ZipFile(workbook) as archive:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    wanted = next(s.get(relationship) for s in book.iter(f"{main}sheet") if s.get("name") == sheet)
    target = next(r.get("Target", "") for r in rels if r.get("Id") == wanted)
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def member_that_does_not_decompress(export: Path, target: Path) -> Path:
    """The export with a few bytes of one member's deflate stream overwritten, chosen so that
    zlib itself fails on them (checked here with zlib, independently of RevOrg)."""
    data = bytearray(export.read_bytes())
    with zipfile.ZipFile(export) as archive:
        info = archive.getinfo(sheet_part(export, ORG))
    name_length = int.from_bytes(data[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_length = int.from_bytes(data[info.header_offset + 28 : info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_length + extra_length
    for offset in range(info.compress_size // 3, info.compress_size, 7):
        candidate = bytearray(data)
        candidate[start + offset : start + offset + 4] = b"\xff\xff\xff\xff"
        stream = bytes(candidate[start : start + info.compress_size])
        try:
            zlib.decompressobj(-15).decompress(stream)
        except zlib.error:
            target.write_bytes(bytes(candidate))
            return target
    raise AssertionError("no offset breaks the deflate stream")


def test_a_member_that_does_not_decompress_is_refused(
    export: Path, tmp_path: Path, run_revorg: CliRunner
) -> None:
    path = member_that_does_not_decompress(export, tmp_path / "deflate.xlsx")
    result = run_revorg("import", path, "-o", tmp_path / "out.revorg")
    assert result.code == 2, result.err
    assert result.error_lines[0].startswith("error:"), result.err
    with pytest.raises(ImportRefusedError):
        import_plan(path, "demo", 2027)


def test_a_damaged_sheet_of_an_export_is_refused(
    export: Path, tmp_path: Path, run_revorg: CliRunner
) -> None:
    members = zip_members(export.read_bytes())
    path = tmp_path / "half-org.xlsx"
    cut = [(sheet_part(export, ORG), "truncate", [(0.5,)])]
    path.write_bytes(mutate_members(members, cut))
    result = run_revorg("import", path, "-o", tmp_path / "out.revorg")
    assert result.code == 2, result.err
    assert result.error_lines[0].startswith("error:"), result.err
    with pytest.raises(ImportRefusedError):
        import_plan(path, "demo", 2027)


def export_with_org_value(export: Path, target: Path, column: str, value: Any) -> Path:
    book = openpyxl.load_workbook(export)
    book[ORG].cell(2, list(ORG_LETTERS).index(column) + 1).value = value
    book.save(target)
    return target


@pytest.mark.parametrize(("column", "value"), [("annual_cost", 1e30), ("annual_cost", 1e20),
                                               ("headcount", 10**20)])  # fmt: skip
def test_a_huge_cost_or_headcount_is_refused_in_a_workbook(
    export: Path, tmp_path: Path, column: str, value: Any
) -> None:
    path = export_with_org_value(export, tmp_path / "huge.xlsx", column, value)
    with pytest.raises(ImportRefusedError):
        import_plan(path, "demo", 2027)


@pytest.mark.parametrize("cost", ["1" + "0" * 20, "1" + "0" * 40])
def test_a_huge_cost_or_headcount_is_refused_in_a_roster(tmp_path: Path, cost: str) -> None:
    path = tmp_path / "huge.csv"
    path.write_text(f"Name,Title,Cost\nAna,CRO,{cost}\n", encoding="utf-8")
    with pytest.raises(ImportRefusedError):
        import_plan(path, "demo", 2027)
