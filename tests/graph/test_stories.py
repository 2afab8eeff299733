"""The two hand-written stories (fixtures/README.md), ingested by the real pipeline into a
store on both backends and linked: the clusters, relations, chain depths and counts of
independent sources a reader of the README expects."""

from __future__ import annotations

import json

import pytest

from sayso.graph.build import link_store
from sayso.graph.tracing import trace
from sayso.ingest.datasets import Fields
from sayso.ingest.run import ingest
from sayso.ingest.sources import ReadOptions
from sayso.store import open_store
from sayso.store.schema import graph_claims


@pytest.fixture
def linked(store_url, stories, nlp, embedder):
    store = open_store(store_url)
    options = ReadOptions(fields=Fields.named(id="id"))
    report = ingest([str(stories)], store, nlp=nlp, options=options)
    assert (report.new, report.near_duplicates) == (8, 1)
    link = link_store(store, embedder=embedder)
    assert link.articles == 9
    ids = {json.loads(line)["publisher"]: None for line in stories.read_text().splitlines()}
    for row in store.articles(include_duplicates=True, limit=None)[0]:
        ids[row.publisher] = row.id
    yield store, ids
    store.close()


def _claim(store, article_id, words):
    """The attribution of the article whose content holds ``words``."""
    rows = store.claims(article_id=article_id, include_duplicates=True, limit=None)
    return next(r.attribution_id for r in rows if words in r.content)


def _cluster_of(store, article_id, claim_id):
    with store.engine.connect() as conn:
        return conn.execute(
            graph_claims.select().where(
                graph_claims.c.article_id == article_id,
                graph_claims.c.attribution_id == claim_id,
            )
        ).one()


def test_story_a_one_claim_its_tellings_and_how_they_relate(linked):
    store, ids = linked
    costa = _claim(store, ids["Lusa Wire"], "Portugal is preparing to send firefighting")
    result = trace(store, ids["Lusa Wire"], costa).to_dict()
    assert result["status"] == "linked"
    relations = {(t["publisher"], t["relation"]["kind"]) for t in result["tellings"]}
    assert relations == {
        ("Lusa Wire", "unsourced"),  # its own headline, "Portugal readies firefighting planes"
        ("Daily Courier", "wire_copy"),  # its claim and its headline
        ("Athens Herald", "corroboration"),
        ("Evening Post", "contradiction"),
        ("Bloggers Digest", "re_report"),
    }
    headlines = [t for t in result["tellings"] if t["kind"] == "own_voice"]
    assert {(t["publisher"], t["statement"], t["depth"]) for t in headlines} == {
        ("Lusa Wire", "headline", 0),
        ("Daily Courier", "headline", 0),
    }
    attributed = [t for t in result["tellings"] if t["kind"] == "attribution"]
    depths = {t["publisher"]: t["depth"] for t in attributed}
    assert depths == {
        "Daily Courier": 1,
        "Athens Herald": 1,
        "Evening Post": 1,
        "Bloggers Digest": 2,
    }
    second_hand = next(t for t in attributed if t["publisher"] == "Bloggers Digest")
    assert [v["name"] for v in second_hand["chain"]] == ["Lusa Wire", "Ana Costa"]
    assert "second-hand via Lusa Wire" in second_hand["relation"]["reason"]
    provenance = result["provenance"]
    # Costa (told three times, once a wire copy) and Andreou; Lopes denies it.
    assert provenance["independent_sources"] == 2
    assert provenance["tellings"] == 7 and provenance["tellings_counted_once"] == 5
    assert provenance["covers"] == (
        "7 tellings in 5 articles, 2 original sources, 1 denial, "
        "1 in a publisher's own voice, 2 wire copies"
    )
    assert [s["name"] for s in provenance["contradicting_sources"]] == ["Rui Lopes"]
    assert provenance["chain_depth"] == {"min": 0, "max": 2}  # 0: the headlines
    assert (provenance["first_seen"], provenance["last_seen"]) == ("2025-07-01", "2025-07-03")
    assert provenance["anonymous_share"] == 0.0
    whys = " | ".join(r["why"] for r in provenance["score"]["reasons"])
    assert "contradicted by 1 source(s): Rui Lopes" in whys
    assert "2 wire copies counted once" in whys


