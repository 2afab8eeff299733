"""What the graph reads of each attribution, on analyses written by hand (their records,
read back by ``sayso.serial`` as the graph reads a stored analysis)."""

from __future__ import annotations

from sayso.graph.tellings import claim_facts, event_signature
from sayso.model import Event, EventArgument, TextSpan

TEXT = "x" * 400


def attribution(aid, content, start, *, source=None, cue="say", nested=None, certainty=None):
    return {
        "id": aid,
        "kind": "indirect",
        "source": source,
        "cue": {"start": 0, "end": 0, "text": cue, "lemma": cue},
        "content": {
            "start": start,
            "end": start + len(content),
            "text": content,
            "spans": [[start, start + len(content)]],
        },
        "nested_in": nested,
        "certainty": certainty,
        "events": [],
    }


def source(name, entity_id=None, *, anonymous=False, entity=True):
    return {
        "start": 0,
        "end": 0,
        "text": name,
        "entity": name if entity else None,
        "entity_id": entity_id,
        "anonymous": anonymous,
        "group": False,
    }


def analysis(attributions, entities=(), events=(), publisher="Wire"):
    return {
        "article": {"id": "a" * 16, "text": TEXT, "publisher": publisher},
        "attributions": attributions,
        "entities": list(entities),
        "events": list(events),
    }


MP = {
    "id": "e1",
    "name": "Aleksey Goncharenko",
    "type": "PERSON",
    "mentions": [[0, 5]],
    "canonical": "person:goncharenko:aleksei",
}
FRANCE = {
    "id": "e2",
    "name": "France",
    "type": "COUNTRY",
    "mentions": [[120, 126]],
    "canonical": "country:FRA",
}


def test_a_carrier_stands_for_the_claim_inside_it_and_the_chain_runs_through_it():
    outer = attribution(
        "a1",
        "his sources claim France is preparing to send troops",
        100,
        source=source("Aleksey Goncharenko", "e1"),
        cue="according to",
    )
    inner = attribution(
        "a2",
        "France is preparing to send troops",
        118,
        source=source("sources close to Macron", anonymous=True),
        cue="claim",
        nested="a1",
    )
    facts = {f.attribution_id: f for f in claim_facts(analysis([outer, inner], [MP, FRANCE]))}
    assert (facts["a1"].role, facts["a1"].telling_id) == ("carrier", "a2")
    assert facts["a2"].role == "telling"
    assert [v.name for v in facts["a2"].chain] == ["Aleksey Goncharenko", "sources close to Macron"]
    # Unnamed sources are keyed by who quotes them.
    assert facts["a2"].origin.key == "anon:sources close to macron@person:goncharenko:aleksei"
    assert facts["a2"].entities == ["country:FRA"]


def test_an_attitude_inside_a_claim_is_part_of_that_claim():
    claim = attribution(
        "a1",
        "that France wants to create a coalition of allies",
        100,
        source=source("Aleksey Goncharenko", "e1"),
        cue="claim",
    )
    wish = attribution(
        "a2",
        "to create a coalition of allies",
        119,
        source=source("France", "e2"),
        cue="want",
        nested="a1",
    )
    facts = {f.attribution_id: f for f in claim_facts(analysis([claim, wish], [MP, FRANCE]))}
    assert (facts["a2"].role, facts["a2"].telling_id) == ("attitude", "a1")
    assert facts["a1"].role == "telling"  # the wish does not make it a carrier


def test_a_speaker_quoting_themselves_is_one_voice():
    quote = attribution(
        "a1",
        "I can already say that everything is serious, the MP wrote",
        100,
        source=source("Aleksey Goncharenko", "e1"),
        cue="write",
    )
    again = attribution(
        "a2",
        "that everything is serious, the MP wrote",
        118,
        source=source("Aleksey Goncharenko", "e1"),
        nested="a1",
    )
    facts = {f.attribution_id: f for f in claim_facts(analysis([quote, again], [MP]))}
    assert facts["a1"].role == "carrier"
    assert [v.key for v in facts["a2"].chain] == ["person:goncharenko:aleksei"]


def test_polarity_from_the_cue_the_certainty_and_the_words():
    denied = attribution(
        "a1",
        "that Portugal was preparing to send aircraft",
        0,
        source=source("Rui Lopes"),
        cue="deny",
    )
    negated = attribution(
        "a2",
        "that they had no plans to send troops",
        60,
        source=source("NATO member states"),
        cue="claim",
        certainty={
            "value": "negated",
            "polarity": "negative",
            "expression": {"start": 80, "end": 88, "text": "no plans"},
        },
    )
    both = attribution(
        "a3",
        "that Lisbon had no plans to help",
        120,
        source=source("A"),
        cue="deny",
        certainty={"value": "negated", "polarity": "negative"},
    )
    false = attribution("a4", "the reports of a deployment were false", 200, source=source("B"))
    plain = attribution("a5", "Portugal is preparing to send aircraft", 260, source=source("C"))
    facts = claim_facts(analysis([denied, negated, both, false, plain]))
    assert [(f.polarity, f.denial) for f in facts] == [
        (-1, "deny"),
        (-1, "no plans"),
        (1, None),  # denying a negation asserts
        (-1, "false"),
        (1, None),
    ]


def test_unresolved_and_unnamed_speakers_are_kept_apart_by_outlet():
    he = attribution(
        "a1", "the bridge will close on Monday", 0, source=source("he", entity=False), cue="say"
    )
    nobody = attribution("a2", "the bridge will close on Tuesday", 50)
    short = attribution("a3", "help", 100, source=source("Italy"), cue="offer")
    facts = claim_facts(analysis([he, nobody, short], publisher="The Courier"))
    assert facts[0].origin.key == "mention:he@pub:courier"
    assert facts[1].origin.key == "unnamed@pub:courier"
    assert facts[2].role == "empty"


def test_event_signature_lists_participant_codes():
    def arg(code: str | None) -> EventArgument:
        return EventArgument(start=0, end=1, text="x", code=code)

    trigger = TextSpan(0, 4, "send")
    event = Event(
        "v1", "MOBILIZE", trigger, actors=[arg("FRA")], recipients=[arg("UKR"), arg(None)]
    )
    assert event_signature(event) == "MOBILIZE:FRA>UKR"


def test_a_speaker_the_resolver_is_unsure_of_counts_as_unknown():
    sure = source("Aleksey Goncharenko", "e1") | {"text": "he", "confidence": 0.92}
    unsure = source("Aleksey Goncharenko", "e1") | {"text": "he", "confidence": 0.41}
    claims = {}
    for name, src in (("sure", sure), ("unsure", unsure)):
        facts = claim_facts(
            analysis([attribution("a1", "France will send troops", 100, source=src)], [MP])
        )
        claims[name] = facts[0].chain[-1]
    assert claims["sure"].key == "person:goncharenko:aleksei" and not claims["sure"].uncertain
    assert claims["unsure"].uncertain
    assert claims["unsure"].key.startswith("mention:he@")
