"""The SQLite write model (SQLAlchemy 2.x Core): the one source of truth."""
