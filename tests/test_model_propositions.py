"""Propositions and own-voice statements in the JSON output, read back unchanged."""

from __future__ import annotations

from sayso.analyze import analyze
from sayso.model import analysis_from_dict


def test_propositions_and_statements_round_trip(nlp):
    text = (
        "Portugal is preparing to send firefighting aircraft to Greece.\n\n"
        "A spokesman, Rui Lopes, denied that Portugal was preparing to send aircraft."
    )
    analysis = analyze(text, nlp=nlp, title="Portugal readies planes")
    data = analysis.to_dict()
    lead = data["statements"][0]
    assert (lead["id"], lead["kind"]) == ("lead", "lead")
    assert lead["proposition"]["polarity"] == "positive"
    denial = next(a for a in data["attributions"] if a["cue"]["lemma"] == "deny")
    assert denial["proposition"]["polarity"] == "negative"
    assert denial["proposition"]["text"]["text"] == "Portugal was preparing to send aircraft"
    start, end = denial["proposition"]["text"]["start"], denial["proposition"]["text"]["end"]
    assert text[start:end] == denial["proposition"]["text"]["text"]
    assert analysis_from_dict(data).to_dict() == data
