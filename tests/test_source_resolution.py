"""sayso/3: every source says how it was resolved and how sure, in the JSON, the reports
and the store's rows; a sayso/2 source still loads."""

from __future__ import annotations

import json

from rich.console import Console

from sayso import analyze
from sayso.export import render_table, to_json
from sayso.export.text import speaker_text
from sayso.model import (
    LOW_CONFIDENCE,
    Attribution,
    AttributionKind,
    Content,
    Resolution,
    Source,
)
from sayso.serial import load, load_analysis, record
from sayso.store.rows import attribution_rows


def _attribution(source: Source) -> Attribution:
    return Attribution("a1", AttributionKind.INDIRECT, source, None, Content(((0, 1),), "x"))


def test_resolution_and_confidence_survive_a_json_round_trip(fixtures, nlp):
    text = (fixtures / "rt-france-troops.txt").read_text(encoding="utf-8")
    analysis = analyze(text, nlp=nlp)
    data = json.loads(to_json(analysis))
    again = load_analysis(data)
    sources = [a.source for a in again.attributions if a.source]
    assert [record(s) for s in sources] == [
        record(a.source) for a in analysis.attributions if a.source
    ]
    by_text = {s.text: s for s in sources}
    assert by_text["Aleksey Goncharenko"].resolution == Resolution.NAMED
    assert by_text["the MP"].resolution == Resolution.RESOLVED
    assert (
        by_text["his sources close to President Emmanuel Macron"].resolution == Resolution.ANONYMOUS
    )
    assert all(0 < s.confidence <= 1 for s in sources if s.entity)


def test_a_sayso2_source_reads_its_resolution_off_its_flags():
    old = {"start": 0, "end": 2, "text": "he", "entity": "John Baker", "entity_id": "e1"}
    assert load(Source, old).resolution == Resolution.NAMED
    assert load(Source, {**old, "anonymous": True}).resolution == Resolution.ANONYMOUS
    assert load(Source, {**old, "entity": None}).resolution == Resolution.UNRESOLVED
    assert load(Source, old).confidence is None


def test_reports_mark_uncertain_and_unresolved_speakers():
    unsure = Source(0, 2, "he", "John Baker", "e1", resolution=Resolution.RESOLVED, confidence=0.55)
    sure = Source(0, 2, "he", "John Baker", "e1", resolution=Resolution.RESOLVED, confidence=0.95)
    nobody = Source(0, 2, "he")
    assert unsure.uncertain and not sure.uncertain and not nobody.uncertain
    assert unsure.confidence < LOW_CONFIDENCE
    assert "uncertain: 0.55" in speaker_text(_attribution(unsure))
    assert "uncertain" not in speaker_text(_attribution(sure))
    assert speaker_text(_attribution(nobody)).startswith("unresolved")


def test_the_terminal_report_shows_the_mark(nlp):
    analysis = analyze(
        "Peter Long and Mark Short met on Friday. She said nothing had been agreed.", nlp=nlp
    )
    console = Console(record=True, width=200)
    render_table(analysis, console)
    text = console.export_text()
    assert "unresolved" in text and "[She]" in text


def test_store_rows_carry_resolution_and_confidence(fixtures, nlp):
    text = (fixtures / "rt-france-troops.txt").read_text(encoding="utf-8")
    rows = attribution_rows(record(analyze(text, nlp=nlp)))
    assert {r["source_resolution"] for r in rows} >= {"named", "resolved", "anonymous", "group"}
    assert all(r["source_confidence"] is None or 0 < r["source_confidence"] <= 1 for r in rows)


def test_reports_say_whom_an_unnamed_source_is_tied_to(nlp):
    analysis = analyze("One GOP operative said the campaign was in trouble.", nlp=nlp)
    (attribution,) = analysis.attributions
    assert "(anonymous, affiliated with GOP)" in speaker_text(attribution, analysis)
    assert "affiliated" not in speaker_text(attribution)  # without the analysis: the flag only
    console = Console(record=True, width=200)
    render_table(analysis, console)
    assert "affiliated with GOP" in console.export_text()
