"""The plan as PowerPoint slides (python-pptx): the chart as native shapes and connectors, a
slide per team that does not fit on the one above, targets against capacity at the end.

Imported only when slides are written: python-pptx and lxml stay out of the command line's and
the window's start.
"""

from revorg.gui.slides.deck import SlidesError, export_slides_file, write_slides

__all__ = ["SlidesError", "export_slides_file", "write_slides"]
