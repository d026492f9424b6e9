"""The chart as a picture: PNG at a chosen resolution, SVG, PDF on one page or split over pages
at a readable size, and printing. Large charts are never cropped: every card shown is drawn, in
full detail (never the zoomed-out blocks), and vector formats stay sharp at any size.

What is shown is the chart as expanded: the window's own scene (as on screen), or a scene of
its own made for the export (`expanded_scene`): the whole chart, its top levels, or one team.

Each file is written beside its target and renamed over it, so a failed export leaves no
half-written file.
"""

from __future__ import annotations

import contextlib
import math
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from revorg.gui.chart.card import CardItem
from revorg.gui.chart.collapse import ALL_LEVELS, collapsed_at_level
from revorg.gui.chart.scene import ChartScene
from revorg.gui.i18n import fill, translate
from revorg.model.atomic import replace_atomically
from revorg.model.document import PlanDocument
from revorg.model.editing import PlanEditor
from revorg.model.editing.reading import PlanReading
from revorg.model.entities import Scenario
from revorg.model.errors import RevOrgError

SCENE_DPI = 96  # one scene unit is one pixel of a 96-dpi screen
MIN_PNG_DPI = 30  # below this a chart's text cannot be read
MAX_PNG_SIDE = 30_000  # pixels: beyond this Qt and most viewers cannot hold the image
MAX_PNG_PIXELS = 400_000_000  # 1.6 GB of memory: a larger PNG is not worth making
SPLIT_SCALE = 0.7  # points per scene unit over several pages: card text prints at 8 pt
EXPORT_MARGIN = 24.0  # scene units of white around the cards
PAGE_OVERLAP = 24.0  # points repeated on neighbouring pages, so nothing falls in the seam
PAGE_MARGIN_MM = 10.0


class ChartExportError(RevOrgError):
    """The chart cannot be exported as asked (too large for PNG, a file that cannot be written)."""


@dataclass(frozen=True)
class ChartExpansion:
    """The part of the chart an export draws: `levels` levels from the top (ALL_LEVELS: all),
    the teams below them collapsed with their roll-ups (as View > Expand to level N), from
    `team`'s manager (None: the whole organisation; else as Focus team)."""

    levels: int = ALL_LEVELS
    team: int | None = None


@dataclass(frozen=True)
class PageTile:
    """A part of the chart on one page: the scene rectangle and where the page sits."""

    source: QRectF
    row: int
    column: int


# --- drawing the whole scene -----------------------------------------------------------------


@contextlib.contextmanager
def export_drawing(scene: ChartScene) -> Iterator[QRectF]:
    """The scene as a reader should see it: full detail, no selection, no hover marks."""
    selected = scene.selected_ids()
    scene.clearSelection()
    overview = scene.overview
    scene.set_overview(False)
    CardItem.always_detailed = True
    scene.make_placed_cards()  # those a large layout left to the window's idle turns
    try:
        items = [*scene.cards.values(), *scene.dotted_lines.values()]
        visible = [item.sceneBoundingRect() for item in items if item.isVisible()]
        bounds = QRectF(visible[0]) if visible else scene.sceneRect()
        for rect in visible[1:]:
            bounds = bounds.united(rect)
        yield bounds.adjusted(-EXPORT_MARGIN, -EXPORT_MARGIN, EXPORT_MARGIN, EXPORT_MARGIN)
    finally:
        CardItem.always_detailed = False
        scene.set_overview(overview)
        scene.select_only(selected)


def render(scene: ChartScene, painter: QPainter, target: QRectF, source: QRectF) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)


# The command line installs no translator: there these messages stay English.


def png_size(source: QRectF, dpi: int) -> QSize:
    scale = dpi / SCENE_DPI
    return QSize(math.ceil(source.width() * scale), math.ceil(source.height() * scale))


