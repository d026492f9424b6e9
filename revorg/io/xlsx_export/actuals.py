"""The Deals and Actuals sheets, written when the plan has deals (revorg.model.actuals).

Deals is a table: one row per deal with the position its owner is matched to, the month it
closed and whether it counts (in the plan's currency); its columns are defined names
(DealPosition, DealStatus, DealKind, DealAmount, DealMonth, DealCounted). Actuals sums it with
SUMIFS: bookings by month and kind against the monthly targets, each department's and each
quota carrier's bookings to date against their targets to date, the forecast and the run rate.
Editing a deal in Deals (its amount, status, month) moves every figure.

Targets and quotas to date are the app's numbers, written as values: their formulas are the
Year plan's and the Org's. "Through" (the last month with a closed deal) is a value too, so a
deal added by hand after the export counts once its month is within it.
"""

from __future__ import annotations

import datetime
import warnings
from decimal import Decimal
from typing import Any

from openpyxl.worksheet.table import (  # type: ignore[import-untyped]
    Table,
    TableColumn,
    TableStyleInfo,
)

from revorg.io.xlsx_export.actuals_data import ActualsData, Carrier
from revorg.io.xlsx_export.book import Book
from revorg.io.xlsx_export.cells import MONTHS, TABLE_STYLE, letter, number, set_dimension
from revorg.io.xlsx_export.printing import PageTexts, page_layout, set_up_page
from revorg.io.xlsx_layout import SPARE_ROWS
from revorg.model.actuals.deals import DealKind

DEALS = "Deals"
ACTUALS = "Actuals"
DEAL_TABLE = "DealTable"
# (key, width, defined name) of each column of the Deals table.
DEAL_COLUMNS = (
    ("crm_id", 22, "DealId"),
    ("owner", 22, "DealOwner"),
    ("owner_email", 26, "DealOwnerEmail"),
    ("position", 10, "DealPosition"),
    ("account", 24, None),
    ("deal_name", 28, None),
    ("stage", 16, None),
    ("deal_type", 16, None),
    ("status", 9, "DealStatus"),
    ("kind", 14, "DealKind"),
    ("amount", 14, "DealAmount"),
    ("currency", 9, "DealCurrency"),
    ("close_date", 12, "DealCloseDate"),
    ("month", 10, "DealMonth"),
    ("counted", 9, "DealCounted"),
)
DEAL_LETTERS = {key: letter(index) for index, (key, _w, _n) in enumerate(DEAL_COLUMNS, 1)}
FIRST = 4  # Actuals: column D is the first month, as in the Year plan
MONTH_LETTERS = [letter(FIRST + i) for i in range(MONTHS)]
YEAR_LETTER = letter(FIRST + MONTHS)
KINDS = (DealKind.NEW_BUSINESS, DealKind.EXPANSION, DealKind.RENEWAL)
DEPARTMENT_KINDS = {
    "sales": (DealKind.NEW_BUSINESS,),
    "customer_success": (DealKind.EXPANSION, DealKind.RENEWAL),
}
LABELS = {
    "deals_title": ("Deals", "Negocios", "交易"),
    "actuals_title": ("Actuals against the plan", "Reales frente al plan", "实际与计划对比"),
    "crm_id": ("CRM id", "Id en el CRM", "CRM 编号"),
    "owner": ("Owner", "Propietario", "所有人"),
    "owner_email": ("Owner email", "Correo del propietario", "所有人邮箱"),
    "position": ("Position", "Puesto", "职位"),
    "account": ("Account", "Cuenta", "客户"),
    "deal_name": ("Deal", "Negocio", "交易"),
    "stage": ("Stage", "Etapa", "阶段"),
    "deal_type": ("Type", "Tipo", "类型"),
    "status": ("Status", "Estado", "状态"),
    "kind": ("Kind", "Clase", "类别"),
    "amount": ("Amount", "Importe", "金额"),
    "currency": ("Currency", "Moneda", "货币"),
    "close_date": ("Close date", "Fecha de cierre", "结束日期"),
    "month": ("Month", "Mes", "月份"),
    "counted": ("Counted", "Cuenta", "计入"),
    "through": ("Through", "Hasta", "截至"),
    "booked": ("Booked", "Cerrado", "已签约"),
    "target": ("Target", "Objetivo", "目标"),
    "cumulative": ("So far", "Acumulado", "累计"),
    "to_date": ("To date", "Hasta la fecha", "截至目前"),
    "attainment": ("Attainment", "Cumplimiento", "达成率"),
    "forecast": ("Forecast", "Previsión", "预测"),
    "run_rate": ("Run rate", "Ritmo actual", "按当前速度"),
    "person": ("Person", "Persona", "人员"),
    "quota_to_date": ("Quota to date", "Cuota hasta la fecha", "截至目前配额"),
    "section_months": ("Bookings by month", "Ventas por mes", "逐月签约"),
    "section_departments": ("Departments", "Departamentos", "部门"),
    "section_people": ("Quota carriers", "Personas con cuota", "背配额人员"),
    "new_business": ("New business", "Negocio nuevo", "新业务"),
    "expansion": ("Expansion", "Expansión", "增购"),
    "renewal": ("Renewals", "Renovaciones", "续约"),
    "total": ("Total", "Total", "合计"),
}
LANGUAGES = ("en", "es", "zh")


