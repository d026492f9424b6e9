"""Money and rates: exact Decimals, rounded as an accountant expects, parsed as users type them."""

from decimal import Decimal

import pytest

from revorg.model.money import (
    from_cents,
    json_number,
    parse_decimal,
    parse_rate,
    to_cents,
    to_money,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2.675", "2.68"),  # half-up, where banker's rounding and binary floats give 2.67
        ("0.125", "0.13"),
        ("0.005", "0.01"),
        ("0.004999", "0.00"),
        ("-2.675", "-2.68"),  # half away from zero for refunds too
        ("1000000", "1000000.00"),
        (12000, "12000.00"),
        (Decimal("59583.333333"), "59583.33"),
    ],
)
def test_to_money_rounds_to_cents_half_up(value: str | int | Decimal, expected: str) -> None:
    money = to_money(value)
    assert money == Decimal(expected)
    assert str(money) == expected  # always two decimals, as shown in reports


def test_cents_round_trip_is_exact() -> None:
    assert to_cents(Decimal("12345.67")) == 1234567
    assert to_cents(Decimal("0.005")) == 1
    assert from_cents(1234567) == Decimal("12345.67")
    assert str(from_cents(100)) == "1.00"
    assert from_cents(to_cents(Decimal("-0.01"))) == Decimal("-0.01")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12000", Decimal(12000)),
        (" 1 000 000 ", Decimal(1000000)),  # spaces group thousands
        ("1\u00a0000", Decimal(1000)),  # a no-break space, as spreadsheets paste it
        ("1_000.5", Decimal("1000.5")),
        ("0.1", Decimal("0.1")),
        (0.1, Decimal("0.1")),  # a float goes through its shortest repr, not its binary value
        (7, Decimal(7)),
        (Decimal("2.50"), Decimal("2.50")),
    ],
)
def test_parse_decimal_accepts_what_users_type(
    text: str | float | int | Decimal, expected: Decimal
) -> None:
    assert parse_decimal(text) == expected


def test_parse_decimal_of_a_float_is_the_typed_number_not_the_binary_one() -> None:
    assert str(parse_decimal(0.1)) == "0.1"
    assert parse_decimal(0.1) + parse_decimal(0.2) == Decimal("0.3")


@pytest.mark.parametrize(
    "text",
    ["1 000,5", "1,000", "12,5", "", "   ", "abc", "10 EUR", "NaN", "Infinity", "-inf", True],
)
def test_parse_decimal_refuses_what_is_not_a_plain_number(text: str | bool) -> None:
    # A comma is not a decimal separator here: "1 000,5" must not silently become 10005.
    with pytest.raises(ValueError, match="number") as raised:
        parse_decimal(text)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10%", Decimal("0.1")),
        (" 12.5 % ", Decimal("0.125")),
        ("90%", Decimal("0.9")),
        ("0.1", Decimal("0.1")),
        ("100%", Decimal(1)),
        (0.125, Decimal("0.125")),
        ("0%", Decimal(0)),
    ],
)
def test_parse_rate_takes_percent_or_fraction(text: str | float, expected: Decimal) -> None:
    assert parse_rate(text) == expected


@pytest.mark.parametrize("text", ["%", "ten%", "10 %%", "1,5%"])
def test_parse_rate_refuses_garbage(text: str) -> None:
    with pytest.raises(ValueError):
        parse_rate(text)


@pytest.mark.parametrize(
    ("value", "expected", "kind"),
    [
        (Decimal("360000.00"), 360000, int),
        (Decimal("30"), 30, int),
        (Decimal("1E+3"), 1000, int),
        (Decimal("0.10"), 0.1, float),
        (Decimal("37.5"), 37.5, float),
        (Decimal("452583.33"), 452583.33, float),
        (Decimal("-0.50"), -0.5, float),
        (0, 0, int),
        (12, 12, int),
    ],
)
def test_json_number_is_int_when_whole(value: Decimal | int, expected: float, kind: type) -> None:
    number = json_number(value)
    assert number == expected
    assert type(number) is kind
