"""The Assumptions sheet: one value per role and metric."""

from __future__ import annotations

from decimal import Decimal

from revorg.io.values import decimal_mark, parse_rate_value
from revorg.io.xlsx_import.cells import SheetTable
from revorg.io.xlsx_import.roles import RolesReader
from revorg.io.xlsx_layout import ASSUMPTION_COLUMNS, ASSUMPTIONS
from revorg.model.capacity import ANNUAL_METRIC_BY_KIND, MONTHLY_METRIC_BY_KIND, PLAN_WIDE
from revorg.model.catalogue import default_assumptions
from revorg.model.errors import QT_TRANSLATE_NOOP

KNOWN_METRICS = frozenset(
    {spec.metric for spec in default_assumptions()}
    | set(ANNUAL_METRIC_BY_KIND.values())
    | set(MONTHLY_METRIC_BY_KIND.values())
    | {"attainment", "ramp_months"}
)


class AssumptionsReader(RolesReader):
    """The Assumptions sheet (its values are rates or numbers)."""

    def _assumptions(self) -> None:
        if ASSUMPTIONS not in self.book.workbook.sheetnames:
            self.report.warning(
                QT_TRANSLATE_NOOP(
                    "ImportFinding", "no Assumptions sheet: the default assumptions are used"
                ),
                sheet=ASSUMPTIONS,
            )
            return
        table = SheetTable(self, ASSUMPTIONS, ASSUMPTION_COLUMNS)
        if not table.ok(("role_key", "metric", "value")):
            return
        found: list[tuple[str, str, Decimal, str]] = []
        seen: dict[tuple[str, str], int] = {}
        rows = list(table.rows())
        mark = decimal_mark(row.raw("value") for row in rows)
        for row in rows:
            role_key = row.text("role_key")
            metric = row.text("metric")
            if not role_key or not metric:
                column = "role_key" if not role_key else "metric"
                self.error(
                    QT_TRANSLATE_NOOP(
                        "ImportFinding", "an assumption needs a role key and a metric"
                    ),
                    row.where(column),
                )
                continue
            if (role_key, metric) in seen:
                self.error(
                    QT_TRANSLATE_NOOP(
                        "ImportFinding", "{role_key} / {metric} is also on row {first_row}"
                    ),
                    row.where("metric"),
                    role_key=role_key,
                    metric=metric,
                    first_row=seen[role_key, metric],
                )
                continue
            seen[role_key, metric] = row.number
            value = row.parsed("value", lambda v: parse_rate_value(v, mark), required=True)
            if value is None:
                continue
            if value < 0:
                self.error(
                    QT_TRANSLATE_NOOP(
                        "ImportFinding", "an assumption must not be negative: {value}"
                    ),
                    row.where("value"),
                    value=value,
                )
                continue
            if role_key != PLAN_WIDE and role_key not in self.roles:
                self.warning(
                    QT_TRANSLATE_NOOP(
                        "ImportFinding", "no role has the key {key}: this assumption has no effect"
                    ),
                    row.where("role_key"),
                    key=repr(role_key),
                )
            if metric not in KNOWN_METRICS:
                self.warning(
                    QT_TRANSLATE_NOOP(
                        "ImportFinding",
                        "RevOrg does not use the metric {metric}: it is kept but has no effect",
                    ),
                    row.where("metric"),
                    metric=repr(metric),
                )
            found.append((role_key, metric, value, row.text("source") or ""))
        self.content.assumptions = found
