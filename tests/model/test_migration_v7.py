"""A plan saved in file format 7 (before emails, staff positions and photos) opens migrated to
format 8 in memory: its positions have no email and none is staff, it has no photo, its change
log and actuals are as they were, and the file is left alone until saved; once saved it has the
schema of a new plan."""

from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from revorg.model.actuals.summary import scenario_actuals
from revorg.model.document import PlanDocument
from revorg.model.entities import Position, photos
from revorg.model.history.chain import verify
from revorg.model.history.reading import step_count
from revorg.model.store import SCHEMA_VERSION
from revorg.model.store.schema import describe
from revorg.model.summary import summarize
from tests.model.test_migration_v2 import file_state, pragma
from tests.model.test_migration_v5 import plan_file


def test_a_format_7_plan_opens_with_its_log_and_actuals_and_no_staff_email_or_photo(
    tmp_path: Path,
) -> None:
    v7_file = plan_file(tmp_path, 7)
    assert pragma(v7_file, "user_version") == 7
    before = file_state(v7_file)
    with PlanDocument.open(v7_file, for_editing=False) as document:
        assert document.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        session = document.session
        positions = session.scalars(select(Position)).all()
        assert len(positions) == 19  # the demo plan's cards
        assert {(p.email, p.staff) for p in positions} == {(None, False)}
        assert session.execute(select(photos)).all() == []
        assert step_count(session) == 2  # the goal and the import, by Ana
        assert verify(session) is None  # the new columns do not touch the log
        scenario = document.scenario()
        summary = summarize(session, scenario)
        progress = scenario_actuals(session, scenario, summary)
    assert file_state(v7_file) == before
    assert summary.inputs.goal == 1100000
    assert progress is not None
    # The Q1 report: sales 98,400 won of new business and expansion (as the actuals tests).
    assert progress.departments["sales"].booked == Decimal("98400.00")


def test_a_format_7_plan_saves_as_format_8_with_the_schema_of_a_new_plan(
    tmp_path: Path,
) -> None:
    path = plan_file(tmp_path, 7)
    with PlanDocument.open(path) as document:
        document.save()
    assert pragma(path, "user_version") == SCHEMA_VERSION == 8
    with (
        PlanDocument.open(path, for_editing=False) as reopened,
        PlanDocument.from_template("blank", 2027) as fresh,
    ):
        assert describe(reopened.connection) == describe(fresh.connection)
