"""Roles the catalogue gained after a plan was made reach that plan when it is opened for editing.

Each plan carries its own copy of the catalogue (made with the plan, so that a plan reads the
same everywhere). A role added to the catalogue later would never appear in the role palette of
older plans; opening for editing adds it, as a new plan would get it.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from revorg.model.catalogue import (
    assumption_entities,
    department_entities,
    role_entities,
    role_specs,
)
from revorg.model.entities import Department, RoleType, Scenario


def add_missing_catalogue_roles(session: Session) -> list[str]:
    """Add the catalogue roles the plan lacks (by key), with their department if the plan lacks
    it too, and their default assumptions in every scenario; return their keys.

    A role the plan has is left as it is, customised or not. Roles without positions change no
    number of the plan: its sums run over positions.
    """
    in_plan = set(session.scalars(select(RoleType.key)))
    # Most plans lack nothing: compare keys before making any entity (this runs on every open).
    if all(spec.key in in_plan for spec in role_specs()):
        return []
    roles = [role for role in role_entities() if role.key not in in_plan]
    departments = set(session.scalars(select(Department.key)))
    needed = {role.department_key for role in roles} - departments
    session.add_all(department for department in department_entities() if department.key in needed)
    session.add_all(roles)
    keys = {role.key for role in roles}
    for scenario in session.scalars(select(Scenario)):
        present = {(item.role_key, item.metric) for item in scenario.assumptions}
        scenario.assumptions.extend(
            item
            for item in assumption_entities()
            if item.role_key in keys and (item.role_key, item.metric) not in present
        )
    session.flush()
    return sorted(keys)
