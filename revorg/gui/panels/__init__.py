"""The panels around the chart: role palette, inspector, targets, capacity, cost, assumptions,
hiring plan and scenarios."""
