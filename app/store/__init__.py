"""Storage: the SQLite engine, the schema and its migrations, settings, demo data."""
