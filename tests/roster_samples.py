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
