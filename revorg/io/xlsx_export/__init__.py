"""A scenario as an Excel workbook for finance: every derived number is a live formula.

One module per sheet (revorg.io.xlsx_layout has the exact columns and names):
- summary: goal, target against capacity per department and per driver line, cost, CAC, the
  CRO's cost against its uplift, and a bar chart of target against capacity per department;
- targets: the plan's identity and the driver inputs as workbook-level defined names (Goal,
  Leads, CloseRate, AverageDeal, BaseRevenue, Retention, Expansion) and the results computed
  from them (NewCustomers, NewBusiness, Retained, TotalRevenue, Gap);
- org: one row per position (an Excel table) with its capacity and cost computed by formulas
  from the Roles and Assumptions sheets;
- hiring: heads, cost, starts and ramped capacity month by month (SUMIFS / SUMPRODUCT over
  the Org columns, so editing a start month or a cost in Org moves the plan);
- assumptions, roles: the scenario's assumptions and the role catalogue; the hidden Lists
  sheet with the departments, capacity kinds and funnel stages for the drop-down lists.
capacity_formulas holds the capacity rule's formula twins (revorg.model.capacity's rule as
Excel formulas, portable: Excel, LibreOffice and Gnumeric compute them alike); book and cells
the helpers every sheet uses; printing the page setup of every sheet (A4, one page wide, headings
on every page, header and footer in the export's language); workbook the order of the sheets,
the defined names and the atomic save.

The workbook is streamed with openpyxl's write-only mode (a 10,000-position plan in about the
time the bare cells take) and written atomically: a temporary file beside the target, flushed
and synced, then renamed over it; on any failure the old file is untouched.

Text a user typed (titles, names, notes) is always written as text: "=SUM(A1)" or "@cmd" stays
a string, with Excel's quote prefix so that editing the cell keeps it text.
"""

from revorg.io.xlsx_export.cells import currency_format
from revorg.io.xlsx_export.org import org_formulas
from revorg.io.xlsx_export.plan_data import chart_order
from revorg.io.xlsx_export.workbook import WorkbookExportError, _WorkbookBuilder, export_workbook

__all__ = [
    "WorkbookExportError",
    "_WorkbookBuilder",
    "chart_order",
    "currency_format",
    "export_workbook",
    "org_formulas",
]
