"""Persons in the browser: the person card (click and keyboard) and the register (A-Z, filter,
mentions in context grouped by edition, certainty with its legend)."""
from __future__ import annotations

from .conftest import screenshot, target_id, url


def test_a_person_card_opens_on_click_with_what_the_site_knows(site, tab):
    tab.goto(url(site, "engine.html"))
    mention = tab.locator("a.mention[data-person='lovelace']").first
    mention.click()
    card = tab.locator(".person-card")
    assert card.is_visible() and card.get_attribute("role") == "dialog"
    text = card.inner_text()
    assert "Ada Lovelace" in text and "1815–1852" in text
    assert "6 mentions in 3 editions" in text
    for title in ("The Analytical Engine", "The Difference Engine Is Demonstrated", "Mary Somerville's Connexion"):
        assert card.locator("a", has_text=title).count() == 1
    assert card.locator("a.person-card-wikidata").get_attribute("href") == "https://www.wikidata.org/wiki/Q7259"
    assert card.locator("a.person-card-register").get_attribute("href") == "persons.html#lovelace"
    assert tab.url.endswith("engine.html"), "the click opened the card instead of leaving the page"
    screenshot(tab, "person-card")
    tab.mouse.click(5, 5)
    assert tab.locator(".person-card").count() == 0


def test_a_person_card_opens_by_keyboard_and_gives_focus_back(site, tab):
    tab.goto(url(site, "engine.html"))
    mention = tab.locator("a.mention[data-person='babbage']").first
    mention.focus()
    tab.keyboard.press("Enter")
    card = tab.locator(".person-card")
    assert card.is_visible() and "Charles Babbage" in card.inner_text()
    assert tab.evaluate("document.activeElement.classList.contains('person-card')"), "focus moves into the card"
    assert mention.get_attribute("aria-expanded") == "true"
    tab.keyboard.press("Tab")
    assert tab.evaluate("!!document.activeElement.closest('.person-card')"), "its links are reachable by Tab"
    tab.keyboard.press("Escape")
    assert tab.locator(".person-card").count() == 0
    assert tab.evaluate("document.activeElement.dataset.person") == "babbage"
    tab.keyboard.press("Enter")
    tab.locator(".person-card a.person-card-register").click()
    tab.wait_for_url("**/persons.html#babbage")
    assert target_id(tab) == "babbage"


def test_a_card_says_how_sure_the_identification_is(site, tab):
    tab.goto(url(site, "engine.html"))
    tab.locator("a.mention[data-person='lovelace'][data-cert='medium']").first.click()
    assert "identified by the tool with medium certainty" in tab.locator(".person-card").inner_text()


def test_the_register_has_a_to_z_and_a_filter_that_works(site, tab):
    tab.goto(url(site, "persons.html"))
    letters = tab.locator("nav.az a")
    assert [letters.nth(i).inner_text() for i in range(letters.count())] == ["B", "L", "M", "S"]
    tab.locator("nav.az a", has_text="M").click()
    assert target_id(tab) == "tt-letter-M"
    box = tab.locator("#tt-register-filter")
    assert box.is_visible()
    box.fill("love")
    visible = tab.locator("article.person:visible")
    assert [visible.nth(i).get_attribute("id") for i in range(visible.count())] == ["lovelace"]
    assert tab.locator("#tt-filter-count").inner_text() == "1 person match"
    box.fill("byron")  # another name of hers (birth name)
    assert tab.locator("article.person:visible").count() == 1
    box.fill("zzz")
    assert tab.locator("article.person:visible").count() == 0 and tab.locator("section.letter:visible").count() == 0
    box.fill("")
    assert tab.locator("article.person:visible").count() == 5
    screenshot(tab, "register")


def test_the_register_lists_each_mention_in_context_grouped_by_edition_with_its_certainty(site, tab):
    tab.goto(url(site, "persons.html#lovelace"))
    entry = tab.locator("#lovelace")
    groups = entry.locator(".mentions-in")
    assert groups.count() == 3
    first = groups.first.locator("ol.mentions li")
    assert first.count() == 4
    context = first.first.inner_text()
    assert "Ada Lovelace was born on 10th December" in context and first.first.locator("mark").inner_text() == "Ada Lovelace"
    assert len({first.nth(i).inner_text() for i in range(first.count())}) == 4, "no row of identical links"
    medium = entry.locator(".cert-medium").first
    assert medium.get_attribute("title") == "identified by the tool with medium certainty"
    legend = tab.locator("dl.legend").inner_text()
    assert "identified by the tool with medium certainty" in legend
    link = first.nth(1).locator("a.mention")
    href = link.get_attribute("href")
    link.click()
    tab.wait_for_url(f"**/{href}")
    assert target_id(tab) == href.split("#")[1]
