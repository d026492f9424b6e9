"""What an open of a team plan asks the server before any row, in one round trip (issue 17).

Opening a plan first needs: the server's schema revision (this program's, else a message saying
which side to update), the plan's registry row (none: no such plan, or not one the user has a
role on), whether the user may read salaries, the login the server knows (the cache's key) and
the version of the server's image of the plan for the user's reading role (images.py). Asked
one after the other they were five round trips and a fifth of the overhead of a first open
over the local server; here they go out together in psycopg's pipeline mode, inside the
caller's REPEATABLE READ transaction (so they share its snapshot). A server without RevOrg's
registry, or at another revision, fails the pipeline: the transaction is then started again
and `check_server_revision` gives the reason, as before.

When this machine has kept no copy of the plan (`PlanCache.knows_name`), the server's image
comes with the facts too (`with_image`): a first open then makes one round trip fewer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from revorg.model.team.address import TeamPlanAddress
from revorg.model.team.cache_marks import OUTSIDE_WRITES
from revorg.model.team.fetching import pipelined
from revorg.model.team.images import MOST_BYTES, PLAN_IMAGES, ServerImage, server_image
from revorg.model.team.roles import no_such_plan
from revorg.model.team.salaries import SALARY_COLUMNS
from revorg.model.team.schema import check_revision, server_revision_of
from revorg.model.team.storage import REGISTRY_SCHEMA, VERSION_TABLE, plan_schema

if TYPE_CHECKING:
    import psycopg

READ_ONLY_SNAPSHOT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"
_SALARY_TABLE, _SALARY_COLUMN = next(iter(SALARY_COLUMNS.items()))


@dataclass(frozen=True)
class RegisteredPlan:
    """A plan's registry row: its id (and so its schema), its name and when it was made."""

    id: int
    name: str
    file_format: int

    @property
    def schema(self) -> str:
        return plan_schema(self.id)


@dataclass(frozen=True)
class PlanFacts:
    """What the server says of a plan and of the user, in the open's snapshot."""

    registered: RegisteredPlan
    created_at: str  # the registry row's: the same id given to a plan published again
    login: str  # session_user: PGUSER, or the system user when the URL names none
    may_read_salaries: bool
    image_version: int | None  # the server's image for the user's reading role, if any
    outside_writes: bool  # the plan's table of changes made outside RevOrg is there
    image: ServerImage | None = None  # that image, when asked for with the facts

    @property
    def without_salaries(self) -> bool:
        return not self.may_read_salaries


# A schema removed by hand gives false (to_regclass: NULL), never an error; so does no plan
# (coalesce: `format` refuses a NULL identifier).
_SALARIES = (
    "coalesce(has_column_privilege(to_regclass(format('%%I.%%I', 'plan_' || coalesce(p.id, 0), "
    f"'{_SALARY_TABLE}')), '{_SALARY_COLUMN}', 'SELECT'), false)"
)
# The server's revision (one row per head: RevOrg's chain has one, so several are a revision
# it does not know) and the plan's row, when there is one the user may see, in one row.
_FACTS = (
    "SELECT r.revision, p.id, p.name, p.file_format, p.created_at::text, session_user, "
    "s.salaries, i.version, "
    f"to_regclass(format('%%I.%%I', 'plan_' || coalesce(p.id, 0), '{OUTSIDE_WRITES}')) "
    "IS NOT NULL, i.marks, i.image "
    "FROM (SELECT string_agg(version_num, ',' ORDER BY version_num) AS revision "
    f'FROM "{REGISTRY_SCHEMA}"."{VERSION_TABLE}") r '
    f'LEFT JOIN "{REGISTRY_SCHEMA}".plans p ON p.name = %s '
    f"LEFT JOIN LATERAL (SELECT {_SALARIES} AS salaries) s ON true "
    # The image's bytes only when asked for (the caller has no copy), and not too large to be
    # one RevOrg wrote (images.read_image).
    "LEFT JOIN LATERAL (SELECT version, marks, CASE WHEN %s AND octet_length(image) <= %s "
    f"AND to_regclass(format('%%I.%%I', 'plan_' || p.id, '{OUTSIDE_WRITES}')) IS NOT NULL "
    f"THEN image END AS image FROM {PLAN_IMAGES} "
    "WHERE plan_id = p.id AND salaries = s.salaries) i ON true"
)


def read_facts(
    driver: psycopg.Connection[Any], address: TeamPlanAddress, *, with_image: bool = False
) -> PlanFacts:
    """The plan's facts (`with_image`: and the server's image for the user's reading role), as
    the first statements of a new REPEATABLE READ READ ONLY transaction on `driver` (outside
    any when called): they take its snapshot. Raises TeamPlanError: the server's revision is
    not this program's, or there is no such plan (psycopg's errors are the caller's to
    explain)."""
    import psycopg

    cursor = driver.cursor(binary=True)  # bytea as bytes, without the hex text
    try:
        with pipelined(driver):  # the snapshot and the question in one round trip
            driver.execute(READ_ONLY_SNAPSHOT)
            cursor.execute(_FACTS, (address.plan, with_image, MOST_BYTES))
    except (psycopg.errors.UndefinedTable, psycopg.errors.UndefinedColumn):
        # No registry, or one at another revision (older than the images, or changed).
        driver.rollback()
        check_revision(server_revision_of(driver), address)
        raise
    row = cursor.fetchone()
    assert row is not None  # an aggregate's one row
    check_revision(row[0], address)
    if row[1] is None:  # no such plan, or none the user has a role on (roles.py)
        raise no_such_plan(address)
    return PlanFacts(
        RegisteredPlan(int(row[1]), str(row[2]), int(row[3])),
        created_at=str(row[4]),
        login=str(row[5]),
        may_read_salaries=bool(row[6]),
        image_version=None if row[7] is None else int(row[7]),
        outside_writes=bool(row[8]),
        image=None if row[10] is None else server_image(row[7], row[9], row[10]),
    )
