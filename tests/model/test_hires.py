"""Where suggested hires go: under the manager who leads their role, within spans of control."""

from collections import Counter

from sqlalchemy import select

from revorg.model.document import PlanDocument
from revorg.model.entities import Position, RoleType
from revorg.model.generator import generate_plan
from revorg.model.hires import HirePlacement, suggested_hire_rows
from revorg.model.months import YearMonth
from revorg.model.planning import spans_of_control
from revorg.model.rows import position_rows

VP_SALES, SDR_MANAGER = 6, 7


def positions_and_roles(document: PlanDocument) -> tuple[list[Position], dict[str, RoleType]]:
    session = document.session
    positions = list(session.scalars(select(Position)))
    roles = {role.key: role for role in session.scalars(select(RoleType))}
    return positions, roles


def test_hires_fill_the_role_manager_up_to_the_span_then_the_department_leader() -> None:
    with PlanDocument.from_template("demo", 2027) as document:
        positions, roles = positions_and_roles(document)
        placement = HirePlacement(positions, roles)
        managers = [placement.place("sdr") for _ in range(12)]
        # The SDR manager leads 2 SDRs and coaches at most 8: six more; then the VP of Sales.
        assert managers[:6] == [SDR_MANAGER] * 6
        assert set(managers[6:]) == {VP_SALES}


def test_applied_hires_leave_no_span_too_wide_while_there_is_room() -> None:
    with PlanDocument.from_template("demo", 2027) as document:
        session, scenario = document.session, document.scenario()
        rows = suggested_hire_rows(session, scenario, {"sdr": 8, "ae": 2}, YearMonth(2027, 1))
        for row in rows:
            session.add(Position(**row))
        session.flush()
        spans = spans_of_control(session.scalars(select(Position)))
        assert [s for s in spans.values() if s.too_wide] == []
        by_manager = Counter(row["manager_id"] for row in rows)
        assert by_manager[SDR_MANAGER] == 6


def test_when_nobody_has_room_the_hire_still_goes_to_the_first_choice() -> None:
    with PlanDocument.from_template("demo", 2027) as document:
        positions, roles = positions_and_roles(document)
        placement = HirePlacement(positions, roles)
        managers = [placement.place("sdr") for _ in range(40)]
        assert managers[-1] == SDR_MANAGER  # over the span: the summary's warning says so
        assert placement.place("no_such_role") is None


def test_hires_placed_from_the_rows_the_editor_holds_go_where_a_fresh_read_puts_them() -> None:
    with generate_plan(400) as document:
        session, scenario = document.session, document.scenario()
        hires = {"sdr": 30, "account_manager": 3, "csm": 12}
        rows = position_rows(session, scenario.id)
        given = suggested_hire_rows(session, scenario, hires, YearMonth(2027, 3), "en", rows)
        read = suggested_hire_rows(session, scenario, hires, YearMonth(2027, 3))
        placed = ("id", "manager_id", "sort_order", "role_key", "title", "start_month")
        assert [[row[key] for key in placed] for row in given] == [
            [row[key] for key in placed] for row in read
        ]
        assert len({row["lineage"] for row in given}) == len(given) == 45
        # Spans fill up in order: each manager takes hires while it has room.
        positions, roles = positions_and_roles(document)
        placement = HirePlacement(positions, roles)
        assert [placement.place("sdr") for _ in range(30)] == [
            row["manager_id"] for row in given[:30]
        ]
