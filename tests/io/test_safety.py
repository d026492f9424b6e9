"""Files refused before any parser sees them: missing, empty, not what their name says,
password-protected, zip bombs, XML entity bombs, huge."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl import Workbook

from revorg.io import safety
from revorg.io.importers import import_plan
from revorg.io.report import ImportRefusedError, ImportReport
from revorg.io.safety import FileKind, check_file

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">\n'
        for n in range(1, 10)
    )
    + ']>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    "</sheetData></worksheet>"
)


def refusal(path: Path) -> str:
    """The one error an import of `path` ends with."""
    with pytest.raises(ImportRefusedError) as caught:
        import_plan(path, "demo", 2027)
    errors = caught.value.report.errors
    assert len(errors) == 1, caught.value.report.lines()
    return errors[0].message


def roster_workbook(path: Path) -> Path:
    book = Workbook()
    book.active.append(["Name", "Title"])
    book.active.append(["Ana", "CRO"])
    book.save(path)
    return path


def replace_member(source: Path, target: Path, member: str, data: bytes) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item, data if item.filename == member else old.read(item.filename))
    return target


# --- the path -------------------------------------------------------------------------------


def test_a_missing_file(tmp_path: Path) -> None:
    assert "does not exist" in refusal(tmp_path / "nowhere.csv")


def test_a_folder(tmp_path: Path) -> None:
    assert "is a folder" in refusal(tmp_path)


def test_an_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_bytes(b"")
    assert refusal(tmp_path / "empty.csv") == "empty.csv is empty (0 bytes)"


def test_a_huge_file_is_refused_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as stream:  # sparse: takes no room on disk
        stream.truncate(safety.MAX_FILE_BYTES + 1)
    message = refusal(path)
    assert "files over 50 MB are refused" in message


# --- not what the name says -----------------------------------------------------------------


def test_a_text_file_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    path.write_text("Name,Title\nAna,CRO\n", encoding="utf-8")
    message = refusal(path)
    assert "is named .xlsx but is a text file" in message
    assert "rename a CSV to .csv" in message


def test_random_bytes_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    path.write_bytes(bytes(range(256)) * 10)
    assert "binary data" in refusal(path)


def test_a_pdf_renamed_csv(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    assert refusal(path) == "roster.csv is a PDF document, not a workbook or a CSV roster"


def test_binary_data_in_a_csv(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(b"Name,Title\n" + b"\x00\x01\x02\x03" * 100)
    assert "binary data" in refusal(path)


def test_binary_data_deep_in_a_csv_names_its_row(tmp_path: Path) -> None:
    rows = "".join(f"Person {i},AE\n" for i in range(10_000))  # past the sniffed start
    path = tmp_path / "roster.csv"
    path.write_bytes(b"Name,Title\n" + rows.encode() + b"Bad,\x01\x02\n")
    with pytest.raises(ImportRefusedError) as caught:
        import_plan(path, "demo", 2027)
    error = caught.value.report.errors[0]
    assert "binary data" in error.message
    assert error.row == 10_002


def test_a_workbook_named_csv(tmp_path: Path) -> None:
    path = roster_workbook(tmp_path / "roster.csv")
    assert "is named .csv but is an Excel workbook" in refusal(path)


def test_a_workbook_without_a_known_suffix_is_read_by_content(tmp_path: Path) -> None:
    path = roster_workbook(tmp_path / "export.dat")
    report = ImportReport("export.dat")
    checked = check_file(path, report)
    assert checked is not None and checked.kind is FileKind.WORKBOOK
    document, _ = import_plan(path, "demo", 2027)
    with document:
        assert [p.person_name for p in document.scenario().positions] == ["Ana"]


def test_text_without_a_known_suffix_that_sniffs_as_csv(tmp_path: Path) -> None:
    path = tmp_path / "roster"
    path.write_text("Name\tTitle\nAna\tCRO\n", encoding="utf-8")
    document, _ = import_plan(path, "demo", 2027)
    with document:
        assert [p.role_key for p in document.scenario().positions] == ["cro"]


def test_text_that_is_not_delimited(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Just some notes about the team\n", encoding="utf-8")
    assert "no commas, semicolons or tabs" in refusal(path)


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    assert refusal(path) == "roster.xlsx is a Word document, not a workbook"


def test_a_damaged_workbook(tmp_path: Path) -> None:
    source = roster_workbook(tmp_path / "good.xlsx")
    path = tmp_path / "roster.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as new:
        for item in old.infolist():
            new.writestr(item.filename, old.read(item.filename))
    data = bytearray(path.read_bytes())
    at = data.index(b"<sheetData>")
    data[at + 1 : at + 6] = b"XXXXX"  # change stored bytes: the CRC no longer matches
    path.write_bytes(bytes(data))
    assert "is damaged" in refusal(path)


# --- Office containers ----------------------------------------------------------------------


def test_an_ole2_file_named_xlsx_is_password_protected(tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    path.write_bytes(OLE2 + b"\x00" * 4088)
    message = refusal(path)
    assert "password-protected" in message
    assert "remove the password" in message


def test_an_encrypted_package_under_another_name(tmp_path: Path) -> None:
    path = tmp_path / "roster.bin"
    path.write_bytes(OLE2 + b"\x00" * 1000 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 99)
    assert "password-protected" in refusal(path)


def test_a_legacy_xls(tmp_path: Path) -> None:
    path = tmp_path / "roster.xls"
    path.write_bytes(OLE2 + b"\x00" * 4088)
    assert "Excel 97-2003 workbook (.xls)" in refusal(path)


# --- bombs ----------------------------------------------------------------------------------


def zip_of_zeros(path: Path, megabytes: int) -> Path:
    """A workbook-shaped zip whose sheet is `megabytes` MB of zeros (a few hundred KB)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as stream:
            block = b"0" * (1 << 20)
            for _ in range(megabytes):
                stream.write(block)
    return path


