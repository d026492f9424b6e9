"""Year-months and fiscal years, including fiscal years that cross a calendar year."""

import pytest

from revorg.model.months import FiscalYear, YearMonth


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-03", YearMonth(2027, 3)),
        (" 2027-3 ", YearMonth(2027, 3)),
        ("2028-12", YearMonth(2028, 12)),
    ],
)
def test_parse(text: str, expected: YearMonth) -> None:
    assert YearMonth.parse(text) == expected


@pytest.mark.parametrize("text", ["2027-13", "2027-00", "2027/03", "03-2027", "2027", "", "27-03"])
def test_parse_refuses_what_is_not_a_month(text: str) -> None:
    with pytest.raises(ValueError):
        YearMonth.parse(text)


def test_text_and_label() -> None:
    month = YearMonth(2027, 3)
    assert str(month) == "2027-03"
    assert YearMonth.parse(str(month)) == month
    assert month.label() == "Mar 2027"
    assert YearMonth(2028, 12).label() == "Dec 2028"


def test_ordinal_counts_months_across_years() -> None:
    assert YearMonth(2028, 1).ordinal - YearMonth(2027, 12).ordinal == 1
    assert YearMonth(2028, 4).ordinal - YearMonth(2027, 4).ordinal == 12
    for month in (YearMonth(2027, 1), YearMonth(2027, 12), YearMonth(1999, 6)):
        assert YearMonth.from_ordinal(month.ordinal) == month


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (YearMonth(2027, 12), 1, YearMonth(2028, 1)),
        (YearMonth(2028, 1), -1, YearMonth(2027, 12)),
        (YearMonth(2027, 4), 11, YearMonth(2028, 3)),
        (YearMonth(2027, 1), 24, YearMonth(2029, 1)),
        (YearMonth(2027, 5), -17, YearMonth(2025, 12)),
        (YearMonth(2027, 5), 0, YearMonth(2027, 5)),
    ],
)
def test_plus_months(start: YearMonth, months: int, expected: YearMonth) -> None:
    assert start.plus_months(months) == expected


def test_order_is_chronological() -> None:
    assert YearMonth(2027, 12) < YearMonth(2028, 1) < YearMonth(2028, 2)


@pytest.mark.parametrize(("year", "month"), [(2027, 0), (2027, 13), (99999, 1), (-5, 1)])
def test_invalid_months_are_refused(year: int, month: int) -> None:
    with pytest.raises(ValueError):
        YearMonth(year, month)


def test_fiscal_year_starting_in_april_ends_in_march_of_the_next_year() -> None:
    fiscal = FiscalYear.of(2027, 4)
    assert fiscal.first == YearMonth(2027, 4)
    assert fiscal.last == YearMonth(2028, 3)
    months = fiscal.months()
    assert len(months) == 12
    assert [m.label() for m in months[:1] + months[-4:]] == [
        "Apr 2027",
        "Dec 2027",
        "Jan 2028",
        "Feb 2028",
        "Mar 2028",
    ]
    assert months == sorted(set(months))


def test_calendar_fiscal_year() -> None:
    fiscal = FiscalYear.of(2027)
    assert (fiscal.first, fiscal.last) == (YearMonth(2027, 1), YearMonth(2027, 12))


@pytest.mark.parametrize(
    ("start", "months"),
    [
        (None, 12),  # already in seat
        (YearMonth(2025, 7), 12),  # started long before
        (YearMonth(2027, 3), 12),  # the month before the year begins
        (YearMonth(2027, 4), 12),  # the first month
        (YearMonth(2027, 5), 11),
        (YearMonth(2027, 12), 4),
        (YearMonth(2028, 1), 3),  # inside the year, across the calendar year end
        (YearMonth(2028, 3), 1),  # the last month
        (YearMonth(2028, 4), 0),  # the month after the year ends
        (YearMonth(2031, 1), 0),
    ],
)
def test_months_in_seat_of_an_april_fiscal_year(start: YearMonth | None, months: int) -> None:
    assert FiscalYear.of(2027, 4).months_in_seat(start) == months
