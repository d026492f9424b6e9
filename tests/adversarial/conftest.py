"""Fixtures of the adversarial suite: a headless Qt whose settings never reach the user's own
folders (as tests/gui does)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication


@pytest.fixture(scope="session", autouse=True)
def isolated_qt_locations(qapp: QApplication) -> None:
    QStandardPaths.setTestModeEnabled(True)
    QApplication.setOrganizationName("RevOrgTests")
