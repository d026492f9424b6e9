"""Team sums: each carrier added to its manager and each manager's sums to the one above gives
what walking up from every carrier gives, on random charts and on a damaged one with a cycle."""

from __future__ import annotations

import random
from decimal import Decimal

from revorg.model.actuals.progress import Attainment, _teams, _teams_walked


def test_a_small_chart_by_hand() -> None:
    # 1 <- 2 <- 4 (carrier), 1 <- 3 (carrier), 2 <- 5 (carrier), 4 <- 6 (carrier)
    managers = {1: None, 2: 1, 3: 1, 4: 2, 5: 2, 6: 4}
    people = {
        3: Attainment(Decimal("10.00"), Decimal("100.00")),
        4: Attainment(Decimal("20.00"), Decimal("50.00")),
        5: Attainment(Decimal("5.50"), Decimal("0")),
        6: Attainment(Decimal("1.25"), Decimal("25.00")),
    }
    teams = _teams(people, managers)
    assert teams == {
        4: Attainment(
            Decimal("1.25"), Decimal("25.00")
        ),  # 6 only: a manager's own quota is not its team's
        2: Attainment(Decimal("26.75"), Decimal("75.00")),  # 4, 5 and 6
        1: Attainment(Decimal("36.75"), Decimal("175.00")),  # everyone
    }


def test_the_same_sums_as_walking_up_on_random_charts() -> None:
    rng = random.Random(7)
    for size in (1, 2, 10, 200, 2000):
        managers: dict[int, int | None] = {1: None}
        for position in range(2, size + 1):
            managers[position] = None if rng.random() < 0.02 else rng.randrange(1, position)
        people = {
            position: Attainment(
                Decimal(rng.randrange(10**6)) / 100, Decimal(rng.randrange(10**6)) / 100
            )
            for position in managers
            if rng.random() < 0.5
        }
        assert _teams(people, managers) == _teams_walked(people, managers)


def test_a_reporting_cycle_still_gives_every_team_once() -> None:
    managers = {1: 2, 2: 3, 3: 1, 4: 1}  # 1 -> 2 -> 3 -> 1, and 4 below 1
    people = {4: Attainment(Decimal("7.00"), Decimal("10.00"))}
    expected = Attainment(Decimal("7.00"), Decimal("10.00"))
    assert _teams(people, managers) == {1: expected, 2: expected, 3: expected}
