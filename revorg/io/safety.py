"""Checks made on a file before anything parses it: does it exist, is it what its name says,
and can it be read without exhausting memory (zip bombs, XML entity bombs, huge files)?

Nothing here trusts the file: the zip's central directory is read with the standard library,
every member is decompressed once through `zipfile` (which stops at the declared size and checks
the CRC), and XML parts are searched for document type declarations, which OOXML never uses and
which are what an entity-expansion ("billion laughs") bomb needs.
"""

from __future__ import annotations

import codecs
import zipfile
import zlib
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from revorg.io.messages import Count, Phrase, phrase
from revorg.io.report import ImportReport, Severity
from revorg.io.values.encodings import byte_order_encoding
from revorg.model.errors import QT_TRANSLATE_NOOP

MIB = 1024 * 1024

# A roster of 100,000 people is about 10 MB as CSV and 5 MB as .xlsx; a file five times the size
# of the largest plausible roster is something else, and reading it would hold the app for
# minutes (and its rows in memory).
MAX_FILE_BYTES = 50 * MIB

# The sum of the uncompressed sizes declared in a workbook's central directory. A 100,000-row
# roster sheet is about 30 MB of XML; 256 MB leaves room for styles and images but refuses zip
# bombs (a few kilobytes that expand to gigabytes) before one byte is decompressed.
MAX_UNCOMPRESSED_BYTES = 256 * MIB

# Real workbook parts compress 5 to 30 times (repetitive XML); deflate can reach about 1,000
# on runs of one byte, which is what bombs are made of. Checked for members above
# RATIO_CHECK_FLOOR_BYTES only: tiny parts (an empty sheet, styles) compress unusually well.
MAX_COMPRESSION_RATIO = 100
RATIO_CHECK_FLOOR_BYTES = 1 * MIB

# An .xlsx has 10 to 30 parts; thousands of members is a crafted archive (each member costs a
# parser a file object and a directory entry).
MAX_ZIP_MEMBERS = 5_000

# Rows of a roster: a chart of more than 100,000 cards is not a revenue organisation, and the
# row list is held in memory while it is checked.
MAX_ROSTER_ROWS = 100_000

# How much of the start of a file is read to tell what it is.
SNIFF_BYTES = 64 * 1024
READ_CHUNK_BYTES = 1 * MIB

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm"})
TEXT_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})

# What a file is, told by its first bytes (the name is only what a user claims).
MAGIC_DESCRIPTIONS = (
    (b"%PDF-", QT_TRANSLATE_NOOP("ImportFinding", "a PDF document")),
    (b"\x89PNG\r\n\x1a\n", QT_TRANSLATE_NOOP("ImportFinding", "a PNG image")),
    (b"\xff\xd8\xff", QT_TRANSLATE_NOOP("ImportFinding", "a JPEG image")),
    (b"GIF87a", QT_TRANSLATE_NOOP("ImportFinding", "a GIF image")),
    (b"GIF89a", QT_TRANSLATE_NOOP("ImportFinding", "a GIF image")),
    (
        b"SQLite format 3\x00",
        QT_TRANSLATE_NOOP(
            "ImportFinding", "a SQLite database (a RevOrg plan opens with `revorg FILE`)"
        ),
    ),
    (b"\x1f\x8b", QT_TRANSLATE_NOOP("ImportFinding", "a gzip archive")),
    (b"7z\xbc\xaf\x27\x1c", QT_TRANSLATE_NOOP("ImportFinding", "a 7-Zip archive")),
    (b"Rar!\x1a\x07", QT_TRANSLATE_NOOP("ImportFinding", "a RAR archive")),
    (b"{\\rtf", QT_TRANSLATE_NOOP("ImportFinding", "a rich-text (RTF) document")),
    (b"\x7fELF", QT_TRANSLATE_NOOP("ImportFinding", "a program (ELF executable)")),
)

