"""The REST API: every endpoint, paging, and bad parameters answered 400/404 (never 500)."""

from __future__ import annotations

import pytest

from sayso.model import SCHEMA

CLAIM_KEYS = {
    "article_id", "attribution_id", "kind", "speaker", "source_text", "anonymous", "group",
    "cue", "content", "nested_in", "title", "publisher", "published", "article_url", "stance",
    "certainty", "url", "html_url", "relevance", "snippet_html",
}  # fmt: skip


def test_claims_list_is_paged_and_filtered(client, web_store):
    page = client.get("/api/claims", params={"limit": 5}).json()
    assert page["limit"] == 5 and page["offset"] == 0 and len(page["items"]) == 5
    assert page["total"] > 18
    assert set(page["items"][0]) == CLAIM_KEYS
    second = client.get(page["next"]).json()
    assert second["offset"] == 5 and second["previous"].endswith("offset=0")
    assert {c["attribution_id"] for c in second["items"]}.isdisjoint(
        c["attribution_id"] for c in page["items"] if c["article_id"] == web_store.founding
    )

    founding = {"article": web_store.founding, "limit": 100}
    every = client.get("/api/claims", params=founding).json()
    assert every["total"] == len(every["items"]) >= 18
    speaker = client.get("/api/claims", params={**founding, "speaker": "goncharenko"}).json()
    assert speaker["total"] >= 8
    assert all(c["speaker"] == "Aleksey Goncharenko" for c in speaker["items"])
    negated = client.get("/api/claims", params={**founding, "certainty": "negated"}).json()
    assert [c["speaker"] for c in negated["items"]] == ["NATO member states"]
    distancing = client.get("/api/claims", params={**founding, "stance": "distancing"}).json()
    assert {c["cue"] for c in distancing["items"]} >= {"claim", "claimed"}
    words = client.get("/api/claims", params={"q": "troops Ukraine"}).json()
    assert words["total"] >= 2
    assert all("troops" in c["content"].lower() for c in words["items"])
    dated = client.get("/api/claims", params={"since": "2024-03-21", "until": "2024-03-21"})
    assert {c["article_id"] for c in dated.json()["items"]} == {web_store.founding}
    entity = client.get("/api/claims", params={**founding, "entity": "Belarus"}).json()
    assert entity["total"] >= 2
    direct = client.get("/api/claims", params={**founding, "kind": "direct"}).json()
    assert {c["kind"] for c in direct["items"]} == {"direct"}
    publisher = client.get("/api/claims", params={"publisher": "daily"}).json()
    assert {c["article_id"] for c in publisher["items"]} == {web_store.hostile_nlp}


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"limit": 101}, "limit"),
        ({"limit": -1}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"offset": -5}, "offset"),
        ({"offset": 10**9}, "offset"),
        ({"since": "yesterday"}, "since: not a date"),
        ({"until": "2024-13-45"}, "until: not a date"),
        ({"certainty": "sure"}, "certainty must be one of"),
        ({"stance": "angry"}, "stance must be one of"),
        ({"kind": "rumour"}, "kind must be one of"),
        ({"speaker": "x" * 201}, "speaker"),
        ({"with_duplicates": "perhaps"}, "with_duplicates"),
    ],
)
def test_bad_claim_parameters_answer_400_with_a_message(client, params, message):
    for path in ("/api/claims", "/api/sources"):
        response = client.get(path, params=params)
        assert response.status_code == 400, response.text
        assert response.headers["content-type"] == "application/json"
        assert message in response.json()["detail"]


def test_hostile_filter_values_are_plain_values(client):
    for value in ("' OR 1=1 --", "%", "_", '"; DROP TABLE articles; --', "NEAR(a b)", "*"):
        for name in ("speaker", "entity", "publisher", "q"):
            response = client.get("/api/claims", params={name: value})
            assert response.status_code == 200, (name, value, response.text)
            assert response.json()["total"] == 0
    assert client.get("/api/claims").json()["total"] > 0  # nothing was dropped


