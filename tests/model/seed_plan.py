"""Seed 002's worked plan as driver inputs: the EUR 1,000,000 goal the product must reproduce
exactly (300 leads at 10 % and 12,000 a deal; 600,000 kept at 90 % and 100,000 of expansion)."""

from decimal import Decimal

from revorg.model.planning import TargetInputs

SEED_002 = TargetInputs(
    goal=Decimal(1000000),
    leads=300,
    close_rate=Decimal("0.10"),
    average_deal=Decimal(12000),
    base_revenue=Decimal(600000),
    retention=Decimal("0.90"),
    expansion=Decimal(100000),
)  # 30 new customers, 360,000 of new business, 640,000 retained: gap 0
