"""GUI fixtures: a main window on the demo plan, settings and data folders kept out of $HOME,
and synthetic drag-and-drop (QDrag.exec does not drop under the offscreen platform)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QByteArray, QLocale, QMimeData, QPoint, QPointF, QStandardPaths, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from revorg.gui.application import make_application
from revorg.gui.window.main_window import MainWindow
from revorg.model.document import PlanDocument


@pytest.fixture(scope="session", autouse=True)
def isolated_qt_locations() -> None:
    # Settings and autosave folders go to Qt's test locations, never the user's own.
    QStandardPaths.setTestModeEnabled(True)
    make_application()
    QApplication.setOrganizationName("RevOrgTests")


@pytest.fixture
def window(qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    main_window = MainWindow(PlanDocument.from_template("demo", 2027))
    # A test that leaves changes must not block on the "save changes?" question.
    main_window.files.ask_unsaved = lambda *_args: QMessageBox.StandardButton.Discard
    main_window.show()
    qtbot.waitExposed(main_window)
    main_window.view.fit()
    yield main_window
    main_window.close()
    main_window.deleteLater()


def choose_tab(window: MainWindow, panel: QWidget) -> None:
    """The Plan dock's tab holding `panel` chosen, as a click on it does (the hidden tabs'
    panels sit in the page that made them when first shown: revorg.gui.docks)."""
    page = panel.parentWidget()
    assert page is not None
    window.plan_tabs.setCurrentWidget(page)


def mime_with(mime_type: str, payload: str) -> QMimeData:
    data = QMimeData()
    data.setData(mime_type, QByteArray(payload.encode("utf-8")))
    return data


def card_point(window: MainWindow, position_id: int) -> QPoint:
    """Viewport coordinates of a card's centre (scrolled into view first)."""
    card = window.scene.cards[position_id]
    window.view.centerOn(card)
    return window.view.mapFromScene(card.scenePos())


def empty_point(window: MainWindow) -> QPoint:
    """A viewport point with no card under it (the scene's margin above the chart)."""
    rect = window.scene.sceneRect()
    window.view.centerOn(QPointF(rect.left() + 20, rect.top() + 20))
    return window.view.mapFromScene(QPointF(rect.left() + 20, rect.top() + 20))


def drag_move(window: MainWindow, mime: QMimeData, point: QPoint) -> QDragMoveEvent:
    viewport = window.view.viewport()
    enter = QDragEnterEvent(
        point, Qt.DropAction.CopyAction | Qt.DropAction.MoveAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(viewport, enter)
    move = QDragMoveEvent(
        point, Qt.DropAction.CopyAction | Qt.DropAction.MoveAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(viewport, move)
    return move


def drop(window: MainWindow, mime: QMimeData, point: QPoint) -> QDropEvent:
    """A full synthetic drag: enter, move and drop at `point` of the chart's viewport."""
    drag_move(window, mime, point)
    event = QDropEvent(
        QPointF(point), Qt.DropAction.CopyAction | Qt.DropAction.MoveAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(window.view.viewport(), event)
    return event


@contextlib.contextmanager
def demo_window_in(
    language: str,
    qtbot,
    size: tuple[int, int] | None = None,  # type: ignore[no-untyped-def]
) -> Iterator[MainWindow]:
    """The demo plan's window shown in `language`; English again afterwards."""
    from revorg.gui.i18n import apply_language

    apply_language(language)
    window = MainWindow(PlanDocument.from_template("demo", 2027, language=language), language)
    if size is not None:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    try:
        yield window
    finally:
        window.controller.undo_stack.clear()
        window.close()
        window.deleteLater()
        apply_language("en")
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
