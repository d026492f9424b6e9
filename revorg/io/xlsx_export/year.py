"""The Year plan sheet: the year month by month and quarter by quarter, attrition, quota
coverage, the pipeline needed, the ARR walk and the customer lifetime value
(revorg.model.summary.YearFigures), all live formulas.

The seasonality weights are input cells; each department's target and capacity are spread over
the months as revorg.model.phasing.spread does: a month is ROUND(year x share so far, 2) less
the month before's, so the months add up to the year. Targets follow the seasonality (the
retained base evenly), capacity its kind's own months (kind_month_capacity: starts, ramps and
leavers of the Org rows)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from revorg.io.xlsx_export.book import Book
from revorg.io.xlsx_export.capacity_formulas import kind_month_capacity
from revorg.io.xlsx_export.cells import MONTHS, append_all, formula_text, letter
from revorg.io.xlsx_layout import YEAR
from revorg.model.capacity import PLAN_WIDE
from revorg.model.capacity.assumptions import DEFAULT_GROSS_MARGIN
from revorg.model.revenue import USUAL_QUOTA_COVERAGE, QuotaCheck
from revorg.model.seasonality import HUNDRED
from revorg.model.vocabulary import CapacityKind, Metric

FIRST = 4  # column D: the first month
MONTH_LETTERS = [letter(FIRST + i) for i in range(MONTHS)]
YEAR_LETTER = letter(FIRST + MONTHS)
QUARTER_LETTERS = [letter(FIRST + q) for q in range(4)]
SHAPED_KINDS = (
    CapacityKind.LEADS,
    CapacityKind.QUOTA,
    CapacityKind.BOOK_OF_BUSINESS,
    CapacityKind.EXPANSION_QUOTA,
)
PHASED = ("marketing", "sales", "customer_success", "total")
ATTRITION_DEPARTMENTS = ("marketing", "sales", "customer_success")


def _spread(amount: str, so_far: Callable[[int], str], i: int) -> str:
    """Month i of `amount` (no "="): ROUND(amount x share so far) less the month before's."""
    now = f"ROUND({amount}*{so_far(i)},2)"
    return now if i == 0 else f"{now}-ROUND({amount}*{so_far(i - 1)},2)"


def _even(i: int) -> str:
    return f"{i + 1}/12"


def _share_so_far(row: int) -> Callable[[int], str]:
    """A row's sum so far over its year (column P), evenly when the year is 0."""
    return lambda i: f"IF($P{row}>0,SUM($D{row}:{MONTH_LETTERS[i]}{row})/$P{row},{_even(i)})"


def _running(row: int) -> Callable[[int], str]:
    return lambda i: f"SUM($D{row}:{MONTH_LETTERS[i]}{row})"


def _kind_month(kind: str) -> Callable[[int], str]:
    return lambda i: kind_month_capacity(i, kind)[1:]


def _first_behind(row: int, target_so_far: int, capacity_so_far: int) -> Callable[[int], str]:
    """The number of the first month whose capacity so far is below the target so far, as of
    each month (0: none yet). No MATCH: Gnumeric answered MATCH(1, a row of flags, 0) #N/A."""

    def month(i: int) -> str:
        now = MONTH_LETTERS[i]
        test = f"IF(ROUND({now}{capacity_so_far}-{now}{target_so_far},2)<0,{i + 1},0)"
        if i == 0:
            return test
        before = f"{MONTH_LETTERS[i - 1]}{row}"
        return f"IF({before}>0,{before},{test})"

    return month


def _quota_check(ratio: str) -> str:
    """revenue.QuotaCoverage.check."""
    low, high = USUAL_QUOTA_COVERAGE
    return (
        f'=IF(NOT(ISNUMBER({ratio})),"{QuotaCheck.NONE}",IF({ratio}<1,"{QuotaCheck.BELOW_TARGET}",'
        f'IF({ratio}<{low},"{QuotaCheck.UNDER_RANGE}",IF({ratio}<={high},"{QuotaCheck.IN_RANGE}",'
        f'"{QuotaCheck.OVER_RANGE}"))))'
    )


def gross_margin() -> str:
    """Assumptions.gross_margin: the plan-wide value, or the default."""
    test = f'(AssumptionRole="{PLAN_WIDE}")*(AssumptionMetric="{Metric.GROSS_MARGIN}")'
    return f"=IF(SUMPRODUCT({test})=0,{DEFAULT_GROSS_MARGIN},SUMPRODUCT({test},AssumptionValue))"


