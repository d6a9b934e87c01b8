"""The Dask back-end: partitions of documents go to workers, each worker builds the pipeline once and
codes its partitions; results come back to the ingesting process, which writes them (idempotently,
one transaction per document). Only this module knows Dask.

``--dask local:N`` starts a local cluster of N worker processes (one thread each);
``--dask tcp://host:8786`` uses an existing scheduler. A task lost with a dying worker is retried by
Dask; since the store keys documents by content, a retried partition can never store twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.ingest.readers import RawRecord
from newsgraph.model import Document, Skipped

PARTITION = 8
RETRIES = 5


def code_partition(items: list[RawRecord | InputError], batch_size: int) -> list[dict[str, Any] | tuple[str, str, str, str | None]]:
    """Run on a worker: code one partition with the worker's pipeline (built once per process)."""
    from newsgraph.pipeline.runner import get_pipeline

    out: list[dict[str, Any] | tuple[str, str, str, str | None]] = []
    for result in get_pipeline().run_many(items, batch_size=batch_size):
        if isinstance(result, Skipped):
            out.append((result.source, result.stage, result.reason, result.id))  # plain values: exceptions may not pickle
        else:
            out.append(result.to_dict())
    return out


def _client(address: str) -> tuple[Any, Any]:
    from distributed import Client, LocalCluster

    if address.startswith("local:") or address == "local":
        n = int(address.split(":", 1)[1]) if ":" in address else 2
        if n < 1:
            raise NewsgraphError(f"--dask {address}: the number of workers must be at least 1")
        # one worker process per core, each with one numeric thread, so that workers do not oversubscribe the cores
        single = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None, env=single)
        return Client(cluster), cluster
    if address.startswith("tcp://"):
        try:
            return Client(address, timeout="30s"), None
        except OSError as exc:
            raise NewsgraphError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    raise NewsgraphError(f"--dask takes local:N or tcp://host:port, not {address!r}")


def dask_coder(address: str, batch_size: int = 16, partition: int = PARTITION,
               on_partition: Callable[[Any, int], None] | None = None, decode: bool = True,
               ) -> Callable[[Iterable[RawRecord | InputError]], Iterator[Any]]:
    """A ``code`` function for ``ingest_items`` that runs the pipeline on a Dask cluster.
    ``on_partition(client, n_done)`` is called after each partition comes back (tests use it);
    ``decode=False`` yields the contract dicts as they arrive (the throughput benchmark)."""

    def code(items: Iterable[RawRecord | InputError]) -> Iterator[Document | Skipped]:
        from distributed import as_completed

        client, cluster = _client(address)
        try:
            batch: list[RawRecord | InputError] = []
            futures = []
            for item in items:
                batch.append(item)
                if len(batch) >= partition:
                    futures.append(client.submit(code_partition, batch, batch_size, retries=RETRIES, pure=False))
                    batch = []
            if batch:
                futures.append(client.submit(code_partition, batch, batch_size, retries=RETRIES, pure=False))
            for done, future in enumerate(as_completed(futures), start=1):
                if on_partition is not None:
                    on_partition(client, done)
                try:
                    results = future.result()
                except Exception as exc:  # noqa: BLE001 - a partition that fails for good is recorded, not fatal
                    yield Skipped(f"<dask partition {future.key}>", f"worker failed: {type(exc).__name__}: {exc}", "dask")
                    continue
                for r in results:
                    if isinstance(r, dict):
                        yield Document.from_dict(r) if decode else r
                    else:
                        yield Skipped(r[0], r[2], r[1], r[3])
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return code
