"""A person's photo set and removed through the edit core: one step each, kept for the position
in every scenario (its lineage), undone and redone, written to the change log with the image
itself, so that replay, state_after and revert give the exact bytes back."""

from __future__ import annotations

from pathlib import Path

import pytest

from revorg.model.document import PlanDocument
from revorg.model.editing import PlanEditor, requests
from revorg.model.editing.photos import lineage_photo, set_photo
from revorg.model.history.browse import StepFilter, page
from revorg.model.history.chain import verify
from revorg.model.history.recording import attach_recorder
from revorg.model.history.replay import ReplayError, replay, state_after
from revorg.model.history.revert import RevertRefusedError, revert_edit
from revorg.model.photos import JPEG, PNG, Photo, photo_of, photos_of
from tests.conftest import CliRunner
from tests.model.history.conftest import by_title

# Not real images: the model stores bytes as they are given (revorg.io.photos made them).
ELENA = Photo(b"\xff\xd8\xff\xe0 Elena's face \xff\xd9", JPEG)
CRO = "Chief Revenue Officer"  # Elena Ruiz in the demo plan
ELENA_AGAIN = Photo(b"\x89PNG\r\n\x1a\n Elena, new \x00\x01\x02", PNG)


def photo_in(document: PlanDocument) -> dict[str, Photo]:
    return photos_of(document.session)


def test_a_photo_is_one_step_undone_and_redone(editor: PlanEditor) -> None:
    cro = by_title(editor, CRO)
    edit = set_photo(editor, cro, ELENA)
    assert edit is not None
    assert edit.text.english() == "Add photo of Elena Ruiz"
    change = editor.perform(edit)
    assert lineage_photo(editor, cro) == ELENA
    [record] = change.records
    assert (record.record, record.field, record.old) == ("photo", "image", None)
    assert str(record.new).startswith("data:image/jpeg;base64,")

    editor.revert(edit)
    assert lineage_photo(editor, cro) is None
    editor.apply(edit)
    assert lineage_photo(editor, cro) == ELENA
    assert set_photo(editor, cro, ELENA) is None  # nothing to change


def test_the_photo_is_the_persons_in_every_scenario(editor: PlanEditor) -> None:
    cro = by_title(editor, CRO)
    editor.perform(requests.copy_scenario(editor, ("{name} (copy)", "{name} (copy {number})")))
    copied_cro = by_title(editor, CRO)
    assert copied_cro != cro
    editor.perform(set_photo(editor, copied_cro, ELENA))
    editor.switch_scenario(editor.scenarios()[0].id)
    assert lineage_photo(editor, cro) == ELENA


def test_the_log_keeps_the_image_and_replay_and_rewind_rebuild_it(editor: PlanEditor) -> None:
    start = PlanDocument.from_template("demo", 2027)
    cro = by_title(editor, CRO)
    editor.perform(set_photo(editor, cro, ELENA))  # step 1
    replaced = set_photo(editor, cro, ELENA_AGAIN)
    assert replaced is not None and replaced.text.english() == "Replace photo of Elena Ruiz"
    editor.perform(replaced)  # step 2
    removed = set_photo(editor, cro, None)
    assert removed is not None and removed.text.english() == "Remove photo of Elena Ruiz"
    editor.perform(removed)  # step 3
    editor.revert(removed)  # step 4: the undo, a step of its own
    lineage = editor.position(cro).lineage
    assert lineage is not None
    assert photo_of(editor.session, lineage) == ELENA_AGAIN
    newest = page(editor.session, StepFilter(), limit=1)[0]
    assert newest.changes[0].old is None  # undoing the removal: none, then the new photo back
    assert newest.changes[0].new == ELENA_AGAIN.log_text()
    assert verify(editor.session) is None

    with replay(start.session, editor.session) as again:
        assert photo_in(again) == {lineage: ELENA_AGAIN}
    for step, expected in ((1, ELENA), (2, ELENA_AGAIN), (3, None), (4, ELENA_AGAIN)):
        with state_after(editor.session, step) as then:
            assert photo_in(then) == ({lineage: expected} if expected else {})
    start.close()


def test_reverting_a_photo_step_puts_the_one_before_back(editor: PlanEditor) -> None:
    cro = by_title(editor, CRO)
    editor.perform(set_photo(editor, cro, ELENA))  # step 1
    editor.perform(set_photo(editor, cro, ELENA_AGAIN))  # step 2
    with pytest.raises(RevertRefusedError, match="changed again by Ana"):
        revert_edit(editor.session, 1)  # step 2 changed the same photo
    edit = revert_edit(editor.session, 2)
    editor.apply(edit)
    assert lineage_photo(editor, cro) == ELENA
    editor.revert(edit)
    assert lineage_photo(editor, cro) == ELENA_AGAIN


def test_a_log_whose_photo_does_not_match_the_plan_is_refused(editor: PlanEditor) -> None:
    cro = by_title(editor, CRO)
    editor.perform(set_photo(editor, cro, ELENA))
    editor.perform(set_photo(editor, cro, ELENA_AGAIN))
    lineage = editor.position(cro).lineage
    editor.session.connection().exec_driver_sql(
        "UPDATE photos SET image = x'00' WHERE lineage = ?", (lineage,)
    )
    with pytest.raises(ReplayError, match="is not as the log says"):
        state_after(editor.session, 1)


def test_the_command_lines_history_gives_a_photos_kind_and_size(
    run_cli: CliRunner, demo_file: Path
) -> None:
    with PlanDocument.open(demo_file) as document:
        editor = PlanEditor(document)
        attach_recorder(editor, "Ana")
        editor.perform(set_photo(editor, by_title(editor, CRO), ELENA))
        document.save()
    result = run_cli("history", demo_file, "--limit", "1")
    assert result.code == 0
    lines = result.out.splitlines()
    assert "  Ana  do  Add photo of Elena Ruiz  (Base)" in lines[0]
    lineage = lines[1].split()[1]
    size = len(ELENA.image)
    assert lines[1] == f"    photo {lineage} image: none -> image/jpeg photo, {size} bytes"


def test_a_photo_row_revorg_did_not_write_is_no_photo(editor: PlanEditor) -> None:
    """A plan file is untrusted: another kind of image or an oversized one is left out."""
    cro = by_title(editor, CRO)
    lineage = editor.position(cro).lineage
    editor.session.connection().exec_driver_sql(
        "INSERT INTO photos (lineage, image, media_type) VALUES (?, ?, ?)",
        (lineage, b"GIF89a...", "image/gif"),
    )
    assert lineage_photo(editor, cro) is None
    assert photos_of(editor.session) == {}
    editor.perform(set_photo(editor, cro, ELENA))  # replaces it
    assert lineage_photo(editor, cro) == ELENA
