"""One module per server schema revision, oldest first (their down_revision chain)."""