def test_sources_rank_speakers(client, web_store):
    body = client.get("/api/sources", params={"article": web_store.founding, "limit": 3}).json()
    assert body["items"][0]["speaker"] == "Aleksey Goncharenko"
    assert len(body["items"]) == 3


def test_articles_list_and_one_article(client, web_store):
    page = client.get("/api/articles", params={"limit": 2}).json()
    assert page["total"] == 4 and len(page["items"]) == 2 and page["next"]
    daily = client.get("/api/articles", params={"publisher": "daily", "title": ""}).json()
    assert [a["id"] for a in daily["items"]] == [web_store.hostile_nlp]
    every = {a["id"]: a for a in client.get("/api/articles").json()["items"]}
    assert every[web_store.founding]["claims"] >= 18
    document = client.get(f"/api/articles/{web_store.founding}").json()
    assert document["schema"] == SCHEMA
    assert set(document) >= {"article", "removed", "attributions", "entities", "events", "store"}
    assert document["article"]["id"] == web_store.founding
    by_prefix = client.get(f"/api/articles/{web_store.founding[:8]}").json()
    assert by_prefix["article"]["id"] == web_store.founding


@pytest.mark.parametrize(
    "path",
    [
        "/api/articles/0000000000000000",
        "/api/articles/not-hex",
        "/api/articles/" + "a" * 300,
        "/api/articles/{founding}/claims/a999",
        "/api/articles/{founding}/claims/..%2F..%2Fetc",
        "/api/articles/{founding}/claims/a999/trace",
        "/api/articles/{founding}/events/v999",
        "/api/entities/Nobody%20Known",
        "/api/no-such-endpoint",
    ],
)
def test_unknown_things_answer_404(client, web_store, path):
    response = client.get(path.format(founding=web_store.founding))
    assert response.status_code == 404, response.text
    assert response.json()["detail"]


def test_bad_paths_and_queries_answer_400(client):
    assert client.get("/api/entities/" + "x" * 300).status_code == 400
    assert client.get("/api/entities").status_code == 400  # q is required
    assert client.get("/api/search", params={"q": ""}).status_code == 400
    assert client.get("/api/articles", params={"limit": 1000}).status_code == 400
    response = client.get("/api/search", params={"q": "troops", "limit": 0})
    assert response.status_code == 200 and response.json()["claims"]["items"] == []


def test_one_claim(client, web_store):
    body = client.get(f"/api/articles/{web_store.founding}/claims/a6").json()
    assert body["claim"]["speaker"] == "sources close to Emmanuel Macron"
    assert body["claim"]["nested_in"] == "a5"
    assert body["attribution"]["certainty"]["value"] == body["claim"]["certainty"]
    assert body["attribution"]["stance"]["value"] == "distancing"
    assert body["article"]["publisher"] == "RT"


def test_trace_gives_provenance_nesting_and_tellings(client, web_store):
    trace = client.get(f"/api/articles/{web_store.founding}/claims/a6/trace").json()
    chain = [(row["attribution_id"], row["speaker"]) for row in trace["provenance"]]
    assert chain == [("a5", "Aleksey Goncharenko"), ("a6", "sources close to Emmanuel Macron")]
    assert trace["claim"]["attribution_id"] == "a6"
    assert trace["graph"] is None or isinstance(trace["graph"], dict)
    outer = client.get(f"/api/articles/{web_store.founding}/claims/a3/trace").json()
    assert [row["attribution_id"] for row in outer["nested"]] == ["a4"]
    # a4 is told inside a3: a3 shares its words but is its provenance, not a telling.
    inner = client.get(f"/api/articles/{web_store.founding}/claims/a4/trace").json()
    assert "a3" not in {t["attribution_id"] for t in inner["same_words"]}
    first = client.get(f"/api/articles/{web_store.founding}/claims/a1/trace").json()
    assert [(t["article_id"], t["publisher"]) for t in first["same_words"]] == [
        (web_store.retold, "Wire")
    ]


