"""axe-core in the browser (axe-playwright-python): no serious or critical violation on any
kind of page, with the script on (cards and popovers open too)."""
from __future__ import annotations

import pytest

from .conftest import url

axe_module = pytest.importorskip("axe_playwright_python.sync_playwright",
                                 reason="axe-playwright-python is not installed (pip install axe-playwright-python)")


def serious(page) -> list[str]:
    results = axe_module.Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("name", ["index.html", "engine.html", "episode.html", "notes.html", "persons.html",
                                  "chronology.html", "search.html"])
def test_no_serious_violations(site, tab, name):
    tab.goto(url(site, name))
    assert serious(tab) == []


def test_no_serious_violations_with_a_card_and_a_popover_open(site, tab):
    tab.goto(url(site, "engine.html"))
    tab.locator(".noteref.unlinked").first.click()
    assert serious(tab) == []
    tab.locator("a.mention[data-person]").first.click()
    assert serious(tab) == []
