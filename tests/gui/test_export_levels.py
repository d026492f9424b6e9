"""Chart images of part of the chart (issue 19, item 7): `revorg export --levels N --team ID`,
and the window's choice between the chart as shown and the whole chart.

The demo plan: the CRO (id 1) over VP Marketing (3 reports), VP Sales (id 6: the SDR Manager
with two SDRs, and three Account Executives), VP Customer Success (4) and Head of RevOps (1).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from revorg.gui.window.main_window import MainWindow
from tests.conftest import CliRunner
from tests.io.conftest import pdf_pages, require_pdftotext

CRO = "Chief Revenue Officer"
# "VP Customer Success" is drawn on two lines.
VPS = ("VP Marketing", "VP Sales", "VP Customer", "Head of RevOps")
VP_SALES_TEAM = ("SDR Manager", "Diego Martín", "Account Executive", "Marta Sánchez")
SDRS = ("Ana Gil", "Luis Romero")


def exported_svg(run_cli: CliRunner, demo_file: Path, folder: Path, *options: str) -> str:
    path = folder / "chart.svg"
    result = run_cli("export", demo_file, "--svg", path, *options)
    assert result.code == 0, result.err
    assert result.out == f"wrote {path}\n"
    return path.read_text(encoding="utf-8")


def test_two_levels_show_the_cro_and_the_vps_with_their_teams_summed(
    run_cli: CliRunner, demo_file: Path, tmp_path: Path
) -> None:
    text = exported_svg(run_cli, demo_file, tmp_path, "--levels", "2")
    for words in (CRO, "Elena Ruiz", *VPS, "Carmen López"):
        assert words in text
    for words in (*VP_SALES_TEAM, *SDRS, "Content Creator", "Technical Onboarder"):
        assert words not in text
    # The collapsed VPs' roll-ups: VP Sales 6 people (2 SDRs, the SDR Manager, 3 AEs), one
    # open (the third AE); VP Customer Success 5 people (the CS pod counts 2).
    assert "People: 6 · open: 1" in text
    assert "People: 5 · open: 0" in text
    # Whole, the same file shows every card.
    whole = exported_svg(run_cli, demo_file, tmp_path, "--force")
    for words in (CRO, *VPS, *VP_SALES_TEAM, *SDRS):
        assert words in whole
    assert "People: 6" not in whole


def test_a_team_by_its_title_is_that_vp_and_everyone_below(
    run_cli: CliRunner, demo_file: Path, tmp_path: Path
) -> None:
    text = exported_svg(run_cli, demo_file, tmp_path, "--team", "vp sales")
    for words in ("VP Sales", "Carmen López", *VP_SALES_TEAM, *SDRS):
        assert words in text
    for words in (CRO, "Elena Ruiz", "VP Marketing", "VP Customer", "People:"):
        assert words not in text


def test_a_team_by_id_two_levels_deep_sums_the_sdr_team(
    run_cli: CliRunner, demo_file: Path, tmp_path: Path
) -> None:
    text = exported_svg(run_cli, demo_file, tmp_path, "--team", "6", "--levels", "2")
    for words in ("VP Sales", *VP_SALES_TEAM, "People: 2 · open: 0"):
        assert words in text
    for words in (*SDRS, CRO, "VP Marketing"):
        assert words not in text
    one = exported_svg(run_cli, demo_file, tmp_path, "--team", "6", "--levels", "1", "--force")
    assert "VP Sales" in one and "People: 6 · open: 1" in one
    assert "SDR Manager" not in one


def test_a_pdf_of_two_levels_is_one_page_with_those_cards(
    run_cli: CliRunner, demo_file: Path, tmp_path: Path
) -> None:
    pdftotext = require_pdftotext()
    path = tmp_path / "chart.pdf"
    result = run_cli("export", demo_file, "--pdf", path, "--levels", "2")
    assert result.code == 0, result.err
    pages = pdf_pages(pdftotext, path)
    assert len(pages) == 1
    words = pdf_words(pages[0])
    for expected in (CRO, "VP Sales", "Head of RevOps", "People: 6 · open: 1"):
        assert expected in words
    assert "SDR Manager" not in words
    team = tmp_path / "team.pdf"
    assert run_cli("export", demo_file, "--pdf", team, "--team", "VP Sales").code == 0
    team_words = pdf_words(" ".join(pdf_pages(pdftotext, team)))
    assert "Ana Gil" in team_words and CRO not in team_words


def pdf_words(text: str) -> str:
    """The words as a reader sees them: the PDF's ligatures ("ﬃ") as letters, one space."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--levels", "0"], "error: argument --levels: a number of levels from 1, or all: '0'"),
        (["--levels", "two"], "error: argument --levels: a number of levels from 1, or all"),
        (["--team", "99"], "error: --team: no position of scenario 'Base' has the id or title"),
        (["--team", "VP Nowhere"], "error: --team: no position of scenario 'Base'"),
        (["--team", "SDR"], "error: --team: 2 positions are titled 'SDR' (ids 8, 9); give one id"),
    ],
)
def test_bad_levels_or_teams_are_one_error_line_and_no_file(
    run_cli: CliRunner, demo_file: Path, tmp_path: Path, options: list[str], message: str
) -> None:
    path = tmp_path / "chart.png"
    result = run_cli("export", demo_file, "--png", path, *options)
    assert result.code == 2
    assert result.err.startswith(message)
    assert result.err.count("\n") == 1
    assert not path.exists()


