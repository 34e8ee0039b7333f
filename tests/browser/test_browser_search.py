"""Search in the browser, over http as any static server would serve the site: a word found in
context, linked to its paragraph, and a facet narrowing the results."""
from __future__ import annotations

from .conftest import needs_pagefind, screenshot, target_id

pytestmark = needs_pagefind


def search(tab, server, query: str):
    tab.goto(server + "search.html")
    tab.locator("#tt-search-input").fill(query)
    tab.locator("#tt-search-form button").click()
    # the status line is written last, once the results are all shown
    tab.wait_for_function("/(editions? with|Nothing found for) \u201c/.test(document.getElementById('tt-search-status').textContent)")
    return tab.locator("#tt-search-results li.search-result")


def test_a_word_is_found_in_context_and_links_to_its_paragraph(server, tab):
    results = search(tab, server, "watercolour")
    assert results.count() == 1
    hit = results.first.locator("a.hit").first
    assert "portrait in" in hit.inner_text() and hit.locator("mark").inner_text().lower().startswith("watercolour")
    href = hit.get_attribute("href")
    assert "engine.html#" in href
    assert "¶" not in hit.inner_text() and "§" not in hit.inner_text(), "permalink marks are not text"
    screenshot(tab, "search")
    hit.click()
    tab.wait_for_load_state("load")
    fragment = href.split("#")[1]
    assert target_id(tab) == fragment
    assert "watercolour" in tab.locator(f"[id='{fragment}']").inner_text()
    assert tab.problems == []


def test_a_facet_narrows_the_results(server, tab):
    results = search(tab, server, "engine")
    assert results.count() >= 2
    titles = {results.nth(i).locator("h2").inner_text() for i in range(results.count())}
    assert {"The Analytical Engine", "The Difference Engine Is Demonstrated"} <= titles
    facets = tab.locator("#tt-search-facets")
    for legend in ("Edition", "Person", "Year", "Kind of source"):
        assert facets.locator("legend", has_text=legend).count() == 1
    tab.locator("#tt-search-facets .facet-kind label", has_text="Podcast transcript").click()
    tab.wait_for_function("document.querySelectorAll('#tt-search-results li.search-result').length === 1")
    assert results.first.locator("h2").inner_text() == "The Difference Engine Is Demonstrated"
    tab.locator("#tt-search-facets .facet-kind label", has_text="Podcast transcript").click()
    tab.locator("#tt-search-facets .facet-person label", has_text="Mary Somerville").click()
    tab.wait_for_function("document.querySelectorAll('#tt-search-results li.search-result').length === 1")
    assert results.first.locator("h2").inner_text() == "The Analytical Engine"


def test_the_search_box_of_any_page_leads_to_the_results(server, tab):
    tab.goto(server + "engine.html")
    tab.locator("#tt-site-search").fill("Jacquard")
    tab.locator("#tt-site-search").press("Enter")
    tab.wait_for_url("**/search.html?q=Jacquard")
    tab.wait_for_function("document.querySelectorAll('#tt-search-results li.search-result').length > 0")
    assert "Jacquard" in tab.locator("#tt-search-results").inner_text()


def test_without_a_server_the_search_page_says_what_else_there_is(site, tab):
    from .conftest import url

    tab.goto(url(site, "search.html"))  # file://: the index cannot be read, the rest of the site can
    tab.wait_for_function("!/Searching|^$/.test(document.getElementById('tt-search-status').textContent)")
    status = tab.locator("#tt-search-status").inner_text()
    assert "not available here" in status and "web server" in status
