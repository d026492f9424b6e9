"""The application icon, and icons for the actions: the desktop theme's when it has one (so they
match the other applications), else RevOrg's own line icons (resources/icons/actions), drawn in
the palette's text colour so they read in light and dark themes alike."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

ICONS_FOLDER = Path(__file__).resolve().parent.parent / "resources" / "icons"
APP_ICON_FILE = ICONS_FOLDER / "revorg.svg"
ACTION_ICONS_FOLDER = ICONS_FOLDER / "actions"
ICON_SIZES = (16, 24, 32, 48)  # menus, toolbars, and both at twice the pixels (high DPI)

Theme = QIcon.ThemeIcon

# Action name: the desktop theme's icon for it, if the theme names one (else only ours).
THEME_ICONS: dict[str, QIcon.ThemeIcon | None] = {
    "new": Theme.DocumentNew,
    "open": Theme.DocumentOpen,
    "save": Theme.DocumentSave,
    "save_as": Theme.DocumentSaveAs,
    "print": Theme.DocumentPrint,
    "quit": Theme.ApplicationExit,
    "undo": Theme.EditUndo,
    "redo": Theme.EditRedo,
    "add": Theme.ListAdd,
    "delete": Theme.EditDelete,
    "rename": None,
    "duplicate": Theme.EditCopy,
    "find": Theme.EditFind,
    "zoom_in": Theme.ZoomIn,
    "zoom_out": Theme.ZoomOut,
    "fit": Theme.ZoomFitBest,
    "collapse": None,
    "workshop": Theme.ViewFullscreen,
    "shortcuts": Theme.InputKeyboard,
    "about": Theme.HelpAbout,
    "preferences": Theme.DocumentProperties,
    "import": None,
    "export": None,
    "compare": None,
    "welcome": None,
}


def app_icon() -> QIcon:
    return QIcon(str(APP_ICON_FILE))


def action_icon(name: str) -> QIcon:
    theme = THEME_ICONS[name]
    if theme is not None:
        icon = QIcon.fromTheme(theme)
        if not icon.isNull():
            return icon
    palette = QApplication.palette()
    return _line_icon(
        name,
        palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText).name(),
        palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name(),
    )


@cache
def _line_icon(name: str, colour: str, disabled_colour: str) -> QIcon:
    """Our icon `name` in the given colours, at every size menus and toolbars ask for."""
    svg = (ACTION_ICONS_FOLDER / f"{name}.svg").read_text(encoding="utf-8")
    icon = QIcon()
    for mode, shade in ((QIcon.Mode.Normal, colour), (QIcon.Mode.Disabled, disabled_colour)):
        renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", shade).encode()))
        for size in ICON_SIZES:
            icon.addPixmap(_drawn(renderer, size), mode)
    return icon


def _drawn(renderer: QSvgRenderer, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(Qt.GlobalColor.transparent))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def set_icon(action: QAction, name: str) -> QAction:
    action.setIcon(action_icon(name))
    return action


def app_icon_png(size: int) -> bytes:
    """The application icon drawn at `size` pixels, as PNG (for the desktop's icon theme).

    A QImage needs no QApplication, so the command line can draw it headless."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QImage

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(Qt.GlobalColor.transparent))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(APP_ICON_FILE)).render(painter, QRectF(0, 0, size, size))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # (the stubs want bytes; Qt a str)
    return bytes(buffer.data().data())
