"""The speed benchmark of issue 6: `scripts/bench` (python -m benchmarks.run).

Not a test: it prints, for plans of several sizes, how long RevOrg takes to open, lay out,
repaint, save, export and import them, with the same work done by peers (Graphviz `dot`,
openpyxl, plain sqlite3) in the same run, and the issue's goals side by side.
"""
