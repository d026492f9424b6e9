"""Who may do what on a team plan, enforced by the server: owner, editor, viewer.

Each plan has three NOLOGIN roles; a user is made a member of one of them. The server's own
privileges do the refusing, so a viewer who connects with psql meets the same refusal as in
RevOrg:

- viewer: USAGE on the plan's schema, SELECT on its tables except the salary columns (column
  privileges on positions and role_types), and the change log through `history_changes_shared`,
  a view that gives every entry with salary amounts replaced by null (the table itself is not
  granted). `SELECT *` or `SELECT annual_cost` is "permission denied".
- editor: the viewer's rights (it is a member of viewer), the salaries, and INSERT, UPDATE,
  DELETE on the plan's tables, the log included.
- owner: the editor's rights, and the right to grant and revoke the three roles (ADMIN OPTION).

Roles are global to a PostgreSQL cluster while plan ids are per database, so a role's name
carries the database's oid: `revorg_d16384_p1_owner`. User names given to `grant` are quoted
as identifiers (never pasted into SQL) and looked up as bound parameters first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from sqlalchemy import Connection, text

from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.team.address import TeamPlanAddress
from revorg.model.team.errors import TeamPlanError
from revorg.model.team.salaries import (
    SALARY_COLUMNS,
    SALARY_FIELDS,
    SALARY_IN_ROW,
    SALARY_IN_ROW_REPLACEMENT,
)
from revorg.model.team.storage import REGISTRY_SCHEMA, VERSION_TABLE

SHARED_LOG_VIEW = "history_changes_shared"
T = TypeVar("T")


class PlanRole(StrEnum):
    OWNER = "owner"
    EDITOR = "editor"
    VIEWER = "viewer"


def database_oid(connection: Connection) -> int:
    return int(
        connection.execute(
            text("SELECT oid FROM pg_database WHERE datname = current_database()")
        ).scalar_one()
    )


@dataclass(frozen=True)
class PlanRoles:
    """The three roles of one plan: names made from numbers only, always plain identifiers."""

    database_oid: int
    plan_id: int

    def name(self, role: PlanRole) -> str:
        return f"revorg_d{int(self.database_oid)}_p{int(self.plan_id)}_{role.value}"

    @property
    def all(self) -> list[str]:
        return [self.name(role) for role in PlanRole]


def quoted(connection: Connection, name: str) -> str:
    """A user's name as an SQL identifier: always quoted, quotes doubled; the name is data."""
    return connection.dialect.identifier_preparer.quote_identifier(name)


# --- the registry: each user sees the plans they have a role on ---------------------------------

# The viewer role's name for a registry row, in SQL (the database's oid and the plan's id).
_VIEWER_OF_ROW = (
    "'revorg_d' || (SELECT oid FROM pg_database WHERE datname = current_database())::text "
    "|| '_p' || id::text || '_viewer'"
)


def run(connection: Connection, statements: list[str]) -> None:
    """DDL as written: SQLAlchemy's text() would read `:null` inside a literal as a parameter."""
    for statement in statements:
        connection.exec_driver_sql(statement)


def registry_statements() -> list[str]:
    """Row-level security on the registry: `SELECT * FROM revorg.plans` lists only the plans
    whose viewer role (or a role above it) the user has; a role dropped by hand hides its
    plan instead of failing the query (to_regrole gives NULL)."""
    plans = f'"{REGISTRY_SCHEMA}".plans'
    return [
        f'GRANT USAGE ON SCHEMA "{REGISTRY_SCHEMA}" TO PUBLIC',
        f'GRANT SELECT ON "{REGISTRY_SCHEMA}"."{VERSION_TABLE}" TO PUBLIC',
        f"GRANT SELECT ON {plans} TO PUBLIC",
        f"ALTER TABLE {plans} ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY plans_of_members ON {plans} FOR SELECT USING (CASE WHEN "
        f"to_regrole({_VIEWER_OF_ROW}) IS NULL THEN false ELSE "
        f"pg_has_role(current_user, to_regrole({_VIEWER_OF_ROW}), 'MEMBER') END)",
        # Publishing is gated by the rights to create schemas and roles, not by this table.
        f"CREATE POLICY plans_published ON {plans} FOR INSERT WITH CHECK (true)",
    ]


# --- a plan's roles and grants ------------------------------------------------------------------


def plan_role_statements(connection: Connection, plan_id: int, schema: str) -> list[str]:
    """The roles of a plan and their rights on its schema (run when it is published, and by
    revision 0003 for the plans published before). A role left by a plan removed by hand is
    reused with its members removed: nobody inherits a plan they were not given."""
    roles = PlanRoles(database_oid(connection), plan_id)
    owner, editor, viewer = (roles.name(role) for role in PlanRole)
    statements: list[str] = []
    for name in roles.all:
        exists = connection.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name}
        ).first()
        if exists is None:
            statements.append(f"CREATE ROLE {name} NOLOGIN")
        else:
            for (member,) in connection.execute(
                text(
                    "SELECT m.rolname FROM pg_auth_members a JOIN pg_roles m ON m.oid = a.member "
                    "WHERE a.roleid = to_regrole(:name)"
                ),
                {"name": name},
            ):
                statements.append(f"REVOKE {name} FROM {quoted(connection, str(member))}")
    statements += [
        f"GRANT {viewer} TO {editor}",
        f"GRANT {editor} TO {owner} WITH ADMIN OPTION",
        f"GRANT {viewer} TO {owner} WITH ADMIN OPTION",
    ]
    return statements + plan_grant_statements(connection, plan_id, schema)


