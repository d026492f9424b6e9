"""Yes and no as people type them in English, Spanish and Chinese ("Yes", "sí", "是", "x").

The one reader of a yes/no cell of a roster or a workbook: a blank cell is no answer (None), a
word it does not know is refused (ValueError) rather than guessed.
"""

from __future__ import annotations

from revorg.io.messages import BadValueError
from revorg.io.values.text import normalize, shown
from revorg.model.errors import QT_TRANSLATE_NOOP

NOT_YES_OR_NO = QT_TRANSLATE_NOOP("ImportFinding", "{value} is not yes or no")

# Compared after normalize(): casefolded, accents removed ("Sí" -> "si").
YES = frozenset(
    {"yes", "y", "true", "x", "1", "si", "s", "verdadero", "cierto", "是", "对", "對", "有", "真"}
)
NO = frozenset({"no", "n", "false", "0", "falso", "否", "不是", "无", "無", "没有", "沒有", "假"})
# Marks that normalize() reads as punctuation: a tick is yes, a cross or a dash no.
YES_MARKS = frozenset({"✓", "✔", "√", "☑"})
NO_MARKS = frozenset({"✗", "✘", "×", "-", "–", "—"})


def parse_flag(value: object) -> bool | None:
    """A yes/no cell: True, False, or None when blank. ValueError for anything else."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = str(value).strip()
    if not text:
        return None
    if text in YES_MARKS:
        return True
    if text in NO_MARKS:
        return False
    word = normalize(text)
    if word in YES:
        return True
    if word in NO:
        return False
    raise BadValueError(NOT_YES_OR_NO, value=shown(value))
