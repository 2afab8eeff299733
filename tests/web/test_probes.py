"""XSS and SQL-injection probes in every path and query parameter of every route, found
from the app itself (a route added later is probed without a change here), and in
submitted article text: never a 500, never a payload left unescaped in a page, the CSP
header on every answer, and the store's tables intact afterwards; SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import func, inspect, select

from sayso.store import open_store
from sayso.store.schema import articles, attributions
from sayso.web import create_app
from sayso.web.security import CONTENT_SECURITY_POLICY

from .hostile import IMG, SCRIPT, hostile_analysis
from .htmlcheck import dangers

PROBES = (
    "<script>alert(1)</script>",
    SCRIPT,
    IMG,
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "' OR 1=1 --",
    "'; DROP TABLE articles; --",
    '" OR ""="',
    "%00",
    "\x00",
    "%_\\",  # LIKE wildcards and the escape character
    "../../../etc/passwd",
    "x" * 5000,
    "ünïcødé 東京 \u202e\u200b\ufeff 😀",
    "-1",
    "9" * 30,
)
MARKUP = [p for p in PROBES if "<" in p or '"' in p]


@dataclass(frozen=True)
class Route:
    path: str
    methods: frozenset[str]
    path_params: tuple[str, ...]
    query_params: tuple[str, ...]


def app_routes(app) -> list[Route]:
    """Every API and page route of ``app`` with its parameters (dependencies included)."""
    found = []
    for path, route in _api_routes(app.routes):
        params = list(_dependants(route.dependant))
        found.append(
            Route(
                path,
                frozenset(route.methods),
                tuple(p.name for d in params for p in d.path_params),
                tuple(dict.fromkeys(p.alias for d in params for p in d.query_params)),
            )
        )
    return found


def _api_routes(routes) -> Iterator[tuple[str, APIRoute]]:
    for route in routes:
        if isinstance(route, APIRoute):
            yield route.path, route
        elif hasattr(route, "effective_route_contexts"):  # an included router
            for context in route.effective_route_contexts():
                if isinstance(context.original_route, APIRoute):
                    yield context.path, context.original_route


def _dependants(dependant) -> Iterator:
    yield dependant
    for sub in dependant.dependencies:
        yield from _dependants(sub)


def probe_urls(routes: list[Route], valid: dict[str, str]) -> Iterator[str]:
    """Each probe in each parameter, the other path parameters valid."""
    for route in routes:
        if "GET" not in route.methods:
            continue
        for target in (*route.path_params, *(f"?{q}" for q in route.query_params)):
            for probe in PROBES:
                path = route.path
                for name in route.path_params:
                    value = probe if name == target else valid.get(name, "x")
                    path = path.replace(f"{{{name}}}", quote(value, safe="")).replace(
                        f"{{{name}:path}}", quote(value, safe="")
                    )
                if target.startswith("?"):
                    path += f"?{target[1:]}={quote(probe, safe='')}"
                yield path


def check_answer(response, url: str) -> None:
    assert response.status_code < 500, url
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY, url
    kind = response.headers.get("content-type", "")
    if kind.startswith("text/html"):
        html = response.text
        assert dangers(html) == [], url
        for probe in MARKUP:
            assert probe not in html, (url, probe)
    elif kind.startswith("text/csv"):  # an export: every row as wide as the header
        rows = list(csv.reader(io.StringIO(response.text)))
        assert rows and all(len(row) == len(rows[0]) for row in rows), url
    elif kind.startswith("image/"):
        assert response.content, url
    else:
        response.json()


def table_state(url: str) -> tuple:
    with open_store(url) as store, store.engine.connect() as conn:
        tables = sorted(inspect(conn).get_table_names())
        counts = [
            conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (articles, attributions)
        ]
    return tables, counts


@pytest.fixture
def probed_store(store_url):
    analysis = hostile_analysis()
    with open_store(store_url) as store:
        store.add(analysis)
    valid = {
        "article_id": analysis.article.id,
        "claim_id": "a1",
        "event_id": "v1",
        "name": analysis.attributions[0].source.entity,
    }
    return store_url, valid


@pytest.mark.slow
def test_every_parameter_of_every_route_resists_the_probes(probed_store):
    url, valid = probed_store
    before = table_state(url)
    app = create_app(url)
    routes = app_routes(app)
    schema_paths = {p.replace("{name}", "{name:path}") for p in app.openapi()["paths"]}
    assert schema_paths <= {r.path for r in routes}  # every documented route is probed
    assert {"/", "/article/{article_id}", "/claims", "/search"} <= {r.path for r in routes}
    sent = 0
    with TestClient(app, raise_server_exceptions=False) as client:
        for probe_url in probe_urls(routes, valid):
            check_answer(client.get(probe_url), probe_url)
            sent += 1
        for path in ("/", f"/article/{valid['article_id']}", "/api/claims?q=plan"):
            assert client.get(path).status_code == 200, path  # still answering
    app.state.sayso.store.close()
    assert sent > 60 * len(PROBES)
    assert table_state(url) == before


@pytest.mark.slow
def test_submitted_articles_with_payloads_are_stored_inert(store_url, nlp):
    text = (
        f"Minister {SCRIPT} said that '; DROP TABLE articles; -- would fail.\n\n"
        f"“{IMG} is harmless,” the police said on Tuesday, quoting ' OR 1=1 --."
    )
    app = create_app(store_url, allow_submit=True)
    with TestClient(app, raise_server_exceptions=False) as client:
        document = {"text": text, "title": SCRIPT, "publisher": IMG, "store": True}
        answer = client.post("/api/analyze", json={**document, "url": "javascript:alert(1)"})
        assert answer.status_code == 201, answer.text
        article_id = answer.json()["store"]["article_id"]
        form = {"text": text + "\n\nAgain.", "title": IMG, "publisher": "' OR 1=1 --"}
        posted = client.post("/analyze", data=form, follow_redirects=False)
        assert posted.status_code == 303, posted.text
        second = posted.headers["location"]
        for path in (f"/article/{article_id}", second, "/", "/claims", "/search?q=DROP"):
            check_answer(client.get(path), path)
        claims = client.get("/api/claims", params={"q": "DROP TABLE"}).json()
        assert claims["total"] >= 1 and "DROP TABLE" in claims["items"][0]["content"]
    app.state.sayso.store.close()
    tables, counts = table_state(store_url)
    assert {"articles", "attributions", "entities"} <= set(tables) and counts[0] == 2
