"""A real local Dask cluster; one worker is killed in the middle of an ingest."""

import os
import shutil
import pytest

from newsgraph.store import Store
from newsgraph.store.ingest import ingest_items, ingest_paths
from newsgraph.ingest.readers import read_inputs

from conftest import ROOT, skip_or_fail
from test_store import snapshot

pytestmark = pytest.mark.model


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for path in sorted((ROOT / "examples").glob("2016_*.txt"))[:12]:
        shutil.copy(path, d / path.name)
    (d / "broken.jsonl").write_text("{not json\n", "utf-8")
    return d


def _dask():
    try:
        from newsgraph.batch.dask import dask_coder
        import distributed  # noqa: F401
    except ImportError as exc:
        skip_or_fail(f"dask.distributed is not installed: {exc}")
    return dask_coder


def test_killed_worker_loses_and_duplicates_nothing(corpus, tmp_path):
    dask_coder = _dask()
    killed = {"done": False}

    def kill_one_worker(client, n_done):
        """After the first partition comes back, kill a worker that is coding another one."""
        if killed["done"]:
            return
        busy = [w for w, tasks in client.processing().items() if tasks]
        if not busy:
            return
        try:
            client.run(os._exit, 1, workers=busy[:1])
        except Exception:  # noqa: BLE001 - the worker dies while answering
            pass
        killed["done"] = True

    dask_store = Store(f"sqlite:///{tmp_path / 'dask.db'}")
    summary = ingest_items(dask_store, read_inputs([corpus], recursive=True),
                           code=dask_coder("local:2", partition=2, on_partition=kill_one_worker))
    assert killed["done"], "the worker was not killed during the ingest"
    assert summary.stored == 12 and summary.failed == 1
    plain = Store(f"sqlite:///{tmp_path / 'plain.db'}")
    ingest_paths(plain, [corpus])
    assert snapshot(dask_store) == snapshot(plain)


def test_bad_address_is_one_clear_error():
    dask_coder = _dask()
    from newsgraph.errors import NewsgraphError

    with pytest.raises(NewsgraphError, match="local:N or tcp://"):
        list(dask_coder("udp://nowhere")([]))
