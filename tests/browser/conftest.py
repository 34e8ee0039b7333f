"""One built site, one local web server and one browser for every browser test of the session.

The site is made from the hand-made editions in tests/data/render (a biography whose note
markers have no notes, a podcast transcript, a biography that carries its own notes) with the
search index (Pagefind), and served by Python's http.server on 127.0.0.1 (search needs http;
file:// is used where a test wants to show the site works without a server). The browser is
Debian's chromium driven by Playwright (never `playwright install`). Screenshots go to
test-artifacts/ (not committed).
"""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from tei_tools.render import Renderer
from tei_tools.render.search import pagefind_command

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "render"
ARTIFACTS = REPO / "test-artifacts"
EDITIONS = [DATA / "engine.xml", DATA / "episode.xml", DATA / "notes.xml"]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright's Python package is not installed "
                                     "(pip install playwright; never `playwright install`: Debian's chromium is used)")


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).parent == here:
            item.add_marker(pytest.mark.slow)
            if not CHROMIUM.exists():
                item.add_marker(pytest.mark.skip(reason="Debian's chromium is not installed (apt-get install chromium)"))


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser-site")
    Renderer().render_site(EDITIONS, out, DATA / "persons.xml")
    return out


@pytest.fixture(scope="session")
def server(site):
    """The site over http on 127.0.0.1 (a port the system picks); its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature http.server gives
        pass


@pytest.fixture(scope="session")
def browser():
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def tab(browser):
    """A wide page that records console errors and uncaught exceptions."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("console", lambda message: page.problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    yield page
    context.close()


@pytest.fixture()
def no_script_tab(browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def url(site: Path, name: str) -> str:
    """file:// address of a page of the site (with its #fragment)."""
    page, _, fragment = name.partition("#")
    return (site / page).as_uri() + (f"#{fragment}" if fragment else "")


def target_id(page) -> str | None:
    return page.evaluate("document.querySelector(':target') && document.querySelector(':target').id")


def in_view(page, selector: str) -> bool:
    return page.evaluate("""selector => {
        const box = document.querySelector(selector).getBoundingClientRect();
        return box.top >= -1 && box.top < window.innerHeight;
    }""", selector)


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(shot), full_page=False)
    return shot


needs_pagefind = pytest.mark.skipif(pagefind_command() is None, reason="Pagefind is not installed (pip install 'pagefind[bin]')")
