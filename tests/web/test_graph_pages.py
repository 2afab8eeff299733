"""The claim graph in the web app: the trace API's ``graph``, the claim page's "Across
articles", the event page's linked events, and hostile text in all of them."""

from __future__ import annotations

from .hostile import IMG, SCRIPT
from .htmlcheck import dangers


def _first_claim(client, article_id, words):
    claims = client.get("/api/claims", params={"article": article_id, "with_duplicates": True})
    return next(c["attribution_id"] for c in claims.json()["items"] if words in c["content"])


def test_trace_api_carries_the_claim_across_articles(client, web_store):
    claim = _first_claim(client, web_store.retold, "France is preparing")
    body = client.get(f"/api/articles/{web_store.retold}/claims/{claim}/trace").json()
    graph = body["graph"]
    assert graph["status"] == "linked"
    founding = [t for t in graph["tellings"] if t["article_id"] == web_store.founding]
    assert founding, "the founding example's telling is not among the tellings"
    # Goncharenko wrote it in both articles: the same statement, re-reported.
    assert {t["relation"]["kind"] for t in founding} >= {"re_report"}
    provenance = graph["provenance"]
    assert provenance["articles"] == 2
    assert {p["name"] for p in provenance["publishers"]} == {"RT", "Wire"}
    assert 0 <= provenance["score"]["value"] <= 100 and provenance["score"]["reasons"]


def test_claim_page_shows_tellings_tree_and_score(client, web_store):
    claim = _first_claim(client, web_store.retold, "France is preparing")
    html = client.get(f"/article/{web_store.retold}/claim/{claim}").text
    assert "Say-so" in html and 'class="score"' in html
    assert "relation-re_report" in html and "Where it comes from" in html
    assert f"/article/{web_store.founding}/claim/" in html
    assert not dangers(html)


def test_event_page_links_the_same_happening_elsewhere(client, web_store):
    event = client.get(f"/api/articles/{web_store.retold}").json()["events"][0]
    body = client.get(f"/api/articles/{web_store.retold}/events/{event['id']}").json()
    assert body["linked"] is not None
    elsewhere = {m["article_id"] for m in body["linked"]["elsewhere"]}
    assert web_store.founding in elsewhere
    html = client.get(f"/article/{web_store.retold}/event/{event['id']}").text
    assert (
        "The same happening elsewhere" in html and f"/article/{web_store.founding}/event/" in html
    )


def test_hostile_tellings_are_escaped(client, web_store):
    body = client.get(f"/api/articles/{web_store.hostile}/claims/a1/trace").json()
    graph = body["graph"]
    assert graph["status"] == "linked"
    copies = [t for t in graph["tellings"] if t["publisher"] == f"Copy {SCRIPT}"]
    assert copies and copies[0]["relation"]["kind"] == "wire_copy"
    assert IMG in copies[0]["chain"][0]["name"]  # the API keeps the text intact
    html = client.get(f"/article/{web_store.hostile}/claim/a1").text
    assert "Tellings" in html and 'class="score"' in html
    assert not dangers(html)
    assert "&lt;script&gt;" in html and SCRIPT not in html
