"""Rosters the import tests share."""

# Row 3: a blank title; row 4: an unknown manager and a negative cost; rows 5 and 6 report to
# each other; "Color" is a column nobody reads.
ROSTER = """Name,Title,Manager,Cost,Color
Ana López,CRO,,120000,red
Luis Pérez,,Ana López,65000,blue
Marta Gil,Account Executive,Nobody,-5000,
Juan Ruiz,Account Executive,Eva Sanz,70000,
Eva Sanz,SDR,Juan Ruiz,45000,
"""


# A company's whole org chart, shaped like the public sample that JavaScript org-chart libraries
# ship (1,516 people under those six headings): a CEO, engineers under a CTO, traders under a
# head of trading, and a CRO's revenue organisation. 42 rows; the revenue organisation is the
# CRO's 10 (CRO, VP Sales, 4 AEs, 2 SDRs, a CSM, a partner manager), the other 32 are outside it.
ORG_CHART_HEADINGS = ("name", "positionName", "id", "parentId", "area", "office")
ORG_CHART_PEOPLE = 42
ORG_CHART_OUTSIDE = 32
CRO_ID = "32"


def org_chart_sample(headings: tuple[str, ...] = ORG_CHART_HEADINGS) -> str:
    rows = [("Avery Stone", "Chief Executive Officer", "1", "", "Corporate", "London")]
    rows.append(("Blake Hart", "Chief Technology Officer", "2", "1", "Technology", "London"))
    for number in range(3, 23):  # 20 engineers
        title = "Software Engineer" if number % 2 else "QA Engineer"
        rows.append((f"Engineer {number:02}", title, str(number), "2", "Technology", "Berlin"))
    rows.append(("Casey Lin", "Head of Trading", "23", "1", "Trading", "New York"))
    for number in range(24, 32):  # 8 traders
        rows.append((f"Trader {number:02}", "Trader", str(number), "23", "Trading", "New York"))
    rows.append(("Rosa Quinn", "Chief Revenue Officer", CRO_ID, "1", "Sales", "London"))
    rows.append(("Victor Hale", "VP Sales", "33", CRO_ID, "Sales", "London"))
    for number in range(34, 38):
        rows.append((f"Closer {number}", "Account Executive", str(number), "33", "Sales", "Paris"))
    for number in range(38, 40):
        rows.append((f"Setter {number}", "SDR", str(number), "33", "Sales", "Paris"))
    rows.append(("Mia Cole", "Customer Success Manager", "40", CRO_ID, "Customer Success", "Paris"))
    rows.append(("Noah Reed", "Partner Manager", "41", CRO_ID, "Sales", "Paris"))
    rows.append(("Olive Park", "Office Manager", "42", "1", "", "London"))
    assert len(rows) == ORG_CHART_PEOPLE
    return "\n".join(",".join(row) for row in [headings, *rows]) + "\n"
