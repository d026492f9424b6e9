"""`revorg actuals` says how each owner was matched (by email, by name, by hand) and gives each
team's attainment; `summary --json` has the teams too. The demo plan with its people's emails
against a report whose owners are written otherwise (see tests/model/actuals/
test_owner_emails.py for the hand sums)."""

from __future__ import annotations

import json
from pathlib import Path

from revorg.cli.editing import open_for_editing
from revorg.model.editing import requests
from revorg.model.rows import position_rows
from tests.conftest import CliRunner

EXPORT = Path(__file__).parent / "io" / "crm_exports" / "salesforce_owner_emails.csv"
EMAILS = {
    "Marta Sánchez": "marta.sanchez@ruizlabs.example",
    "Raúl Jiménez": "Raul.Jimenez@RuizLabs.example",
    "Beatriz Ramos": "beatriz.ramos@ruizlabs.example",
}


def with_emails(path: Path) -> dict[str, int]:
    """Give three people their emails, as the inspector does; the people's position ids."""
    with open_for_editing(path, "Ana") as (document, editor):
        rows = position_rows(document.session, document.scenario().id)
        people = {row.person_name: row.id for row in rows if row.person_name}
        for name, email in EMAILS.items():
            edit = requests.edit_fields(editor, people[name], {"email": email})
            assert edit is not None
            editor.perform(edit)
        document.save()
    return people


def test_the_output_says_how_each_owner_was_matched_and_each_teams_attainment(
    run_cli: CliRunner, demo_file: Path
) -> None:
    people = with_emails(demo_file)
    result = run_cli("actuals", demo_file, "--import", EXPORT)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    for line in (
        "  M. Sanchez: Marta Sánchez (Account Executive) (by email; 2 deals, 38,400.00 won)",
        "  Raul J.: Raúl Jiménez (Account Executive) (by email; 2 deals, 12,000.00 won)",
        "  Ana Gil: Ana Gil (SDR) (by name; 1 deal, 5,000.00 won)",
        "  unmatched: Jorge Ortega (1 deal, 30,000.00 won)",
        # 38,400 + 12,000 + 0 against 50,000.01 + 50,000.01 + 10,000.00
        "  team of Carmen López (VP Sales): 50,400.00 of 110,000.02 (45.8%)",
        "  team of Sofía Castro (VP Customer Success): 7,500.00 of 37,500.00 (20.0%)",
        "  team of Elena Ruiz (Chief Revenue Officer): 57,900.00 of 147,500.02 (39.3%)",
    ):
        assert line in lines, line
    # Matched by hand: the user's word wins over the email.
    report = json.loads(
        run_cli(
            "actuals", demo_file, "--match", f"M. Sanchez={people['Raúl Jiménez']}", "--json"
        ).out
    )["actuals"]
    matched = {o["owner"]: (o["position"], o["matched_by"]) for o in report["matched_owners"]}
    assert matched == {
        "M. Sanchez": (people["Raúl Jiménez"], "hand"),
        "Raul J.": (people["Raúl Jiménez"], "email"),
        "Bea Ramos": (people["Beatriz Ramos"], "email"),
        "Ana Gil": (people["Ana Gil"], "name"),
    }
    # Carmen's team is unchanged (Marta's deals moved inside it); Raúl has both.
    assert report["teams"][str(people["Carmen López"])] == {
        "booked": 50400, "target": 110000.02, "attainment": 0.4582,
    }  # fmt: skip
    assert report["positions"][str(people["Raúl Jiménez"])]["booked"] == 50400
    summary = json.loads(run_cli("summary", demo_file, "--json").out)["actuals"]
    assert summary["teams"] == report["teams"]
    assert set(summary["teams"]) == {
        str(people[name]) for name in ("Elena Ruiz", "Carmen López", "Sofía Castro")
    }
