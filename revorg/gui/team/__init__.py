"""The window's side of team plans (a plan on a PostgreSQL server): opening and publishing,
refused edits, live updates from teammates and who else has the plan open."""
