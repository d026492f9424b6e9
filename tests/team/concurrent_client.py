"""One client of the concurrent-edits test (tests/team/test_team_concurrency.py), run in its own
process: random edits of a team plan, each either sent or refused with a TeamConflictError;
after a refusal the client brings its copy up to the server's plan, as the window does: the
teammates' steps taken in from the log over the same connection, else the plan read again
(TeamEditing.refresh). One login for the whole run."""

from __future__ import annotations

import os
import random
from decimal import Decimal
from typing import Any

from revorg.model.editing import PlanEditor, requests
from revorg.model.editing.steps import Edit
from revorg.model.team.address import TeamPlanAddress, parse_plan_url
from revorg.model.team.conflicts import TeamConflictError
from revorg.model.team.editing import TeamEditing


def run_client(url: str, pgpass: str, who: str, seed: int, edits: int) -> tuple[int, int, int, int]:
    """Make `edits` random edits as `who`; returns (tried, sent, refused, logins): every edit
    tried (some draws make none) was either sent or refused with a TeamConflictError."""
    os.environ["PGPASSFILE"] = pgpass
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    address = parse_plan_url(url)
    chance = random.Random(seed)
    tried = sent = refused = 0
    logins = _count_logins()
    editing = TeamEditing(address, who)
    try:
        for made in range(edits):
            edit = _random_edit(editing.editor, chance, made)
            if edit is None:
                continue
            tried += 1
            try:
                editing.editor.perform(edit)
            except TeamConflictError:
                refused += 1
                editing.refresh()  # take the teammates' changes in
                continue
            sent += 1
    finally:
        editing.close()
    return tried, sent, refused, logins[0]


def _count_logins() -> list[int]:
    """Counts each connection this process opens to the server (each one logs in)."""
    from revorg.model.team import server

    count = [0]
    connect = server.connect

    def counted(address: TeamPlanAddress) -> Any:
        count[0] += 1
        return connect(address)

    server.connect = counted
    return count


def _random_edit(editor: PlanEditor, chance: random.Random, number: int) -> Edit | None:
    positions = editor.positions()
    tree = editor.tree()
    ids = sorted(positions)
    kind = chance.random()
    if kind < 0.5 or len(ids) < 8:
        card = chance.choice(ids)
        return requests.edit_fields(editor, card, {"title": f"Card {number} {chance.random():.6f}"})
    if kind < 0.7:
        return requests.set_target(editor, "goal", Decimal(chance.randrange(500_000, 3_000_000)))
    if kind < 0.85:
        return requests.add_role(editor, "sdr", chance.choice(ids))
    leaves = [i for i in ids if not tree.reports(i) and positions[i].manager_id is not None]
    return requests.delete(editor, [chance.choice(leaves)], keep_reports=False) if leaves else None
