"""Names shown for the model's keys (targets, assumption metrics, position fields), translated.

One place, so that the panels, the undo texts and the compare dialog call a thing the same.
"""

from __future__ import annotations

from decimal import Decimal

from revorg.gui.i18n import translate
from revorg.gui.numbers import format_count
from revorg.model.errors import FIELD, NumberError


def target_label(name: str) -> str:
    labels = {
        "goal": translate("Labels", "Company revenue goal"),
        "leads": translate("Labels", "Marketing: leads"),
        "close_rate": translate("Labels", "Sales: close rate (%)"),
        "average_deal": translate("Labels", "Sales: average deal"),
        "base_revenue": translate("Labels", "CS: current revenue"),
        "retention": translate("Labels", "CS: retention (%)"),
        "expansion": translate("Labels", "CS: expansion"),
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


def error_text(error: BaseException) -> str:
    """An error's message in the interface language.

    Errors of the model layer keep their template and values (see revorg.model.errors); others,
    and any template a translation got wrong, are shown as they are.
    """
    template = getattr(error, "template", None)
    values = getattr(error, "values", None)
    if not template:
        return str(error)
    context = "NumberError" if isinstance(error, NumberError) else "PlanEditError"
    shown: dict[str, str] = {}
    for name, value in (values or {}).items():
        if name == FIELD:
            shown[name] = field_or_key_label(str(value))
        elif isinstance(value, int | Decimal) and not isinstance(value, bool):
            shown[name] = format_count(value)
        else:
            shown[name] = str(value)
    try:
        return translate(context, template).format(**shown)
    except (KeyError, IndexError, ValueError):
        return str(error)
