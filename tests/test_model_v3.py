"""The sayso/3 schema: ``warnings`` survive a JSON round trip, a reader's byline and
warnings reach the analysis, and sayso/2 documents still load (no warnings)."""

from __future__ import annotations

import json

from sayso import SCHEMA, analyze
from sayso.analyze import ArticleInput, analyze_many
from sayso.export import to_json
from sayso.model import InputWarning, WarningKind
from sayso.serial import load_analysis, record

NOT_ARTICLE = InputWarning(kind=WarningKind.NOT_ARTICLE, message="not an article: a recipe")


def test_schema_is_sayso_3_with_warnings_first(nlp):
    data = json.loads(to_json(analyze("Putin said the talks would go on.", nlp=nlp)))
    assert SCHEMA == "sayso/3" and data["schema"] == "sayso/3"
    assert list(data)[:2] == ["schema", "warnings"]
    assert [w["kind"] for w in data["warnings"]] == ["short_body"]


def test_reader_byline_and_warnings_reach_the_analysis_and_round_trip(nlp):
    item = ArticleInput(
        text="Stew\n\nThe stew is on the table in under an hour, the cook said.",
        byline="Nadia Osei",
        warnings=[NOT_ARTICLE],
    )
    [analysis] = analyze_many([item], nlp=nlp)
    assert analysis.article.byline == "Nadia Osei"
    assert [w.kind for w in analysis.warnings] == ["not_article", "short_body"]
    again = load_analysis(json.loads(to_json(analysis)))
    assert again.warnings == analysis.warnings and record(again) == record(analysis)


def test_a_byline_line_in_the_text_is_used_when_the_input_has_none(nlp):
    analysis = analyze("Bridge to reopen\n\nBy Jane Smith\n\nThe bridge will reopen.", nlp=nlp)
    assert analysis.article.byline == "Jane Smith"


def test_sayso_2_documents_still_load_without_warnings():
    old = {"schema": "sayso/2", "article": {"id": "x", "text": "Putin said so."}}
    assert load_analysis(old).warnings == []