def plan_grant_statements(connection: Connection, plan_id: int, schema: str) -> list[str]:
    """The viewer's and editor's rights on the plan's tables as the server has them now (read
    from the catalogue, not from the program's metadata). Idempotent: a later revision that adds
    a table or a column runs these again for every plan (storage.plan_schemas), since a viewer's
    column privileges on positions and role_types do not cover a column added after them."""
    roles = PlanRoles(database_oid(connection), plan_id)
    editor, viewer = roles.name(PlanRole.EDITOR), roles.name(PlanRole.VIEWER)
    columns: dict[str, list[str]] = {}
    for table, column in connection.execute(
        text(
            "SELECT c.relname, a.attname FROM pg_attribute a "
            "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = :schema AND c.relkind IN ('r', 'p') AND a.attnum > 0 "
            "AND NOT a.attisdropped ORDER BY c.relname, a.attnum"
        ),
        {"schema": schema},
    ):
        columns.setdefault(str(table), []).append(str(column))
    statements = [f'GRANT USAGE ON SCHEMA "{schema}" TO {viewer}']
    for table, names in columns.items():
        qualified = f'"{schema}"."{table}"'
        salary = SALARY_COLUMNS.get(table)
        if salary is not None:
            readable = ", ".join(f'"{name}"' for name in names if name != salary)
            statements.append(f"GRANT SELECT ({readable}) ON {qualified} TO {viewer}")
        elif table != "history_changes":
            statements.append(f"GRANT SELECT ON {qualified} TO {viewer}")
        statements.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {qualified} TO {editor}")
    statements += [
        f'GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA "{schema}" TO {editor}',
        *shared_log_statements(schema, viewer),
    ]
    return statements


def regrant_all(connection: Connection) -> None:
    """plan_grant_statements for every plan of the registry: the last step of a revision that
    adds a table or a column to the plans' tables."""
    rows = connection.execute(
        text(f'SELECT id, schema_name FROM "{REGISTRY_SCHEMA}".plans ORDER BY id')
    ).all()
    for plan_id, schema in rows:
        run(connection, plan_grant_statements(connection, int(plan_id), str(schema)))


def shared_log_statements(schema: str, viewer: str) -> list[str]:
    """The change log as a viewer reads it: every entry, salary amounts replaced by null. A
    view (it reads the table with its owner's rights) rather than row-level security, which
    could only hide a salary entry whole: the history would then not say a cost changed."""
    fields = ", ".join(f"'{field}'" for field in SALARY_FIELDS)

    def hidden(column: str) -> str:
        return (
            f"CASE WHEN field IN ({fields}) THEN 'null' WHEN field = '*' THEN "
            f"regexp_replace({column}, '{SALARY_IN_ROW}', '{SALARY_IN_ROW_REPLACEMENT}', 'g') "
            f"ELSE {column} END"
        )

    view = f'"{schema}".{SHARED_LOG_VIEW}'
    return [
        f"CREATE OR REPLACE VIEW {view} AS SELECT id, step_id, scenario_id, record, record_id, "
        f'field, {hidden("old")} AS old, {hidden("new")} AS new FROM "{schema}".history_changes',
        f"GRANT SELECT ON {view} TO {viewer}",
    ]


def make_publisher_owner(connection: Connection, plan_id: int) -> None:
    """The user who publishes a plan becomes its owner (with the right to name other owners)."""
    owner = PlanRoles(database_oid(connection), plan_id).name(PlanRole.OWNER)
    connection.exec_driver_sql(f"GRANT {owner} TO CURRENT_USER WITH ADMIN OPTION")


# --- what the connected user may do -------------------------------------------------------------


def may_read_salaries(connection: Connection, schema: str) -> bool:
    column = next(iter(SALARY_COLUMNS.items()))
    return bool(
        connection.execute(
            text("SELECT has_column_privilege(:table, :column, 'SELECT')"),
            {"table": f'"{schema}"."{column[0]}"', "column": column[1]},
        ).scalar_one()
    )


def is_owner(connection: Connection, roles: PlanRoles) -> bool:
    return bool(
        connection.execute(
            text(
                "SELECT rolsuper OR pg_has_role(current_user, to_regrole(:owner), 'MEMBER') "
                "FROM pg_roles WHERE rolname = current_user"
            ),
            {"owner": roles.name(PlanRole.OWNER)},
        ).scalar_one()
    )


@dataclass(frozen=True)
class Member:
    user: str
    role: PlanRole


