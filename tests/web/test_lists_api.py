"""The API's lists, the way an analyst's scripts use them: one paging envelope on every
list, ``offset`` honoured everywhere, percent-encoded links, strict booleans, a ``url`` on
every claim, exports streamed with the list's filters, facets that agree with the list,
the source network, and no server path in any answer."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from fastapi.testclient import TestClient

from sayso.store import open_store
from sayso.web import create_app

ENVELOPE = {"items", "total", "limit", "offset", "next", "previous"}


def _lists(web_store) -> list[tuple[str, dict, str | None]]:
    """(path, params, key of the list in the answer or None for the answer itself)."""
    name = quote("Emmanuel Macron", safe="")
    return [
        ("/api/claims", {}, None),
        ("/api/claims", {"speaker": "Aleksey Goncharenko"}, None),
        ("/api/sources", {}, None),
        ("/api/articles", {}, None),
        ("/api/entities", {"q": "e"}, None),
        ("/api/search", {"q": "troops"}, "claims"),
        ("/api/search", {"q": "a"}, "entities"),
        ("/api/search", {"q": "a"}, "articles"),
        (f"/api/entities/{name}", {}, "said"),
        (f"/api/entities/{name}", {}, "about"),
    ]


def _page(client, path, params, key):
    response = client.get(path, params=params)
    assert response.status_code == 200, (path, params, response.text)
    body = response.json()
    return body[key] if key else body


def _ids(items):
    return [json.dumps(item, sort_keys=True) for item in items]


def test_every_list_pages_the_same_way(client, web_store):
    for path, params, key in _lists(web_store):
        whole = _page(client, path, {**params, "limit": 100}, key)
        assert set(whole) == ENVELOPE, (path, key)
        assert whole["total"] == len(whole["items"]) >= 1, (path, key)
        # offset is honoured: a page of one at offset 1 is the whole list's second item.
        if whole["total"] > 1:
            one = _page(client, path, {**params, "limit": 1, "offset": 1}, key)
            assert one["offset"] == 1 and one["total"] == whole["total"], (path, key)
            assert _ids(one["items"]) == _ids(whole["items"][1:2]), (path, key)
            assert one["previous"] is not None
        # Walking "next" from the first page of one visits every item once.
        seen, page = [], _page(client, path, {**params, "limit": 1}, key)
        assert page["previous"] is None
        while True:
            seen += page["items"]
            if page["next"] is None:
                break
            assert " " not in page["next"]
            page = client.get(page["next"]).json()  # a next link is a list endpoint's page
        assert _ids(seen) == _ids(whole["items"]), (path, key)


def test_links_are_percent_encoded(client):
    page = client.get("/api/claims", params={"speaker": "Aleksey Goncharenko", "limit": 2}).json()
    assert "speaker=Aleksey%20Goncharenko" in page["next"] and " " not in page["next"]
    assert parse_qs(urlsplit(page["next"]).query)["offset"] == ["2"]
    entity = client.get("/api/entities/Emmanuel Macron", params={"limit": 1}).json()
    assert entity["said"]["next"].startswith("/api/claims?speaker=Emmanuel%20Macron")
    assert entity["about"]["next"].startswith("/api/claims?about=Emmanuel%20Macron")
    assert entity["network_url"] == "/api/network/Emmanuel%20Macron"


@pytest.mark.parametrize("value", ["yes", "1", "True", "on", "", "perhaps"])
def test_booleans_are_strict(client, value):
    for path in ("/api/claims", "/api/sources", "/api/articles", "/api/claims/export"):
        response = client.get(path, params={"with_duplicates": value})
        assert response.status_code == 400, (path, value)
        assert "with_duplicates" in response.json()["detail"]
    for value_ok in ("true", "false"):
        assert client.get("/api/claims", params={"with_duplicates": value_ok}).status_code == 200


@pytest.mark.parametrize("value", ["yes", "true", 1, "1"])
def test_the_store_flag_of_a_submission_is_strict(submit_client, value):
    response = submit_client.post("/api/analyze", json={"text": "He said so.", "store": value})
    assert response.status_code == 400 and "store" in response.json()["detail"]


def test_every_claim_has_a_url(client, web_store):
    items = client.get("/api/claims", params={"limit": 100}).json()["items"]
    # (The hand-built hostile article's second id is markup, which no claim id can be.)
    for item in [i for i in items if i["attribution_id"].startswith("a")][:12]:
        claim = client.get(item["url"])
        assert claim.status_code == 200
        assert claim.json()["claim"]["attribution_id"] == item["attribution_id"]
        assert client.get(item["html_url"]).status_code == 200
    assert all(item["url"].startswith("/api/articles/") for item in items)
    trace = client.get(f"/api/articles/{web_store.founding}/claims/a1/trace").json()
    assert trace["claim"]["url"].endswith("/claims/a1")
    for telling in trace["graph"]["tellings"]:
        assert set(telling) >= {"url", "html_url", "article_url"}  # one meaning per name
        assert telling["url"].startswith("/api/articles/")


def test_openapi_documents_the_envelope_and_the_names(client):
    schemas = client.get("/api/openapi.json").json()["components"]["schemas"]
    for name in ("ClaimPage", "SpeakerPage", "ArticlePage", "EntityHitPage"):
        assert set(schemas[name]["properties"]) == ENVELOPE, name
    claim = schemas["Claim"]["properties"]
    assert "API" in claim["url"]["description"] and "web" in claim["article_url"]["description"]
    assert "path" not in schemas["ArticleItem"]["properties"]
    assert schemas["AnalyzeRequest"]["properties"]["store"]["type"] == "boolean"


def test_search_orders_by_relevance_with_escaped_snippets(client, web_store):
    body = client.get("/api/search", params={"q": "troops"}).json()["claims"]
    scores = [item["relevance"] for item in body["items"]]
    assert scores == sorted(scores, reverse=True) and all(s is not None for s in scores)
    assert all("<mark>" in item["snippet_html"] for item in body["items"])
    hostile = client.get("/api/claims", params={"q": "plan works"}).json()["items"]
    assert hostile and "&lt;script&gt;" in hostile[0]["snippet_html"]
    assert "<script>" not in hostile[0]["snippet_html"]
    by_date = client.get("/api/claims", params={"q": "troops", "sort": "-date"}).json()
    assert by_date["total"] == body["total"]
    assert client.get("/api/claims", params={"sort": "relevance"}).status_code == 400
    assert client.get("/api/claims", params={"sort": "bogus"}).status_code == 400


def test_claims_sort_by_column(client, web_store):
    rows = client.get(
        "/api/claims", params={"article": web_store.founding, "sort": "speaker", "limit": 100}
    ).json()["items"]
    names = [(r["speaker"] or "").lower() for r in rows if r["speaker"]]
    assert names == sorted(names)
    down = client.get(
        "/api/claims", params={"article": web_store.founding, "sort": "-speaker", "limit": 100}
    ).json()["items"]
    assert down[0]["speaker"] == max((r["speaker"] for r in rows if r["speaker"]), key=str.lower)


def test_export_streams_the_filtered_list_as_csv_and_json(client):
    filters = {"speaker": "goncharenko", "sort": "date"}
    listed = client.get("/api/claims", params={**filters, "limit": 100}).json()
    response = client.get("/api/claims/export", params={**filters, "format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"] == 'attachment; filename="sayso-claims.csv"'
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == listed["total"] >= 8
    assert [r["attribution_id"] for r in rows] == [c["attribution_id"] for c in listed["items"]]
    assert {r["speaker"] for r in rows} == {"Aleksey Goncharenko"}
    assert rows[0]["html_url"].startswith("http://testserver/article/")
    as_json = client.get("/api/claims/export", params={**filters, "format": "json"})
    assert as_json.headers["content-type"].startswith("application/json")
    items = as_json.json()
    assert [i["content"] for i in items] == [c["content"] for c in listed["items"]]
    assert client.get("/api/claims/export", params={"format": "xls"}).status_code == 400


def test_facets_agree_with_the_filtered_list(client, web_store):
    facets = client.get("/api/claims/facets", params={"article": web_store.founding}).json()
    assert set(facets) == {"speaker", "publisher", "certainty", "stance", "year"}
    for entry in facets["certainty"]:
        params = {"article": web_store.founding, "certainty": entry["value"]}
        assert client.get("/api/claims", params=params).json()["total"] == entry["count"]
    assert facets["year"] == [{"value": "2024", "count": facets["publisher"][0]["count"]}]
    chosen = client.get(
        "/api/claims/facets", params={"article": web_store.founding, "certainty": "negated"}
    ).json()
    assert chosen["certainty"] == facets["certainty"]  # its own filter left out
    assert sum(e["count"] for e in chosen["stance"]) <= 1


def test_the_source_network(client, web_store):
    body = client.get("/api/network/Aleksey Goncharenko").json()
    assert body["claims"] >= 8
    cited_by = {link["name"]: link for link in body["cited_by"]}
    assert {"RT", "Wire"} <= set(cited_by)  # the outlets quoting him
    assert cited_by["RT"]["kind"] == "publisher" and cited_by["RT"]["claims"] >= 8
    cites = {link["name"] for link in body["cites"]}
    assert "sources close to Emmanuel Macron" in cites  # whom he quotes
    example = body["cites"][0]["examples"][0]
    assert example["content"] and example["article_id"]
    sources = client.get("/api/network/sources close to Emmanuel Macron").json()
    assert [link["name"] for link in sources["cited_by"]] == ["Aleksey Goncharenko"]
    assert client.get("/api/network/Nobody Known").status_code == 404


def test_trace_says_what_the_score_covers(client, web_store):
    trace = client.get(f"/api/articles/{web_store.founding}/claims/a1/trace").json()
    coverage = trace["coverage"]
    provenance = trace["graph"]["provenance"]
    assert coverage["tellings"] == provenance["tellings"]
    assert coverage["articles"] == provenance["articles"] == 2
    # Each original source counted once, as the score counts them: the MP's unnamed
    # "sources close to Macron" rest on the MP, so three original speakers are two sources.
    assert len(provenance["original_speakers"]) == 3
    assert coverage["original_sources"] == provenance["independent_sources"] == 2
    assert coverage["text"] == provenance["covers"]
    assert coverage["text"].startswith(
        f"{coverage['tellings']} tellings in 2 articles, 2 original sources"
    )
    assert "denial" in coverage["text"]


@pytest.fixture
def path_store(tmp_path):
    """A store holding an article read from a file deep in the server's folders."""
    from store.helpers import make_analysis

    url = f"sqlite:///{tmp_path / 'paths.db'}"
    analysis = make_analysis([("=HYPERLINK(evil)", "said", "=1+2 was the answer")], title=None)
    analysis.article.path = "/srv/secret/folder/report-2024.txt"
    with open_store(url) as store:
        store.add(analysis, item="/srv/secret/folder/report-2024.txt")
    return url, analysis.article.id


