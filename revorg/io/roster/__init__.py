"""An HR roster (.xlsx or .csv, one row per person or vacancy) made into a new plan.

Columns are found by their heading in English, Spanish or Chinese, whatever the case, accents
and punctuation (resources/vocabulary/headings.json); Name and Title are required. The heading row
is the first of the first rows with known headings; in a workbook, the first sheet with Name and
Title is read. Each title is matched to a role of the catalogue by its names, aliases and short
names in the three languages (RoleMatcher); a title that matches none becomes a custom role. The
targets come from a template, whose positions are replaced by the roster's.

Rules decided here:

- A blank Name is an open position (a vacancy).
- Manager is an id (when a row has that id), else an email (when it has an @), else a name.
  A name that two rows share is an error: a reporting line guessed wrong would go unnoticed,
  and the fix (use the manager's id or email) is easy.
- Dates, amounts and the file's encoding are read by revorg.io.values: ambiguous dates such
  as 04/01/2027 in the order the column's other dates show, else in the habit of the headings'
  language (English month first, Spanish and Chinese day first), with a note.
- Start date: an open position starts in that month (the first month of the fiscal year when
  the date is earlier). A named person keeps the name and counts for the whole year, as the
  model counts every named person; a start inside or after the fiscal year is written in the
  position's notes and reported, so that the user can clear the name to plan a ramping hire.
- A blank cost takes the role's default cost (a custom role's: the first cost given for it);
  text, a negative amount or a date is an error. Amounts in another currency than the plan's
  are a warning, not converted.
- Department: a custom role goes to the department the column names, else (a blank cell or no
  column) the one its title's words suggest. A catalogue role keeps its own department
  (capacity is counted by role), except the roles that may sit in two (OTHER_DEPARTMENTS),
  which follow the column.
- Outside revenue: a title that matches no role, with a department cell that names no revenue
  function (or a blank one and a title that suggests none), is the catalogue role
  outside_revenue in the department "outside" (greyed, left out of revenue cost, CAC and
  capacity: catalogue.non_revenue_departments). One note counts them. Before, they all went to
  Sales "by default": a company's 1,247 engineers counted in Sales cost and CAC.
- Several people without a manager is allowed (several charts), reported as a note.
- The user may say which column is which field (RosterOptions.columns: field -> heading), and
  import one person's organisation only (RosterOptions.root); options that do not fit the file
  raise RosterOptionError before anything is read.
- Findings: errors, then warnings, then notes, each in row order; beyond MAX_SAME_FINDINGS of a
  kind one line counts the rest.
"""

from revorg.io.roster.findings import MAX_SAME_FINDINGS
from revorg.io.roster.headings import heading_field
from revorg.io.roster.options import RosterOptionError, RosterOptions, column_mapping
from revorg.io.roster.reader import RosterReader, read_roster_csv, read_roster_workbook
from revorg.io.roster.roles import RoleMatcher, guess_department, match_role

__all__ = [
    "MAX_SAME_FINDINGS",
    "RoleMatcher",
    "RosterOptionError",
    "RosterOptions",
    "RosterReader",
    "column_mapping",
    "guess_department",
    "heading_field",
    "match_role",
    "read_roster_csv",
    "read_roster_workbook",
]
