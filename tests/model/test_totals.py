"""Sums over positions kept up to date in place equal, digit for digit, the sums made afresh:
ExactSums against sum(), PositionTotals against the planning functions, and a scenario's rows,
tree and numbers after random edits against a fresh read (what the editor relies on to answer
an edit of a 50,000-position chart without summing it again)."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

import pytest

from revorg.model import edits
from revorg.model.capacity import capacity_totals
from revorg.model.document import PlanDocument
from revorg.model.generator import generate_plan
from revorg.model.money import ZERO
from revorg.model.months import YearMonth
from revorg.model.org_tree import OrgTree
from revorg.model.planning import fiscal_year_cost, spans_of_control, staffing_by_department
from revorg.model.rows import position_rows
from revorg.model.scenario_rows import RowsChange, ScenarioRows
from revorg.model.summary import ScenarioSummary, summarize, summary_of, totals_basis
from revorg.model.totals import ExactSums, PositionTotals

# --- ExactSums ------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(20))
def test_exact_sums_show_what_summing_the_terms_left_shows(seed: int) -> None:
    rng = random.Random(seed)
    values = [ZERO, Decimal("0.00"), Decimal("12.50"), Decimal("3"), Decimal("0.125")]
    values += [Decimal("1E+2"), Decimal("7.10"), Decimal("-0.00")]
    sums: ExactSums[str] = ExactSums()
    terms: dict[str, list[Decimal]] = {"a": [], "b": []}
    for _ in range(200):
        key = rng.choice("ab")
        if terms[key] and rng.random() < 0.45:
            value = terms[key].pop(rng.randrange(len(terms[key])))
            sums.add(key, value, -1)
        else:
            value = rng.choice(values)
            times = rng.choice([1, 1, 3])
            terms[key] += [value] * times
            sums.add(key, value, times)
        for name, kept in terms.items():
            expected = sum(kept, ZERO)
            # repr: the same digits and exponent, not only an equal value.
            assert repr(sums.get(name)) == repr(expected), (name, kept)
            assert (name in sums) == bool(kept)
    assert sums.as_dict() == {name: sum(kept, ZERO) for name, kept in terms.items() if kept}


def test_taking_every_term_out_leaves_zero_as_summing_nothing_does() -> None:
    sums: ExactSums[str] = ExactSums()
    sums.add("cost", Decimal("12.50"))
    sums.add("cost", Decimal("12.50"), -1)
    assert repr(sums.get("cost")) == repr(ZERO) and "cost" not in sums
    sums.add("cost", ZERO, 2)
    sums.add("cost", Decimal("1.25"))
    sums.add("cost", Decimal("1.25"), -1)
    assert repr(sums.get("cost")) == "Decimal('0')"  # two terms 0 left, as sum() gives


# --- PositionTotals against the planning functions ----------------------------------------


def odd_plan() -> PlanDocument:
    """A generated plan with positions that take every path of the sums: overrides (one that
    starts after the year), open hires starting before, in and after the year, groups, a CRO,
    and no capacity kind at all."""
    document = generate_plan(500, seed=11)
    session, scenario = document.session, document.scenario()
    rows = position_rows(session, scenario.id)
    rng = random.Random(5)
    for row in rng.sample(rows, 60):
        change: dict[str, Any] = rng.choice(
            [
                {"capacity_override": Decimal("123456.78")},
                {"capacity_override": Decimal("1000"), "start_month": YearMonth(2029, 1)},
                {"person_name": None, "start_month": YearMonth(2026, 6)},
                {"person_name": None, "start_month": YearMonth(2027, 7)},
                {"person_name": None, "start_month": YearMonth(2028, 3)},
                {"headcount": 7},
                {"annual_cost": Decimal("0")},
                {"role_key": "cro", "department_key": "executive"},
            ]
        )
        edits.update_fields(session, row.id, change)
    return document


def test_totals_equal_the_sums_of_the_planning_functions() -> None:
    with odd_plan() as document:
        session, scenario = document.session, document.scenario()
        rows = position_rows(session, scenario.id)
        basis = totals_basis(session, scenario)
        totals = PositionTotals.of(rows, basis)
        departments = ["executive", "marketing", "sales", "customer_success", "revops"]
        expected = staffing_by_department(rows, departments, basis.fiscal)
        assert repr(totals.staffing(departments)) == repr(expected)
        capacity = capacity_totals(rows, basis.kinds, basis.assumptions, basis.fiscal)
        assert repr(totals.capacity()) == repr(capacity)
        cro = sum((fiscal_year_cost(p, basis.fiscal) for p in rows if p.role_key == "cro"), ZERO)
        assert repr(totals.cost_of_role("cro")) == repr(cro) and cro > 0
        spans = spans_of_control(rows)
        wide = {s.manager_id: (s.direct_reports, s.limit) for s in spans.values() if s.too_wide}
        assert totals.too_wide == wide and wide


# --- a scenario's rows, tree and numbers after random edits --------------------------------


def exactly(summary: ScenarioSummary) -> list[str]:
    """Every number of a summary with its digits and exponent (repr, not only equal values)."""
    return [
        repr(summary.departments),
        repr(summary.total),
        repr(summary.capacity),
        repr(summary.cost),
        repr(summary.outcome),
        repr([(manager.id, people, limit) for manager, people, limit in summary.too_wide_spans]),
    ]


class Editor:
    """Random edits as the editor's commands make them, each followed by a refresh of the rows
    it touched."""

    def __init__(self, document: PlanDocument, seed: int) -> None:
        self.document = document
        self.session = document.session
        self.scenario = document.scenario()
        self.rng = random.Random(seed)
        self.rows = ScenarioRows(self.session, self.scenario.id)
        self.rows.tree()
        self.basis = totals_basis(self.session, self.scenario)
        self.rows.totals(self.basis)
        self.removed: list[edits.RowsSnapshot] = []  # what undo would put back

    def ids(self) -> list[int]:
        return list(self.rows.rows)

    def step(self) -> tuple[str, RowsChange]:
        action = self.rng.choice(
            ["add", "add", "remove", "remove_team", "remove_keep", "edit", "edit", "move"]
            + (["restore"] if self.removed else [])
        )
        touched = getattr(self, action)()
        return action, self.rows.refresh(touched)

    def add(self) -> list[int]:
        manager = self.rng.choice([*self.ids(), None])
        role = self.rng.choice(["ae", "sdr", "csm", "sales_manager", "cro", "data_analyst"])
        row = edits.new_position_row(self.session, self.scenario, role, manager)
        row["headcount"] = self.rng.choice([1, 1, 4])
        edits.insert_rows(self.session, edits.RowsSnapshot((row,), ()))
        return [row["id"]]

    def remove(self) -> list[int]:
        tree = self.rows.tree()
        leaves = [i for i in self.ids() if not tree.reports(i)]
        return self._remove([self.rng.choice(leaves)])

    def remove_team(self) -> list[int]:
        tree = self.rows.tree()
        managers = [i for i in self.ids() if 0 < len(tree.subtree(i)) <= 40]
        return self._remove(tree.subtree(self.rng.choice(managers)))

    def remove_keep(self) -> list[int]:
        """A manager goes; its reports move up to its own manager."""
        tree = self.rows.tree()
        gone = self.rng.choice([i for i in self.ids() if tree.reports(i)])
        manager, reports = tree.parent[gone], list(tree.reports(gone))
        for report in reports:
            edits.set_manager(self.session, report, manager, self.rows.rows[gone].sort_order)
        return [*reports, *self._remove([gone])]

    def _remove(self, ids: list[int]) -> list[int]:
        self.removed.append(edits.snapshot(self.session, ids))
        edits.remove_rows(self.session, ids)
        return ids

    def restore(self) -> list[int]:
        snapshot = self.removed.pop()
        # Its manager may have gone since: the rows come back as roots, as a damaged plan's.
        edits.insert_rows(self.session, snapshot)
        return snapshot.position_ids

    def edit(self) -> list[int]:
        position_id = self.rng.choice(self.ids())
        change = self.rng.choice(
            [
                {"headcount": self.rng.randint(1, 12)},
                {"annual_cost": Decimal(self.rng.randint(0, 20000000)) / 100},
                {"person_name": None, "start_month": YearMonth(2027, self.rng.randint(1, 12))},
                {"person_name": "Somebody"},
                {"role_key": "ae", "department_key": "sales"},
                {"role_key": "csm", "department_key": "customer_success"},
                {"capacity_override": Decimal("5000.5")},
                {"capacity_override": None},
                {"title": "Renamed"},
            ]
        )
        edits.update_fields(self.session, position_id, change)
        return [position_id]

    def move(self) -> list[int]:
        tree = self.rows.tree()
        mover = self.rng.choice(self.ids())
        manager = self.rng.choice([*self.ids(), None])
        if tree.would_create_cycle(mover, manager):
            return []
        order = self.rng.randint(0, 30)
        edits.set_manager(self.session, mover, manager, order)
        return [mover]


def assert_as_read_afresh(editor: Editor) -> None:
    fresh = position_rows(editor.session, editor.scenario.id)
    assert list(editor.rows.rows.values()) == fresh  # the same rows, in id order
    assert editor.rows.tree() == OrgTree.build(fresh)
    kept = summary_of(
        editor.session,
        editor.scenario,
        editor.rows.totals(editor.basis),
        editor.rows.rows,
    )
    assert exactly(kept) == exactly(summarize(editor.session, editor.scenario, "en", fresh))
    assert kept.to_json() == summarize(editor.session, editor.scenario).to_json()


@pytest.mark.parametrize("seed", range(6))
def test_rows_tree_and_numbers_after_random_edits_equal_a_fresh_read(seed: int) -> None:
    with generate_plan(300, seed=seed) as document:
        editor = Editor(document, seed)
        seen: set[str] = set()
        for _ in range(45):
            before = dict(editor.rows.rows)
            action, change = editor.step()
            seen.add(action)
            after = editor.rows.rows
            assert set(change.added) == after.keys() - before.keys()
            assert set(change.removed) == before.keys() - after.keys()
            for position_id in change.moved:
                old, new = before[position_id], after[position_id]
                assert (old.manager_id, old.sort_order) != (new.manager_id, new.sort_order)
            assert all(before[i] != after[i] for i in change.edited)
            assert_as_read_afresh(editor)
        assert {"add", "remove", "remove_keep", "edit", "move"} <= seen


def test_a_new_target_or_assumption_needs_no_new_pass_over_the_positions() -> None:
    with generate_plan(200) as document:
        session, scenario = document.session, document.scenario()
        rows = ScenarioRows(session, scenario.id)
        totals = rows.totals(totals_basis(session, scenario))
        edits.set_target(session, scenario.id, "goal", Decimal(9000000))
        assert rows.totals(totals_basis(session, scenario)) is totals  # the same sums
        assumption = next(a for a in scenario.assumptions if a.metric == "annual_quota")
        edits.set_assumption(session, assumption.id, assumption.value + 12345)
        session.expire(scenario, ["assumptions"])
        again = rows.totals(totals_basis(session, scenario))
        assert again is not totals  # capacity depends on the quota: summed again
        fresh = summarize(session, scenario)
        assert exactly(summary_of(session, scenario, again, rows.rows)) == exactly(fresh)
