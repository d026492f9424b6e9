"""Job titles and role names to catalogue roles, and the key of a custom role: one matcher and
one key scheme for the roster and the workbook importers.

A title matches a role when its words are those of one of the role's names, aliases or short
names in English, Spanish or Chinese, in any order, without stop words, with synonyms folded
("Gerente de cuentas" is "Gestor de cuentas") and Spanish feminine forms read as the
catalogue's ("Ejecutiva"). A roster also takes the role whose name is all found in the title
(an inexact match, noted); the workbook takes exact matches only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from revorg.io.values.text import ASCII_WORD, normalize
from revorg.model.catalogue import RoleSpec, role_specs

CUSTOM_PREFIX = "custom_"
MAX_SLUG_LENGTH = 40


@cache
def vocabulary() -> dict[str, Any]:
    """Words of titles and departments (resources/vocabulary/words.json)."""
    path = resources.files("revorg").joinpath("resources", "vocabulary", "words.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


STOPWORDS = frozenset(vocabulary()["stopwords"])
# Words that mean the same in titles, folded to one spelling on both sides of a comparison:
# "Gerente de éxito del cliente" then matches the alias "Gestor de éxito del cliente".
WORD_SYNONYMS: dict[str, str] = dict(vocabulary()["word_synonyms"])


def custom_role_key(title: str, taken: Container[str]) -> str:
    """ "custom_chief_of_staff": the ASCII words of the title (at most 40 characters; "role"
    when it has none, as a Chinese title), then _2, _3... when the key is taken."""
    slug = "_".join(ASCII_WORD.findall(normalize(title)))[:MAX_SLUG_LENGTH].strip("_") or "role"
    base = key = CUSTOM_PREFIX + slug
    number = 2
    while key in taken:
        key = f"{base}_{number}"
        number += 1
    return key


@dataclass(frozen=True)
class Words:
    """A title as a set of Latin-script words and the runs of other scripts (Chinese)."""

    latin: frozenset[str]
    other: tuple[str, ...]

    @property
    def weight(self) -> int:
        return len(self.latin) + sum(len(run) for run in self.other)

    def contains(self, label: Words) -> bool:
        return label.latin <= self.latin and all(
            any(run in mine for mine in self.other) for run in label.other
        )


@cache
def _feminine_forms() -> dict[str, str]:
    """Spanish feminine titles ("Ejecutiva", "Directora", "Jefa") to the catalogue's forms."""
    forms: dict[str, str] = {"jefa": "manager"}
    for spec in role_specs():
        for label in (spec.names["es"], *spec.aliases["es"]):
            for word in ASCII_WORD.findall(normalize(label)):
                if word.endswith("o") and len(word) > 3:
                    forms.setdefault(word[:-1] + "a", word)
                elif word.endswith("or"):
                    forms.setdefault(word + "a", word)
    return forms


def title_words(text: str) -> Words:
    feminine = _feminine_forms()
    latin: set[str] = set()
    other: list[str] = []
    for word in normalize(text).split():
        if word.isascii():
            if word in STOPWORDS:
                continue
            word = feminine.get(word, word)
            latin.add(WORD_SYNONYMS.get(word, word))
        else:
            other.append(word)
    return Words(frozenset(latin), tuple(other))


@dataclass(frozen=True)
class RoleMatch:
    role_key: str | None  # None: no role of the catalogue
    exact: bool  # the title is a name, alias or short name of the role


class RoleMatcher:
    """Titles to catalogue roles: a name, alias or short name first (any language, any order of
    words), then the role whose name or alias has the most words all found in the title."""

    def __init__(self, specs: Iterable[RoleSpec]) -> None:
        self.exact: dict[Words, str] = {}
        self.labels: list[tuple[Words, str]] = []
        for spec in specs:
            labels = [spec.names[lang] for lang in spec.names]
            labels += [alias for lang in spec.aliases for alias in spec.aliases[lang]]
            bare = [re.sub(r"\s*\([^)]*\)", "", label) for label in labels]
            for label in dict.fromkeys([*labels, *bare]):
                words = title_words(label)
                if words.weight:
                    self.exact.setdefault(words, spec.key)
                    self.labels.append((words, spec.key))
            for short in spec.shorts.values():  # short names ("AE", "Support") only whole
                self.exact.setdefault(title_words(short), spec.key)
        self._cache: dict[str, RoleMatch] = {}

    def match(self, title: str) -> RoleMatch:
        found = self._cache.get(title)
        if found is None:
            found = self._cache[title] = self._match(title_words(title))
        return found

    def _match(self, words: Words) -> RoleMatch:
        if not words.weight:
            return RoleMatch(None, exact=False)
        key = self.exact.get(words)
        if key is not None:
            return RoleMatch(key, exact=True)
        best: tuple[int, str] | None = None
        for label, role_key in self.labels:
            if words.contains(label) and (best is None or label.weight > best[0]):
                best = (label.weight, role_key)
        return RoleMatch(None if best is None else best[1], exact=False)


@cache
def role_matcher() -> RoleMatcher:
    return RoleMatcher(role_specs())


def match_role(title: str) -> str | None:
    """The catalogue role key for a job title in English, Spanish or Chinese, or None."""
    return role_matcher().match(title).role_key
