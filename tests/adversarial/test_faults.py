"""Faults around the .revorg file: the disk fills up during a save (simulated at each step of
the save, and for real with a file-size limit), the file or its folder is read-only, the file
is deleted or moved while open, the same file is opened twice, its pages are damaged, it comes
from a newer version.

In every case the plan already saved is intact on disk (byte for byte, or, when the new save
got through, the complete new plan), the message is one clear line (a PlanFileError, never a
traceback), and the plan in memory can still be edited and saved elsewhere. Kill-during-save
is tests/model/test_kill_during_save.py (25 kills by default, 200 in the slow run).
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from revorg.model.document import PlanDocument
from revorg.model.entities import Base, column_values
from revorg.model.errors import PlanFileError, PlanFileLockedError
from revorg.model.store import SCHEMA_VERSION, writing
from revorg.model.summary import summarize
from tests.adversarial.plans import Dump, assert_same_plan, dump, file_dump
from tests.conftest import REPO_ROOT, CliRunner

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions and signals")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


class Saved:
    """A plan saved in its own folder and still open for editing, with unsaved changes."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.path = folder / "plan.revorg"
        with PlanDocument.from_template("demo", 2027) as document:
            document.save_as(self.path)
        self.bytes = self.path.read_bytes()
        self.saved: Dump = file_dump(self.path)
        self.document = PlanDocument.open(self.path)
        self.document.plan.name = "changed after the last save"
        self.document.scenario().targets.leads = 4321

    def assert_file_untouched(self) -> None:
        assert self.path.read_bytes() == self.bytes, "the saved plan was changed"

    def assert_no_leftovers(self) -> None:
        names = listing(self.folder)
        assert not [n for n in names if n.endswith((".saving", "-journal", ".writing"))], names

    def assert_still_editable(self, elsewhere: Path) -> None:
        """The plan in memory takes another edit and saves to another file, exactly."""
        self.document.scenario().targets.leads += 1
        self.document.save_as(elsewhere)
        assert_same_plan(file_dump(elsewhere), dump(self.document), "saved elsewhere")

    def close(self) -> None:
        self.document.close()


@pytest.fixture
def saved(tmp_path: Path) -> Iterator[Saved]:
    plan = Saved(tmp_path / "plans")
    try:
        yield plan
    finally:
        plan.close()


def one_line(error: BaseException) -> str:
    text = str(error)
    assert text and "\n" not in text, repr(text)
    return text


# --- disk full, simulated at each step of a save ------------------------------------------------


