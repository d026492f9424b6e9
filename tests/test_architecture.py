"""What the command line and the model load when they run: no Qt, no workbook library.

The rule read from the source (app > gui > io > model, no cycles) is import-linter's: see
[tool.importlinter] in pyproject.toml, checked by scripts/test."""

import json
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

HEADLESS_RUN = """
import json, sys
import revorg.model.document, revorg.model.summary, revorg.app, revorg.io
from revorg.app import main

plan = sys.argv[1]
codes = [
    main(["templates"]),
    main(["new", "--template", "demo", "--year", "2027", "-o", plan]),
    main(["summary", plan]),
    main(["summary", plan, "--json"]),
    main(["targets", plan, "--goal", "1500000", "--balance", "leads"]),
]
loaded = sorted(name for name in sys.modules if name.startswith(("PySide6", "shiboken6")))
gui = sorted(name for name in sys.modules if name.startswith("revorg.gui"))
print(json.dumps({"codes": codes, "qt": loaded, "gui": gui}))
"""

MODEL_ONLY = """
import importlib, json, pkgutil, sys
import revorg.model
names = [m.name for m in pkgutil.walk_packages(revorg.model.__path__, "revorg.model.")]
for name in names:
    importlib.import_module(name)
loaded = sorted(
    name for name in sys.modules
    if name.split(".")[0] in {"openpyxl", "PySide6", "shiboken6", "defusedxml"}
    or name.startswith(("revorg.gui", "revorg.io", "revorg.app"))
)
print(json.dumps({"modules": names, "loaded": loaded}))
"""


def run_python(code: str, *arguments: str) -> dict[str, list[str]]:
    completed = subprocess.run(
        [sys.executable, "-c", code, *arguments],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    result: dict[str, list[str]] = json.loads(completed.stdout.splitlines()[-1])
    return result


def test_the_command_line_loads_no_qt(tmp_path: Path) -> None:
    result = run_python(HEADLESS_RUN, str(tmp_path / "plan.revorg"))
    assert result["codes"] == [0, 0, 0, 0, 0]
    assert result["qt"] == []
    assert result["gui"] == []


def test_the_model_loads_no_qt_no_openpyxl_and_no_other_layer() -> None:
    result = run_python(MODEL_ONLY)
    assert "revorg.model.store.reading" in result["modules"]  # the walk did find the model
    assert result["loaded"] == []
