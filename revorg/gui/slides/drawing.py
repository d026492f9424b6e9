"""Native PowerPoint shapes for the chart: rounded cards with their text, elbow connectors glued
to them, text boxes. Editable in PowerPoint and Impress: nothing is a picture but people's
photos, each in a circle at its card's top left.

python-pptx sets a connector's two ends but draws an elbow as a horizontal-vertical-horizontal
line; an org chart's lines go down, across and down, which is the same elbow turned a quarter,
as PowerPoint itself stores it (`rot`, and `flipV` when the report is on the right).
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.shapes.autoshape import Shape
from pptx.shapes.connector import Connector
from pptx.shapes.shapetree import SlideShapes
from pptx.text.text import TextFrame
from pptx.util import Emu, Pt
from PySide6.QtGui import QFont, QFontMetricsF

FONT = "Arial"  # on every PowerPoint; LibreOffice draws it with Liberation Sans, same widths
TITLE_POINTS = 10.0  # a card's title at scale 1
TEXT_POINTS = 9.0  # its other lines: the smallest text on a slide
LINE_SPACING = 1.0  # single: four lines fit a card
CARD_PADDING = 5.0  # points inside a card's border, left and right
CARD_PADDING_TOP = 3.0
PHOTO_POINTS = 22.0  # a person's photo at scale 1: left of the card's texts
# Connection sites of a rectangle, as PowerPoint numbers them.
TOP, LEFT, BOTTOM, RIGHT = 0, 1, 2, 3
QUARTER_TURN = 5_400_000  # 90 degrees in DrawingML's 60,000ths of a degree


def colour_of(red: int, green: int, blue: int) -> RGBColor:
    colour: RGBColor = RGBColor(red, green, blue)  # type: ignore[no-untyped-call]
    return colour


DARK_TEXT = colour_of(0x1A, 0x1A, 0x1A)
SOFT_TEXT = colour_of(0x45, 0x5A, 0x64)
OPEN_TEXT = colour_of(0x8A, 0x55, 0x00)


def points(value: float) -> Emu:
    return Emu(round(value * 12700))


def rgb(colour: str) -> RGBColor:
    """ "#0062F5" as a colour of the slides."""
    value = colour.lstrip("#")
    red, green, blue = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return colour_of(red, green, blue)


def tint(colour: str, share: float) -> RGBColor:
    """`colour` mixed with white: `share` of the colour is kept."""
    value = colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) for i in (0, 2, 4)]
    red, green, blue = (round(255 - (255 - c) * share) for c in channels)
    return colour_of(red, green, blue)


# --- text that fits ----------------------------------------------------------------------------


def text_width(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """The width of `text` in points, measured in Arial (Liberation Sans on Linux, the same
    widths): Qt measures it at 100 pixels, and widths scale with the size."""
    key = (bold, italic)
    metrics = _metrics.get(key)
    if metrics is None:
        font = QFont(FONT)
        font.setPixelSize(100)
        font.setBold(bold)
        font.setItalic(italic)
        metrics = _metrics[key] = QFontMetricsF(font)
    return metrics.horizontalAdvance(text) * size / 100


_metrics: dict[tuple[bool, bool], QFontMetricsF] = {}


def fit_lines(
    text: str, width: float, size: float, bold: bool, lines: int, italic: bool = False
) -> str:
    """`text`, cut with an ellipsis where it would need more than `lines` lines of `width`,
    broken as PowerPoint breaks lines: between words, and inside a word wider than a line
    (Chinese has no spaces)."""
    width *= 0.97  # a little room: Impress and PowerPoint do not measure alike to the point

    def fits(piece: str) -> bool:
        return text_width(piece, size, bold, italic) <= width

    rows: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if fits(candidate):
            current = candidate
            continue
        if current:
            rows.append(current)
        current = ""
        for character in word:  # a word wider than the line breaks where it must
            if current and not fits(current + character):
                rows.append(current)
                current = ""
            current += character
    rows.append(current)
    if len(rows) <= lines:
        return text
    last = " ".join(rows[lines - 1 :])
    while last and not fits(last.rstrip() + "…"):
        last = last[:-1]
    kept = [*rows[: lines - 1], last.rstrip() + "…"]
    return "".join(kept) if " " not in text else " ".join(kept)


# --- cards ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CardText:
    title: str
    person: str
    is_open: bool
    cost: str
    team: str = ""  # a collapsed card: its team's size and the slide it is on


def add_card(
    shapes: SlideShapes,
    left: float,
    top: float,
    width: float,
    height: float,
    scale: float,
    text: CardText,
    colour: str,
    photo: bytes | None = None,
) -> Shape:
    """A rounded card in the department's colour, its texts at `scale` times 10 and 9 pt;
    with a `photo` (PNG or JPEG bytes, revorg.model.photos), the photo in a circle on its left
    and the texts beside it."""
    card = shapes.add_shape(
        MSO_SHAPE.ROUNDED_RECTANGLE, points(left), points(top), points(width), points(height)
    )
    card.adjustments[0] = 0.12
    card.fill.solid()
    card.fill.fore_color.rgb = tint(colour, 0.14)
    card.line.color.rgb = rgb(colour)
    card.line.width = Pt(1.5 if text.team else 1.0)
    card.shadow.inherit = False
    frame = card.text_frame
    _plain_frame(frame, CARD_PADDING * scale, CARD_PADDING_TOP * scale)
    frame.vertical_anchor = MSO_ANCHOR.TOP
    inner = width - 2 * CARD_PADDING * scale
    if photo is not None:
        side = PHOTO_POINTS * scale
        inner -= side + CARD_PADDING * scale
        frame.margin_left = points((2 * CARD_PADDING) * scale + side)
    title_size, text_size = TITLE_POINTS * scale, TEXT_POINTS * scale
    rows: list[tuple[str, float, bool, bool, RGBColor]] = [
        (
            fit_lines(text.title, inner, title_size, True, 1 if text.team else 2),
            title_size,
            True,
            False,
            DARK_TEXT,
        ),
        (
            fit_lines(text.person, inner, text_size, False, 1, text.is_open),
            text_size,
            False,
            text.is_open,
            OPEN_TEXT if text.is_open else SOFT_TEXT,
        ),
        (fit_lines(text.cost, inner, text_size, False, 1), text_size, False, False, SOFT_TEXT),
    ]
    if text.team:
        team = fit_lines(text.team, inner, text_size, True, 1)
        rows.append((team, text_size, True, False, rgb(colour)))
    for index, (line, size, bold, italic, colour_of_text) in enumerate(rows):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.LEFT
        paragraph.line_spacing = LINE_SPACING
        run = paragraph.add_run()
        run.text = line
        font = run.font
        font.name = FONT
        font.size = Pt(round(size, 1))
        font.bold = bold
        font.italic = italic
        font.color.rgb = colour_of_text
    if photo is not None:
        _add_photo(shapes, left + CARD_PADDING * scale, top + 2 * CARD_PADDING_TOP * scale,
                   PHOTO_POINTS * scale, photo, colour)  # fmt: skip
    return card


def _add_photo(
    shapes: SlideShapes, left: float, top: float, side: float, image: bytes, colour: str
) -> None:
    """A picture cropped to a circle (its shape an ellipse), with a ring of the card's colour."""
    picture = shapes.add_picture(io.BytesIO(image), points(left), points(top), points(side))
    picture.auto_shape_type = MSO_SHAPE.OVAL
    picture.line.color.rgb = rgb(colour)
    picture.line.width = Pt(1.0)
    picture.name = "Photo"


