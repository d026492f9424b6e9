"""The command line: one module per command, each with `register(commands)` and `run(options)`.

Commands run headless and import no Qt (drawing chart images imports the chart, never a
window). A command module imports what it needs inside `run`, so that `revorg --help` and one
command load only what that command uses.
"""
