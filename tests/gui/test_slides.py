"""PowerPoint slides: `revorg export --pptx` and File > Export > Slides.

Read back with python-pptx as PowerPoint would open them (cards, glued connectors, links between
slides, text sizes), and converted to PDF by LibreOffice Impress, whose pages are read with
pdftotext (poppler-utils)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.shapes.autoshape import Shape
from pptx.shapes.connector import Connector
from pptx.slide import Slide
from pptx.util import Emu
from PySide6.QtCore import QCoreApplication

from revorg.gui.dialogs.prompts import DeleteWords
from revorg.gui.i18n import apply_language
from revorg.gui.slides import export_slides_file
from revorg.gui.slides.paging import SLIDE_METRICS, Area, plan_pages
from revorg.gui.window.main_window import MainWindow
from revorg.model.document import PlanDocument
from revorg.model.editing import PlanEditor
from revorg.model.generator import generate_plan
from tests.conftest import REPO_ROOT, CliRunner
from tests.io.conftest import SOFFICE, pdf_pages, require_pdftotext, require_program

EMU_PER_POINT = 12700
SLIDE = (960 * EMU_PER_POINT, 540 * EMU_PER_POINT)
DEMO_DEPARTMENTS = ("Marketing", "Sales", "Customer Success")
# LibreOffice converts slides only with Impress (Debian: libreoffice-impress-nogui, which
# scripts/system-packages installs); Calc alone writes no PDF of a .pptx.
IMPRESS = SOFFICE if SOFFICE and any(Path(SOFFICE).resolve().parent.glob("libsdlo.so")) else None
NO_IMPRESS = "LibreOffice Impress is not installed: the slides' PDF test needs it"


# --- reading a deck ------------------------------------------------------------------------------


def cards(slide: Slide) -> dict[int, Shape]:
    """The position cards of a slide by position id (each card is named "Position <id>")."""
    return {
        int(shape.name.split()[-1]): shape
        for shape in slide.shapes
        if shape.name.startswith("Position ")
    }


def connectors(slide: Slide) -> list[Connector]:
    return [shape for shape in slide.shapes if isinstance(shape, Connector)]


def glue(connector: Connector) -> tuple[int, int, int, int]:
    """(begin shape id, begin site, end shape id, end site) of a glued connector."""
    properties = connector._element.nvCxnSpPr.cNvCxnSpPr
    start, end = properties.find(qn("a:stCxn")), properties.find(qn("a:endCxn"))
    assert start is not None and end is not None, "a connector that is not glued to its cards"
    return int(start.get("id")), int(start.get("idx")), int(end.get("id")), int(end.get("idx"))


def connector_ends(connector: Connector) -> tuple[tuple[int, int], tuple[int, int]]:
    """Where a connector begins and ends on the slide, its quarter turn and flips applied."""
    transform = connector._element.spPr.find(qn("a:xfrm"))
    offset, extent = transform.find(qn("a:off")), transform.find(qn("a:ext"))
    x, y = int(offset.get("x")), int(offset.get("y"))
    width, height = int(extent.get("cx")), int(extent.get("cy"))
    flip_h, flip_v = transform.get("flipH") == "1", transform.get("flipV") == "1"
    # The path runs from the box's top left to its bottom right, mirrored by the flips.
    begin = (x + width if flip_h else x, y + height if flip_v else y)
    end = (x if flip_h else x + width, y if flip_v else y + height)
    if transform.get("rot") == "5400000":  # a quarter turn clockwise about the box's centre
        cx, cy = x + width / 2, y + height / 2

        def turned(point: tuple[int, int]) -> tuple[int, int]:
            dx, dy = point[0] - cx, point[1] - cy
            return round(cx - dy), round(cy + dx)

        begin, end = turned(begin), turned(end)
    else:
        assert transform.get("rot") in (None, "0")
    return begin, end


def site(shape: Shape, index: int) -> tuple[int, int]:
    x, y, w, h = int(shape.left), int(shape.top), int(shape.width), int(shape.height)
    return [(x + w // 2, y), (x, y + h // 2), (x + w // 2, y + h), (x + w, y + h // 2)][index]


def texts(slide: Slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts.extend(cell.text for row in shape.table.rows for cell in row.cells)
    return "\n".join(parts)


def font_sizes(deck: Any) -> list[float]:
    sizes = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                frames = [shape.text_frame]
            elif shape.has_table:
                frames = [cell.text_frame for row in shape.table.rows for cell in row.cells]
            else:
                continue
            for frame in frames:
                for paragraph in frame.paragraphs:
                    sizes.extend(run.font.size.pt for run in paragraph.runs if run.text.strip())
    return sizes


def check_chart_slides(deck: Any, editor: PlanEditor) -> None:
    """What every deck must hold: each card in the slide, cards apart, the smallest text 9 pt,
    each report glued to its manager by one connector running from the manager's bottom (or
    left side, in a stacked column) to the report's top (or a side, in a column)."""
    positions, tree = editor.positions(), editor.tree()
    assert min(font_sizes(deck)) >= 9.0
    for slide in list(deck.slides)[:-1]:
        shown = cards(slide)
        boxes = []
        for shape in shown.values():
            left, top = int(shape.left), int(shape.top)
            right, bottom = left + int(shape.width), top + int(shape.height)
            assert left >= 0 and right <= SLIDE[0] and top >= 0 and bottom <= SLIDE[1]
            boxes.append((left, top, right, bottom))
        for index, (left, top, right, bottom) in enumerate(boxes):
            for other in boxes[index + 1 :]:
                apart = right <= other[0] or other[2] <= left or bottom <= other[1]
                assert apart or other[3] <= top, "two cards overlap"
        by_shape_id = {shape.shape_id: position_id for position_id, shape in shown.items()}
        lines = connectors(slide)
        ends = []
        for connector in lines:
            begin_id, begin_site, end_id, end_site = glue(connector)
            manager, report = by_shape_id[begin_id], by_shape_id[end_id]
            assert tree.parent[report] == manager
            # Bottom to top; in a column, left side to left side; in two columns, bottom to the
            # near side.
            assert (begin_site, end_site) in ((2, 0), (1, 1), (2, 1), (2, 3))
            begin, end = connector_ends(connector)
            assert begin == pytest.approx(site(shown[manager], begin_site), abs=2)
            assert end == pytest.approx(site(shown[report], end_site), abs=2)
            ends.append(report)
        # Every card but the top one of the slide has its line, once.
        tops = [i for i in shown if tree.parent.get(i) not in shown]
        assert sorted(ends) == sorted(i for i in shown if i not in tops)
        assert all(i in positions for i in shown)