class _YearSheet:
    def __init__(self, book: Book) -> None:
        self.book = book
        self.rows: list[list[Any]] = []
        self.names: dict[str, str] = {}
        self.department_names = {d.key: d.name(book.language) for d in book.data.departments}
        self.department_names["total"] = book.text("total")

    @property
    def next_row(self) -> int:
        return len(self.rows) + 1

    def cell(self, value: Any, style: Any) -> Any:
        return self.book.cell(YEAR, value, style)

    def section(self, key: str) -> None:
        self.rows += [[], [self.cell(self.book.text(key), self.book.styles.section)]]

    def month_row(
        self,
        first: Any,
        key: str,
        measure: str,
        month: Callable[[int], str],
        style: Any,
        year: str | None = "sum",
        year_style: Any = None,
    ) -> int:
        """A row of twelve months (formulas without "=") and the year; its row number."""
        r = self.next_row
        cells: list[Any] = [first, key, measure]
        cells += [self.cell(f"={month(i)}", style) for i in range(MONTHS)]
        if year == "sum":
            cells.append(self.cell(f"=SUM({MONTH_LETTERS[0]}{r}:{MONTH_LETTERS[-1]}{r})", style))
        elif year is not None:
            cells.append(self.cell(year, year_style or style))
        self.rows.append(cells)
        return r

    def header(self) -> None:
        book, styles = self.book, self.book.styles
        self.rows += [
            [self.cell(book.text("year_title"), styles.title)],
            [],
            [self.cell(book.text(key), styles.header) for key in ("department", "key", "measure")]
            + [
                self.cell(f"=DATE(YEAR(FiscalStart),MONTH(FiscalStart)+{i},1)", styles.month_header)
                for i in range(MONTHS)
            ]
            + [self.cell(book.text("year"), styles.header)],
        ]

    def seasonality(self) -> int:
        """The weights (inputs) and the share of the year so far; the share row."""
        book, styles = self.book, self.book.styles
        self.section("section_seasonality")
        weights = book.data.seasonality.percents()
        r = self.next_row
        row: list[Any] = [None, "seasonality", book.text("weight")]
        row += [self.cell(float(w / HUNDRED), styles.percent_input_fine) for w in weights]
        row.append(self.cell(f"=SUM(D{r}:O{r})", styles.percent_fine))
        self.rows.append(row)
        self.names["SeasonalityWeights"] = f"$D${r}:$O${r}"
        return self.month_row(
            None,
            "seasonality_so_far",
            book.text("share_so_far"),
            _share_so_far(r),
            styles.percent_fine,
            year=None,
        )

    def kind_shapes(self) -> dict[str, int]:
        """Each kind's capacity month by month and its share of the year so far; kind: the
        row of the share."""
        book, styles = self.book, self.book.styles
        self.section("section_kind_months")
        shares: dict[str, int] = {}
        for kind in SHAPED_KINDS:
            r = self.month_row(
                str(kind),
                f"kind:{kind}",
                book.text("capacity_short"),
                _kind_month(kind),
                styles.number,
            )
            shares[kind] = self.month_row(
                None,
                f"kind_so_far:{kind}",
                book.text("share_so_far"),
                _share_so_far(r),
                styles.percent_fine,
                year=None,
            )
        return shares

    def departments(self, seasonality: int, shapes: dict[str, int]) -> dict[str, tuple[int, int]]:
        """Target and capacity month by month, so far, and whether behind; department: the rows
        of its target and capacity."""
        book, styles = self.book, self.book.styles
        self.section("section_year_months")

        def share(row: int) -> Callable[[int], str]:
            return lambda i: f"{MONTH_LETTERS[i]}${row}"

        season, kind_share = share(seasonality), {k: share(r) for k, r in shapes.items()}
        leads, quota = kind_share[CapacityKind.LEADS], kind_share[CapacityKind.QUOTA]
        book_share = kind_share[CapacityKind.BOOK_OF_BUSINESS]
        expansion = kind_share[CapacityKind.EXPANSION_QUOTA]
        retained_base = "ROUND(BaseRevenue*Retention,2)"
        retained = "(SuccessCapacity-N(ExpansionCapacity))"
        rows: dict[str, tuple[int, int]] = {}

        def cs_target(i: int) -> str:
            return f"{_spread(retained_base, _even, i)}+{_spread('Expansion', season, i)}"

        def cs_capacity(i: int) -> str:
            return (
                f"{_spread(retained, book_share, i)}+"
                f"{_spread('N(ExpansionCapacity)', expansion, i)}"
            )

        formulas: dict[str, tuple[Callable[[int], str], Callable[[int], str]]] = {
            "marketing": (
                lambda i: _spread("MarketingTarget", season, i),
                lambda i: _spread("MarketingCapacity", leads, i),
            ),
            "sales": (
                lambda i: _spread("SalesTarget", season, i),
                lambda i: _spread("SalesCapacity", quota, i),
            ),
            "customer_success": (cs_target, cs_capacity),
        }

        def total(
            rows: dict[str, tuple[int, int]],
        ) -> tuple[Callable[[int], str], Callable[[int], str]]:
            """New business, as marketing and sales can carry it (the one of smaller year
            capacity), plus customer success."""
            marketing, sales = rows["marketing"][1], rows["sales"][1]
            success_target, success_capacity = rows["customer_success"]

            def target(i: int) -> str:
                return f"{_spread('NewBusiness', season, i)}+{MONTH_LETTERS[i]}{success_target}"

            def capacity(i: int) -> str:
                m = MONTH_LETTERS[i]
                return (
                    f"IF($P{marketing}<=$P{sales},{m}{marketing},{m}{sales})+{m}{success_capacity}"
                )

            return target, capacity

        for key in PHASED:
            name = self.department_names.get(key, key)
            target, capacity = formulas[key] if key != "total" else total(rows)
            t = self.month_row(name, f"{key}:target", book.text("target"), target, styles.money)
            c = self.month_row(
                None, f"{key}:capacity", book.text("capacity_short"), capacity, styles.money
            )
            rows[key] = (t, c)
            ts = self.month_row(
                None,
                f"{key}:target_so_far",
                book.text("target_so_far"),
                _running(t),
                styles.money,
                year=None,
            )
            cs = self.month_row(
                None,
                f"{key}:capacity_so_far",
                book.text("capacity_so_far"),
                _running(c),
                styles.money,
                year=None,
            )
            self.month_row(
                None,
                f"{key}:behind",
                book.text("behind"),
                _first_behind(self.next_row, ts, cs),
                styles.integer,
                year=f'=IF({MONTH_LETTERS[-1]}{self.next_row}=0,"",DATE(YEAR(FiscalStart),'
                f"MONTH(FiscalStart)+{MONTH_LETTERS[-1]}{self.next_row}-1,1))",
                year_style=styles.month,
            )
        return rows

    def quarters(self, rows: dict[str, tuple[int, int]]) -> None:
        book, styles = self.book, self.book.styles
        self.section("section_quarters")
        self.rows.append(
            [self.cell(book.text(key), styles.header) for key in ("department", "key", "measure")]
            + [self.cell(f"Q{q + 1}", styles.header) for q in range(4)]
        )
        for key in PHASED:
            t, c = rows[key]
            name = self.department_names.get(key, key)
            for first, measure, source in (
                (name, "target", f"{{m}}{t}"),
                (None, "capacity_short", f"{{m}}{c}"),
                (None, "department_gap", f"({{m}}{t}-{{m}}{c})"),
            ):
                cells: list[Any] = [first, f"{key}:quarter_{measure}", book.text(measure)]
                for q in range(4):
                    months = MONTH_LETTERS[q * 3 : q * 3 + 3]
                    cells.append(
                        self.cell("=" + "+".join(source.format(m=m) for m in months), styles.money)
                    )
                self.rows.append(cells)

    def attrition(self) -> None:
        """Expected leavers and backfills per role, leavers and capacity lost per department."""
        book, styles = self.book, self.book.styles
        self.section("section_attrition")
        self.rows.append(
            [
                self.cell(book.text(key), styles.header)
                for key in ("role", "key", "department", "leavers", "backfills", "capacity_lost")
            ]
        )
        on_chart = {position.role_key for position in book.data.positions}
        roles = [role for role in book.data.roles if role.key in on_chart]
        first = self.next_row
        for role in roles:
            count = f'SUMIFS(OrgLeavers,OrgRole,"{role.key}")'
            self.rows.append(
                [
                    book.user_text(YEAR, role.name(book.language)),
                    book.user_text(YEAR, f"role:{role.key}"),
                    book.user_text(YEAR, role.department_key),
                    self.cell(f"=ROUND({count},4)", styles.number_fine),
                    # Rounded half up: 0.15 expected leavers is no hire to plan, 0.8 is one.
                    self.cell(f"=ROUND({count},0)", styles.integer),
                    self.cell(f'=SUMIFS(OrgCapacityLost,OrgRole,"{role.key}")', styles.number),
                ]
            )
        last = max(self.next_row - 1, first)
        lost = {
            "marketing": 'ROUND(SUMIFS(OrgCapacityLost,OrgKind,"leads")*CloseRate*AverageDeal,2)',
            "sales": 'SUMIFS(OrgCapacityLost,OrgKind,"quota")',
            "customer_success": (
                'ROUND((MIN(SUMIFS(OrgCapacity,OrgKind,"book_of_business")+SUMIFS(OrgCapacityLost,'
                'OrgKind,"book_of_business"),BaseRevenue)-MIN(SUMIFS(OrgCapacity,OrgKind,'
                '"book_of_business"),BaseRevenue))*Retention+SUMIFS(OrgCapacityLost,OrgKind,'
                '"expansion_quota"),2)'
            ),
        }
        for key in ATTRITION_DEPARTMENTS:
            self.rows.append(
                [
                    self.cell(self.department_names.get(key, key), styles.bold),
                    f"department:{key}",
                    key,
                    self.cell(
                        f'=SUMIFS(D{first}:D{last},C{first}:C{last},"{key}")', styles.number_fine
                    ),
                    None,
                    self.cell(f"={lost[key]}", styles.money),
                ]
            )

    def figures(self) -> None:
        """Quota coverage, pipeline, the ARR walk and the customer lifetime value."""
        book, styles = self.book, self.book.styles
        self.section("section_revenue")
        low, high = USUAL_QUOTA_COVERAGE
        r = self.next_row
        items: list[tuple[str, Any, Any]] = [
            ("quota_assigned", '=SUMIFS(OrgAssigned,OrgKind,"quota")', styles.money),
            ("new_business", "=NewBusiness", styles.money),
            ("quota_coverage", f'=IF(NewBusiness>0,D{r}/NewBusiness,"")', styles.percent),
            ("usual_low", float(low), styles.percent),
            ("usual_high", float(high), styles.percent),
            ("quota_check", _quota_check(f"D{r + 2}"), None),
            ("pipeline_needed", '=IF(CloseRate>0,ROUND(NewBusiness/CloseRate,2),"")', styles.money),
            ("arr_start", "=BaseRevenue", styles.money),
            ("arr_churned", "=ROUND(BaseRevenue*(1-Retention),2)", styles.money),
            ("arr_expansion", "=Expansion", styles.money),
            ("arr_new", "=NewBusiness", styles.money),
            ("arr_end", f"=D{r + 7}-D{r + 8}+D{r + 9}+D{r + 10}", styles.money),
            ("churn_rate", f"=IF(D{r + 7}>0,D{r + 8}/D{r + 7},0)", styles.percent),
            ("gross_margin", gross_margin(), styles.percent),
            (
                "clv",
                f'=IF(OR(1-Retention<=0,AverageDeal<=0),"",ROUND(AverageDeal*D{r + 13}'
                f"/(1-Retention),2))",
                styles.money,
            ),
        ]
        for key, formula, style in items:
            value = formula if style is None else self.cell(formula, style)
            self.rows.append([book.text(key), key, None, value])
        # The check in words, beside its key.
        check = f"D{r + 5}"
        words = '""'
        for each in reversed(QuotaCheck):
            words = f'IF({check}="{each}",{formula_text(book.text(f"check_{each}"))},{words})'
        self.rows[-(len(items) - 5)].append(f"={words}")


def write_year_plan(book: Book) -> dict[str, str]:
    """Write the sheet; its defined names and their cells."""
    sheet = book.sheets[YEAR]
    plan = _YearSheet(book)
    sheet.column_dimensions["A"].width = 36
    sheet.column_dimensions["B"].hidden = True
    sheet.column_dimensions["C"].width = 26
    # Wide enough for 9,999,999.99 "EUR" (not in bold: 16 shows ### for it), a year in the
    # tens of millions.
    for column in MONTH_LETTERS:
        sheet.column_dimensions[column].width = 16
    sheet.column_dimensions[YEAR_LETTER].width = 18
    sheet.freeze_panes = "D4"
    plan.header()
    seasonality = plan.seasonality()
    shapes = plan.kind_shapes()
    rows = plan.departments(seasonality, shapes)
    plan.quarters(rows)
    plan.attrition()
    plan.figures()
    append_all(sheet, plan.rows)
    return plan.names
