"""The Dask back-end: partitions of documents go to workers, each worker builds the pipeline once and
codes its partitions; results come back to the ingesting process, which writes them (idempotently,
one transaction per document). Only this module knows Dask.

``--dask local:N`` starts a local cluster of N worker processes (one thread each);
``--dask tcp://host:8786`` uses an existing scheduler. A task lost with a dying worker is retried by
Dask; since the store keys documents by content, a retried partition can never store twice.
At most ``IN_FLIGHT`` partitions per worker are submitted ahead, and each result is released as soon
as it is read, so neither the ingesting process nor the workers hold more than a window of the corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.model import RawRecord
from newsgraph.model import Document, Skipped

PARTITION = 8
RETRIES = 5
IN_FLIGHT = 4  # partitions in flight per worker


def _partitions(items: Iterable[RawRecord | InputError], size: int) -> Iterator[list[RawRecord | InputError]]:
    batch: list[RawRecord | InputError] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _decoded(results: list[dict[str, Any] | tuple[str, str, str, str | None]], decode: bool) -> Iterator[Any]:
    for r in results:
        if isinstance(r, dict):
            yield Document.from_dict(r) if decode else r
        else:
            yield Skipped(r[0], r[2], r[1], r[3])


def _source(item: RawRecord | InputError) -> str:
    return item.source or "<input>"


def _id(item: RawRecord | InputError) -> str | None:
    return item.id if isinstance(item, RawRecord) else None


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


@contextmanager
def shared_cluster(address: str) -> Iterator[str]:
    """An address for repeated ``dask_coder`` calls (``newsgraph watch`` codes once per poll): ``local:N``
    starts one local cluster for the whole block instead of one per call; other addresses pass through."""
    if not (address.startswith("local:") or address == "local"):
        yield address
        return
    client, cluster = _client(address)
    client.close()
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


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
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            window = IN_FLIGHT * workers  # partitions submitted ahead: bounded, so no side holds the whole corpus
            source = iter(_partitions(items, partition))
            pending: dict[Any, list[RawRecord | InputError]] = {}
            running = as_completed()
            second_chance: list[RawRecord | InputError] = []

            def submit() -> bool:
                batch = next(source, None)
                if batch is None:
                    return False
                future = client.submit(code_partition, batch, batch_size, retries=RETRIES, pure=False)
                pending[future] = batch
                running.add(future)
                return True

            for _ in range(window):
                if not submit():
                    break
            done = 0
            for future in running:
                batch = pending.pop(future)
                done += 1
                if on_partition is not None:
                    on_partition(client, done)
                try:
                    results = future.result()
                except Exception:  # noqa: BLE001 - the partition failed for good: its documents get a second chance
                    second_chance.extend(batch)
                    results = []
                future.release()  # the worker may drop the result now
                submit()
                yield from _decoded(results, decode)
            # A document that kills its worker also takes down the documents queued with it. Each document
            # of a failed partition is therefore tried once more alone, one at a time: the innocent ones
            # pass, and the culprit is recorded with its reason.
            for item in second_chance:
                future = client.submit(code_partition, [item], batch_size, retries=RETRIES, pure=False)
                try:
                    results = future.result()
                except Exception as exc:  # noqa: BLE001 - recorded, the batch goes on
                    results = [(_source(item), "dask", f"worker failed: {type(exc).__name__}: {exc}", _id(item))]
                future.release()
                yield from _decoded(results, decode)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return code
