"""The web app as an analyst uses it, in headless Chromium: submitting by paste and by
upload (and a cross-site post refused), exporting a filtered list, facets, sorting, a
search with highlighted snippets, the source network, pages at 390 px and 1400 px, dark
mode, AA contrast of every highlight colour, and words that never break letter by
letter. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

import csv
import re

import pytest

pytestmark = pytest.mark.browser

# The WCAG 2.1 contrast of an element's text on what is really behind it: its own
# background composited over its ancestors' (translucent highlights nest).
CONTRAST = """
(el) => {
  const parse = (c) => {
    const m = c.match(/[\\d.]+/g) || [];
    return m.map(Number).concat([1]).slice(0, 4);
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  };
  const layers = [];
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
    const bg = parse(getComputedStyle(node).backgroundColor);
    if (bg[3] > 0) layers.push(bg);
  }
  let bg = [255, 255, 255, 1];
  const root = parse(getComputedStyle(document.documentElement).backgroundColor);
  if (root[3] > 0) bg = over(root, bg);
  for (const layer of layers.reverse()) bg = over(layer, bg);
  const fg = over(parse(getComputedStyle(el).color), bg);
  const channel = (v) => {
    v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map(channel);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
  return (hi + 0.05) / (lo + 0.05);
}
"""
# Words split over two lines: a word whose range has more than one line box.
BROKEN_WORDS = """
(selector) => {
  const broken = [];
  for (const cell of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent.matchAll(/[A-Za-z\u00c0-\u024f]{4,}/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}
"""
HIGHLIGHTS = (
    ".article-text .hl-source",
    ".article-text .hl-cue",
    ".article-text .hl-content",
    ".article-text .hl-content .hl-content",
    ".article-text .hl-removed",
    ".article-text .marker",
    ".legend li",
    ".meta",
    ".badge.anon",
    ".badge.stance",
    ".badge.certainty",
    ".cue-ref",
    ".source-ref",
)


def _shot(page, name: str) -> None:
    page.screenshot(name)


def _contrasts(p, selectors) -> dict[str, float]:
    found = {}
    for selector in selectors:
        elements = p.locator(selector)
        if elements.count():
            found[selector] = min(
                elements.nth(i).evaluate(CONTRAST) for i in range(min(elements.count(), 6))
            )
    return found


def test_paste_an_article_and_land_on_it(page, submit_live):
    base, store = submit_live
    p = page.page
    p.goto(f"{base}/analyze")
    p.locator("textarea[name=text]").fill(
        "The mayor, Anne Hidalgo, said that the pool would open in June.\n\n"
        "“We are ready,” Hidalgo told reporters."
    )
    p.locator("input[name=title]").fill("Paris pools to open")
    p.locator("input[name=publisher]").fill("City Wire")
    p.locator(".analyze button[type=submit]").click()
    p.wait_for_url(re.compile(r"/article/[0-9a-f]{16}$"))
    assert p.locator("h1").inner_text() == "Paris pools to open"
    assert p.locator(".article-text .hl-source").count() >= 1
    assert "Anne Hidalgo" in p.locator(".who-claims-what").inner_text()
    assert store.articles(limit=0)[1] == 1
    _shot(page, "submit-paste")
    assert page.errors == [] and page.csp == []


def test_upload_a_file_and_land_on_it(page, submit_live):
    base, store = submit_live
    p = page.page
    p.goto(f"{base}/analyze")
    html = (
        "<html><head><title>Bridge to reopen</title></head><body><article><p>"
        + "The engineer, Maria Lopez, said that the bridge would reopen in May. " * 3
        + "</p><p>"
        + "Drivers have waited for months, the city council said on Tuesday. " * 2
        + "</p></article></body></html>"
    )
    p.locator("input[type=file]").set_input_files(
        {"name": "bridge.html", "mimeType": "text/html", "buffer": html.encode()}
    )
    p.locator(".analyze button[type=submit]").click()
    p.wait_for_url(re.compile(r"/article/[0-9a-f]{16}$"))
    assert p.locator("h1").inner_text() == "Bridge to reopen"
    assert "Maria Lopez" in p.locator(".who-claims-what").inner_text()
    assert store.articles(limit=0)[1] == 1
    assert page.errors == [] and page.csp == []


def test_a_cross_site_form_post_is_refused(page, submit_live):
    """A page of another site (here http://localhost:…, which is not 127.0.0.1) posting
    the analyse form: Chromium says ``Sec-Fetch-Site: cross-site`` and is refused."""
    base, store = submit_live
    port = int(base.rsplit(":", 1)[1])
    evil = f"http://localhost:{port + 1 if port < 65535 else port - 1}/attack"
    attack = (
        f'<!doctype html><form id="f" method="post" action="{base}/analyze" '
        'enctype="multipart/form-data"><textarea name="text">The minister said it was '
        'forged.</textarea></form><script>document.getElementById("f").submit()</script>'
    )
    p = page.page
    p.route(evil, lambda route: route.fulfill(status=200, content_type="text/html", body=attack))
    with p.expect_response(f"{base}/analyze") as answer:
        p.goto(evil)
    assert answer.value.status == 403
    assert answer.value.request.all_headers()["origin"] == evil.rsplit("/", 1)[0]
    p.wait_for_load_state("load")
    assert "cross-origin requests are refused" in p.content()
    assert store.articles(limit=0)[1] == 0  # nothing was stored
    _shot(page, "submit-cross-site-refused")


def test_export_a_filtered_claims_list_as_csv(page, live_url):
    p = page.page
    p.goto(f"{live_url}/claims?speaker=goncharenko")
    shown = int(re.match(r"(\d+)", p.locator(".list-head .meta").inner_text()).group(1))
    with p.expect_download() as download:
        p.locator("#claim-results a.export-csv").click()
    path = download.value.path()
    assert download.value.suggested_filename == "sayso-claims.csv"
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == shown >= 8
    assert {r["speaker"] for r in rows} == {"Aleksey Goncharenko"}
    assert all(r["html_url"].startswith(live_url + "/article/") for r in rows)


def test_a_facet_click_filters_the_list(page, live_url):
    p = page.page
    p.goto(f"{live_url}/claims")
    before = p.locator("#claim-results tr.claim-row").count()
    facet = p.locator('.facet-link[data-facet="certainty"][data-value="negated"]')
    count = int(facet.locator(".count").inner_text())
    facet.click()
    p.wait_for_url(re.compile(r"certainty=negated"))
    rows = p.locator("#claim-results tr.claim-row")
    assert rows.count() == count < before
    assert set(p.locator("#claim-results .badge.certainty").all_inner_texts()) == {"negated"}
    assert p.locator(".facet li.chosen").inner_text().startswith("negated")
    _shot(page, "claims-facet")
    p.locator(".facet li.chosen a").click()  # the chosen value's link removes it
    p.wait_for_url(re.compile(r"/claims(\?)?$|/claims\?(?!.*certainty)"))
    assert p.locator("#claim-results tr.claim-row").count() == before
    assert page.errors == [] and page.csp == []


def test_sorting_by_a_column(page, live_url, web_store):
    p = page.page
    p.goto(f"{live_url}/claims?article={web_store.founding}&limit=100")
    p.locator("th a.sort", has_text="speaker").click()
    p.wait_for_url(re.compile(r"sort=speaker"))
    names = [n.strip().lower() for n in p.locator("td.speaker-cell a.speaker").all_inner_texts()]
    assert len(names) > 5 and names == sorted(names)
    assert p.locator('th[aria-sort="ascending"]').inner_text().startswith("speaker")
    p.locator("th a.sort", has_text="speaker").click()
    p.wait_for_url(re.compile(r"sort=-speaker"))
    names = [n.strip().lower() for n in p.locator("td.speaker-cell a.speaker").all_inner_texts()]
    assert names == sorted(names, reverse=True)
    _shot(page, "claims-sorted")


def test_search_highlights_the_matched_words(page, live_url):
    p = page.page
    p.goto(live_url)
    p.locator(".quick-search input[name=q]").fill("troops")
    p.locator(".quick-search button").click()
    p.wait_for_url(re.compile(r"/search\?q=troops"))
    marks = p.locator("#search-claims td.content-cell mark")
    assert marks.count() >= 2
    assert {m.lower() for m in marks.all_inner_texts()} == {"troops"}
    assert marks.first.evaluate(CONTRAST) >= 4.5
    assert "most relevant first" in p.locator("#search-claims .list-head").inner_text()
    _shot(page, "search-highlighted")


def test_the_source_network_page(page, live_url):
    p = page.page
    p.goto(f"{live_url}/entity/Aleksey%20Goncharenko")
    p.locator("a[href='/network/Aleksey%20Goncharenko']").click()
    p.wait_for_url(re.compile(r"/network/Aleksey%20Goncharenko$"))
    graph = p.locator("#network-graph.drawn")
    graph.wait_for(timeout=10_000)
    listed = p.locator("#cited-by > li").count() + p.locator("#cites > li").count()
    assert listed >= 2 and int(graph.get_attribute("data-nodes")) == listed + 1
    assert float(graph.get_attribute("data-font-px")) >= 12
    assert "RT" in p.locator("#cited-by").inner_text()
    _shot(page, "network")
    assert page.errors == [] and page.csp == []


def test_the_provenance_graph_is_sized_to_its_content(page, live_url, web_store):
    p = page.page
    p.goto(f"{live_url}/article/{web_store.founding}/claim/a6")
    graph = p.locator("#trace-graph.drawn")
    graph.wait_for(timeout=10_000)
    rows = int(graph.get_attribute("data-rows"))
    assert rows == 3  # the publisher, the MP, his sources
    assert float(graph.get_attribute("data-font-px")) >= 14  # readable labels
    height = graph.bounding_box()["height"]
    assert rows * 40 <= height <= rows * 58 + 120  # no mostly empty box
    assert page.errors == [] and page.csp == []


@pytest.mark.parametrize("width", [390, 1400])
def test_the_article_page_reads_well_on_a_phone_and_a_desktop(browser, live_url, web_store, width):
    from .conftest import Watched

    context = browser.new_context(viewport={"width": width, "height": 900})
    page = Watched(context.new_page())
    p = page.page
    p.goto(f"{live_url}/article/{web_store.founding}")
    # Nothing wider than the screen: tables scroll inside their own frame.
    assert p.evaluate("document.documentElement.scrollWidth") <= width
    h1 = p.locator("h1")
    assert h1.bounding_box()["x"] + h1.bounding_box()["width"] <= width
    assert h1.evaluate("el => el.scrollWidth <= el.clientWidth")
    assert p.evaluate(BROKEN_WORDS, "table.events td, h1, .who-claims-what") == []
    events = p.locator("table.events")
    section = p.locator(".events-section")
    assert events.bounding_box()["width"] >= 0.95 * section.bounding_box()["width"]
    if width == 1400:
        main = p.locator("main").bounding_box()["width"]
        assert section.bounding_box()["width"] >= 0.9 * main  # full width, not a column
    page.screenshot(f"article-{width}px")
    p.goto(f"{live_url}/claims")
    assert p.evaluate("document.documentElement.scrollWidth") <= width
    assert p.evaluate(BROKEN_WORDS, "table.claims td") == []
    page.screenshot(f"claims-{width}px")
    assert page.errors == [] and page.csp == []
    context.close()


def test_highlight_colours_meet_aa_contrast_in_light_and_dark(page, dark_page, live_url, web_store):
    for watched, scheme in ((page, "light"), (dark_page, "dark")):
        p = watched.page
        p.goto(f"{live_url}/article/{web_store.founding}")
        assert p.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (
            scheme == "dark"
        )
        found = _contrasts(p, HIGHLIGHTS)
        assert len(found) >= 10, found
        low = {selector: round(ratio, 2) for selector, ratio in found.items() if ratio < 4.5}
        assert low == {}, (scheme, low)
    p = dark_page.page
    background = p.evaluate("getComputedStyle(document.body).backgroundColor")
    assert sum(map(int, re.findall(r"\d+", background)[:3])) < 150  # a dark page
    dark_page.screenshot("article-dark")
    p.goto(f"{live_url}/claims?q=troops")
    assert min(_contrasts(p, ("mark", ".meta", ".facet-link", "td a")).values()) >= 4.5
    dark_page.screenshot("claims-dark")
    assert dark_page.errors == [] and dark_page.csp == []


def test_the_skip_link_leads_past_the_navigation(page, live_url, web_store):
    p = page.page
    p.goto(f"{live_url}/article/{web_store.founding}")
    p.keyboard.press("Tab")
    assert p.evaluate("document.activeElement.className") == "skip-link"
    p.keyboard.press("Enter")
    assert p.evaluate("document.activeElement.id") == "main"
    p.keyboard.press("Tab")  # the next stop is inside the content, not the navigation
    assert p.evaluate("!!document.activeElement.closest('main')")


def test_a_phone_sees_the_claims_list_whole(phone_page, live_url):
    p = phone_page.page
    p.goto(f"{live_url}/claims")
    assert p.evaluate("document.documentElement.scrollWidth") <= 390
    assert p.locator(".facets").is_visible()
    phone_page.screenshot("claims-phone")
