"""The claim graph in the store, on SQLite and PostgreSQL: incremental linking, rebuilding,
an older store migrated, and finding a claim by id or by words. Analyses built by hand."""

from __future__ import annotations

from dataclasses import replace

import pytest
from alembic import command

from sayso.graph.link import link_store
from sayso.graph.tracing import find_by_text, resolve_claim_id, trace
from sayso.store import open_store
from sayso.store.engine import make_engine
from sayso.store.migrate import alembic_config, current_revision, head_revision
from store.helpers import insert_as_of, make_analysis

FIRST = [
    ("Emmanuel Macron", "said", "France would send troops to Ukraine next spring"),
    ("Olaf Weber", "said", "the harbour in Hamburg will close for repairs in June"),
]
SECOND = [("Sergey Naryshkin", "claimed", "France will send soldiers to Ukraine in the spring")]
THIRD = [("Jean Morel", "denied", "France would send troops to Ukraine next spring")]


@pytest.fixture
def store(store_url):
    store = open_store(store_url)
    yield store
    store.close()


def _cluster(store, article_id, claim_id):
    result = trace(store, article_id, claim_id)
    assert result.status == "linked"
    return result.cluster["id"], result


def test_linking_is_incremental(store, embedder):
    first = make_analysis(FIRST, publisher="Agence", published="2024-03-01")
    store.add(first)
    assert trace(store, first.article.id, "a1").status == "pending"
    report = link_store(store, embedder=embedder)
    assert (report.articles, report.tellings, report.clusters) == (1, 2, 2)
    assert link_store(store, embedder=embedder).articles == 0  # nothing pending: no work
    second = make_analysis(SECOND, publisher="TASS", published="2024-03-02")
    third = make_analysis(THIRD, publisher="Le Monde", published="2024-03-03")
    denial = third.attributions[0]
    denial.cue = replace(denial.cue, lemma="deny")  # the helper's lemma is the word itself
    store.add(second)
    store.add(third)
    report = link_store(store, embedder=embedder)
    assert (report.articles, report.joined, report.clusters) == (2, 2, 0)
    cluster, result = _cluster(store, first.article.id, "a1")
    assert cluster == _cluster(store, second.article.id, "a1")[0]
    assert cluster != _cluster(store, first.article.id, "a2")[0]
    relations = {t.publisher: t.relation["kind"] for t in result.tellings}
    assert relations == {"TASS": "corroboration", "Le Monde": "contradiction"}
    assert result.provenance["independent_sources"] == 2


def test_rebuild_links_everything_again_the_same_way(store, embedder):
    for claims, day in ((FIRST, "2024-03-01"), (SECOND, "2024-03-02")):
        store.add(make_analysis(claims, published=day))
    link_store(store, embedder=embedder)
    before = {a: trace(store, a, "a1").cluster["size"] for a in store.article_ids()}
    report = link_store(store, embedder=embedder, rebuild=True)
    assert report.articles == 2
    after = {a: trace(store, a, "a1").cluster["size"] for a in store.article_ids()}
    assert before == after == dict.fromkeys(store.article_ids(), 2)


def test_an_older_store_is_migrated_and_its_articles_linked(store_url, embedder):
    # The store a sayso of migration 0002 would have left: its columns only.
    analysis = make_analysis(FIRST)
    engine = make_engine(store_url)
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
    insert_as_of(engine, analysis)
    assert current_revision(engine) == "0002"
    engine.dispose()
    with open_store(store_url) as store:
        assert current_revision(store.engine) == head_revision(store.engine)
        assert link_store(store, embedder=embedder).articles == 1
        assert trace(store, analysis.article.id, "a2").status == "linked"


def test_finding_a_claim_by_id_or_by_words(store, embedder):
    analysis = make_analysis(FIRST)
    store.add(analysis)
    link_store(store, embedder=embedder)
    article = analysis.article.id
    assert resolve_claim_id(store, f"{article[:6]}/a2") == (article, "a2")
    assert resolve_claim_id(store, f"{article}:a1") == (article, "a1")
    assert resolve_claim_id(store, "ffffffff/a1") is None
    assert resolve_claim_id(store, "troops in Ukraine") is None
    found = find_by_text(store, "Hamburg harbour closing for repair work", embedder)
    assert found is not None and found[:2] == (article, "a2") and found[2] > 0.5
    assert find_by_text(store, "a recipe for lemon cake", embedder) is None
