"""A fast start loads only what it uses: the workbook readers, the encoding detector,
python-pptx and the scenario comparison wait until a command or a dialog needs them
(docs/speed.md, "Cold start").

Each check is a new process, as a user starts RevOrg; what matters is the list of modules it
loaded, not its time (the benchmark measures that)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT

# psycopg, Alembic and keyring: only for a team plan's URL (revorg.cli.plans); Pillow only when
# a photo is read (revorg.io.photos).
LATER = (
    "openpyxl",
    "python_calamine",
    "charset_normalizer",
    "defusedxml",
    "pptx",
    "psycopg",
    "alembic",
    "keyring",
    "PIL",
)

# What the window imports only when asked: the dialogs of the menus, the chart's exports, and
# the panels of the tabs and docks hidden at start (revorg.gui.window.plan_docks).
WINDOW_LATER = (
    "revorg.gui.panels.hiring_plan",
    "revorg.gui.panels.year_plan",
    "revorg.gui.panels.actuals",
    "revorg.gui.panels.cost",
    "revorg.gui.panels.assumptions",
    "revorg.gui.panels.history",
    "revorg.gui.panels.outline",
    "revorg.gui.dialogs.import_preview",
    "revorg.io.roster",
    "revorg.gui.dialogs.plan_settings",
    "revorg.gui.dialogs.help",
    "revorg.gui.dialogs.preferences",
    "revorg.gui.dialogs.position_history",
    "revorg.gui.dialogs.step_preview",
    "revorg.gui.chart.export",
)

SUMMARY = """
import json, sys
from revorg.app import main
code = main(["summary", sys.argv[1]])
loaded = sorted(name for name in sys.modules if name.split(".")[0] in LATER)
comparison = "revorg.model.comparison" in sys.modules
loaded += sorted(name for name in sys.modules if name.startswith("revorg.model.team"))
# A plan file's text summary is read with plain SQL (revorg.model.plan_reader): no SQLAlchemy,
# no ORM entities, no session (about 0.35 s of the command).
sqlalchemy = sorted({name.split(".")[0] for name in sys.modules if name.startswith("sqlalchemy")})
sqlalchemy += sorted(name for name in ("revorg.model.entities",) if name in sys.modules)
print(json.dumps(
    {"code": code, "loaded": loaded, "comparison": comparison, "sqlalchemy": sqlalchemy}
))
"""

WINDOW = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from revorg.app import main
app = QApplication(sys.argv[:1])

def report():
    shown = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow"]
    loaded = sorted(name for name in sys.modules if name.split(".")[0] in LATER)
    # Dialogs, the chart's exports and the hidden tabs' panels are imported when opened (the
    # import dialog brings the roster readers): none is needed for the first paint.
    loaded += sorted(name for name in WINDOW_LATER if name in sys.modules)
    print(json.dumps({"windows": len(shown), "loaded": loaded}))
    app.quit()

QTimer.singleShot(0, report)
sys.exit(main([sys.argv[1]]))
"""


def run_python(code: str, *arguments: str) -> dict[str, object]:
    constants = f"LATER = {LATER!r}\nWINDOW_LATER = {WINDOW_LATER!r}\n"
    completed = subprocess.run(
        [sys.executable, "-c", constants + code, *arguments],
        cwd=REPO_ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    result: dict[str, object] = json.loads(completed.stdout.splitlines()[-1])
    return result


def test_summary_loads_no_workbook_library_no_comparison_and_no_sqlalchemy(
    demo_file: Path,
) -> None:
    result = run_python(SUMMARY, str(demo_file))
    assert result == {"code": 0, "loaded": [], "comparison": False, "sqlalchemy": []}


def test_the_window_opens_without_the_workbook_readers_and_the_dialogs(demo_file: Path) -> None:
    result = run_python(WINDOW, str(demo_file))
    assert result == {"windows": 1, "loaded": []}
