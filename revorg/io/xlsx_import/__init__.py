"""Read RevOrg's own workbook back into a plan, also after it was edited in Excel or LibreOffice.

What is read: the plan and driver cells through their defined names (Targets sheet), every row
of the Org sheet (rows may be added, with a new ID or none; managers, start months, costs and
headcounts may be edited), the Assumptions sheet and the Roles sheet. The computed columns and
the Summary and Hiring plan sheets are ignored: the app recomputes them.

Columns are found by their headings in any of RevOrg's languages, so they may be moved.

Decisions:
- A role that is neither on the Roles sheet nor in the catalogue (matched by key, name or
  alias) becomes a custom role without capacity, with a warning, so that the rest of the plan
  still imports; its row must name a department.
- A blank ID gives the row a new ID after the highest one; a blank headcount is 1; a blank cost
  is the role's default cost (a note says so); a blank person, "Open", "Vacante" or "空缺" is a
  vacancy.
- Start months, costs and rates are read by revorg.io.values, as a roster's are: dates, Excel
  date serials (the workbook's date system) or text such as 2027-03, 03/2027, Mar 2027, and
  01/03/2027 in the order the column's other dates show, else in the habit of the headings'
  language (a note says which); amounts with a decimal comma or point as the column writes it.
- The package reads one sheet per module (targets, roles, assumptions, org) through the cells
  of cells.py; build.py writes the plan.
- Everything wrong is reported with its sheet, row and column heading; with any error the
  result is None and nothing is built.
"""

from revorg.io.xlsx_import.detect import is_revorg_workbook
from revorg.io.xlsx_import.reader import read_plan_workbook

__all__ = ["is_revorg_workbook", "read_plan_workbook"]