def add_text(
    shapes: SlideShapes,
    left: float,
    top: float,
    width: float,
    height: float,
    lines: Sequence[tuple[str, float, bool, RGBColor]],
) -> Shape:
    """A text box of lines (text, size in points, bold, colour), wrapped in its width."""
    box = shapes.add_textbox(points(left), points(top), points(width), points(height))
    frame = box.text_frame
    _plain_frame(frame, 0, 0)
    for index, (line, size, bold, colour) in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = line
        run.font.name = FONT
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = colour
    return box


def _plain_frame(frame: TextFrame, horizontal: float, vertical: float) -> None:
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = points(horizontal)
    frame.margin_top = frame.margin_bottom = points(vertical)


# --- connectors ----------------------------------------------------------------------------------


def connect_down(shapes: SlideShapes, manager: Shape, report: Shape, colour: str) -> Connector:
    """An elbow from the manager's bottom to the report's top: down, across at half the gap,
    down (a quarter-turned elbow, glued to both cards)."""
    begin_x, begin_y = _site(manager, BOTTOM)
    end_x, end_y = _site(report, TOP)
    connector = shapes.add_connector(
        MSO_CONNECTOR.ELBOW, Emu(begin_x), Emu(begin_y), Emu(end_x), Emu(end_y)
    )
    across = abs(end_x - begin_x)
    down = end_y - begin_y
    centre_x, centre_y = (begin_x + end_x) / 2, (begin_y + end_y) / 2
    # Turned a quarter clockwise, the elbow's box is `down` wide and `across` high; it starts
    # top right, so a report on the right needs it flipped (flipV, before the turn).
    _set_transform(
        connector,
        left=round(centre_x - down / 2),
        top=round(centre_y - across / 2),
        width=down,
        height=across,
        rotation=QUARTER_TURN,
        flip_h=False,
        flip_v=end_x > begin_x,
    )
    return _glued(connector, manager, BOTTOM, report, TOP, colour)


