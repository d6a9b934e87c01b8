"""The Dask back-end (issue: throughput and scale-out). Not built yet: it fails with a clear message."""

from __future__ import annotations

from typing import Any

from newsgraph.errors import NewsgraphError


def dask_coder(address: str, batch_size: int = 16) -> Any:
    raise NewsgraphError("--dask is not available yet in this version (the Dask back-end is an open issue)")
