"""Dialogs: small prompts, help, import preview, preferences."""
