"""The desktop window. chart/ draws the org chart, panels/ and dialogs/ surround it, window/ puts
them together; controller and commands are the editor's hub and its undo steps; the modules
here (i18n, labels, numbers, theme, icons, settings, mime) serve them all."""
