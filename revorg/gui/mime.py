"""Drag-and-drop payload types, defined once."""

ROLE_MIME_TYPE = "application/x-revorg-role"  # payload: the role key, UTF-8 (e.g. b"ae")
POSITION_MIME_TYPE = "application/x-revorg-position"  # payload: the position id, UTF-8