def test_levels_without_an_image_or_with_slides_are_refused(
    run_cli: CliRunner, demo_file: Path, tmp_path: Path
) -> None:
    workbook, slides, image = tmp_path / "plan.xlsx", tmp_path / "deck.pptx", tmp_path / "c.svg"
    alone = run_cli("export", demo_file, "--xlsx", workbook, "--levels", "2")
    assert alone.code == 2
    assert "give --png, --svg, --pdf or --pptx" in alone.err
    both = run_cli("export", demo_file, "--svg", image, "--pptx", slides, "--levels", "2")
    assert both.code == 2
    assert "the slides choose their levels themselves" in both.err
    assert list(tmp_path.iterdir()) == [demo_file]


def test_slides_of_a_team_start_with_that_team(
    run_cli: CliRunner, demo_file: Path, tmp_path: Path
) -> None:
    from pptx import Presentation

    path = tmp_path / "sales.pptx"
    result = run_cli("export", demo_file, "--pptx", path, "--team", "VP Sales")
    assert result.code == 0, result.err
    slides = list(Presentation(str(path)).slides)

    def texts(slide: object) -> str:
        shapes = slide.shapes  # type: ignore[attr-defined]
        return " ".join(shape.text_frame.text for shape in shapes if shape.has_text_frame)

    first = texts(slides[0])
    assert "Team: VP Sales" in first
    for words in ("Diego Martín", "Marta Sánchez"):
        assert words in first
    every = " ".join(texts(slide) for slide in slides[:-1])  # the last: targets and capacity
    for words in ("Chief Revenue Officer", "Elena Ruiz", "VP Marketing", "Javier Morales"):
        assert words not in every


# --- the window --------------------------------------------------------------------------


def test_the_window_exports_as_shown_or_whole_and_remembers_the_choice(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[list[str], int]] = []
    answers = iter([1, 0])  # the whole chart, then as shown

    def choose(_title: str, _label: str, choices: list[str], current: int) -> tuple[str, bool]:
        asked.append((choices, current))
        return choices[next(answers)], True

    window.files.choose = choose  # type: ignore[method-assign]
    paths = iter([tmp_path / "whole.svg", tmp_path / "shown.svg", tmp_path / "all.svg"])
    monkeypatch.setattr(
        "revorg.gui.window.file_commands.QFileDialog.getSaveFileName",
        lambda *_args: (str(next(paths)), ""),
    )
    window.expand_to_level(2)
    window.files.export_chart_dialog("svg")
    whole = (tmp_path / "whole.svg").read_text(encoding="utf-8")
    assert all(words in whole for words in (CRO, *VP_SALES_TEAM, *SDRS))
    assert asked[0] == (["As shown (current expansion and focus)", "The whole chart"], 0)
    # The window still shows two levels, and the next question starts at the whole chart.
    assert window.scene.cards[6].isVisible() and not window.scene.cards[7].isVisible()
    window.files.export_chart_dialog("svg")
    assert asked[1][1] == 1
    shown = (tmp_path / "shown.svg").read_text(encoding="utf-8")
    assert "VP Sales" in shown and "People: 6 · open: 1" in shown
    assert "SDR Manager" not in shown
    # Nothing collapsed and no focus: both are the same chart, nothing is asked.
    window.expand_to_level(0)
    window.files.export_chart_dialog("svg")
    assert len(asked) == 2
    assert "Ana Gil" in (tmp_path / "all.svg").read_text(encoding="utf-8")


def test_the_team_in_focus_is_what_is_exported_as_shown(window: MainWindow, tmp_path: Path) -> None:
    window.scene.select_only([6])
    window.focus_selected_team()
    path = tmp_path / "focus.svg"
    assert window.files.export_chart_to("svg", path, as_shown=True)
    text = path.read_text(encoding="utf-8")
    assert "VP Sales" in text and "SDR Manager" in text
    assert CRO not in text and "VP Marketing" not in text
    whole = tmp_path / "whole.svg"
    assert window.files.export_chart_to("svg", whole, as_shown=False)
    assert CRO in whole.read_text(encoding="utf-8")
    assert window.scene.focus == 6
