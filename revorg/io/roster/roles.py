"""Department cells to departments, and the department a custom role's title suggests
(titles to catalogue roles: revorg.io.role_match)."""

from __future__ import annotations

import re
from collections import Counter

from revorg.io.role_match import (
    RoleMatcher,
    Words,
    match_role,
    role_matcher,
    title_words,
    vocabulary,
)
from revorg.model.catalogue import department_specs

_WORDS = vocabulary()
# Words that make a custom role a leader (the model puts suggested hires under leaders).
LEADER_WORDS = frozenset(_WORDS["leader_words"])
LEADER_CJK = tuple(_WORDS["leader_cjk"])


# --- departments ----------------------------------------------------------------------------

DEPARTMENT_SYNONYMS: dict[str, tuple[str, ...]] = {
    key: tuple(words) for key, words in _WORDS["department_synonyms"].items()
}
# Words that suggest a department for a title that matches no role.
DEPARTMENT_KEYWORDS: dict[str, tuple[str, ...]] = {
    key: tuple(words) for key, words in _WORDS["department_keywords"].items()
}
# The catalogue role of the people outside the revenue organisation (its department is not
# counted in revenue cost, CAC or capacity): a title that matches no role and whose department
# is no revenue function.
OUTSIDE_ROLE: str = _WORDS["outside_role"]
# Catalogue roles that may sit in another department (DOMAIN.md): there the Department column
# decides. Other catalogue roles keep their own department, so that a department's cost and
# its capacity (counted by role) cover the same people.
OTHER_DEPARTMENTS: dict[str, tuple[str, ...]] = {
    key: tuple(departments) for key, departments in _WORDS["other_departments"].items()
}


__all__ = [
    "LEADER_CJK",
    "LEADER_WORDS",
    "OTHER_DEPARTMENTS",
    "OUTSIDE_ROLE",
    "DepartmentMatcher",
    "RoleMatcher",
    "guess_department",
    "match_role",
    "role_matcher",
    "title_words",
]


class DepartmentMatcher:
    """A Department cell (any of the five revenue departments in en/es/zh, or a synonym)."""

    def __init__(self) -> None:
        labels: list[tuple[Words, str]] = []
        for spec in department_specs():
            if not spec.revenue:
                continue
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