def connect_stacked(
    shapes: SlideShapes, manager: Shape, report: Shape, spine: float, colour: str
) -> Connector:
    """A report in a column under its manager (the column set `spine` points right of the
    manager): out of the manager's left side, `spine` points left, down, and into the report's
    left side, as the chart draws a stacked team."""
    begin_x, begin_y = _site(manager, LEFT)
    end_x, end_y = _site(report, LEFT)
    connector = shapes.add_connector(
        MSO_CONNECTOR.ELBOW, Emu(begin_x), Emu(begin_y), Emu(end_x), Emu(end_y)
    )
    width = max(end_x - begin_x, 1)
    # The elbow's middle leg, measured from its start: `spine` points left of the manager.
    _set_adjustment(connector, -points(spine) / width)
    return _glued(connector, manager, LEFT, report, LEFT, colour)


def connect_beside(shapes: SlideShapes, manager: Shape, report: Shape, colour: str) -> Connector:
    """A report in one of the two columns under its manager: down from the manager's bottom,
    between the columns, and across into the report's near side (an elbow of two legs, turned
    a quarter)."""
    begin_x, begin_y = _site(manager, BOTTOM)
    side = LEFT if int(report.left) > begin_x else RIGHT
    end_x, end_y = _site(report, side)
    connector = shapes.add_connector(
        MSO_CONNECTOR.ELBOW, Emu(begin_x), Emu(begin_y), Emu(end_x), Emu(end_y)
    )
    across = abs(end_x - begin_x)
    down = end_y - begin_y
    _set_geometry(connector, "bentConnector2")
    _set_transform(
        connector,
        left=round((begin_x + end_x) / 2 - down / 2),
        top=round((begin_y + end_y) / 2 - across / 2),
        width=down,
        height=across,
        rotation=QUARTER_TURN,
        flip_h=False,
        flip_v=end_x > begin_x,
    )
    return _glued(connector, manager, BOTTOM, report, side, colour)


def _site(shape: Shape, site: int) -> tuple[int, int]:
    x, y, width, height = int(shape.left), int(shape.top), int(shape.width), int(shape.height)
    return {
        TOP: (x + width // 2, y),
        LEFT: (x, y + height // 2),
        BOTTOM: (x + width // 2, y + height),
        RIGHT: (x + width, y + height // 2),
    }[site]


def _glued(
    connector: Connector, begin: Shape, begin_site: int, end: Shape, end_site: int, colour: str
) -> Connector:
    element: Any = connector._element
    properties = element.nvCxnSpPr.cNvCxnSpPr
    start = properties.get_or_add_stCxn()
    start.id, start.idx = begin.shape_id, begin_site
    finish = properties.get_or_add_endCxn()
    finish.id, finish.idx = end.shape_id, end_site
    connector.line.color.rgb = rgb(colour)
    connector.line.width = Pt(1.25)
    return connector


def _set_transform(
    connector: Connector,
    *,
    left: int,
    top: int,
    width: int,
    height: int,
    rotation: int,
    flip_h: bool,
    flip_v: bool,
) -> None:
    element: Any = connector._element
    transform = element.spPr.find(qn("a:xfrm"))
    for name in ("rot", "flipH", "flipV"):
        transform.attrib.pop(name, None)
    if rotation:
        transform.set("rot", str(rotation))
    if flip_h:
        transform.set("flipH", "1")
    if flip_v:
        transform.set("flipV", "1")
    offset, extent = transform.find(qn("a:off")), transform.find(qn("a:ext"))
    offset.set("x", str(left))
    offset.set("y", str(top))
    extent.set("cx", str(max(width, 0)))
    extent.set("cy", str(max(height, 0)))


def _set_adjustment(connector: Connector, fraction: float) -> None:
    """The elbow's middle leg (adj1) as a share of its box, in 100,000ths."""
    element: Any = connector._element
    geometry = element.spPr.find(qn("a:prstGeom"))
    guides = geometry.find(qn("a:avLst"))
    if guides is None:
        guides = OxmlElement("a:avLst")
        geometry.append(guides)
    for guide in list(guides):
        guides.remove(guide)
    guide = OxmlElement("a:gd")
    guides.append(guide)
    guide.set("name", "adj1")
    guide.set("fmla", f"val {math.floor(fraction * 100000)}")


def _set_geometry(connector: Connector, preset: str) -> None:
    element: Any = connector._element
    element.spPr.find(qn("a:prstGeom")).set("prst", preset)
