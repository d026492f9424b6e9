"""A person's email as the plan keeps it: the one rule the roster import, the workbook and the
inspector check an address by (and CRM owners are matched on, revorg.model.actuals.owners).

Checked loosely on purpose: one @ with text on both sides and no spaces. Case is kept as
given (a roster's "Ana.Ruiz@Acme.com" stays so); matching ignores case.
"""

from __future__ import annotations

from revorg.model.errors import QT_TRANSLATE_NOOP, PlanEditError

NOT_AN_EMAIL = QT_TRANSLATE_NOOP(
    "PlanEditError", "{email} is not an email address: it needs one @ with text on both sides"
)


def checked_email(text: str | None) -> str | None:
    """The address trimmed (None when blank); raises PlanEditError when it is not one."""
    trimmed = (text or "").strip()
    if not trimmed:
        return None
    local, at, domain = trimmed.partition("@")
    if not at or not local or not domain or "@" in domain or any(c.isspace() for c in trimmed):
        raise PlanEditError(NOT_AN_EMAIL, email=repr(trimmed))
    return trimmed


def email_key(email: str | None) -> str:
    """An address as owners are matched on it: trimmed, case ignored ("" when none)."""
    return (email or "").strip().casefold()
