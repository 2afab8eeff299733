"""The join decision's parts on hand-made values: blocking keys, key joins, subject clashes,
containment."""

from __future__ import annotations

from datetime import date

import numpy as np

from sayso.graph.blocking import blocking_keys, strong
from sayso.graph.cluster import ClaimClusterer, Placed, agreement, key_join, subjects_clash
from sayso.graph.containment import THRESHOLD, containment, is_copy

HUDAK = "person:hudak:petra"


def test_blocking_keys_name_subject_predicate_object_and_events():
    assert blocking_keys(HUDAK, "resign", None) == [f"sp:{HUDAK}|resign"]
    assert blocking_keys("country:EST", "close", "crossing", ["THREATEN:EST>"]) == [
        "sp:country:EST|close",
        "po:close|crossing",
        "ev:THREATEN:EST>",
    ]
    assert blocking_keys(HUDAK, "say", "thing") == []  # too light a predicate
    assert blocking_keys(None, None, None, ["AGREE:>"]) == []  # an event with no participant
    assert strong(["sp:a|b", "ev:X:A>B"]) == frozenset({"sp:a|b"})


def test_a_first_person_denial_joins_by_key_at_a_low_cosine():
    rumour = Placed(1, frozenset({HUDAK}), frozenset(), frozenset({f"sp:{HUDAK}|resign"}))
    denial = Placed(-1, frozenset(), frozenset(), frozenset({f"sp:{HUDAK}|resign"}))
    assert key_join(0.38, denial, rumour)
    assert not key_join(0.2, denial, rumour)  # too far apart even so
    other = Placed(-1, frozenset(), frozenset(), frozenset({f"sp:{HUDAK}|present"}))
    assert not key_join(0.9, other, rumour)


def test_a_key_join_needs_the_two_within_the_date_window():
    then = Placed(1, frozenset(), frozenset(), frozenset({"po:close|crossing"}), date(2025, 1, 1))
    now = Placed(-1, frozenset(), frozenset(), frozenset({"po:close|crossing"}), date(2025, 1, 20))
    late = Placed(-1, frozenset(), frozenset(), frozenset({"po:close|crossing"}), date(2025, 6, 1))
    assert key_join(0.5, now, then)
    assert not key_join(0.5, late, then)


def test_the_same_predicate_of_two_subjects_is_two_claims():
    france = frozenset({"sp:country:FRA|send", "po:send|troops"})
    germany = frozenset({"sp:country:DEU|send", "po:send|troops"})
    assert subjects_clash(france, germany)
    assert not subjects_clash(france, frozenset({"po:send|troops"}))
    a = Placed(1, frozenset(), frozenset(), france)
    b = Placed(-1, frozenset(), frozenset(), germany)
    assert not key_join(0.9, b, a)


def test_disjoint_keys_cost_agreement_but_not_for_a_headline():
    stage = Placed(1, frozenset(), frozenset(), frozenset({"sp:p|finish", "po:finish|stage"}))
    test = Placed(1, frozenset(), frozenset(), frozenset({"sp:p|fail", "po:fail|test"}))
    assert agreement(0.86, stage, test) < 0.75
    headline = Placed(1, frozenset(), frozenset(), frozenset({"sp:p|ready"}), loose=True)
    assert agreement(0.8, headline, test) == 0.8


def test_the_clusterer_compares_a_block_beyond_the_nearest_neighbours():
    clusterer = ClaimClusterer(8, expected=100)
    key = frozenset({f"sp:{HUDAK}|resign"})
    rumour = clusterer.add(np.eye(8, dtype=np.float32)[0], Placed(7, frozenset(), frozenset(), key))
    query = np.asarray([0.35, 0.6, 0, 0, 0, 0, 0.72, 0], dtype=np.float32)
    query /= np.linalg.norm(query)
    for i in range(40):  # forty unrelated tellings nearer than the rumour, not near enough
        vector = np.asarray([0, 1, 0, 0, 0, 0, 0, 0.01 * i], dtype=np.float32)
        vector /= np.linalg.norm(vector)
        assert float(query @ np.eye(8)[0]) < float(query @ vector) < 0.75
        clusterer.add(vector, Placed(100 + i, frozenset(), frozenset()))
    telling = Placed(-1, frozenset(), frozenset(), key)
    assert rumour in {seq for _, seq in clusterer.candidates(query, telling)}
    assert clusterer.place(query, telling)[0] == 7


WIRE = " ".join(
    f"Sentence {i} of the wire story tells what the minister said about it." for i in range(30)
)


def test_containment_finds_trimmed_and_edited_copies():
    trimmed = WIRE[: WIRE.index("Sentence 15")]
    edited = WIRE.replace("minister said", "minister told reporters", 3) + " An added line."
    assert containment(WIRE, trimmed) == 1.0
    assert is_copy(WIRE, edited)[0]
    assert (
        containment(WIRE, "Something else entirely, nothing in common with it at all. " * 5)
        < THRESHOLD
    )
    assert containment("too short", "too short") == 0.0
