"""Dependencies point one way: gui -> model, io -> model, app -> all. Commands load no Qt."""

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
PACKAGE = REPO_ROOT / "revorg"

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
    assert result["codes"] == [0, 0, 0, 0]
    assert result["qt"] == []
    assert result["gui"] == []


def test_the_model_loads_no_qt_no_openpyxl_and_no_other_layer() -> None:
    result = run_python(MODEL_ONLY)
    assert "revorg.model.store.reading" in result["modules"]  # the walk did find the model
    assert result["loaded"] == []


# --- the same rule, read from the source ----------------------------------------------------


def imported_modules(source: str, package: str) -> set[str]:
    """Absolute names of everything a module of `package` imports (relative imports resolved)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                prefix = f"{base}.{node.module}" if node.module else base
            else:
                prefix = node.module or ""
            found.add(prefix)
            found.update(f"{prefix}.{alias.name}" for alias in node.names)
    return found


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_of(path: Path) -> str:
    name = module_name(path)
    return name if path.name == "__init__.py" else name.rsplit(".", 1)[0]


def violations(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted((PACKAGE / folder).rglob("*.py")):
        name = module_name(path)
        for imported in imported_modules(path.read_text(encoding="utf-8"), package_of(path)):
            if any(imported == f or imported.startswith(f"{f}.") for f in forbidden):
                found.append(f"{name} imports {imported}")
    return found


def test_the_checker_sees_every_kind_of_import() -> None:
    source = "import PySide6.QtCore\nfrom openpyxl import Workbook\nfrom ..gui import chart\n"
    names = imported_modules(source, "revorg.model")
    assert {"PySide6.QtCore", "openpyxl", "revorg.gui.chart"} <= names
    assert "revorg.model.errors" in imported_modules("from .errors import X", "revorg.model")
    assert package_of(PACKAGE / "model" / "__init__.py") == "revorg.model"
    assert package_of(PACKAGE / "model" / "store" / "lock.py") == "revorg.model.store"


@pytest.mark.parametrize(
    ("folder", "forbidden"),
    [
        ("model", ("PySide6", "shiboken6", "openpyxl", "revorg.gui", "revorg.io", "revorg.app")),
        ("io", ("PySide6", "shiboken6", "revorg.gui", "revorg.app")),
    ],
)
def test_layers_import_only_downwards(folder: str, forbidden: tuple[str, ...]) -> None:
    assert list((PACKAGE / folder).rglob("*.py"))
    assert violations(folder, forbidden) == []


def test_nothing_but_the_app_imports_the_gui() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        if name == "revorg.app" or name.startswith("revorg.gui"):
            continue
        imports = imported_modules(path.read_text(encoding="utf-8"), package_of(path))
        found += [f"{name} imports {i}" for i in imports if i.startswith("revorg.gui")]
    assert found == []
