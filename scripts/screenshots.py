"""Screenshots of every page of the web UI, for docs/screenshots/ (kept current by running this again).

    python scripts/screenshots.py [--out docs/screenshots] [--db PATH] [--base http://127.0.0.1:8000] [--lang fr]

Without --db or --base it ingests the bundled examples/ into a temporary SQLite store and serves it on
loopback. It drives Debian's Chromium (/usr/bin/chromium) with Playwright; nothing is downloaded.
Each page is shot once its chart has drawn; the map is shot with a marker's popup open, the network
with a link's events listed.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]

# name, path, selector to wait for
PAGES = [
    ("home", "/", "#home-timeline[data-ready]"),
    ("events", "/events?sort=date&order=desc", "table.events"),
    ("actor-russia", "/actors/Q159", "#actor-timeline[data-ready]"),
    ("network", "/network?fold=true", "#network[data-nodes]"),
    ("dyad", "/dyads?a=RUS&b=PRK", "#dyad-chart[data-ready]"),
    ("timeline", "/timeline", "#timeline[data-ready]"),
    ("map", "/map", "#map[data-ready]"),
    ("reader", "/documents/000_f0b6dedbf44acbc7#event-E1", "li.event.selected"),
]


def serve(db: str) -> tuple[str, object, threading.Thread]:
    import uvicorn

    from newsgraph.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server, thread


def shoot(base: str, out: Path, lang: str) -> list[Path]:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("Chromium is not installed (apt-get install chromium)")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="fr-FR" if lang == "fr" else "en-GB")
        for name, path, selector in PAGES:
            page = context.new_page()
            page.goto(base + path)
            page.wait_for_selector(selector, timeout=30_000, state="attached")
            if name == "network":
                page.wait_for_timeout(2500)  # let the force layout settle
                _click_edge(page)
            elif name == "map":
                page.wait_for_timeout(500)
                _click_biggest_marker(page)
            else:
                page.wait_for_timeout(800)
            target = out / f"{name}.png"
            page.screenshot(path=str(target), full_page=name in ("actor-russia", "home", "dyad"))
            written.append(target)
            page.close()
        browser.close()
    return written


def _click_edge(page) -> None:  # type: ignore[no-untyped-def]
    """Click a link of the network (one whose middle no actor covers), so that the panel lists its events."""
    point = page.evaluate("""() => {
        // the link whose middle is farthest from every actor (so that a click there hits the link)
        const chart = echarts.getInstanceByDom(document.getElementById('network'));
        const graph = chart.getModel().getSeriesByIndex(0).getGraph();
        const px = p => chart.convertToPixel({seriesIndex: 0}, p);
        const nodes = graph.nodes.map(n => [px(n.getLayout()), (n.getVisual('symbolSize') || 10) / 2 + 8]);
        let best = null, clearance = -1;
        graph.edges.forEach(e => {
            const pts = e.getLayout(), a = px(pts[0]), b = px(pts[1]);
            const c = pts[2] ? px(pts[2]) : [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
            const m = [(a[0] + 2 * c[0] + b[0]) / 4, (a[1] + 2 * c[1] + b[1]) / 4];
            const free = Math.min(...nodes.map(([p, r]) => Math.hypot(p[0] - m[0], p[1] - m[1]) - r));
            if (free > clearance) { clearance = free; best = m; }
        });
        return best;
    }""")
    if point:
        box = page.locator("#network").bounding_box()
        page.mouse.click(box["x"] + point[0], box["y"] + point[1])
        page.wait_for_selector("#panel[data-events]", state="attached", timeout=10_000)
        page.mouse.move(box["x"] + 5, box["y"] + 5)  # no hover highlight in the picture
        page.wait_for_timeout(800)


def _click_biggest_marker(page) -> None:  # type: ignore[no-untyped-def]
    point = page.evaluate("""() => {
        const chart = echarts.getInstanceByDom(document.getElementById('map'));
        const data = chart.getOption().series[0].data.slice().sort((a, b) => b.events - a.events);
        if (!data.length) return null;
        return chart.convertToPixel({geoIndex: 0}, [data[0].value[0], data[0].value[1]]);
    }""")
    if point:
        box = page.locator("#map").bounding_box()
        page.mouse.click(box["x"] + point[0], box["y"] + point[1])
        page.wait_for_selector("#popup[data-events]", timeout=10_000)
        page.mouse.move(box["x"] + 5, box["y"] + 5)
        page.wait_for_timeout(300)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--db", help="a store to serve (default: the examples ingested into a temporary store)")
    ap.add_argument("--base", help="a running server to shoot instead")
    ap.add_argument("--lang", default="fr", choices=["fr", "en"])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.base:
            base = args.base.rstrip("/")
        else:
            db = args.db
            if not db:
                db = f"{tmp}/examples.db"
                subprocess.run([str(Path(sys.executable).parent / "newsgraph"), "ingest", str(ROOT / "examples"), "--db", db],
                               check=True, capture_output=True)
            base, server, thread = serve(db)
        for path in shoot(base, Path(args.out), args.lang):
            print(path)
        if not args.base:
            server.should_exit = True  # type: ignore[attr-defined]
            thread.join(timeout=10)


if __name__ == "__main__":
    main()