def members(connection: Connection, roles: PlanRoles) -> list[Member]:
    """The users given a role on the plan, the highest role each has, sorted by name."""
    rows = connection.execute(
        text(
            "SELECT m.rolname, r.rolname FROM pg_auth_members a "
            "JOIN pg_roles r ON r.oid = a.roleid JOIN pg_roles m ON m.oid = a.member "
            "WHERE r.rolname = ANY(:roles) AND NOT m.rolname = ANY(:roles)"
        ),
        {"roles": roles.all},
    ).all()
    rank = {roles.name(role): index for index, role in enumerate(PlanRole)}
    best: dict[str, int] = {}
    for user, role_name in rows:
        best[str(user)] = min(best.get(str(user), len(rank)), rank[str(role_name)])
    order = list(PlanRole)
    return [Member(user, order[index]) for user, index in sorted(best.items())]


def grant(connection: Connection, roles: PlanRoles, user: str, role: PlanRole) -> None:
    """Give `user` exactly `role` on the plan (a role they had before is taken away)."""
    _check_user(connection, roles, user)
    revoke(connection, roles, user, keep_an_owner=role is PlanRole.OWNER)
    admin = " WITH ADMIN OPTION" if role is PlanRole.OWNER else ""
    connection.exec_driver_sql(f"GRANT {roles.name(role)} TO {quoted(connection, user)}{admin}")


def revoke(
    connection: Connection, roles: PlanRoles, user: str, *, keep_an_owner: bool = False
) -> None:
    """Take away the user's role on the plan; the last owner is not taken away."""
    _check_user(connection, roles, user)
    owners = [m.user for m in members(connection, roles) if m.role is PlanRole.OWNER]
    if owners == [user] and not keep_an_owner:
        raise TeamPlanError(
            QT_TRANSLATE_NOOP(
                "TeamPlanError",
                "{user} is the plan's only owner: make someone else owner first",
            ),
            user=repr(user),
        )
    for name in roles.all:
        granted = connection.execute(
            text(
                "SELECT 1 FROM pg_auth_members WHERE roleid = to_regrole(:role) "
                "AND member = (SELECT oid FROM pg_roles WHERE rolname = :user)"
            ),
            {"role": name, "user": user},
        ).first()
        if granted is not None:
            connection.exec_driver_sql(f"REVOKE {name} FROM {quoted(connection, user)}")


def _check_user(connection: Connection, roles: PlanRoles, user: str) -> None:
    if user in roles.all:
        raise TeamPlanError(
            QT_TRANSLATE_NOOP("TeamPlanError", "{user} is one of the plan's roles, not a user"),
            user=repr(user),
        )
    found = connection.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :user"), {"user": user}
    ).first()
    if found is None:
        raise TeamPlanError(
            QT_TRANSLATE_NOOP(
                "TeamPlanError",
                "no user {user} on the server (an administrator creates users: CREATE ROLE "
                "... LOGIN)",
            ),
            user=repr(user),
        )


def no_such_plan(address: TeamPlanAddress) -> TeamPlanError:
    """No plan of that name, or none the user has a role on: the registry shows a user only
    their plans, so the two are one answer (a plan's existence is not told to outsiders)."""
    return TeamPlanError(
        QT_TRANSLATE_NOOP(
            "TeamPlanError",
            "no plan {plan} on {server} for user {user} (an owner of a plan gives access to it: "
            "revorg team grant)",
        ),
        plan=repr(address.plan),
        server=address.server,
        user=address.login,
    )


def not_owner(address: TeamPlanAddress) -> TeamPlanError:
    return TeamPlanError(
        QT_TRANSLATE_NOOP(
            "TeamPlanError", "permission denied: only an owner of plan {plan} may change its roles"
        ),
        plan=repr(address.plan),
    )


# --- the commands: one transaction each, refused as one line --------------------------------------


def _on_plan(
    address: TeamPlanAddress, change: bool, action: Callable[[Connection, PlanRoles], T]
) -> T:
    """Run `action` on the plan's roles in one transaction; `change`: only an owner may."""
    from revorg.model.team.schema import check_server_revision
    from revorg.model.team.server import engine_for, server_errors

    engine = engine_for(address)
    try:
        with server_errors(address), engine.begin() as connection:
            check_server_revision(connection, address)
            plan_id = connection.execute(
                text(f'SELECT id FROM "{REGISTRY_SCHEMA}".plans WHERE name = :name'),
                {"name": address.plan},
            ).scalar()
            if plan_id is None:
                raise no_such_plan(address)
            roles = PlanRoles(database_oid(connection), int(plan_id))
            if change and not is_owner(connection, roles):
                raise not_owner(address)
            return action(connection, roles)
    finally:
        engine.dispose()


def grant_role(address: TeamPlanAddress, user: str, role: PlanRole) -> None:
    _on_plan(address, True, lambda connection, roles: grant(connection, roles, user, role))


def revoke_role(address: TeamPlanAddress, user: str) -> None:
    _on_plan(address, True, lambda connection, roles: revoke(connection, roles, user))


def plan_members(address: TeamPlanAddress) -> list[Member]:
    return _on_plan(address, False, members)
