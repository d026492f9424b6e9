"""Workbooks and rosters in and out; uses the model, never the GUI."""
