"""Security: headers on every response, XSS payloads rendered inert in every page and API
answer, body size limits, same-origin writes, Host checking, and clean 500s."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from sayso.web import create_app
from sayso.web.security import CONTENT_SECURITY_POLICY

from .hostile import IMG, PAYLOADS, SCRIPT
from .htmlcheck import dangers


def hostile_pages(web_store) -> list[str]:
    speaker = quote(web_store.hostile_speaker, safe="")
    pages = []
    for article in (web_store.hostile, web_store.hostile_nlp):
        pages += [f"/article/{article}", f"/article/{article}/claim/a1"]
    pages += [
        "/",
        f"/article/{web_store.hostile}/event/v1",
        f"/entity/{speaker}",
        f"/entity/{quote(SCRIPT + ' Jones', safe='')}",
        "/claims",
        "/claims?" + "speaker=" + quote(IMG),
        "/search?q=" + quote("script alert img onerror"),
        "/search?q=" + quote(IMG),
        "/?publisher=" + quote(SCRIPT),
        "/article/" + quote(SCRIPT, safe=""),
        "/entity/" + quote(IMG, safe=""),
    ]
    return pages


def test_hostile_text_is_escaped_in_every_page(client, web_store):
    shown = 0
    for path in hostile_pages(web_store):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        html = response.text
        assert dangers(html) == [], path
        for payload in PAYLOADS:
            assert payload not in html, (path, payload)
        shown += html.count("&lt;script&gt;") + html.count("&#34;&gt;&lt;img")
    assert shown > 20  # the payloads are there, as text


def test_hostile_urls_are_not_links(client, web_store):
    for article in (web_store.hostile, web_store.hostile_nlp):
        html = client.get(f"/article/{article}").text
        assert "javascript:" not in html
        assert ">original</a>" not in html


def test_hostile_text_comes_back_intact_from_the_api(client, web_store):
    response = client.get(f"/api/articles/{web_store.hostile}")
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    document = response.json()
    assert document["article"]["title"] == f"Title {SCRIPT} {IMG}"
    assert document["attributions"][0]["source"]["entity"] == web_store.hostile_speaker
    speaker = web_store.hostile_speaker
    claims = client.get("/api/claims", params={"speaker": speaker}).json()["items"]
    assert claims[0]["speaker"] == web_store.hostile_speaker
    entity = client.get(f"/api/entities/{quote(web_store.hostile_speaker, safe='')}").json()
    assert entity["entity"]["name"] == web_store.hostile_speaker
    trace = client.get(f"/api/articles/{web_store.hostile_nlp}/claims/a1/trace")
    assert trace.status_code == 200 and json.dumps(trace.json())


@pytest.mark.parametrize(
    "path", ["/", "/claims", "/api/claims", "/static/css/sayso.css", "/nope", "/api/nope"]
)
def test_security_headers_on_every_response(client, path):
    headers = client.get(path).headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert "unsafe-eval" not in CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    # Other sites learn nothing; the app's own forms are posted with their true Origin.
    assert headers["referrer-policy"] == "same-origin"


def test_pages_hold_no_inline_script_or_style(client, web_store):
    for path in ("/", f"/article/{web_store.founding}", f"/article/{web_store.founding}/claim/a6"):
        html = client.get(path).text
        assert "<script>" not in html and "<style" not in html and " style=" not in html
        assert all(
            f'src="/static/{name}' in html or name not in html
            for name in ("vendor/htmx.min.js", "js/sayso.js")
        )


def test_vendored_scripts_are_served_with_their_licences(client):
    for name in ("htmx.min.js", "cytoscape.min.js"):
        response = client.get(f"/static/vendor/{name}")
        assert response.status_code == 200 and len(response.content) > 10_000
        assert "javascript" in response.headers["content-type"]
    for name in ("htmx.LICENSE", "cytoscape.LICENSE", "README.md"):
        assert client.get(f"/static/vendor/{name}").status_code == 200


def test_body_over_the_limit_answers_413(submit_client):
    big = "word " * 20_000  # 100 kB over the 64 kB limit of this app
    response = submit_client.post("/api/analyze", json={"text": big})
    assert response.status_code == 413 and "limit" in response.json()["detail"]
    response = submit_client.post("/analyze", data={"text": big})
    assert response.status_code == 413

    def chunks():
        for _ in range(100):
            yield b"x" * 1000

    streamed = submit_client.post(
        "/api/analyze", content=chunks(), headers={"content-type": "application/json"}
    )
    assert streamed.status_code == 413


def test_cross_site_writes_are_refused(submit_client):
    body = {"text": "The minister said it works."}
    for headers in (
        {"origin": "http://evil.example"},
        {"origin": "null"},
        {"origin": "http://testserver.evil.example"},
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site", "origin": "http://sub.testserver"},
        # What a browser sends for a cross-site form: Sec-Fetch-Site wins over Origin.
        {"sec-fetch-site": "cross-site", "origin": "http://testserver"},
    ):
        response = submit_client.post("/api/analyze", json=body, headers=headers)
        assert response.status_code == 403, headers
        assert "cross-origin" in response.json()["detail"]
    for headers in (
        {"origin": "http://testserver"},
        # What Chromium sends for the app's own form: the true site, even if Origin is null.
        {"sec-fetch-site": "same-origin", "origin": "null"},
        {"sec-fetch-site": "same-origin", "origin": "http://testserver"},
        {"sec-fetch-site": "none"},  # typed by the user
        {},  # not a browser: curl, a script
    ):
        same = submit_client.post("/api/analyze", json=body, headers=headers)
        assert same.status_code == 200, headers


def test_a_cross_site_form_gets_a_page_not_json(submit_client):
    response = submit_client.post(
        "/analyze", data={"text": "x"}, headers={"sec-fetch-site": "cross-site"}
    )
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("text/html")
    assert "cross-origin requests are refused" in response.text
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_host_header_is_checked_when_asked(web_store):
    app = create_app(web_store.url, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        assert client.get("/").status_code == 200
        assert client.get("/", headers={"host": "rebound.example"}).status_code == 400
    app.state.sayso.store.close()


def test_an_unexpected_error_is_a_clean_500(web_store, monkeypatch):
    from sqlalchemy.exc import OperationalError

    app = create_app(web_store.url)
    store = app.state.sayso.store

    def broken(*_args, **_kwargs):
        raise OperationalError("SELECT secret FROM articles", {}, Exception("disk on fire"))

    monkeypatch.setattr(store, "claims", broken)
    monkeypatch.setattr(store, "articles", lambda **_: 1 / 0)
    with TestClient(app, raise_server_exceptions=False) as client:
        for path in ("/api/claims", "/claims", "/"):
            response = client.get(path)
            assert response.status_code == 500, path
            assert "Traceback" not in response.text and "SELECT" not in response.text
            assert "disk on fire" not in response.text and "ZeroDivision" not in response.text
            assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert client.get("/api/claims").json() == {
            "detail": "internal error: the server could not answer this request"
        }
    store.close()
