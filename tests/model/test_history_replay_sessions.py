"""The property of issue 16: after any random session of edits, undos and redos, replaying the
log from the start gives the same plan, table by table, and `state_after(k)` gives the plan as
it was after step k, for every k (copies of the plan are kept during the session to compare).

The session runs on the edit core with a linear undo stack as the window's (its edits undone
newest first, a new edit dropping the ones undone; keystrokes in one target field merge into
one step, and the log folds them as the window's controller does). Each step: positions added,
duplicated, deleted (with the team or keeping the reports), moved, edited; dotted lines on and
off; people's photos set, replaced and removed; targets (typed or not), assumptions; scenario
copy, switch, rename, delete; plan settings (name, currency, fiscal year and first month,
which moves open positions' starts); undo, redo.
Derandomized, as tests/adversarial/test_edit_sequences.py is, so CI sees the same sessions.
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, precondition, rule, run_state_machine_as_test

from revorg.model import edits
from revorg.model.document import PlanDocument
from revorg.model.editing import Edit, PlanEditor, requests
from revorg.model.editing.photos import set_photo
from revorg.model.errors import PlanEditError
from revorg.model.history.reading import read_steps
from revorg.model.history.recording import attach_recorder, fold_typing
from revorg.model.history.replay import replay, state_after
from revorg.model.months import YearMonth
from revorg.model.photos import JPEG, PNG, Photo

PLAN_TABLES = (
    "plan", "scenarios", "targets", "positions", "dotted_lines", "assumptions", "photos"
)  # fmt: skip
# People's photos as the model stores them (bytes as given; revorg.io.photos makes real ones).
PHOTOS = (
    None,
    Photo(b"\xff\xd8\xff one face", JPEG),
    Photo(b"\x89PNG\r\n\x1a\n another face", PNG),
)
COPY_NAMES = ("{name} (copy)", "{name} (copy {number})")
MAX_SCENARIOS = 4

Tables = dict[str, list[tuple[Any, ...]]]
index = st.integers(min_value=0, max_value=10**6)
maybe_index = st.none() | index
texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)
titles = texts.filter(lambda value: bool(value.strip()))
money = st.decimals(min_value=0, max_value=10**7, places=2)
FIELD_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "title": titles,
    "person_name": st.none() | texts,
    "headcount": st.integers(1, 500),
    "start_month": st.none() | st.builds(YearMonth, st.integers(2020, 2035), st.integers(1, 12)),
    "annual_cost": money,
    "capacity_override": st.none() | money,
    "notes": texts,
    "email": st.none()
    | st.from_regex(r"[A-Za-z0-9._]{1,8}@[a-z0-9]{1,8}\.example", fullmatch=True),
}
TARGET_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "goal": st.decimals(min_value=0, max_value=5 * 10**6, places=2),
    "leads": st.integers(0, 2000),
    "close_rate": st.decimals(min_value=0, max_value=1, places=3),
    "retention": st.decimals(min_value=0, max_value=1, places=3),
    "expansion": st.decimals(min_value=0, max_value=10**6, places=2),
}


def pick(items: list[Any], position: int) -> Any:
    return items[position % len(items)]


def tables(document: PlanDocument) -> Tables:
    """Every row of the plan's tables as SQLite stores them, in key order."""
    document.session.flush()
    connection = document.session.connection()
    return {
        table: [
            tuple(row) for row in connection.exec_driver_sql(f"SELECT * FROM {table} ORDER BY 1")
        ]
        for table in PLAN_TABLES
    }


def copy_of(document: PlanDocument) -> PlanDocument:
    connection = sqlite3.connect(":memory:")
    connection.deserialize(document.connection.serialize())
    return PlanDocument(connection)


