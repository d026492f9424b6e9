"""Every menu command that has an icon in good desktop tools has one here, in the theme's
colours when the desktop has no icon theme."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QToolBar

from revorg.gui.icons import ACTION_ICONS_FOLDER, THEME_ICONS, _line_icon, action_icon
from revorg.gui.window.main_window import MainWindow
from revorg.model.document import PlanDocument


def test_every_named_icon_has_a_drawing_of_ours() -> None:
    drawn = {path.stem for path in ACTION_ICONS_FOLDER.glob("*.svg")}
    assert drawn == set(THEME_ICONS)
    for name in THEME_ICONS:
        assert not action_icon(name).isNull(), name


def test_the_toolbar_has_its_icons_before_the_first_paint() -> None:
    window = MainWindow(PlanDocument.from_template("demo", 2027))  # never shown
    try:
        bar = window.findChild(QToolBar, "scenarioBar")
        drawn = [action for action in bar.actions() if not action.icon().isNull()]
        assert len(drawn) == 4  # new, rename, delete, compare
        assert window.menus.undo_action.icon().isNull()  # the menus' wait for the first paint
        window.menuBar().actions()[1].menu().aboutToShow.emit()  # or for a menu to open
        assert not window.menus.undo_action.icon().isNull()
    finally:
        window.controller.document.close()
        window.deleteLater()


def test_the_editing_commands_have_icons(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.menus.undo_action.icon().isNull())  # after the paint
    for action in (
        window.menus.undo_action,
        window.menus.redo_action,
        window.menus.add_report_action,
        window.menus.delete_action,
        window.menus.rename_action,
        window.menus.duplicate_action,
        window.menus.find_action,
        window.menus.workshop_action,
    ):
        assert not action.icon().isNull(), action.text()


def stroke_brightness(icon: QIcon) -> int:
    """The median brightness (0 to 255) of the icon's opaque pixels: its strokes."""
    image = icon.pixmap(24, 24).toImage()
    colours = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    values = sorted(colour.value() for colour in colours if colour.alpha() > 250)
    assert values, "the icon draws nothing"
    return values[len(values) // 2]


def test_our_icons_follow_light_and_dark_themes() -> None:
    on_light = _line_icon("rename", "#202020", "#a0a0a0")
    on_dark = _line_icon("rename", "#f0f0f0", "#707070")
    assert stroke_brightness(on_light) < 60  # dark strokes on a light window
    assert stroke_brightness(on_dark) > 220  # light strokes on a dark window
