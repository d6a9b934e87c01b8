"""Alembic migrations of the store, run by ``newsgraph db upgrade`` (and on first open)."""
