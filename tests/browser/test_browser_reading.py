"""Reading an edition in a real browser: notes, section breaks, contents, permalinks, navigation,
without script, on a phone. (Persons, register, chronology, search, citation and accessibility
have modules of their own; the site, server and browser are shared, see conftest.py.)
"""
from __future__ import annotations

from .conftest import ARTIFACTS, in_view, screenshot, target_id, url


def test_a_marker_whose_note_the_source_lacks_shows_no_unrelated_text(site, tab):
    tab.goto(url(site, "engine.html"))
    marker = tab.locator(".noteref.unlinked").first
    assert marker.inner_text() == "(1)"
    marker.click()
    popover = tab.locator(".note-popover")
    assert popover.count() == 1 and popover.is_visible()
    text = popover.inner_text()
    assert "not part of this edition" in text
    assert "Calculus of the Nervous System" not in text, "the Primary Source numbered (1) is not this note"
    assert tab.url.endswith("engine.html"), "the marker leads nowhere"
    tab.keyboard.press("Escape")
    assert tab.locator(".note-popover").count() == 0
    marker.focus()
    tab.keyboard.press("Enter")
    assert "not part of this edition" in tab.locator(".note-popover").inner_text()
    screenshot(tab, "note-marker-without-note")


def test_a_marker_whose_note_the_source_carries_shows_that_note(site, tab):
    tab.goto(url(site, "notes.html"))
    tab.locator("a.noteref").nth(1).click()
    text = tab.locator(".note-popover").inner_text()
    assert text.startswith("(2) A letter of her mother") and "John Murray" not in text


def test_a_footnote_opens_in_a_popover_and_works_without_script(site, tab, no_script_tab):
    tab.goto(url(site, "engine.html"))
    tab.locator("a[role='doc-noteref']").first.click()
    assert "her mother's letters" in tab.locator(".note-popover").inner_text()
    no_script_tab.goto(url(site, "engine.html"))
    no_script_tab.locator("a[role='doc-noteref']").first.click()
    assert target_id(no_script_tab) == "tt-fn-1" and in_view(no_script_tab, "#tt-fn-1")
    no_script_tab.locator("#tt-fn-1 a.backlink").click()
    assert target_id(no_script_tab) == "tt-fnref-1"


def test_a_section_break_is_visible(site, tab):
    tab.goto(url(site, "engine.html"))
    rule = tab.locator(".tt-reading hr.milestone").first
    rule.scroll_into_view_if_needed()
    assert rule.is_visible()
    box = rule.bounding_box()
    assert box["height"] > 5, "the break takes room on the page"
    marks = tab.evaluate("getComputedStyle(document.querySelector('hr.milestone'), '::after').content")
    assert "*" in marks
    screenshot(tab, "section-break")


def test_the_contents_reach_every_section_including_untitled_ones(site, tab):
    tab.goto(url(site, "engine.html"))
    for label in ("Primary Sources", "Later life", "Section 3", "Colophon"):
        tab.locator("nav.toc a", has_text=label).click()
        section = target_id(tab)
        assert section and in_view(tab, f"[id='{section}']")
    generated = tab.locator("nav.toc a .generated-label", has_text="Section 3")
    assert "no heading" in generated.get_attribute("title")


def test_the_contents_stand_beside_the_text_on_a_wide_screen(site, browser):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(url(site, "engine.html"))
    toc, text = page.locator("nav.toc").bounding_box(), page.locator(".tt-reading").bounding_box()
    assert toc["x"] + toc["width"] <= text["x"], "the contents are to the left of the text"
    assert abs(toc["y"] - text["y"]) < 50
    screenshot(page, "edition-wide")
    context.close()


def test_permalinks_of_sections_and_paragraphs_resolve(site, tab):
    tab.goto(url(site, "engine.html"))
    links = tab.locator(".tt-reading a.permalink")
    assert links.count() >= 10
    for index in (0, 3, links.count() - 1):
        link = links.nth(index)
        href = link.get_attribute("href")
        assert link.is_visible() or link.evaluate("e => getComputedStyle(e).opacity") is not None
        tab.goto(url(site, f"engine.html{href}"))
        assert target_id(tab) == href[1:] and in_view(tab, href)
    paragraph = tab.locator("p#tt-p-2 > a.permalink")
    assert paragraph.inner_text() == "¶" and paragraph.get_attribute("aria-label") == "Paragraph 2"


def test_previous_and_next_edition_and_back_to_top(site, tab):
    tab.goto(url(site, "episode.html"))
    assert tab.locator("a[rel='prev']").get_attribute("href") == "engine.html"
    tab.locator("a[rel='next']").click()
    tab.wait_for_url("**/notes.html")
    assert tab.locator("a[rel='next']").count() == 0
    tab.locator("a.back-to-top").click()
    assert target_id(tab) == "tt-top" and tab.evaluate("window.scrollY") < 5


def test_readable_without_script(site, no_script_tab):
    page = no_script_tab
    page.goto(url(site, "engine.html"))
    assert page.locator(".tt-reading p").first.is_visible()
    assert page.locator("details.edition-facts").get_attribute("open") is None
    page.locator("details.edition-facts > summary").click()
    assert page.locator("dl.metadata").is_visible()
    page.locator("a.mention[data-person='babbage']").first.click()
    page.wait_for_url("**/persons.html#babbage")
    assert target_id(page) == "babbage"
    page.goto(url(site, "persons.html"))
    assert page.locator(".register-filter").is_hidden(), "the filter needs the script: hidden without it"
    page.goto(url(site, "search.html"))
    assert "needs JavaScript" in page.locator("#tt-search-status").inner_text()


def test_no_console_errors_on_any_page(site, tab):
    for name in ("index.html", "engine.html", "episode.html", "notes.html", "persons.html", "chronology.html"):
        tab.goto(url(site, name))
        tab.wait_for_load_state("load")
        assert tab.evaluate("document.styleSheets.length") >= 1, f"{name}: site.css not loaded"
    tab.goto(url(site, "engine.html"))
    tab.locator("a[role='doc-noteref']").first.click()
    tab.locator("a.mention[data-person]").first.click()
    assert tab.problems == []


def test_on_a_phone_the_text_starts_on_the_first_screen_and_nothing_scrolls_sideways(site, browser):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    page = context.new_page()
    for name in ("engine.html", "persons.html", "chronology.html", "index.html"):
        page.goto(url(site, name))
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name}: the page scrolls sideways by {overflow}px"
    page.goto(url(site, "engine.html"))
    assert page.locator("details.edition-facts").get_attribute("open") is None, "facts folded on a phone"
    first = page.locator(".tt-reading p").first.bounding_box()
    assert first["y"] < 844, f"the text starts below the first screen ({first['y']}px)"
    font_size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.tt-reading p')).fontSize)")
    assert font_size >= 16, f"text too small ({font_size}px)"
    shot = ARTIFACTS / "edition-phone.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    context.close()
