"""Who has a team plan open, and which scenario they are on. No Qt.

Each open window has a row in the registry's `presence` table (revision 0004): its session (a
random id per window), the user's login and display name, the scenario on screen and when it
was last seen. The window announces itself when it opens and when the user switches scenario,
beats every HEARTBEAT_SECONDS (`last_seen = now()`), and removes its row when it closes. A
window that died without leaving is gone from the list STALE_SECONDS after its last beat (the
list reads only fresh rows; the next beat of anyone on the plan deletes the stale ones).

The server enforces who may do what (row-level security, as on the registry): a user sees the
rows of the plans they have a role on (viewers included: they announce themselves too), and
writes only rows under their own login. A row added or removed, or another scenario, is
announced on the plan's presence channel (live.presence_channel), so the others' lists change
at once; a beat alone announces nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from revorg.model.team.address import TeamPlanAddress
from revorg.model.team.roles import PlanRole, plan_member_sql
from revorg.model.team.server import explained
from revorg.model.team.storage import REGISTRY_SCHEMA

if TYPE_CHECKING:
    import psycopg

HEARTBEAT_SECONDS = 10
STALE_SECONDS = 30
PRESENCE = f'"{REGISTRY_SCHEMA}".presence'

# Whether the user is a member of the viewer role (or one above it) of the row's plan.
_MEMBER = plan_member_sql(PlanRole.VIEWER, "plan_id")


def presence_statements() -> list[str]:
    """The presence table, its rights, its policies and its notice (revision 0004)."""
    stale = f"last_seen < now() - interval '{STALE_SECONDS} seconds'"
    return [
        f"CREATE TABLE {PRESENCE} ("
        "session_id text PRIMARY KEY, "
        f'plan_id integer NOT NULL REFERENCES "{REGISTRY_SCHEMA}".plans (id) ON DELETE CASCADE, '
        "login text NOT NULL DEFAULT current_user, "
        "name text NOT NULL CHECK (length(name) <= 200), "
        "scenario_id bigint, "
        "scenario_name text CHECK (length(scenario_name) <= 200), "
        "last_seen timestamptz NOT NULL DEFAULT now())",
        f"CREATE INDEX presence_of_plan ON {PRESENCE} (plan_id)",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {PRESENCE} TO PUBLIC",
        f"ALTER TABLE {PRESENCE} ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY presence_seen ON {PRESENCE} FOR SELECT USING ({_MEMBER})",
        f"CREATE POLICY presence_announced ON {PRESENCE} FOR INSERT "
        f"WITH CHECK (login = current_user AND {_MEMBER})",
        f"CREATE POLICY presence_kept ON {PRESENCE} FOR UPDATE USING (login = current_user) "
        f"WITH CHECK (login = current_user AND {_MEMBER})",
        f"CREATE POLICY presence_left ON {PRESENCE} FOR DELETE "
        f"USING ({_MEMBER} AND (login = current_user OR {stale}))",
        f'CREATE FUNCTION "{REGISTRY_SCHEMA}".announce_presence() RETURNS trigger '
        "LANGUAGE plpgsql AS $$ BEGIN "
        "PERFORM pg_notify('revorg_presence_' || COALESCE(NEW.plan_id, OLD.plan_id)::text, "
        "COALESCE(NEW.session_id, OLD.session_id)); RETURN NULL; END $$",
        f"CREATE TRIGGER presence_changed AFTER INSERT OR DELETE OR UPDATE OF name, "
        f"scenario_id, scenario_name ON {PRESENCE} FOR EACH ROW EXECUTE FUNCTION "
        f'"{REGISTRY_SCHEMA}".announce_presence()',
    ]


@dataclass(frozen=True)
class Present:
    """One window that has the plan open."""

    session_id: str
    login: str
    name: str
    scenario_id: int | None
    scenario_name: str | None
    you: bool  # this window


class Presence:
    """This window's row in a plan's presence list, on a connection the caller keeps open
    (autocommit: each statement is its own transaction)."""

    def __init__(
        self,
        connection: psycopg.Connection[Any],
        address: TeamPlanAddress,
        plan_id: int,
        name: str,
    ) -> None:
        self.connection = connection
        self.address = address
        self.plan_id = plan_id
        self.name = (name.strip() or address.login)[:200]
        self.session_id = uuid.uuid4().hex
        self.scenario: tuple[int | None, str | None] = (None, None)

    def _run(self, sql: str, values: tuple[object, ...] = ()) -> Any:
        import psycopg

        try:
            return self.connection.execute(sql.replace("{presence}", PRESENCE), values)
        except psycopg.Error as error:
            raise explained(error, self.address) from None

    def announce(self, scenario_id: int | None, scenario_name: str | None) -> None:
        """Here, on this scenario (a new row, or this window's row told the new scenario)."""
        self.scenario = (scenario_id, None if scenario_name is None else scenario_name[:200])
        self._run(
            "INSERT INTO {presence} (session_id, plan_id, name, scenario_id, scenario_name) "
            "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (session_id) DO UPDATE SET "
            "name = EXCLUDED.name, scenario_id = EXCLUDED.scenario_id, "
            "scenario_name = EXCLUDED.scenario_name, last_seen = now()",
            (self.session_id, self.plan_id, self.name, *self.scenario),
        )

    def beat(self) -> None:
        """Still here; the plan's stale rows (windows that died) are removed. A row removed
        meanwhile (a beat missed for STALE_SECONDS: a laptop asleep) is announced again."""
        kept = self._run(
            "UPDATE {presence} SET last_seen = now() WHERE session_id = %s", (self.session_id,)
        )
        self._run(
            "DELETE FROM {presence} WHERE plan_id = %s "
            f"AND last_seen < now() - interval '{STALE_SECONDS} seconds'",
            (self.plan_id,),
        )
        if kept.rowcount == 0:
            self.announce(*self.scenario)

    def leave(self) -> None:
        self._run("DELETE FROM {presence} WHERE session_id = %s", (self.session_id,))

    def present(self) -> list[Present]:
        """The windows that have the plan open now (this one included), by name."""
        rows = self._run(
            "SELECT session_id, login, name, scenario_id, scenario_name FROM {presence} "
            f"WHERE plan_id = %s AND last_seen >= now() - interval '{STALE_SECONDS} seconds' "
            "ORDER BY lower(name), name, session_id",
            (self.plan_id,),
        ).fetchall()
        return [
            Present(
                str(row[0]),
                str(row[1]),
                str(row[2]),
                None if row[3] is None else int(row[3]),
                None if row[4] is None else str(row[4]),
                str(row[0]) == self.session_id,
            )
            for row in rows
        ]
