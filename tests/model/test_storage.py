"""The .revorg file: its marks, round trips, errors, migration, locking and safe saving."""

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from revorg.model import edits
from revorg.model.document import PlanDocument
from revorg.model.entities import (
    Base,
    Department,
    DottedLine,
    Plan,
    Position,
    RoleType,
    Scenario,
    Targets,
    column_values,
)
from revorg.model.errors import PlanFileError, PlanFileLockedError
from revorg.model.months import YearMonth
from revorg.model.store import APPLICATION_ID, SCHEMA_VERSION, writing
from revorg.model.summary import scenario_positions, summarize
from tests.conftest import REPO_ROOT

FIXTURES = Path(__file__).parent / "fixtures"
ENTITIES: tuple[type[Base], ...] = (
    Plan,
    Department,
    RoleType,
    Scenario,
    Targets,
    Position,
    DottedLine,
)
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and permissions")


# --- helpers --------------------------------------------------------------------------------


def file_state(path: Path) -> tuple[bytes, int]:
    """What must not change when RevOrg only reads a file or fails to write it."""
    return path.read_bytes(), path.stat().st_mtime_ns


def pragma(path: Path, name: str) -> Any:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        connection.close()


def table_names(connection: sqlite3.Connection) -> list[str]:
    query = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
    return [row[0] for row in connection.execute(query)]


def database_contents(connection: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every column of every row of every table, as SQLite stores them."""
    return {
        table: connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
        for table in table_names(connection)
    }


def schema_columns(connection: sqlite3.Connection) -> dict[str, set[tuple[Any, ...]]]:
    """Each table's columns as (name, type, not null, primary key), order ignored."""
    return {
        table: {
            (name, kind, notnull, primary)
            for _cid, name, kind, notnull, _default, primary in connection.execute(
                f'PRAGMA table_info("{table}")'
            )
        }
        for table in table_names(connection)
    }


def index_names(connection: sqlite3.Connection) -> set[str]:
    return {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='index'")
    }


def entity_rows(document: PlanDocument) -> dict[str, list[dict[str, Any]]]:
    """Every row through the ORM, so that Decimal, YearMonth and bool come back typed."""
    rows = {}
    for entity in ENTITIES:
        order = entity.__mapper__.primary_key
        found = document.session.scalars(select(entity).order_by(*order))
        rows[entity.__name__] = [column_values(item) for item in found]
    return rows


def add_open_positions(document: PlanDocument, count: int, *, notes: str = "") -> None:
    """`count` open SDR seats under the CRO, titled "SDR 0000" and up."""
    session = document.session
    scenario_id = document.scenario().id
    first_id = edits.next_position_id(session)
    session.add_all(
        Position(
            id=first_id + index,
            scenario_id=scenario_id,
            title=f"SDR {index:04d}",
            role_key="sdr",
            department_key="sales",
            manager_id=1,
            start_month=YearMonth(2027, 1 + index % 12),
            annual_cost=Decimal("38000.50"),
            notes=notes,
            sort_order=100 + index,
        )
        for index in range(count)
    )
    session.flush()


def save_big_plan(path: Path, *, notes: str = "") -> None:
    """The demo plan with 600 more positions: a file of some thirty pages."""
    with PlanDocument.from_template("demo", 2027) as document:
        add_open_positions(document, 600, notes=notes)
        document.save_as(path)


def damage(path: Path, offset: int, length: int = 200) -> None:
    data = bytearray(path.read_bytes())
    assert offset + length < len(data)
    data[offset : offset + length] = b"\xff" * length
    path.write_bytes(bytes(data))


def read_everything(path: Path) -> None:
    """Open a plan and read all of it, as the window and the summary do."""
    with PlanDocument.open(path, for_editing=False) as document:
        entity_rows(document)
        for scenario in document.plan.scenarios:
            summarize(document.session, scenario).to_json()


def assert_refused(path: Path, error: PlanFileError) -> None:
    message = str(error)
    assert "\n" not in message, f"a multi-line message: {message!r}"
    assert message.strip()
    assert str(path) in message


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[None]:
    """Make `folder` refuse new files; as root (which ignores modes) use the immutable flag."""
    folder.chmod(0o500)
    immutable = False
    try:
        if _can_create_in(folder) and sys.platform.startswith("linux"):
            result = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
            immutable = result.returncode == 0
        if _can_create_in(folder):
            pytest.skip("cannot make a folder read-only here (running as root?)")
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o700)


