"""The article page shows the analysis' warnings (a page that is not an article)."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from sayso.analyze import analyze_many
from sayso.ingest.files import read_one
from sayso.store import open_store
from sayso.web import create_app

RECIPE = Path(__file__).parents[1] / "ingest" / "fixtures" / "pages" / "recipe.html"


def test_the_article_page_shows_warnings_and_byline(tmp_path, nlp):
    [analysis] = analyze_many([read_one(str(RECIPE))], nlp=nlp)
    with open_store(f"sqlite:///{tmp_path / 'w.db'}") as store:
        store.add(analysis)
        with TestClient(create_app(store=store)) as client:
            html = client.get(f"/article/{analysis.article.id}").text
    assert "Warning: not an article: a recipe (JSON-LD @type Recipe)" in html
    assert "by Nadia Osei" in html