# --- the demo ------------------------------------------------------------------------------------


@pytest.fixture
def demo_deck(run_cli: CliRunner, demo_file: Path, tmp_path: Path) -> Path:
    out = tmp_path / "demo.pptx"
    result = run_cli("export", demo_file, "--pptx", out)
    assert result.code == 0, result.err
    assert result.out.splitlines() == [f"wrote {out}"]
    return out


def test_the_demo_deck_has_the_top_levels_a_team_slide_and_the_targets(
    demo_deck: Path, demo_file: Path
) -> None:
    deck = Presentation(str(demo_deck))
    first, sdr_team, last = deck.slides  # the SDR manager's team is the one level that is cut
    assert first.shapes.title.text == "Revenue plan: EUR 1M"
    assert "Scenario: Base" in texts(first)
    # 19 positions: every card but the two SDRs on the first slide.
    assert sorted(cards(first)) == [i for i in range(1, 20) if i not in (8, 9)]
    cro = cards(first)[1].text_frame.text
    assert cro.splitlines() == ["Chief Revenue Officer", "Elena Ruiz", "€170,000 / yr"]
    # The SDR manager's card is collapsed: its team's size, and a link to the team's slide.
    sdr_manager = cards(first)[7]
    assert sdr_manager.text_frame.text.splitlines()[-1] == "2 people ▸ slide 2"
    assert sdr_manager.click_action.target_slide == sdr_team
    assert cards(first)[6].click_action.target_slide is None  # VP Sales: its team is here
    assert sdr_team.shapes.title.text == "Team: SDR Manager (Diego Martín)"
    assert sorted(cards(sdr_team)) == [7, 8, 9]
    assert cards(sdr_team)[7].click_action.target_slide == first  # back up
    assert cards(sdr_team)[9].text_frame.text.splitlines()[:2] == ["SDR", "Luis Romero"]
    # The open AE says it is open and when it starts; the CS pod is two people.
    assert cards(first)[12].text_frame.text.splitlines()[1] == "Open, starts Feb 2027"
    pod = cards(first)[15].text_frame.text.splitlines()
    assert pod == ["Customer Success Managers", "CS pod (2)", "× 2 · €100,000 / yr"]
    with PlanDocument.open(demo_file, for_editing=False) as document:
        check_chart_slides(deck, PlanEditor(document))
    # Targets against capacity: the demo's numbers (model/summary), each with its mark.
    table = next(shape.table for shape in last.shapes if shape.has_table)
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [
        ["Department", "Target", "Capacity", "Coverage", "Status"],
        ["Marketing", "€360,000", "€362,964", "101%", "● covered"],
        ["Sales", "€360,000", "€376,563", "105%", "● covered"],
        ["Customer Success", "€640,000", "€536,302", "84%", "● short"],
    ]
    red = table.cell(3, 4).text_frame.paragraphs[0].runs[0].font.color.rgb
    assert str(red) == "C62828"
    # The same as bars, in thousands, as the capacity panel draws them.
    chart = next(shape.chart for shape in last.shapes if shape.has_chart)
    plot = chart.plots[0]
    assert list(plot.categories) == list(DEMO_DEPARTMENTS)
    assert [series.name for series in plot.series] == ["Target", "Capacity"]
    assert list(plot.series[0].values) == [360.0, 360.0, 640.0]
    assert list(plot.series[1].values) == pytest.approx([362.964, 376.5625, 536.30208])
    assert chart.value_axis.tick_labels.number_format == '#,##0"k"'
    assert (chart.value_axis.maximum_scale, chart.value_axis.major_unit) == (800.0, 200.0)
    assert "Goal: €1,000,000" in texts(last)
    assert "The targets add up to €1,000,000 (gap to the goal: €0)." in texts(last)


