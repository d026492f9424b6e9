"""What an import says, kept as a template and its values, so that the window can say it in
the user's language (revorg.gui.labels.finding_text) while str() stays the English line that the
command line, the logs and the tests read.

Templates are marked with QT_TRANSLATE_NOOP in the IMPORT_CONTEXT context (the translation tools
collect them from this layer's source without it importing Qt) and name their values:
"manager {manager} not found". The str() of every value is how the English line shows it:

- str: as it is (file names, cell text, headings; repr'd where the line quotes them);
- int: plain digits (rows, IDs, years: never grouped, "row 1234" in any language);
- Decimal: as typed (-5000); the window shows the locale's digits;
- Count: a quantity grouped as people read it (1,250 rows);
- Phrase: words of their own, translated too ("a PDF document");
- Localized: a name the app has in every language (a role, a department, a column);
- Listed: several values with a separator that needs no translation (" -> ");
- an exception: its message (a BadValueError or the model's NumberError is translated too).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from revorg.model.errors import QT_TRANSLATE_NOOP

IMPORT_CONTEXT = "ImportFinding"


@dataclass(frozen=True, eq=False)
class Phrase:
    """A template with named values ({manager}); str() is the English text."""

    template: str
    values: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        if not self.values:  # a bare template is the text (braces and all)
            return self.template
        return self.template.format(**{name: str(value) for name, value in self.values.items()})


def phrase(template: str, **values: object) -> Phrase:
    return Phrase(template, values)


@dataclass(frozen=True)
class Count:
    """A number that English writes with thousands separators: 100,000."""

    number: int | Decimal

    def __str__(self) -> str:
        return f"{self.number:,}"


@dataclass(frozen=True, eq=False)
class Localized:
    """A name in each language ("en" always there); English unless the window asks."""

    names: Mapping[str, str]

    def __str__(self) -> str:
        return self.names["en"]

    def in_language(self, language: str) -> str:
        return self.names.get(language) or self.names["en"]


@dataclass(frozen=True, eq=False)
class Listed:
    """Values one after another with a separator that is the same in every language."""

    items: tuple[object, ...]
    separator: str = ", "

    def __str__(self) -> str:
        return self.separator.join(str(item) for item in self.items)


def joined_with_and(items: Iterable[object]) -> object:
    """ "3 and 5 and 8", as nested phrases so that the window says "and" in its language."""
    listed = list(items)
    if not listed:
        return ""
    result = listed[-1]
    for item in reversed(listed[:-1]):
        result = phrase(
            QT_TRANSLATE_NOOP("ImportFinding", "{first} and {more}"), first=item, more=result
        )
    return result


class BadValueError(ValueError):
    """A cell value that cannot be read (a ValueError, as callers of the parsers expect), with
    the reason as a phrase."""

    def __init__(self, template: str, **values: object) -> None:
        self.phrase = Phrase(template, values)
        super().__init__(str(self.phrase))


def reason(error: BaseException) -> Phrase:
    """What an exception says, as a phrase: a BadValueError's own; any other's message as a value
    (the window translates the model's errors, and shows the others as they are)."""
    if isinstance(error, BadValueError):
        return error.phrase
    return phrase("{problem}", problem=error)
