"""What a card says and in which fonts: its texts from the model, the person's initials, the
name font the readable zoom is computed from (the one place of that rule), a collapsed team's
roll-up lines, and text broken between words. revorg.gui.chart.card draws them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication

from revorg.gui.chart.collapse import TeamRollup
from revorg.gui.i18n import fill, month_label, translate
from revorg.gui.numbers import format_count, format_money, format_percent
from revorg.model.months import YearMonth
from revorg.model.photos import initials_of  # a card without a photo shows them

PIXELS_PER_POINT = 96 / 72  # scene units are pixels of a 96-dpi screen
# A card's name is readable from this many pixels high on screen (issue 19: at 6.5 pixels a
# founder leaned into the screen). The one place of the rule: see readable_zoom().
READABLE_NAME_PIXELS = 11.0
NAME_SCALE = 1.25  # the name's size against the body text: the line read first


@dataclass(frozen=True)
class CardContent:
    """The texts and colour of one card, computed from the model (no Qt)."""

    title: str
    person_line: str
    is_open: bool
    role_line: str
    headcount: int
    cost_line: str
    colour: str
    search_text: str
    initials: str = ""


def search_text(title: str, person_name: str | None, role_name: str) -> str:
    """What Find compares with: the title, the person and the role, lowercased."""
    return f"{title}\n{(person_name or '').strip()}\n{role_name}".casefold()


def card_content(
    *,
    title: str,
    person_name: str | None,
    start_month: YearMonth | None,
    role_name: str,
    headcount: int,
    annual_cost: Decimal | None,
    currency: str,
    colour: str,
) -> CardContent:
    """`annual_cost` None: a chart without salaries (a copy for everyone), no cost line."""
    person = (person_name or "").strip()
    if person:
        person_line = person
    elif start_month is not None:
        person_line = fill(translate("ChartCard", "Open, starts %1"), month_label(start_month))
    else:
        person_line = translate("ChartCard", "Open")
    cost_line = ""
    if annual_cost is not None:
        cost_line = fill(
            translate("ChartCard", "%1 / yr"), format_money(annual_cost * headcount, currency)
        )
    return CardContent(
        title=title,
        person_line=person_line,
        is_open=not person,
        role_line=role_name + (f"  x {headcount}" if headcount > 1 else ""),
        headcount=headcount,
        cost_line=cost_line,
        colour=colour,
        search_text=search_text(title, person, role_name),
        initials=initials_of(person),
    )


class CardFonts:
    """Fonts made once, after the QApplication exists (making them in paint() is costly).

    Sizes for 100 % zoom on a laptop: the name one and a quarter times the body text, the role
    and cost a step smaller; the names stay readable down to readable_zoom()."""

    name: QFont
    body: QFont
    open: QFont
    small: QFont
    initials: QFont
    ready = False

    @classmethod
    def ensure(cls) -> None:
        if cls.ready:
            return
        # Sizes in scene pixels, not points: a point is converted with the device's resolution,
        # so text would grow against the cards on a 300-dpi PDF or a high-resolution PNG.
        base = QApplication.font()
        points = base.pointSizeF() if base.pointSizeF() > 0 else 9.0
        cls.name = QFont(base)
        cls.name.setBold(True)
        cls.name.setPixelSize(round(points * NAME_SCALE * PIXELS_PER_POINT))
        cls.body = QFont(base)
        cls.body.setPixelSize(round(points * PIXELS_PER_POINT))
        cls.open = QFont(cls.body)
        cls.open.setItalic(True)
        cls.small = QFont(base)
        cls.small.setPixelSize(round(max(6.0, points - 1) * PIXELS_PER_POINT))
        cls.initials = QFont(base)
        cls.initials.setBold(True)
        cls.initials.setPixelSize(round(points * PIXELS_PER_POINT))
        cls.ready = True


def name_font() -> QFont:
    """The font of a card's name (its title), the line the readable zoom is computed from."""
    CardFonts.ensure()
    return CardFonts.name


def readable_zoom() -> float:
    """The smallest zoom at which a card's name is READABLE_NAME_PIXELS high on screen."""
    return READABLE_NAME_PIXELS / name_font().pixelSize()


def rollup_lines(
    rollup: TeamRollup,
    currency: str,
    coverage: tuple[str, Decimal | None] | None,
    with_cost: bool = True,
) -> list[str]:
    """The texts of a collapsed team's strip: people and open heads; cost a year (unless the
    chart is without salaries); coverage."""
    # Counts as labelled values: no plural form to get wrong ("1 people") in any language.
    lines = [
        fill(
            translate("ChartCard", "People: %1 · open: %2"),
            format_count(rollup.people),
            format_count(rollup.open_people),
        ),
        fill(translate("ChartCard", "%1 / yr"), format_money(rollup.annual_cost, currency))
        if with_cost
        else "",
    ]
    if coverage is not None:
        lines.append(format_percent(coverage[1]))
    return lines


def wrapped(text: str, font: QFont, width: float, most: int) -> list[str]:
    """The text in lines of `width` at most, broken between words, `most` lines at most (the
    last one elided): a long name takes two lines rather than losing its end."""
    metrics = QFontMetricsF(font)
    if metrics.horizontalAdvance(text) <= width or most <= 1:
        return [text]
    words = text.split()
    line = ""
    for index, word in enumerate(words):
        candidate = f"{line} {word}" if line else word
        if line and metrics.horizontalAdvance(candidate) > width:
            rest = " ".join(words[index:])
            return [line, *wrapped(rest, font, width, most - 1)]
        line = candidate
    return [line]  # one word longer than the line (CJK without spaces): elided when drawn