# A DTD in any of the encodings an XML part may use: an entity bomb cannot do without one.
DTD_MARKERS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
XML_MEMBER_SUFFIXES = (".xml", ".rels", ".vml")


class FileKind(Enum):
    WORKBOOK = "workbook"  # an Office Open XML spreadsheet (.xlsx, .xlsm)
    TEXT = "text"  # delimited text (CSV, semicolon-separated, tab-separated)


@dataclass(frozen=True)
class CheckedFile:
    path: Path
    kind: FileKind
    size: int
    encoding: str | None = None  # for text: text_encoding() of its first bytes


def check_file(path: Path, report: ImportReport) -> CheckedFile | None:
    """Check `path` before parsing; on a problem add an error to `report` and return None."""
    problem = _check_path(path)
    if problem is not None:
        report.add(Severity.ERROR, problem)
        return None
    name = path.name
    size = path.stat().st_size
    if size == 0:
        report.error(QT_TRANSLATE_NOOP("ImportFinding", "{file} is empty (0 bytes)"), file=name)
        return None
    if size > MAX_FILE_BYTES:
        report.error(
            QT_TRANSLATE_NOOP(
                "ImportFinding",
                "{file} is {size} MB: files over {limit} MB are refused (a roster of 100,000 "
                "people is about 10 MB)",
            ),
            file=name,
            size=_megabytes(size),
            limit=MAX_FILE_BYTES // MIB,
        )
        return None
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError as error:
        report.add(Severity.ERROR, cannot_read(name, error))
        return None
    suffix = path.suffix.lower()
    if head.startswith(ZIP_MAGICS):
        if not _check_workbook_zip(path, report):
            return None
        if suffix in TEXT_SUFFIXES:
            report.error(
                QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "{file} is named {suffix} but is an Excel workbook: rename it to .xlsx",
                ),
                file=name,
                suffix=suffix,
            )
            return None
        return CheckedFile(path, FileKind.WORKBOOK, size)
    if head.startswith(OLE2_MAGIC):
        report.add(Severity.ERROR, _describe_ole2(path, suffix))
        return None
    for magic, description in MAGIC_DESCRIPTIONS:
        if head.startswith(magic):
            report.error(
                QT_TRANSLATE_NOOP(
                    "ImportFinding", "{file} is {description}, not a workbook or a CSV roster"
                ),
                file=name,
                description=phrase(description),
            )
            return None
    encoding = text_encoding(head)
    if encoding is None:
        report.error(
            QT_TRANSLATE_NOOP(
                "ImportFinding",
                "{file} holds binary data, not text: it is neither a CSV roster nor an Excel "
                "workbook",
            ),
            file=name,
        )
        return None
    if suffix in WORKBOOK_SUFFIXES:
        looks = QT_TRANSLATE_NOOP("ImportFinding", "a text file (a CSV renamed?)")
        if head.lstrip().startswith((b"<", b"\xef\xbb\xbf<")):
            looks = QT_TRANSLATE_NOOP("ImportFinding", "an XML or HTML document")
        report.error(
            QT_TRANSLATE_NOOP(
                "ImportFinding",
                "{file} is named {suffix} but is {looks}, not an Excel workbook (an .xlsx is a "
                "zip archive): save it from Excel as .xlsx, or rename a CSV to .csv",
            ),
            file=name,
            suffix=suffix,
            looks=phrase(looks),
        )
        return None
    if head.lstrip().startswith((b"<", b"\xef\xbb\xbf<")):
        report.error(
            QT_TRANSLATE_NOOP(
                "ImportFinding", "{file} is an XML or HTML document, not a CSV roster"
            ),
            file=name,
        )
        return None
    return CheckedFile(path, FileKind.TEXT, size, encoding)


def _megabytes(size: int) -> Count:
    # Rounded half to even, as the English line's "{:,.0f}" always did.
    return Count(round(size / MIB))


