"""Relations, counting rules and the say-so score on tellings built by hand."""

from __future__ import annotations

from sayso.graph.provenance import independent, once, score, summary, tree
from sayso.graph.relations import RelationKind, relate
from sayso.graph.tellings import Voice


def voice(name, *, anonymous=False, key=None):
    return Voice(name, key or name.lower(), anonymous, False, "say", "a1")


def telling(article, chain, *, publisher="Wire", root=None, polarity=1, day="2025-01-01", **kw):
    from sayso.graph.relations import TellingView

    return TellingView(
        article_id=article,
        attribution_id="a1",
        content="the claim",
        cue="said",
        polarity=polarity,
        denial="denied" if polarity < 0 else None,
        chain=chain,
        publisher=publisher,
        published=day,
        title=None,
        url=None,
        root=root or article,
        **kw,
    )


COSTA = voice("Ana Costa")
LUSA = voice("Lusa Wire")
ORIGINAL = telling("A", [COSTA], publisher="Lusa")
COPY = telling("B", [COSTA], publisher="Courier", root="A")
SECOND_HAND = telling("C", [LUSA, COSTA], publisher="Blog", day="2025-01-03")
OTHER = telling("D", [voice("Nikos Andreou")], publisher="Herald", day="2025-01-02")
DENIAL = telling("E", [voice("Rui Lopes")], publisher="Post", polarity=-1)
SOURCES = voice("sources close to Costa", anonymous=True, key="anon:sources@ana costa")
THROUGH_COSTA = telling("F", [COSTA, SOURCES], publisher="Gazette")


def test_relations_in_order_of_what_matters():
    assert relate(ORIGINAL, DENIAL)[0] is RelationKind.CONTRADICTION
    assert relate(ORIGINAL, COPY) == (
        RelationKind.WIRE_COPY,
        "the same text published again by Courier",
    )
    kind, reason = relate(ORIGINAL, SECOND_HAND)
    assert kind is RelationKind.RE_REPORT and reason.endswith("second-hand via Lusa Wire")
    assert relate(ORIGINAL, THROUGH_COSTA) == (
        RelationKind.RE_REPORT,
        "both rest on Ana Costa's say-so",
    )
    assert relate(ORIGINAL, OTHER)[0] is RelationKind.CORROBORATION


def test_wire_copies_count_once_and_shared_voices_make_one_source():
    assert [t.article_id for t in once([ORIGINAL, COPY, OTHER])] == ["A", "D"]
    groups = independent([ORIGINAL, SECOND_HAND, OTHER, THROUGH_COSTA])
    assert sorted(sorted(t.article_id for t in g) for g in groups) == [["A", "C", "F"], ["D"]]


def test_the_score_adds_up_its_reasons():
    alone = score([ORIGINAL], 1)
    assert alone["value"] == 30 + 20 + 15
    assert [r["points"] for r in alone["reasons"]] == [20, 15]
    full = score([ORIGINAL, COPY, SECOND_HAND, OTHER, DENIAL], 1)
    points = {r["why"]: r["points"] for r in full["reasons"]}
    assert points["a named original source on record: Ana Costa"] == 20
    assert points["1 further independent source(s): Nikos Andreou"] == 10
    assert points["published by 3 outlets, wire copies counted once"] == 10
    assert points["1 wire copy counted once"] == 0
    assert points["contradicted by 1 source(s): Rui Lopes"] == -15
    assert full["value"] == 30 + 20 + 10 + 15 + 10 - 15
    # Unnamed sources, second-hand at best, and most tellings anonymous.
    hearsay = telling("G", [LUSA, SOURCES])
    weak = score([hearsay], 1)
    # Lusa Wire is named, but it only relays: the original sources are unnamed, and
    # unnamed sources earn nothing for being near the page.
    assert [r["points"] for r in weak["reasons"]] == [5, -10]
    assert weak["reasons"][0]["why"] == "only unnamed original sources"
    assert weak["value"] == 30 + 5 - 10
    # Every reason names its evidence: the source, the publisher, the date, the claim.
    evidence = {r["why"]: r["evidence"] for r in full["reasons"]}
    assert evidence["a named original source on record: Ana Costa"] == [
        "Ana Costa (Lusa, 2025-01-01, A/a1)"
    ]
    assert evidence["contradicted by 1 source(s): Rui Lopes"] == [
        "Rui Lopes (Post, 2025-01-01, E/a1)"
    ]
    assert evidence["1 wire copy counted once"] == ["Courier, 2025-01-01, B/a1"]


def test_summary_and_tree():
    result = summary([ORIGINAL, COPY, SECOND_HAND, OTHER, DENIAL], 1)
    assert result["independent_sources"] == 2
    assert result["tellings_counted_once"] == 4
    assert (result["first_seen"], result["last_seen"]) == ("2025-01-01", "2025-01-03")
    assert result["publishers"][0] == {"name": "Lusa", "tellings": 1, "wire_copies": 0}
    assert {"name": "Courier", "tellings": 1, "wire_copies": 1} in result["publishers"]
    roots = tree([ORIGINAL, SECOND_HAND])
    assert [node["name"] for node in roots] == ["Ana Costa"]
    children = [c["name"] for c in roots[0]["children"]]
    assert children == ["Lusa", "Lusa Wire"]  # published by Lusa; passed on by Lusa Wire
    assert roots[0]["children"][1]["children"][0]["name"] == "Blog"


def test_unresolved_and_uncertain_speakers_count_as_unknown():
    june = Voice(
        "June", "mention:june@pub:wire", False, False, "say", "a1", resolution="unresolved"
    )
    unsure = Voice("Kralova", "person:kralova", False, False, "say", "a1", uncertain=True)
    a = telling("H", [june], publisher="Wire")
    b = telling("I", [unsure], publisher="Herald")
    result = score([a, b], 1)
    whys = [(r["points"], r["why"]) for r in result["reasons"]]
    assert whys[0] == (0, "2 source(s) sayso cannot identify, counted as unknown: June, Kralova")
    assert not any("named" in why for _, why in whys)  # no named source, no first-hand bonus
    assert result["value"] == 30 + 10  # only the two outlets


def test_each_original_source_counts_once_and_an_undated_article_stays_undated():
    again = telling("J", [COSTA], publisher="Herald", day=None)
    result = summary([ORIGINAL, again], 1)
    assert result["independent_sources"] == 1
    assert result["undated"] == 1 and result["last_seen"] == "2025-01-01"
    whys = [r["why"] for r in result["score"]["reasons"]]
    assert "a named original source on record: Ana Costa" in whys
    assert not any("further independent" in why for why in whys)
    evidence = [e for r in result["score"]["reasons"] for e in r["evidence"]]
    assert "Herald, undated, J/a1" in evidence
