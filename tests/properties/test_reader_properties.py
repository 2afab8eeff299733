"""Hypothesis properties of the readers and the API on hostile bytes: every input gives
articles or errors naming it, never an exception; the API never answers 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from fuzz import targets
from fuzz.strategies import article_texts, hostile_bytes, suite_settings
from sayso.store import open_store
from sayso.web import create_app


@suite_settings(40)
@given(hostile_bytes(), st.sampled_from(targets.READER_SUFFIXES))
def test_every_reader_gives_items_or_errors_naming_the_input(data, suffix):
    targets.reader(data, suffix)


@pytest.fixture(scope="module")
def client(tmp_path_factory, nlp):
    url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'store.db'}"
    with open_store(url) as store, TestClient(create_app(allow_submit=True, store=store)) as c:
        yield c


@suite_settings(20)
@given(article_texts(max_chars=5000))
def test_the_analyse_endpoint_answers_json_never_500(client, text):
    targets.api(client, text)
