"""Batch back-ends. Only this package knows Dask."""
