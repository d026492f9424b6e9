"""The money axes of the capacity and cumulative charts count in the language's large units:
"3M" rather than "3000k" on a large plan, Spanish "M" and "mil", Chinese 万 and 亿
(revorg.gui.numbers.axis_unit, the one rule)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from revorg.gui.numbers import axis_unit
from tests.gui.conftest import demo_window_in

ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
SPANISH = QLocale(QLocale.Language.Spanish, QLocale.Country.Spain)
CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)


@pytest.mark.parametrize(
    ("highest", "locale", "unit", "labels"),
    [
        # The demo's largest bar, 640,000: thousands, and 万 in Chinese.
        ("640000", ENGLISH, 1_000, ["0k", "200k", "400k", "600k", "800k"]),
        ("640000", SPANISH, 1_000, ["0 mil", "200 mil", "400 mil", "600 mil", "800 mil"]),
        ("640000", CHINESE, 10_000, ["0万", "20万", "40万", "60万", "80万"]),
        # 270 million, the plan that showed "270000k": 270M, 270 M, 2.7亿.
        ("270100000", ENGLISH, 1_000_000, ["0M", "100M", "200M", "300M"]),
        ("270100000", SPANISH, 1_000_000, ["0 M", "100 M", "200 M", "300 M"]),
        ("270100000", CHINESE, 100_000_000, ["0亿", "1亿", "2亿", "3亿"]),
        # 2.5 million is 250万; 40 million 4,000万 (digits grouped); small amounts in quarters,
        # with the locale's decimal point.
        ("2500000", CHINESE, 10_000, ["0万", "100万", "200万", "300万"]),
        ("800", SPANISH, 1_000, ["0,00 mil", "0,25 mil", "0,50 mil", "0,75 mil", "1,00 mil"]),
        (
            "40000000",
            CHINESE,
            10_000,
            ["0万", "2,000万", "4,000万", "6,000万"],  # under one 亿; 10 % of room above
        ),
    ],
)
def test_the_largest_unit_that_leaves_at_least_one_and_round_ticks(
    highest: str, locale: QLocale, unit: int, labels: list[str]
) -> None:
    axis = axis_unit(Decimal(highest), locale)
    assert axis.divisor == unit
    shown = [label.replace("\u00a0", " ") for _value, label in axis.tick_labels(locale)]
    assert shown == labels
    assert axis.scaled(Decimal(highest)) == float(Decimal(highest) / unit)
    assert axis.maximum >= axis.scaled(Decimal(highest))


@pytest.mark.parametrize(
    ("language", "labels", "top_bar"),
    [
        ("en", ["0M", "100M", "200M", "300M"], 270.1),
        ("es", ["0 M", "100 M", "200 M", "300 M"], 270.1),
        ("zh", ["0亿", "1亿", "2亿", "3亿"], 2.701),
    ],
)
def test_a_large_plan_reads_in_millions_or_yi(
    qtbot, language: str, labels: list[str], top_bar: float, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Current revenue of 300 million: customer success's target is 270.1 million (90 % kept,
    plus 100,000 of expansion), on an axis of 0 to 300M (3亿 in Chinese), not 270000k."""
    with demo_window_in(language, qtbot) as window:
        window.controller.set_target("base_revenue", Decimal("300000000"))
        panel = window.capacity_panel
        shown = [label.replace("\u00a0", " ") for label in panel.value_axis.categoriesLabels()]
        assert shown == labels
        assert panel.target_set.at(2) == pytest.approx(top_bar)  # the third bar
        picture = tmp_path / f"capacity-axis-{language}.png"
        assert panel.chart_view.grab().save(str(picture))
