"""Deal owners to the positions of the chart: by an assignment the user made and the plan keeps,
else by the deal's owner email against the person's email (case ignored), else by the person's
name (accents, case and spacing ignored). The user's word comes first: it is how a wrong match
is fixed; the email next, because a CRM's "Bob Smith" is often the roster's "Robert Smith".

A name two positions share matches neither: the owner is listed as unmatched with its totals,
and the user says which position it is. Company totals count every won deal, matched or not;
a person's and a team's attainment count only the deals matched to them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

from revorg.model.emails import email_key

_WORD = re.compile(r"[^\W_]+")
_SHARED = -1  # a name or email two positions share (position ids are 1 and more)


@lru_cache(maxsize=65536)  # owners repeat on every deal they own
def person_key(text: str) -> str:
    """A name as owners are matched: "Raúl  Jiménez" and "raul jimenez" alike."""
    if text.isascii():  # nothing to decompose: a summary keys 10,000 names, 3x faster so
        return " ".join(_WORD.findall(text.casefold()))
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(_WORD.findall(bare))


class MatchedBy(StrEnum):
    """How an owner was matched to a position (the command line's JSON says it so)."""

    HAND = "hand"
    EMAIL = "email"
    NAME = "name"


class Person(NamedTuple):
    """A position as owners are matched to it (a tuple: a summary makes one per position)."""

    position_id: int
    name: str
    email: str = ""


class OwnerMatcher:
    """Owner (and email) -> position id; built once per import or summary, so matching
    50,000 deals is a dictionary look-up each."""

    def __init__(
        self,
        people: Iterable[Person | tuple[int, str | None, str | None]],
        assigned: Mapping[str, int] | None = None,
    ) -> None:
        """`people`: Persons, or (position id, name, email) as a position's row has them (None
        when it has none)."""
        self.assigned = {person_key(owner): pid for owner, pid in (assigned or {}).items()}
        # key -> the one position with it, or _SHARED (a dictionary of sets per key was most
        # of building a matcher for 10,000 people)
        by_name: dict[str, int] = {}
        by_email: dict[str, int] = {}
        for position_id, name, email in people:
            if name and not name.isspace():
                key = person_key(name)
                found = by_name.get(key, position_id)
                by_name[key] = position_id if found == position_id else _SHARED
            if email and not email.isspace():
                key = email_key(email)
                found = by_email.get(key, position_id)
                by_email[key] = position_id if found == position_id else _SHARED
        self.by_name = {key: pid for key, pid in by_name.items() if pid != _SHARED}
        self.by_email = {key: pid for key, pid in by_email.items() if pid != _SHARED}

    def position_of(self, owner: str, email: str = "") -> int | None:
        match = self.match_of(owner, email)
        return None if match is None else match[0]

    def match_of(self, owner: str, email: str = "") -> tuple[int, MatchedBy] | None:
        """The owner's position and how it was found; None when nobody (or two people) fit."""
        key = person_key(owner)
        if key in self.assigned:  # the user's word first: it is how a wrong match is fixed
            return self.assigned[key], MatchedBy.HAND
        if email:
            found = self.by_email.get(email_key(email))
            if found is not None:
                return found, MatchedBy.EMAIL
        found = self.by_name.get(key)
        return None if found is None else (found, MatchedBy.NAME)
