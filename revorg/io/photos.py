"""A person's photo read from an image file, as untrusted input: a roster's Photo column names
one, the inspector's Add photo… picks one.

Only PNG, JPEG, GIF, WebP and BMP files of at most 20 MB are opened (told by their first bytes,
not their name), and Pillow refuses decompression bombs (more pixels than MAX_IMAGE_PIXELS: its
warning is an error here). The image is turned as its EXIF orientation says, cropped to a
centred square and scaled down to at most 256 pixels a side: a card shows it in a 30-pixel
circle, a slide at 1.5 cm, so a plan of 300 photos stays a few megabytes. It is stored as PNG
when it has transparency, else as JPEG (quality 85).

Pillow is imported when a photo is read, never before: the command line's summary and the
window's start do not load it (tests/test_start_imports.py).
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from revorg.io.messages import BadValueError
from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.photos import JPEG, PNG, Photo

if TYPE_CHECKING:
    from PIL.Image import Image

MAX_FILE_BYTES = 20 * 1024 * 1024
PHOTO_PIXELS = 256  # the longest side of a stored photo
JPEG_QUALITY = 85
# The formats read, by their first bytes, and as Pillow names them.
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"BM", "BMP"),
)
FORMATS = ("PNG", "JPEG", "GIF", "WEBP", "BMP")
# The file dialog's filter for the formats above.
IMAGE_PATTERNS = "*.png *.jpg *.jpeg *.gif *.webp *.bmp"


class PhotoError(BadValueError):
    """An image file that cannot be a photo: missing, too large, not an image RevOrg reads,
    damaged, or a decompression bomb. Its phrase says why (revorg.io.messages)."""


def _format_of(head: bytes) -> str | None:
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    return next((name for signature, name in SIGNATURES if head.startswith(signature)), None)


def read_photo(path: Path) -> Photo:
    """The photo in an image file, square and small; PhotoError when there is none."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise PhotoError(QT_TRANSLATE_NOOP("ImportFinding", "{file} is not a file"), file=path)
    except OSError:
        raise PhotoError(
            QT_TRANSLATE_NOOP("ImportFinding", "no such image file: {file}"), file=path
        ) from None
    if size > MAX_FILE_BYTES:
        raise PhotoError(
            QT_TRANSLATE_NOOP(
                "ImportFinding", "{file} is larger than {limit} MB: a photo is at most that"
            ),
            file=path.name,
            limit=MAX_FILE_BYTES // (1024 * 1024),
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise PhotoError(
            QT_TRANSLATE_NOOP("ImportFinding", "{file} cannot be read: {problem}"),
            file=path.name,
            problem=error.strerror or error,
        ) from None
    return photo_from_bytes(data, path.name)


def photo_from_bytes(data: bytes, name: str) -> Photo:
    """The photo in an image file's bytes (`name`: the file, as messages call it)."""
    kind = _format_of(data[:16])
    if kind is None or len(data) > MAX_FILE_BYTES:
        raise PhotoError(
            QT_TRANSLATE_NOOP("ImportFinding", "{file} is not a PNG, JPEG, GIF, WebP or BMP image"),
            file=name,
        )
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[kind]) as opened:
                return _photo(opened)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise PhotoError(
            QT_TRANSLATE_NOOP(
                "ImportFinding",
                "{file} has too many pixels to be opened safely (more than {limit} million)",
            ),
            file=name,
            limit=Image.MAX_IMAGE_PIXELS // 1_000_000 if Image.MAX_IMAGE_PIXELS else 0,
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, IndexError):
        # Pillow's decoders say a damaged file in any of these.
        raise PhotoError(
            QT_TRANSLATE_NOOP("ImportFinding", "{file} is damaged: its image cannot be read"),
            file=name,
        ) from None


def _photo(opened: Image) -> Photo:
    from PIL import Image, ImageOps

    if opened.format == "JPEG":  # decode a large JPEG at a fraction of its size, quickly
        opened.draft(opened.mode, (PHOTO_PIXELS, PHOTO_PIXELS))
    image = ImageOps.exif_transpose(opened)  # the orientation the camera meant
    width, height = image.size
    side = min(width, height)
    left, top = (width - side) // 2, (height - side) // 2
    square = image.crop((left, top, left + side, top + side))
    transparent = _has_transparency(square)
    square = square.convert("RGBA" if transparent else "RGB")
    if side > PHOTO_PIXELS:
        square = square.resize((PHOTO_PIXELS, PHOTO_PIXELS), Image.Resampling.LANCZOS)
    output = io.BytesIO()
    if transparent:
        square.save(output, format="PNG", optimize=True)
        return Photo(output.getvalue(), PNG)
    square.save(output, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return Photo(output.getvalue(), JPEG)


def _has_transparency(image: Image) -> bool:
    """Whether some pixel is not opaque (an RGBA image with every pixel opaque is a JPEG)."""
    if image.mode == "P" and "transparency" in image.info:
        image = image.convert("RGBA")
    if image.mode not in ("RGBA", "LA", "PA", "La", "RGBa"):
        return False
    low = image.getchannel("A").getextrema()[0]
    return isinstance(low, int | float) and low < 255
