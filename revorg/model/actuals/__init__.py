"""Actuals: the deals a CRM booked, set against the plan month by month. No Qt.

- `deals`: a deal as RevOrg keeps it (won, lost or open; new business, expansion or renewal)
  and the rules that read a CRM's stage and type into those (adjustable, kept in the plan).
"""
