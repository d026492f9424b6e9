"""The desktop window: chart scene and items, panels, dialogs, undo commands."""
