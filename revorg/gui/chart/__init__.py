"""The org chart: its layout, the scene and its items, the view, and the chart as a picture."""
