"""The per-article character cap: a longer text is refused with an error naming it, in the
Python API, in ingest (the batch goes on) and in the web API (413)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from sayso.analyze import MAX_ARTICLE_CHARS, ArticleInput, analyze_many
from sayso.errors import InputError
from sayso.ingest.items import Item
from sayso.ingest.run import ingest_items
from sayso.store import open_store
from sayso.web import create_app

LONG = "The minister said the plan works. " * (MAX_ARTICLE_CHARS // 34 + 1)
SHORT = "Minister John Smith said on Tuesday that the plan works well for everyone."


def test_a_text_over_the_cap_is_refused_naming_it(nlp):
    with pytest.raises(InputError, match=r"^long\.txt: .*over the 200,000-character limit"):
        list(analyze_many([ArticleInput(text=LONG, path="long.txt")], nlp=nlp))


def test_ingest_records_the_long_one_and_stores_the_rest(tmp_path, nlp):
    items = [
        Item("long.txt", "long.txt", ArticleInput(text=LONG, path="long.txt")),
        Item("short.txt", "short.txt", ArticleInput(text=SHORT, path="short.txt")),
    ]
    with open_store(f"sqlite:///{tmp_path / 's.db'}") as store:
        report = ingest_items(items, store, nlp=nlp)
        assert (report.failed, report.new) == (1, 1)
        assert "long.txt" in report.errors[0] and "200,000" in report.errors[0]
        assert store.is_known(SHORT) and not store.is_known(LONG)


def test_the_web_api_answers_413(tmp_path, nlp):
    with (
        open_store(f"sqlite:///{tmp_path / 'w.db'}") as store,
        TestClient(create_app(allow_submit=True, store=store)) as client,
    ):
        response = client.post("/api/analyze", json={"text": LONG})
        assert response.status_code == 413
        assert "200,000" in response.json()["detail"]
