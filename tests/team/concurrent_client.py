"""One client of the concurrent-edits test (tests/team/test_team_concurrency.py), run in its own
process: random edits of a team plan, each either sent or refused with a TeamConflictError;
after a refusal the client reads the plan again, as a user would reload."""

from __future__ import annotations

import os
import random
from decimal import Decimal

from revorg.model.editing import PlanEditor, requests
from revorg.model.editing.steps import Edit
from revorg.model.team.address import parse_plan_url
from revorg.model.team.editing import open_team_editor
from revorg.model.team.sending import TeamConflictError


def run_client(url: str, pgpass: str, who: str, seed: int, edits: int) -> tuple[int, int]:
    """Make `edits` random edits as `who`; returns (sent, refused)."""
    os.environ["PGPASSFILE"] = pgpass
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    address = parse_plan_url(url)
    chance = random.Random(seed)
    sent = refused = 0
    made = 0
    while made < edits:
        with open_team_editor(address, who) as (_, editor):
            while made < edits:
                edit = _random_edit(editor, chance, made)
                made += 1
                if edit is None:
                    continue
                try:
                    editor.perform(edit)
                except TeamConflictError:
                    refused += 1
                    break  # read the plan again
                sent += 1
    return sent, refused


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
