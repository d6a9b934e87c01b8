"""The web UI in a real browser: Debian's Chromium driven by Playwright against a real server, on the
demo store (the bundled examples) and on a synthetic store of 100,000 events."""

import shutil
import socket
import threading
import time

import pytest

from conftest import ROOT, skip_or_fail

pytestmark = [pytest.mark.model, pytest.mark.service]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
HOSTILE = "Titre <script>alert(1)</script>\n\nLe président russe a rencontré <img src=x onerror=alert(2)> le président chinois.\n"
# every page, and what shows that it has drawn
PAGES = [("/", "#home-timeline[data-ready]"), ("/events", "table.events"), ("/actors/Q159", "#actor-timeline[data-ready]"),
         ("/network", "#network[data-nodes]"), ("/network?fold=true&quad=4", "#network[data-nodes]"),
         ("/dyads", "h1"), ("/dyads?a=RUS&b=UKR", "#dyad-chart[data-ready]"), ("/timeline", "#timeline[data-ready]"),
         ("/map", "#map[data-ready]"), ("/analyse", "textarea")]


def _serve(db):
    import uvicorn

    from newsgraph.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", srv, thread


def _needs_browser():
    if CHROMIUM is None:
        skip_or_fail("Chromium is not installed (apt-get install chromium; .ci/run installs it)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        skip_or_fail("playwright is not installed")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The bundled examples (and one hostile article) ingested into a fresh SQLite store, served."""
    _needs_browser()
    from newsgraph.store import Store
    from newsgraph.store.ingest import ingest_paths, ingest_texts

    db = tmp_path_factory.mktemp("browser") / "demo.db"
    store = Store(str(db))
    ingest_paths(store, [ROOT / "examples"])
    ingest_texts(store, [{"id": "hostile", "text": HOSTILE, "published": "2023-03-01"}])
    base, srv, thread = _serve(db)
    yield base
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """A synthetic store of 100,000 events, served."""
    _needs_browser()
    from newsgraph.store import Store
    from newsgraph.store.synthetic import build

    db = tmp_path_factory.mktemp("browser") / "synthetic.db"
    build(Store(str(db)), 100_000)
    base, srv, thread = _serve(db)
    yield base
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    _needs_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(params=["demo", "synthetic"])
def server(request):
    return request.getfixturevalue(request.param)


class Watched:
    """A page whose console errors, failed requests and error responses are recorded."""

    def __init__(self, browser, locale="fr-FR"):
        self.context = browser.new_context(viewport={"width": 1400, "height": 900}, locale=locale)
        self.page = self.context.new_page()
        self.problems = []
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url} {r.failure}"))
        self.page.on("response", lambda r: r.status >= 400 and self.problems.append(f"{r.status}: {r.url}"))

    def close(self):
        self.context.close()


def shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def chart_option(page, element_id):
    return page.evaluate(f"() => echarts.getInstanceByDom(document.getElementById('{element_id}')).getOption()")


def test_no_console_error_or_failed_request_on_any_page(server, browser):
    w = Watched(browser)
    for path, ready in PAGES:
        w.page.goto(server + path)
        w.page.wait_for_selector(ready, state="attached", timeout=30_000)
        w.page.wait_for_load_state("networkidle")
        assert w.page.locator("[data-failed]").count() == 0, path
    w.page.goto(server + "/events")
    w.page.locator("table.events tbody a[href*='#event-']").first.click()  # an event's sentence in the reader
    w.page.wait_for_selector("li.event.selected", timeout=10_000)
    w.close()
    assert w.problems == []


def test_actor_page_for_russia_shows_its_counterparts(server, browser):
    w = Watched(browser)
    w.page.goto(server + "/actors/Q159")
    w.page.wait_for_selector("#actor-timeline[data-ready]", state="attached", timeout=30_000)
    rows = w.page.locator("tr.counterpart")
    assert rows.count() >= 3
    names = w.page.locator("p.names").inner_text()
    assert "Russie" in names and "Elle" not in names
    assert w.page.locator("tr.counterpart svg.spark rect").count() >= 3
    option = chart_option(w.page, "actor-timeline")
    assert option["xAxis"][0]["data"] and len(option["yAxis"]) == 2
    w.close()
    assert w.problems == []


