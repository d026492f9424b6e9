"""Help > Report a problem: what a maintainer needs to help a user, on the clipboard.

The report holds RevOrg's version, the platform, Python, Qt and PySide6, the interface language
and the last lines of the log; never plan data (no file name, no names or numbers of the plan).
The dialog says where the log file is, so the user can attach it whole.
"""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from revorg import __version__
from revorg.gui.crash_guard import log_file_path
from revorg.gui.i18n import fill

LOG_LINES = 40  # the end of the log: the last start and what followed it


def last_lines(path: Path, count: int = LOG_LINES) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return text.splitlines()[-count:]


def problem_report(language: str, log: Path) -> str:
    """The report, in English whatever the interface language (it is read by maintainers)."""
    screen = QGuiApplication.primaryScreen()
    lines = [
        "RevOrg problem report",
        f"RevOrg: {__version__}",
        f"Platform: {platform.platform()} ({platform.machine()})",
        f"Python: {platform.python_version()}",
        f"Qt: {qVersion()} (PySide6 {pyside_version}, {QGuiApplication.platformName()})",
        f"Screen: {screen.size().width()}x{screen.size().height()} "
        f"at {screen.devicePixelRatio():g}x"
        if screen is not None
        else "Screen: none",
        f"Language: {language}",
        f"Log: {log}",
        "",
        f"Last lines of the log ({LOG_LINES} at most):",
    ]
    lines += last_lines(log) or ["(the log is empty)"]
    return "\n".join(lines) + "\n"


def report_problem(parent: QWidget, language: str) -> QMessageBox:
    """Copy the report to the clipboard and say so, with the log file's place (not modal:
    the user can paste it elsewhere while the message is up)."""
    log = log_file_path()
    QGuiApplication.clipboard().setText(problem_report(language, log))
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("ProblemReport", "Report a problem"),
        QCoreApplication.translate(
            "ProblemReport",
            "A report is on the clipboard: paste it into an email or an issue, with what you "
            "did and what you saw. It holds RevOrg's version, your system and the end of the "
            "log, and nothing of your plans.",
        ),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setInformativeText(
        fill(QCoreApplication.translate("ProblemReport", "The whole log is in %1"), str(log))
    )
    box.open()
    return box
