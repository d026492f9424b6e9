"""A value of the model as JSON text, the same text for the same value on every machine.

Decimal is kept as its exact text ("1200000.00", never a float), a YearMonth as "YYYY-MM",
a whole row (a dict) with its keys sorted. The text is what the step's hash covers.
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from enum import Enum
from typing import Any

from revorg.model.months import YearMonth

_PLAIN_TYPES = frozenset({str, int, bool, type(None)})


def plain(value: object) -> Any:
    """The value as JSON can hold it, exactly."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, Decimal | YearMonth):
        return str(value)
    if isinstance(value, float):  # no model value is a float; kept exact as text if one is
        return repr(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):  # a whole row: most of its values are text already
        for key, item in value.items():
            if type(key) is not str or (
                item is not None and type(item) is not str and type(item) is not int
            ):
                break
        else:  # all plain (a deal's row): as it is, not copied (50,000 at an import)
            return value
        return {
            str(key): item if item is None or type(item) is str else plain(item)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        if set(map(type, value)) <= _PLAIN_TYPES:  # a column of an import's deals: 50,000
            return list(value)
        return [plain(item) for item in value]
    return str(value)


# One encoder for every value: json.dumps with options makes a new one on each call, a third
# of recording an import of 50,000 deals (three values each).
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical(value: object) -> str:
    """Deterministic JSON: keys sorted, no spaces, text as it is (not \\u-escaped)."""
    if value is None:
        return "null"
    return _ENCODER.encode(plain(value))


def decoded(text: str) -> Any:
    """The JSON value of `text`; text that is not JSON (a damaged row) is given back as it is."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def whole_label(value: Any) -> Any:
    """What a whole record's stored value is called for a reader: a position's title, a
    scenario's name, a dotted line's "from>to" positions. A log of format 5 kept only that name
    (text), which is given back as it is."""
    if not isinstance(value, dict):
        return value
    if "title" in value:
        return value["title"]
    if {"crm_id", "status", "amount"} <= value.keys():  # a deal: what a re-import changes
        return f"{value.get('name') or value['crm_id']} ({value['status']} {value['amount']})"
    if "name" in value:
        return value["name"]
    if {"from_position_id", "to_position_id"} <= value.keys():
        return f"{value['from_position_id']}>{value['to_position_id']}"
    if "file" in value:  # an import of deals
        return value["file"]
    return value.get("id")


def photo_size(value: Any) -> tuple[str, int] | None:
    """A photo's media type and size in bytes when the value is one (the log keeps photos as
    data URLs: revorg.model.photos), so that readers name it instead of printing its bytes."""
    if not isinstance(value, str) or not value.startswith("data:image/"):
        return None
    head, _comma, body = value.partition(",")
    media_type = head.removeprefix("data:").removesuffix(";base64")
    return media_type, len(body) * 3 // 4 - body[-2:].count("=")