def no_space(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def half_written_copy(connection: sqlite3.Connection, temporary: Path) -> None:
    """SQLite runs out of space halfway through writing the copy."""
    destination = sqlite3.connect(temporary)
    connection.backup(destination)
    destination.close()
    with temporary.open("r+b") as handle:
        handle.truncate(temporary.stat().st_size // 2)
    raise sqlite3.OperationalError("database or disk is full")


FAULTS: dict[str, tuple[str, str, Callable[..., None]]] = {
    # name: (where to patch, attribute, replacement)
    "writing the copy": ("revorg.model.store.writing", "_write_copy", half_written_copy),
    "flushing the copy": ("os", "fsync", no_space),
    "keeping the permissions": ("revorg.model.store.writing", "copy_permissions", no_space),
    "renaming over the plan": ("pathlib.Path", "replace", no_space),
}


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_disk_full_during_save_keeps_the_saved_plan(
    saved: Saved, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: str
) -> None:
    target, attribute, replacement = FAULTS[fault]
    with monkeypatch.context() as patch:
        patch.setattr(f"{target}.{attribute}", replacement)
        with pytest.raises(PlanFileError) as failed:
            saved.document.save()
    message = one_line(failed.value)
    assert message.startswith(f"could not save {saved.path}")
    assert "disk is full" in message or os.strerror(errno.ENOSPC) in message
    saved.assert_file_untouched()
    saved.assert_no_leftovers()
    saved.assert_still_editable(tmp_path / "elsewhere.revorg")
    saved.document.save_as(saved.path)  # the disk has room again: the same file saves
    assert_same_plan(file_dump(saved.path), dump(saved.document), "saved again")


def test_a_failure_after_the_rename_leaves_the_new_plan_complete(
    saved: Saved, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder cannot be flushed once the new file is in place: the save is reported as
    failed, and the file is the complete new plan (never a mix)."""
    with monkeypatch.context() as patch, pytest.raises(PlanFileError) as failed:
        patch.setattr(writing, "sync_folder", no_space)
        saved.document.save()
    one_line(failed.value)
    assert_same_plan(file_dump(saved.path), dump(saved.document), "the file after the rename")
    saved.assert_no_leftovers()
    saved.assert_still_editable(tmp_path / "elsewhere.revorg")


CHILD_SAVE = """
import json, resource, signal, sys
from pathlib import Path
from revorg.model.document import PlanDocument
from revorg.model.errors import RevOrgError

path, elsewhere, limit = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
outcome = {}
document = PlanDocument.open(path)
document.plan.name = "edited in the child"
if limit:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
try:
    document.save()
    outcome["save"] = "saved"
except RevOrgError as error:
    outcome["save"] = type(error).__name__ + ": " + str(error)
if limit:
    resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
try:
    document.save_as(elsewhere)
    outcome["elsewhere"] = "saved"
except RevOrgError as error:
    outcome["elsewhere"] = type(error).__name__ + ": " + str(error)
document.close()
print(json.dumps(outcome))
"""


def run_child(
    script: str, *arguments: object, as_nobody: bool = False, home: Path | None = None
) -> dict[str, str]:
    """Run `script` in a fresh Python (as root: optionally as nobody); its last line is JSON."""
    environment = dict(os.environ)
    if home is not None:
        environment["HOME"] = str(home)
    command = [sys.executable, "-c", script, *map(str, arguments)]
    if as_nobody:
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    completed = subprocess.run(
        command,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=environment,
    )
    assert completed.returncode == 0, completed.stderr
    assert "Traceback" not in completed.stderr, completed.stderr
    return dict(json.loads(completed.stdout.splitlines()[-1]))


def big_plan(path: Path, positions: int = 2000) -> Path:
    """The demo with `positions` more cards (about 260 KB): a save takes many writes."""
    with PlanDocument.from_template("demo", 2027) as document:
        scenario_id = document.scenario().id
        document.session.execute(
            Base.metadata.tables["positions"].insert(),
            [
                {
                    "id": 100 + i, "scenario_id": scenario_id, "title": f"SDR {i}",
                    "role_key": "sdr", "department_key": "sales", "manager_id": 7,
                    "headcount": 1, "annual_cost": 3800000, "notes": "n" * 40,
                    "sort_order": i, "lineage": f"l{i}",
                }
                for i in range(positions)
            ],
        )  # fmt: skip
        document.save_as(path)
    return path


@POSIX
def test_a_real_disk_full_during_save(tmp_path: Path) -> None:
    """A file-size limit (RLIMIT_FSIZE) makes the kernel refuse SQLite's writes partway
    through the copy, as a full disk does."""
    path = big_plan(tmp_path / "plan.revorg")
    before = digest(path)
    outcome = run_child(CHILD_SAVE, path, tmp_path / "elsewhere.revorg", 32 * 1024)
    assert outcome["save"] == f"PlanFileError: could not save {path}: the disk is full or failing"
    assert outcome["elsewhere"] == "saved"
    assert digest(path) == before
    assert file_dump(tmp_path / "elsewhere.revorg")["plan"][0]["name"] == "edited in the child"
    assert not [n for n in listing(tmp_path) if n.endswith((".saving", "-journal"))]


# --- read-only file and folder ------------------------------------------------------------------


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder another user can reach (pytest's own temporary folders are private)."""
    folder = Path(tempfile.mkdtemp(prefix="revorg-faults-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(folder)


def unprivileged() -> bool:
    """Permissions do not bind root: as root, the child runs as nobody (uid 65534, through
    util-linux setpriv)."""
    if sys.platform == "win32":
        pytest.skip("POSIX permissions")
    if os.geteuid() != 0:
        return False
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return True


def test_a_read_only_folder(shared_folder: Path) -> None:
    as_nobody = unprivileged()
    plans = shared_folder / "read-only"
    plans.mkdir()
    path = big_plan(plans / "plan.revorg", positions=10)
    path.chmod(0o444)
    plans.chmod(0o555)
    writable = shared_folder / "writable"
    writable.mkdir(mode=0o777)
    writable.chmod(0o777)
    before = digest(path)
    outcome = run_child(
        CHILD_SAVE, path, writable / "elsewhere.revorg", 0, as_nobody=as_nobody, home=writable
    )
    assert outcome["save"].startswith(f"PlanFileError: could not save {path}: "), outcome
    assert outcome["elsewhere"] == "saved"
    assert digest(path) == before
    assert listing(plans) == ["plan.revorg"]
    assert file_dump(writable / "elsewhere.revorg")["plan"][0]["name"] == "edited in the child"


def test_a_read_only_file_in_a_writable_folder(shared_folder: Path) -> None:
    """Replacing a file is an operation on its folder: on POSIX the save goes through (as in
    most editors) and the file keeps its read-only permissions; either way nothing is lost."""
    as_nobody = unprivileged()
    plans = shared_folder / "plans"
    plans.mkdir()
    plans.chmod(0o777)
    path = big_plan(plans / "plan.revorg", positions=10)
    path.chmod(0o444)
    before = digest(path)
    outcome = run_child(
        CHILD_SAVE, path, plans / "elsewhere.revorg", 0, as_nobody=as_nobody, home=plans
    )
    if outcome["save"] == "saved":
        assert file_dump(path)["plan"][0]["name"] == "edited in the child"
        assert path.stat().st_mode & 0o777 == 0o444
    else:
        assert outcome["save"].startswith("PlanFileError: could not save"), outcome
        assert digest(path) == before
    assert outcome["elsewhere"] == "saved"
    assert not [n for n in listing(plans) if n.endswith((".saving", "-journal"))]


# --- the file goes away while it is open --------------------------------------------------------


def test_the_file_deleted_while_open_is_saved_again(saved: Saved, tmp_path: Path) -> None:
    saved.path.unlink()
    saved.document.save()
    assert_same_plan(file_dump(saved.path), dump(saved.document), "saved again")
    saved.assert_still_editable(tmp_path / "elsewhere.revorg")


def test_the_file_moved_while_open_is_saved_where_it_was(saved: Saved, tmp_path: Path) -> None:
    """Save writes the path the plan was opened from; the moved copy keeps the old plan."""
    moved = tmp_path / "moved.revorg"
    saved.path.rename(moved)
    saved.document.save()
    assert_same_plan(file_dump(saved.path), dump(saved.document), "saved where it was")
    assert moved.read_bytes() == saved.bytes
    saved.assert_still_editable(tmp_path / "elsewhere.revorg")


def test_the_folder_deleted_while_open(saved: Saved, tmp_path: Path) -> None:
    shutil.rmtree(saved.folder)
    with pytest.raises(PlanFileError) as failed:
        saved.document.save()
    assert one_line(failed.value).startswith(f"could not save {saved.path}")
    assert not saved.folder.exists()  # nothing was created in its place
    saved.assert_still_editable(tmp_path / "elsewhere.revorg")


# --- the same file twice ------------------------------------------------------------------------


def test_the_same_file_opened_twice_is_refused(saved: Saved, tmp_path: Path) -> None:
    with pytest.raises(PlanFileLockedError) as refused:
        PlanDocument.open(saved.path)
    assert "already open in another RevOrg window" in one_line(refused.value)
    with PlanDocument.open(saved.path, for_editing=False) as reader:  # reading is allowed
        assert_same_plan(dump(reader), saved.saved, "read while locked")
    other = PlanDocument.from_template("blank", 2027)  # no overwriting it either
    with other, pytest.raises(PlanFileLockedError):
        other.save_as(saved.path)
    saved.assert_file_untouched()
    saved.assert_still_editable(tmp_path / "elsewhere.revorg")


CHILD_HOLD = """
import sys
from pathlib import Path
from revorg.model.document import PlanDocument
document = PlanDocument.open(Path(sys.argv[1]))
print("open", flush=True)
sys.stdin.readline()
"""


@POSIX
def test_a_file_open_in_another_process_is_refused_until_that_process_dies(
    saved: Saved, tmp_path: Path
) -> None:
    saved.close()
    # `with`: the pipes are closed once the child is gone (else a ResourceWarning, an error here).
    with subprocess.Popen(
        [sys.executable, "-c", CHILD_HOLD, str(saved.path)],
        cwd=REPO_ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "open"
            with pytest.raises(PlanFileLockedError):
                PlanDocument.open(saved.path)
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
    saved.document = PlanDocument.open(saved.path)  # the OS released the dead editor's lock
    saved.assert_file_untouched()
    saved.assert_still_editable(tmp_path / "elsewhere.revorg")


# --- damaged pages, newer versions ---------------------------------------------------------------


def read_everything(document: PlanDocument) -> None:
    """What a session does first: every row through the model, every scenario summarised."""
    for mapper in Base.registry.mappers:
        for entity in document.session.query(mapper.class_):
            column_values(entity)
    for scenario in document.plan.scenarios:
        summarize(document.session, scenario, "en")
        list(scenario.assumptions)


def open_outcome(path: Path) -> str:
    """Open `path` for editing, then read every row through the model and summarise every
    scenario: "opened", or "refused" with a one-line PlanFileError. The file must not change
    and no lock or other file may be left beside it."""
    before = (digest(path), path.stat().st_mtime_ns, listing(path.parent))
    try:
        with PlanDocument.open(path) as document:
            read_everything(document)
        outcome = "opened"
    except PlanFileError as error:
        one_line(error)
        outcome = "refused"
    assert (digest(path), path.stat().st_mtime_ns, listing(path.parent)) == before
    return outcome


@pytest.fixture(scope="module")
def saved_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A saved demo plan whose bytes are the same on every run (lineages fixed)."""
    path = tmp_path_factory.mktemp("damage") / "plan.revorg"
    with PlanDocument.from_template("demo", 2027) as document:
        for position in document.scenario().positions:
            position.lineage = f"lineage-{position.id}"
        document.save_as(path)
    return path.read_bytes()


def page_size(data: bytes) -> int:
    size = int.from_bytes(data[16:18], "big")
    return 65536 if size == 1 else size


def log_pages(data: bytes, tmp_path: Path) -> set[int]:
    """The pages (counted from 0) of the change log's tables and indexes."""
    path = tmp_path / "pages.revorg"
    path.write_bytes(data)
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT pageno FROM dbstat WHERE name LIKE 'history%' OR name LIKE 'ix_history%'"
        ).fetchall()
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table to find the log's pages")
    finally:
        connection.close()
        path.unlink()
    return {row[0] - 1 for row in rows}


def test_damaged_pages_are_refused_in_one_line_and_the_file_is_not_changed(
    saved_bytes: bytes, tmp_path: Path, run_revorg: CliRunner
) -> None:
    """Every page after the first, overwritten with zeros or with noise: each one is refused
    (every page of this small plan holds a table, an index or the schema), but a page of the
    change log's, which never stops the plan from opening."""
    size = page_size(saved_bytes)
    pages = len(saved_bytes) // size
    of_the_log = log_pages(saved_bytes, tmp_path)
    assert of_the_log  # the log's tables and indexes have their pages, even empty
    noise = random.Random(7)
    outcomes, expected = [], []
    for page in range(1, pages):
        for filler in (bytes(size), noise.randbytes(size)):
            damaged = bytearray(saved_bytes)
            damaged[page * size : (page + 1) * size] = filler
            path = tmp_path / f"page-{page}.revorg"
            path.write_bytes(bytes(damaged))
            outcomes.append(open_outcome(path))
            expected.append("opened" if page in of_the_log else "refused")
            path.unlink()
    assert outcomes == expected
    damaged = bytearray(saved_bytes)
    damaged[size : 2 * size] = bytes(size)
    path = tmp_path / "damaged.revorg"
    path.write_bytes(bytes(damaged))
    result = run_revorg("summary", path)
    assert result.code == 2
    assert result.error_lines[0].startswith(f"error: {path} is damaged"), result.err
    assert len(result.error_lines) == 1
    assert path.read_bytes() == bytes(damaged)


def test_a_damaged_log_page_opens_the_plan_says_so_and_editing_goes_on(
    saved_bytes: bytes, tmp_path: Path
) -> None:
    """The log's pages damaged (its steps' table zeroed): the plan opens with its figures, the
    log's check says the earlier steps are lost, and edits and saves go on (a damaged page
    copied into memory once made every later edit fail: the log is not copied then)."""
    from decimal import Decimal

    from revorg.model.editing import PlanEditor, requests
    from revorg.model.history.chain import verify
    from revorg.model.history.recording import attach_recorder

    size = page_size(saved_bytes)
    path = tmp_path / "plan.revorg"
    path.write_bytes(saved_bytes)
    connection = sqlite3.connect(path)
    try:
        (page,) = connection.execute(
            "SELECT pageno FROM dbstat WHERE name = 'history_steps'"
        ).fetchone()
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table to find the log's pages")
    finally:
        connection.close()
    damaged = bytearray(saved_bytes)
    damaged[(page - 1) * size : page * size] = bytes(size)
    path.write_bytes(bytes(damaged))
    with PlanDocument.open(path) as document:
        editor = PlanEditor(document)
        attach_recorder(editor, "Ana")
        assert summarize(document.session, document.scenario()).inputs.goal == 1_000_000
        problem = verify(document.session)
        assert problem is not None and "lost" in problem.reason and "damaged" in problem.reason
        editor.perform(requests.set_target(editor, "goal", Decimal(1_200_000)))
        document.save()
    with PlanDocument.open(path, for_editing=False) as reopened:
        assert summarize(reopened.session, reopened.scenario()).inputs.goal == 1_200_000
        assert verify(reopened.session) is None  # the log saved is whole again: one step


def test_a_truncated_file_is_refused(saved_bytes: bytes, tmp_path: Path) -> None:
    path = tmp_path / "cut.revorg"
    size = page_size(saved_bytes)
    for keep in (0, 50, 99, *range(size, len(saved_bytes), size), len(saved_bytes) - 2000):
        path.write_bytes(saved_bytes[:keep])
        if keep < 100:
            with pytest.raises(PlanFileError):
                PlanDocument.open(path)
        else:
            assert open_outcome(path) == "refused", keep


@pytest.mark.parametrize("missing", [1, 2])
def test_a_file_cut_short_inside_its_last_page_is_refused(
    saved_bytes: bytes, tmp_path: Path, missing: int
) -> None:
    path = tmp_path / "cut.revorg"
    path.write_bytes(saved_bytes[:-missing])
    outcome = open_outcome(path)
    if outcome == "opened":
        whole = tmp_path / "whole.revorg"
        whole.write_bytes(saved_bytes)
        assert file_dump(path) == file_dump(whole), "the plan opened with other values"
    assert outcome == "refused"


# Damage that open lets through or reports badly, while a fix is pending: none now (the
# file-length, column, index, UTF-8 and one-line cases were fixed). A new one gets a strict
# xfail test and an entry here, so that the fuzz test keeps failing on anything else.
def known_damage_bug(error: BaseException, stage: str) -> str | None:
    return None


def classify_damage(path: Path) -> str:
    before = digest(path)
    stage = "open"
    try:
        document = PlanDocument.open(path)
    except PlanFileError as error:
        if "\n" not in str(error):
            assert digest(path) == before
            return "refused"
        name = known_damage_bug(error, stage)
        return f"known bug: {name}"
    except Exception as error:
        name = known_damage_bug(error, stage)
        if name is None:
            raise
        return f"known bug: {name}"
    stage = "read"
    try:
        with document:
            read_everything(document)
    except Exception as error:
        name = known_damage_bug(error, stage)
        if name is None:
            raise
        return f"known bug: {name}"
    finally:
        assert digest(path) == before
    return "opened"


DAMAGE = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
damage = st.lists(
    st.tuples(st.floats(0, 1, exclude_max=True), st.binary(min_size=1, max_size=64)),
    min_size=1,
    max_size=8,
)
cut = st.none() | st.floats(0.02, 1)


def check_random_damage(
    saved_bytes: bytes, folder: Path, changes: list[tuple[float, bytes]], keep: float | None
) -> None:
    damaged = bytearray(saved_bytes)
    for where, piece in changes:
        at = 100 + int(where * (len(damaged) - 100))  # the header is covered above
        damaged[at : at + len(piece)] = piece
    if keep is not None:
        damaged = damaged[: max(100, int(keep * len(damaged)))]
    path = folder / "random-damage.revorg"
    path.write_bytes(bytes(damaged))
    event(classify_damage(path))


# A failing example is reported with the test's arguments, the 150 kB plan among them: their
# repr's "overly large" warning (an error here) would hide the exception that failed it.
REPORT_THE_FAILURE = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")


@REPORT_THE_FAILURE
@DAMAGE
@given(changes=damage, keep=cut)
def test_random_damage_never_gives_a_traceback(
    saved_bytes: bytes, tmp_path: Path, changes: list[tuple[float, bytes]], keep: float | None
) -> None:
    check_random_damage(saved_bytes, tmp_path, changes, keep)


@pytest.mark.slow
@REPORT_THE_FAILURE
@settings(DAMAGE, max_examples=2000, derandomize=False)
@given(changes=damage, keep=cut)
def test_much_random_damage_never_gives_a_traceback(
    saved_bytes: bytes, tmp_path: Path, changes: list[tuple[float, bytes]], keep: float | None
) -> None:
    check_random_damage(saved_bytes, tmp_path, changes, keep)


def with_schema_edit(saved_bytes: bytes, path: Path, sql: str) -> Path:
    """The plan with its schema text changed in place, as damage to page 1 can do."""
    path.write_bytes(saved_bytes)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA writable_schema = ON")
    connection.execute(sql)
    connection.commit()
    connection.close()
    return path


def test_damage_in_the_schema_with_invalid_utf8_is_refused(
    saved_bytes: bytes, tmp_path: Path, run_revorg: CliRunner
) -> None:
    broken = b'CREATE TABLE targets (a INTEGER, "\xd5'.hex()
    path = with_schema_edit(
        saved_bytes,
        tmp_path / "schema.revorg",
        f"UPDATE sqlite_master SET sql = CAST(X'{broken}' AS TEXT) WHERE name = 'targets'",
    )
    result = run_revorg("summary", path)
    assert result.code == 2, result.err
    assert result.error_lines[0].startswith("error:"), result.err
    assert open_outcome(path) == "refused"


def test_damage_in_the_schema_is_reported_in_one_line(saved_bytes: bytes, tmp_path: Path) -> None:
    path = with_schema_edit(
        saved_bytes,
        tmp_path / "schema.revorg",
        "UPDATE sqlite_master SET sql = 'CREATE TABLE targets (a INTEGER, \"b' || char(10) "
        "|| 'c' WHERE name = 'targets'",
    )
    assert open_outcome(path) == "refused"


def test_a_damaged_column_name_in_a_check_constraint_is_refused_at_open(
    saved_bytes: bytes, tmp_path: Path, run_revorg: CliRunner
) -> None:
    # Found by the random damage test: the schema text still parses, the table copies, and
    # only the copy's first look at its tables (the log's repair) finds the unknown column.
    path = with_schema_edit(
        saved_bytes,
        tmp_path / "check.revorg",
        "UPDATE sqlite_master SET sql = replace(sql, 'CHECK (headcount >= 1)', "
        "'CHECK (heaCfount >= 1)') WHERE name = 'positions'",
    )
    assert open_outcome(path) == "refused"
    result = run_revorg("summary", path)
    assert result.code == 2, result.err
    assert result.error_lines == [
        f"error: {path} is damaged and cannot be read (malformed database schema (positions)"
        " - no such column: heaCfount)"
    ]


def test_a_damaged_column_name_is_refused_at_open(saved_bytes: bytes, tmp_path: Path) -> None:
    path = with_schema_edit(
        saved_bytes,
        tmp_path / "column.revorg",
        "UPDATE sqlite_master SET sql = replace(sql, 'sort_order', 'sort_ordex') "
        "WHERE name = 'scenarios'",
    )
    assert open_outcome(path) == "refused"


def test_a_damaged_index_is_refused_at_open(saved_bytes: bytes, tmp_path: Path) -> None:
    path = tmp_path / "index.revorg"
    path.write_bytes(saved_bytes)
    connection = sqlite3.connect(path)
    (root,) = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_assumptions_1'"
    ).fetchone()
    connection.close()
    size = page_size(saved_bytes)
    damaged = bytearray(saved_bytes)
    start = (root - 1) * size
    at = start + bytes(damaged[start : start + size]).index(b"annual_quota")
    damaged[at + 11] = 0xFF  # "annual_quot\xff": the same length, not UTF-8 any more
    path.write_bytes(bytes(damaged))
    assert open_outcome(path) == "refused"


def test_a_file_from_a_newer_version(saved: Saved, tmp_path: Path, run_revorg: CliRunner) -> None:
    newer = tmp_path / "newer.revorg"
    shutil.copy(saved.path, newer)
    connection = sqlite3.connect(newer)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    before = digest(newer)
    with pytest.raises(PlanFileError) as refused:
        PlanDocument.open(newer)
    assert "saved by a newer version of RevOrg" in one_line(refused.value)
    assert "please update RevOrg" in str(refused.value)
    result = run_revorg("summary", newer)
    assert result.code == 2
    assert result.error_lines == [f"error: {refused.value}"]
    assert digest(newer) == before
    assert listing(tmp_path) == sorted(["newer.revorg", "plans"])
    saved.assert_file_untouched()
    saved.assert_still_editable(tmp_path / "elsewhere.revorg")
