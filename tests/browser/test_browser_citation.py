"""Citing and reusing: what Zotero reads, the visible citation, the TEI and text copies."""
from __future__ import annotations

from .conftest import url


def test_zotero_finds_citation_meta_tags_and_readers_find_a_citation(site, tab):
    tab.goto(url(site, "engine.html"))
    meta = tab.evaluate("Object.fromEntries([...document.querySelectorAll('meta[name]')]"
                        ".map(m => [m.name, m.content]))")
    assert meta["citation_title"] == "The Analytical Engine"
    assert meta["citation_author"] == "Test Author" and meta["DC.creator"] == "Test Author"
    assert meta["citation_publication_date"] == "2026/01/02" and meta["DC.date"] == "2026-01-02"
    assert meta["DC.identifier"].startswith("sha256:") and len(meta["DC.identifier"]) == 71
    citation = tab.locator("#tt-citation").inner_text()
    assert citation.startswith("Test Author. The Analytical Engine. TEI edition, The tei-tools test society, version sha256:")
    assert "2026-01-02" in citation


def test_an_edition_without_a_publisher_names_none_in_its_citation(site, tab):
    tab.goto(url(site, "notes.html"))
    assert tab.locator("meta[name='citation_publisher']").count() == 0
    assert "No publisher" not in tab.locator("#tt-citation").inner_text()


def test_the_tei_source_and_the_plain_text_are_linked_and_there(site, tab):
    tab.goto(url(site, "engine.html"))
    tei = tab.locator(".reuse a[type='application/tei+xml']")
    text = tab.locator(".reuse a[type='text/plain']")
    assert tei.get_attribute("href") == "engine.xml" and text.get_attribute("href") == "engine.txt"
    assert (site / "engine.xml").read_bytes() == (site.parent / "engine.xml").read_bytes() \
        if (site.parent / "engine.xml").exists() else (site / "engine.xml").stat().st_size > 1000
    assert (site / "engine.txt").read_text("utf-8").startswith("=")
