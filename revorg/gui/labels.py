"""Names shown for the model's keys (targets, assumption metrics, position fields), translated.

One place, so that the panels, the undo texts and the compare dialog call a thing the same.
"""

from __future__ import annotations

from decimal import Decimal
from string import Formatter

from PySide6.QtCore import QLocale

from revorg.gui.i18n import fill, language_of, translate
from revorg.gui.numbers import format_count, format_exact
from revorg.io.messages import IMPORT_CONTEXT, BadValueError, Count, Listed, Localized, Phrase
from revorg.io.report import Finding
from revorg.model.editing.change import KeyLabel, QuotedStep, StepText
from revorg.model.errors import FIELD
from revorg.model.scenarios import COPY_NAME, NUMBERED_COPY_NAME

DECIMAL_PLACES = 6  # a typed amount or rate keeps its decimals: -5000.5, 0.125


def target_label(name: str) -> str:
    labels = {
        "goal": translate("Labels", "Company revenue goal"),
        "leads": translate("Labels", "Marketing: leads"),
        "close_rate": translate("Labels", "Sales: close rate (%)"),
        "average_deal": translate("Labels", "Sales: average deal"),
        "base_revenue": translate("Labels", "CS: current revenue"),
        "retention": translate("Labels", "CS: retention (%)"),
        "expansion": translate("Labels", "CS: expansion"),
        "seasonality": translate("Labels", "Seasonality of bookings"),
    }
    return labels.get(name, name.replace("_", " "))


def metric_label(metric: str) -> str:
    labels = {
        "annual_quota": translate("Labels", "Annual quota"),
        "annual_expansion_quota": translate("Labels", "Annual expansion quota"),
        "attainment": translate("Labels", "Quota attainment (%)"),
        "book_of_business": translate("Labels", "Book of business per CSM"),
        "meetings_per_month": translate("Labels", "Qualified meetings per month"),
        "leads_per_month": translate("Labels", "Qualified leads per month"),
        "ramp_months": translate("Labels", "Ramp (months)"),
        "meeting_to_win_rate": translate("Labels", "Meeting-to-win rate (%)"),
        "hire_start_month": translate("Labels", "Suggested hires start in month"),
        "revenue_uplift": translate("Labels", "Revenue uplift from a CRO (% of goal)"),
        "annual_attrition": translate("Labels", "Annual attrition (%)"),
        "backfill_months": translate("Labels", "Backfill delay (months)"),
        "gross_margin": translate("Labels", "Gross margin (%)"),
    }
    return labels.get(metric, metric.replace("_", " "))


def field_label(name: str) -> str:
    """A position's field, as the inspector names it."""
    labels = {
        "title": translate("Labels", "Title"),
        "role_key": translate("Labels", "Role"),
        "department_key": translate("Labels", "Department"),
        "person_name": translate("Labels", "Person"),
        "headcount": translate("Labels", "Headcount"),
        "start_month": translate("Labels", "Start month"),
        "annual_cost": translate("Labels", "Annual cost"),
        "capacity_override": translate("Labels", "Capacity override"),
        "notes": translate("Labels", "Notes"),
        "manager": translate("Labels", "Manager"),
    }
    return labels.get(name, name.replace("_", " "))


def field_or_key_label(key: str) -> str:
    """The label of a target, an assumption metric or a position's field."""
    for label in (target_label, metric_label, field_label):
        text = label(key)
        if text != key.replace("_", " "):
            return text
    return key.replace("_", " ")


def _translated(error: BaseException, template: str) -> str:
    """The template in the interface language, looked up in the context it was marked in: the
    name of the error's class or of one it derives from (a ServerUnreachableError's message is
    marked as a TeamPlanError's), PlanEditError for the rest."""
    for context in [kind.__name__ for kind in type(error).__mro__] + ["PlanEditError"]:
        translated = translate(context, template)
        if translated != template:
            return translated
    return template


def error_text(error: BaseException) -> str:
    """An error's message in the interface language.

    Errors of the model layer keep their template and values (see revorg.model.errors); others,
    and any template a translation got wrong, are shown as they are.
    """
    template = getattr(error, "template", None)
    values = getattr(error, "values", None)
    if not template:
        return str(error)
    shown: dict[str, str] = {}
    for name, value in (values or {}).items():
        if name == FIELD:
            shown[name] = field_or_key_label(str(value))
        elif isinstance(value, int | Decimal) and not isinstance(value, bool):
            shown[name] = format_count(value)
        else:
            shown[name] = str(value)
    try:
        return _translated(error, template).format(**shown)
    except (KeyError, IndexError, ValueError):
        return str(error)


def finding_text(finding: Finding, language: str | None = None) -> str:
    """An import finding as the import dialog lists it, in the interface language:
    "error: sheet 'Org', row 3, column 'Cost': ...", severity, place and message translated.

    Each part that a translation got wrong (its placeholders differ from the template's) is
    said in English, as the command line says it.
    """
    return phrase_text(finding.line(), language or language_of(QLocale()))


def phrase_text(said: Phrase, language: str) -> str:
    """A phrase of revorg.io.messages in the interface language, its values in the locale."""
    # Marked where it is written (QT_TRANSLATE_NOOP in revorg.io), where lupdate collects it.
    translated = translate(IMPORT_CONTEXT, said.template)
    if not said.values:
        return translated
    if _placeholders(translated) != _placeholders(said.template):
        return str(said)
    shown = {name: _value_text(value, language) for name, value in said.values.items()}
    try:
        return translated.format(**shown)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        return str(said)


def _placeholders(text: str) -> set[str] | None:
    """The names of "{name}" fields; None for text that str.format cannot read."""
    try:
        return {name for _text, name, _spec, _conversion in Formatter().parse(text) if name}
    except ValueError:
        return None


def _value_text(value: object, language: str) -> str:
    if isinstance(value, Phrase):
        return phrase_text(value, language)
    if isinstance(value, BadValueError):
        return phrase_text(value.phrase, language)
    if isinstance(value, BaseException):
        return error_text(value)
    if isinstance(value, Localized):
        return value.in_language(language)
    if isinstance(value, Listed):
        return value.separator.join(_value_text(item, language) for item in value.items)
    if isinstance(value, Count):
        return format_count(value.number)
    if isinstance(value, Decimal):
        try:
            return format_exact(value, DECIMAL_PLACES)
        except ArithmeticError:  # too many digits to round (a typo such as 1E+40)
            return str(value)
    return str(value)  # text as it was in the file; rows, IDs and years as plain digits


def copy_name_templates() -> tuple[str, str]:
    """The names of a scenario's copies in the interface language ("{name} (copia)")."""
    first, numbered = COPY_NAME, NUMBERED_COPY_NAME
    translated = (translate("ScenarioName", first), translate("ScenarioName", numbered))
    # A translation that lost a placeholder would name every copy alike: keep English then.
    if "{name}" not in translated[0] or "{number}" not in translated[1]:
        return first, numbered
    return translated


def step_text(text: StepText) -> str:
    """The name of an edit in the interface language ("Mover SDR"), as Undo and Redo show it;
    keys of the model among its values are shown as their labels."""
    return fill(translate(text.context, text.template), *map(_step_value, text.values))


def _step_value(value: str | KeyLabel | QuotedStep) -> str:
    if isinstance(value, KeyLabel):
        return target_label(value.key) if value.kind == "target" else metric_label(value.key)
    if isinstance(value, QuotedStep):
        return step_text(value.text)
    return value
