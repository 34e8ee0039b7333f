"""The chronology in the browser: every normalised date in time order, each linking back."""
from __future__ import annotations

from .conftest import in_view, screenshot, target_id, url


def test_the_chronology_is_in_time_order_and_links_back(site, tab):
    tab.goto(url(site, "chronology.html"))
    events = tab.locator("li.event")
    starts = [events.nth(i).get_attribute("data-start") for i in range(events.count())]
    assert len(starts) >= 10 and starts == sorted(starts)
    labels = [events.nth(i).locator("a.when").inner_text() for i in range(events.count())]
    assert labels.index("1833-06") < labels.index("1833-06-05") < labels.index("1834"), "a month before its days"
    assert "1842 to 1843" in labels and "between 1843-07 and 1843-09" in labels
    assert labels.index("1842 to 1843") < labels.index("between 1843-07 and 1843-09") < labels.index("1852-11-27")
    event = events.filter(has_text="27th November, 1852")
    assert event.locator("mark").inner_text() == "27th November, 1852"
    assert "Lovelace died on" in event.inner_text() and "The Analytical Engine" in event.inner_text()
    screenshot(tab, "chronology")
    href = event.locator("a.when").get_attribute("href")
    event.locator("a.when").click()
    tab.wait_for_url(f"**/{href}")
    fragment = href.split("#")[1]
    assert target_id(tab) == fragment and in_view(tab, f"[id='{fragment}']")
    assert tab.locator(f"[id='{fragment}']").inner_text() == "27th November, 1852"
    assert tab.locator(f"[id='{fragment}']").get_attribute("datetime") == "1852-11-27"
