"""Docks and tabs: one dock tabbed beside another without a stray tab bar, and pages made when
first shown.

QMainWindow.tabifyDockWidget, when the window already has a tabbed group (the Plan and History
tabs), makes two tab bars for the new group (Qt 6 < 6.12: the layout, asked which bars are in use
while it makes the new group's bar, makes one for the half-made group too). The layout keeps the
second; the first keeps its tabs, is never placed again and shows where the group first was:
"Roles | Outline" drawn over the Roles list, on X11 as offscreen. `tabify` hides that one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar, QVBoxLayout, QWidget

Content = TypeVar("Content", bound=QWidget)


def tab_bars(window: QMainWindow) -> list[QTabBar]:
    """The window's dock tab bars, oldest first."""
    return [bar for bar in window.findChildren(QTabBar) if bar.parent() is window]


_STRAY = "revorgStrayTabBar"  # a bar tabify hid: the layout never places it again


def tabify(window: QMainWindow, first: QDockWidget, second: QDockWidget) -> None:
    """`second` as a tab beside `first`, as QMainWindow.tabifyDockWidget, leaving no stray bar.
    A later group's tabifyDockWidget shows the bars again (a team plan's Team dock beside
    Targets showed "Roles | Outline" over the Roles list): every stray is hidden again."""
    before = set(tab_bars(window))
    window.tabifyDockWidget(first, second)
    made = [bar for bar in tab_bars(window) if bar not in before]
    for stray in made[:-1]:  # the layout keeps the last bar made
        stray.setProperty(_STRAY, True)
    for bar in tab_bars(window):
        if bar.property(_STRAY):
            bar.hide()


class MadeWhenShown(Generic[Content]):
    """A tab's or a dock's content, made the first time it is shown or asked for.

    Tabs and docks that start hidden (hiring plan, quarters, actuals, cost, assumptions,
    history) cost the window's first paint about 40 ms of CPU when made at start. `page`
    stands in for the content in its tab or dock until then. The content reads the plan when
    it is made, so edits made before it exists show in it."""

    def __init__(self, make: Callable[[QWidget], Content], name: str) -> None:
        self._make = make
        self._content: Content | None = None
        self.page = _StandIn(self.content)
        self.page.setObjectName(name)
        self._layout = QVBoxLayout(self.page)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def made(self) -> bool:
        return self._content is not None

    def content(self) -> Content:
        if self._content is None:
            self._content = self._make(self.page)
            self._layout.addWidget(self._content)
            if self.page.isVisible():  # a child added to a shown widget waits to be shown
                self._content.show()
        return self._content


class _StandIn(QWidget):
    """The empty page in a tab or dock that makes its content as it is first shown."""

    def __init__(self, make: Callable[[], QWidget]) -> None:
        super().__init__()
        self._make = make

    def showEvent(self, event: QShowEvent) -> None:
        self._make()
        super().showEvent(event)
