"""The sayso/2 schema: every new field survives a JSON round trip; sayso/1 still reads."""

from __future__ import annotations

import json

from sayso import SCHEMA, analyze
from sayso.export import to_json, to_markdown
from sayso.serial import load_analysis, record


def test_round_trip_keeps_the_meaning_layer(fixtures, nlp):
    text = (fixtures / "rt-france-troops.txt").read_text(encoding="utf-8")
    analysis = analyze(text, nlp=nlp, published="2024-03-21")
    data = json.loads(to_json(analysis))
    assert data["schema"] == SCHEMA  # sayso/2 fields, in whatever version is current
    again = load_analysis(data)
    assert record(again) == record(analysis)
    assert again.events and again.times
    assert any(a.certainty and a.certainty.expression for a in again.attributions)


def test_offsets_of_new_spans_slice_the_text(fixtures, nlp):
    text = (fixtures / "rt-france-troops.txt").read_text(encoding="utf-8")
    analysis = analyze(text, nlp=nlp, published="2024-03-21")
    for time in analysis.times:
        assert text[time.start : time.end] == time.text
    for attribution in analysis.attributions:
        expression = attribution.certainty.expression
        if expression is not None:
            assert text[expression.start : expression.end] == expression.text
    for event in analysis.events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        for argument in [*event.actors, *event.recipients]:
            assert text[argument.start : argument.end] == argument.text
        for entity in analysis.entities:
            for start, end in entity.metonyms:
                assert (start, end) in entity.mentions


def test_sayso_1_documents_still_load():
    old = {
        "schema": "sayso/1",
        "article": {"id": "x", "text": "Putin said so."},
        "removed": [],
        "attributions": [
            {
                "id": "a1",
                "kind": "indirect",
                "source": None,
                "cue": {"start": 6, "end": 10, "text": "said", "lemma": "say"},
                "content": {"start": 11, "end": 13, "text": "so", "spans": [[11, 13]]},
                "nested_in": None,
                "channel": None,
                "when": None,
            }
        ],
        "entities": [{"id": "e1", "name": "Putin", "type": "PERSON", "mentions": [[0, 5]]}],
    }
    analysis = load_analysis(old)
    assert analysis.events == [] and analysis.attributions[0].certainty is None
    assert analysis.entities[0].canonical is None


def test_markdown_report_shows_events_and_certainty(fixtures, nlp):
    text = (fixtures / "rt-france-troops.txt").read_text(encoding="utf-8")
    report = to_markdown(analyze(text, nlp=nlp, published="2024-03-21"))
    assert "## Events (PLOVER)" in report
    assert "negated (no plans)" in report
    assert "on Wednesday = 2024-03-20" in report
    assert "country:FRA" in report