def cannot_read(name: object, error: OSError) -> Phrase:
    """A file the system refuses to read; the reason is the system's own words."""
    return phrase(
        QT_TRANSLATE_NOOP("ImportFinding", "{file} cannot be read: {reason}"),
        file=name,
        reason=error.strerror or error,
    )


def _check_path(path: Path) -> Phrase | None:
    try:
        if not path.exists():
            return phrase(QT_TRANSLATE_NOOP("ImportFinding", "{file} does not exist"), file=path)
        if path.is_dir():
            return phrase(
                QT_TRANSLATE_NOOP("ImportFinding", "{file} is a folder, not a file"), file=path
            )
        if not path.is_file():
            return phrase(
                QT_TRANSLATE_NOOP("ImportFinding", "{file} is not a regular file"), file=path
            )
    except OSError as error:
        return cannot_read(path, error)
    return None


def text_encoding(head: bytes) -> str | None:
    """ "utf-16" or "utf-8" for Unicode text, "legacy" for other text (GB18030, Windows-1252...:
    revorg.io.values.encodings tells which when the file is read), None for binary data."""
    marked = byte_order_encoding(head)
    if marked == "utf-16":
        return marked
    if marked is None and b"\x00" in head:
        return None
    if binary_share(head) > 0.01:
        return None
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return "legacy"
    return "utf-8"


def binary_share(data: bytes) -> float:
    """The share of control bytes other than tab, line feed, carriage return and form feed."""
    if not data:
        return 0.0
    controls = sum(data.count(bytes([code])) for code in range(32) if code not in (9, 10, 12, 13))
    return controls / len(data)


def _describe_ole2(path: Path, suffix: str) -> Phrase:
    """An OLE2 (compound file) container: Excel's password-protected .xlsx, or a legacy file."""
    if suffix in WORKBOOK_SUFFIXES or _ole2_is_encrypted_package(path):
        return phrase(
            QT_TRANSLATE_NOOP(
                "ImportFinding",
                "{file} is password-protected (an encrypted Excel workbook): open it in Excel, "
                "remove the password (File > Info > Protect Workbook) and save it again",
            ),
            file=path.name,
        )
    if suffix == ".xls":
        return phrase(
            QT_TRANSLATE_NOOP(
                "ImportFinding",
                "{file} is an Excel 97-2003 workbook (.xls): save it from Excel as .xlsx or .csv",
            ),
            file=path.name,
        )
    return phrase(
        QT_TRANSLATE_NOOP(
            "ImportFinding",
            "{file} is an Office 97-2003 document (OLE2), not a workbook or a CSV roster",
        ),
        file=path.name,
    )


def _ole2_is_encrypted_package(path: Path) -> bool:
    """Encrypted OOXML is an OLE2 file with an "EncryptionInfo" stream (MS-OFFCRYPTO)."""
    marker = "EncryptionInfo".encode("utf-16-le")
    tail = b""
    with path.open("rb") as stream:
        while chunk := stream.read(READ_CHUNK_BYTES):
            if marker in tail + chunk:
                return True
            tail = chunk[-len(marker) :]
    return False


