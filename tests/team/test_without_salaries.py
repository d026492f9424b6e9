"""A copy without salaries, to share the chart with the whole company: `export
--without-salaries` (workbook, images) and `pull --without-salaries` (a .revorg file). The
produced files are searched for the plan's salary amounts as a user could: the workbook unzipped,
the SVG's text, every table of the file with sqlite3, its change log included."""

from __future__ import annotations

import json
import re
import sqlite3
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from revorg.model.document import PlanDocument
from revorg.model.editing import PlanEditor, requests
from revorg.model.entities import Base
from revorg.model.history.recording import ChangeRecorder
from tests.conftest import CliRunner
from tests.model.history.conftest import Clock, Who, by_title
from tests.team.conftest import TeamServer
from tests.team.logins import as_user, url_as

# The demo's salaries (CRO, VP Sales, VP Marketing, VP Customer Success, Head of RevOps, and the
# SDR's, in the log's whole rows) and the one the fixture gives the Account Executive: whole
# euros, as a reader would look for them.
SALARIES = (170000, 125000, 115000, 110000, 95000, 38000, 123457)


def salary_patterns() -> list[re.Pattern[str]]:
    """Each amount as a cell (170000), a card (€170,000), a JSON value ("170000.00") or cents
    (17000000), never inside a longer number."""
    patterns = []
    for amount in SALARIES:
        grouped = f"{amount:,}"
        for shown in {str(amount), grouped, grouped.replace(",", "."), str(amount * 100)}:
            patterns.append(re.compile(rf"(?<![\d.,]){re.escape(shown)}(?![\d]|[.,]\d\d\d)"))
    return patterns


def salaries_in(text: str) -> list[str]:
    return [match.group(0) for pattern in salary_patterns() for match in pattern.finditer(text)]


def workbook_text(path: Path) -> str:
    """The cells of every sheet and the shared texts (the theme's XML holds numbers such as
    <a:shade val="95000"/> that are no amounts)."""
    with zipfile.ZipFile(path) as book:
        return "\n".join(
            book.read(name).decode("utf-8", "replace")
            for name in book.namelist()
            if name.startswith("xl/worksheets/") or name == "xl/sharedStrings.xml"
        )


def plan_file_text(path: Path) -> str:
    """Every value of every table, the change log included, as text."""
    with sqlite3.connect(path) as connection:
        return "\n".join(
            repr(row)
            for table in Base.metadata.sorted_tables
            for row in connection.execute(f'SELECT * FROM "{table.name}"')
        )


@pytest.fixture
def salaried_plan(tmp_path: Path) -> Path:
    """The demo plan with a log that carries salaries: the AE's cost changed to 123,457 (a
    field change), an SDR added (a whole row with its cost) and an SDR removed (the same)."""
    document = PlanDocument.from_template("demo", 2027)
    editor = PlanEditor(document)
    editor.add_recorder(ChangeRecorder(editor, Who(), Clock()))
    ae = by_title(editor, "Account Executive")
    editor.perform(requests.edit_fields(editor, ae, {"annual_cost": Decimal(123457)}))
    editor.perform(requests.add_role(editor, "sdr", by_title(editor, "SDR Manager")))
    editor.perform(requests.delete(editor, [by_title(editor, "SDR")], keep_reports=False))
    path = tmp_path / "salaried.revorg"
    document.save_as(path)
    document.close()
    return path


def test_the_plan_itself_carries_the_salaries_the_tests_look_for(salaried_plan: Path) -> None:
    text = plan_file_text(salaried_plan)
    for amount in ("17000000", "12345700", '"123457.00"', '{"annual_cost":"38000.00"'):
        assert amount in text
    assert salaries_in(text)


def test_export_without_salaries_leaves_none_in_the_workbook_and_the_images(
    run_cli: CliRunner, salaried_plan: Path, tmp_path: Path
) -> None:
    full = run_cli("export", salaried_plan, "--xlsx", tmp_path / "full.xlsx",
                   "--svg", tmp_path / "full.svg")  # fmt: skip
    assert full.code == 0, full.err
    # The same export with salaries has them: the search below can find them.
    assert "170000" in workbook_text(tmp_path / "full.xlsx")
    assert "€170,000 / yr" in (tmp_path / "full.svg").read_text()

    files = {kind: tmp_path / f"shared.{kind}" for kind in ("xlsx", "svg", "png", "pdf")}
    options = [part for kind, path in files.items() for part in (f"--{kind}", path)]
    result = run_cli("export", salaried_plan, "--without-salaries", *options)
    assert result.code == 0, result.err
    assert all(path.stat().st_size > 0 for path in files.values())
    assert salaries_in(workbook_text(files["xlsx"])) == []
    svg = files["svg"].read_text()
    assert salaries_in(svg) == [] and "/ yr" not in svg  # no cost line on any card
    assert "Chief Revenue Officer" in svg  # the chart itself is there
    assert salaried_plan.read_bytes()  # the plan file is unchanged:
    assert salaries_in(plan_file_text(salaried_plan))


def test_pull_without_salaries_writes_a_file_with_none_in_any_table_or_the_log(
    run_cli: CliRunner, team: TeamServer, plan_name: str, salaried_plan: Path, tmp_path: Path
) -> None:
    url = team.url(plan_name)
    assert run_cli("push", salaried_plan, url).code == 0
    copy = tmp_path / "shared.revorg"
    result = run_cli("pull", url, "-o", copy, "--without-salaries")
    assert result.code == 0, result.err
    assert result.out.strip() == f"wrote {copy} (version 3 of {url}, without salaries)"
    assert salaries_in(plan_file_text(copy)) == []
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT count(*) FROM positions").fetchone() == (19,)
        changed = connection.execute(
            "SELECT old, new FROM history_changes WHERE field = 'annual_cost'"
        ).fetchall()
    assert changed == [("null", "null")]  # the change is told, not its amounts
    history = json.loads(run_cli("history", copy, "--json").out)
    assert history["verified"] is True and len(history["steps"]) == 3  # the copy's own chain


def test_a_viewers_history_tells_of_salary_changes_without_their_amounts(
    run_cli: CliRunner, team: TeamServer, plan_name: str, salaried_plan: Path,
    make_user: Callable[[str], str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    url = team.url(plan_name)
    assert run_cli("push", salaried_plan, url).code == 0
    vera = make_user("vera")
    assert run_cli("team", "grant", url, "--user", vera, "--role", "viewer").code == 0
    result = as_user(run_cli, monkeypatch, "history", url_as(team, vera, plan_name), "--json")
    assert result.code == 0, result.err
    assert salaries_in(result.out) == []
    steps = json.loads(result.out)["steps"]
    assert len(steps) == 3
    owners = json.loads(run_cli("history", url, "--json").out)["steps"]
    assert "123457" in json.dumps(owners)  # an owner sees the amounts
