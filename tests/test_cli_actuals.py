"""`revorg actuals`: CRM exports into the demo plan, re-imported without duplicates, rules and
owners matched by hand kept in the plan, every change a step of the log; bad input is one
`error:` line and leaves the file as it was."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import CliRunner

EXPORTS = Path(__file__).parent / "io" / "crm_exports"
Q1 = EXPORTS / "salesforce_opportunities_q1.csv"


def actuals(run_cli: CliRunner, *arguments: str | Path) -> dict[str, object]:
    result = run_cli("actuals", *arguments, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)  # type: ignore[no-any-return]


def test_import_prints_what_was_read_and_the_plan_against_it(
    run_cli: CliRunner, demo_file: Path
) -> None:
    result = run_cli("actuals", demo_file, "--import", Q1)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[:2] == [
        "Read 9 deals (salesforce): 7 won, 1 lost, 1 open; 0 rows left out, 4 report lines skipped",
        "  9 new, 0 changed, 0 unchanged",
    ]
    assert "  sales              attainment 109.3%" in lines  # 98,400 of 90,000
    assert "  unmatched: Jorge Ortega (1 deal, 30,000.00 won)" in lines
    assert "Negotiation/Review (1)" in result.err  # the stage read as open, said once


def test_reimport_updates_changed_deals_and_keeps_their_history(
    run_cli: CliRunner, demo_file: Path, tmp_path: Path
) -> None:
    assert run_cli("actuals", demo_file, "--import", Q1).code == 0
    march = tmp_path / "q1-final.csv"
    march.write_text(
        Q1.read_text(encoding="utf-8").replace(
            '"Negotiation/Review","Q1-2027","EUR 15,000.00","80"',
            '"Closed Won","Q1-2027","EUR 15,500.00","100"',
        ),
        encoding="utf-8",
    )
    report = actuals(run_cli, demo_file, "--import", march)
    assert report["import"]["added"] == 0  # type: ignore[index]
    assert report["import"]["changed"] == 1  # type: ignore[index]
    assert report["import"]["unchanged"] == 8  # type: ignore[index]
    # 98,400 + Costa Foods' 15,500 of new business, each deal once.
    assert report["actuals"]["new_business"] == 113900  # type: ignore[index]
    from revorg.model.actuals.logged import deal_versions
    from revorg.model.document import PlanDocument

    with PlanDocument.open(demo_file, for_editing=False) as document:
        versions = deal_versions(document.session, "0065g00000AbC07AAF")
    assert [(row["status"], row["amount"]) for _, row in versions] == [
        ("open", "15000.00"),
        ("won", "15500.00"),
    ]
    # Importing the same export again changes nothing and writes nothing.
    before = demo_file.read_bytes()
    again = actuals(run_cli, demo_file, "--import", march)
    assert again["import"]["unchanged"] == 9  # type: ignore[index]
    assert demo_file.read_bytes() == before


def test_summary_json_adds_actuals_with_rules_and_matches_kept(
    run_cli: CliRunner, demo_file: Path
) -> None:
    summary = json.loads(run_cli("summary", demo_file, "--json").out)
    assert "actuals" not in summary  # no deals yet: the summary is as before
    raul = _position_id(demo_file, "Raúl Jiménez")
    result = run_cli(
        "actuals", demo_file, "--import", Q1, "--stage", "Negotiation/Review=won",
        "--match", f"Jorge Ortega={raul}", "--who", "Tomás",
    )  # fmt: skip
    assert result.code == 0, result.err
    figures = json.loads(run_cli("summary", demo_file, "--json").out)["actuals"]
    assert figures["through"] == "2027-03"
    assert figures["unmatched_owners"] == []
    # Raúl: 12,000 + 18,000 + Costa Foods 15,000 (its stage now reads won) + Jorge's 30,000.
    assert figures["positions"][str(raul)]["booked"] == 75000
    assert figures["by_month"][2] == {
        "month": "2027-03", "new_business": 59400, "expansion": 0, "renewal": 20000,
        "target": 83333.33,
    }  # fmt: skip
    history = json.loads(run_cli("history", demo_file, "--json").out)
    texts = [step["text"] for step in history["steps"]]
    assert texts[:3] == [
        "Import actuals salesforce_opportunities_q1.csv: 9 new, 0 changed",
        "Match Jorge Ortega to Raúl Jiménez",
        "Read Negotiation/Review as won",
    ]
    assert {step["who"] for step in history["steps"][:3]} == {"Tomás"}


def _position_id(path: Path, person: str) -> int:
    from revorg.model.document import PlanDocument
    from revorg.model.entities import Position

    with PlanDocument.open(path, for_editing=False) as document:
        for position in document.session.query(Position):
            if position.person_name == person:
                return position.id
    raise AssertionError(person)


def test_bad_input_is_one_error_line_and_the_file_unchanged(
    run_cli: CliRunner, demo_file: Path, tmp_path: Path
) -> None:
    before = demo_file.read_bytes()
    roster = tmp_path / "roster.csv"
    roster.write_text("name,title\nAna,AE\n", encoding="utf-8")
    cases = [
        (("--import", roster), "error: roster.csv: no heading row with Amount"),
        (("--import", tmp_path / "missing.csv"), "error: missing.csv: "),
        (("--stage", "Closed=maybe"), "error: --stage 'Closed': 'maybe' is not one of"),
        (("--match", "Ana=x"), "error: --match 'Ana': 'x' is not a position id"),
        (("--match", "Ana=99999"), "error: no position with id 99999"),
    ]
    for arguments, says in cases:
        result = run_cli("actuals", demo_file, *arguments)
        assert result.code == 2, (arguments, result.err)
        lines = result.err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(says), (arguments, result.err)
        assert "Traceback" not in result.err
    assert demo_file.read_bytes() == before


def test_the_ramp_of_a_hire_is_checked(run_cli: CliRunner, demo_file: Path, tmp_path: Path) -> None:
    """The AE hired in February (deals matched to the open position): nothing in February, a
    full month of quota (200,000 / 12) in March, against 1/5 and 2/5 assumed."""
    from revorg.model.document import PlanDocument
    from revorg.model.entities import Position

    with PlanDocument.open(demo_file, for_editing=False) as document:
        hire = next(
            p.id
            for p in document.session.query(Position)
            if p.person_name is None and p.title == "Account Executive"
        )
    export = tmp_path / "deals.csv"
    export.write_text(
        'owner,amount,close date,won,type\nNora Vidal,"16,666.67",2027-03-20,yes,new\n'
        'Marta Sánchez,"10,000",2027-02-02,no,new\n',
        encoding="utf-8",
    )
    result = run_cli("actuals", demo_file, "--import", export, "--match", f"Nora Vidal={hire}")
    assert result.code == 0, result.err
    assert result.out.splitlines()[-1] == (
        "  ramp of ae: months in seat 0%, 100% of a full month (assumed 20%, 40%, 5 months); "
        "a 3-month ramp fits better"
    )
    ramps = actuals(run_cli, demo_file)["ramps"]
    assert ramps == [  # type: ignore[comparison-overlap]
        {
            "role": "ae", "ramp_months": 5, "suggested_ramp_months": 3, "gap": 0.4,
            "months_in_seat": [
                {"month": 1, "people": 1, "observed": 0, "assumed": 0.2},
                {"month": 2, "people": 1, "observed": 1, "assumed": 0.4},
            ],
        }
    ]  # fmt: skip
