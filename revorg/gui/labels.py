"""Names shown for the model's keys (targets, assumption metrics, position fields), translated.

One place, so that the panels, the undo texts and the compare dialog call a thing the same.
"""

from __future__ import annotations

from revorg.gui.i18n import translate


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
