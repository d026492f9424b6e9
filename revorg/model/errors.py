"""Errors that reach users: each carries one line that says what is wrong and with which file.

Errors a user meets (a bad value typed, a refused move, a damaged file) also keep their message
template and values, so that the window can say them in the user's language: the template is
marked with QT_TRANSLATE_NOOP, which the translation tools collect from this layer's source
without it importing Qt. str() stays the English line (the command line and logs use it).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

# Values named "field" are keys of the model (close_rate, annual_cost...): the window shows the
# label of the key in its language, and English shows the key with spaces.
FIELD = "field"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Marks `text` for translation in `context`; returns it unchanged."""
    return text


def english(values: Mapping[str, object]) -> dict[str, str]:
    """Values as an English line shows them: keys with spaces, big numbers grouped."""
    shown = {}
    for name, value in values.items():
        if name == FIELD:
            shown[name] = str(value).replace("_", " ")
        elif isinstance(value, int | Decimal) and not isinstance(value, bool):
            shown[name] = f"{value:,}"
        else:
            shown[name] = str(value)
    return shown


class Explained:
    """A message template with named values ({label}), told in English by str()."""

    template: str
    values: dict[str, object]

    def explain(self, template: str, values: Mapping[str, object]) -> str:
        self.template = template
        self.values = dict(values)
        return template.format(**english(values))


class RevOrgError(Exception):
    """A problem the user can act on; str() is one line without a traceback."""


class ExplainedError(RevOrgError, Explained):
    """An error whose message the window translates: a template marked with
    QT_TRANSLATE_NOOP in the context named after the class, and its values."""

    def __init__(self, template: str, **values: object) -> None:
        super().__init__(self.explain(template, values) if values else template)
        if not values:
            self.template, self.values = template, {}


class PlanFileError(ExplainedError):
    """A .revorg file that cannot be opened or saved."""


class PlanFileLockedError(PlanFileError):
    """The file is open for editing in another RevOrg window or process."""


class TemplateError(ExplainedError):
    """An unknown or malformed template."""


class PlanEditError(ExplainedError):
    """An edit that would break the plan (a reporting cycle, a bad value)."""


class NumberError(ValueError, Explained):
    """Text that is not a number (a ValueError, as callers of the parsers expect)."""

    def __init__(self, template: str, **values: object) -> None:
        super().__init__(self.explain(template, values))
