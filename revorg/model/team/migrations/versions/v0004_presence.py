"""Presence: who has a team plan open and on which scenario (revorg.model.team.presence), a
table of the registry with row-level security and a notice when it changes.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

from revorg.model.team.presence import presence_statements
from revorg.model.team.roles import run

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run(op.get_bind(), presence_statements())


def downgrade() -> None:
    raise NotImplementedError("the team server's schema only moves forward")
