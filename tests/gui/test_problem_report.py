"""Help > Report a problem puts a report on the clipboard (version, system, Qt, the end of the
log, nothing of the plan) and says where the whole log is; the log rotates."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from revorg.gui import crash_guard, problem_report
from revorg.gui.window.main_window import MainWindow


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "logs" / "revorg.log"
    path.parent.mkdir()
    monkeypatch.setattr(crash_guard, "log_file_path", lambda: path)
    monkeypatch.setattr(problem_report, "log_file_path", lambda: path)
    return path


def test_the_report_has_the_version_the_system_and_the_end_of_the_log(
    window: MainWindow, log_file: Path, tmp_path: Path
) -> None:
    log_file.write_text("".join(f"line {n}\n" for n in range(1, 51)), encoding="utf-8")
    QGuiApplication.clipboard().clear()
    window.menus.report_problem_action.trigger()
    box = next(w for w in window.findChildren(QMessageBox) if w.isVisible())
    box.grab().save(str(tmp_path / "report-problem.png"))
    report = QGuiApplication.clipboard().text()
    lines = report.splitlines()
    assert lines[:2] == ["RevOrg problem report", "RevOrg: 0.1.0"]
    assert lines[3].startswith("Python: 3.")
    assert lines[4].startswith("Qt: 6.") and "PySide6 6." in lines[4]
    assert f"Log: {log_file}" in lines
    # The last 40 lines of a 50-line log: lines 11 to 50.
    assert lines[-40:] == [f"line {n}" for n in range(11, 51)]
    assert "line 10" not in lines
    # Nothing of the plan: its name, people and numbers stay on this computer.
    plan = window.controller.document.plan
    for private in (plan.name, "Elena Ruiz", "1,000,000", "170,000"):
        assert private not in report
    assert str(log_file) in box.informativeText()
    assert "clipboard" in box.text()
    box.close()


def test_the_report_of_an_empty_log_says_so(window: MainWindow, log_file: Path) -> None:
    window.menus.report_problem_action.trigger()
    assert QGuiApplication.clipboard().text().endswith("(the log is empty)\n")
    for box in window.findChildren(QMessageBox):
        box.close()


def test_the_log_rotates(log_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crash_guard, "LOG_BYTES", 2_000)
    crash_guard.install_crash_guard()
    try:
        for number in range(100):  # 100 lines of about 80 bytes: 8 kB, four files of 2 kB
            crash_guard.logger.info("event %03d %s", number, "x" * 40)
    finally:
        for handler in list(crash_guard.logger.handlers):
            crash_guard.logger.removeHandler(handler)
            handler.close()
        crash_guard.logger.setLevel(logging.NOTSET)
    names = sorted(path.name for path in log_file.parent.iterdir())
    assert names == ["revorg.log", "revorg.log.1", "revorg.log.2", "revorg.log.3"]
    assert all(path.stat().st_size <= 2_000 for path in log_file.parent.iterdir())
    assert "event 099" in log_file.read_text(encoding="utf-8")
