"""Plan images on the server (revorg.model.team.images): a machine without a cached copy of a
plan opens the image of its reading role and takes in the log's steps after it, instead of
copying every row.

Follows 0006 (the outside writes). The images are written by the editors' next open that
reads a plan whole: none is made here.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

from revorg.model.team.images import plan_image_statements
from revorg.model.team.roles import run

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run(op.get_bind(), plan_image_statements())


def downgrade() -> None:
    raise NotImplementedError("the team server's schema only moves forward")
