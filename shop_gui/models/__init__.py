"""Qt item models over query results (never over the stores themselves)."""
