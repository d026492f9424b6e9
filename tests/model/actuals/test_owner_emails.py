"""Owners matched by email: the demo plan with its people's emails (set through the edit core,
as the inspector sets them) against a small Salesforce report whose owners are written
differently from the roster ("M. Sanchez" for Marta Sánchez) but carry the same emails.
Every number computed by hand in the comments."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from revorg.io.crm import read_deals
from revorg.io.report import ImportReport
from revorg.model.actuals.owners import MatchedBy, OwnerMatcher, Person
from revorg.model.actuals.progress import Progress, bookings_of
from revorg.model.actuals.scenario import scenario_progress
from revorg.model.actuals.summary import progress_json
from revorg.model.document import PlanDocument
from revorg.model.editing import PlanEditor, requests
from revorg.model.errors import PlanEditError
from revorg.model.history.reading import read_steps
from revorg.model.history.recording import attach_recorder
from revorg.model.history.replay import replay, state_after
from revorg.model.rows import position_rows
from revorg.model.summary import summarize

EXPORT = Path(__file__).parents[2] / "io" / "crm_exports" / "salesforce_owner_emails.csv"
COPY_NAMES = ("{name} (copy)", "{name} (copy {number})")
# The roster's emails, case as HR typed it; the CRM writes Marta's in another case.
EMAILS = {
    "Marta Sánchez": "marta.sanchez@ruizlabs.example",
    "Raúl Jiménez": "Raul.Jimenez@RuizLabs.example",
    "Beatriz Ramos": "beatriz.ramos@ruizlabs.example",
}


def ids(document: PlanDocument) -> dict[str, int]:
    rows = position_rows(document.session, document.scenario().id)
    return {row.person_name or f"open {row.title} {row.id}": row.id for row in rows}


def with_emails(document: PlanDocument) -> PlanEditor:
    editor = PlanEditor(document)
    attach_recorder(editor, "Ana")
    people = ids(document)
    for name, email in EMAILS.items():
        edit = requests.edit_fields(editor, people[name], {"email": email})
        assert edit is not None
        editor.perform(edit)
    return editor


def progress_of(document: PlanDocument, assigned: dict[str, int] | None = None) -> Progress:
    read = read_deals(EXPORT, ImportReport("emails"), plan_currency="EUR")
    assert read is not None
    scenario = document.scenario()
    summary = summarize(document.session, scenario)
    return scenario_progress(document.session, scenario, summary, bookings_of(read.deals), assigned)


def test_owners_named_otherwise_are_matched_by_their_email(demo_document: PlanDocument) -> None:
    before = progress_of(demo_document)
    # Without emails only Ana Gil's name is the roster's.
    assert [owner.owner for owner in before.unmatched] == [
        "Bea Ramos", "Jorge Ortega", "M. Sanchez", "Raul J.",
    ]  # fmt: skip
    with_emails(demo_document)
    people = ids(demo_document)
    progress = progress_of(demo_document)
    matched = {(m.owner, m.position_id, m.by, m.deals, m.won) for m in progress.matched}
    assert matched == {
        ("M. Sanchez", people["Marta Sánchez"], MatchedBy.EMAIL, 2, Decimal("38400.00")),
        ("Raul J.", people["Raúl Jiménez"], MatchedBy.EMAIL, 2, Decimal("12000.00")),
        ("Bea Ramos", people["Beatriz Ramos"], MatchedBy.EMAIL, 1, Decimal("7500.00")),
        ("Ana Gil", people["Ana Gil"], MatchedBy.NAME, 1, Decimal("5000.00")),
    }
    assert [(o.owner, o.deals, o.won) for o in progress.unmatched] == [
        ("Jorge Ortega", 1, Decimal("30000.00"))
    ]
    # Company new business counts every won deal, matched or not:
    # 24,000 + 14,400 + 12,000 + 5,000 + 30,000 = 85,400 against 3 x 30,000.
    sales = progress.departments["sales"]
    assert (sales.booked, sales.target, sales.ratio) == (
        Decimal("85400.00"), Decimal("90000.00"), Decimal("0.9489"),
    )  # fmt: skip
    # People against their ramped quota through March (16,666.67 a month for an AE in seat).
    marta = progress.people[people["Marta Sánchez"]]
    assert (marta.booked, marta.target, marta.ratio) == (
        Decimal("38400.00"), Decimal("50000.01"), Decimal("0.7680"),
    )  # fmt: skip
    raul = progress.people[people["Raúl Jiménez"]]
    assert (raul.booked, raul.ratio) == (Decimal("12000.00"), Decimal("0.2400"))  # lost: not
    # The account manager on expansion: 7,500 of 3 x 12,500.
    beatriz = progress.people[people["Beatriz Ramos"]]
    assert (beatriz.booked, beatriz.target, beatriz.ratio) == (
        Decimal("7500.00"), Decimal("37500.00"), Decimal("0.2000"),
    )  # fmt: skip


def test_team_attainment_sums_the_carriers_below_each_manager(
    demo_document: PlanDocument,
) -> None:
    with_emails(demo_document)
    people = ids(demo_document)
    progress = progress_of(demo_document)
    teams = {
        name: (t.booked, t.target, t.ratio)
        for name, position_id in people.items()
        if (t := progress.teams.get(position_id)) is not None
    }
    assert teams == {
        # Marta 38,400 + Raúl 12,000 + the open AE 0, against 50,000.01 x 2 + 10,000.00
        # (the AE hired in February ramps: 1/5 and 2/5 of 16,666.67).
        "Carmen López": (Decimal("50400.00"), Decimal("110000.02"), Decimal("0.4582")),
        "Sofía Castro": (Decimal("7500.00"), Decimal("37500.00"), Decimal("0.2000")),
        # The CRO: both teams, 57,900 of 147,500.02. Ana Gil (an SDR) carries no quota, so
        # her 5,000 is the company's and nobody's team's; her manager has no team figure.
        "Elena Ruiz": (Decimal("57900.00"), Decimal("147500.02"), Decimal("0.3925")),
    }
    shown = progress_json(progress)
    assert shown["teams"][str(people["Carmen López"])] == {
        "booked": 50400, "target": 110000.02, "attainment": 0.4582,
    }  # fmt: skip
    by = {owner["owner"]: owner["matched_by"] for owner in shown["matched_owners"]}
    assert by == {"M. Sanchez": "email", "Raul J.": "email", "Bea Ramos": "email",
                  "Ana Gil": "name"}  # fmt: skip


def test_a_match_by_hand_still_wins_over_the_email(demo_document: PlanDocument) -> None:
    with_emails(demo_document)
    people = ids(demo_document)
    progress = progress_of(demo_document, {"M. Sanchez": people["Raúl Jiménez"]})
    marta = next(m for m in progress.matched if m.owner == "M. Sanchez")
    assert (marta.position_id, marta.by) == (people["Raúl Jiménez"], MatchedBy.HAND)
    # Raúl now has Marta's 38,400 and his own 12,000; Marta nothing.
    assert progress.people[people["Raúl Jiménez"]].booked == Decimal("50400.00")
    assert progress.people[people["Marta Sánchez"]].booked == Decimal("0")


def test_an_email_two_people_share_matches_neither() -> None:
    matcher = OwnerMatcher([Person(1, "Ana", "a@x.example"), Person(2, "Eva", "A@X.example")])
    assert matcher.match_of("Someone", "a@x.example") is None
    assert matcher.match_of("Eva", "a@x.example") == (2, MatchedBy.NAME)


def test_names_match_whatever_their_case_spacing_punctuation_and_accents() -> None:
    """Plain ASCII names take a shorter way to their key (no Unicode decomposition): the
    same owners must still find the same people as names with accents do."""
    matcher = OwnerMatcher(
        [Person(1, "Robert O'Neil"), Person(2, "Raúl Jiménez"), Person(3, "ANA_MARIA  lopez")]
    )
    for owner in ("robert o neil", "  ROBERT\to'neil ", "Robert-O-Neil", "Robert O\u2019Neil"):
        assert matcher.position_of(owner) == 1, owner
    for owner in ("raul jimenez", "RAÚL JIMÉNEZ", "Raúl  Jiménez", "Rau\u0301l Jimenez"):
        assert matcher.position_of(owner) == 2, owner
    for owner in ("ana maria lopez", "Ana María López", "ana-maria_LOPEZ"):
        assert matcher.position_of(owner) == 3, owner
    assert matcher.position_of("Robert ONeil") is None
    assert matcher.position_of("Raul Jimenes") is None


def test_an_email_is_one_undo_step_and_one_logged_change_that_replays(
    demo_document: PlanDocument,
) -> None:
    editor = with_emails(demo_document)
    people = ids(demo_document)
    steps = sorted(read_steps(demo_document.session), key=lambda step: step.id)
    assert len(steps) == 3
    assert [(c.field, c.old, c.new) for c in steps[1].changes] == [
        ("email", None, "Raul.Jimenez@RuizLabs.example")  # case kept as given
    ]
    # Trimmed; a text without an @ (or with two) is refused and changes nothing.
    edit = requests.edit_fields(editor, people["Ana Gil"], {"email": "  ana.gil@ruizlabs.example "})
    assert edit is not None
    editor.perform(edit)
    assert editor.position(people["Ana Gil"]).email == "ana.gil@ruizlabs.example"
    for bad in ("ana.gil", "ana@@ruizlabs.example", "ana gil@ruizlabs.example", "@ruizlabs"):
        with pytest.raises(PlanEditError, match="is not an email address"):
            requests.edit_fields(editor, people["Ana Gil"], {"email": bad})
    editor.revert(edit)  # an undo
    assert editor.position(people["Ana Gil"]).email is None

    def emails(document: PlanDocument) -> dict[int, str | None]:
        rows = position_rows(document.session, document.scenario().id)
        return {row.id: row.email for row in rows if row.email}

    expected = {people[name]: email for name, email in EMAILS.items()}
    assert emails(demo_document) == expected
    first = min(step.id for step in steps)
    with state_after(demo_document.session, first) as then:
        assert emails(then) == {people["Marta Sánchez"]: EMAILS["Marta Sánchez"]}
    with (
        PlanDocument.from_template("demo", 2027) as start,
        replay(start.session, demo_document.session) as replayed,
    ):
        assert emails(replayed) == expected


def test_a_copy_of_the_scenario_keeps_the_emails(demo_document: PlanDocument) -> None:
    editor = with_emails(demo_document)
    base = demo_document.scenario().id
    editor.perform(requests.copy_scenario(editor, COPY_NAMES, "Stretch"))
    copy = next(s.id for s in demo_document.plan.scenarios if s.name == "Stretch")
    assert copy != base
    copied = {row.person_name: row.email for row in position_rows(demo_document.session, copy)}
    assert {name: copied[name] for name in EMAILS} == EMAILS