class ReplaySession(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.document = PlanDocument.from_template("demo", 2027)
        self.start = copy_of(self.document)
        self.editor = PlanEditor(self.document)
        attach_recorder(self.editor, "Ana")
        self.done: list[Edit] = []  # the undo stack: applied edits, oldest first
        self.undone: list[Edit] = []  # undone edits, the next to redo last
        self.typing = False  # the last edit was a keystroke in a target field
        self.after: dict[int, Tables] = {}  # the plan after each step of the log

    # --- the stack ------------------------------------------------------------------------

    def noted(self) -> None:
        """The plan as it is now, as it was after the log's newest step."""
        newest = read_steps(self.document.session, limit=1)
        if newest:
            self.after[newest[0].id] = tables(self.document)

    def push(self, edit: Edit | None, typing: bool = False) -> None:
        if edit is None:
            return
        self.editor.apply(edit)
        merged = self.typing and typing and self.done and self.done[-1].merge(edit)
        if merged:
            fold_typing(self.document.session)
        else:
            self.done.append(edit)
        self.undone.clear()
        self.typing = typing
        self.noted()

    def ids(self) -> list[int]:
        return sorted(self.editor.positions())

    def has_positions(self) -> bool:
        return bool(self.editor.positions())

    # --- positions ------------------------------------------------------------------------

    @rule(role=index, manager=maybe_index)
    def add_role(self, role: int, manager: int | None) -> None:
        ids = self.ids()
        manager_id = None if manager is None or not ids else pick(ids, manager)
        self.push(requests.add_role(self.editor, pick(self.editor.roles(), role).key, manager_id))

    @precondition(has_positions)
    @rule(original=index)
    def duplicate(self, original: int) -> None:
        self.push(requests.duplicate(self.editor, pick(self.ids(), original)))

    @precondition(has_positions)
    @rule(chosen=st.lists(index, min_size=1, max_size=3), keep_reports=st.booleans())
    def delete(self, chosen: list[int], keep_reports: bool) -> None:
        ids = self.ids()
        selected = list(dict.fromkeys(pick(ids, i) for i in chosen))
        if keep_reports:  # as test_edit_sequences: not a card with its selected manager
            tree = self.editor.tree()
            selected = [i for i in selected if not any(a in selected for a in tree.ancestors(i))]
        self.push(requests.delete(self.editor, selected, keep_reports))

    @precondition(has_positions)
    @rule(mover=index, manager=maybe_index)
    def move(self, mover: int, manager: int | None) -> None:
        ids = self.ids()
        moving, manager_id = pick(ids, mover), None if manager is None else pick(ids, manager)
        if not self.editor.tree().would_create_cycle(moving, manager_id):
            self.push(requests.move(self.editor, moving, manager_id))

    @precondition(has_positions)
    @rule(
        position=index,
        changes=st.dictionaries(
            st.sampled_from(sorted(FIELD_VALUES)), st.just(None), min_size=1, max_size=3
        ).flatmap(lambda keys: st.fixed_dictionaries({k: FIELD_VALUES[k] for k in keys})),
    )
    def edit(self, position: int, changes: dict[str, Any]) -> None:
        self.push(requests.edit_fields(self.editor, pick(self.ids(), position), dict(changes)))

    @precondition(has_positions)
    @rule(source=index, destination=index, present=st.booleans())
    def dotted_line(self, source: int, destination: int, present: bool) -> None:
        ids = self.ids()
        from_id, to_id = pick(ids, source), pick(ids, destination)
        if from_id != to_id:
            self.push(requests.set_dotted_line(self.editor, from_id, to_id, present))

    @precondition(has_positions)
    @rule(position=index, photo=st.sampled_from(PHOTOS))
    def photo(self, position: int, photo: Photo | None) -> None:
        self.push(set_photo(self.editor, pick(self.ids(), position), photo))

    # --- targets, assumptions, settings ---------------------------------------------------

    @rule(data=st.data(), name=st.sampled_from(sorted(TARGET_VALUES)), typing=st.booleans())
    def target(self, data: st.DataObject, name: str, typing: bool) -> None:
        value = data.draw(TARGET_VALUES[name], label=name)
        self.push(requests.set_target(self.editor, name, value), typing=typing)

    @rule(which=index, fraction=st.decimals(min_value=0, max_value=1, places=4))
    def assumption(self, which: int, fraction: Decimal) -> None:
        assumption = pick(list(self.editor.scenario.assumptions), which)
        if assumption.metric in edits.RATE_METRICS:
            value = fraction
        elif assumption.metric in edits.WHOLE_METRICS:
            lowest, highest = edits.WHOLE_METRICS[assumption.metric]
            value = Decimal(lowest + int(fraction * (highest - lowest)))
        else:
            value = (fraction * 400000).quantize(Decimal("0.01"))
        self.push(requests.set_assumption(self.editor, assumption.id, value))

    @rule(
        name=st.none() | titles,
        currency=st.none() | st.sampled_from(["EUR", "USD", "CNY"]),
        year=st.none() | st.integers(2026, 2029),
        first_month=st.none() | st.integers(1, 12),
    )
    def plan_settings(
        self, name: str | None, currency: str | None, year: int | None, first_month: int | None
    ) -> None:
        self.push(requests.plan_settings(self.editor, name, currency, year, first_month))

    # --- scenarios ------------------------------------------------------------------------

    @precondition(lambda self: len(self.editor.scenarios()) < MAX_SCENARIOS)
    @rule()
    def copy_scenario(self) -> None:
        self.push(requests.copy_scenario(self.editor, COPY_NAMES))

    @rule(which=index)
    def show_scenario(self, which: int) -> None:
        self.editor.switch_scenario(pick(self.editor.scenarios(), which).id)
        self.typing = False

    @rule(which=index, name=titles)
    def rename_scenario(self, which: int, name: str) -> None:
        scenario = pick(self.editor.scenarios(), which)
        try:
            edit = requests.rename_scenario(self.editor, scenario.id, name)
        except PlanEditError:  # a name another scenario has
            return
        self.push(edit)

    @precondition(lambda self: len(self.editor.scenarios()) > 1)
    @rule(which=index)
    def delete_scenario(self, which: int) -> None:
        self.push(requests.delete_scenario(self.editor, pick(self.editor.scenarios(), which).id))

    # --- undo and redo --------------------------------------------------------------------

    @rule(steps=st.integers(1, 4))
    def undo(self, steps: int) -> None:
        for _ in range(min(steps, len(self.done))):
            edit = self.done.pop()
            self.editor.revert(edit)
            self.undone.append(edit)
            self.noted()
        self.typing = False

    @rule(steps=st.integers(1, 4))
    def redo(self, steps: int) -> None:
        for _ in range(min(steps, len(self.undone))):
            edit = self.undone.pop()
            self.editor.apply(edit)
            self.done.append(edit)
            self.noted()
        self.typing = False

    # --- the property ---------------------------------------------------------------------

    def teardown(self) -> None:
        try:
            end = tables(self.document)
            logged = {step.id for step in read_steps(self.document.session)}
            assert set(self.after) == logged  # one step per edit, undo and redo (typing folds)
            with replay(self.start.session, self.document.session) as again:
                assert tables(again) == end, "replaying the log from its start"
            for step, expected in self.after.items():
                with state_after(self.document.session, step) as then:
                    assert tables(then) == expected, f"the plan after step {step}"
            assert tables(self.document) == end  # rewinding copies never touch the plan
        finally:
            self.document.close()
            self.start.close()


def test_random_sessions_replay_and_rewind_to_every_step_exactly() -> None:
    run_state_machine_as_test(
        ReplaySession,
        settings=settings(
            max_examples=15,
            stateful_step_count=60,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
            print_blob=True,
        ),
    )
