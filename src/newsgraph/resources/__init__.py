"""Data files (see resources/README.md)."""
