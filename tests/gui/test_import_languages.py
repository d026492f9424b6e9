"""The findings of an import in the interface language: the preview dialog says in Spanish or
Chinese what the command line says in English, with the file's names and rows in it."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from string import Formatter

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QDialogButtonBox

from revorg.gui.dialogs.import_preview import ImportPreviewDialog
from revorg.gui.i18n import TRANSLATIONS_FOLDER, apply_language
from revorg.gui.labels import finding_text, phrase_text
from revorg.io.messages import IMPORT_CONTEXT, Phrase
from revorg.io.report import Finding, Severity
from tests.roster_samples import ROSTER

REPOSITORY = Path(__file__).resolve().parents[2]
TRANSLATED = ("es", "zh")
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


# What each language must say about that roster (each line of the dialog holds one of these).
EXPECTED = {
    "es": [
        "error: fila 3, columna 'Title': el cargo está en blanco",
        "error: fila 4, columna 'Manager': no se encuentra el responsable 'Nobody'",
        "error: fila 4, columna 'Cost': importe negativo '-5000': un coste no puede ser negativo",
        "ciclo de dependencias: Juan Ruiz (fila 5) -> Eva Sanz (fila 6) -> Juan Ruiz (fila 5)",
        "nota: fila 1: columnas no leídas: 'Color'",
    ],
    "zh": [
        "错误：第 3 行，列 'Title'：职位为空",
        "错误：第 4 行，列 'Manager'：找不到上级 'Nobody'",
        "错误：第 4 行，列 'Cost'：金额为负数 '-5000'：成本不能小于零",
        "汇报关系形成循环：Juan Ruiz（第 5 行） -> Eva Sanz（第 6 行） -> Juan Ruiz（第 5 行）",
        "提示：第 1 行：未读取的列：'Color'",
    ],
}


def ts_messages(language: str) -> dict[str, str]:
    """Source -> translation of the import's findings in a .ts file."""
    tree = ElementTree.parse(TRANSLATIONS_FOLDER / f"revorg_{language}.ts")
    return {
        message.findtext("source") or "": message.findtext("translation") or ""
        for context in tree.getroot().findall("context")
        if context.findtext("name") == IMPORT_CONTEXT
        for message in context.findall("message")
    }


def placeholders(text: str) -> set[str]:
    return {name for _text, name, _spec, _conversion in Formatter().parse(text) if name}


def english_fragments() -> set[str]:
    """The words of every finding template between its values ("not found: no row has"), when
    the translations say them otherwise: none of these may be left in a translated dialog."""
    translated = ts_messages("es")
    fragments = set()
    for source, spanish in translated.items():
        if spanish == source:
            continue
        for text, _name, _spec, _conversion in Formatter().parse(source):
            text = text.strip(" ,:;()")
            if " " in text and len(text) >= 8:
                fragments.add(text)
    return fragments


@pytest.fixture
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    apply_language(request.param)
    try:
        yield request.param
    finally:
        apply_language("en")
        QLocale.setDefault(ENGLISH)


def dialog_lines(qtbot, path: Path, language: str) -> list[str]:  # type: ignore[no-untyped-def]
    dialog = ImportPreviewDialog(path, language)
    qtbot.addWidget(dialog)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Open).isEnabled()
    return [dialog.findings.item(i).text() for i in range(dialog.findings.count())]


# --- the dialog ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", TRANSLATED, indirect=True)
def test_the_findings_of_a_roster_are_in_the_language(
    qtbot,  # type: ignore[no-untyped-def]
    language: str,
    tmp_path: Path,
) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER, encoding="utf-8")
    lines = dialog_lines(qtbot, path, language)
    for expected in EXPECTED[language]:
        assert any(expected in line for line in lines), (expected, lines)
    shown = "\n".join(lines)
    left = [fragment for fragment in english_fragments() if fragment in shown]
    assert left == [], shown
    for word in ("row ", "column ", "note:", "sheet "):  # ("error" is Spanish too)
        assert word not in shown, shown


