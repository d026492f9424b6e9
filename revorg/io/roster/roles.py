"""Job titles to catalogue roles, and Department cells to departments."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from revorg.io.values.text import ASCII_WORD, normalize
from revorg.model.catalogue import RoleSpec, department_specs, role_specs

_WORDS = json.loads(
    resources.files("revorg").joinpath("resources", "roster", "words.json").read_text("utf-8")
)
STOPWORDS = frozenset(_WORDS["stopwords"])
# Words that mean the same in titles, folded to one spelling on both sides of a comparison:
# "Gerente de éxito del cliente" then matches the alias "Gestor de éxito del cliente".
WORD_SYNONYMS: dict[str, str] = dict(_WORDS["word_synonyms"])
# Words that make a custom role a leader (the model puts suggested hires under leaders).
LEADER_WORDS = frozenset(_WORDS["leader_words"])
LEADER_CJK = tuple(_WORDS["leader_cjk"])


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


# --- departments ----------------------------------------------------------------------------

DEPARTMENT_SYNONYMS: dict[str, tuple[str, ...]] = {
    key: tuple(words) for key, words in _WORDS["department_synonyms"].items()
}
# Words that suggest a department for a title that matches no role.
DEPARTMENT_KEYWORDS: dict[str, tuple[str, ...]] = {
    key: tuple(words) for key, words in _WORDS["department_keywords"].items()
}
DEFAULT_DEPARTMENT: str = _WORDS["default_department"]
# Catalogue roles that may sit in another department (DOMAIN.md): there the Department column
# decides. Other catalogue roles keep their own department, so that a department's cost and
# its capacity (counted by role) cover the same people.
OTHER_DEPARTMENTS: dict[str, tuple[str, ...]] = {
    key: tuple(departments) for key, departments in _WORDS["other_departments"].items()
}


class DepartmentMatcher:
    """A Department cell (any of the five departments in en/es/zh, or a synonym)."""

    def __init__(self) -> None:
        labels: list[tuple[Words, str]] = []
        for spec in department_specs():
            for label in [spec.key.replace("_", " "), *spec.names.values()]:
                labels.append((title_words(label), spec.key))
                labels.append((title_words(re.sub(r"\s*\([^)]*\)", "", label)), spec.key))
        for key, synonyms in DEPARTMENT_SYNONYMS.items():
            labels += [(title_words(synonym), key) for synonym in synonyms]
        self.labels = [(words, key) for words, key in labels if words.weight]
        self.exact = {words: key for words, key in reversed(self.labels)}
        self._cache: dict[str, str | None] = {}

    def match(self, text: str) -> str | None:
        if text not in self._cache:
            words = title_words(text)
            found = self.exact.get(words)
            if found is None:
                best: tuple[int, str] | None = None
                for label, key in self.labels:  # "Sales EMEA" -> sales
                    if words.contains(label) and (best is None or label.weight > best[0]):
                        best = (label.weight, key)
                found = None if best is None else best[1]
            self._cache[text] = found
        return self._cache[text]


def guess_department(title: str) -> str | None:
    """The department a title's words suggest (for a custom role), or None."""
    words = title_words(title)
    scores: Counter[str] = Counter()
    for key, keywords in DEPARTMENT_KEYWORDS.items():
        for keyword in keywords:
            if keyword.isascii():
                scores[key] += keyword in words.latin
            else:
                scores[key] += any(keyword in run for run in words.other)
    best = max(DEPARTMENT_KEYWORDS, key=lambda key: scores[key])
    return best if scores[best] else None
