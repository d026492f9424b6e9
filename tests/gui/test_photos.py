"""A person's photo added from the inspector: the card draws it in its circle, one undo step
takes it away, Remove photo too; a file that is no image is said in a dialog and the plan stays
as it was, still editable. Screenshots of cards with photos in three languages."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox

from revorg.gui.window.main_window import MainWindow
from revorg.model.editing.photos import lineage_photo
from revorg.model.photos import JPEG
from tests.gui.conftest import demo_window_in
from tests.photo_samples import GROUNDS, portrait

CRO = 1  # Elena Ruiz in the demo plan
SHOTS = Path(os.environ.get("REVORG_SCREENSHOTS", "/tmp"))


def select(window: MainWindow, position_id: int) -> None:
    window.scene.select_only([position_id])
    assert window.inspector.position_id == position_id


def card_image(window: MainWindow, position_id: int) -> QImage:
    """The card as drawn at zoom 1 (its rectangle and border)."""
    card = window.scene.cards[position_id]
    window.view.resetTransform()
    window.view.centerOn(card)
    window.view.viewport().repaint()
    rect = window.view.mapFromScene(card.sceneBoundingRect()).boundingRect()
    return window.view.viewport().grab(rect).toImage()


def circle_colour(window: MainWindow, position_id: int) -> QColor:
    """The colour at the centre of the card's photo or initials circle."""
    card = window.scene.cards[position_id]
    centre, _radius = card._initials_centre()
    image = card_image(window, position_id)
    offset = card.boundingRect().topLeft()
    return image.pixelColor(int(centre.x() - offset.x()), int(centre.y() - offset.y() - 6))


