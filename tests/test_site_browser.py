"""The rendered site in a real headless browser (Debian's chromium, driven by Playwright).

A reader's paths through the site: from a person in an edition to their register entry and back,
the table of contents to a section, a note marker to its popover (script on) or footnote and back
(script off); no console errors on any page; a narrow phone screen without sideways scrolling.
Screenshots go to test-artifacts/ (not committed).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tei_tools.render import Renderer

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "render"
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright's Python package is not installed "
                                     "(pip install playwright; never `playwright install`: Debian's chromium is used)")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser-site")
    Renderer().render_site([DATA / "engine.xml", DATA / "episode.xml"], out, DATA / "persons.xml")
    return out


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def tab(browser):
    """A page that records console errors and uncaught exceptions."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("console", lambda message: page.problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    yield page
    context.close()


def url(site: Path, name: str) -> str:
    page, _, fragment = name.partition("#")
    return (site / page).as_uri() + (f"#{fragment}" if fragment else "")


def target_id(page) -> str | None:
    return page.evaluate("document.querySelector(':target') && document.querySelector(':target').id")


def in_view(page, selector: str) -> bool:
    return page.evaluate("""selector => {
        const box = document.querySelector(selector).getBoundingClientRect();
        return box.top >= -1 && box.top < window.innerHeight;
    }""", selector)


def test_a_person_in_an_edition_leads_to_the_register_entry(site, tab):
    tab.goto(url(site, "engine.html"))
    link = tab.locator("a.persName[href='persons.html#babbage']").first
    assert link.get_attribute("title") == "Charles Babbage (1791–1871)"
    link.click()
    tab.wait_for_url("**/persons.html#babbage")
    assert target_id(tab) == "babbage"
    assert in_view(tab, "#babbage")
    assert "Charles Babbage" in tab.locator("#babbage h2").inner_text()


def test_the_register_entry_links_back_to_the_mention(site, tab):
    tab.goto(url(site, "persons.html#lovelace"))
    back = tab.locator("#lovelace a.mention").nth(1)
    href = back.get_attribute("href")
    back.click()
    tab.wait_for_url(f"**/{href}")
    mention_id = href.split("#")[1]
    assert target_id(tab) == mention_id
    assert in_view(tab, f"[id='{mention_id}']")
    assert tab.locator(f"[id='{mention_id}']").get_attribute("href") == "persons.html#lovelace"


def test_the_table_of_contents_jumps_to_sections(site, tab):
    tab.goto(url(site, "engine.html"))
    for label in ("Primary Sources", "Later life"):
        tab.locator("nav.toc a", has_text=label).click()
        section = target_id(tab)
        assert section and tab.locator(f"[id='{section}'] > h2").inner_text() == label
        assert in_view(tab, f"[id='{section}']")


def test_a_note_marker_opens_a_popover_with_script_on(site, tab):
    tab.goto(url(site, "engine.html"))
    tab.locator("a[role='doc-noteref']").first.click()
    popover = tab.locator(".note-popover")
    assert popover.is_visible() and "her mother's letters" in popover.inner_text()
    tab.keyboard.press("Escape")
    assert tab.locator(".note-popover").count() == 0
    tab.locator("sup.noteanchor a").first.click()
    assert "Calculus of the Nervous System" in tab.locator(".note-popover").inner_text()


def test_notes_work_without_script(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url(site, "engine.html"))
    page.locator("a[role='doc-noteref']").first.click()
    assert target_id(page) == "tt-fn-1" and in_view(page, "#tt-fn-1")
    page.locator("#tt-fn-1 a.backlink").click()
    assert target_id(page) == "tt-fnref-1"
    context.close()


def test_no_console_errors_on_any_page(site, tab):
    for name in ("index.html", "engine.html", "episode.html", "persons.html"):
        tab.goto(url(site, name))
        tab.wait_for_load_state("load")
        assert tab.evaluate("document.styleSheets.length") >= 1, f"{name}: site.css not loaded"
    tab.goto(url(site, "engine.html"))
    tab.locator("a[role='doc-noteref']").first.click()
    assert tab.problems == []


def test_readable_on_a_phone_and_screenshots_are_saved(site, browser):
    ARTIFACTS.mkdir(exist_ok=True)
    for name, viewport in (("wide", {"width": 1440, "height": 1000}), ("phone", {"width": 390, "height": 844})):
        context = browser.new_context(viewport=viewport, device_scale_factor=1)
        page = context.new_page()
        page.goto(url(site, "engine.html"))
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name}: the page scrolls sideways by {overflow}px"
        font_size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.tt-reading p')).fontSize)")
        assert font_size >= 16, f"{name}: text too small ({font_size}px)"
        shot = ARTIFACTS / f"edition-{name}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        context.close()
