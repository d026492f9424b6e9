"""An import's record in the change log (revorg.model.actuals.logged): the deals it holds read
back one by one, in the direction of the change, damaged records refused, and a team plan's
sending touching the import's row and each deal's."""

from __future__ import annotations

import json
from typing import Any

import pytest

from revorg.model.actuals.logged import (
    DEALS_KEY,
    DamagedImportError,
    LoggedDeal,
    first_holding,
    imported_ids,
    logged_deals,
    logged_import,
)
from revorg.model.history.chain import StoredChange
from revorg.model.history.values import canonical
from revorg.model.team.step_rows import row_work

RECORD = {"id": 2, "at": "t", "who": "Ana", "file": "feb.csv", "source": "generic",
          "added": 1, "changed": 1, "unchanged": 0}  # fmt: skip


def row(crm_id: str, amount: str, import_id: int) -> dict[str, Any]:
    return {
        "crm_id": crm_id, "owner": "Ana", "owner_email": "", "account": "", "name": "",
        "stage": "Closed Won", "deal_type": "", "status": "won", "kind": "new_business",
        "amount": amount, "currency": None, "close_date": "2027-02-01", "import_id": import_id,
    }  # fmt: skip


def feb() -> dict[str, object]:
    """Import 2: deal a changed (100 -> 150), deal c added."""
    return logged_import(
        RECORD, [row("a", "150", 2), row("c", "300", 2)], {"a": row("a", "100", 1)}
    )


def test_the_deals_come_back_as_whole_records_done_and_undone() -> None:
    whole = json.loads(canonical(feb()))  # as the log stores and reads it
    assert whole[DEALS_KEY]["rows"]["crm_id"] == ["a", "c"]
    assert whole[DEALS_KEY]["before"]["amount"] == ["100"]
    assert imported_ids(whole) == ["a", "c"]
    assert logged_deals(None, whole) == [
        LoggedDeal("a", row("a", "100", 1), row("a", "150", 2)),
        LoggedDeal("c", None, row("c", "300", 2)),
    ]
    assert logged_deals(whole, None) == [
        LoggedDeal("a", row("a", "150", 2), row("a", "100", 1)),
        LoggedDeal("c", row("c", "300", 2), None),
    ]
    assert imported_ids(RECORD) == []  # an import of the earlier form: its deals apart


@pytest.mark.parametrize(
    "damage",
    [
        lambda w: w[DEALS_KEY]["rows"]["amount"].pop(),  # columns of different lengths
        lambda w: w[DEALS_KEY].pop("before"),
        lambda w: w[DEALS_KEY]["rows"].update(crm_id=[1, 2]),  # ids that are not text
        lambda w: w.update({DEALS_KEY: "rows"}),
    ],
)
def test_a_damaged_import_record_is_refused_not_half_read(damage: Any) -> None:
    whole = json.loads(canonical(feb()))
    damage(whole)
    with pytest.raises(DamagedImportError):
        logged_deals(None, whole)
    with pytest.raises(DamagedImportError, match="changed, not added or removed"):
        logged_deals(json.loads(canonical(feb())), json.loads(canonical(feb())))


def test_who_changed_a_deal_last_is_the_newest_import_holding_it() -> None:
    text = canonical(feb())
    other = canonical(logged_import({**RECORD, "id": 3}, [row("b", "5", 3)], {}))
    candidates = [("Bo", 3, "null", other), ("Ana", 2, "null", text), ("Cy", 1, text, "null")]
    assert first_holding(candidates, "a") == ("Ana", 2)
    assert first_holding(candidates[2:], "c") == ("Cy", 1)  # an undo holds them as old
    assert first_holding(candidates, "zzz") is None
    assert first_holding([("Di", 4, "null", "{not json")], "a") is None


def test_sending_an_import_touches_its_row_and_each_deals_row() -> None:
    change = StoredChange(1, "deal_import", "2", "*", "null", canonical(feb()))
    work = row_work([change])
    assert [(w.table, w.key, w.logged_id) for w in work] == [
        ("deal_imports", 2, "2"),
        ("deals", "a", '"a"'),
        ("deals", "c", '"c"'),
    ]
    undone = StoredChange(1, "deal_import", "2", "*", canonical(feb()), "null")
    assert [w.key for w in row_work([undone])] == [2, "a", "c"]