def test_story_b_anonymous_sources_through_a_named_one_are_not_independent(linked):
    store, ids = linked
    wanjiru = _claim(store, ids["Nairobi Times"], "minimum wage by eight percent")
    result = trace(store, ids["Nairobi Times"], wanjiru).to_dict()
    kinds = {t["publisher"]: t["relation"]["kind"] for t in result["tellings"]}
    assert kinds == {
        "Nairobi Times": "unsourced",  # its headline, "Minimum wage to rise"
        "Coast Weekly": "corroboration",
        "Market Watchers": "corroboration",
        "Business Daily Star": "contradiction",
    }
    provenance = result["provenance"]
    assert provenance["independent_sources"] == 2  # Wanjiru; Otieno with his Treasury sources
    otieno = next(s for s in provenance["sources"] if s["name"] == "Peter Otieno")
    assert sorted(otieno["original_speakers"]) == ["Peter Otieno", "Sources close to the Treasury"]
    assert provenance["anonymous_share"] == 0.25  # of the four attributed tellings
    # Traced from the Market Watchers telling, Otieno's own claim rests on the same say-so.
    sources = _claim(store, ids["Market Watchers"], "Kenya will increase")
    seen_from_there = trace(store, ids["Market Watchers"], sources).to_dict()
    by_publisher = {
        t["publisher"]: t["relation"]
        for t in seen_from_there["tellings"]
        if t["kind"] != "own_voice"
    }
    assert by_publisher["Coast Weekly"]["kind"] == "re_report"
    assert "Peter Otieno" in by_publisher["Coast Weekly"]["reason"]
    assert seen_from_there["claim"]["depth"] == 2


def test_a_carrier_is_traced_through_the_claim_inside_it(linked):
    store, ids = linked
    outer = _claim(store, ids["Bloggers Digest"], "Defence Minister Ana Costa said")
    result = trace(store, ids["Bloggers Digest"], outer)
    assert result.stands_for is not None and result.stands_for != outer
    assert result.cluster["size"] == 7  # five tellings, two headlines


def test_other_claims_stay_out_of_the_two_stories(linked):
    store, ids = linked
    fire = _cluster_of(
        store, ids["Lusa Wire"], _claim(store, ids["Lusa Wire"], "preparing")
    ).cluster_id
    wage = _cluster_of(
        store, ids["Nairobi Times"], _claim(store, ids["Nairobi Times"], "eight")
    ).cluster_id
    assert fire != wage
    with store.engine.connect() as conn:
        sizes = {}
        for row in conn.execute(
            graph_claims.select().where(graph_claims.c.cluster_id.is_not(None))
        ):
            sizes[row.cluster_id] = sizes.get(row.cluster_id, 0) + 1
    assert sizes[fire] == 7 and sizes[wage] == 5  # with the headlines
    # Nothing else is told twice but the wire copy's two other claims (the Canadair planes
    # on standby, the burned hectares), each in fire-1 and fire-2.
    others = sorted(n for c, n in sizes.items() if c not in (fire, wage))
    assert others.count(2) == 2 and set(others) == {1, 2}, others
    lopes = _claim(store, ids["Evening Post"], "Portugal was preparing")
    row = _cluster_of(store, ids["Evening Post"], lopes)
    assert (row.polarity, row.denial) == (-1, "denied")


def test_the_aircraft_event_is_linked_across_articles(linked):
    store, ids = linked
    costa = _claim(store, ids["Lusa Wire"], "Portugal is preparing to send firefighting")
    events = trace(store, ids["Lusa Wire"], costa).to_dict()["events"]
    assert [e["type"] for e in events] == ["AGREE"]
    elsewhere = {m["publisher"] for m in events[0]["elsewhere"]}
    assert elsewhere == {"Daily Courier", "Athens Herald", "Evening Post", "Bloggers Digest"}
