"""The HTML pages: what each shows, that they need no JavaScript, and bad parameters."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from .htmlcheck import Inventory


def _ids(html: str) -> dict[str, tuple[str, dict]]:
    inventory = Inventory()
    inventory.feed(html)
    return {attrs["id"]: (tag, attrs) for tag, attrs in inventory.tags if attrs.get("id")}


def test_home_lists_articles_and_speakers(client, web_store):
    html = client.get("/").text
    assert f'href="/article/{web_store.founding}"' in html
    assert 'href="/entity/Aleksey%20Goncharenko"' in html
    assert "4 articles" in html


def test_article_view_marks_sources_cues_contents_and_removed_pieces(client, web_store):
    response = client.get(f"/article/{web_store.founding}")
    assert response.status_code == 200
    html = response.text
    ids = _ids(html)
    for claim in ("a1", "a6", "a18"):
        assert ids[f"c-{claim}"][1]["class"].startswith("hl hl-content")
        assert ids[f"s-{claim}"][1]["class"].startswith("hl hl-source")
        assert ids[f"q-{claim}"][1]["class"].startswith("hl hl-cue")
        assert ids[f"claim-{claim}"][0] == "li"  # the side list entry
    assert html.count('class="hl hl-removed') == 3
    assert "FILE PHOTO: Aleksey Goncharenko" in html
    # Each content is linked to its speaker and to the claim it is told inside.
    side = html[html.index('id="claim-a6"') :]
    side = side[: side.index("</li>")]
    assert 'href="#s-a6"' in side and 'href="#c-a6"' in side and 'href="#claim-a5"' in side
    assert "/article/" in side and "/claim/a6" in side
    assert 'data-parent="a5"' in html
    # a4 is told inside a3: its content span opens inside a3's.
    a3 = html.index('id="c-a3"')
    assert a3 < html.index('id="c-a4"') < html.index('id="s-a3"')
    assert "legend" in html and "removed: caption" in html
    assert 'href="/entity/Aleksey%20Goncharenko"' in html
    # Stance, certainty, events.
    assert "distancing" in side and "probable" in side
    assert f'/article/{web_store.founding}/event/v5"' in side


def test_article_text_keeps_every_character(client, web_store):
    html = client.get(f"/article/{web_store.founding}").text
    body = html[html.index('class="article-text"') :]
    body = body[body.index(">") + 1 : body.index("</section>")]
    text = re.sub(r'<a class="marker"[^>]*>[^<]*</a>', "", body)
    text = re.sub(r"<[^>]+>", "", text)
    from html import unescape

    from sayso.data import sample_articles

    assert unescape(text) == next(sample_articles()).text


def test_claim_page_shows_the_provenance_tree(client, web_store):
    html = client.get(f"/article/{web_store.founding}/claim/a6").text
    tree = html[html.index('class="tree"') : html.index('id="trace-graph"')]
    assert tree.index("Aleksey Goncharenko") < tree.index("sources close to Emmanuel Macron")
    assert 'id="chain-a5"' in tree and 'class="current"' in tree
    assert f'data-trace-url="/api/articles/{web_store.founding}/claims/a6/trace"' in html
    first = client.get(f"/article/{web_store.founding}/claim/a1").text
    tellings = first[first.index('class="tellings"') :]
    assert f'href="/article/{web_store.retold}"' in tellings
    nested = client.get(f"/article/{web_store.founding}/claim/a3").text
    assert "nested-children" in nested and "/claim/a4" in nested


def test_event_page(client, web_store):
    html = client.get(f"/article/{web_store.founding}/event/v3").text
    assert "MOBILIZE" in html and "planned" in html
    assert f"/article/{web_store.founding}/claim/a1" in html


def test_entity_page_said_and_about(client):
    html = client.get("/entity/Emmanuel Macron").text
    said = html[html.index('id="said"') : html.index('id="about"')]
    about = html[html.index('id="about"') :]
    assert "cannot exclude" in said
    assert "very determined" in about
    assert client.get("/entity/Nobody Known").status_code == 404


def test_claims_list_filters_and_pages(client, web_store):
    html = client.get("/claims", params={"certainty": "negated", "limit": 5}).text
    assert "no plans to send troops" in html
    assert '<option value="negated" selected>' in html
    assert 'hx-get="/claims"' in html  # progressive: htmx swaps the results in place
    first = client.get("/claims", params={"limit": 5, "speaker": "goncharenko"}).text
    link = re.search(r'rel="next" href="([^"]+)"', first).group(1)
    assert "speaker=goncharenko" in link.replace("&amp;", "&")
    second = client.get(link.replace("&amp;", "&"))
    assert second.status_code == 200 and 'rel="prev"' in second.text


def test_search_page(client, web_store):
    html = client.get("/search", params={"q": "troops"}).text
    assert "search-claims" in html and "send <mark>troops</mark>" in html
    html = client.get("/search", params={"q": "Goncharenko"}).text
    assert 'href="/entity/Aleksey%20Goncharenko"' in html
    assert client.get("/search").status_code == 200  # the empty form


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/claims?limit=500", 400),
        ("/claims?since=soon", 400),
        ("/claims?stance=loud", 400),
        ("/claims?offset=-1", 400),
        ("/?offset=x", 400),
        ("/search?q=" + "y" * 300, 400),
        ("/article/zzzz", 404),
        ("/article/{founding}/claim/a404", 404),
        ("/article/{founding}/event/v404", 404),
        ("/entity/" + "n" * 300, 400),
        ("/no/such/page", 404),
        ("/analyze", 403),
    ],
)
def test_bad_page_requests_answer_with_an_error_page(client, web_store, path, status):
    response = client.get(path.format(founding=web_store.founding))
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert f"<h1>{status}</h1>" in response.text
    assert "Traceback" not in response.text


def test_paste_an_article(submit_client):
    text = "The mayor, Anne Hidalgo, said that the pool would open in June."
    response = submit_client.post(
        "/analyze",
        data={"text": text, "title": "Pools", "published": "2024-05-01"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    page = submit_client.get(response.headers["location"])
    assert "Pools" in page.text and 'class="hl hl-source"' in page.text
    assert submit_client.get("/analyze").status_code == 200


def test_upload_an_article(submit_client):
    page = (
        b"<html><head><title>Bridge news</title></head><body><article><p>"
        + (b"The engineer, Maria Lopez, said that the bridge would reopen in May. " * 3)
        + b"</p></article></body></html>"
    )
    files = {"file": ("bridge.html", page, "text/html")}
    response = submit_client.post(
        "/analyze", files=files, data={"text": ""}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    html = submit_client.get(response.headers["location"]).text
    assert "Maria Lopez" in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "   "}, "paste an article"),
        ({"text": "A text.", "published": "soon"}, "YYYY-MM-DD"),
    ],
)
def test_bad_submissions_answer_400(submit_client, data, message):
    response = submit_client.post("/analyze", data=data)
    assert response.status_code == 400 and message in response.text


def test_binary_upload_answers_400(submit_client):
    files = {"file": ("x.txt", b"\x00\x01\x02" * 50, "text/plain")}
    response = submit_client.post("/analyze", files=files)
    assert response.status_code == 400 and "binary" in response.text


def test_entity_links_are_quoted(client, web_store):
    html = client.get(f"/article/{web_store.hostile}").text
    assert f'href="/entity/{quote(web_store.hostile_speaker, safe="")}"' in html


def test_a_claim_page_lists_claims_that_only_share_its_words(tmp_path, nlp):
    """Before linking, the other telling is found by full-text search alone (a row with
    no graph fields): the page still renders it."""
    from fastapi.testclient import TestClient

    from sayso.analyze import analyze
    from sayso.store import open_store
    from sayso.web.app import create_app

    text = "The minister said the bridge would reopen in May."
    url = f"sqlite:///{tmp_path / 'store.db'}"
    with open_store(url) as store:
        first = analyze(text, nlp=nlp, publisher="Post")
        second = analyze(text + "\n\nMore later.", nlp=nlp, publisher="Courier")
        store.add(first)
        store.add(second)
    app = create_app(url)
    with TestClient(app) as client:
        page = client.get(f"/article/{first.article.id}/claim/a1")
    app.state.sayso.store.close()
    assert page.status_code == 200
    assert "Courier" in page.text or second.article.id in page.text
