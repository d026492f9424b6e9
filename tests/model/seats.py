"""A position without a database, for the planning engine's tests."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from revorg.model.months import YearMonth


@dataclass(frozen=True)
class Seat:
    """Satisfies the engine's position protocols (StaffedPosition and PlannedPosition)."""

    role_key: str
    department_key: str
    headcount: int = 1
    is_open: bool = False
    start_month: YearMonth | None = None
    annual_cost: Decimal = Decimal(0)
    capacity_override: Decimal | None = None
    id: int = 0
    manager_id: int | None = None
