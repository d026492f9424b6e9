"""App start-up: the QApplication, the plan to show first, crash recovery, the main window."""

from __future__ import annotations

import contextlib
import gc
import sys
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox

from revorg import __version__
from revorg.gui.crash_guard import install_crash_guard
from revorg.gui.i18n import apply_language, choose_language, fill
from revorg.gui.icons import app_icon
from revorg.gui.labels import error_text
from revorg.gui.platform_libraries import missing_packages_message
from revorg.gui.settings import AppSettings
from revorg.gui.window.main_window import MainWindow
from revorg.gui.window.recovery import RecoveryFile, orphaned_recovery_files
from revorg.model.document import PlanDocument
from revorg.model.errors import RevOrgError
from revorg.model.store import read_plan_file

DEFAULT_GC_THRESHOLD = (700, 10, 10)  # Python's own


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName("RevOrg")
    app.setApplicationName("RevOrg")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("revorg")
    return app


def first_document(path: Path | None, settings: AppSettings, language: str = "en") -> PlanDocument:
    """FILE if given, else the last plan, else the built-in demo plan."""
    if path is not None:
        return PlanDocument.open(path)
    last = settings.last_existing_file()
    if last is not None:
        try:
            return PlanDocument.open(last)
        except RevOrgError:
            pass  # moved, damaged or open elsewhere: fall back to the demo
    return PlanDocument.from_template("demo", language=language)


def recover_document(recovery: RecoveryFile) -> PlanDocument:
    """The autosaved copy, attached to its original file so that Save writes there."""
    document = PlanDocument(read_plan_file(recovery.plan_copy, whole=True), None)
    if recovery.original is not None and recovery.original.parent.is_dir():
        # Open elsewhere: the user saves the recovered plan with Save As.
        with contextlib.suppress(RevOrgError):
            document.attach_to(recovery.original)
    return document


def offer_recovery(window: MainWindow) -> None:
    for recovery in orphaned_recovery_files():
        answer = QMessageBox.question(
            window,
            QApplication.translate("Recovery", "Recover unsaved work?"),
            fill(
                QApplication.translate(
                    "Recovery",
                    "RevOrg ended unexpectedly while “%1” had unsaved changes (autosaved %2). "
                    "Recover them?",
                ),
                recovery.plan_name,
                recovery.saved_at,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            try:
                window.files.replace_document(recover_document(recovery))
            except RevOrgError as error:
                QMessageBox.warning(
                    window, QApplication.translate("Recovery", "Cannot recover"), error_text(error)
                )
                continue
            window.files.recovered_unsaved = True
            window.refresh_title()
        recovery.discard()
        return


def run_application(
    path: Path | None,
    language: str | None,
    opened: PlanDocument | None = None,
    team_address: Any = None,
) -> int:
    """The app on `path` (`opened`: that file, already open), or on a team plan's address,
    else the last plan or the demo."""
    missing = missing_packages_message()
    if missing is not None:  # Qt would stop the process with a message about one library
        print(f"error: {missing}", file=sys.stderr)
        if opened is not None:
            opened.close()
        return 1
    app = make_application()
    install_crash_guard()
    settings = AppSettings()
    language = choose_language(language, settings.language())
    apply_language(language)
    team = None
    try:
        if team_address is not None:
            from revorg.model.team.session import TeamSession

            team = TeamSession.open(team_address, settings.user_name)
            opened = team.document
        document = opened if opened is not None else first_document(path, settings, language)
    except RevOrgError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    window = MainWindow(document, language, first_views=True)
    if team is not None:
        window.team.show_session(team)
    window.show()
    window.show_first_view()  # the top levels, readable
    # After the first paint, the collector's usual pace (revorg.app starts with a slower one).
    window.first_paint.later.append(lambda: gc.set_threshold(*DEFAULT_GC_THRESHOLD))
    offer_recovery(window)
    if path is None and team is None:
        window.offer_welcome()
    return app.exec()