def check_png_size(size: QSize, dpi: int) -> None:
    side = max(size.width(), size.height())
    if side > MAX_PNG_SIDE or size.width() * size.height() > MAX_PNG_PIXELS:
        pixels = size.width() * size.height()
        most = int(dpi * min(MAX_PNG_SIDE / side, math.sqrt(MAX_PNG_PIXELS / pixels)))
        width, height = size.width(), size.height()
        if most >= MIN_PNG_DPI:
            text = translate(
                "ChartExport",
                "the chart is too large for a PNG at %1 dpi (%2 x %3 pixels); use at most %4 "
                "dpi, or SVG or PDF, which stay sharp at any size",
            )
        else:
            text = translate(
                "ChartExport",
                "the chart is too large for a PNG at %1 dpi (%2 x %3 pixels); use SVG or PDF, "
                "which stay sharp at any size",
            )
        raise ChartExportError(fill(text, dpi, width, height, most))


def write_png(scene: ChartScene, path: Path, dpi: int = 150) -> Path:
    with export_drawing(scene) as source:
        size = png_size(source, dpi)
        check_png_size(size, dpi)
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        if image.isNull():
            raise ChartExportError(
                fill(
                    translate("ChartExport", "not enough memory for a %1 x %2 PNG"),
                    size.width(),
                    size.height(),
                )
            )
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        image.fill(QColor("white"))
        painter = QPainter(image)
        render(scene, painter, QRectF(0, 0, size.width(), size.height()), source)
        painter.end()
    # The stubs type the format as bytes; PySide 6.11 refuses bytes and wants str.
    return _replace_atomically(
        path,
        lambda temporary: _saved(image.save(str(temporary), "PNG")),  # type: ignore[call-overload]
    )


def write_svg(scene: ChartScene, path: Path, title: str = "") -> Path:
    def write(temporary: Path) -> None:
        with export_drawing(scene) as source:
            generator = QSvgGenerator()
            generator.setFileName(str(temporary))
            generator.setSize(QSize(math.ceil(source.width()), math.ceil(source.height())))
            generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
            generator.setTitle(title)
            generator.setDescription("RevOrg revenue organisation chart")
            painter = QPainter(generator)
            painter.fillRect(QRectF(0, 0, source.width(), source.height()), QColor("white"))
            render(scene, painter, QRectF(0, 0, source.width(), source.height()), source)
            painter.end()

    return _replace_atomically(path, write)


def write_pdf(scene: ChartScene, path: Path, pages: str = "fit", title: str = "") -> Path:
    def write(temporary: Path) -> None:
        writer = QPdfWriter(str(temporary))
        writer.setTitle(title)
        writer.setCreator("RevOrg")
        writer.setResolution(300)
        paint_pages(scene, writer, pages)

    return _replace_atomically(path, write)


def paint_pages(scene: ChartScene, device: QPagedPaintDevice, pages: str) -> int:
    """Draw the chart on a PDF writer or a printer: on one page ("fit"), or tiled over as many
    pages as a readable size needs ("split"). Returns the number of pages."""
    with export_drawing(scene) as source:
        layout = QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            _orientation(source),
            QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
        device.setPageLayout(layout)
        page_points = layout.paintRect(QPageLayout.Unit.Point)
        tiles = (
            [PageTile(source, 0, 0)]
            if pages == "fit"
            else split_into_tiles(source, page_points.size(), SPLIT_SCALE)
        )
        painter = QPainter(device)
        try:
            for index, tile in enumerate(tiles):
                if index:
                    device.newPage()
                target = QRectF(painter.viewport())
                if pages != "fit":
                    # Same scale on every page: a tile smaller than the page is not blown up.
                    ratio = target.width() / page_points.width()
                    target.setSize(
                        QSizeF(tile.source.width(), tile.source.height()) * SPLIT_SCALE * ratio
                    )
                render(scene, painter, target, tile.source)
                if len(tiles) > 1:
                    _page_label(painter, tile, len(tiles))
        finally:
            painter.end()
        return len(tiles)


def split_into_tiles(source: QRectF, page: QSizeF, scale: float) -> list[PageTile]:
    """Scene rectangles that each fill one page at `scale` points per scene unit, row by row,
    overlapping a little so that no card is cut without being whole on a neighbour."""
    width = page.width() / scale
    height = page.height() / scale
    overlap = PAGE_OVERLAP / scale
    step_x, step_y = width - overlap, height - overlap
    columns = max(1, math.ceil((source.width() - overlap) / step_x))
    rows = max(1, math.ceil((source.height() - overlap) / step_y))
    tiles = []
    for row in range(rows):
        for column in range(columns):
            left = source.left() + column * step_x
            top = source.top() + row * step_y
            rect = QRectF(left, top, width, height).intersected(source)
            tiles.append(PageTile(rect, row, column))
    return tiles


