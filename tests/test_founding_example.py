"""The founding example, item by item against the analyst's hand annotation."""

from __future__ import annotations

import json
import re

import pytest

from sayso import analyze
from sayso.model import Analysis, Attribution


@pytest.fixture(scope="module")
def expected(fixtures):
    return json.loads((fixtures / "rt-france-troops.expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def analysis(fixtures, nlp) -> Analysis:
    text = (fixtures / "rt-france-troops.txt").read_text(encoding="utf-8")
    return analyze(text, nlp=nlp, path="rt-france-troops.txt")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _content(analysis: Analysis, attribution: Attribution) -> str:
    return _flat(" ".join(attribution.content.pieces(analysis.article.text)))


def find(analysis: Analysis, item: dict) -> Attribution | None:
    """The attribution whose content covers ``content_has`` with the expected cue."""
    for attribution in analysis.attributions:
        cue = attribution.cue.text.lower() if attribution.cue else None
        wanted_cue = item["cue"].lower() if item["cue"] else None
        if cue == wanted_cue and _flat(item["content_has"]) in _content(analysis, attribution):
            return attribution
    return None


REQUIRED = [f"a{i}" for i in range(1, 15)]


def _item(expected, item_id):
    return next(a for a in expected["attributions"] if a["id"] == item_id)


@pytest.mark.parametrize("item_id", REQUIRED)
def test_attribution_found_with_cue_and_content(analysis, expected, item_id):
    item = _item(expected, item_id)
    assert find(analysis, item) is not None, f"{item_id} not found: {item}"


@pytest.mark.parametrize("item_id", REQUIRED)
def test_attribution_source_entity(analysis, expected, item_id):
    item = _item(expected, item_id)
    found = find(analysis, item)
    assert found is not None and found.source is not None
    assert found.source.entity == item["source"]
    assert found.source.anonymous == item.get("anonymous", False)
    assert found.source.group == item.get("group", False)


@pytest.mark.parametrize("item_id", REQUIRED)
def test_attribution_kind(analysis, expected, item_id):
    item = _item(expected, item_id)
    found = find(analysis, item)
    assert found is not None
    assert str(found.kind) == item["kind"]


@pytest.mark.parametrize("item_id", REQUIRED)
def test_source_mention(analysis, expected, item_id):
    item = _item(expected, item_id)
    found = find(analysis, item)
    assert found is not None and found.source is not None
    assert found.source.text.lower() == item["source_mention"].lower()


def test_nesting(analysis, expected):
    outer = find(analysis, _item(expected, "a4"))
    inner = find(analysis, _item(expected, "a5"))
    assert outer is not None and inner is not None
    assert inner.nested_in == outer.id
    for item_id in REQUIRED:
        if item_id == "a5":
            continue
        found = find(analysis, _item(expected, item_id))
        assert found.nested_in is None, item_id


def test_no_attribution_without_cue_on_a_statement_of_fact(analysis, expected):
    for item in expected["not_attributions"]:
        for attribution in analysis.attributions:
            assert _flat(item["text_has"]) not in _content(analysis, attribution), item["why"]


def test_removed_pieces(analysis, expected):
    removed = [(piece.kind, piece.text) for piece in analysis.removed]
    assert removed == [(p["kind"], p["text"]) for p in expected["removed_from_body"]]
    text = analysis.article.text
    for piece in analysis.removed:
        assert text[piece.start : piece.end] == piece.text


def test_standfirst_and_publisher(analysis, expected):
    assert analysis.article.standfirst == expected["standfirst"]
    assert analysis.article.publisher == expected["publisher"]


def test_article_text_is_the_input(analysis, fixtures):
    assert analysis.article.text == (fixtures / "rt-france-troops.txt").read_text(encoding="utf-8")


def test_when_and_channel(analysis, expected):
    a1 = find(analysis, _item(expected, "a1"))
    assert a1.channel is not None and a1.channel.text == "Telegram"
    for item in expected["attributions"]:
        if "when" in item and not item.get("optional"):
            found = find(analysis, item)
            assert found.when is not None and found.when.text == item["when"], item["id"]


def _entity(analysis, name):
    return next((e for e in analysis.entities if e.name == name), None)


def test_people_with_roles_and_mentions(analysis, expected):
    text = analysis.article.text
    for item in expected["entities"]:
        if item["type"] != "PERSON":
            continue
        entity = _entity(analysis, item["name"])
        assert entity is not None, item["name"]
        assert entity.type == "PERSON"
        assert set(item["roles"]) <= set(entity.roles), (item["name"], entity.roles)
        mentions = {text[s:e].lower() for s, e in entity.mentions}
        for mention in item.get("mentions", []):
            assert mention.lower() in mentions, (item["name"], mention)


def test_organisations_and_places_are_entities(analysis, expected):
    text = analysis.article.text
    for item in expected["entities"]:
        if item["type"] == "PERSON":
            continue
        entity = _entity(analysis, item["name"])
        assert entity is not None, item["name"]
        if item["type"] == "ORG":
            mentions = {text[s:e] for s, e in entity.mentions}
            assert set(item.get("mentions", [])) <= mentions, item["name"]


def test_entity_ids_are_consistent(analysis):
    ids = {e.id for e in analysis.entities}
    for attribution in analysis.attributions:
        if attribution.source and attribution.source.entity_id:
            assert attribution.source.entity_id in ids
            entity = analysis.entity(attribution.source.entity_id)
            assert entity.name == attribution.source.entity


def test_offsets_slice_the_text(analysis):
    text = analysis.article.text
    for a in analysis.attributions:
        # content.text is exactly the pieces (issue 17), never what lies between them
        assert a.content.text == " … ".join(text[s:e] for s, e in a.content.spans)
        if a.source:
            assert text[a.source.start : a.source.end] == a.source.text
        if a.cue:
            assert text[a.cue.start : a.cue.end] == a.cue.text


def test_no_top_level_attribution_beyond_the_annotation(analysis, expected):
    """Every outermost attribution sayso reports is one the analyst annotated (required or
    optional): a wider cue lexicon must not add claims the article does not make."""
    annotated = [find(analysis, item) for item in expected["attributions"]]
    annotated_ids = {a.id for a in annotated if a is not None}
    extra = [
        (a.cue.text if a.cue else None, a.content.text[:60])
        for a in analysis.attributions
        if a.nested_in is None and a.id not in annotated_ids
    ]
    assert not extra