def test_no_server_path_in_any_answer_or_page(path_store):
    url, article_id = path_store
    app = create_app(url)
    with TestClient(app) as client:
        answers = [
            client.get(f"/api/articles/{article_id}"),
            client.get("/api/articles"),
            client.get(f"/api/articles/{article_id}/claims/a1"),
            client.get(f"/api/articles/{article_id}/claims/a1/trace"),
            client.get("/api/claims"),
            client.get("/api/claims/export"),
            client.get("/"),
            client.get(f"/article/{article_id}"),
            client.get(f"/article/{article_id}/claim/a1"),
            client.get("/claims"),
        ]
        for response in answers:
            assert response.status_code == 200, response.url
            assert "/srv/secret" not in response.text and "report-2024" not in response.text
        document = answers[0].json()
        assert document["article"]["path"] is None and document["store"]["input"] is None
        heading = answers[1].json()["items"][0]["heading"]
        assert heading.startswith("=HYPERLINK(evil) said that") and "/" not in heading
        assert f"<h1>{heading}</h1>" in answers[7].text  # its first line, never its path
    app.state.sayso.store.close()
    shown = create_app(url, show_file_names=True)
    with TestClient(shown) as client:
        document = client.get(f"/api/articles/{article_id}").json()
        assert document["article"]["path"] == "report-2024.txt"
        assert document["store"]["input"] == "report-2024.txt"
        assert "report-2024.txt" in client.get(f"/article/{article_id}").text
        assert "/srv/secret" not in client.get(f"/article/{article_id}").text
    shown.state.sayso.store.close()


def test_exported_cells_cannot_run_as_formulas(path_store):
    url, _ = path_store
    app = create_app(url)
    with TestClient(app) as client:
        rows = list(csv.DictReader(io.StringIO(client.get("/api/claims/export").text)))
    app.state.sayso.store.close()
    assert rows[0]["speaker"] == "'=HYPERLINK(evil)"
    assert rows[0]["content"] == "'=1+2 was the answer"
