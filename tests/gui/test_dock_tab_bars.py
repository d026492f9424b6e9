"""The left dock's "Roles | Outline" tabs: drawn once, under the docks, never over the Roles
list (QMainWindow.tabifyDockWidget used to leave a second, stale tab bar where the group was
first laid out; revorg.gui.docks hides it)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QMessageBox, QTabBar, QWidget

from revorg.gui.settings import AppSettings
from revorg.gui.window.main_window import MainWindow
from revorg.model.document import PlanDocument


def rect_in_window(window: MainWindow, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def drawn_tab_bars(window: MainWindow) -> list[tuple[list[str], QRect]]:
    """The tab bars a user sees: shown, and inside the window."""
    return [
        ([bar.tabText(i) for i in range(bar.count())], rect_in_window(window, bar))
        for bar in window.findChildren(QTabBar)
        if bar.parent() is window
        and bar.isVisible()
        and window.rect().intersects(rect_in_window(window, bar))
    ]


@pytest.fixture(params=[False, True], ids=["outline closed", "outline open"])
def window(request: pytest.FixtureRequest, qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    AppSettings().set_outline_shown(request.param)
    main_window = MainWindow(PlanDocument.from_template("demo", 2027))
    main_window.files.ask_unsaved = lambda *_args: QMessageBox.StandardButton.Discard
    main_window.resize(1600, 960)
    main_window.show()
    qtbot.waitExposed(main_window)
    yield main_window
    main_window.close()
    main_window.deleteLater()
    AppSettings().set_outline_shown(False)


def test_no_tab_bar_is_drawn_over_the_roles_list_or_the_outline(window: MainWindow) -> None:
    bars = drawn_tab_bars(window)
    for widget in (window.role_palette, window.outline.panel):
        if widget.isVisible():
            area = rect_in_window(window, widget)
            assert [tabs for tabs, rect in bars if rect.intersects(area)] == []
    left = [(tabs, rect) for tabs, rect in bars if "Roles" in tabs]
    if window.outline.dock.isVisible():
        # One bar, under the outline (the tab in front), as wide as the dock.
        assert len(left) == 1
        tabs, rect = left[0]
        assert tabs == ["Roles", "Outline"]
        outline = rect_in_window(window, window.outline.panel)
        assert rect.top() >= outline.bottom()
    else:
        assert left == []  # the roles alone: no tabs


def test_a_dock_tabbed_later_leaves_no_bar_over_the_roles_list(qtbot) -> None:  # type: ignore[no-untyped-def]
    # As a team plan's window does (its Team dock beside Targets) before it is first shown:
    # Qt's layout showed the Roles | Outline bar hidden at start again, over the Roles list.
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDockWidget

    from revorg.gui.docks import tabify

    AppSettings().set_outline_shown(False)
    window = MainWindow(PlanDocument.from_template("demo", 2027))
    window.files.ask_unsaved = lambda *_args: QMessageBox.StandardButton.Discard
    team = QDockWidget("Team", window)
    team.setObjectName("presenceDock")
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, team)
    targets = window.findChild(QDockWidget, "targetsDock")
    assert isinstance(targets, QDockWidget)
    tabify(window, targets, team)
    window.resize(1600, 960)
    window.show()
    qtbot.waitExposed(window)
    try:
        bars = drawn_tab_bars(window)
        roles = rect_in_window(window, window.role_palette)
        assert [tabs for tabs, rect in bars if rect.intersects(roles)] == []
        assert [tabs for tabs, _rect in bars if "Roles" in tabs] == []
        assert [tabs for tabs, _rect in bars if "Team" in tabs] == [["Targets", "Team"]]
    finally:
        window.close()
        window.deleteLater()
