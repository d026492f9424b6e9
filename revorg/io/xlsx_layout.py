"""The layout of RevOrg's own workbook, shared by the exporter and the importer: sheet names,
defined names, the columns of the table sheets and their headings in each language.

Sheet names and defined names never change with the language; headings do, and the importer
recognises a column by its heading in any of the languages (or by its key), so a user may move
columns around.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

FORMAT_VERSION = 1
# A custom document property that marks the workbook as RevOrg's own (value: FORMAT_VERSION).
MARKER_PROPERTY = "RevOrgWorkbook"

SUMMARY = "Summary"
TARGETS = "Targets"
ORG = "Org"
HIRING = "Hiring plan"
YEAR = "Year plan"
ASSUMPTIONS = "Assumptions"
ROLES = "Roles"
LISTS = "Lists"
SHEETS = (SUMMARY, TARGETS, ORG, HIRING, YEAR, ASSUMPTIONS, ROLES, LISTS)

ORG_TABLE = "OrgTable"
ASSUMPTION_TABLE = "AssumptionTable"
ROLE_TABLE = "RoleTable"

# Defined names of the Targets sheet: (name, label key), in sheet order.
PLAN_NAMES = (
    ("PlanName", "plan_name"),
    ("ScenarioName", "scenario"),
    ("Currency", "currency"),
    ("FiscalYear", "fiscal_year"),
    ("FiscalStartMonth", "fiscal_start_month"),
    ("FiscalStart", "fiscal_start"),
)
DRIVER_NAMES = (
    ("Goal", "goal"),
    ("Leads", "leads"),
    ("CloseRate", "close_rate"),
    ("AverageDeal", "average_deal"),
    ("BaseRevenue", "base_revenue"),
    ("Retention", "retention"),
    ("Expansion", "expansion"),
)
RESULT_NAMES = (
    ("NewCustomers", "new_customers"),
    ("NewBusiness", "new_business"),
    ("Retained", "retained"),
    ("TotalRevenue", "total_revenue"),
    ("Gap", "gap"),
)
# What a user types into the workbook and the importer reads (the rest is computed).
INPUT_NAMES = tuple(name for name, _label in PLAN_NAMES if name != "FiscalStart") + tuple(
    name for name, _label in DRIVER_NAMES
)
REQUIRED_NAMES = frozenset(name for name, _label in DRIVER_NAMES + RESULT_NAMES)

# The words that mark a vacancy in the Person column (any language, any case; blank too).
OPEN_WORDS = {"en": "Open", "es": "Vacante", "zh": "空缺"}

# Rows below the data that the Org and Assumptions ranges reach, so that rows a user adds
# under the table still count in the sums.
SPARE_ROWS = 1000


@dataclass(frozen=True)
class Column:
    key: str
    width: float
    is_input: bool = False  # typed by the user and read back by the importer
    hidden: bool = False
    name: str | None = None  # the workbook-level defined name of the column's range


ORG_COLUMNS = (
    Column("id", 7, is_input=True, name="OrgID"),
    Column("title", 30, is_input=True, name="OrgTitle"),
    Column("role_key", 22, is_input=True, name="OrgRole"),
    Column("role", 26),
    Column("department", 18, is_input=True, name="OrgDepartment"),
    Column("manager_id", 11, is_input=True),
    Column("manager", 36),
    Column("person", 22, is_input=True, name="OrgPerson"),
    Column("headcount", 11, is_input=True, name="OrgHeadcount"),
    Column("start_month", 12, is_input=True),
    Column("annual_cost", 17, is_input=True, name="OrgAnnualCost"),
    Column("cost_year", 17, name="OrgCostYear"),
    Column("capacity", 17, name="OrgCapacity"),
    Column("kind", 17, name="OrgKind"),
    Column("capacity_override", 15, is_input=True),
    Column("notes", 34, is_input=True),
    Column("dotted_lines", 14, is_input=True),
    Column("open", 10, name="OrgOpen"),
    Column("offset", 11, name="OrgOffset"),
    Column("months_in_seat", 10),
    Column("ramp", 10, name="OrgRamp"),
    Column("full_year", 17),
    Column("ramped_months", 11),
    Column("monthly_cost", 14, name="OrgMonthlyCost"),
    Column("monthly_capacity", 15, name="OrgMonthlyCapacity"),
    # Leavers (revorg.model.capacity.rule): the rate that reduces capacity (0 for overrides),
    # the months a seat stays empty and the replacement's ramp.
    Column("capacity_attrition", 12, name="OrgAttrition"),
    Column("backfill_months", 10, name="OrgBackfill"),
    Column("replacement_ramp", 12, name="OrgReplacementRamp"),
    Column("months_lost", 11, name="OrgMonthsLost"),
    Column("leavers", 11, name="OrgLeavers"),
    Column("capacity_lost", 15, name="OrgCapacityLost"),
    Column("assigned_quota", 17, name="OrgAssigned"),
    Column("lineage", 12, is_input=True, hidden=True),
    Column("email", 28, is_input=True),  # format 8: CRM deals name their owner by it
    # Staff of the manager (drawn beside it): the word for yes, or blank.
    Column("staff", 12, is_input=True),
)

ASSUMPTION_COLUMNS = (
    Column("role_key", 22, is_input=True, name="AssumptionRole"),
    Column("role", 26),
    Column("metric", 26, is_input=True, name="AssumptionMetric"),
    Column("value", 16, is_input=True, name="AssumptionValue"),
    Column("source", 90, is_input=True),
)

ROLE_COLUMNS = (
    Column("key", 24, is_input=True, name="RoleKey"),
    Column("name", 30, name="RoleName"),
    Column("name_en", 30, is_input=True),
    Column("name_es", 30, is_input=True),
    Column("name_zh", 20, is_input=True),
    Column("department", 18, is_input=True),
    Column("funnel_stage", 13, is_input=True),
    Column("kind", 17, is_input=True, name="RoleKind"),
    Column("is_leader", 9, is_input=True),
    Column("is_custom", 10, is_input=True),
    Column("default_cost", 17, is_input=True),
    Column("metric", 24),
    Column("factor", 9),
    Column("attainment", 12),
    Column("full_year", 17, name="RoleFullYear"),
    Column("ramp", 10, name="RoleRamp"),
    Column("annual_attrition", 12, name="RoleAttrition"),
    Column("backfill_months", 10, name="RoleBackfill"),
    Column("quota", 17, name="RoleQuota"),
    Column("short_en", 16, is_input=True),
    Column("short_es", 16, is_input=True),
    Column("short_zh", 12, is_input=True),
    Column("description_en", 50, is_input=True),
    Column("description_es", 50, is_input=True),
    Column("description_zh", 40, is_input=True),
)


def letters(columns: tuple[Column, ...]) -> dict[str, str]:
    """Column key -> column letter."""
    return {column.key: str(get_column_letter(i)) for i, column in enumerate(columns, 1)}


ORG_LETTERS = letters(ORG_COLUMNS)
ASSUMPTION_LETTERS = letters(ASSUMPTION_COLUMNS)
ROLE_LETTERS = letters(ROLE_COLUMNS)

# Headings and labels: key -> (en, es, zh).
LABELS: dict[str, tuple[str, str, str]] = {
    # Targets
    "targets_title": ("Targets", "Objetivos", "目标"),
    "section_plan": ("Plan", "Plan", "计划"),
    "plan_name": ("Plan name", "Nombre del plan", "计划名称"),
    "scenario": ("Scenario", "Escenario", "情景"),
    "currency": ("Currency", "Moneda", "货币"),
    "fiscal_year": ("Fiscal year", "Año fiscal", "财年"),
    "fiscal_start_month": (
        "First month of the fiscal year (1-12)",
        "Primer mes del año fiscal (1-12)",
        "财年起始月份（1-12）",
    ),
    "fiscal_start": ("Fiscal year starts", "El año fiscal empieza", "财年开始日期"),
    "section_drivers": (
        "Drivers (edit the shaded cells)",
        "Palancas (edita las celdas sombreadas)",
        "驱动因素（可编辑底色单元格）",
    ),
    "goal": ("Revenue goal", "Objetivo de ingresos", "营收目标"),
    "leads": ("Marketing leads", "Leads de marketing", "营销线索"),
    "close_rate": ("Close rate", "Tasa de cierre", "成交率"),
    "average_deal": ("Average deal", "Operación media", "平均单笔金额"),
    "base_revenue": ("Current revenue", "Ingresos actuales", "现有收入"),
    "retention": ("Retention", "Retención", "留存率"),
    "expansion": (
        "Expansion (cross-sell, upsell)",
        "Expansión (venta cruzada, upsell)",
        "扩展收入（交叉销售、追加销售）",
    ),
    "section_results": ("Results", "Resultados", "结果"),
    "new_customers": ("New customers", "Clientes nuevos", "新客户"),
    "new_business": ("New business", "Nuevo negocio", "新业务收入"),
    "retained": ("Retained revenue", "Ingresos retenidos", "留存收入"),
    "total_revenue": ("Total revenue", "Ingresos totales", "总收入"),
    "gap": ("Gap to goal", "Brecha con el objetivo", "与目标的差距"),
    "hint_new_customers": ("Leads × CloseRate", "Leads × CloseRate", "Leads × CloseRate"),
    "hint_new_business": (
        "NewCustomers × AverageDeal",
        "NewCustomers × AverageDeal",
        "NewCustomers × AverageDeal",
    ),
    "hint_retained": (
        "BaseRevenue × Retention + Expansion",
        "BaseRevenue × Retention + Expansion",
        "BaseRevenue × Retention + Expansion",
    ),
    "hint_total_revenue": (
        "NewBusiness + Retained",
        "NewBusiness + Retained",
        "NewBusiness + Retained",
    ),
    "hint_gap": (
        "Goal − TotalRevenue (positive: short)",
        "Goal − TotalRevenue (positivo: falta)",
        "Goal − TotalRevenue（正数：不足）",
    ),
    # Org
    "id": ("ID", "ID", "编号"),
    "title": ("Title", "Puesto", "职位"),
    "role_key": ("Role key", "Clave de rol", "角色代码"),
    "role": ("Role", "Rol", "角色"),
    "department": ("Department", "Departamento", "部门"),
    "manager_id": ("Manager ID", "ID del responsable", "上级编号"),
    "manager": ("Manager", "Responsable", "上级"),
    "person": ("Person", "Persona", "人员"),
    "headcount": ("Headcount", "Personas", "人数"),
    "start_month": ("Start month", "Mes de inicio", "入职月份"),
    "annual_cost": ("Annual cost per head", "Coste anual por persona", "人均年度成本"),
    "cost_year": ("Cost this fiscal year", "Coste en el año fiscal", "本财年成本"),
    "capacity": ("Capacity this fiscal year", "Capacidad en el año fiscal", "本财年产能"),
    "kind": ("Capacity kind", "Tipo de capacidad", "产能类型"),
    "capacity_override": (
        "Capacity override per head",
        "Capacidad fijada por persona",
        "人均产能（手动）",
    ),
    "notes": ("Notes", "Notas", "备注"),
    "dotted_lines": ("Dotted lines to (IDs)", "Líneas punteadas a (ID)", "虚线汇报至（编号）"),
    "open": ("Open (1 = vacancy)", "Vacante (1 = sí)", "空缺（1 = 是）"),
    "offset": ("Months before start", "Meses hasta el inicio", "入职前月数"),
    "months_in_seat": ("Months in seat", "Meses en el puesto", "在岗月数"),
    "ramp": ("Ramp months", "Meses de rampa", "爬坡月数"),
    "full_year": ("Full-year capacity per head", "Capacidad anual por persona", "人均全年产能"),
    "ramped_months": ("Ramped months", "Meses productivos", "折算产出月数"),
    "monthly_cost": ("Monthly cost", "Coste mensual", "月度成本"),
    "monthly_capacity": (
        "Monthly capacity per head",
        "Capacidad mensual por persona",
        "人均月度产能",
    ),
    "capacity_attrition": (
        "Attrition on capacity",
        "Rotación sobre la capacidad",
        "计入产能的流失率",
    ),
    "backfill_months": ("Backfill months", "Meses hasta cubrir", "补员月数"),
    "replacement_ramp": ("Replacement ramp", "Rampa del sustituto", "接替者爬坡月数"),
    "months_lost": ("Months lost to leavers", "Meses perdidos por bajas", "因离职损失的月数"),
    "leavers": ("Expected leavers", "Bajas esperadas", "预计离职人数"),
    "capacity_lost": (
        "Capacity lost to leavers",
        "Capacidad perdida por bajas",
        "因离职损失的产能",
    ),
    "assigned_quota": (
        "Quota assigned (ramped)",
        "Cuota asignada (con rampa)",
        "已分配配额（含爬坡）",
    ),
    "lineage": ("Lineage", "Linaje", "沿袭标识"),
    "email": ("Email", "Correo electrónico", "电子邮件"),
    "staff": ("Staff of the manager", "Staff del responsable", "上级的幕僚"),
    "staff_yes": ("Yes", "Sí", "是"),
    "not_found": ("(not found)", "(no encontrado)", "（未找到）"),
    # Assumptions
    "metric": ("Metric", "Métrica", "指标"),
    "value": ("Value", "Valor", "数值"),
    "source": ("Source", "Fuente", "来源"),
    "whole_plan": ("Whole plan", "Todo el plan", "整个计划"),
    # Roles
    "key": ("Key", "Clave", "代码"),
    "name": ("Name", "Nombre", "名称"),
    "name_en": ("Name (en)", "Nombre (en)", "名称（en）"),
    "name_es": ("Name (es)", "Nombre (es)", "名称（es）"),
    "name_zh": ("Name (zh)", "Nombre (zh)", "名称（zh）"),
    "funnel_stage": ("Funnel stage", "Etapa del embudo", "漏斗阶段"),
    "is_leader": ("Leader", "Líder", "管理者"),
    "is_custom": ("Custom", "Personalizado", "自定义"),
    "default_cost": ("Default annual cost", "Coste anual por defecto", "默认年度成本"),
    "factor": ("Months factor", "Factor mensual", "月份系数"),
    "attainment": ("Attainment", "Cumplimiento", "达成率"),
    "annual_attrition": ("Annual attrition", "Rotación anual", "年流失率"),
    "quota": ("Quota per head", "Cuota por persona", "人均配额"),
    "short_en": ("Short name (en)", "Nombre corto (en)", "简称（en）"),
    "short_es": ("Short name (es)", "Nombre corto (es)", "简称（es）"),
    "short_zh": ("Short name (zh)", "Nombre corto (zh)", "简称（zh）"),
    "description_en": ("Description (en)", "Descripción (en)", "说明（en）"),
    "description_es": ("Description (es)", "Descripción (es)", "说明（es）"),
    "description_zh": ("Description (zh)", "Descripción (zh)", "说明（zh）"),
    # Summary
    "summary_title": ("Summary", "Resumen", "摘要"),
    "target": ("Target", "Objetivo", "目标"),
    "capacity_short": ("Capacity", "Capacidad", "产能"),
    "cost_short": ("Cost (fiscal year)", "Coste (año fiscal)", "成本（财年）"),
    "coverage": ("Coverage", "Cobertura", "覆盖率"),
    "department_gap": ("Gap", "Brecha", "差距"),
    "status": ("Status", "Estado", "状态"),
    "shortfall": ("Shortfall", "Déficit", "缺口"),
    "positions": ("Positions", "Posiciones", "职位数"),
    "open_positions": ("Open", "Vacantes", "空缺"),
    "run_rate_cost": ("Run-rate cost", "Coste anualizado", "全年化成本"),
    "total": ("Total", "Total", "合计"),
    "section_departments": (
        "Target and capacity per department",
        "Objetivo y capacidad por departamento",
        "各部门目标与产能",
    ),
    "section_lines": ("Driver lines", "Líneas de palancas", "驱动项"),
    "line": ("Line", "Línea", "项目"),
    "unit": ("Unit", "Unidad", "单位"),
    "line_leads": ("Marketing leads", "Leads de marketing", "营销线索"),
    "line_new_business": ("New business", "Nuevo negocio", "新业务收入"),
    "line_meetings": (
        "Qualified meetings for AEs",
        "Reuniones cualificadas para AE",
        "为 AE 安排的合格会议",
    ),
    "line_base_revenue": (
        "Current revenue looked after",
        "Ingresos actuales atendidos",
        "现有收入维护",
    ),
    "line_expansion": ("Expansion", "Expansión", "扩展收入"),
    "section_cost": ("Cost", "Coste", "成本"),
    "total_cost": ("Cost this fiscal year", "Coste en el año fiscal", "本财年成本"),
    "cost_share": ("Cost share of the goal", "Coste sobre el objetivo", "成本占目标比例"),
    "cac": (
        "CAC: (sales + marketing cost) / new customers",
        "CAC: (coste de ventas + marketing) / clientes nuevos",
        "获客成本：（销售 + 市场成本）/ 新客户",
    ),
    "cro_cost": ("CRO cost", "Coste del CRO", "CRO 成本"),
    "cro_uplift_rate": (
        "CRO revenue uplift (share of the goal)",
        "Aumento de ingresos por el CRO (parte del objetivo)",
        "CRO 带来的收入提升（占目标比例）",
    ),
    "cro_uplift_revenue": (
        "CRO revenue uplift",
        "Aumento de ingresos por el CRO",
        "CRO 带来的收入提升",
    ),
    "cro_net_benefit": ("CRO net benefit", "Beneficio neto del CRO", "CRO 净收益"),
    "meeting_to_win": ("Meeting-to-win rate", "Tasa de reunión a cierre", "会议成交率"),
    "ae_share": (
        "Share of new business closed by AEs",
        "Parte del negocio cerrada por AE",
        "由 AE 成交的新业务占比",
    ),
    "aes_per_sdr": (
        "AEs per meeting setter (SDR, BDR)",
        "AE por generador de reuniones (SDR, BDR)",
        "每位约会专员（SDR、BDR）对应的 AE",
    ),
    "chart_title": (
        "Target and capacity per department",
        "Objetivo y capacidad por departamento",
        "各部门目标与产能",
    ),
    # Printing: the page header and footer of every sheet (header-footer code: "&P" the page,
    # "&N" the page count)
    "print_scenario": ("Scenario: {}", "Escenario: {}", "情景：{}"),
    "print_exported": ("Exported {}", "Exportado el {}", "导出日期：{}"),
    "print_page": ("Page &P of &N", "Página &P de &N", "第 &P 页，共 &N 页"),
    # Hiring plan
    "hiring_title": ("Hiring plan", "Plan de contratación", "招聘计划"),
    "year": ("Year", "Año", "全年"),
    "block_heads": ("Heads in seat", "Personas en el puesto", "在岗人数"),
    "block_cost": ("Cost", "Coste", "成本"),
    "block_starts": ("Open positions starting", "Vacantes que se incorporan", "空缺职位入职人数"),
    "block_role_cost": ("Cost by role", "Coste por rol", "按角色成本"),
    "block_role_heads": (
        "Heads in seat by role",
        "Personas en el puesto por rol",
        "按角色在岗人数",
    ),
    "block_role_capacity": (
        "Capacity by role (ramped, in the role's unit)",
        "Capacidad por rol (con rampa, en la unidad del rol)",
        "按角色产能（含爬坡，按角色单位）",
    ),
    # Year plan
    "year_title": ("Year plan", "Plan del año", "年度计划"),
    "measure": ("Figure", "Cifra", "指标"),
    "section_seasonality": (
        "Seasonality of bookings (edit the shaded cells; they add up to 100 %)",
        "Estacionalidad de las ventas (edita las celdas sombreadas; suman el 100 %)",
        "签约季节性（可编辑底色单元格，合计 100%）",
    ),
    "weight": ("Weight", "Peso", "权重"),
    "share_so_far": ("Share of the year so far", "Parte del año acumulada", "截至当月的全年占比"),
    "section_kind_months": (
        "Capacity by kind, month by month (the kind's unit, leavers counted)",
        "Capacidad por tipo, mes a mes (en la unidad del tipo, con bajas)",
        "按产能类型逐月产能（按类型单位，已计离职）",
    ),
    "section_year_months": (
        "Target and capacity month by month",
        "Objetivo y capacidad mes a mes",
        "逐月目标与产能",
    ),
    "target_so_far": ("Target so far", "Objetivo acumulado", "累计目标"),
    "capacity_so_far": ("Capacity so far", "Capacidad acumulada", "累计产能"),
    "behind": ("First month behind", "Primer mes por detrás", "首个落后月份"),
    "section_quarters": ("Quarters", "Trimestres", "季度"),
    "section_attrition": (
        "Attrition: expected leavers and backfills",
        "Rotación: bajas esperadas y reposiciones",
        "人员流失：预计离职与补员",
    ),
    "backfills": ("Backfills", "Reposiciones", "补员人数"),
    "section_revenue": (
        "Quota coverage, pipeline, ARR and customer lifetime value",
        "Cobertura de cuota, pipeline, ARR y valor de vida del cliente",
        "配额覆盖率、销售管道、ARR 与客户生命周期价值",
    ),
    "quota_assigned": (
        "Quota assigned, before attainment",
        "Cuota asignada, sin cumplimiento",
        "已分配配额（未计达成率）",
    ),
    "quota_coverage": ("Quota coverage", "Cobertura de cuota", "配额覆盖率"),
    "usual_low": ("Usual range from", "Rango habitual desde", "常见范围下限"),
    "usual_high": ("Usual range to", "Rango habitual hasta", "常见范围上限"),
    "quota_check": ("Quota check", "Comprobación de cuota", "配额检查"),
    "check_none": ("No new-business target", "Sin objetivo de nuevo negocio", "无新业务目标"),
    "check_below_target": (
        "Below the target: not even the target is assigned",
        "Por debajo del objetivo: ni siquiera se asigna el objetivo",
        "低于目标：连目标都未分配完",
    ),
    "check_under_range": (
        "Under the usual range: no room for reps who miss",
        "Por debajo del rango habitual: sin margen para quien no cumpla",
        "低于常见范围：没有为未达成的销售留余量",
    ),
    "check_in_range": ("In the usual range", "En el rango habitual", "在常见范围内"),
    "check_over_range": (
        "Over the usual range: quotas may look out of reach",
        "Por encima del rango habitual: las cuotas pueden parecer inalcanzables",
        "高于常见范围：配额可能显得难以达成",
    ),
    "pipeline_needed": ("Pipeline needed", "Pipeline necesario", "所需销售管道"),
    "arr_start": ("ARR at the start", "ARR al inicio", "期初 ARR"),
    "arr_churned": ("Churned", "Perdido por bajas de clientes", "流失"),
    "arr_expansion": ("Expansion", "Expansión", "扩展收入"),
    "arr_new": ("New business", "Nuevo negocio", "新业务收入"),
    "arr_end": ("ARR at the end", "ARR al final", "期末 ARR"),
    "churn_rate": ("Churn rate", "Tasa de abandono", "流失率"),
    "gross_margin": ("Gross margin", "Margen bruto", "毛利率"),
    "clv": (
        "Customer lifetime value: deal × margin / churn",
        "Valor de vida del cliente: operación × margen / abandono",
        "客户生命周期价值：单笔金额 × 毛利率 / 流失率",
    ),
    # Lists
    "department_key": ("Department key", "Clave de departamento", "部门代码"),
    "capacity_kinds": ("Capacity kinds", "Tipos de capacidad", "产能类型"),
}
LANGUAGE_INDEX = {"en": 0, "es": 1, "zh": 2}


def label(key: str, language: str = "en") -> str:
    return LABELS[key][LANGUAGE_INDEX.get(language, 0)]


def heading_keys(columns: tuple[Column, ...]) -> dict[str, str]:
    """Every known heading (any language, folded) and every column key -> column key."""
    found: dict[str, str] = {}
    for column in columns:
        found[fold(column.key)] = column.key
        for text in LABELS[column.key]:
            found.setdefault(fold(text), column.key)
    return found


def fold(text: str) -> str:
    return " ".join(text.split()).casefold()
