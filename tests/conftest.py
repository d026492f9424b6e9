"""Shared fixtures: a headless Qt, a private home folder, demo plans and the command line."""

import os

# Before anything can create a QApplication: the tests never open a window on a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from revorg.app import main
from revorg.model.document import PlanDocument

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class CliResult:
    """What a user sees after running `revorg ...`: the exit code and both streams."""

    code: int
    out: str
    err: str

    @property
    def error_lines(self) -> list[str]:
        return self.err.splitlines()


CliRunner = Callable[..., CliResult]


# Numbers and months as the app shows them in English, whatever this machine's locale (CI's is
# often C). Tests of other languages set their own locale and restore this one.
QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings, caches and recent-file lists go to a temporary home, never the real one."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))
    for variable, folder in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        (home / folder).mkdir(parents=True)
        monkeypatch.setenv(variable, str(home / folder))
    return home


@pytest.fixture
def demo_document() -> Iterator[PlanDocument]:
    """The demo plan (the worked EUR 1,000,000 plan) in memory, not yet saved."""
    document = PlanDocument.from_template("demo", fiscal_year=2027)
    try:
        yield document
    finally:
        document.close()


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    """A saved demo plan for fiscal year 2027, written by the command line as a user would."""
    path = tmp_path / "demo.revorg"
    assert main(["new", "--template", "demo", "--year", "2027", "-o", str(path)]) == 0
    return path


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> CliRunner:
    """Run `revorg ARGS` in this process; returns the exit code and what it printed."""

    def run(*arguments: str | Path) -> CliResult:
        capsys.readouterr()
        code = main([str(argument) for argument in arguments])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def run_revorg() -> CliRunner:
    """Run `python main.py ARGS` in a real process, as from a terminal."""

    def run(*arguments: str | Path) -> CliResult:
        completed = subprocess.run(
            [sys.executable, str(REPO_ROOT / "main.py"), *map(str, arguments)],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        return CliResult(completed.returncode, completed.stdout, completed.stderr)

    return run
