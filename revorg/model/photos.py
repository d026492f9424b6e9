"""People's photos, kept in the plan by lineage (one photo for the position in every scenario),
and the initials shown where there is none.

The image is already small and safe when it gets here: revorg.io.photos reads an image file as
untrusted input and makes it a square of at most 256 pixels, PNG or JPEG. This module only
stores it (the `photos` table of file format 8) and writes it as text for the change log: a
data URL ("data:image/png;base64,..."), so that a replay or a revert of the log can put the
exact bytes back. No Qt, no image library.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from revorg.model.entities import Position, photos

PNG = "image/png"
JPEG = "image/jpeg"
MEDIA_TYPES = (PNG, JPEG)
# The most a stored photo may weigh: a 256-pixel PNG with alpha is at most ~260 kB raw; a
# larger value in a plan or a log is not one RevOrg wrote.
MAX_PHOTO_BYTES = 512 * 1024
_DATA_URL = "data:{media_type};base64,"


@dataclass(frozen=True)
class Photo:
    """A person's photo as the plan stores it: PNG or JPEG bytes and their media type."""

    image: bytes
    media_type: str

    def __post_init__(self) -> None:
        if self.media_type not in MEDIA_TYPES:
            raise ValueError(f"a photo is PNG or JPEG, not {self.media_type!r}")
        if not self.image or len(self.image) > MAX_PHOTO_BYTES:
            raise ValueError(f"a photo of {len(self.image)} bytes")

    def log_text(self) -> str:
        """The photo as the change log keeps it: a data URL."""
        encoded = base64.b64encode(self.image).decode("ascii")
        return _DATA_URL.format(media_type=self.media_type) + encoded

    @classmethod
    def from_log_text(cls, text: object) -> Photo:
        """The photo a change log's text holds; ValueError when it is not one."""
        if not isinstance(text, str):
            raise ValueError("a photo is text in the log")
        for media_type in MEDIA_TYPES:
            prefix = _DATA_URL.format(media_type=media_type)
            if text.startswith(prefix):
                try:
                    image = base64.b64decode(text[len(prefix) :], validate=True)
                except binascii.Error as error:
                    raise ValueError(f"a photo that is not base64: {error}") from None
                return cls(image, media_type)
        raise ValueError("a photo that is not a PNG or JPEG data URL")


def log_text(photo: Photo | None) -> str | None:
    return None if photo is None else photo.log_text()


def photo_of(session: Session, lineage: str) -> Photo | None:
    """The photo of the person in the position of this lineage, or None."""
    found = session.execute(
        select(photos.c.image, photos.c.media_type).where(photos.c.lineage == lineage)
    ).first()
    return None if found is None else _stored(found[0], found[1])


def _stored(image: object, media_type: object) -> Photo | None:
    """A row of the photos table as a photo; None for one RevOrg did not write (a plan file is
    untrusted input: another kind of image, or too large)."""
    if not isinstance(image, bytes):
        return None
    try:
        return Photo(image, str(media_type))
    except ValueError:
        return None


def photos_of(session: Session, lineages: Iterable[str] | None = None) -> dict[str, Photo]:
    """The photos by lineage: every one, or those of `lineages`."""
    query = select(photos.c.lineage, photos.c.image, photos.c.media_type)
    wanted = None if lineages is None else sorted(set(lineages))
    found: dict[str, Photo] = {}
    chunks = [None] if wanted is None else [wanted[i : i + 500] for i in range(0, len(wanted), 500)]
    for chunk in chunks:  # SQLite limits the values of one query
        chosen = query if chunk is None else query.where(photos.c.lineage.in_(chunk))
        for lineage, image, media_type in session.execute(chosen):
            photo = _stored(image, media_type)
            if photo is not None:
                found[str(lineage)] = photo
    return found


def photo_lineages(session: Session) -> set[str]:
    """The lineages that have a photo: one small query, nothing decoded (a plan without photos
    opens as fast as before)."""
    return {str(lineage) for lineage in session.scalars(select(photos.c.lineage))}


def write_photo(session: Session, lineage: str, photo: Photo | None) -> None:
    """Give the lineage this photo, or none (None)."""
    session.execute(delete(photos).where(photos.c.lineage == lineage))
    if photo is not None:
        session.execute(
            insert(photos).values(lineage=lineage, image=photo.image, media_type=photo.media_type)
        )


def carry_photos(source: Session, target: Session) -> int:
    """Give the positions of `target` the photos `source` holds for their lineages (a workbook
    exported from a plan and imported again keeps its lineages, not its images: the import
    keeps the photos of the plan it replaces). Returns how many were carried."""
    lineages = {str(lineage) for lineage in target.scalars(select(Position.lineage)) if lineage}
    found = photos_of(source, lineages)
    for lineage, photo in found.items():
        write_photo(target, lineage, photo)
    if found:
        target.flush()
    return len(found)


def initials_of(person: str) -> str:
    """Up to two letters, shown where a person has no photo: the first of the first and last
    words ("Ana María López": "AL"); a name in CJK characters without spaces gives its first
    character."""
    words = [word for word in person.replace(".", " ").split() if word[:1].isalnum()]
    if not words:
        return ""
    if len(words) == 1:
        word = words[0]
        return word[:1].upper() if not word.isascii() else word[:2].upper()
    return (words[0][:1] + words[-1][:1]).upper()