class ActualsSheets:
    def __init__(self, book: Book, data: ActualsData) -> None:
        self.book = book
        self.data = data
        self.language = book.language if book.language in LANGUAGES else "en"
        self.deals_sheet = book.workbook.create_sheet(DEALS)
        self.sheet = book.workbook.create_sheet(ACTUALS)
        book.sheets[DEALS], book.sheets[ACTUALS] = self.deals_sheet, self.sheet
        texts = PageTexts.of(
            book.data.plan_name, book.data.scenario_name, datetime.date.today(), self.language
        )
        for name, sheet in ((DEALS, self.deals_sheet), (ACTUALS, self.sheet)):
            set_up_page(sheet, page_layout(name), texts)
        self.last = len(data.deals) + 1
        self.range_last = max(self.last, 2) + SPARE_ROWS

    def text(self, key: str) -> str:
        return LABELS[key][LANGUAGES.index(self.language)]

    def cell(self, sheet: str, value: Any, style: Any) -> Any:
        return self.book.cell(sheet, value, style)

    # --- Deals -----------------------------------------------------------------------------

    def write_deals(self) -> None:
        sheet, styles = self.deals_sheet, self.book.styles
        for key, width, _name in DEAL_COLUMNS:
            sheet.column_dimensions[DEAL_LETTERS[key]].width = width
        sheet.freeze_panes = "C2"
        headings = [self.text(key) for key, _w, _n in DEAL_COLUMNS]
        set_dimension(sheet, self.last, len(DEAL_COLUMNS))
        sheet.append([self.cell(DEALS, heading, styles.header) for heading in headings])
        close, currency = DEAL_LETTERS["close_date"], DEAL_LETTERS["currency"]
        plan_currency = self.data.currency
        for row, deal in enumerate(self.data.deals, 2):
            text = self.book.user_text
            sheet.append([
                text(DEALS, deal.crm_id), text(DEALS, deal.owner), text(DEALS, deal.owner_email),
                self.data.matched.get(deal.crm_id), text(DEALS, deal.account),
                text(DEALS, deal.name), text(DEALS, deal.stage), text(DEALS, deal.deal_type),
                str(deal.status), str(deal.kind),
                self.cell(DEALS, number(deal.amount), styles.money),
                deal.currency,
                self.cell(DEALS, deal.close_date, styles.date),
                self.cell(DEALS, f"=DATE(YEAR({close}{row}),MONTH({close}{row}),1)", styles.month),
                f'=IF(OR({currency}{row}="",{currency}{row}="{plan_currency}"),1,0)',
            ])  # fmt: skip
        self._table(headings)

    def _table(self, headings: list[str]) -> None:
        last_letter = DEAL_LETTERS[DEAL_COLUMNS[-1][0]]
        table = Table(displayName=DEAL_TABLE, ref=f"A1:{last_letter}{max(self.last, 2)}")
        table.tableColumns = [
            TableColumn(id=index, name=heading) for index, heading in enumerate(headings, 1)
        ]
        table.tableStyleInfo = TableStyleInfo(name=TABLE_STYLE, showRowStripes=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # write-only tables: columns set above
            self.deals_sheet.add_table(table)

    def define_names(self) -> None:
        for key, _width, name in DEAL_COLUMNS:
            if name:
                column = DEAL_LETTERS[key]
                self.book.define(name, DEALS, f"${column}$2:${column}${self.range_last}")
        self.book.define("ActualsThrough", ACTUALS, "$B$3")

    # --- Actuals ---------------------------------------------------------------------------

    def write_actuals(self) -> None:
        styles = self.book.styles
        progress = self.data.progress
        through = progress.through_month
        through_date = None if through is None else datetime.date(through.year, through.month, 1)
        rows: list[list[Any]] = [
            [self.cell(ACTUALS, self.text("actuals_title"), styles.title)],
            [],
            [self.text("through"), self.cell(ACTUALS, through_date, styles.month)],
            [],
            [self.cell(ACTUALS, self.text("section_months"), styles.section)],
            self._month_header(),
        ]
        header = len(rows)
        booked_rows: dict[DealKind, int] = {}
        for kind in KINDS:
            booked_rows[kind] = len(rows) + 1
            rows.append(self._booked_row(kind, header, len(rows) + 1))
        total_booked = len(rows) + 1
        rows.append(self._sum_row("booked:total", "booked", [booked_rows[k] for k in KINDS]))
        target_rows: dict[DealKind, int] = {}
        for kind in KINDS:
            target_rows[kind] = len(rows) + 1
            values = [progress.months[i].target[kind] for i in range(MONTHS)]
            rows.append(self._value_row(f"target:{kind}", kind, "target", values))
        total_target = len(rows) + 1
        rows.append(self._sum_row("target:total", "target", [target_rows[k] for k in KINDS]))
        rows.append(self._running_row("booked:so_far", "booked", total_booked))
        rows.append(self._running_row("target:so_far", "target", total_target))
        rows.append(self._forecast_row(len(rows) + 1, header, total_booked, total_target))
        rows += [[], [self.cell(ACTUALS, self.text("section_departments"), styles.section)]]
        rows.append([self.cell(ACTUALS, self.text(k), styles.header) for k in (
            "section_departments", "booked", "target", "attainment")])  # fmt: skip
        department_names = {d.key: d.name(self.language) for d in self.book.data.departments}
        for key, kinds in DEPARTMENT_KINDS.items():
            rows.append(self._department_row(key, department_names.get(key, key), kinds, header,
                                             len(rows) + 1))  # fmt: skip
        rows += [[], [self.cell(ACTUALS, self.text("section_people"), styles.section)]]
        rows.append([self.cell(ACTUALS, self.text(k), styles.header) for k in (
            "position", "person", "booked", "quota_to_date", "attainment")])  # fmt: skip
        for carrier in self.data.carriers:
            rows.append(self._person_row(carrier, len(rows) + 1))
        set_dimension(self.sheet, len(rows), FIRST + MONTHS)
        self.sheet.column_dimensions["A"].width = 28
        self.sheet.column_dimensions["B"].width = 22
        for row in rows:
            self.sheet.append(row)

    def _month_header(self) -> list[Any]:
        styles = self.book.styles
        return [self.cell(ACTUALS, self.text("kind"), styles.header), None, None] + [
            self.cell(ACTUALS, f"=DATE(YEAR(FiscalStart),MONTH(FiscalStart)+{i},1)",
                      styles.month_header)
            for i in range(MONTHS)
        ] + [self.cell(ACTUALS, self.text("total"), styles.header)]  # fmt: skip

    def _won(self, kinds: tuple[DealKind, ...], month: str) -> str:
        """SUMIFS of won, counted deals of `kinds` whose month meets `month` (a criterion)."""
        return "+".join(
            f'SUMIFS(DealAmount,DealStatus,"won",DealKind,"{kind}",DealMonth,{month},DealCounted,1)'
            for kind in kinds
        )

    def _booked_row(self, kind: DealKind, header: int, row: int) -> list[Any]:
        money = self.book.styles.money
        cells: list[Any] = [self.text(kind), f"booked:{kind}", self.text("booked")]
        cells += [
            self.cell(ACTUALS, "=" + self._won((kind,), f"{MONTH_LETTERS[i]}${header}"), money)
            for i in range(MONTHS)
        ]
        cells.append(self._year_sum(row))
        return cells

    def _year_sum(self, row: int) -> Any:
        formula = f"=SUM({MONTH_LETTERS[0]}{row}:{MONTH_LETTERS[-1]}{row})"
        return self.cell(ACTUALS, formula, self.book.styles.money_bold)

    def _value_row(
        self, key: str, kind: DealKind, measure: str, values: list[Decimal]
    ) -> list[Any]:
        money = self.book.styles.money
        row = [self.text(kind), key, self.text(measure)]
        row += [self.cell(ACTUALS, number(value), money) for value in values]
        row.append(self.cell(ACTUALS, number(sum(values, Decimal(0))), self.book.styles.money_bold))
        return row

    def _sum_row(self, key: str, measure: str, of: list[int]) -> list[Any]:
        money = self.book.styles.money_bold
        row: list[Any] = [self.text("total"), key, self.text(measure)]
        for column in [*MONTH_LETTERS, YEAR_LETTER]:
            row.append(self.cell(ACTUALS, "=" + "+".join(f"{column}{r}" for r in of), money))
        return row

    def _running_row(self, key: str, measure: str, of: int) -> list[Any]:
        money = self.book.styles.money
        row: list[Any] = [self.text("cumulative"), key, self.text(measure)]
        row += [
            self.cell(ACTUALS, f"=SUM(${MONTH_LETTERS[0]}{of}:{MONTH_LETTERS[i]}{of})", money)
            for i in range(MONTHS)
        ]
        return row

    def _forecast_row(self, row: int, header: int, booked: int, target: int) -> list[Any]:
        """Booked through the last month with data plus the target after it; the run rate."""
        money = self.book.styles.money_bold
        months = f"{MONTH_LETTERS[0]}${header}:{MONTH_LETTERS[-1]}${header}"
        booked_range = f"{MONTH_LETTERS[0]}{booked}:{MONTH_LETTERS[-1]}{booked}"
        target_range = f"{MONTH_LETTERS[0]}{target}:{MONTH_LETTERS[-1]}{target}"
        to_date = f"SUMPRODUCT(({months}<=ActualsThrough)*{booked_range})"
        rest = f"SUMPRODUCT(({months}>ActualsThrough)*{target_range})"
        elapsed = f"SUMPRODUCT(({months}<=ActualsThrough)*1)"
        return [
            self.text("forecast"), "forecast", self.cell(ACTUALS, f"={to_date}+{rest}", money),
            self.text("run_rate"),
            self.cell(ACTUALS, f"=IF({elapsed}=0,0,ROUND({to_date}*12/{elapsed},2))", money),
        ]  # fmt: skip

    def _department_row(
        self, key: str, name: str, kinds: tuple[DealKind, ...], header: int, row: int
    ) -> list[Any]:
        styles = self.book.styles
        elapsed = 0 if self.data.progress.through is None else self.data.progress.through + 1
        target = sum(self.data.department_targets.get(key, ())[:elapsed], Decimal(0))
        return [
            name,
            self.cell(ACTUALS, "=" + self._won(kinds, '"<="&ActualsThrough'), styles.money),
            self.cell(ACTUALS, number(target), styles.money),
            self.cell(ACTUALS, f'=IF(C{row}>0,ROUND(B{row}/C{row},4),"")', styles.percent),
            f"department:{key}",
        ]

    def _person_row(self, carrier: Carrier, row: int) -> list[Any]:
        styles = self.book.styles
        won = "+".join(
            f'SUMIFS(DealAmount,DealPosition,{carrier.position_id},DealStatus,"won",'
            f'DealKind,"{kind}",DealMonth,"<="&ActualsThrough,DealCounted,1)'
            for kind in carrier.kinds
        )
        return [
            self.book.user_text(ACTUALS, carrier.title),
            self.book.user_text(ACTUALS, carrier.person),
            self.cell(ACTUALS, f"={won}", styles.money),
            self.cell(ACTUALS, number(carrier.quota_to_date), styles.money),
            self.cell(ACTUALS, f'=IF(D{row}>0,ROUND(C{row}/D{row},4),"")', styles.percent),
            f"position:{carrier.position_id}",
        ]


def write_actuals(book: Book, data: ActualsData) -> None:
    sheets = ActualsSheets(book, data)
    sheets.write_deals()
    sheets.write_actuals()
    sheets.define_names()
