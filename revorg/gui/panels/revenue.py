"""The plan's revenue beside its capacity: quota coverage against the usual range, the pipeline the
new-business target needs, the ARR walk from the year's start to its end, and the customer
lifetime value with the gross margin it assumes. Read-only: every figure follows the targets,
the people on the chart and the assumptions.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from revorg.gui.controller import PlanController
from revorg.gui.i18n import fill
from revorg.gui.numbers import format_money, format_percent
from revorg.gui.panels.capacity import STATUS_COLOURS
from revorg.gui.theme import readable_name
from revorg.model.capacity import AMBER, GREEN, NO_TARGET, RED
from revorg.model.editing.change import Change
from revorg.model.revenue import USUAL_QUOTA_COVERAGE, QuotaCheck
from revorg.model.summary import ScenarioSummary, scenario_assumptions

# The mark of each check, coloured as the capacity statuses are.
CHECK_STATUS = {
    QuotaCheck.NONE: NO_TARGET,
    QuotaCheck.BELOW_TARGET: RED,
    QuotaCheck.UNDER_RANGE: AMBER,
    QuotaCheck.IN_RANGE: GREEN,
    QuotaCheck.OVER_RANGE: AMBER,
}


class RevenuePanel(QWidget):
    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("revenuePanel")
        self.controller = controller
        self.values: dict[str, QLabel] = {}
        form = QFormLayout(self)
        form.setContentsMargins(6, 4, 6, 4)
        form.setVerticalSpacing(3)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = (
            ("quota_coverage", self.tr("Quota coverage")),
            ("pipeline", self.tr("Pipeline needed")),
            ("arr_start", self.tr("ARR at the start")),
            ("churned", self.tr("− churned")),
            ("expansion", self.tr("+ expansion")),
            ("new", self.tr("+ new business")),
            ("arr_end", self.tr("= ARR at the end")),
            ("clv", self.tr("Customer lifetime value")),
        )
        for key, label in rows:
            value = QLabel()
            value.setObjectName(f"revenue_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            form.addRow(label, value)
        controller.plan_changed.connect(self._plan_changed)
        self.refresh()

    def _plan_changed(self, _change: Change | None) -> None:
        self.refresh()  # a few labels; the summary is the editor's

    def text(self, key: str) -> str:
        """A figure as shown, without its mark's markup (for tests and accessibility)."""
        return self.values[key].property("plainText") or self.values[key].text()

    def _set(self, key: str, text: str, mark_status: str | None = None, tip: str = "") -> None:
        label = self.values[key]
        label.setProperty("plainText", text)
        if mark_status is None:
            label.setText(text)
        else:
            colour = readable_name(STATUS_COLOURS[mark_status])
            label.setText(f"<span style='color:{colour}'>●</span> {text}")
        label.setToolTip(tip)

    def refresh(self) -> None:
        summary = self.controller.editor.summary()
        self._show_quota(summary)
        currency = summary.plan.currency
        year, inputs = summary.year, summary.inputs
        pipeline = year.pipeline_needed
        self._set(
            "pipeline",
            fill(
                self.tr("%1 (at a %2 close rate)"),
                format_money(pipeline, currency),
                format_percent(inputs.close_rate, _places(inputs.close_rate)),
            )
            if pipeline is not None
            else self.tr("– (no close rate)"),
            tip=self.tr(
                "The pipeline the new-business target needs: the target over the close rate."
            ),
        )
        arr = year.arr
        self._set("arr_start", format_money(arr.start, currency))
        self._set(
            "churned",
            fill(
                self.tr("%1 (churn %2)"),
                format_money(arr.churned, currency),
                format_percent(arr.churn_rate, _places(arr.churn_rate)),
            ),
        )
        self._set("expansion", format_money(arr.expansion, currency))
        self._set("new", format_money(arr.new, currency))
        self._set(
            "arr_end",
            format_money(arr.end, currency),
            tip=self.tr("Annual recurring revenue at the end of the year: the plan's total."),
        )
        gross_margin = scenario_assumptions(summary.scenario).gross_margin()
        self._set(
            "clv",
            fill(
                self.tr("%1 (at a %2 gross margin)"),
                format_money(year.clv, currency),
                format_percent(gross_margin, _places(gross_margin)),
            )
            if year.clv is not None
            else self.tr("– (no churn or no deal size)"),
            tip=self.tr(
                "The gross profit of a customer over its life: the average deal times the gross "
                "margin, over the churn rate (the gross margin is in the assumptions)."
            ),
        )

    def _show_quota(self, summary: ScenarioSummary) -> None:
        quota = summary.year.quota
        currency = summary.plan.currency
        low, high = USUAL_QUOTA_COVERAGE
        usual = fill(
            self.tr("usual range %1-%2"),
            format_percent(low).rstrip("%").rstrip("\u00a0"),
            format_percent(high),
        )
        text = (
            fill(self.tr("%1 (%2)"), format_percent(quota.ratio), usual)
            if quota.ratio is not None
            else fill(self.tr("– (no new-business target; %1)"), usual)
        )
        notes = {
            QuotaCheck.NONE: "",
            QuotaCheck.BELOW_TARGET: self.tr(
                "Below 100 %: the quota assigned does not even cover the target."
            ),
            QuotaCheck.UNDER_RANGE: self.tr(
                "Under the usual range: no room for the reps who miss their quota."
            ),
            QuotaCheck.IN_RANGE: self.tr("Within the usual range."),
            QuotaCheck.OVER_RANGE: self.tr(
                "Over the usual range: quotas may look out of reach, or the target is low."
            ),
        }
        tip = fill(
            self.tr("Quota assigned to the sales team (ramped, before attainment): %1; "
                    "new-business target: %2. %3"),
            format_money(quota.assigned, currency),
            format_money(quota.target, currency),
            notes[quota.check],
        )  # fmt: skip
        self._set("quota_coverage", text, CHECK_STATUS[quota.check], tip)


def _places(rate: Decimal) -> int:
    """Decimals a rate needs in percent: 10 %, 12.5 %."""
    percent = rate * 100
    return 0 if percent == percent.to_integral_value() else 1
