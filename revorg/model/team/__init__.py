"""Team plans: a plan kept on a PostgreSQL server (docs/team-plans.md).

A team plan is read into the same in-memory SQLite plan a file is read into, checked the same
way, and edited there; the server holds the plan's tables in a schema of its own and a registry
of the plans by name. The rooms: the plan's URL and its password (address), the errors a user
meets (errors), connecting (server), the server's tables (storage) and their migrations
(migrations/, schema), copying a plan in and out (transfer), who may do what (roles: owner,
editor, viewer, enforced by the server's grants) and which values are salaries (salaries).

This package imports psycopg, Alembic and keyring only inside the modules that need them, and
nothing imports it unless a URL was given: opening a file never loads them.
"""
