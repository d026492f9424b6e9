"""The .revorg file: one plan in one SQLite file.

While a plan is open it lives in an in-memory SQLite database; the file on disk is only read on
open (reading) and replaced on save (writing). The other rooms: the database's marks, settings
and schema (database), the checks a file passes before it is trusted (checks: damage; schema:
nothing another program added), the steps from older file formats (migrations), and the lock
that keeps a second editor away (lock).
"""

from revorg.model.store.database import (
    APPLICATION_ID,
    FILE_SUFFIX,
    SCHEMA_VERSION,
    add_key_indexes,
    connect_memory,
    create_schema,
    stamp_schema,
)
from revorg.model.store.lock import PlanFileLock
from revorg.model.store.reading import open_read_only, read_plan_file
from revorg.model.store.writing import write_plan_file

__all__ = [
    "APPLICATION_ID",
    "FILE_SUFFIX",
    "SCHEMA_VERSION",
    "PlanFileLock",
    "add_key_indexes",
    "connect_memory",
    "create_schema",
    "open_read_only",
    "read_plan_file",
    "stamp_schema",
    "write_plan_file",
]
