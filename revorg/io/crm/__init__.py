"""CRM deal exports (Salesforce opportunity reports, HubSpot deal exports, a generic table of
owner, amount, close date, won and type), as CSV or .xlsx, read into deals
(revorg.model.actuals.deals). Headings in English, Spanish and Chinese
(resources/vocabulary/crm_headings.json); values through revorg.io.values, as rosters are.
"""

from revorg.io.crm.headings import CrmSource
from revorg.io.crm.reader import DealsRead, read_deals

__all__ = ["CrmSource", "DealsRead", "read_deals"]
