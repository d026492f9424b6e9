"""The application icon, and icons for the actions: the desktop theme's when it has them (so
they match the other applications), else Qt's own standard icons."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QStyle

APP_ICON_FILE = Path(__file__).resolve().parent.parent / "resources" / "icons" / "revorg.svg"

Theme = QIcon.ThemeIcon
Standard = QStyle.StandardPixmap

# Action name (the window's attribute or menu entry): the theme's icon, Qt's standard one.
ACTION_ICONS: dict[str, tuple[QIcon.ThemeIcon, QStyle.StandardPixmap | None]] = {
    "new": (Theme.DocumentNew, Standard.SP_FileIcon),
    "open": (Theme.DocumentOpen, Standard.SP_DialogOpenButton),
    "save": (Theme.DocumentSave, Standard.SP_DialogSaveButton),
    "save_as": (Theme.DocumentSaveAs, Standard.SP_DialogSaveButton),
    "print": (Theme.DocumentPrint, None),
    "quit": (Theme.ApplicationExit, Standard.SP_DialogCloseButton),
    "undo": (Theme.EditUndo, Standard.SP_ArrowBack),
    "redo": (Theme.EditRedo, Standard.SP_ArrowForward),
    "add": (Theme.ListAdd, Standard.SP_FileDialogNewFolder),
    "delete": (Theme.EditDelete, Standard.SP_TrashIcon),
    "find": (Theme.EditFind, Standard.SP_FileDialogContentsView),
    "zoom_in": (Theme.ZoomIn, None),
    "zoom_out": (Theme.ZoomOut, None),
    "fit": (Theme.ZoomFitBest, None),
    "workshop": (Theme.ViewFullscreen, Standard.SP_TitleBarMaxButton),
    "shortcuts": (Theme.InputKeyboard, Standard.SP_DialogHelpButton),
    "about": (Theme.HelpAbout, Standard.SP_MessageBoxInformation),
    "preferences": (Theme.DocumentProperties, Standard.SP_FileDialogDetailedView),
    "import": (Theme.DocumentOpen, Standard.SP_DialogOpenButton),
    "compare": (Theme.ViewRefresh, Standard.SP_FileDialogListView),
}


def app_icon() -> QIcon:
    return QIcon(str(APP_ICON_FILE))


def action_icon(name: str) -> QIcon:
    theme, standard = ACTION_ICONS[name]
    icon = QIcon.fromTheme(theme)
    if icon.isNull() and standard is not None:
        style = QApplication.style()
        icon = style.standardIcon(standard)
    return icon


def set_icon(action: QAction, name: str) -> QAction:
    icon = action_icon(name)
    if not icon.isNull():
        action.setIcon(icon)
    return action
