"""Balance to the goal: the driver values that make the plan's drivers add up to its goal.

Pure functions of `TargetInputs` (no Qt, no session): the Targets panel previews a proposal and
the command line prints it; `requests.balance_to_goal` (revorg.model.editing) turns it into
one undoable edit.

The rule, the same whichever way the gap points: the chosen driver takes the smallest value, on
its own grid, at which the plan still reaches the goal (total >= goal). The grids follow the
domain: whole leads, a rate to a tenth of a percentage point, money to the cent. Rounding up to
the grid is what makes "never short" hold: 716.67 leads is 717, not 716, and a plan above its
goal is balanced down to the fewest leads that still reach it, never below it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import ROUND_CEILING, Decimal
from enum import StrEnum
from typing import Any

from revorg.model.edits import MAX_AMOUNT, MAX_COUNT
from revorg.model.errors import QT_TRANSLATE_NOOP, PlanEditError
from revorg.model.money import CENT
from revorg.model.planning import TargetInputs, TargetOutcome, forecast, plain_decimal

RATE_STEP = Decimal("0.001")  # a tenth of a percentage point
LEAD_STEP = Decimal(1)
# The inputs a balance may change (the goal and the current revenue are facts, not levers).
DRIVER_FIELDS = ("leads", "close_rate", "average_deal", "retention", "expansion")


class BalanceDriver(StrEnum):
    """The driver that takes the gap (the words of `revorg targets --balance`)."""

    LEADS = "leads"
    CLOSE_RATE = "close_rate"
    AVERAGE_DEAL = "average_deal"
    RETENTION = "retention"
    EXPANSION = "expansion"
    PROPORTIONAL = "proportional"  # new business (through leads) and expansion, by their sizes


class BalanceRefusedError(PlanEditError):
    """No value of the driver balances the plan (a rate above 100 %, nothing to scale)."""


@dataclass(frozen=True)
class BalanceProposal:
    """What balancing through one driver would do. `changes` holds only the fields that move
    (name -> (old, new)); empty when the plan is already balanced or when refused."""

    driver: BalanceDriver
    before: TargetOutcome
    inputs: TargetInputs  # the inputs after the change (the old ones when refused)
    outcome: TargetOutcome
    changes: dict[str, tuple[Decimal | int, Decimal | int]] = field(default_factory=dict)
    refusal: BalanceRefusedError | None = None

    @property
    def balanced(self) -> bool:
        """Nothing to do: the plan already sits on the smallest values that reach its goal."""
        return self.refusal is None and not self.changes


def propose(inputs: TargetInputs, driver: BalanceDriver) -> BalanceProposal:
    """The values that close the gap (or trim a plan above its goal) through `driver`."""
    before = forecast(inputs)
    if before.gap == 0:
        return BalanceProposal(driver, before, inputs, before)
    try:
        after = _BALANCERS[driver](inputs, before)
        if before.gap < 0:
            after = _never_raised(inputs, after)  # balancing down only lowers drivers
        changes = {
            name: (getattr(inputs, name), getattr(after, name))
            for name in DRIVER_FIELDS
            if getattr(inputs, name) != getattr(after, name)
        }
        _check_limits(changes)
    except BalanceRefusedError as refusal:
        return BalanceProposal(driver, before, inputs, before, refusal=refusal)
    outcome = forecast(after)
    assert outcome.gap <= 0, f"balancing through {driver} left {outcome.gap} short"
    return BalanceProposal(driver, before, after, outcome, changes)


# --- one driver each ---------------------------------------------------------------------------


def _leads(inputs: TargetInputs, before: TargetOutcome) -> TargetInputs:
    if inputs.close_rate == 0 or inputs.average_deal == 0:
        raise BalanceRefusedError(
            QT_TRANSLATE_NOOP(
                "PlanEditError", "leads win nothing while the close rate or the average deal is 0"
            )
        )
    needed = before.new_business + before.gap
    per_lead = inputs.close_rate * inputs.average_deal
    return _smallest(inputs, "leads", LEAD_STEP, needed / per_lead)


def _close_rate(inputs: TargetInputs, before: TargetOutcome) -> TargetInputs:
    if inputs.leads == 0:
        raise BalanceRefusedError(QT_TRANSLATE_NOOP("PlanEditError", "no leads to close from"))
    if inputs.average_deal == 0:
        raise BalanceRefusedError(
            QT_TRANSLATE_NOOP("PlanEditError", "no deal value: the average deal is 0")
        )
    needed = before.new_business + before.gap
    after = _smallest(
        inputs, "close_rate", RATE_STEP, needed / (inputs.leads * inputs.average_deal)
    )
    _check_rate(after.close_rate, "close_rate")
    return after


def _average_deal(inputs: TargetInputs, before: TargetOutcome) -> TargetInputs:
    customers = inputs.leads * inputs.close_rate
    if customers == 0:
        raise BalanceRefusedError(
            QT_TRANSLATE_NOOP(
                "PlanEditError", "no customers won to set a deal size for: leads or close rate is 0"
            )
        )
    needed = before.new_business + before.gap
    return _smallest(inputs, "average_deal", CENT, needed / customers)


def _retention(inputs: TargetInputs, before: TargetOutcome) -> TargetInputs:
    if inputs.base_revenue == 0:
        raise BalanceRefusedError(
            QT_TRANSLATE_NOOP("PlanEditError", "no current revenue to retain")
        )
    needed = before.retained + before.gap - inputs.expansion
    after = _smallest(inputs, "retention", RATE_STEP, needed / inputs.base_revenue)
    _check_rate(after.retention, "retention")
    return after


def _expansion(inputs: TargetInputs, before: TargetOutcome) -> TargetInputs:
    return _smallest(inputs, "expansion", CENT, inputs.expansion + before.gap)


def _proportional(inputs: TargetInputs, before: TargetOutcome) -> TargetInputs:
    """The gap shared by new business and expansion in proportion to their current sizes: new
    business through whole leads (rounded up), and expansion takes exactly what is left."""
    new_business, expansion = before.new_business, inputs.expansion
    if new_business + expansion == 0:
        raise BalanceRefusedError(
            QT_TRANSLATE_NOOP(
                "PlanEditError", "no new business or expansion to spread the gap over"
            )
        )
    after = inputs
    if new_business > 0:  # so leads, close rate and average deal are all above 0
        target = new_business + before.gap * new_business / (new_business + expansion)
        per_lead = inputs.close_rate * inputs.average_deal
        after = _smallest(
            inputs,
            "leads",
            LEAD_STEP,
            target / per_lead,
            lambda outcome: outcome.new_business >= target,
        )
    rest = forecast(after)
    return _smallest(after, "expansion", CENT, after.expansion + rest.gap)


_BALANCERS: dict[BalanceDriver, Callable[[TargetInputs, TargetOutcome], TargetInputs]] = {
    BalanceDriver.LEADS: _leads,
    BalanceDriver.CLOSE_RATE: _close_rate,
    BalanceDriver.AVERAGE_DEAL: _average_deal,
    BalanceDriver.RETENTION: _retention,
    BalanceDriver.EXPANSION: _expansion,
    BalanceDriver.PROPORTIONAL: _proportional,
}


# --- rounding and limits -----------------------------------------------------------------------


def _reaches_goal(outcome: TargetOutcome) -> bool:
    return outcome.gap <= 0


def _smallest(
    inputs: TargetInputs,
    name: str,
    step: Decimal,
    exact: Decimal,
    reached: Callable[[TargetOutcome], bool] = _reaches_goal,
) -> TargetInputs:
    """`inputs` with `name` at the smallest multiple of `step` (0 or more) at which the plan's
    outcome is `reached` (by default: the goal).

    `exact` is the value the formula gives; the check against `forecast` then settles what the
    engine's own rounding to cents decides (a product a fraction of a cent short rounds up)."""
    steps = max(0, int((exact / step).to_integral_value(rounding=ROUND_CEILING)))

    def at(count: int) -> TargetInputs:
        value: Any = count if name == "leads" else (step * count).quantize(step)
        return replace(inputs, **{name: value})

    while not reached(forecast(at(steps))):
        steps += 1
    while steps > 0 and reached(forecast(at(steps - 1))):
        steps -= 1
    return at(steps)


