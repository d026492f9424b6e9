"""What ships is what is tested: the wheel built from a clean clone, installed in a new virtual
environment, starts in Spanish and Chinese and runs a command.

The tests run from the source tree, which has every file; the wheel has only what pyproject.toml
and setup.py put in it (a missing icon folder or uncompiled translations show only here).

The clone is of the last commit: uncommitted changes are not in the wheel. The new environment
gets the wheel with `--no-deps`; its dependencies (PySide6 alone is 600 MB installed) come from
this project's .venv through a `.pth` line, so the test runs in seconds without a network. That
line adds the folder to sys.path after the environment's own site-packages, and .pth files in it
are not run, so the editable install of the source tree cannot shadow the installed wheel (the
probe checks where `revorg` was imported from).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

# Run by the installed interpreter: `revorg FILE --lang LANG` as the entry point does it, and
# once the window is up, the menu titles and where revorg came from, then quit.
PROBE = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import revorg
from revorg.app import main

app = QApplication(sys.argv[:1])

def report():
    windows = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow"]
    titles = [action.text() for action in windows[0].menuBar().actions()]
    print(json.dumps({"menus": titles, "package": revorg.__file__}))
    app.quit()

QTimer.singleShot(0, report)
sys.exit(main(sys.argv[1:]))
"""


def run(command: list[str | Path], **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, check=False, **options
    )  # type: ignore[call-overload]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a new environment with the wheel of a clean clone installed."""
    if shutil.which("git") is None or not (REPO_ROOT / ".git").exists():
        pytest.fail("the wheel test needs git and a git checkout")
    work = tmp_path_factory.mktemp("wheel")
    clone = work / "clone"
    cloned = run(["git", "clone", "--quiet", "--no-hardlinks", REPO_ROOT, clone])
    assert cloned.returncode == 0, cloned.stderr
    assert not list(clone.glob("revorg/translations/*.qm")), "a clean clone has no .qm files"
    built = run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", work / "dist", clone]
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (work / "dist").glob("revorg-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for needed in (
        "revorg/translations/revorg_es.qm",
        "revorg/translations/revorg_zh.qm",
        "revorg/resources/icons/revorg.svg",
        "revorg/resources/icons/actions/new.svg",
        "revorg/resources/templates/demo.json",
        # Alembic loads the team server's migrations by path: not a package, so package data.
        "revorg/model/team/migrations/env.py",
        "revorg/model/team/migrations/versions/v0001_registry.py",
    ):
        assert needed in names

    environment = work / "env"
    made = run([sys.executable, "-m", "venv", "--without-pip", environment])
    assert made.returncode == 0, made.stderr
    python = environment / "bin" / "python"
    placed = run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--quiet", wheel]
    )
    assert placed.returncode == 0, placed.stderr
    site = Path(
        run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]).stdout.strip()
    )
    (site / "revorg-test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    return environment / "bin"


@pytest.mark.parametrize(
    ("language", "menus"),
    [
        ("es", ["&Archivo", "&Editar", "&Ver", "E&scenario", "A&yuda"]),
        ("zh", ["文件(&F)", "编辑(&E)", "视图(&V)", "情景(&S)", "帮助(&H)"]),
    ],
)
def test_the_installed_app_opens_in_spanish_and_chinese(
    installed: Path, tmp_path: Path, language: str, menus: list[str]
) -> None:
    plan = tmp_path / "demo.revorg"
    made = run([installed / "revorg", "new", "-o", plan])
    assert made.returncode == 0, made.stderr
    probe = tmp_path / "probe.py"
    probe.write_text(PROBE, encoding="utf-8")
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = run([installed / "python", probe, plan, "--lang", language], env=environment)
    assert started.returncode == 0, started.stderr
    assert "is missing" not in started.stdout
    seen = json.loads(started.stdout.strip().splitlines()[-1])
    assert Path(seen["package"]).is_relative_to(installed.parent)
    assert seen["menus"] == menus


def test_the_installed_command_line_summarises_a_new_demo_plan(
    installed: Path, tmp_path: Path
) -> None:
    plan = tmp_path / "demo.revorg"
    made = run([installed / "revorg", "new", "-o", plan, "--year", "2027"])
    assert made.returncode == 0, made.stderr
    summary = run([installed / "revorg", "summary", "--json", plan])
    assert summary.returncode == 0, summary.stderr
    figures = json.loads(summary.stdout)
    # The demo template: goal EUR 1M, 19 positions (20 people), 3 of them open.
    assert (figures["goal"], figures["positions"], figures["headcount"]) == (1000000, 19, 20)
    assert figures["open_positions"] == 3
    version = run([installed / "revorg", "--version"])
    assert version.stdout.strip() == "RevOrg 0.1.0"


def test_the_installed_package_finds_the_team_servers_migrations(installed: Path) -> None:
    # The files' side of the chain too (revorg.model.store.chain): no plan revision yet.
    code = (
        "from revorg.model.team.schema import head_revision; "
        "from revorg.model.store.chain import plan_revisions; "
        "print(head_revision(), len(plan_revisions()))"
    )
    found = run([installed / "python", "-c", code])
    assert found.returncode == 0, found.stderr
    assert found.stdout.strip() == "0007 0"  # the plan images (first open of a team plan)
