"""A roster's Photo column: local image files (relative to the roster's folder or absolute)
become the people's photos in the new plan; a missing or bad file is a warning on its row and
column, and the import goes on."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PIL import Image

from revorg.io.importers import import_plan
from revorg.io.photos import read_photo
from revorg.io.report import Severity
from revorg.io.roster import heading_field
from revorg.model.document import PlanDocument
from revorg.model.editing import PlanEditor
from revorg.model.editing.photos import set_photo
from revorg.model.history.reading import read_steps
from revorg.model.history.recording import record_import
from revorg.model.history.replay import state_after
from revorg.model.lineage import lineage_of
from revorg.model.photos import JPEG, PNG, photos_of
from tests.conftest import CliRunner


@pytest.mark.parametrize(
    "heading", ["Photo", "Picture", "Foto", "Imagen", "照片", "头像", "Photo path", "FOTO"]
)
def test_photo_headings_in_three_languages(heading: str) -> None:
    assert heading_field(heading) == "photo"


def write_roster(folder: Path, rows: list[list[str]]) -> Path:
    path = folder / "roster.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows([["Name", "Title", "Manager", "Foto"], *rows])
    return path


def photos_by_person(document: PlanDocument) -> dict[str, tuple[str, tuple[int, int]]]:
    stored = photos_of(document.session)
    found = {}
    for position in document.scenario().positions:
        photo = stored.get(lineage_of(position.id, position.lineage))
        if photo is not None:
            size = Image.open(io.BytesIO(photo.image)).size
            found[str(position.person_name)] = (photo.media_type, size)
    return found


def test_two_photos_read_and_one_missing_file_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "fotos").mkdir()
    Image.new("RGB", (400, 300), "navy").save(tmp_path / "fotos" / "ana.jpg")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    Image.new("RGBA", (100, 100), (0, 0, 0, 0)).save(elsewhere / "luis.png")
    roster = write_roster(
        tmp_path,
        [
            ["Ana Ruiz", "CRO", "", "fotos/ana.jpg"],  # relative to the roster's folder
            ["Luis Gil", "VP Sales", "Ana Ruiz", str(elsewhere / "luis.png")],
            ["Marta Sanz", "Account Executive", "Luis Gil", "fotos/marta.jpg"],  # not there
            ["Pablo Vega", "SDR", "Luis Gil", ""],
        ],
    )
    document, report = import_plan(roster, "demo", 2027)
    try:
        assert photos_by_person(document) == {
            "Ana Ruiz": (JPEG, (256, 256)),
            "Luis Gil": (PNG, (100, 100)),
        }
        [warning] = [f for f in report.findings if "marta.jpg" in f.message]
        assert warning.severity is Severity.WARNING
        assert (warning.row, warning.column) == (4, "Foto")
        assert warning.message == "no such image file: " + str(tmp_path / "fotos" / "marta.jpg")
        assert len(document.scenario().positions) == 4  # everyone imported

        # The plan's log starts with the import, photos included: rewinding to it keeps them.
        record_import(document.session, roster.name, "Ana")
        [step] = read_steps(document.session)
        assert sum(change.record == "photo" for change in step.changes) == 2
        with state_after(document.session, step.id) as then:
            assert photos_by_person(then) == photos_by_person(document)
    finally:
        document.close()


def test_a_text_file_or_a_web_address_in_the_photo_column_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "notes.jpg").write_text("not a picture", encoding="utf-8")
    roster = write_roster(
        tmp_path,
        [
            ["Ana Ruiz", "CRO", "", "notes.jpg"],
            ["Luis Gil", "VP Sales", "Ana Ruiz", "https://example.com/luis.jpg"],
        ],
    )
    document, report = import_plan(roster, "demo", 2027)
    try:
        assert photos_by_person(document) == {}
        warnings = [(f.row, f.message) for f in report.findings if f.severity is Severity.WARNING]
        assert (2, "notes.jpg is not a PNG, JPEG, GIF, WebP or BMP image") in warnings
        assert (
            3,
            "https://example.com/luis.jpg is not a local file: only image files on this "
            "computer are read",
        ) in warnings
    finally:
        document.close()


def test_a_workbook_imported_over_its_plan_keeps_the_photos(
    run_cli: CliRunner, demo_file: Path, tmp_path: Path
) -> None:
    """A workbook holds no images: `import --force` over the plan it came from keeps the photos
    of the people it still has (by lineage); the import's log step records them."""
    picture = tmp_path / "elena.png"
    Image.new("RGB", (300, 300), "teal").save(picture)
    with PlanDocument.open(demo_file) as document:
        editor = PlanEditor(document)
        cro = next(r.id for r in editor.positions().values() if r.person_name == "Elena Ruiz")
        editor.perform(set_photo(editor, cro, read_photo(picture)))
        document.save()
        before = photos_of(document.session)
    workbook = tmp_path / "plan.xlsx"
    assert run_cli("export", demo_file, "--xlsx", workbook).code == 0
    assert run_cli("import", workbook, "-o", demo_file, "--force").code == 0
    with PlanDocument.open(demo_file, for_editing=False) as again:
        assert photos_of(again.session) == before
        [step] = read_steps(again.session)
        assert [c.record for c in step.changes].count("photo") == 1
