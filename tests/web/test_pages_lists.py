"""The pages an analyst works in, without a browser: the claims list's facets, sorting,
page sizes and export links (all with the list's filters), the entity page's exports,
the source network, the claim page's one tellings section and score coverage, and what
every page carries (skip link, favicon, cacheable and compressed static files)."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

from .htmlcheck import Inventory


def _hrefs(html: str, cls: str | None = None) -> list[str]:
    inventory = Inventory()
    inventory.feed(html)
    return [
        unescape(attrs["href"])
        for tag, attrs in inventory.tags
        if tag == "a" and "href" in attrs and (cls is None or cls in attrs.get("class", ""))
    ]


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_claims_page_facets_carry_the_filters(client, web_store):
    html = client.get("/claims", params={"publisher": "RT", "limit": 10}).text
    facets = _hrefs(html, "facet-link")
    assert facets, "no facet links"
    negated = next(h for h in facets if _query(h).get("certainty") == ["negated"])
    assert _query(negated)["publisher"] == ["RT"] and _query(negated)["limit"] == ["10"]
    year = next(h for h in facets if "since" in _query(h))
    assert _query(year)["since"] == ["2024-01-01"] and _query(year)["until"] == ["2024-12-31"]
    # The chosen value is marked, and its link removes it.
    chosen = client.get("/claims", params={"certainty": "negated"}).text
    link = re.search(r'<li class="chosen"><a class="facet-link" href="([^"]+)"', chosen)
    assert link and "certainty" not in _query(unescape(link.group(1)))
    # Counts beside each value.
    assert re.search(r'data-facet="certainty" data-value="negated"[^>]*>.*?class="count">1<', html)


def test_claims_page_sorts_pages_and_exports_with_the_same_filters(client):
    html = client.get("/claims", params={"speaker": "goncharenko", "sort": "speaker"}).text
    sorts = _hrefs(html, "sort")
    assert {_query(h)["sort"][0] for h in sorts} >= {"-speaker", "publisher", "certainty", "-date"}
    assert all(_query(h)["speaker"] == ["goncharenko"] for h in sorts)
    assert 'aria-sort="ascending"' in html  # the current column says so
    csv_link = _hrefs(html, "export-csv")[0]
    assert csv_link.startswith("/api/claims/export?")
    assert _query(csv_link) == {"speaker": ["goncharenko"], "sort": ["speaker"], "format": ["csv"]}
    assert _query(_hrefs(html, "export-json")[0])["format"] == ["json"]
    sizes = [h for h in _hrefs(html) if "limit" in _query(h)]
    assert {_query(h)["limit"][0] for h in sizes} >= {"10", "50", "100"}
    assert client.get("/claims", params={"limit": 50}).status_code == 200


def test_search_page_is_ordered_by_relevance_with_highlights(client):
    html = client.get("/search", params={"q": "troops"}).text
    assert "the most relevant first" in html
    assert html.count("<mark>troops</mark>") >= 2
    assert _hrefs(html, "export-csv")[0].startswith("/api/claims/export?q=troops")


def test_entity_page_exports_and_network(client):
    html = client.get("/entity/Emmanuel Macron").text
    exports = _hrefs(html, "export-csv")
    assert {tuple(sorted(_query(h))) for h in exports} == {
        ("format", "speaker"),
        ("about", "format"),
    }
    assert "/network/Emmanuel%20Macron" in html


def test_network_page_lists_who_cites_whom(client):
    html = client.get("/network/Aleksey Goncharenko").text
    cited_by = html[html.index('id="cited-by"') : html.index('id="cites-title"')]
    assert "RT" in cited_by and "publisher" in cited_by
    cites = html[html.index('id="cites"') :]
    assert "sources close to Emmanuel Macron" in cites and "/claim/" in cites
    assert 'id="network-graph"' in html and "/api/network/Aleksey%20Goncharenko" in html
    assert client.get("/network/Nobody Known").status_code == 404


def test_claim_page_tells_one_story(client, web_store):
    html = client.get(f"/article/{web_store.founding}/claim/a1").text
    assert html.count("<h2") == len(set(re.findall(r"<h2[^>]*>([^<]+)</h2>", html)))
    assert "Other tellings" not in html and "Across articles" not in html
    tellings = html[html.index('id="tellings"') :]
    tellings = tellings[: tellings.index("</section>")]
    assert "this article" in tellings  # this article's tellings…
    assert f'href="/article/{web_store.retold}"' in tellings  # …and the others'
    assert "No other telling" not in tellings
    score = html[html.index('id="score"') :]
    assert re.search(
        r"\d+/100</strong> <span class=\"covers\">from \d+ tellings in 2 articles", score
    )
    # Each article's stance toward the claim, from the claim graph (issue 16).
    stances = html[html.index('<ul class="stances"') :]
    stances = stances[: stances.index("</ul>")]
    assert stances.count("<li>") == 2
    assert f'href="/article/{web_store.retold}"' in stances
    assert re.search(r'class="badge stance stance-(for|against|observing)">', stances)


def test_every_page_has_a_skip_link_and_an_icon(client, web_store):
    for path in ("/", "/claims", f"/article/{web_store.founding}", "/search?q=x"):
        html = client.get(path).text
        assert '<a class="skip-link" href="#main">' in html and '<main id="main"' in html
        assert 'rel="icon"' in html
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"] == "image/x-icon"
    assert icon.content[:4] == b"\x00\x00\x01\x00"


def test_static_files_are_compressed_and_cacheable(client):
    html = client.get("/").text
    css = re.search(r'href="(/static/css/sayso.css\?v=[0-9a-f]+)"', html).group(1)
    response = client.get(css, headers={"accept-encoding": "gzip"})
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.headers["content-encoding"] == "gzip"
    script = client.get("/static/vendor/cytoscape.min.js", headers={"accept-encoding": "gzip"})
    assert script.headers["content-encoding"] == "gzip"
    assert len(script.content) > 400_000 and script.num_bytes_downloaded < 200_000  # 436 KB
    assert script.headers["cache-control"].startswith("public, max-age=")
    etag = script.headers["etag"]
    again = client.get("/static/vendor/cytoscape.min.js", headers={"if-none-match": etag})
    assert again.status_code == 304
    page = client.get("/claims", headers={"accept-encoding": "gzip"})
    assert page.headers["content-encoding"] == "gzip" and "vary" in page.headers