def test_event(client, web_store):
    body = client.get(f"/api/articles/{web_store.founding}/events/v3").json()
    assert body["event"]["type"] == "MOBILIZE"
    assert {a["id"] for a in body["attributions"]} >= {"a1"}


def test_entities(client):
    hits = client.get("/api/entities", params={"q": "goncharenko"}).json()["items"]
    assert hits[0]["name"] == "Aleksey Goncharenko"
    body = client.get("/api/entities/Emmanuel Macron", params={"limit": 1}).json()
    assert body["entity"]["canonical"] == ["person:macron:emanuel"]
    assert body["said"]["total"] >= 2 and len(body["said"]["items"]) == 1
    assert all(c["speaker"] == "Emmanuel Macron" for c in body["said"]["items"])
    assert body["said"]["next"]
    assert body["about"]["total"] >= 1
    assert all(c["speaker"] != "Emmanuel Macron" for c in body["about"]["items"])


def test_search(client, web_store):
    body = client.get("/api/search", params={"q": "troops"}).json()
    assert body["claims"]["total"] >= 2
    assert body["q"] == "troops"
    names = client.get("/api/search", params={"q": "Naryshkin"}).json()
    assert [e["name"] for e in names["entities"]["items"]] == ["Sergey Naryshkin"]
    titles = client.get("/api/search", params={"q": "Headline"}).json()
    assert [a["id"] for a in titles["articles"]["items"]] == [web_store.hostile_nlp]


def test_openapi_document_lists_every_endpoint(client):
    schema = client.get("/api/openapi.json").json()
    paths = set(schema["paths"])
    assert paths >= {
        "/api/claims",
        "/api/sources",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/articles/{article_id}/claims/{claim_id}",
        "/api/articles/{article_id}/claims/{claim_id}/trace",
        "/api/articles/{article_id}/events/{event_id}",
        "/api/entities",
        "/api/entities/{name}",
        "/api/search",
        "/api/analyze",
    }
    assert not any(p.startswith(("/article/", "/claims")) for p in paths)  # pages stay out
    assert paths >= {"/api/claims/export", "/api/claims/facets", "/api/network/{name}"}
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/api/claims/export" in docs.text
    assert "/api/articles/{article_id}/claims/{claim_id}/trace" in docs.text


def test_analyze_is_refused_on_a_read_only_server(client):
    response = client.post("/api/analyze", json={"text": "The minister said it works."})
    assert response.status_code == 403
    assert "--allow-submit" in response.json()["detail"]
    assert client.post("/api/analyze", json={}).status_code == 403  # before the body


def test_analyze_with_submit_allowed(submit_client):
    text = "The minister, John Smith, said that the bridge would reopen in May."
    body = submit_client.post("/api/analyze", json={"text": text, "published": "2024-05-01"})
    assert body.status_code == 200
    document = body.json()
    assert document["schema"] == SCHEMA and document["article"]["text"] == text
    assert document["attributions"][0]["source"]["entity"] == "John Smith"
    assert "store" not in document
    assert submit_client.get("/api/articles").json()["total"] == 0
    stored = submit_client.post("/api/analyze", json={"text": text, "store": True})
    assert stored.status_code == 201 and stored.json()["store"]["status"] == "new"
    again = submit_client.post("/api/analyze", json={"text": text, "store": True})
    assert again.status_code == 200 and again.json()["store"]["status"] == "duplicate"
    assert submit_client.get("/api/articles").json()["total"] == 1


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": ""},
        {"text": 5},
        {"text": "x", "published": "May"},
        {"text": "   "},
        {"text": "binary\x00data"},
        {"text": "ok", "title": "t\x00"},
    ],
)
def test_analyze_bad_bodies_answer_400(submit_client, body):
    response = submit_client.post("/api/analyze", json=body)
    assert response.status_code == 400, response.text
    assert response.json()["detail"]


def test_analyze_refuses_a_body_that_is_not_json(submit_client):
    response = submit_client.post(
        "/api/analyze", content=b"text=hello", headers={"content-type": "text/plain"}
    )
    assert response.status_code == 400
