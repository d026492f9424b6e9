"""What the user tells a roster import beyond the file: which column is which field, and
whose branch to import. Plain data, so that the command line and the window pass the same."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from revorg.io.messages import BadValueError
from revorg.io.roster.headings import FIELDS
from revorg.model.errors import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class RosterOptions:
    """`columns`: field -> the heading of its column as the file writes it ("" for a field
    not to read, even when a heading names it); other fields are found by their headings.
    `root`: the id, email or name of the person whose organisation alone is imported."""

    columns: Mapping[str, str] = field(default_factory=dict)
    root: str | None = None


class RosterOptionError(BadValueError):
    """A column mapping or a root that does not fit the file: nothing is read."""


def column_mapping(pairs: Iterable[str]) -> dict[str, str]:
    """`--map title=positionName` pairs as a mapping; ValueError for a pair that is not
    FIELD=HEADING, an unknown field or a field given twice."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        key, equals, heading = pair.partition("=")
        key = key.strip().casefold()
        if not equals:
            raise ValueError(f"--map {pair}: write FIELD=HEADING, such as title=positionName")
        if key not in FIELDS:
            raise ValueError(f"--map {pair}: unknown field {key!r}; fields: {', '.join(FIELDS)}")
        if key in mapping:
            raise ValueError(f"--map {pair}: the field {key} is mapped twice")
        mapping[key] = heading.strip()
    return mapping


def no_such_heading(heading: str, found: object) -> RosterOptionError:
    return RosterOptionError(
        QT_TRANSLATE_NOOP(
            "ImportFinding", "no column is headed {heading}; the heading row has {found}"
        ),
        heading=repr(heading),
        found=found,
    )
