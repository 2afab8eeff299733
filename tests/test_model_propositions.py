"""Propositions and own-voice statements in the JSON output, read back unchanged."""

from __future__ import annotations

from sayso.analyze import analyze
from sayso.serial import load_analysis, record


def test_propositions_and_statements_round_trip(nlp):
    text = (
        "Portugal is preparing to send firefighting aircraft to Greece.\n\n"
        "A spokesman, Rui Lopes, denied that Portugal was preparing to send aircraft."
    )
    analysis = analyze(text, nlp=nlp, title="Portugal readies planes")
    data = record(analysis)
    lead = data["statements"][0]
    assert (lead["id"], lead["kind"]) == ("lead", "lead")
    assert lead["proposition"]["polarity"] == "positive"
    denial = next(a for a in data["attributions"] if a["cue"]["lemma"] == "deny")
    assert denial["proposition"]["polarity"] == "negative"
    assert denial["proposition"]["text"]["text"] == "Portugal was preparing to send aircraft"
    start, end = denial["proposition"]["text"]["start"], denial["proposition"]["text"]["end"]
    assert text[start:end] == denial["proposition"]["text"]["text"]
    assert record(load_analysis(data)) == data


def test_own_voice_is_the_lead_and_unattributed_event_sentences_only(nlp):
    text = (
        "Heavy rain fell on Monday.\n\n"
        "The mayor, Rui Lopes, said the road would stay closed.\n\n"
        "Portugal sent troops to Greece on Tuesday.\n\n"
        "Officials said the army would send more troops."
    )
    data = record(analyze(text, nlp=nlp))
    kinds = [(s["kind"], s["proposition"]["text"]["text"]) for s in data["statements"]]
    assert kinds == [
        ("lead", "Heavy rain fell on Monday"),
        # an event no one is said to assert: told in the publisher's own voice
        ("event", "Portugal sent troops to Greece on Tuesday"),
    ]  # the mayor's and the officials' sentences are their say-so, not the publisher's
    sent = next(e for e in data["events"] if e["attribution"] is None)
    assert sent["type"] == "MOBILIZE"