def test_network_responds_to_filters_and_clicks(demo, browser):
    w = Watched(browser)
    page = w.page
    page.goto(demo + "/network?fold=true")
    page.wait_for_selector("#network[data-nodes]", state="attached", timeout=30_000)
    before = int(page.get_attribute("#network", "data-edges"))
    with page.expect_response(lambda r: "/api/network?" in r.url and "quad=4" in r.url):
        page.locator("input[name=quad][value='4']").check()
    page.wait_for_function("() => !document.getElementById('network').dataset.loading")
    after = int(page.get_attribute("#network", "data-edges"))
    assert 0 < after < before
    assert "quad=4" in page.url
    # a link: its events are listed in the side panel
    page.wait_for_timeout(1500)
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
    box = page.locator("#network").bounding_box()
    page.mouse.click(box["x"] + point[0], box["y"] + point[1])
    page.wait_for_selector("#panel[data-events]", state="attached", timeout=10_000)
    assert page.locator("#edge-events li").count() >= 1
    assert page.locator("#panel a[href^='/dyads?a=']").count() == 1
    shot(page, "network")
    # an actor: its ego network
    node = page.evaluate("""() => {
        const chart = echarts.getInstanceByDom(document.getElementById('network'));
        const n = chart.getModel().getSeriesByIndex(0).getGraph().nodes.slice()
            .sort((a, b) => b.getModel().get('value') - a.getModel().get('value'))[0];
        return [n.id, chart.convertToPixel({seriesIndex: 0}, n.getLayout())];
    }""")
    with page.expect_response(lambda r: "/api/network?" in r.url and "focus=" + node[0] in r.url):
        page.mouse.click(box["x"] + node[1][0], box["y"] + node[1][1])
    page.wait_for_function("() => !document.getElementById('network').dataset.loading")
    assert "focus=" + node[0] in page.url and page.locator("#panel h2").inner_text().strip()
    w.close()
    assert w.problems == []


def test_dyad_chart_has_axes_and_a_legend(server, browser):
    w = Watched(browser)
    w.page.goto(server + "/dyads?a=RUS&b=UKR")
    w.page.wait_for_selector("#dyad-chart[data-ready]", state="attached", timeout=30_000)
    option = chart_option(w.page, "dyad-chart")
    assert len(option["xAxis"][0]["data"]) >= 1 and option["xAxis"][0]["name"]
    assert [a["name"] for a in option["yAxis"]] and all(a["name"] for a in option["yAxis"])
    assert option["yAxis"][1]["min"] == -10 and option["yAxis"][1]["max"] == 10
    assert {s["type"] for s in option["series"]} == {"bar", "line"} and option["legend"]
    assert w.page.locator("#dyad-chart canvas").count() >= 1
    w.close()
    assert w.problems == []


def test_map_popup_lists_the_events_of_a_place(server, browser):
    w = Watched(browser)
    page = w.page
    page.goto(server + "/map")
    page.wait_for_selector("#map[data-ready]", state="attached", timeout=30_000)
    page.wait_for_timeout(300)
    point = page.evaluate("""() => {
        const chart = echarts.getInstanceByDom(document.getElementById('map'));
        const d = chart.getOption().series[0].data.slice().sort((a, b) => b.events - a.events)[0];
        return chart.convertToPixel({geoIndex: 0}, [d.value[0], d.value[1]]);
    }""")
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + point[0], box["y"] + point[1])
    page.wait_for_selector("#popup[data-events]", timeout=10_000)
    links = page.locator("#popup li a[href*='#event-']")
    assert links.count() >= 1
    href = links.first.get_attribute("href")
    page.goto(server + href)
    page.wait_for_selector("li.event.selected", timeout=10_000)  # the link opens the event's sentence
    assert page.locator("mark.sentence-on").count() >= 1
    w.close()
    assert w.problems == []


def test_timeline_brush_filters_the_list(demo, browser):
    w = Watched(browser)
    page = w.page
    page.goto(demo + "/timeline?grain=month")
    page.wait_for_selector("#timeline[data-ready]", state="attached", timeout=30_000)
    total = page.locator("#list-total").inner_text()
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] * 0.5
    page.mouse.move(box["x"] + 80, y)
    page.mouse.down()
    page.mouse.move(box["x"] + 260, y, steps=8)
    page.mouse.up()
    page.wait_for_selector("#timeline[data-brushed]", state="attached", timeout=10_000)
    page.wait_for_function(f"() => document.getElementById('list-total').textContent !== '{total}'", timeout=10_000)
    since, until = page.get_attribute("#timeline", "data-brushed").split("/")
    dates = [d for d in page.locator("#event-list .date").all_inner_texts() if d != "—"]
    assert dates and all(since[:7] <= d[:7] <= until[:7] for d in dates)
    w.close()
    assert w.problems == []


def test_english_pages_through_accept_language(demo, browser):
    w = Watched(browser, locale="en-GB")
    w.page.goto(demo + "/events")
    assert w.page.locator("html").get_attribute("lang") == "en"
    assert w.page.locator("nav").first.inner_text().split()[1:3] == ["Events", "Network"]
    w.page.goto(demo + "/events?lang=fr")
    assert w.page.locator("html").get_attribute("lang") == "fr"
    w.close()


def test_reader_highlights_and_event_sentence(demo, browser):
    page = browser.new_page()
    page.goto(f"{demo}/documents/000_f0b6dedbf44acbc7")
    putin = page.locator("#text span.actor", has_text="Vladimir Poutine").first
    assert putin.is_visible()
    assert "RUSGOV" in putin.get_attribute("title")
    event = page.locator(".events li.event").first
    event.click()
    sentence = event.locator(".sentence")
    assert sentence.is_visible() and sentence.inner_text().strip()
    assert page.locator("mark.sentence-on").count() >= 1
    shot(page, "reader")
    page.close()


def test_hostile_article_runs_nothing(demo, browser):
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{demo}/documents/hostile")
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.evaluate("document.querySelectorAll('#text script, #text img').length") == 0
    assert "<script>alert(1)</script>" in page.locator("#text").inner_text()
    page.close()