def _can_create_in(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.touch()
    except OSError:
        return False
    probe.unlink()
    return True


# --- the file format ------------------------------------------------------------------------


def test_saved_plan_is_one_marked_sqlite_file(demo_file: Path) -> None:
    assert demo_file.read_bytes().startswith(b"SQLite format 3\x00")
    assert pragma(demo_file, "application_id") == APPLICATION_ID
    assert pragma(demo_file, "user_version") == SCHEMA_VERSION
    assert pragma(demo_file, "journal_mode") != "wal"
    assert pragma(demo_file, "journal_mode") == "delete"
    # One plan, one file: no -wal, -shm, -journal, lock or temporary files left beside it.
    assert sorted(p.name for p in demo_file.parent.iterdir()) == ["demo.revorg"]


def test_foreign_keys_are_enforced_in_an_open_plan(demo_file: Path) -> None:
    with PlanDocument.open(demo_file) as document:
        scenario_id = document.scenario().id
        document.session.add(
            Position(
                id=900,
                scenario_id=scenario_id,
                title="Orphan",
                role_key="ae",
                department_key="sales",
                manager_id=12345,
            )
        )
        with pytest.raises(IntegrityError):
            document.session.flush()
            document.session.commit()
        document.session.rollback()

        document.session.add(
            Position(id=901, scenario_id=scenario_id, title="?", role_key="astronaut",
                     department_key="sales")
        )  # fmt: skip
        with pytest.raises(IntegrityError):
            document.session.flush()
        document.session.rollback()
        assert document.session.get(Position, 900) is None
        assert len(scenario_positions(document.session, document.scenario())) == 19


def test_save_and_reopen_gives_an_equal_plan(demo_document: PlanDocument, tmp_path: Path) -> None:
    session = demo_document.session
    scenario = demo_document.scenario()
    targets = scenario.targets
    targets.close_rate = Decimal("0.125")
    targets.average_deal = Decimal("12345.67")
    targets.expansion = Decimal("100000.01")
    edits.update_fields(
        session,
        5,
        {
            "annual_cost": Decimal("12345.67"),
            "capacity_override": Decimal("1.75"),
            "notes": "Née à Zürich · 北京 ✓",
            "headcount": 4,
            "start_month": YearMonth(2027, 11),
            "person_name": None,
        },
    )
    edits.insert_dotted_line(session, edits.new_dotted_line_row(session, scenario, 8, 12))
    demo_document.plan.fiscal_start_month = 4
    path = tmp_path / "round trip.revorg"
    demo_document.save_as(path)

    with PlanDocument.open(path, for_editing=False) as reopened:
        assert database_contents(reopened.connection) == database_contents(demo_document.connection)
        assert entity_rows(reopened) == entity_rows(demo_document)
        again = reopened.scenario()
        assert again.targets.close_rate == Decimal("0.125")
        assert again.targets.average_deal == Decimal("12345.67")
        position = reopened.session.get(Position, 5)
        assert position is not None
        assert position.annual_cost == Decimal("12345.67")
        assert isinstance(position.annual_cost, Decimal)
        assert position.capacity_override == Decimal("1.75")
        assert position.start_month == YearMonth(2027, 11)
        assert position.notes == "Née à Zürich · 北京 ✓"
        assert [(d.from_position_id, d.to_position_id) for d in again.dotted_lines] == [(8, 12)]


def test_opening_and_closing_without_saving_leaves_the_file_alone(demo_file: Path) -> None:
    before = file_state(demo_file)
    with PlanDocument.open(demo_file) as document:
        document.plan.name = "Changed but not saved"
        document.session.flush()
    assert file_state(demo_file) == before
    assert sorted(p.name for p in demo_file.parent.iterdir()) == ["demo.revorg"]


def test_save_keeps_the_file_permissions(demo_file: Path) -> None:
    demo_file.chmod(0o640)
    with PlanDocument.open(demo_file) as document:
        document.plan.name = "Shared with the team"
        document.save()
    assert demo_file.stat().st_mode & 0o777 == 0o640
    with PlanDocument.open(demo_file, for_editing=False) as document:
        assert document.plan.name == "Shared with the team"


def test_saving_a_new_plan_needs_a_file_name(demo_document: PlanDocument) -> None:
    with pytest.raises(PlanFileError, match="Save As"):
        demo_document.save()


# --- files that are not plans, or not plans this version can read ---------------------------


def missing(path: Path) -> None:
    pass


def text_file(path: Path) -> None:
    path.write_text("Name,Role\nAna,SDR\n", encoding="utf-8")


def empty_file(path: Path) -> None:
    path.write_bytes(b"")


def other_application(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    connection.execute("INSERT INTO notes (body) VALUES ('not a plan')")
    connection.commit()
    connection.close()
    assert pragma(path, "application_id") == 0


def saved_demo(path: Path) -> None:
    with PlanDocument.from_template("demo", 2027) as document:
        document.save_as(path)


def newer_version(path: Path) -> None:
    saved_demo(path)
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()


def no_version(path: Path) -> None:
    saved_demo(path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 0")
    connection.commit()
    connection.close()


def truncated(path: Path) -> None:
    save_big_plan(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def header_only(path: Path) -> None:
    saved_demo(path)
    path.write_bytes(path.read_bytes()[:60])


def damaged_in_the_middle(path: Path) -> None:
    """200 bytes of 0xFF in the middle of a full page of positions (not the first page)."""
    save_big_plan(path)
    data = path.read_bytes()
    page_size = int.from_bytes(data[16:18], "big")
    page = data.index(b"SDR 0300") // page_size
    assert page >= 2
    damage(path, page * page_size + page_size // 2 - 100)


def missing_table(path: Path) -> None:
    saved_demo(path)
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE dotted_lines")
    connection.commit()
    connection.close()


BAD_FILES: dict[str, tuple[Callable[[Path], None], str]] = {
    "missing": (missing, "no such file"),
    "text file": (text_file, "not a RevOrg plan"),
    "empty file": (empty_file, "not a RevOrg plan"),
    "another application's database": (other_application, "not a RevOrg plan"),
    "newer version": (newer_version, "newer version"),
    "no version": (no_version, "damaged"),
    "truncated": (truncated, "damaged"),
    "header only": (header_only, "damaged"),
    "damaged page": (damaged_in_the_middle, "damaged"),
    "missing table": (missing_table, "damaged"),
}


@pytest.mark.parametrize("for_editing", [True, False], ids=["edit", "read"])
@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_file_is_refused_and_left_alone(tmp_path: Path, case: str, for_editing: bool) -> None:
    make, expected = BAD_FILES[case]
    path = tmp_path / "plan.revorg"
    make(path)
    before = file_state(path) if path.exists() else None
    listing = sorted(p.name for p in tmp_path.iterdir())

    with pytest.raises(PlanFileError) as raised:
        PlanDocument.open(path, for_editing=for_editing)

    assert expected in str(raised.value)
    assert str(path) in str(raised.value)
    assert (file_state(path) if path.exists() else None) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no lock or journal left


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_file_message_is_one_line(tmp_path: Path, case: str) -> None:
    # "damaged page" was a bug: SQLite's quick_check report is several lines long.
    make, _expected = BAD_FILES[case]
    path = tmp_path / "plan.revorg"
    make(path)
    with pytest.raises(PlanFileError) as raised:
        PlanDocument.open(path)
    assert_refused(path, raised.value)


def test_damaged_text_is_refused_when_opening(tmp_path: Path) -> None:
    path = tmp_path / "plan.revorg"
    note = "Pipeline review every Monday. " * 8
    save_big_plan(path, notes=note)
    data = path.read_bytes()
    damage(path, data.index(note.encode(), len(data) // 2) + 100, 40)  # inside one note
    before = file_state(path)
    with pytest.raises(PlanFileError) as raised:
        read_everything(path)
    assert_refused(path, raised.value)
    assert file_state(path) == before


def test_unreadable_value_is_refused_when_opening(tmp_path: Path) -> None:
    path = tmp_path / "plan.revorg"
    saved_demo(path)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE positions SET start_month = '2027-13' WHERE id = 4")
    connection.commit()
    connection.close()
    with pytest.raises(PlanFileError) as raised:
        read_everything(path)
    assert_refused(path, raised.value)


def test_damage_anywhere_gives_a_clear_error_or_a_readable_plan(tmp_path: Path) -> None:
    original = tmp_path / "original.revorg"
    save_big_plan(original)
    data = original.read_bytes()
    page_size = int.from_bytes(data[16:18], "big")
    assert len(data) // page_size > 20
    problems = []
    for page in range(1, len(data) // page_size):
        for offset in (100, page_size // 2):
            path = tmp_path / f"damaged-{page}-{offset}.revorg"
            path.write_bytes(data)
            damage(path, page * page_size + offset)
            try:
                read_everything(path)
            except PlanFileError as error:
                if "\n" in str(error) or str(path) not in str(error):
                    problems.append(f"page {page + 1} +{offset}: {str(error)[:60]!r}")
            except Exception as error:
                problems.append(f"page {page + 1} +{offset}: {type(error).__name__}")
            path.unlink()
    assert problems == []


# --- migration from file format 1 -----------------------------------------------------------


def build_v1_plan(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.executescript((FIXTURES / "plan_v1.sql").read_text(encoding="utf-8"))
    connection.close()


def test_format_1_plan_is_migrated_in_memory_and_saved_as_current(tmp_path: Path) -> None:
    path = tmp_path / "old.revorg"
    build_v1_plan(path)
    assert pragma(path, "user_version") == 1
    assert pragma(path, "application_id") == APPLICATION_ID
    before = file_state(path)

    with PlanDocument.open(path) as document:
        session = document.session
        assert document.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert document.plan.name == "Plan from format 1"
        assert [s.name for s in document.plan.scenarios] == ["Base", "Stretch"]
        positions = scenario_positions(session, document.scenario())
        assert [(p.id, p.role_key, p.manager_id) for p in positions] == [
            (1, "cro", None),
            (2, "vp_sales", 1),
            (3, "ae", 2),
            (4, "csm", 1),
        ]
        assert all(p.capacity_override is None for p in positions)
        assert positions[2].annual_cost == Decimal("65432.10")
        assert positions[2].start_month == YearMonth(2026, 7)
        targets = document.scenario().targets
        assert targets.close_rate == Decimal("0.125")
        assert targets.average_deal == Decimal("12345.67")
        assert document.scenario("Stretch").targets.retention == Decimal("0.95")

        summary = summarize(session, document.scenario())
        assert summary.outcome.new_customers == 25
        assert summary.outcome.new_business == Decimal("308641.75")
        assert summary.outcome.gap == Decimal("1358.25")
        sales = next(d for d in summary.departments if d.key == "sales")
        # Fiscal year April 2026: the three AEs start in July, 9 months; 147,222.225 rounds up.
        assert sales.staffing.cost == Decimal("125000.00") + Decimal("147222.23")

        scenario = document.scenario()
        edits.insert_dotted_line(session, edits.new_dotted_line_row(session, scenario, 4, 2))
        edits.update_fields(session, 3, {"capacity_override": Decimal("2.5")})
        session.commit()
        assert file_state(path) == before  # opening and editing never touch the file
        assert pragma(path, "user_version") == 1

        document.save()

    assert pragma(path, "user_version") == SCHEMA_VERSION
    assert pragma(path, "application_id") == APPLICATION_ID
    with PlanDocument.open(path, for_editing=False) as reopened:
        scenario = reopened.scenario()
        assert [(d.from_position_id, d.to_position_id) for d in scenario.dotted_lines] == [(4, 2)]
        position = reopened.session.get(Position, 3)
        assert position is not None
        assert position.capacity_override == Decimal("2.5")
        with PlanDocument.from_template("blank", 2027) as fresh:
            assert schema_columns(reopened.connection) == schema_columns(fresh.connection)
            assert index_names(reopened.connection) == index_names(fresh.connection)


def test_format_1_plan_reads_without_a_lock_too(tmp_path: Path) -> None:
    path = tmp_path / "old.revorg"
    build_v1_plan(path)
    before = file_state(path)
    with PlanDocument.open(path, for_editing=False) as document:
        assert len(scenario_positions(document.session, document.scenario())) == 4
    assert file_state(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.revorg"]


# --- one editor per file --------------------------------------------------------------------


def test_a_plan_open_for_editing_cannot_be_opened_for_editing_again(demo_file: Path) -> None:
    first = PlanDocument.open(demo_file)
    try:
        with pytest.raises(PlanFileLockedError) as raised:
            PlanDocument.open(demo_file)
        assert_refused(demo_file, raised.value)
        assert "already open" in str(raised.value)
        # A relative spelling of the same path is the same file.
        relative = Path(os.path.relpath(demo_file))
        with pytest.raises(PlanFileLockedError):
            PlanDocument.open(relative)
        # Reading (summary, export) is always allowed.
        with PlanDocument.open(demo_file, for_editing=False) as reader:
            assert reader.plan.name == first.plan.name
    finally:
        first.close()
    with PlanDocument.open(demo_file) as second:
        second.plan.name = "Second editor"
        second.save()


def test_a_refused_open_does_not_break_the_first_editors_lock(demo_file: Path) -> None:
    with PlanDocument.open(demo_file):
        with pytest.raises(PlanFileLockedError):
            PlanDocument.open(demo_file)
        with pytest.raises(PlanFileLockedError):
            PlanDocument.open(demo_file)


def test_a_failed_open_leaves_no_lock(tmp_path: Path) -> None:
    path = tmp_path / "later.revorg"
    with pytest.raises(PlanFileError):
        PlanDocument.open(path)
    saved_demo(path)
    with PlanDocument.open(path) as document:
        assert document.plan.name


def test_the_same_file_through_a_symlink_is_refused(demo_file: Path) -> None:
    link = demo_file.with_name("link.revorg")
    link.symlink_to(demo_file)
    with PlanDocument.open(demo_file), pytest.raises(PlanFileLockedError):
        PlanDocument.open(link).close()


def test_saving_through_a_symlink_updates_the_real_file(demo_file: Path) -> None:
    link = demo_file.with_name("link.revorg")
    link.symlink_to(demo_file)
    with PlanDocument.open(link) as document:
        document.plan.name = "Saved through the link"
        document.save()
    assert link.is_symlink()
    with PlanDocument.open(demo_file, for_editing=False) as document:
        assert document.plan.name == "Saved through the link"


LOCK_HOLDER = """
import sys, time
from pathlib import Path
from revorg.model.document import PlanDocument
document = PlanDocument.open(Path(sys.argv[1]))
print("locked", flush=True)
time.sleep(120)
"""


@POSIX_ONLY
def test_lock_held_by_another_process_is_released_when_it_is_killed(demo_file: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(demo_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked", holder.communicate()[1]
        with pytest.raises(PlanFileLockedError) as raised:
            PlanDocument.open(demo_file)
        assert_refused(demo_file, raised.value)
        with PlanDocument.open(demo_file, for_editing=False) as reader:
            assert reader.plan.name
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.communicate(timeout=30)
    assert holder.returncode == -signal.SIGKILL
    # RevOrg had no chance to clean up; the operating system released the lock.
    with PlanDocument.open(demo_file) as document:
        document.plan.name = "After the crash"
        document.save()


# --- save as, and saves that fail ------------------------------------------------------------


def test_save_as_writes_an_equal_plan_and_moves_the_lock(demo_file: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.revorg"
    with PlanDocument.open(demo_file) as document:
        document.plan.name = "The copy"
        document.save_as(copy)
        assert document.path == copy
        with PlanDocument.open(copy, for_editing=False) as reopened:
            assert entity_rows(reopened) == entity_rows(document)
        with pytest.raises(PlanFileLockedError):
            PlanDocument.open(copy)
        # The original is free again and was not changed by the save as.
        with PlanDocument.open(demo_file) as original:
            assert original.plan.name == "Revenue plan: EUR 1M"
        document.plan.name = "The copy, edited"
        document.save()
    with PlanDocument.open(copy, for_editing=False) as reopened:
        assert reopened.plan.name == "The copy, edited"


def test_save_as_onto_a_plan_open_elsewhere_is_refused(demo_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.revorg"
    saved_demo(other)
    before = file_state(other)
    with PlanDocument.open(other), PlanDocument.open(demo_file) as document:
        with pytest.raises(PlanFileLockedError):
            document.save_as(other)
        assert document.path == demo_file
        with pytest.raises(PlanFileLockedError):
            PlanDocument.open(demo_file)  # still ours
    assert file_state(other) == before


def test_save_into_a_missing_folder_fails_cleanly(demo_file: Path, tmp_path: Path) -> None:
    before = file_state(demo_file)
    target = tmp_path / "no such folder" / "plan.revorg"
    with PlanDocument.open(demo_file) as document:
        with pytest.raises(PlanFileError) as raised:
            document.save_as(target)
        assert_refused(target, raised.value)
        assert document.path == demo_file
        document.plan.name = "Still editable"
        document.save()
    assert not target.parent.exists()
    assert file_state(demo_file) != before
    with PlanDocument.open(demo_file, for_editing=False) as document:
        assert document.plan.name == "Still editable"


@POSIX_ONLY
def test_save_into_a_read_only_folder_fails_and_keeps_the_old_plan(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "plan.revorg"
    saved_demo(path)
    before = file_state(path)
    with PlanDocument.open(path) as document, read_only_folder(folder):
        document.plan.name = "Cannot be saved here"
        with pytest.raises(PlanFileError) as raised:
            document.save()
        assert_refused(path, raised.value)
        assert file_state(path) == before
        assert sorted(p.name for p in folder.iterdir()) == [".plan.revorg.lock", "plan.revorg"]
    with PlanDocument.open(path, for_editing=False) as reopened:
        assert reopened.plan.name == "Revenue plan: EUR 1M"


def test_disk_full_during_save_keeps_the_old_plan(
    demo_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = file_state(demo_file)

    def fill_the_disk(connection: sqlite3.Connection, temporary: Path) -> None:
        temporary.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)  # half-written copy
        raise sqlite3.OperationalError("database or disk is full")

    with PlanDocument.open(demo_file) as document:
        document.plan.name = "Too big for the disk"
        monkeypatch.setattr(writing, "_write_copy", fill_the_disk)
        with pytest.raises(PlanFileError) as raised:
            document.save()
        assert_refused(demo_file, raised.value)
        assert "disk" in str(raised.value)
        assert file_state(demo_file) == before
        assert not demo_file.with_name(".demo.revorg.saving").exists()
        assert not any(p.name.endswith(".saving") for p in demo_file.parent.iterdir())

        monkeypatch.undo()  # space freed: the next save works
        document.save()
    with PlanDocument.open(demo_file, for_editing=False) as reopened:
        assert reopened.plan.name == "Too big for the disk"


def test_the_shipped_schema_sql_is_what_the_entities_compile_to() -> None:
    """revorg/resources/schema.sql spares each command SQLAlchemy's DDL compiler; it must be the
    entities' own DDL (after changing them: scripts/schema-sql)."""
    from revorg.model.store.database import (
        compiled_schema_statements,
        schema_sql_text,
        schema_statements,
    )

    shipped = (REPO_ROOT / "revorg" / "resources" / "schema.sql").read_text(encoding="utf-8")
    assert shipped == schema_sql_text(), "run scripts/schema-sql"
    assert schema_statements() == compiled_schema_statements()


def test_a_schema_sql_of_another_format_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    from revorg.model.store import database

    monkeypatch.setattr(database, "compiled_schema_statements", lambda: ["compiled"])
    assert database.schema_statements() != ["compiled"]  # the shipped text
    monkeypatch.setattr(database, "_SCHEMA_SQL_MARK", "-- RevOrg file format 0")
    assert database.schema_statements() == ["compiled"]