def test_the_slides_speak_the_language_asked_for(
    run_cli: CliRunner, demo_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "demo-es.pptx"
    assert run_cli("export", demo_file, "--pptx", out, "--lang", "es").code == 0
    first, _team, last = Presentation(str(out)).slides
    assert "Escenario: Base" in texts(first)
    assert cards(first)[7].text_frame.text.splitlines()[-1] == "2 personas ▸ diap. 2"
    # No line break before the currency sign.
    assert cards(first)[1].text_frame.text.splitlines()[-1] == "170.000\u00a0€ / año"
    assert last.shapes.title.text == "Objetivos frente a capacidad"
    assert "● insuficiente" in texts(last) and "Objetivo: 1.000.000\u00a0€" in texts(last)
    # The command's language is put back afterwards (the command line had English).
    assert QCoreApplication.translate("CapacityPanel", "covered") == "covered"


def test_the_slides_of_a_copy_without_salaries_have_no_cost_line(
    run_cli: CliRunner, demo_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "everyone.pptx"
    assert run_cli("export", demo_file, "--without-salaries", "--pptx", out).code == 0
    first = Presentation(str(out)).slides[0]
    assert "/ yr" not in texts(first) and "€" not in cards(first)[1].text_frame.text
    assert cards(first)[1].text_frame.text.splitlines()[0] == "Chief Revenue Officer"


def test_a_bad_output_path_is_one_error_line(
    run_cli: CliRunner, demo_file: Path, tmp_path: Path
) -> None:
    for out, said in (
        (tmp_path / "missing" / "deck.pptx", "error: folder does not exist"),
        (tmp_path, "is a folder"),
    ):
        result = run_cli("export", demo_file, "--pptx", out)
        assert result.code == 2
        assert len(result.error_lines) == 1 and said in result.err
    (tmp_path / "deck.pptx").write_text("mine")
    result = run_cli("export", demo_file, "--pptx", tmp_path / "deck.pptx")
    assert result.code == 2 and "already exists" in result.err
    assert (tmp_path / "deck.pptx").read_text() == "mine"


def test_a_plan_without_positions_has_its_title_and_targets(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    plan, out = tmp_path / "blank.revorg", tmp_path / "blank.pptx"
    assert run_cli("new", "--template", "blank", "--year", "2027", "-o", plan).code == 0
    assert run_cli("export", plan, "--pptx", out).code == 0
    slides = list(Presentation(str(out)).slides)
    assert [slide.shapes.title.text for slide in slides] == [
        "Untitled plan",
        "Targets against capacity",
    ]
    assert cards(slides[0]) == {}


def test_the_command_line_starts_without_python_pptx(demo_file: Path, tmp_path: Path) -> None:
    """Only `export --pptx` loads python-pptx: not the other commands (openpyxl itself uses
    lxml once installed, so only python-pptx is looked for)."""
    code = (
        "import json, sys\n"
        "from revorg.app import main\n"
        "codes = [main(['summary', sys.argv[1]]),"
        " main(['export', sys.argv[1], '--xlsx', sys.argv[2]])]\n"
        "loaded = sorted(n for n in sys.modules if n.split('.')[0] == 'pptx')\n"
        "print(json.dumps({'codes': codes, 'loaded': loaded}))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code, str(demo_file), str(tmp_path / "plan.xlsx")],
        cwd=REPO_ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout.splitlines()[-1]) == {"codes": [0, 0], "loaded": []}


def test_file_export_slides_writes_the_scenario_on_screen(
    window: MainWindow, tmp_path: Path
) -> None:
    out = tmp_path / "window.pptx"
    assert window.menus.export_slides_action.text() == "S&lides…"
    assert window.files.export_slides_to(out)
    deck = Presentation(str(out))
    assert len(deck.slides) == 3
    assert "Elena Ruiz" in texts(deck.slides[0])
    assert window.statusBar().currentMessage() == f"Exported {out}"


# --- a 300-position plan -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def large_deck(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, PlanEditor]]:
    folder = tmp_path_factory.mktemp("large")
    document = generate_plan(300)
    try:
        path = export_slides_file(document, document.scenario(), folder / "large.pptx")
        yield path, PlanEditor(document)
    finally:
        document.close()


def test_a_300_position_plan_gives_a_readable_linked_deck(
    large_deck: tuple[Path, PlanEditor],
) -> None:
    path, editor = large_deck
    deck = Presentation(str(path))
    slides = list(deck.slides)
    tree = editor.tree()
    check_chart_slides(deck, editor)
    # Every position is on a slide as a card with its team shown, or in a team slide's part.
    shown = set()
    for slide in slides[:-1]:
        for position_id, card in cards(slide).items():
            target = card.click_action.target_slide
            if target is None or slides.index(target) < slides.index(slide):
                shown.add(position_id)
                continue
            # A collapsed card: its team's size, and its team on the slide it links to.
            people = sum(editor.positions()[i].headcount for i in tree.subtree(position_id)[1:])
            number = slides.index(target) + 1
            assert card.text_frame.text.splitlines()[-1] == f"{people} people ▸ slide {number}"
            title = editor.positions()[position_id].title
            assert target.shapes.title.text.startswith(f"Team: {title} (")
            assert cards(target)[position_id].click_action.target_slide == slide
    assert shown == set(editor.positions())
    assert slides[-1].shapes.title.text == "Targets against capacity"


def test_libreoffice_shows_every_slide_with_its_text(
    demo_deck: Path, large_deck: tuple[Path, PlanEditor], tmp_path: Path
) -> None:
    soffice = require_program(IMPRESS, "LibreOffice Impress", NO_IMPRESS)
    pdftotext = require_pdftotext()
    large, _editor = large_deck
    profile = tmp_path / "profile"
    completed = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(demo_deck),
            str(large),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=os.environ | {"HOME": str(tmp_path)},
        check=False,
    )
    demo_pdf, large_pdf = tmp_path / "demo.pdf", tmp_path / "large.pdf"
    assert demo_pdf.exists() and large_pdf.exists(), completed.stderr
    pages = pdf_pages(pdftotext, demo_pdf)
    assert len(pages) == 3
    assert "Chief Revenue Officer" in pages[0] and "Elena Ruiz" in pages[0]
    assert "2 people ▸ slide 2" in pages[0]
    assert "Team: SDR Manager (Diego Martín)" in pages[1] and "Luis Romero" in pages[1]
    assert all(name in pages[2] for name in DEMO_DEPARTMENTS)
    assert "Goal: €1,000,000" in pages[2]
    large_pages = pdf_pages(pdftotext, large_pdf)
    assert len(large_pages) == len(Presentation(str(large)).slides)
    assert "Person 1" in large_pages[0] and "Targets against capacity" in large_pages[-1]


# --- paging --------------------------------------------------------------------------------------


def test_a_team_too_wide_for_one_slide_is_split_into_parts() -> None:
    """A CEO with 40 managers under it (each with two reports): 40 cards cannot share one slide
    at a readable size, so the team comes in parts of at most two columns of six, every
    manager in one part, and each manager's team on a slide of its own."""
    children: dict[int | None, list[int]] = {None: [1], 1: list(range(2, 42))}
    for manager in range(2, 42):
        children[manager] = [100 + 2 * manager, 101 + 2 * manager]
    area = Area(924, 440)
    pages = plan_pages(children, area)
    parts = [page for page in pages if page.manager == 1]
    assert pages[: len(parts)] == parts  # the first slides
    assert [len(p.shown) for p in parts] == [12, 12, 12, 4]
    assert [(p.part, p.parts) for p in parts] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert [i for p in parts for i in p.shown] == list(range(2, 42))
    assert len(pages) == 4 + 40
    for page in pages:
        assert page.scale >= 1.0
        left, top_y, right, bottom = page.layout.bounds(SLIDE_METRICS)
        assert (right - left) * page.scale <= area.width + 0.01
        assert (bottom - top_y) * page.scale <= area.height + 0.01
    # Each collapsed manager links to its team's slide, which links back to the part.
    for number, part in enumerate(parts):
        assert sorted(part.team_page) == part.shown
        for manager, index in part.team_page.items():
            assert pages[index].manager == manager and pages[index].parent_page == number


def test_a_team_of_twelve_fits_one_slide_in_two_columns() -> None:
    """Twelve SDRs: a row of twelve is too wide and a column too tall at 9 pt; two columns of
    six fit, the lines running down between them."""
    children: dict[int | None, list[int]] = {None: [1], 1: list(range(2, 14))}
    (page,) = plan_pages(children, Area(924, 440))
    assert page.parts == 1 and page.scale >= 1.0
    centres = page.layout.centres
    assert sorted(centres) == list(range(1, 14))
    columns = sorted({x for i, (x, _y) in centres.items() if i != 1})
    assert len(columns) == 2
    manager_x = centres[1][0]
    assert columns[0] < manager_x < columns[1]  # the manager over the gap
    assert [i for i in range(2, 14) if centres[i][0] == columns[0]] == list(range(2, 8))


def test_english_counts_have_their_plural_forms() -> None:
    """ "Added 1 open position", not "1 open positions" (revorg_en.ts), and so in Spanish and
    Chinese (one form)."""
    try:
        expected = {
            "en": ("Added 1 open position", "Added 3 open positions"),
            "es": ("Se ha añadido 1 vacante", "Se han añadido 3 vacantes"),
            "zh": ("已添加 1 个空缺职位", "已添加 3 个空缺职位"),
        }
        for language, (one, three) in expected.items():
            apply_language(language)
            said = [
                QCoreApplication.translate("ChartEdits", "Added %Ln open positions", "", n)
                for n in (1, 3)
            ]
            assert said == [one, three]
        apply_language("en")
        assert (
            DeleteWords().people_below("SDR Manager", 1) == "“SDR Manager” has 1 person below it."
        )
        apply_language("es")
        assert (
            DeleteWords().people_below("VP Sales", 6) == "«VP Sales» tiene 6 personas por debajo."
        )
    finally:
        apply_language("en")


def test_connector_ends_read_the_geometry_as_drawn() -> None:
    """The test's own reading of a quarter-turned elbow, checked on a hand-made one."""
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    line = slide.shapes.add_connector(1, Emu(0), Emu(0), Emu(100), Emu(40))
    transform = line._element.spPr.find(qn("a:xfrm"))
    transform.set("rot", "5400000")
    # A box 40 wide and 100 high about the centre (50, 20); its path runs from its top left
    # (30, -30) to its bottom right (70, 70), which the quarter turn puts at (100, 0), (0, 40).
    transform.find(qn("a:off")).set("x", "30")
    transform.find(qn("a:off")).set("y", "-30")
    transform.find(qn("a:ext")).set("cx", "40")
    transform.find(qn("a:ext")).set("cy", "100")
    assert connector_ends(line) == ((100, 0), (0, 40))
