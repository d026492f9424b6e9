"""The built-in role catalogue and departments (revorg/resources) and custom roles."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from revorg.model.catalogue import (
    CAPACITY_KINDS,
    FUNNEL_STAGES,
    capacity_roles,
    default_assumptions,
    department_specs,
    non_revenue_departments,
    role_spec,
    role_specs,
    translated_source,
)
from revorg.model.document import PlanDocument
from revorg.model.entities import LANGUAGES, Department, Position, RoleType
from revorg.model.vocabulary import CapacityKind, Metric

DEPARTMENT_KEYS = ["executive", "marketing", "sales", "customer_success", "revops", "outside"]

# The catalogue of DOMAIN.md, in palette order, with each role's department.
ROLE_DEPARTMENTS = {
    "cro": "executive",
    "vp_marketing": "marketing",
    "content_creator": "marketing",
    "seo_specialist": "marketing",
    "acquisition_specialist": "marketing",
    "vp_sales": "sales",
    "sales_manager": "sales",
    "sdr_manager": "sales",
    "sdr": "sales",
    "bdr": "sales",
    "appointment_setter": "sales",
    "ae": "sales",
    "inside_sales": "sales",
    "presales": "sales",
    "account_manager": "customer_success",  # or sales (DOMAIN.md); the catalogue puts it in CS
    "vp_customer_success": "customer_success",
    "technical_onboarder": "customer_success",
    "csm": "customer_success",
    "support": "customer_success",
    "sales_ops": "revops",
    "sales_enablement": "revops",
    "revops_lead": "revops",
    "tech_enablement": "revops",
    "data_analyst": "revops",
    "revops_pm": "revops",
    "outside_revenue": "outside",  # people a roster brings from outside the revenue organisation
    # Staff of a manager (issue 19): drawn beside it; the CRO's office, and RevOps's deal desk.
    "executive_assistant": "executive",
    "chief_of_staff": "executive",
    "deal_desk": "revops",
}


def test_the_catalogue_has_the_25_roles_outside_revenue_and_the_staff_roles_in_order() -> None:
    assert [spec.key for spec in role_specs()] == list(ROLE_DEPARTMENTS)


@pytest.mark.parametrize("key", list(ROLE_DEPARTMENTS))
def test_each_role_is_complete_in_three_languages(key: str) -> None:
    spec = role_spec(key)
    assert spec.department == ROLE_DEPARTMENTS[key]
    assert spec.capacity_kind in CAPACITY_KINDS
    assert spec.funnel_stage in FUNNEL_STAGES
    # Outside revenue costs nothing unless the roster says: it is no revenue cost anyway.
    assert spec.default_annual_cost > 0 or spec.department in non_revenue_departments()
    for language in LANGUAGES:
        assert spec.names[language].strip(), f"{key} has no {language} name"
        assert spec.shorts[language].strip(), f"{key} has no {language} short name"
        assert spec.descriptions[language].strip(), f"{key} has no {language} description"
    # Spanish and Chinese are translations, not copies of the English description.
    assert spec.descriptions["es"] != spec.descriptions["en"]
    assert spec.descriptions["zh"] != spec.descriptions["en"]


def test_role_names_are_unique_per_language() -> None:
    for language in LANGUAGES:
        names = [spec.names[language] for spec in role_specs()]
        assert len(set(names)) == len(names), language


def test_leaders_and_capacities_follow_the_domain() -> None:
    assert role_spec("cro").is_leader
    assert role_spec("vp_sales").is_leader
    assert not role_spec("sdr").is_leader
    assert role_spec("ae").capacity_kind == "quota"
    assert role_spec("sdr").capacity_kind == "meetings"
    assert role_spec("csm").capacity_kind == "book_of_business"


def test_which_role_carries_which_capacity_is_catalogue_data() -> None:
    roles = capacity_roles()
    # One usual hire per kind of capacity, of that kind (seed 000's SDR/AE split by default).
    assert roles.default_hire == {
        CapacityKind.LEADS: "acquisition_specialist",
        CapacityKind.MEETINGS: "sdr",
        CapacityKind.QUOTA: "ae",
        CapacityKind.EXPANSION_QUOTA: "account_manager",
        CapacityKind.BOOK_OF_BUSINESS: "csm",
    }
    for kind, key in roles.default_hire.items():
        assert role_spec(key).capacity_kind == kind
    # AEs close the meetings SDRs book; inside sales reps run the whole cycle (seed 000).
    assert roles.booked_closers == ("ae",)
    assert roles.own_pipeline_closers == ("inside_sales",)
    for key in roles.booked_closers + roles.own_pipeline_closers:
        assert role_spec(key).capacity_kind == CapacityKind.QUOTA


def test_kinds_and_metrics_are_the_words_stored_in_files() -> None:
    assert CAPACITY_KINDS == (
        "quota", "expansion_quota", "book_of_business", "meetings", "leads", "none"
    )  # fmt: skip
    assert {spec.capacity_kind for spec in role_specs()} <= set(CapacityKind)
    assert {spec.metric for spec in default_assumptions()} == set(Metric)


def test_unknown_role_key() -> None:
    with pytest.raises(KeyError):
        role_spec("astronaut")


def test_five_revenue_departments_and_outside_revenue() -> None:
    specs = department_specs()
    assert [spec.key for spec in specs] == DEPARTMENT_KEYS
    for spec in specs:
        assert re.fullmatch(r"#[0-9A-Fa-f]{6}", spec.color)
        for language in LANGUAGES:
            assert spec.names[language].strip()
            assert spec.descriptions[language].strip()
    assert len({spec.color for spec in specs}) == 6  # departments are told apart by colour
    assert non_revenue_departments() == {"outside"}


def test_a_new_plan_carries_the_whole_catalogue(demo_document: PlanDocument) -> None:
    session = demo_document.session
    departments = session.scalars(select(Department).order_by(Department.sort_order)).all()
    assert [d.key for d in departments] == DEPARTMENT_KEYS
    roles = session.scalars(select(RoleType).order_by(RoleType.sort_order)).all()
    assert [r.key for r in roles] == list(ROLE_DEPARTMENTS)
    assert not any(role.is_custom for role in roles)
    ae = session.get(RoleType, "ae")
    assert ae is not None
    assert ae.default_annual_cost == role_spec("ae").default_annual_cost
    assert ae.name("es") == role_spec("ae").names["es"]
    assert ae.name("fr") == ae.name("en")  # an unknown language falls back to English


def test_custom_role_is_saved_and_reopened(demo_document: PlanDocument, tmp_path: Path) -> None:
    session = demo_document.session
    session.add(
        RoleType(
            key="custom_partner_manager",
            department_key="sales",
            capacity_kind="none",
            is_custom=True,
            name_en="Partner Manager",
            name_es="Responsable de partners",
            description_en="Recruits and runs reseller partners.",
            default_annual_cost=Decimal("71234.56"),
            sort_order=100,
        )
    )
    session.add(
        Position(
            id=1000,
            scenario_id=demo_document.scenario().id,
            title="Partner Manager",
            role_key="custom_partner_manager",
            department_key="sales",
            manager_id=1,
            person_name="Nora Pardo",
            annual_cost=Decimal("71234.56"),
        )
    )
    path = tmp_path / "custom.revorg"
    demo_document.save_as(path)

    with PlanDocument.open(path, for_editing=False) as reopened:
        role = reopened.session.get(RoleType, "custom_partner_manager")
        assert role is not None
        assert role.is_custom
        assert role.name("es") == "Responsable de partners"
        assert role.name("zh") == "Partner Manager"  # no Chinese name: English
        assert role.default_annual_cost == Decimal("71234.56")
        position = reopened.session.get(Position, 1000)
        assert position is not None
        assert position.role.key == "custom_partner_manager"
        assert position.role.department_key == "sales"


def test_every_default_assumption_source_is_translated() -> None:
    for spec in default_assumptions():
        for language in ("es", "zh"):
            assert translated_source(spec.source, language) != spec.source
        assert translated_source(spec.source, "en") == spec.source
    assert translated_source("Our own research", "es") == "Our own research"
