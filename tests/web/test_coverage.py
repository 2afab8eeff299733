"""What a say-so score covers, in words, from the claim graph's trace (sayso.web.coverage)."""

from __future__ import annotations

from sayso.web.coverage import coverage


def _graph(tellings, speakers, *, counted_once=None, independent=None, focus="asserts"):
    return {
        "status": "linked",
        "claim": {"polarity": focus},
        "tellings": tellings,
        "provenance": {
            "tellings": len(tellings) + 1,
            "tellings_counted_once": counted_once or len(tellings) + 1,
            "articles": len({t["article_id"] for t in tellings} | {"focus"}),
            "independent_sources": independent or len(speakers),
            "original_speakers": speakers,
        },
    }


def test_the_issue_example():
    tellings = [
        {"article_id": "a", "polarity": "asserts"},
        {"article_id": "b", "polarity": "asserts"},
        {"article_id": "b", "polarity": "denies"},
    ]
    speakers = [{"name": "MP", "anonymous": False}, {"name": "TASS", "anonymous": False}]
    covered = coverage(_graph(tellings, speakers))
    assert covered.text == "4 tellings in 3 articles, 2 original sources, 1 denial"
    assert covered.to_dict()["denials"] == 1


def test_singular_unnamed_independent_and_wire_copies():
    tellings = [{"article_id": "a", "polarity": "asserts"}]
    speakers = [
        {"name": "sources", "anonymous": True},
        {"name": "MP", "anonymous": False},
        {"name": "Kremlin", "anonymous": False},
    ]
    covered = coverage(_graph(tellings, speakers, counted_once=1, independent=2, focus="denies"))
    assert covered.text == (
        "2 tellings in 2 articles, 3 original sources, 2 independent, 1 unnamed, "
        "1 denial, 1 wire copy"
    )


def test_no_view_no_coverage():
    assert coverage(None) is None
    assert coverage({"status": "pending"}) is None
    assert coverage({"status": "none"}) is None


def test_the_graph_count_is_the_one_shown():
    # The claim graph counts what its honest score counts (each original source once,
    # denials by independent source, the publisher's own voice apart): the page says so.
    graph = _graph(
        [{"article_id": "a", "polarity": "asserts"}] * 4,
        [{"name": "Hudak", "anonymous": False}],
    )
    graph["provenance"]["independent_sources"] = 2
    graph["provenance"]["sources"] = [
        {"name": "Hudak", "known": "named"},
        {"name": "officials", "known": "anonymous"},
    ]
    graph["provenance"]["coverage"] = {
        "tellings": 5,
        "articles": 4,
        "original_sources": 2,
        "denials": 1,
        "unsourced": 1,
        "wire_copies": 1,
        "text": "5 tellings in 4 articles, 2 original sources, 1 denial, "
        "1 in a publisher's own voice, 1 wire copy",
    }
    covered = coverage(graph)
    assert covered.text == graph["provenance"]["coverage"]["text"]
    figures = covered.to_dict()
    assert (figures["original_sources"], figures["anonymous_sources"]) == (2, 1)
    assert (figures["denials"], figures["own_voice"], figures["wire_copies"]) == (1, 1, 1)
    assert "graph_text" not in figures