def test_a_zip_bomb_is_refused_by_its_directory_before_decompressing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = zip_of_zeros(tmp_path / "bomb.xlsx", 300)
    assert path.stat().st_size < 3 * safety.MIB
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def recording_open(archive: zipfile.ZipFile, name: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(name if isinstance(name, str) else name.filename)
        return real_open(archive, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", recording_open)
    message = refusal(path)
    assert "xl/worksheets/sheet1.xml" not in opened  # nothing was decompressed
    assert "would expand to 300 MB" in message
    assert "possible zip bomb" in message


def test_a_zip_bomb_under_the_size_limit_is_refused_by_its_ratio(tmp_path: Path) -> None:
    path = zip_of_zeros(tmp_path / "bomb.xlsx", 20)
    message = refusal(path)
    assert "sheet1.xml' is compressed" in message
    assert "possible zip bomb" in message


def test_too_many_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_ZIP_MEMBERS", 5)
    path = roster_workbook(tmp_path / "roster.xlsx")
    assert "refused as a crafted archive" in refusal(path)


def test_an_xml_bomb_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    source = roster_workbook(tmp_path / "good.xlsx")
    path = replace_member(
        source, tmp_path / "roster.xlsx", "xl/worksheets/sheet1.xml", BILLION_LAUGHS.encode()
    )
    message = refusal(path)
    assert "declares XML entities" in message
    assert "possible XML bomb" in message


def test_an_xml_bomb_in_utf16_is_refused(tmp_path: Path) -> None:
    source = roster_workbook(tmp_path / "good.xlsx")
    data = BILLION_LAUGHS.replace('"1.0"?>', '"1.0" encoding="UTF-16"?>').encode("utf-16")
    path = replace_member(source, tmp_path / "roster.xlsx", "xl/worksheets/sheet1.xml", data)
    assert "possible XML bomb" in refusal(path)


def test_openpyxl_parses_through_defusedxml(tmp_path: Path) -> None:
    """RevOrg's own workbook reader uses openpyxl: with defusedxml installed, openpyxl refuses
    entity declarations instead of expanding them."""
    from defusedxml import EntitiesForbidden

    assert openpyxl.DEFUSEDXML
    source = roster_workbook(tmp_path / "good.xlsx")
    path = replace_member(
        source, tmp_path / "roster.xlsx", "xl/worksheets/sheet1.xml", BILLION_LAUGHS.encode()
    )
    # Our own stream: openpyxl leaves the file it opened itself open when parsing fails.
    with path.open("rb") as stream, pytest.raises(ValueError) as caught:
        openpyxl.load_workbook(stream)
    assert isinstance(caught.value.__cause__, EntitiesForbidden)


def test_a_good_workbook_passes(tmp_path: Path) -> None:
    report = ImportReport("roster.xlsx")
    checked = check_file(roster_workbook(tmp_path / "roster.xlsx"), report)
    assert checked is not None
    assert checked.kind is FileKind.WORKBOOK
    assert report.findings == []
