"""A person's photo set or removed: the request and its step (revorg.model.photos stores it).

A photo belongs to the position in every scenario (its lineage), as a deal owner matched by hand
does: one edit gives it to the person wherever the position is, and no step switches scenario.
The change log keeps the image itself (a data URL) as the old and new value, so that replay,
state_after and revert put back the exact bytes.
"""

from __future__ import annotations

from revorg.model.editing.change import RecordKind, StepText
from revorg.model.editing.reading import PlanReading
from revorg.model.editing.steps import Edit, EditContext, Step
from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.lineage import lineage_of
from revorg.model.photos import Photo, log_text, photo_of, write_photo

PHOTO_FIELD = "image"  # the field a change log names for a photo


class SetPhoto(Step):
    """The photo of a lineage (None: no photo), and back."""

    def __init__(self, lineage: str, old: Photo | None, new: Photo | None) -> None:
        self.lineage, self.old, self.new = lineage, old, new

    def apply(self, context: EditContext) -> None:
        self._set(context, self.new)

    def revert(self, context: EditContext) -> None:
        self._set(context, self.old)

    def _set(self, context: EditContext, photo: Photo | None) -> None:
        write_photo(context.session, self.lineage, photo)
        context.record(
            RecordKind.PHOTO, self.lineage, PHOTO_FIELD, log_text(self.old), log_text(self.new)
        )

    def shown_before(self, undoing: bool, made_in: int) -> int | None:
        return None  # the person's photo in every scenario: stay where the user is


def set_photo(plan: PlanReading, position_id: int, photo: Photo | None) -> Edit | None:
    """Give the person in the position this photo (None: remove it), in every scenario; None
    when it already is so. The photo was read by revorg.io.photos (square, small)."""
    position = plan.position(position_id)
    lineage = lineage_of(position.id, position.lineage)
    old = photo_of(plan.session, lineage)
    if old == photo:
        return None
    who = (position.person_name or "").strip() or position.title
    if photo is None:
        template = QT_TRANSLATE_NOOP("PlanEditor", "Remove photo of %1")
    elif old is None:
        template = QT_TRANSLATE_NOOP("PlanEditor", "Add photo of %1")
    else:
        template = QT_TRANSLATE_NOOP("PlanEditor", "Replace photo of %1")
    return Edit(StepText(template, (who,)), plan.scenario_id, SetPhoto(lineage, old, photo))


def lineage_photo(plan: PlanReading, position_id: int) -> Photo | None:
    """The photo of the person in a position (by its lineage), or None."""
    position = plan.position(position_id)
    return photo_of(plan.session, lineage_of(position.id, position.lineage))
