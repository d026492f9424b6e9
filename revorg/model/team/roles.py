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


def plan_member_sql(role: PlanRole, plan_id: str) -> str:
    """SQL that is true when the user is a member of the `role` (or a role above it) of the
    plan whose id is the column `plan_id`; false, not an error, when that role was dropped by
    hand (to_regrole gives NULL). Row-level security's one test: the registry, presence,
    images."""
    name = (
        "'revorg_d' || (SELECT oid FROM pg_database WHERE datname = current_database())::text "
        f"|| '_p' || {plan_id}::text || '_{role.value}'"
    )
    return (
        f"CASE WHEN to_regrole({name}) IS NULL THEN false "
        f"ELSE pg_has_role(current_user, to_regrole({name}), 'MEMBER') END"
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
        f"CREATE POLICY plans_of_members ON {plans} FOR SELECT "
        f"USING ({plan_member_sql(PlanRole.VIEWER, 'id')})",
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
                    "SELECT DISTINCT m.rolname FROM pg_auth_members a "
                    "JOIN pg_roles m ON m.oid = a.member WHERE a.roleid = to_regrole(:name)"
                ),
                {"name": name},
            ):
                statements += revoke_statements(connection, name, str(member))
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
    """The user who publishes a plan becomes its owner (with the right to name other owners).
    ADMIN OPTION only when the user lacks it: a superuser has it anyway (and on PostgreSQL 16
    the grants it gives would depend on it, so it could never leave the plan's owners); on 16,
    a CREATEROLE user holds it on the roles it created and may not grant it to itself again."""
    owner = PlanRoles(database_oid(connection), plan_id).name(PlanRole.OWNER)
    has_admin = connection.execute(
        text(
            "SELECT rolsuper OR EXISTS (SELECT 1 FROM pg_auth_members WHERE admin_option "
            "AND roleid = to_regrole(:owner) AND member = pg_roles.oid) "
            "FROM pg_roles WHERE rolname = current_user"
        ),
        {"owner": owner},
    ).scalar_one()
    admin = "" if has_admin else " WITH ADMIN OPTION"
    connection.exec_driver_sql(f"GRANT {owner} TO CURRENT_USER{admin}")


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
    if role is PlanRole.OWNER:  # given by this user (only a holder of ADMIN OPTION on it may)
        given_by = " WITH ADMIN OPTION"
    elif grants_by_grantor(connection):  # given by the plan's owners: any owner may take it back
        given_by = f" GRANTED BY {roles.name(PlanRole.OWNER)}"
    else:
        given_by = ""
    connection.exec_driver_sql(f"GRANT {roles.name(role)} TO {quoted(connection, user)}{given_by}")


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
    if grants_by_grantor(connection):
        _check_may_take_away(connection, roles, user)
    for name in roles.all:
        run(connection, revoke_statements(connection, name, user))


def grants_by_grantor(connection: Connection) -> bool:
    """PostgreSQL 16 and later keep who gave each membership (one grant per giver) and let only
    the giver, a role with the giver's privileges or a superuser take it away: a plain REVOKE
    removes only the current user's own grant and merely warns about the others. Before 16,
    any holder of ADMIN OPTION took the one membership away."""
    return (connection.dialect.server_version_info or (0,)) >= (16,)


def revoke_statements(connection: Connection, role: str, user: str) -> list[str]:
    """The REVOKEs that take `user` out of `role` whoever gave the membership (none when not
    a member)."""
    givers = [
        str(giver)
        for giver in connection.execute(
            text(
                "SELECT g.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.grantor "
                "WHERE a.roleid = to_regrole(:role) "
                "AND a.member = (SELECT oid FROM pg_roles WHERE rolname = :user) ORDER BY 1"
            ),
            {"role": role, "user": user},
        ).scalars()
    ]
    statement = f"REVOKE {role} FROM {quoted(connection, user)}"
    if not grants_by_grantor(connection):
        return [statement] if givers else []
    return [f"{statement} GRANTED BY {quoted(connection, giver)}" for giver in givers]


def _check_may_take_away(connection: Connection, roles: PlanRoles, user: str) -> None:
    """PostgreSQL 16's rules as one line each, before anything is changed (the server would
    only say "permission denied" or "dependent privileges exist")."""
    parameters = {"roles": roles.all, "user": user}
    plan_role = "a.roleid IN (SELECT to_regrole(name) FROM unnest(CAST(:roles AS text[])) name)"
    the_user = "(SELECT oid FROM pg_roles WHERE rolname = :user)"
    # Grants the user gave with an ADMIN OPTION that would go: the server keeps them only
    # while their giver may give the role.
    gave = connection.execute(
        text(
            f"SELECT 1 FROM pg_auth_members a WHERE {plan_role} AND a.grantor = {the_user} "
            f"AND a.member <> {the_user} AND EXISTS (SELECT 1 FROM pg_auth_members held "
            f"WHERE held.roleid = a.roleid AND held.member = {the_user} AND held.admin_option)"
        ),
        parameters,
    ).first()
    if gave is not None:
        raise TeamPlanError(
            QT_TRANSLATE_NOOP(
                "TeamPlanError",
                "{user} made other owners of the plan: take their owner role away first "
                "(PostgreSQL 16 and later keep a role only while whoever gave it may give it)",
            ),
            user=repr(user),
        )
    giver = connection.execute(
        text(
            f"SELECT g.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.grantor "
            f"WHERE {plan_role} AND a.member = {the_user} "
            "AND NOT pg_has_role(current_user, a.grantor, 'USAGE') ORDER BY 1"
        ),
        parameters,
    ).scalar()
    if giver is not None:
        raise TeamPlanError(
            QT_TRANSLATE_NOOP(
                "TeamPlanError",
                "{user} was given the role by {giver}: on PostgreSQL 16 and later only "
                "{giver} or an administrator may take it away",
            ),
            user=repr(user),
            giver=repr(str(giver)),
        )


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
