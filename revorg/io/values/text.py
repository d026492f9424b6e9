"""Text as the readers compare it, and a cell value as a finding quotes it."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[a-z0-9]+|[^\W\d_a-z]+")
ASCII_WORD = re.compile(r"[a-z0-9]+")


def normalize(text: str) -> str:
    """Casefolded, accents removed, punctuation as spaces: "Área / Dpto." -> "area dpto"."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(_WORD.findall(bare))


def shown(value: object) -> str:
    """A value as a message quotes it: text repr'd, at most 60 characters."""
    text = repr(value.strip()) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."
