"""Progress: the SQLite store, its migrations and its records."""
