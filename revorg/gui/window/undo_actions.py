"""Edit > Undo and Redo, named after the step they undo in the interface language.

QUndoStack.createUndoAction puts its prefix before the step ("&Undo Move…"), which leaves a
Chinese accelerator "(&U)" in the middle of the text; here each language places the step where
it belongs ("撤销 %1(&U)")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoStack

from revorg.gui.i18n import fill, translate

# Help > Keyboard shortcuts lists "Undo", not the step that happens to be undoable now.
SHORTCUT_NAME = "shortcutName"


def _undo_text(step: str) -> str:
    if not step:
        return translate("UndoActions", "&Undo")
    return fill(translate("UndoActions", "&Undo %1"), step)


def _redo_text(step: str) -> str:
    if not step:
        return translate("UndoActions", "&Redo")
    return fill(translate("UndoActions", "&Redo %1"), step)


class StepAction(QAction):
    """An action named after a step of the stack. Its slots are methods, so Qt disconnects
    them when the action is deleted (a lambda would outlive the window's actions)."""

    def __init__(self, naming: Callable[[str], str], step: str, parent: QObject) -> None:
        super().__init__(naming(step), parent)
        self.naming = naming
        self.setProperty(SHORTCUT_NAME, naming(""))

    def show_step(self, step: str) -> None:
        self.setText(self.naming(step))


def make_undo_action(stack: QUndoStack, parent: QObject) -> QAction:
    """An action that undoes the stack's last step, enabled only when there is one."""
    action = StepAction(_undo_text, stack.undoText(), parent)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    action.setEnabled(stack.canUndo())
    action.triggered.connect(stack.undo)
    stack.canUndoChanged.connect(action.setEnabled)
    stack.undoTextChanged.connect(action.show_step)
    return action


def make_redo_action(stack: QUndoStack, parent: QObject) -> QAction:
    """An action that redoes the step last undone, enabled only when there is one."""
    action = StepAction(_redo_text, stack.redoText(), parent)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
    action.setEnabled(stack.canRedo())
    action.triggered.connect(stack.redo)
    stack.canRedoChanged.connect(action.setEnabled)
    stack.redoTextChanged.connect(action.show_step)
    return action
