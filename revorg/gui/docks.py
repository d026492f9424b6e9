"""Tabbing one dock beside another without a stray tab bar.

QMainWindow.tabifyDockWidget, when the window already has a tabbed group (the Plan and History
tabs), makes two tab bars for the new group (Qt 6 < 6.12: the layout, asked which bars are in use
while it makes the new group's bar, makes one for the half-made group too). The layout keeps the
second; the first keeps its tabs, is never placed again and shows where the group first was:
"Roles | Outline" drawn over the Roles list, on X11 as offscreen. `tabify` hides that one.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar


def tab_bars(window: QMainWindow) -> list[QTabBar]:
    """The window's dock tab bars, oldest first."""
    return [bar for bar in window.findChildren(QTabBar) if bar.parent() is window]


def tabify(window: QMainWindow, first: QDockWidget, second: QDockWidget) -> None:
    """`second` as a tab beside `first`, as QMainWindow.tabifyDockWidget, leaving no stray bar."""
    before = set(tab_bars(window))
    window.tabifyDockWidget(first, second)
    made = [bar for bar in tab_bars(window) if bar not in before]
    for stray in made[:-1]:  # the layout keeps the last bar made
        stray.hide()
