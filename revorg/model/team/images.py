"""Plan images kept on the team server: the first open of a plan on a machine (issue 17).

A machine that has no cached copy of a plan (revorg.model.team.cache) used to copy every row
from the server into memory: 2.5 times the time of opening the same plan's file. The server
therefore keeps, per plan, two SQLite images of it at some step of its log, written by the
editors' RevOrg: one with salaries (readable by editors and owners only, as the salary columns
are) and one without (what a viewer's read gives: salaries 0, the log's amounts null). An open
with no cached copy takes the image of its reading role instead of the rows, and brings it up
to the server's plan with the log's steps after it, as a cached copy is brought
(revorg.model.team.cache_update), in the same snapshot.

What an image may be trusted with. It is written by a teammate who may already change any row
of the plan and append to its log, so it adds no right an editor lacks; a viewer's image holds
nothing an editor could not write into a card's title either. It is still read as a file from
someone else: its integrity, its schema and every value are checked (revorg.model.store), a
viewer's image must hold no salary (salaries.holds_salaries), it must be a moment of the
server's log (the steps after it follow its head, without a gap) and carry the server's marks
of changes made outside RevOrg (cache_marks) as they are now. Anything else and the plan is read
whole, as before; an editor's open that read whole writes both images again, so a missing,
stale or damaged image mends itself. Images are written after a read, in a transaction of
their own, never with an edit: an edit's commit does not grow.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from revorg.model.errors import PlanFileError
from revorg.model.history.version import database_version
from revorg.model.store.checks import check_marks_and_integrity
from revorg.model.store.database import SCHEMA_VERSION, connect_memory
from revorg.model.store.schema import check_objects, check_schema
from revorg.model.team.roles import PlanRole, plan_member_sql
from revorg.model.team.salaries import holds_salaries, remove_salaries
from revorg.model.team.storage import REGISTRY_SCHEMA

if TYPE_CHECKING:
    import psycopg

PLAN_IMAGES = f'"{REGISTRY_SCHEMA}".plan_images'
# The images are written again once the log has moved this many steps past them: bringing an
# image up to date costs a little per step, writing it costs two uploads of the plan.
REFRESH_AFTER_STEPS = 64
# An image larger than this is not read (a plan of 50,000 positions is about 6 MB).
MOST_BYTES = 256 * 1024 * 1024
_LOG = logging.getLogger(__name__)


def plan_image_statements() -> list[str]:
    """The images' table, its rights and policies (revision 0007). Editors read and write both
    images of their plans; viewers read the one without salaries; nobody else sees a row."""
    editor = plan_member_sql(PlanRole.EDITOR, "plan_id")
    viewer = plan_member_sql(PlanRole.VIEWER, "plan_id")
    return [
        f"CREATE TABLE {PLAN_IMAGES} ("
        f'plan_id integer NOT NULL REFERENCES "{REGISTRY_SCHEMA}".plans (id) ON DELETE CASCADE, '
        "salaries boolean NOT NULL, "
        "version bigint NOT NULL, "
        "marks text NOT NULL, "
        "image bytea NOT NULL, "
        "written_by text NOT NULL DEFAULT session_user, "
        "written_at timestamptz NOT NULL DEFAULT now(), "
        "PRIMARY KEY (plan_id, salaries))",
        # Stored as they are: SQLite pages compress little, and reading skips decompressing.
        f"ALTER TABLE {PLAN_IMAGES} ALTER COLUMN image SET STORAGE EXTERNAL",
        f"GRANT SELECT, INSERT, UPDATE ON {PLAN_IMAGES} TO PUBLIC",
        f"ALTER TABLE {PLAN_IMAGES} ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY images_read ON {PLAN_IMAGES} FOR SELECT "
        f"USING (CASE WHEN salaries THEN {editor} ELSE {viewer} END)",
        # Who wrote an image is the server's word, not the writer's.
        f"CREATE POLICY images_added ON {PLAN_IMAGES} FOR INSERT "
        f"WITH CHECK ({editor} AND written_by = session_user)",
        f"CREATE POLICY images_replaced ON {PLAN_IMAGES} FOR UPDATE "
        f"USING ({editor}) WITH CHECK ({editor} AND written_by = session_user)",
    ]


@dataclass(frozen=True)
class ServerImage:
    version: int
    marks: str
    data: bytes


def read_image(
    driver: psycopg.Connection[Any], plan_id: int, *, with_salaries: bool
) -> ServerImage | None:
    """The plan's image for the user's reading role, in the caller's snapshot; None when there
    is none (or it is too large to be one RevOrg wrote)."""
    with driver.cursor(binary=True) as cursor:  # bytea as bytes, without the hex text
        row = cursor.execute(
            f"SELECT version, marks, image FROM {PLAN_IMAGES} "
            "WHERE plan_id = %s AND salaries = %s AND octet_length(image) <= %s",
            (plan_id, with_salaries, MOST_BYTES),
        ).fetchone()
    return None if row is None else server_image(row[0], row[1], row[2])


def server_image(version: object, marks: object, data: object) -> ServerImage | None:
    """An image row as the server gave it, or None when its columns are not of an image (a
    table changed on the server: what it sends is never trusted to be what RevOrg wrote)."""
    if isinstance(data, memoryview):
        data = data.tobytes()
    if not (isinstance(version, int) and isinstance(marks, str) and isinstance(data, bytes)):
        _LOG.warning("a plan image of other types ignored: %s", type(data).__name__)
        return None
    return ServerImage(version, marks, data)


class RefusedImageError(Exception):
    """An image the open does not take (the reason, for the debug log): the plan is read whole."""


def checked_image(image: ServerImage, label: str, *, with_salaries: bool) -> sqlite3.Connection:
    """The image as an in-memory plan, checked as a plan file from someone else is (its
    integrity and schema here; every value by the caller after the log's steps are played).
    Raises RefusedImageError."""
    source = Path(label)  # what the checks' messages name
    plan = connect_memory()
    try:
        plan.deserialize(image.data)
        # A file whose only damage is in its log opens without it; an image is not taken.
        log_damage = check_marks_and_integrity(plan, source)
        if log_damage is not None:
            raise RefusedImageError(f"its change log is damaged: {log_damage}")
        if plan.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            raise RefusedImageError("an image of another file format")
        check_objects(plan, source)
        check_schema(plan, source)
        if not with_salaries and holds_salaries(plan):
            raise RefusedImageError("a viewers' image that holds salaries")
        plan.execute("PRAGMA foreign_keys = ON")
    except (PlanFileError, sqlite3.Error) as error:
        plan.close()
        raise RefusedImageError(str(error)) from None
    except BaseException:
        plan.close()
        raise
    return plan


def write_images(
    driver: psycopg.Connection[Any], plan_id: int, plan: sqlite3.Connection, marks: str
) -> None:
    """Keep `plan` (a checked plan as the server has it, salaries included, at the log's step
    it holds, with the server's `marks` of that moment) as the plan's two images, in a
    transaction of its own. An image newer than this one is left. A failure only costs the
    next first opens their speed: it is logged, never raised."""
    import psycopg
    from psycopg.pq import TransactionStatus

    try:
        version = database_version(plan)
        images = ((True, plan.serialize()), (False, _viewers_image(plan)))
        if driver.info.transaction_status != TransactionStatus.IDLE:
            driver.rollback()  # the read's snapshot (read only), left open by the caller
        with driver.transaction(), driver.cursor() as cursor:
            for with_salaries, data in images:
                cursor.execute(
                    f"INSERT INTO {PLAN_IMAGES} AS kept "
                    "(plan_id, salaries, version, marks, image) VALUES (%s, %s, %s, %s, %s) "
                    "ON CONFLICT (plan_id, salaries) DO UPDATE SET version = excluded.version, "
                    "marks = excluded.marks, image = excluded.image, "
                    "written_by = session_user, written_at = now() "
                    "WHERE kept.version <= excluded.version",
                    (plan_id, with_salaries, version, marks, data),
                )
    except (psycopg.Error, sqlite3.Error) as error:
        _LOG.warning("team plan's images not written: %s", " ".join(str(error).split()))


def _viewers_image(plan: sqlite3.Connection) -> bytes:
    """The plan as a viewer reads it (salaries.remove_salaries), vacuumed: no free page or
    unused cell keeps an amount that was there."""
    copy = connect_memory()
    try:
        copy.deserialize(plan.serialize())
        remove_salaries(copy)
        copy.execute("VACUUM")
        return copy.serialize()
    finally:
        copy.close()
