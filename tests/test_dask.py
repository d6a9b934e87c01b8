"""A real local Dask cluster; one worker is killed in the middle of an ingest."""

import os
import shutil
import pytest

from newsgraph.store import Store
from newsgraph.store.ingest import ingest_items, ingest_paths
from newsgraph.ingest.readers import read_inputs

from conftest import ROOT, skip_or_fail
from test_store import snapshot

pytestmark = [pytest.mark.model, pytest.mark.service]


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


class FaultStage:
    """Injected on the workers by a worker plugin (so a restarted worker has it too): a marked
    document makes the stage raise, another kills the worker process every time it is coded."""

    name = "fault"
    requires = ("text",)
    provides = ()

    def __call__(self, work):
        if "MARK-RAISE" in work.text:
            raise RuntimeError("injected stage failure")
        if "MARK-KILL" in work.text:
            os._exit(1)


def _inject_fault():
    from distributed.diagnostics.plugin import WorkerPlugin

    class InjectFault(WorkerPlugin):
        name = "inject-fault"

        def setup(self, worker):
            from newsgraph.pipeline.runner import get_pipeline

            pipeline = get_pipeline()
            if not any(s.name == "fault" for s in pipeline.after):
                pipeline.after.insert(0, FaultStage())

    return InjectFault()


def test_crashing_documents_are_recorded_and_the_batch_goes_on(tmp_path):
    _dask()
    from distributed import Client, LocalCluster
    from newsgraph.batch.dask import dask_coder
    from newsgraph.ingest.readers import RawRecord

    texts = [p.read_text("utf-8") for p in sorted((ROOT / "examples").glob("2016_*.txt"))[:6]]
    records = [RawRecord(f"ok{i}.txt", f"ok{i}", t, f"sha-ok{i}") for i, t in enumerate(texts)]
    records.insert(1, RawRecord("raise.txt", "raise", texts[0] + "\nMARK-RAISE", "sha-raise"))
    records.insert(5, RawRecord("kill.txt", "kill", texts[1] + "\nMARK-KILL", "sha-kill"))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        client.register_plugin(_inject_fault())
        store = Store(f"sqlite:///{tmp_path / 'faults.db'}")
        summary = ingest_items(store, records, code=dask_coder(cluster.scheduler_address, partition=1))
    assert summary.stored == 6 and summary.failed == 2
    reasons = {source: (stage, reason) for source, stage, reason in summary.failures}
    assert reasons["raise.txt"][0] == "fault" and "injected stage failure" in reasons["raise.txt"][1]
    assert reasons["kill.txt"][0] == "dask" and "worker failed" in reasons["kill.txt"][1]
