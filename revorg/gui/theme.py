"""Colours that stay readable in the system's light and dark themes.

The plan's colours (departments, red/amber/green) are chosen for a white background; on a dark
one the same red or navy text is hard to read. Text colours go through `readable()`, which
lightens or darkens a colour until it has a WCAG contrast of 4.5:1 with the background.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

MIN_CONTRAST = 4.5  # WCAG AA for body text


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def background(palette: QPalette | None = None) -> QColor:
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Base)


def is_dark(palette: QPalette | None = None) -> bool:
    return background(palette).lightnessF() < 0.5


def readable(colour: str | QColor, on: QColor | None = None) -> QColor:
    """`colour`, made lighter (on dark) or darker (on light) until it reads well on `on`."""
    result = QColor(colour)
    base = on or background()
    dark_background = base.lightnessF() < 0.5
    for _ in range(12):
        if contrast(result, base) >= MIN_CONTRAST:
            break
        result = result.lighter(115) if dark_background else result.darker(115)
    return result


def readable_name(colour: str | QColor, on: QColor | None = None) -> str:
    """The same, as "#rrggbb" for style sheets and rich text."""
    return readable(colour, on).name()
