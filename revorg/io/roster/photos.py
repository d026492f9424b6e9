"""A roster's Photo column (Foto, 照片, Picture, Imagen, 头像): each cell is a local image file,
a path relative to the roster's folder or absolute. A missing or bad file is a warning on its
row and column, never a failure of the import: the person keeps their initials."""

from __future__ import annotations

from pathlib import Path

from revorg.io.photos import PhotoError, read_photo
from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.photos import Photo

_REMOTE = ("http://", "https://", "ftp://", "data:")


def roster_photo(cell: str, folder: Path) -> Photo:
    """The photo a cell names, read as revorg.io.photos reads any image file; PhotoError when
    there is none to read (a web address is not fetched)."""
    text = cell.strip().strip('"')
    if text.casefold().startswith(_REMOTE):
        raise PhotoError(
            QT_TRANSLATE_NOOP(
                "ImportFinding", "{file} is not a local file: only image files on this computer "
                "are read",
            ),
            file=text if len(text) <= 60 else text[:57] + "...",
        )  # fmt: skip
    path = Path(text).expanduser()
    return read_photo(path if path.is_absolute() else folder / path)
