"""The inspector's photo: the person's photo in a circle, or their initials, with Add photo… and
Remove photo. The file is read as untrusted input (revorg.io.photos); a file that is no photo
is said in a dialog and nothing changes. Each change is one undoable edit of the lineage's
photo (revorg.model.editing.photos), so the person has it in every scenario."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.controller import PlanController
from revorg.gui.i18n import fill
from revorg.gui.labels import phrase_text
from revorg.io.photos import IMAGE_PATTERNS, PhotoError, read_photo
from revorg.model.editing.photos import lineage_photo, set_photo
from revorg.model.photos import Photo, initials_of

AVATAR_PIXELS = 56


class PhotoField(QWidget):
    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.position_id: int | None = None
        self.avatar = QLabel()
        self.avatar.setObjectName("inspectorPhoto")
        self.avatar.setFixedSize(AVATAR_PIXELS, AVATAR_PIXELS)
        self.add_button = QPushButton(self.tr("Add photo…"))
        self.add_button.setObjectName("addPhotoButton")
        self.remove_button = QPushButton(self.tr("Remove photo"))
        self.remove_button.setObjectName("removePhotoButton")
        buttons = QVBoxLayout()
        buttons.setSpacing(2)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.avatar)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.add_button.clicked.connect(self.add_photo)
        self.remove_button.clicked.connect(self.remove_photo)

    def show_position(self, position_id: int | None) -> None:
        self.position_id = position_id
        photo: Photo | None = None
        person, colour = "", "#90A4AE"
        if position_id is not None:
            editor = self.controller.editor
            position = editor.position(position_id)
            photo = lineage_photo(editor, position_id)
            person = (position.person_name or "").strip()
            department = editor.departments_by_key().get(position.department_key)
            colour = department.color if department is not None else colour
        self.avatar.setPixmap(_avatar(photo, initials_of(person) or "?", colour))
        self.avatar.setAccessibleName(
            fill(self.tr("Photo of %1"), person) if photo else self.tr("No photo")
        )
        self.add_button.setText(self.tr("Replace photo…") if photo else self.tr("Add photo…"))
        # A vacancy has no person to show: its card keeps the open circle.
        self.add_button.setEnabled(bool(person))
        self.add_button.setToolTip("" if person else self.tr("An open position has no photo"))
        self.remove_button.setEnabled(photo is not None)

    def choose_file(self) -> str:
        """The image file the user picks ("" when they cancel); replaced in tests."""
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Add photo"),
            "",
            fill(self.tr("Images (%1);;All files (*)"), IMAGE_PATTERNS),
        )
        return name

    def add_photo(self) -> None:
        if self.position_id is None:
            return
        name = self.choose_file()
        if not name:
            return
        try:
            photo = read_photo(Path(name))
        except PhotoError as error:
            QMessageBox.warning(
                self,
                self.tr("Add photo"),
                phrase_text(error.phrase, self.controller.language),
            )
            return
        self.controller.push(set_photo(self.controller.editor, self.position_id, photo))

    def remove_photo(self) -> None:
        if self.position_id is not None:
            self.controller.push(set_photo(self.controller.editor, self.position_id, None))


def _avatar(photo: Photo | None, initials: str, colour: str) -> QPixmap:
    """The photo clipped round, or the initials in a circle of the department's colour."""
    ratio = 2.0  # drawn at twice the size: sharp on a high-density screen too
    size = AVATAR_PIXELS * ratio
    pixmap = QPixmap(int(size), int(size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    box = QRectF(2, 2, size - 4, size - 4)
    image = QPixmap()
    if photo is not None and image.loadFromData(photo.image):
        circle = QPainterPath()
        circle.addEllipse(box)
        painter.setClipPath(circle)
        painter.drawPixmap(box, image, QRectF(image.rect()))
    else:
        background = QColor(colour)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawEllipse(box)
        painter.setPen(QColor("white") if background.lightnessF() < 0.62 else QColor("#1A1A1A"))
        font = QFont()
        font.setPixelSize(int(size * 0.36))
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, initials)
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap
