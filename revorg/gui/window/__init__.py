"""The main window and its parts: actions and menus, file commands, find bar, workshop mode,
autosave."""
