"""The web UI in a real browser: Debian's Chromium driven by Playwright against a real server."""

import shutil
import socket
import threading
import time

import pytest

from conftest import ROOT, SEED, skip_or_fail

pytestmark = [pytest.mark.model, pytest.mark.service]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HOSTILE = "Titre <script>alert(1)</script>\n\nLe président russe a rencontré <img src=x onerror=alert(2)> le président chinois.\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if CHROMIUM is None:
        skip_or_fail("Chromium is not installed (apt-get install chromium; .ci/run installs it)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        skip_or_fail("playwright is not installed")
    import uvicorn

    from newsgraph.store import Store
    from newsgraph.store.ingest import ingest_texts
    from newsgraph.web.app import create_app

    db = tmp_path_factory.mktemp("browser") / "ui.db"
    store = Store(str(db))
    ingest_texts(store, [{"id": "seed", "text": SEED.read_text("utf-8")},
                         {"id": "hostile", "text": HOSTILE, "published": "2023-03-01"}])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


def shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_reader_highlights_and_event_sentence(server, browser):
    page = browser.new_page()
    page.goto(f"{server}/documents/seed")
    putin = page.locator("#text span.actor", has_text="Vladimir Poutine").first
    assert putin.is_visible()
    assert "RUSGOV" in putin.get_attribute("title")
    event = page.locator(".events li.event").first
    event.click()
    sentence = event.locator(".sentence")
    assert sentence.is_visible() and sentence.inner_text().strip()
    assert page.locator("mark.sentence-on").count() >= 1
    shot(page, "reader")


def test_network_draws_its_nodes(server, browser):
    page = browser.new_page()
    page.goto(f"{server}/network")
    page.wait_for_selector("#network g.node", timeout=15000)
    assert page.locator("#network g.node").count() >= 2
    assert page.locator("#network line.edge").count() >= 1
    shot(page, "network")


def test_map_and_other_pages_render(server, browser):
    page = browser.new_page()
    for path, selector in (("/map", "#map path.country"), ("/events", "table.events"), ("/timeline", "section.month"), ("/", "ul.documents")):
        page.goto(f"{server}{path}")
        assert page.locator(selector).count() >= 1, path
    page.goto(f"{server}/map")
    shot(page, "map")


def test_hostile_article_runs_nothing(server, browser):
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{server}/documents/hostile")
    page.wait_for_timeout(500)
    assert dialogs == []
    assert page.evaluate("document.querySelectorAll('#text script, #text img').length") == 0
    assert "<script>alert(1)</script>" in page.locator("#text").inner_text()
    shot(page, "hostile")
