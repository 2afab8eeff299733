"""End to end in headless Chromium (the system's, driven by Playwright): the founding
example's article view, its highlights and speaker links, a claim's provenance, search,
the claims filters, and XSS payloads that stay inert. Screenshots go to
artifacts/screenshots/."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from .hostile import IMG
from .test_security import hostile_pages

pytestmark = pytest.mark.browser


def _colour(page, selector: str, prop: str = "background-color") -> str:
    return page.locator(selector).first.evaluate(
        f"el => getComputedStyle(el).getPropertyValue('{prop}')"
    )


def test_article_view_highlights_and_speaker_links(page, live_url, web_store):
    p = page.page
    p.goto(f"{live_url}/article/{web_store.founding}")
    for kind in ("source", "cue", "content", "removed"):
        assert p.locator(f".article-text .hl-{kind}").count() > 0, kind
    colours = {
        kind: _colour(p, f".article-text .hl-{kind}")
        for kind in ("source", "cue", "content", "removed")
    }
    assert len(set(colours.values())) == 4, colours  # four distinct colours
    assert _colour(p, ".hl-removed", "color") != _colour(p, ".article-text", "color")  # greyed
    assert p.locator(".legend li").count() == 5
    assert p.locator("#c-a3 #c-a4").count() == 1  # nested content inside its parent
    assert "Goncharenko" in p.locator("#s-a3").inner_text()
    # Hovering a content lights up its speaker, its cue and the claim it is told inside.
    p.locator("#c-a6").hover()
    assert "linked" in p.locator("#s-a6").get_attribute("class")
    assert "linked" in p.locator("#q-a6").get_attribute("class")
    assert "parent-linked" in p.locator("#c-a5").get_attribute("class")
    assert "linked" in p.locator("#claim-a6").get_attribute("class")
    page.screenshot("article-view")
    # The speaker link leads to the speaker's page, with what they said.
    p.locator(".speaker-group h3 a.speaker", has_text="Aleksey Goncharenko").first.click()
    p.wait_for_url(re.compile(r"/entity/Aleksey%20Goncharenko$"))
    assert p.locator("h1").inner_text() == "Aleksey Goncharenko"
    assert p.locator("#said tr.claim-row").count() >= 8
    page.screenshot("entity-page")
    assert page.dialogs == [] and page.errors == [] and page.csp == []


def test_anchors_link_claims_without_javascript(browser, live_url, web_store):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1200, "height": 900}
    )
    p = context.new_page()
    p.goto(f"{live_url}/article/{web_store.founding}")
    p.locator('.article-text a.marker[href="#claim-a6"]').click()
    assert p.url.endswith("#claim-a6")
    assert p.locator("#claim-a6:target").count() == 1
    p.locator("#claim-a6 a.source-ref").click()  # to the source in the text
    assert p.url.endswith("#s-a6") and p.locator("#s-a6:target").count() == 1
    p.locator('a[href="#claim-a5"]').first.click()  # the claim it is told inside
    assert p.locator("#claim-a5:target").count() == 1
    p.screenshot(path=_shot("article-no-javascript"))
    context.close()


def _shot(name: str) -> str:
    from .conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return str(SCREENSHOTS / f"{name}.png")


def test_click_through_to_a_claims_provenance(page, live_url, web_store):
    p = page.page
    p.goto(f"{live_url}/article/{web_store.founding}")
    p.locator("#claim-a6 a.provenance-link").click()
    p.wait_for_url(re.compile(r"/claim/a6$"))
    tree = p.locator(".tree").inner_text()
    assert tree.index("Aleksey Goncharenko") < tree.index("sources close to Emmanuel Macron")
    assert "claim" in p.locator(".tree li.current").inner_text()
    graph = p.locator("#trace-graph.drawn")
    graph.wait_for(timeout=10_000)
    assert int(graph.get_attribute("data-nodes")) >= 3  # article, MP, sources
    assert p.locator("#trace-graph canvas").count() > 0
    page.screenshot("claim-provenance")
    p.locator(".tree a", has_text="a5").click()
    p.wait_for_url(re.compile(r"/claim/a5$"))
    assert "nested-children" in p.content()
    assert page.dialogs == [] and page.errors == [] and page.csp == []


def test_search(page, live_url):
    p = page.page
    p.goto(live_url)
    p.locator(".quick-search input[name=q]").fill("troops")
    p.locator(".quick-search button").click()
    p.wait_for_url(re.compile(r"/search\?q=troops"))
    rows = p.locator("#search-claims tr.claim-row")
    assert rows.count() >= 2
    assert all("troop" in t.lower() for t in rows.locator("a.claim-link").all_inner_texts())
    page.screenshot("search")
    rows.locator("a.claim-link").first.click()
    p.wait_for_url(re.compile(r"/claim/a\d+$"))
    assert p.locator(".tree").count() == 1
    assert page.dialogs == [] and page.errors == [] and page.csp == []


def test_claims_filters_update_in_place(page, live_url):
    p = page.page
    p.goto(f"{live_url}/claims")
    p.evaluate("window.__samePage = true")
    p.locator("select[name=certainty]").select_option("negated")
    p.locator("#claim-filters button[type=submit]").click()
    p.wait_for_url(re.compile(r"certainty=negated"))
    p.locator("#claim-results", has_text="no plans").wait_for()
    assert p.evaluate("window.__samePage") is True  # htmx swapped the results in place
    badges = p.locator("#claim-results .badge.certainty").all_inner_texts()
    assert badges and set(badges) == {"negated"}
    page.screenshot("claims-filtered")
    assert page.errors == [] and page.csp == []


def test_xss_payloads_stay_inert_in_the_browser(page, live_url, web_store):
    p = page.page
    paths = hostile_pages(web_store)
    paths.append(f"/claims?speaker={quote('Evil')}")
    for path in paths:
        p.goto(live_url + path)
        p.wait_for_load_state("load")
        assert p.locator("img").count() == 0, path
        assert p.evaluate("Array.from(document.scripts).every(s => s.src.includes('/static/'))")
        assert p.evaluate("window.__xss === undefined")
    # The graph draws the hostile names as canvas text.
    p.goto(f"{live_url}/article/{web_store.hostile_nlp}/claim/a1")
    p.locator("#trace-graph.drawn").wait_for(timeout=10_000)
    p.goto(f"{live_url}/article/{web_store.hostile}")
    assert IMG in p.locator(".article-text").inner_text()  # shown as text
    page.screenshot("xss-article")
    assert page.dialogs == [], page.dialogs
    assert page.errors == [], page.errors
    assert page.csp == [], page.csp  # nothing even tried to run