def _orientation(source: QRectF) -> QPageLayout.Orientation:
    if source.width() >= source.height():
        return QPageLayout.Orientation.Landscape
    return QPageLayout.Orientation.Portrait


def _page_label(painter: QPainter, tile: PageTile, count: int) -> None:
    painter.save()
    painter.setPen(QColor("#78909C"))
    viewport = QRectF(painter.viewport())
    painter.drawText(
        QPointF(viewport.left() + 4, viewport.bottom() - 4),
        fill(
            translate("ChartExport", "row %1, column %2  (%3 pages)"),
            tile.row + 1,
            tile.column + 1,
            count,
        ),
    )
    painter.restore()


# --- files -----------------------------------------------------------------------------------


def _saved(ok: bool) -> None:
    if not ok:
        raise ChartExportError(translate("ChartExport", "the image could not be written"))


def _replace_atomically(path: Path, write: Callable[[Path], None]) -> Path:
    def checked(temporary: Path) -> None:
        write(temporary)
        if not temporary.exists() or temporary.stat().st_size == 0:
            raise ChartExportError(
                fill(translate("ChartExport", "nothing was written to %1"), path)
            )

    try:
        replace_atomically(path, checked)
    except OSError as error:
        raise ChartExportError(
            fill(translate("ChartExport", "cannot write %1: %2"), path, error.strerror or error)
        ) from None
    return path


# --- headless: the command line --------------------------------------------------------------


def expanded_scene(
    plan: PlanReading,
    expansion: ChartExpansion | None = None,
    compact: bool = True,
    without_salaries: bool = False,
) -> ChartScene:
    """A scene of its own for an export: the chart as `expansion` says, whatever the window
    shows. Laid out once with the teams below the levels closed (and, for a team, everything
    above it closed too), so that a collapsed division of a large plan is never placed."""
    expansion = expansion or ChartExpansion()
    tree = plan.tree()
    team = expansion.team
    tops = tree.roots() if team is None else [team]
    wanted = collapsed_at_level(tree.children, tops, expansion.levels)
    if team is None:
        return ChartScene(
            plan, compact=compact, collapsed=wanted, without_salaries=without_salaries
        )
    # Its first layout shows the tops alone; the focus then lays out the team as wanted.
    scene = ChartScene(
        plan,
        compact=compact,
        collapsed=wanted | (set(tree.roots()) - {team}),
        without_salaries=without_salaries,
    )
    scene.set_focus(team)
    scene.set_collapsed(wanted)  # the focus opens a collapsed team as a click does
    return scene


def export_chart_files(
    document: PlanDocument,
    scenario: Scenario,
    outputs: Mapping[str, Path],
    *,
    dpi: int = 150,
    pages: str = "fit",
    language: str = "en",
    expansion: ChartExpansion | None = None,
) -> list[Path]:
    """Draw a scenario's chart into each requested file (kind "png", "svg" or "pdf")."""
    ensure_application()
    # The edit core alone: a picture needs the plan's rows, not an undo stack or signals.
    plan = PlanEditor(document, language)
    plan.switch_scenario(scenario.id)
    scene = expanded_scene(plan, expansion, without_salaries=document.without_salaries)
    title = f"{document.plan.name}: {scenario.name}"
    written = []
    for kind, path in outputs.items():
        if kind == "png":
            written.append(write_png(scene, path, dpi))
        elif kind == "svg":
            written.append(write_svg(scene, path, title))
        else:
            written.append(write_pdf(scene, path, pages, title))
    return written


def ensure_application() -> None:
    """Qt draws text only with an application; without a display, on the offscreen platform."""
    if QApplication.instance() is not None:
        return
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if not has_display and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    QApplication([sys.argv[0] if sys.argv else "revorg"])
