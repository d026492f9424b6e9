"""The slides: the chart's top levels on the first slide with the plan's title, a slide for
each team cut off (its collapsed card links to it, and its manager's card back), and targets
against capacity per department on the last slide.

Texts are in the interface language (installed translators, revorg.gui.i18n); the command
line installs the language asked for while it writes (`interface_language`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.text import PP_ALIGN
from pptx.presentation import Presentation as PresentationType
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide
from pptx.table import _Cell
from pptx.util import Pt
from PySide6.QtCore import QDate, QLocale, QObject
from PySide6.QtGui import QImage

from revorg.gui.chart.layout_result import LayoutMetrics
from revorg.gui.i18n import apply_language, fill, language_of, month_label, translate
from revorg.gui.numbers import axis_unit, format_money, format_percent
from revorg.gui.panels.capacity import CHARTED_DEPARTMENTS, STATUS_COLOURS
from revorg.gui.panels.year_chart import CAPACITY_COLOUR, TARGET_COLOUR
from revorg.gui.slides.drawing import (
    DARK_TEXT,
    FONT,
    SOFT_TEXT,
    CardText,
    add_card,
    add_text,
    connect_beside,
    connect_down,
    connect_stacked,
    points,
    rgb,
)
from revorg.gui.slides.paging import SLIDE_METRICS, STACK_INDENT, Area, OrgPage, plan_pages
from revorg.model.atomic import replace_atomically
from revorg.model.capacity import AMBER, GREEN, NO_TARGET, RED, DepartmentCapacity
from revorg.model.document import PlanDocument
from revorg.model.editing.reading import PlanReading
from revorg.model.entities import Scenario
from revorg.model.errors import RevOrgError
from revorg.model.lineage import lineage_of
from revorg.model.photos import photos_of
from revorg.model.rows import PositionRow

SLIDE_WIDTH, SLIDE_HEIGHT = 960.0, 540.0  # points: 16:9, 13.33 x 7.5 inches
MARGIN = 18.0
TITLE_HEIGHT = 64.0  # the title and its line under it, above the chart
CHART_AREA = Area(SLIDE_WIDTH - 2 * MARGIN, SLIDE_HEIGHT - TITLE_HEIGHT - 2 * MARGIN)
TITLE_ONLY_LAYOUT = 5
GREY = "#90A4AE"
GOAL_TEXT_WIDTH = 400.0  # the goal's lines, left of the bars


class SlidesError(RevOrgError):
    """The slides cannot be written (a folder that cannot be written, a full disk)."""


@contextlib.contextmanager
def interface_language(language: str) -> Iterator[None]:
    """The translators and number formats of `language` while the slides are written, then
    those in place before (the command line has none; a test may have another)."""
    before = QLocale()
    previous = language_of(before)
    apply_language(language)
    try:
        yield
    finally:
        apply_language(previous)
        QLocale.setDefault(before)


def export_slides_file(
    document: PlanDocument,
    scenario: Scenario,
    path: Path,
    language: str = "en",
    team: int | None = None,
) -> Path:
    """The command line's slides of a scenario (or of `team`'s manager and everyone below),
    in `language`, without a window."""
    from revorg.gui.chart.export import ensure_application

    ensure_application()  # translators and locales need the application object
    plan = PlanReading(document, language)
    plan.switch_scenario(scenario.id)
    with interface_language(language):
        return write_slides(plan, path, team)


def write_slides(plan: PlanReading, path: Path, team: int | None = None) -> Path:
    """The slides of the plan's current scenario, written atomically to `path`."""
    deck = SlideDeck(plan, team=team).build()

    def save(temporary: Path) -> None:
        deck.save(str(temporary))

    try:
        replace_atomically(path, save)
    except OSError as error:
        raise SlidesError(
            fill(translate("Slides", "cannot write %1: %2"), path, error.strerror or error)
        ) from None
    return path


class SlideWords(QObject):
    """Counts said with Qt's plural forms: lupdate marks them only in a QObject's tr()."""

    def team(self, people: int) -> str:
        return self.tr("%Ln people ▸ slide %1", "", people)


