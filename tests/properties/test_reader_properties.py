"""Hypothesis properties of the readers and the API on hostile bytes: every input gives
articles or errors naming it, never an exception; the API never answers 500."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from fuzz.checks import check_analysis
from fuzz.strategies import article_texts, hostile_bytes, suite_settings
from sayso.errors import InputError
from sayso.ingest.sources import read_sources
from sayso.model import analysis_from_dict
from sayso.store import open_store
from sayso.web import create_app

SUFFIXES = (".txt", ".html", ".jsonl", ".csv", ".warc", ".rss", ".jsonl.gz", ".warc.gz")


@suite_settings(40)
@given(hostile_bytes(), st.sampled_from(SUFFIXES))
def test_every_reader_gives_items_or_errors_naming_the_input(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / f"input{suffix}")
        Path(path).write_bytes(data)
        for item in read_sources([path]):
            assert item.input == path
            assert (item.article is None) != (item.error is None)
            if item.error is not None:
                assert isinstance(item.error, InputError)
                assert str(item.error).startswith(path)
            else:
                item.article.text.encode("utf-8")


@pytest.fixture(scope="module")
def client(tmp_path_factory, nlp):
    url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'store.db'}"
    with open_store(url) as store, TestClient(create_app(allow_submit=True, store=store)) as c:
        yield c


@suite_settings(20)
@given(article_texts(max_chars=5000))
def test_the_analyse_endpoint_answers_json_never_500(client, text):
    # Escaped JSON, as a hostile client sends it: "\ud800" arrives as a lone surrogate.
    body = json.dumps({"text": text}, ensure_ascii=True)
    response = client.post(
        "/api/analyze", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code in (200, 400, 413, 422), response.text
    if response.status_code == 200:
        analysis = analysis_from_dict(response.json())
        check_analysis(analysis, text)
