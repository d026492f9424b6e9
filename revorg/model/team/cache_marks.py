"""What a cached copy of a team plan must find unchanged on the server besides the log.

A cached copy (revorg.model.team.cache) is brought up to the server's plan with the log's steps
after its version. That holds only if every change of the plan's rows came with a step: RevOrg
writes rows and their step in one transaction (revorg.model.team.sending), but an editor's
`UPDATE` with psql moves no version. Revision 0006 therefore gives every table of a plan a
statement-level trigger: a statement of a transaction that adds no step to the log leaves a
row in the plan's `outside_writes` table (the transaction, who, when, which table). When the
same transaction adds a step, the step's trigger removes that row and marks the transaction
(a transaction-local setting) so that its later statements leave none: the order in which the
triggers of one statement run (the step, its changes and the chain's head are one statement)
is not defined, and either order ends with no row. Rows are only ever added by other
transactions, so their count and newest transaction id say whether anything happened outside
RevOrg since the copy was made.

The triggers guard only while they exist and are enabled, and a table rewritten by DDL
(`ALTER COLUMN ... USING`) fires none: the mark therefore also covers the plan's tables as the
catalogue has them (columns, storage file, the trigger and its function), so a changed table
drops the cache too. Not seen: an owner who disables the trigger, writes, and enables it again,
or a superuser writing with `session_replication_role = replica` (docs/team-plans.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from revorg.model.team.storage import plan_tables

if TYPE_CHECKING:
    import psycopg

OUTSIDE_WRITES = "outside_writes"
_TRIGGER = "note_outside_write"
# Set for the rest of a transaction once it added a step to the log (local to the transaction).
_LOGGED_SETTING = "revorg.step_logged"


def outside_write_statements(schema: str) -> list[str]:
    """The table, its trigger function and one trigger per plan table, for a plan's schema
    (publishing, after the copy; revision 0006 for the plans published before). Idempotent."""
    writes = f'"{schema}".{OUTSIDE_WRITES}'
    function = f'"{schema}".{_TRIGGER}'
    statements = [
        f"CREATE TABLE IF NOT EXISTS {writes} (txid BIGINT PRIMARY KEY, "
        "at TIMESTAMPTZ NOT NULL DEFAULT now(), login TEXT NOT NULL DEFAULT session_user, "
        "table_name TEXT NOT NULL)",
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF TG_TABLE_NAME = 'history_steps' AND TG_OP = 'INSERT' THEN "
        f"PERFORM set_config('{_LOGGED_SETTING}', 'yes', true); "
        f"DELETE FROM {writes} WHERE txid = txid_current(); "
        f"ELSIF current_setting('{_LOGGED_SETTING}', true) IS DISTINCT FROM 'yes' THEN "
        f"INSERT INTO {writes} (txid, table_name) VALUES (txid_current(), TG_TABLE_NAME) "
        "ON CONFLICT (txid) DO NOTHING; "
        "END IF; RETURN NULL; END $$",
    ]
    for table in plan_tables():
        qualified = f'"{schema}"."{table.name}"'
        statements += [
            f"DROP TRIGGER IF EXISTS {_TRIGGER} ON {qualified}",
            f"CREATE TRIGGER {_TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "
            f"{qualified} FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
        ]
    return statements


_TABLES = (
    "SELECT bool_and(c.relname = %s OR coalesce(t.tgenabled IN ('O', 'A'), false)), "
    "bool_or(c.relname = %s), "
    "md5(string_agg(concat_ws(':', c.relname, c.relfilenode, t.tgenabled, "
    "(SELECT md5(p.prosrc) FROM pg_proc p WHERE p.oid = t.tgfoid), "
    "(SELECT string_agg(concat_ws(' ', a.attname, a.atttypid, a.attnotnull), ',' "
    "ORDER BY a.attnum) FROM pg_attribute a "
    "WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)), "
    "';' ORDER BY c.relname)) "
    "FROM pg_class c LEFT JOIN pg_trigger t ON t.tgrelid = c.oid AND t.tgname = %s "
    "WHERE c.relnamespace = to_regnamespace(%s) AND c.relkind = 'r'"
)


class ServerMarks:
    """The plan's outside writes and tables as one text, asked for in the caller's snapshot
    (in its pipeline: `result` reads the answer). `writes_table` says whether the table of
    outside writes exists (opening.PlanFacts): without it nothing is asked."""

    def __init__(self, driver: psycopg.Connection[Any], schema: str, writes_table: bool) -> None:
        self._tables = self._writes = None
        if writes_table:
            self._tables, self._writes = driver.cursor(), driver.cursor()
            self._tables.execute(_TABLES, (OUTSIDE_WRITES, OUTSIDE_WRITES, _TRIGGER, f'"{schema}"'))
            self._writes.execute(
                f'SELECT count(*), coalesce(max(txid), 0) FROM "{schema}".{OUTSIDE_WRITES}'
            )

    def result(self) -> str | None:
        """The marks; None when a table's trigger, or the table of outside writes, is missing
        or disabled (then no cached copy can be trusted)."""
        if self._tables is None or self._writes is None:
            return None
        tables, writes = self._tables.fetchone(), self._writes.fetchone()
        if tables is None or not tables[0] or not tables[1] or writes is None:
            return None
        return f"{writes[0]}/{writes[1]}|{tables[2]}"
