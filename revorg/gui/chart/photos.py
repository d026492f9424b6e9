"""People's photos on the chart's cards: a part of ChartScene (revorg.gui.chart.scene), as the
marks are.

Each photo is decoded once, when a card first draws it, and kept by lineage (a position's
lineage is the same in every scenario, as its photo is); an edit of a photo drops that one
image and redraws the cards of its lineage. A plan without photos pays one small query at
open (the lineages that have one: none) and a set lookup per drawn card.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from revorg.model.editing.change import Change, RecordKind
from revorg.model.lineage import lineage_of
from revorg.model.photos import photo_lineages, photo_of

if TYPE_CHECKING:
    from revorg.gui.chart.scene_cards import CardMap
    from revorg.model.editing.reading import PlanReading

# Kept at this size: a card's circle is 30 pixels, 90 at a close zoom or on a projector; the
# stored 256 pixels scaled down at every paint was work for nothing.
PIXMAP_PIXELS = 96


class CardPhotos:
    plan: PlanReading
    cards: CardMap
    _photo_lineages: set[str]
    _pixmaps: dict[str, QPixmap | None]

    def read_photo_lineages(self) -> None:
        """Which lineages have a photo; every decoded image forgotten (another plan)."""
        self._photo_lineages = photo_lineages(self.plan.session)
        self._pixmaps = {}

    def photo_of(self, position_id: int) -> QPixmap | None:
        """The photo of the person in a position, decoded at its first use; None without one
        (or when the stored image cannot be decoded: the card shows the initials)."""
        if not self._photo_lineages:
            return None
        row = self.plan.positions().get(position_id)
        if row is None:
            return None
        lineage = lineage_of(position_id, row.lineage)
        if lineage not in self._photo_lineages:
            return None
        if lineage not in self._pixmaps:
            self._pixmaps[lineage] = self._decoded(lineage)
        return self._pixmaps[lineage]

    def _decoded(self, lineage: str) -> QPixmap | None:
        photo = photo_of(self.plan.session, lineage)
        if photo is None:
            return None
        pixmap = QPixmap()
        if not pixmap.loadFromData(photo.image):
            return None
        return pixmap.scaled(
            PIXMAP_PIXELS,
            PIXMAP_PIXELS,
            Qt.AspectRatioMode.KeepAspectRatioByExpanding,
            Qt.TransformationMode.SmoothTransformation,
        )

    def take_photo_changes(self, change: Change | None) -> None:
        """After an edit: the photos it set or removed are read again and their cards redrawn
        (None: another plan or scenario, which the scene draws anew)."""
        if change is None:
            self.read_photo_lineages()
            return
        changed = {
            str(record.record_id) for record in change.records if record.record == RecordKind.PHOTO
        }
        if not changed:
            return
        self._photo_lineages = photo_lineages(self.plan.session)
        for lineage in changed:
            self._pixmaps.pop(lineage, None)
        positions = self.plan.positions()
        for position_id, card in self.cards.items():
            row = positions.get(position_id)
            if row is not None and lineage_of(position_id, row.lineage) in changed:
                card.update()
