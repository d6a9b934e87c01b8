"""The store: SQLite by default, Postgres for teams, behind one interface."""

from newsgraph.store.core import Store, WriteResult, database_url

__all__ = ["Store", "WriteResult", "database_url"]
