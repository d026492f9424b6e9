"""The chart as PNG, SVG and PDF: whole, sharp, in full detail, written atomically; the same
from the command line without a display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QImage

from revorg.gui.chart.export import (
    EXPORT_MARGIN,
    ChartExportError,
    check_png_size,
    png_size,
    split_into_tiles,
)
from revorg.gui.window.main_window import MainWindow
from tests.conftest import REPO_ROOT


def chart_bounds(window: MainWindow) -> QRectF:
    rects = [card.sceneBoundingRect() for card in window.scene.cards.values()]
    bounds = rects[0]
    for rect in rects[1:]:
        bounds = bounds.united(rect)
    return bounds.adjusted(-EXPORT_MARGIN, -EXPORT_MARGIN, EXPORT_MARGIN, EXPORT_MARGIN)


def test_png_holds_the_whole_chart_at_the_chosen_resolution(
    window: MainWindow, tmp_path: Path
) -> None:
    low, high = tmp_path / "low.png", tmp_path / "high.png"
    assert window.files.export_chart_to("png", low, dpi=96)
    assert window.files.export_chart_to("png", high, dpi=192)
    small, large = QImage(str(low)), QImage(str(high))
    bounds = chart_bounds(window)
    assert abs(small.width() - bounds.width()) <= 1
    assert abs(small.height() - bounds.height()) <= 1
    assert abs(large.width() - 2 * small.width()) <= 2  # twice the dots, not a stretched copy
    assert round(large.dotsPerMeterX() * 0.0254) == 192
    # Something is drawn (cards are not white) and no temporary file is left behind.
    assert any(
        small.pixelColor(x, small.height() // 3).name() != "#ffffff"
        for x in range(0, small.width(), 5)
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["high.png", "low.png"]


def test_svg_is_vector_text_even_when_the_view_is_zoomed_out(
    window: MainWindow, tmp_path: Path
) -> None:
    window.view.resetTransform()
    window.view.scale(0.1, 0.1)  # on screen the cards are coloured blocks now
    path = tmp_path / "chart.svg"
    assert window.files.export_chart_to("svg", path)
    text = path.read_text(encoding="utf-8")
    ElementTree.fromstring(text)  # well-formed
    for words in ("Chief Revenue Officer", "Carmen López", "Open, starts Feb 2027"):
        assert words in text


def test_pdf_on_one_page_or_split_over_readable_pages(window: MainWindow, tmp_path: Path) -> None:
    fit, split = tmp_path / "fit.pdf", tmp_path / "split.pdf"
    assert window.files.export_chart_to("pdf", fit, pages="fit")
    assert window.files.export_chart_to("pdf", split, pages="split")
    assert fit.read_bytes().startswith(b"%PDF")
    assert fit.read_bytes().count(b"/Type /Page\n") + fit.read_bytes().count(b"/Type /Page ") >= 1
    pages_fit = page_count(fit)
    pages_split = page_count(split)
    assert pages_fit == 1
    assert pages_split > 1  # the demo chart is wider than a page at print size


def page_count(path: Path) -> int:
    data = path.read_bytes()
    return data.count(b"/Type /Page") - data.count(b"/Type /Pages")


def test_split_tiles_cover_the_whole_chart_with_overlap() -> None:
    source = QRectF(-100, -50, 5000, 1300)
    tiles = split_into_tiles(source, QSizeF(780, 530), 0.7)
    covered = tiles[0].source
    for tile in tiles[1:]:
        covered = covered.united(tile.source)
        assert source.contains(tile.source)
    assert covered == source
    columns = {tile.column for tile in tiles}
    rows = {tile.row for tile in tiles}
    assert len(tiles) == len(columns) * len(rows)
    first, second = tiles[0].source, tiles[1].source
    assert first.right() > second.left()  # neighbours overlap: nothing falls in the seam


def test_a_png_too_large_for_memory_is_refused_with_advice() -> None:
    size = png_size(QRectF(0, 0, 400_000, 7_000), 150)
    with pytest.raises(ChartExportError, match="use SVG or PDF"):
        check_png_size(size, 150)
    with pytest.raises(ChartExportError, match="at most 96 dpi"):
        check_png_size(png_size(QRectF(0, 0, 30_000, 2_000), 150), 150)


def test_a_failed_export_leaves_no_file(window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("revorg.gui.window.file_commands.QMessageBox.warning", lambda *args: None)
    missing = tmp_path / "no such folder" / "chart.png"
    assert not window.files.export_chart_to("png", missing)
    assert not missing.parent.exists()


def test_the_command_line_exports_images_without_a_display(demo_file: Path, tmp_path: Path) -> None:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    outputs = [tmp_path / "c.png", tmp_path / "c.svg", tmp_path / "c.pdf"]
    completed = subprocess.run(
        [sys.executable, str(REPO_ROOT / "main.py"), "export", str(demo_file), "--png",
         str(outputs[0]), "--svg", str(outputs[1]), "--pdf", str(outputs[2]), "--pages", "split"],
        env=environment, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    assert all(path.stat().st_size > 1000 for path in outputs)
    assert QImage(str(outputs[0])).width() > 1000
    assert page_count(outputs[2]) > 1
