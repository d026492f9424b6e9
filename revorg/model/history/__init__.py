"""The change log inside the plan file (format 5): every edit, undo and redo, who made it and
when, each value before and after, in a hash chain that shows edits made outside RevOrg. No Qt.

- `values`: a value of the model as deterministic JSON text (Decimal as exact text);
- `chain`: the hash of a step, and `verify`, which finds the first step that does not match;
- `recording`: `ChangeRecorder`, which an editor runs inside each edit's savepoint;
- `reading`: the steps, newest first, with their field changes, for the command line and views;
- `compaction`: the steps before a date dropped, the chain still verifiable.

Opening a plan never reads the log: only these modules do, when asked.
"""
