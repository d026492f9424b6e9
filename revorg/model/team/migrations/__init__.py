"""The team server's Alembic migrations, run by revorg.model.team.schema (never with an
alembic.ini): env.py takes the connection it is given, versions/ holds one module per step."""
