"""The seasonality of bookings: a named shape, or twelve monthly weights in percent typed by hand.

A shape applies at once; a typed weight applies when the twelve add up to 100 % (the model's
tolerance), so a user can move two points from one month to another in two keystrokes without a
refusal in between: until then the sum says what is missing. Each applied change is one undo step.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.controller import PlanController
from revorg.gui.i18n import fill, month_name, translate
from revorg.gui.labels import error_text
from revorg.gui.numbers import format_exact, parse_number
from revorg.gui.theme import readable_name
from revorg.model.editing.change import Change
from revorg.model.errors import PlanEditError
from revorg.model.seasonality import (
    HUNDRED,
    MONTHS,
    SHAPE_NAMES,
    SHAPES,
    SUM_TOLERANCE,
    Seasonality,
)

CUSTOM = "custom"
ERROR_COLOUR = "#C62828"


def shape_name(key: str) -> str:
    """The model's SHAPE_NAMES, translated (literal calls: lupdate collects only those)."""
    names = {
        "flat": translate("Seasonality", "Flat"),
        "back_loaded_quarters": translate("Seasonality", "Back-loaded quarters"),
        "growing_year": translate("Seasonality", "Growing through the year"),
        "year_end_push": translate("Seasonality", "Year-end push"),
        "custom": translate("Seasonality", "Custom"),
    }
    return names.get(key, SHAPE_NAMES.get(key, key))


class SeasonalityEditor(QWidget):
    """Shape combo, twelve fields laid out by quarter (a column each), and their sum."""

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("seasonalityEditor")
        self.controller = controller
        self.shape_combo = QComboBox()
        self.shape_combo.setObjectName("seasonalityShape")
        for key in (*SHAPES, CUSTOM):
            self.shape_combo.addItem(shape_name(key), key)
        self.month_labels: list[QLabel] = []
        self.fields: list[QLineEdit] = []
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        for month in range(MONTHS):
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            field = QLineEdit()
            field.setObjectName(f"seasonalityMonth{month + 1}")
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            field.setMaximumWidth(64)
            field.setMinimumWidth(48)
            field.textEdited.connect(self._typed)
            field.editingFinished.connect(self._field_left)
            quarter, row = divmod(month, 3)
            grid.addWidget(label, row, quarter * 2)
            grid.addWidget(field, row, quarter * 2 + 1)
            self.month_labels.append(label)
            self.fields.append(field)
        self.sum_label = QLabel()
        self.sum_label.setObjectName("seasonalitySum")
        self.message = QLabel()
        self.message.setObjectName("seasonalityMessage")
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Seasonality of bookings")))
        top.addWidget(self.shape_combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(self.sum_label)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.setToolTip(
            self.tr(
                "How new business and expansion fall over the fiscal year, in percent of the "
                "year's bookings; the retained base counts evenly. The months must add up to 100 %."
            )
        )
        self.shape_combo.activated.connect(self._shape_chosen)
        controller.plan_changed.connect(self._plan_changed)
        self.refresh()

    # --- showing ------------------------------------------------------------------------------

    def current(self) -> Seasonality:
        return self.controller.editor.summary().year.phasing.seasonality

    def _plan_changed(self, _change: Change | None) -> None:
        # Cheap (a dozen fields), and the fiscal months may have moved with the plan settings.
        self.refresh()

    def refresh(self) -> None:
        seasonality = self.current()
        for label, month in zip(
            self.month_labels, self.controller.editor.fiscal_year().months(), strict=True
        ):
            label.setText(month_name(month.month))
        for field, weight in zip(self.fields, seasonality.percents(), strict=True):
            field.setText(format_exact(weight, 2))
        self._show_shape(seasonality.shape())
        self.message.clear()
        self._show_sum()

    def _show_shape(self, key: str) -> None:
        self.shape_combo.setCurrentIndex(self.shape_combo.findData(key))

    def typed_weights(self) -> tuple[Decimal, ...] | None:
        """The weights in the fields; None (and the reason shown) when one cannot be read."""
        weights = []
        for field, label in zip(self.fields, self.month_labels, strict=True):
            try:
                weights.append(parse_number(field.text()))
            except ValueError as error:
                self._show_message(fill(self.tr("%1: %2"), label.text(), error_text(error)))
                return None
        return tuple(weights)

    def _show_sum(self) -> Decimal | None:
        weights = self.typed_weights()
        if weights is None:
            self.sum_label.setText(self.tr("Sum: –"))
            return None
        total = sum(weights, Decimal(0))
        text = fill(self.tr("Sum: %1 %"), format_exact(total, 2))
        if abs(total - HUNDRED) > SUM_TOLERANCE:
            self.sum_label.setText(
                f"<span style='color:{readable_name(ERROR_COLOUR)}'>● {text}</span> "
                + self.tr("(must be 100 % to apply)")
            )
        elif total != HUNDRED:
            # 12 x 8.33 (flat, as shown) is 99.96: within the tolerance, each share is exact.
            self.sum_label.setText(text + " " + self.tr("(counts as 100 %)"))
        else:
            self.sum_label.setText(text)
        return total

    def _show_message(self, text: str) -> None:
        self.message.setText(f"<span style='color:{readable_name(ERROR_COLOUR)}'>{text}</span>")

    # --- editing --------------------------------------------------------------------------------

    def _shape_chosen(self, index: int) -> None:
        key = str(self.shape_combo.itemData(index))
        if key == CUSTOM:
            return  # the fields stay as they are, ready to be typed over
        self.controller.set_seasonality(Seasonality.of(SHAPES[key]))
        self.refresh()

    def _typed(self, _text: str) -> None:
        self._show_shape(CUSTOM)
        self.message.clear()
        self._show_sum()

    def _field_left(self) -> None:
        if self.shape_combo.currentData() != CUSTOM:
            return  # nothing typed since the fields were filled
        self.apply_typed()

    def apply_typed(self) -> bool:
        """Apply the typed weights when they add up to 100 %; whether they were applied."""
        weights = self.typed_weights()
        total = self._show_sum() if weights is not None else None
        if weights is None or total is None:
            return False
        if abs(total - HUNDRED) > SUM_TOLERANCE:
            self._show_message(
                fill(
                    self.tr("The months add up to %1 %, not 100 %: not applied yet."),
                    format_exact(total, 2),
                )
            )
            return False
        try:
            seasonality = Seasonality.of(weights)
        except PlanEditError as error:
            self._show_message(error_text(error))
            return False
        self.controller.set_seasonality(seasonality)
        self.refresh()
        return True