def _never_raised(inputs: TargetInputs, after: TargetInputs) -> TargetInputs:
    """A plan above its goal is trimmed, never raised: a driver typed more finely than its grid
    (a close rate of 12.34 %) keeps its value rather than go up to 12.4 %."""
    kept: dict[str, Any] = {
        name: getattr(inputs, name)
        for name in DRIVER_FIELDS
        if getattr(after, name) > getattr(inputs, name)
    }
    return replace(after, **kept) if kept else after


def _check_rate(rate: Decimal, name: str) -> None:
    if rate > 1:
        template = (
            QT_TRANSLATE_NOOP(
                "PlanEditError", "close rate would have to be {percent} %, above 100 %"
            )
            if name == "close_rate"
            else QT_TRANSLATE_NOOP(
                "PlanEditError", "retention would have to be {percent} %, above 100 %"
            )
        )
        raise BalanceRefusedError(template, percent=plain_decimal(rate * 100))


def _check_limits(changes: dict[str, tuple[Decimal | int, Decimal | int]]) -> None:
    """The largest count and amount a plan file holds (revorg.model.edits)."""
    limits: dict[str, Decimal | int] = {
        "leads": MAX_COUNT,
        "average_deal": MAX_AMOUNT,
        "expansion": MAX_AMOUNT,
    }
    for name, (_old, new) in changes.items():
        limit = limits.get(name)
        if limit is not None and new > limit:
            raise BalanceRefusedError(
                QT_TRANSLATE_NOOP(
                    "PlanEditError", "{field} would have to be {value}, above {limit}"
                ),
                field=name,
                value=new,
                limit=limit,
            )
