"""The plan: ORM entities, the .revorg file and the planning engine. Knows no Qt, no openpyxl."""