def test_adding_a_photo_from_the_inspector_draws_it_and_undo_takes_it_away(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    picture = portrait(tmp_path / "elena.png", "#F5C28B")
    select(window, CRO)
    field = window.inspector.photo_field
    assert not field.remove_button.isEnabled()
    initials = circle_colour(window, CRO)
    monkeypatch.setattr(field, "choose_file", lambda: str(picture))

    field.add_button.click()

    photo = lineage_photo(window.controller.editor, CRO)
    assert photo is not None and photo.media_type == JPEG
    assert window.scene.photo_of(CRO) is not None
    stack = window.controller.undo_stack
    assert stack.undoText() == "Add photo of Elena Ruiz"
    assert field.remove_button.isEnabled()
    assert field.add_button.text() == "Replace photo…"
    # The head in the picture is skin-coloured where the initials' circle was the CRO's colour.
    face = circle_colour(window, CRO)
    assert face != initials
    assert abs(face.red() - 0xF1) < 30 and abs(face.green() - 0xC7) < 30

    stack.undo()
    assert lineage_photo(window.controller.editor, CRO) is None
    assert window.scene.photo_of(CRO) is None
    assert circle_colour(window, CRO) == initials
    stack.redo()
    assert window.scene.photo_of(CRO) is not None

    field.remove_button.click()
    assert stack.undoText() == "Remove photo of Elena Ruiz"
    assert window.scene.photo_of(CRO) is None
    assert stack.count() == 2


def test_an_open_position_has_no_photo_to_add(window: MainWindow) -> None:
    vacancy = next(r.id for r in window.controller.editor.positions().values() if r.is_open)
    select(window, vacancy)
    field = window.inspector.photo_field
    assert not field.add_button.isEnabled()
    assert not field.remove_button.isEnabled()
    select(window, CRO)
    assert field.add_button.isEnabled()


def test_a_file_that_is_no_image_gives_a_dialog_and_the_plan_stays_editable(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = tmp_path / "elena.jpg"
    notes.write_text("not a picture", encoding="utf-8")
    select(window, CRO)
    field = window.inspector.photo_field
    monkeypatch.setattr(field, "choose_file", lambda: str(notes))
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *_rest: said.append(text)
    )

    field.add_button.click()

    assert said == ["elena.jpg is not a PNG, JPEG, GIF, WebP or BMP image"]
    assert lineage_photo(window.controller.editor, CRO) is None
    assert window.controller.undo_stack.count() == 0
    window.controller.edit(CRO, {"title": "Chief Revenue Officer (EMEA)"})  # still editable
    assert window.controller.undo_stack.count() == 1


@pytest.fixture(params=["en", "es", "zh"])
def language_window(qtbot, request) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    with demo_window_in(request.param, qtbot, (1500, 900)) as window:
        yield window


def test_screenshots_of_cards_with_photos(language_window: MainWindow, tmp_path: Path) -> None:
    window = language_window
    field = window.inspector.photo_field
    people = [row.id for row in window.controller.editor.positions().values() if row.person_name]
    for number, position_id in enumerate(people[:6]):
        picture = portrait(tmp_path / f"{number}.png", GROUNDS[number % len(GROUNDS)])
        select(window, position_id)
        field.choose_file = lambda path=picture: str(path)  # type: ignore[method-assign]
        field.add_button.click()
    assert window.controller.undo_stack.count() == 6
    assert all(window.scene.photo_of(position_id) for position_id in people[:6])
    select(window, CRO)
    window.view.resetTransform()
    window.view.centerOn(window.scene.cards[CRO])
    language = window.controller.language
    assert window.grab().save(str(SHOTS / f"revorg_photos_{language}.png"))


def test_slides_put_each_photo_in_its_card_as_a_round_picture(tmp_path: Path) -> None:
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE, MSO_SHAPE_TYPE

    from revorg.gui.slides import export_slides_file
    from revorg.io.photos import read_photo
    from revorg.model.document import PlanDocument
    from revorg.model.editing import PlanEditor
    from revorg.model.editing.photos import set_photo

    document = PlanDocument.from_template("demo", 2027)
    try:
        editor = PlanEditor(document)
        open_seat = next(r.id for r in editor.positions().values() if not r.person_name)
        chosen = {CRO: "#F5C28B", 6: "#8EC5E8", open_seat: "#B9E0A5"}  # 6: VP Sales
        for position_id, ground in chosen.items():
            photo = read_photo(portrait(tmp_path / f"{position_id}.png", ground))
            editor.perform(set_photo(editor, position_id, photo))
        deck = Presentation(str(export_slides_file(document, editor.scenario, tmp_path / "d.pptx")))
        first = deck.slides[0]
        pictures = [s for s in first.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        # The vacancy's photo is not shown: the seat is open, the photo was its last person's.
        assert len(pictures) == 2
        stored = {lineage_photo(editor, CRO), lineage_photo(editor, 6)}
        assert {picture.image.blob for picture in pictures} == {p.image for p in stored if p}
        cards = {s.name: s for s in first.shapes if s.name.startswith("Position ")}
        for picture in pictures:
            assert picture.auto_shape_type == MSO_SHAPE.OVAL
            assert picture.width == picture.height
            # Inside one of the photographed cards, at its left.
            holder = [
                card
                for name, card in cards.items()
                if card.left <= picture.left < card.left + card.width // 3
                and card.top <= picture.top < card.top + card.height
            ]
            assert [card.name for card in holder] in (["Position 1"], ["Position 6"])
    finally:
        document.close()


def test_the_history_panel_names_the_photo_not_its_bytes(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from revorg.gui.history_words import ChangeWords
    from revorg.model.history.browse import StepFilter, page

    select(window, CRO)
    field = window.inspector.photo_field
    monkeypatch.setattr(field, "choose_file", lambda: str(portrait(tmp_path / "e.png")))
    field.add_button.click()
    field.add_button.click()  # the same picture again: nothing changes, no step
    field.remove_button.click()
    editor = window.controller.editor
    steps = page(editor.session, StepFilter(), limit=5)
    words = ChangeWords(editor)
    assert [words.lines(step) for step in steps] == [
        ["Photo removed: Chief Revenue Officer"],
        ["Photo added: Chief Revenue Officer"],
    ]


def test_importing_the_plans_own_workbook_keeps_its_photos(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog

    select(window, CRO)
    field = window.inspector.photo_field
    monkeypatch.setattr(field, "choose_file", lambda: str(portrait(tmp_path / "e.png")))
    field.add_button.click()
    photo = lineage_photo(window.controller.editor, CRO)
    workbook = tmp_path / "plan.xlsx"
    assert window.files.export_workbook_to(workbook)
    window.files.run_import_preview = lambda _dialog: int(  # type: ignore[method-assign]
        QDialog.DialogCode.Accepted
    )
    assert window.files.import_path(workbook)
    editor = window.controller.editor
    elena = next(r.id for r in editor.positions().values() if r.person_name == "Elena Ruiz")
    assert lineage_photo(editor, elena) == photo
    assert window.scene.photo_of(elena) is not None
