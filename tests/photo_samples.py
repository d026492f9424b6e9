"""Portrait-like test pictures made with Pillow: a head and shoulders on a coloured ground, so
that a screenshot shows at a glance whether a photo is upright, centred and clipped round."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

GROUNDS = ("#8EC5E8", "#F5C28B", "#B9E0A5", "#D7B7E8", "#F2A7A7")


def portrait(path: Path, ground: str = GROUNDS[0], size: tuple[int, int] = (480, 360)) -> Path:
    """A landscape picture (cropped to its centre on a card) of a person facing the camera."""
    width, height = size
    image = Image.new("RGB", size, ground)
    draw = ImageDraw.Draw(image)
    cx, unit = width // 2, min(width, height) // 10
    draw.ellipse((cx - 3 * unit, height - 3 * unit, cx + 3 * unit, height + 3 * unit),
                 fill="#34495E")  # fmt: skip
    draw.ellipse((cx - 2 * unit, 2 * unit, cx + 2 * unit, 7 * unit), fill="#F1C7A5")
    draw.chord((cx - 2 * unit, 1 * unit, cx + 2 * unit, 5 * unit), 180, 360, fill="#4A3426")
    image.save(path)
    return path