def test_the_english_dialog_says_what_the_command_line_says(
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    from revorg.io.importers import import_plan
    from revorg.io.report import ImportRefusedError

    path = tmp_path / "roster.csv"
    path.write_text(ROSTER, encoding="utf-8")
    with pytest.raises(ImportRefusedError) as refused:
        import_plan(path)
    assert dialog_lines(qtbot, path, "en") == refused.value.report.lines()


@pytest.mark.parametrize("language", ["es"], indirect=True)
def test_a_workbook_finding_names_roles_and_columns_in_the_language(language: str) -> None:
    """Values the app knows in every language (a role, a department, a column of its own
    workbook) are named in the dialog's language; numbers are written as the locale writes
    them."""
    from revorg.io.messages import Count, Localized
    from revorg.model.errors import QT_TRANSLATE_NOOP

    finding = Finding(
        Severity.ERROR,
        "",
        sheet="Org",
        row=7,
        column="Annual cost",
        template=QT_TRANSLATE_NOOP("ImportFinding", "a cost must be at most {limit}: {cost}"),
        values={"limit": Count(1_000_000_000), "cost": Decimal("2000000000.5")},
    )
    assert finding_text(finding, language) == (
        "error: hoja 'Org', fila 7, columna 'Annual cost': un coste no puede pasar de "
        "1.000.000.000: 2.000.000.000,5"
    )
    role = Localized({"en": "Account Executive (AE)", "es": "Ejecutivo de cuentas (AE)"})
    said = Phrase(
        QT_TRANSLATE_NOOP("ImportFinding", "title {title} read as the role {role}"),
        {"title": "'Vendedora'", "role": role},
    )
    assert phrase_text(said, language) == (
        "el cargo 'Vendedora' se ha interpretado como el rol Ejecutivo de cuentas (AE)"
    )


# --- a translation that does not fit its template ---------------------------------------------


@pytest.fixture
def wrong_translation(language: str, tmp_path: Path) -> Iterator[None]:
    """Over the language's translations, a translator (installed last, so asked first) whose
    "row {row}" names another value and whose "{file} does not exist" adds one."""
    ts = tmp_path / "wrong.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="es">'
        f"<context><name>{IMPORT_CONTEXT}</name>"
        "<message><source>row {row}</source><translation>fila {fila}</translation></message>"
        "<message><source>{file} does not exist</source>"
        "<translation>{file} no existe {0}</translation></message>"
        "</context></TS>\n",
        encoding="utf-8",
    )
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    qm = tmp_path / "wrong.qm"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load("wrong", str(tmp_path))
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    try:
        yield
    finally:
        app.removeTranslator(translator)


@pytest.mark.parametrize("language", ["es"], indirect=True)
@pytest.mark.usefixtures("wrong_translation")
def test_a_translation_with_other_placeholders_falls_back_to_english(language: str) -> None:
    """Only the parts whose translation does not fit are said in English."""
    finding = Finding(
        Severity.WARNING, "", row=12, template="{file} does not exist", values={"file": "a.csv"}
    )
    assert finding_text(finding, language) == "aviso: row 12: a.csv does not exist"


# --- the .ts files --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_finding_template_keeps_its_placeholders(language: str) -> None:
    messages = ts_messages(language)
    assert len(messages) > 150
    for source, translation in messages.items():
        assert translation, f"untranslated: {source}"
        assert placeholders(translation) == placeholders(source), (source, translation)
        values = {name: "x" for name in placeholders(source)}
        translation.format(**values)  # no stray brace that str.format would refuse


@pytest.mark.parametrize("language", TRANSLATED, indirect=True)
def test_an_encoding_and_an_assumed_date_order_are_said_in_the_language(
    qtbot,  # type: ignore[no-untyped-def]
    language: str,
    tmp_path: Path,
) -> None:
    path = tmp_path / "roster.csv"  # GB18030, Chinese headings: 04/01/2027 is 4 January
    path.write_bytes("姓名,职位,入职日期,年薪\n王伟,销售总监,04/01/2027,-5\n".encode("gb18030"))
    shown = "\n".join(dialog_lines(qtbot, path, language))
    expected = {
        "es": ("se ha leído como GB18030 (chino simplificado)", "con el día primero (2027-01-04)"),
        "zh": ("已按 GB18030（简体中文） 读取", "按“日在前”读取（2027-01-04）"),
    }
    for text in expected[language]:
        assert text in shown, shown
    left = [fragment for fragment in english_fragments() if fragment in shown]
    assert left == [], shown
