"""newsgraph watch on loopback: 50 feeds of 20 items each (WiNER-fr articles, all distinct), half with
the full text in the feed and half with only a summary, whose article pages are fetched and reduced to
their main text. Prints items per minute over the first poll, the share of its time spent outside
coding (fetching, pages, parsing, store writes, alerts), and the time of a second poll (all 304).

    python bench/watch.py [--corpus PATH] [--feeds 50] [--items 20] [--dask local:2]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from _common import ROOT, winer_dir, winer_ids, winer_paths

sys.path.insert(0, str(ROOT / "tests"))

from feedserver import FeedServer, article_page, body, rss  # noqa: E402


def articles(corpus: Path, n: int) -> list[tuple[str, str, str]]:
    out = []
    for doc_id in winer_ids(corpus, geopolitics_only=False):
        text = winer_paths(corpus, doc_id)[0].read_text("utf-8").strip()
        title, _, rest = text.partition("\n")
        if len(rest.split()) < 40:
            continue
        out.append((doc_id, title.strip(), rest.strip()))
        if len(out) == n:
            return out
    raise SystemExit(f"only {len(out)} WiNER articles of 40 words or more in {corpus}, {n} needed")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", help="WiNER-fr folder (default ../shared/corpus/winer-fr)")
    ap.add_argument("--feeds", type=int, default=50)
    ap.add_argument("--items", type=int, default=20)
    ap.add_argument("--dask", help="local:N or tcp://host:port: code on Dask")
    args = ap.parse_args()

    from newsgraph.pipeline.runner import get_pipeline
    from newsgraph.store import Store
    from newsgraph.watch.config import load_config
    from newsgraph.watch.runner import Watcher

    texts = articles(winer_dir(args.corpus), args.feeds * args.items)
    from newsgraph.ingest.readers import RawRecord

    get_pipeline().run(RawRecord("warm-up", "warm-up", texts[0][2], "warm-up"))  # the model is loaded before timing
    tmp = Path(tempfile.mkdtemp(prefix="newsgraph-watch-bench-"))
    with FeedServer() as srv:
        config = ['[watch]\ntimeout = "20s"\nfetchers = 8\n']
        for f in range(args.feeds):
            summary_only = f % 2 == 1
            entries = []
            for i in range(args.items):
                doc_id, title, text = texts[f * args.items + i]
                link = f"{srv.url}/articles/{doc_id}"
                entry = {"guid": doc_id, "title": title, "link": link, "published": "Mon, 06 Mar 2017 10:00:00 GMT"}
                if summary_only:
                    entry["summary"] = text.split("\n")[0][:300]
                    srv.routes[f"/articles/{doc_id}"] = body(article_page(title, text), "text/html; charset=utf-8")
                else:
                    entry["content"] = text
                entries.append(entry)
            srv.set_feed(f"/feed{f}.xml", rss(f"Fil {f}", entries))
            config.append(f'[[source]]\nname = "feed{f}"\nurl = "{srv.url}/feed{f}.xml"\nevery = "15m"\n')
        config.append('[[alert]]\nname = "conflit"\nquad_class = [4]\n')
        (tmp / "watch.toml").write_text("\n".join(config), "utf-8")
        store = Store(str(tmp / "watch.db"))
        code = None
        cluster = None
        if args.dask:
            from newsgraph.batch.dask import dask_coder, shared_cluster

            cluster = shared_cluster(args.dask)
            address = cluster.__enter__()
            code = lambda: dask_coder(address)  # noqa: E731
        watcher = Watcher(store, load_config(tmp / "watch.toml"), code=code)
        try:
            t0 = time.perf_counter()
            watcher.poll()
            first = time.perf_counter() - t0
            s = replace(watcher.summary)  # a copy: the second poll adds to the summary
            coding = s.coding_seconds
            t1 = time.perf_counter()
            watcher.poll()
            second = time.perf_counter() - t1
        finally:
            watcher.close()
            if cluster is not None:
                cluster.__exit__(None, None, None)
    print(f"feeds: {args.feeds} of {args.items} items ({args.feeds // 2} summary-only, their pages fetched)"
          f"{'; coding on Dask ' + args.dask if args.dask else ''}")
    print(f"first poll: {s.new} new items, {s.stored} stored, {s.duplicates} duplicates, {s.failed} failed, {s.alerts} alerts, "
          f"{s.errors} source errors in {first:.1f} s")
    print(f"items per minute: {s.new / first * 60:.0f}")
    print(f"time outside coding: {(first - coding) / first:.1%} ({first - coding:.1f} s of {first:.1f} s; coding {coding:.1f} s)")
    print(f"second poll (every feed answers 304): {second:.2f} s, {watcher.summary.new - s.new} new items")


if __name__ == "__main__":
    main()