class SlideDeck:
    """Builds the presentation of one scenario."""

    def __init__(
        self, plan: PlanReading, metrics: LayoutMetrics = SLIDE_METRICS, team: int | None = None
    ) -> None:
        """`team`: the deck of that manager's team alone (its first slide is the team's)."""
        self.plan = plan
        self.team = team
        self.metrics = metrics
        self.locale = QLocale()
        self.summary = plan.summary()
        self.currency = self.summary.plan.currency
        self.positions = plan.positions()
        self.tree = plan.tree()
        self.colours = {key: d.color for key, d in plan.departments_by_key().items()}
        self.photos = photos_of(plan.session)  # by lineage: one query, none on most plans

    def build(self) -> PresentationType:
        deck = Presentation()
        deck.slide_width, deck.slide_height = points(SLIDE_WIDTH), points(SLIDE_HEIGHT)
        children = self.tree.children
        if self.team is not None:
            children = {**children, None: [self.team]}
        staff = [i for i, row in self.positions.items() if row.staff]
        pages = plan_pages(children, CHART_AREA, self.metrics, staff=staff)
        layout = deck.slide_layouts[TITLE_ONLY_LAYOUT]
        # Every slide first: a card links to slides that come after it.
        slides = [deck.slides.add_slide(layout) for _page in range(max(len(pages), 1))]
        last = deck.slides.add_slide(layout)
        if not pages:  # a plan without positions: its title, and its targets
            self._title(slides[0], None, first=True)
        for index, page in enumerate(pages):
            self._title(slides[index], page, first=index == 0)
            self._draw_page(slides[index], page, slides)
        self._capacity_slide(last)
        return deck

    # --- titles ---------------------------------------------------------------------------

    def _title(self, slide: Slide, page: OrgPage | None, first: bool) -> None:
        plan = self.summary.plan
        if first and self.team is None:
            heading = plan.name
            today = self.locale.toString(QDate.currentDate(), QLocale.FormatType.LongFormat)
            below = fill(
                translate("Slides", "Scenario: %1 · %2"), self.summary.scenario.name, today
            )
        else:
            assert page is not None and page.manager is not None
            heading = fill(translate("Slides", "Team: %1"), self._who(page.manager))
            below = fill(
                translate("Slides", "%1 · scenario %2"), plan.name, self.summary.scenario.name
            )
        if page is not None and page.parts > 1:
            heading += " " + fill(translate("Slides", "(part %1 of %2)"), page.part, page.parts)
        self._set_title(slide, heading, below)

    def _set_title(self, slide: Slide, heading: str, below: str) -> None:
        title = slide.shapes.title
        assert title is not None
        title.left, title.top = points(MARGIN), points(MARGIN - 6)
        title.width, title.height = points(SLIDE_WIDTH - 2 * MARGIN), points(34)
        frame = title.text_frame
        frame.text = heading
        frame.word_wrap = True
        frame.margin_left = frame.margin_right = 0
        paragraph = frame.paragraphs[0]
        paragraph.alignment = PP_ALIGN.LEFT
        for run in paragraph.runs:
            run.font.size = Pt(24)
            run.font.bold = True
            run.font.name = FONT
            run.font.color.rgb = DARK_TEXT
        add_text(
            slide.shapes,
            MARGIN,
            MARGIN + 28,
            SLIDE_WIDTH - 2 * MARGIN,
            18,
            [(below, 12, False, SOFT_TEXT)],
        )

    def _who(self, position_id: int) -> str:
        position = self.positions[position_id]
        person = (position.person_name or "").strip()
        return f"{position.title} ({person})" if person else position.title

    # --- the chart ------------------------------------------------------------------------

    def _draw_page(self, slide: Slide, page: OrgPage, slides: list[Slide]) -> None:
        metrics, scale = self.metrics, page.scale
        left, top, right, _bottom = page.layout.bounds(metrics)
        indent = STACK_INDENT if page.layout.stacked else 0.0
        width = (right - left + indent) * scale
        origin_x = MARGIN + (CHART_AREA.width - width) / 2 - left * scale
        origin_y = MARGIN + TITLE_HEIGHT - top * scale
        card_w, card_h = metrics.card_width * scale, metrics.card_height * scale
        shapes: dict[int, Shape] = {}
        for position_id, (x, y) in page.layout.centres.items():
            row = self.positions[position_id]
            colour = self.colours.get(row.department_key, GREY)
            team_page = page.team_page.get(position_id)
            # A stacked column sits a little right of its manager: its lines run on the left.
            shift = indent * scale if page.stacked_under(position_id) else 0.0
            card = add_card(
                slide.shapes,
                origin_x + x * scale - card_w / 2 + shift,
                origin_y + y * scale - card_h / 2,
                card_w,
                card_h,
                scale,
                self._card_text(row, team_page),
                colour,
                self._photo(row),
            )
            card.name = f"Position {position_id}"
            if team_page is not None:
                card.click_action.target_slide = slides[team_page]
            elif position_id == page.manager and page.parent_page is not None:
                card.click_action.target_slide = slides[page.parent_page]
            shapes[position_id] = card
        stacked = page.layout.stacked
        for manager, reports in page.children.items():
            if manager is None:
                continue
            beside = page.layout.staff.get(manager, ())
            for report in reports:
                colour = self.colours.get(self.positions[report].department_key, GREY)
                if report in page.columns or report in beside:
                    connect_beside(slide.shapes, shapes[manager], shapes[report], colour)
                elif manager in stacked:
                    connect_stacked(
                        slide.shapes, shapes[manager], shapes[report], STACK_INDENT * scale, colour
                    )
                else:
                    connect_down(slide.shapes, shapes[manager], shapes[report], colour)

    def _photo(self, row: PositionRow) -> bytes | None:
        """The person's photo; none on a vacancy (the photo is the person's, not the seat's)."""
        if not self.photos or row.is_open:
            return None
        photo = self.photos.get(lineage_of(row.id, row.lineage))
        if photo is None or QImage.fromData(photo.image).isNull():
            return None  # a plan file is untrusted: bytes that are no image are left out
        return photo.image

    def _card_text(self, row: PositionRow, team_page: int | None) -> CardText:
        person = (row.person_name or "").strip()
        if person:
            person_line = person
        elif row.start_month is not None:
            person_line = fill(
                translate("ChartCard", "Open, starts %1"), month_label(row.start_month)
            )
        else:
            person_line = translate("ChartCard", "Open")
        title = row.title
        # No cost line where the plan withholds its salaries (a team plan's viewer reads them
        # as 0), as on the window's cards.
        cost = (
            ""
            if self.plan.document.without_salaries
            else fill(
                translate("ChartCard", "%1 / yr"),
                format_money(row.annual_cost * row.headcount, self.currency),
            )
        )
        if row.headcount > 1:  # a group of seats: how many, before what they cost together
            cost = f"× {row.headcount} · {cost}" if cost else f"× {row.headcount}"
        team = ""
        if team_page is not None:
            people = self.team_size(row.id)
            team = fill(SlideWords().team(people), team_page + 1)
        return CardText(title, person_line, not person, cost, team)

    def team_size(self, manager_id: int) -> int:
        """The people below a manager (headcount of every position in the team)."""
        below = self.tree.subtree(manager_id)[1:]
        return sum(self.positions[i].headcount for i in below)

    # --- targets against capacity ---------------------------------------------------------

    def _capacity_slide(self, slide: Slide) -> None:
        summary = self.summary
        self._set_title(
            slide,
            translate("Slides", "Targets against capacity"),
            fill(translate("Slides", "%1 · scenario %2"), summary.plan.name, summary.scenario.name),
        )
        departments = [
            summary.capacity.departments[key]
            for key in CHARTED_DEPARTMENTS
            if key in summary.capacity.departments
        ]
        names = {
            key: d.name(self.plan.language) for key, d in self.plan.departments_by_key().items()
        }
        headings = [
            translate("CapacityPanel", "Department"),
            translate("CapacityPanel", "Target"),
            translate("CapacityPanel", "Capacity"),
            translate("CapacityPanel", "Coverage"),
            translate("CapacityPanel", "Status"),
        ]
        rows = len(departments) + 1
        top = MARGIN + TITLE_HEIGHT + 8
        width = SLIDE_WIDTH - 2 * MARGIN
        frame = slide.shapes.add_table(
            rows, len(headings), points(MARGIN), points(top), points(width), points(34 * rows)
        )
        table = frame.table
        shares = (0.3, 0.2, 0.2, 0.12, 0.18)
        for column, share in enumerate(shares):
            table.columns[column].width = points(width * share)
        for column, heading in enumerate(headings):
            self._cell(table.cell(0, column), heading, bold=True, right=column in (1, 2, 3))
        for row, department in enumerate(departments, start=1):
            status_colour = STATUS_COLOURS[department.status]
            texts = [
                names.get(department.key, department.key),
                format_money(department.target, self.currency),
                format_money(department.capacity, self.currency),
                format_percent(department.coverage),
                "● " + self._status_name(department.status),
            ]
            for column, text in enumerate(texts):
                self._cell(
                    table.cell(row, column),
                    text,
                    right=column in (1, 2, 3),
                    colour=status_colour if column == 4 else None,
                )
        below = top + 34 * rows + 20
        self._goal_lines(slide, below)
        self._capacity_chart(slide, departments, names, below)

    def _goal_lines(self, slide: Slide, top: float) -> None:
        summary = self.summary
        money = self.currency
        goal = summary.inputs.goal
        deliverable = summary.capacity.deliverable_revenue
        share = deliverable / goal if goal > 0 else None
        lines = [
            (fill(translate("Slides", "Goal: %1"), format_money(goal, money)), 18.0, True),
            (
                fill(
                    translate("Slides", "The targets add up to %1 (gap to the goal: %2)."),
                    format_money(summary.outcome.total, money),
                    format_money(summary.outcome.gap, money),
                ),
                14.0,
                False,
            ),
            (
                fill(
                    translate("Slides", "The people on the chart can deliver %1: %2 of the goal."),
                    format_money(deliverable, money),
                    format_percent(share),
                ),
                14.0,
                False,
            ),
        ]
        add_text(
            slide.shapes,
            MARGIN,
            top,
            GOAL_TEXT_WIDTH,
            SLIDE_HEIGHT - MARGIN - top,
            [(text, size, bold, DARK_TEXT) for text, size, bold in lines],
        )

    def _capacity_chart(
        self,
        slide: Slide,
        departments: list[DepartmentCapacity],
        names: dict[str, str],
        top: float,
    ) -> None:
        """The capacity panel's bars, as a native chart: target and capacity per department."""
        highest = max([d.target for d in departments] + [d.capacity for d in departments])
        unit = axis_unit(highest, self.locale)  # the panel's rule: 300M, not 300000000
        places = max(0, -unit.step.normalize().as_tuple().exponent)  # type: ignore[operator]
        number_format = "#,##0" + ("." + "0" * places if places else "") + f'"{unit.suffix}"'
        # python-pptx's charts are typed in part only (add_chart says it returns the chart).
        data: Any = CategoryChartData(number_format=number_format)  # type: ignore[no-untyped-call]
        data.categories = [names.get(d.key, d.key) for d in departments]
        # Drawing only: floats never feed back into the plan's numbers.
        data.add_series(
            translate("CapacityPanel", "Target"), [unit.scaled(d.target) for d in departments]
        )
        data.add_series(
            translate("CapacityPanel", "Capacity"),
            [unit.scaled(d.capacity) for d in departments],
        )
        left = MARGIN + GOAL_TEXT_WIDTH + 16
        frame: Any = slide.shapes.add_chart(
            XL_CHART_TYPE.COLUMN_CLUSTERED,
            points(left),
            points(top),
            points(SLIDE_WIDTH - MARGIN - left),
            points(SLIDE_HEIGHT - MARGIN - top),
            data,
        )
        chart = frame.chart
        chart.has_legend = True
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.font.size = Pt(12)
        chart.font.name = FONT
        axis = chart.value_axis
        axis.minimum_scale, axis.maximum_scale = 0, unit.maximum
        axis.major_unit = float(unit.step)
        axis.tick_labels.number_format = number_format
        axis.tick_labels.number_format_is_linked = False
        for series, colour in zip(
            chart.plots[0].series, (TARGET_COLOUR, CAPACITY_COLOUR), strict=True
        ):
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = rgb(colour)

    @staticmethod
    def _status_name(status: str) -> str:
        names: dict[str, str] = {
            GREEN: translate("CapacityPanel", "covered"),
            AMBER: translate("CapacityPanel", "nearly"),
            RED: translate("CapacityPanel", "short"),
            NO_TARGET: translate("CapacityPanel", "no target"),
        }
        return names.get(status, status)

    @staticmethod
    def _cell(
        cell: _Cell,
        text: str,
        *,
        bold: bool = False,
        right: bool = False,
        colour: str | None = None,
    ) -> None:
        frame = cell.text_frame
        frame.text = text
        paragraph = frame.paragraphs[0]
        paragraph.alignment = PP_ALIGN.RIGHT if right else PP_ALIGN.LEFT
        for run in paragraph.runs:
            run.font.size = Pt(16)
            run.font.bold = bold
            run.font.name = FONT
            if colour is not None:
                run.font.color.rgb = rgb(colour)
