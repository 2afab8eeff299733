"""The store on both backends: exactly once, near-duplicates, queries, failures, schema."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from sayso.errors import SaysoError
from sayso.serial import record
from sayso.store import ClaimQuery, SaveStatus, open_store
from sayso.store.migrate import current_revision, head_revision

from .helpers import LONG_STORY, make_analysis

CLAIMS = [
    ("Emmanuel Macron", "said", "France would send troops to Ukraine"),
    ("Vladimir Putin", "warned", "Emmanuel Macron was risking a wider war"),
    ("Aleksey Goncharenko", "wrote", "sources close to Emmanuel Macron confirmed the plan"),
]


@pytest.fixture
def store(store_url):
    store = open_store(store_url)
    yield store
    store.close()


def test_round_trip_keeps_every_field_even_unknown_ones(store):
    analysis = make_analysis(CLAIMS)
    data = record(analysis)
    # A newer model adds fields; the store keeps them and still indexes the rest.
    data["schema"] = "sayso/9"
    data["rumours"] = [{"id": "r1", "trigger": "send"}]
    data["attributions"][0]["credibility"] = "high"
    data["attributions"][0]["source"]["stance"] = "for"
    result = store.add(data)
    assert result.status is SaveStatus.NEW
    assert store.load_dict(result.article_id) == data
    loaded = store.load(result.article_id)
    assert loaded is not None and loaded.article.text == analysis.article.text
    assert [c.attribution_id for c in store.claims()] == ["a1", "a2", "a3"]


def test_same_article_twice_adds_nothing(store):
    analysis = make_analysis(CLAIMS, url="https://example.org/a")
    assert store.add(analysis).status is SaveStatus.NEW
    again = store.add(analysis)
    assert again.status is SaveStatus.DUPLICATE
    assert again.article_id == analysis.article.id
    # The same words re-extracted with other spacing and case, under another URL.
    respaced = make_analysis(CLAIMS, url="https://example.org/b")
    respaced.article.text = analysis.article.text.replace(" ", "  ").upper()
    assert store.add(respaced).status is SaveStatus.DUPLICATE
    summary = store.summary()
    assert (summary.articles, summary.near_duplicates, summary.attributions) == (1, 0, 3)
    assert store.is_known(analysis.article.text)


def test_near_duplicate_is_linked_to_its_original(store):
    original = make_analysis(CLAIMS, filler=LONG_STORY, title="Talks resume")
    copy = make_analysis(CLAIMS, filler="UPDATED: " + LONG_STORY, title="Talks resume (update)")
    copy_of_copy = make_analysis(CLAIMS, filler="UPDATED: " + LONG_STORY + " More soon.")
    unrelated = make_analysis(CLAIMS[:1], filler="A short, different story about elections.")
    assert store.add(original).status is SaveStatus.NEW
    linked = store.add(copy)
    assert linked.status is SaveStatus.NEAR_DUPLICATE
    assert linked.duplicate_of == original.article.id
    assert linked.similarity is not None and linked.similarity >= 0.8
    # A copy of the copy points at the first original, not at the copy.
    assert store.add(copy_of_copy).duplicate_of == original.article.id
    assert store.add(unrelated).status is SaveStatus.NEW
    record = store.article(original.article.id)
    assert record is not None
    assert sorted(record.near_duplicates) == sorted([copy.article.id, copy_of_copy.article.id])
    assert store.article(copy.article.id).duplicate_of == original.article.id
    # Claims are counted once unless near-duplicates are asked for.
    assert len(store.claims(speaker="Putin")) == 1
    assert len(store.claims(speaker="Putin", include_duplicates=True)) == 3
    assert store.summary().near_duplicates == 2


def test_claim_filters(store):
    store.add(make_analysis(CLAIMS, publisher="RT", published="2024-03-21"))
    store.add(
        make_analysis(
            [("Boris Johnson", "insisted", "the deal was done and troops stayed home")],
            publisher="Wikinews",
            published="2019-10-17",
        )
    )

    def ids(**filters):
        return [(c.speaker, c.attribution_id) for c in store.claims(**filters)]

    assert ids(speaker="macron") == [("Emmanuel Macron", "a1")]
    assert ids(entity="Macron") == [("Vladimir Putin", "a2"), ("Aleksey Goncharenko", "a3")]
    # Full text search stems ("troop" finds "troops") and needs every word.
    assert ids(text="troop") == [("Emmanuel Macron", "a1"), ("Boris Johnson", "a1")]
    assert ids(text="troops home") == [("Boris Johnson", "a1")]
    assert ids(since="2020-01-01") == [(s, f"a{i + 1}") for i, (s, _, _) in enumerate(CLAIMS)]
    assert ids(until="2020-01-01") == [("Boris Johnson", "a1")]
    assert ids(publisher="wiki") == [("Boris Johnson", "a1")]
    assert ids(publisher="rt", speaker="putin", text="war") == [("Vladimir Putin", "a2")]
    assert len(store.claims(limit=2)) == 2
    assert store.count_claims(ClaimQuery()) == 4


@pytest.mark.parametrize(
    "hostile",
    ['"', "'; DROP TABLE articles; --", "troops OR *", "NEAR(a b)", "%", "_", "a:b", "\\"],
)
def test_hostile_filter_values_are_plain_values(store, hostile):
    store.add(make_analysis(CLAIMS))
    for field in ("speaker", "entity", "publisher"):
        assert store.claims(**{field: hostile}) == []
    # Search syntax is read as plain words (here "troops" may match), never as an error.
    assert len(store.claims(text=hostile)) <= 1
    assert store.summary().articles == 1


def test_bad_query_parameters_raise_clear_errors():
    with pytest.raises(SaysoError, match="since"):
        ClaimQuery(since="yesterday")
    with pytest.raises(SaysoError, match="limit"):
        ClaimQuery(limit=-1)


def test_sources_rank_speakers(store):
    store.add(make_analysis(CLAIMS))
    store.add(make_analysis([("Vladimir Putin", "said", "the talks had failed")], title="B"))
    ranked = store.sources()
    assert (ranked[0].speaker, ranked[0].claims, ranked[0].articles) == ("Vladimir Putin", 2, 2)
    assert {s.speaker for s in ranked} == {c[0] for c in CLAIMS}
    assert [s.speaker for s in store.sources(publisher="nobody")] == []


def test_provenance_follows_nesting(store):
    analysis = make_analysis(CLAIMS, nested={2: 1, 1: 0})
    store.add(analysis)
    chain = store.provenance(analysis.article.id, "a3")
    assert [c.attribution_id for c in chain] == ["a1", "a2", "a3"]
    assert chain[0].speaker == "Emmanuel Macron"
    assert store.provenance(analysis.article.id, "a99") == []
    assert store.resolve_article_id(analysis.article.id[:6]) == analysis.article.id
    assert store.resolve_article_id("zz") is None


def test_failures_are_recorded_and_cleared_by_a_later_success(store):
    store.record_failure("data.jsonl:3", "data.jsonl", "data.jsonl:3: not valid JSON")
    store.record_failure("data.jsonl:3", "data.jsonl", "data.jsonl:3: still not valid JSON")
    [failure] = store.failures()
    assert (failure.item, failure.input) == ("data.jsonl:3", "data.jsonl")
    assert "still" in failure.error
    store.add(make_analysis(CLAIMS), item="data.jsonl:3")
    assert store.failures() == []


def test_normalised_tables(store):
    analysis = make_analysis(CLAIMS)
    store.add(analysis)
    with store.engine.connect() as conn:
        count = {
            table: conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("articles", "entities", "mentions", "attributions", "minhashes")
        }
        spans = conn.execute(text("SELECT content_spans FROM attributions ORDER BY seq")).scalars()
        assert [json.loads(s) for s in spans] == [
            [list(a.content.spans[0])] for a in analysis.attributions
        ]
    assert count == {
        "articles": 1,
        "entities": 3,
        "mentions": 3 + 2,  # each speaker once, Macron twice more in contents
        "attributions": 3,
        "minhashes": 1,
    }


def test_schema_is_migrated_to_head_and_a_newer_database_is_refused(store):
    assert current_revision(store.engine) == head_revision(store.engine) == "0008"
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    store.close()
    with pytest.raises(SaysoError, match="newer sayso"):
        open_store(store.engine.url.render_as_string(hide_password=False))


def test_reopening_keeps_the_data(store_url):
    with open_store(store_url) as first:
        first.add(make_analysis(CLAIMS))
    with open_store(store_url) as second:
        assert second.summary().attributions == 3