def _check_workbook_zip(path: Path, report: ImportReport) -> bool:
    """A zip archive that is an .xlsx and is safe to decompress; False after adding an error."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            problem = _zip_directory_problem(path, members)
            if problem is None:
                problem = _not_a_workbook(path, archive, members)
            if problem is None:
                problem = _scan_members(path, archive, members)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        ValueError,
        zlib.error,  # a member whose compressed data is damaged
        NotImplementedError,  # a compression method zipfile does not know
    ) as error:
        problem = phrase(
            QT_TRANSLATE_NOOP(
                "ImportFinding", "{file} is damaged: not a readable zip archive ({reason})"
            ),
            file=path.name,
            reason=error,
        )
    except OSError as error:
        problem = cannot_read(path.name, error)
    if problem is not None:
        report.add(Severity.ERROR, problem)
        return False
    return True


def _zip_directory_problem(path: Path, members: list[zipfile.ZipInfo]) -> Phrase | None:
    """Refuse by the central directory alone, before decompressing anything."""
    if len(members) > MAX_ZIP_MEMBERS:
        return phrase(
            QT_TRANSLATE_NOOP(
                "ImportFinding",
                "{file} has {count} parts (a workbook has a few dozen): refused as a crafted "
                "archive",
            ),
            file=path.name,
            count=Count(len(members)),
        )
    if any(member.flag_bits & 0x1 for member in members):
        return phrase(
            QT_TRANSLATE_NOOP(
                "ImportFinding",
                "{file} is an encrypted zip archive: save it again without a password",
            ),
            file=path.name,
        )
    total = sum(member.file_size for member in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        return phrase(
            QT_TRANSLATE_NOOP(
                "ImportFinding",
                "{file} would expand to {size} MB when unpacked (the limit is {limit} MB): "
                "refused as a possible zip bomb",
            ),
            file=path.name,
            size=_megabytes(total),
            limit=MAX_UNCOMPRESSED_BYTES // MIB,
        )
    for member in members:
        if member.file_size <= RATIO_CHECK_FLOOR_BYTES:
            continue
        ratio = member.file_size / max(member.compress_size, 1)
        if ratio > MAX_COMPRESSION_RATIO:
            return phrase(
                QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "{file}: part {part} is compressed {ratio} times (real workbooks stay under "
                    "{limit}): refused as a possible zip bomb",
                ),
                file=path.name,
                part=repr(member.filename),
                ratio=Count(round(ratio)),  # half to even, as "{:,.0f}" rounds
                limit=MAX_COMPRESSION_RATIO,
            )
    return None


def _not_a_workbook(
    path: Path, archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]
) -> Phrase | None:
    names = {member.filename.lower() for member in members}
    if "[content_types].xml" in names and any(n.endswith("workbook.xml") for n in names):
        return None
    if any(name.endswith("workbook.bin") for name in names):
        what = QT_TRANSLATE_NOOP(
            "ImportFinding",
            "an Excel binary workbook (.xlsb): save it from Excel as .xlsx or .csv",
        )
    elif "mimetype" in names and b"spreadsheet" in _start_of(archive, "mimetype"):
        what = QT_TRANSLATE_NOOP(
            "ImportFinding", "an OpenDocument spreadsheet (.ods): save it as .xlsx or .csv"
        )
    elif any(name.startswith("word/") for name in names):
        what = QT_TRANSLATE_NOOP("ImportFinding", "a Word document, not a workbook")
    elif any(name.startswith("ppt/") for name in names):
        what = QT_TRANSLATE_NOOP("ImportFinding", "a PowerPoint presentation, not a workbook")
    else:
        what = QT_TRANSLATE_NOOP("ImportFinding", "a zip archive, not an Excel workbook")
    return phrase(
        QT_TRANSLATE_NOOP("ImportFinding", "{file} is {what}"), file=path.name, what=phrase(what)
    )


def _start_of(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as stream:
        return stream.read(200)


def _scan_members(
    path: Path, archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]
) -> Phrase | None:
    """Decompress every member once (bounded by the sizes checked above; zipfile stops at the
    declared size and checks the CRC, so a directory that lies is caught) and refuse XML parts
    with a document type declaration."""
    overlap = max(len(marker) for marker in DTD_MARKERS)
    for member in members:
        is_xml = member.filename.lower().endswith(XML_MEMBER_SUFFIXES)
        tail = b""
        with archive.open(member) as stream:
            while chunk := stream.read(READ_CHUNK_BYTES):
                if is_xml:
                    window = tail + chunk
                    if any(marker in window for marker in DTD_MARKERS):
                        return phrase(
                            QT_TRANSLATE_NOOP(
                                "ImportFinding",
                                "{file}: part {part} declares XML entities (a DTD), which "
                                "workbooks never do: refused as a possible XML bomb",
                            ),
                            file=path.name,
                            part=repr(member.filename),
                        )
                    tail = chunk[-overlap:]
    return None
