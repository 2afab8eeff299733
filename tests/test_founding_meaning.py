"""The founding example's meaning layer: entities, events, times, certainty and stance.

Run with the publication date 2024-03-21, as the hand annotation's
``times_if_published_2024-03-21`` assumes.
"""

from __future__ import annotations

import json
import re

import pytest

from sayso import analyze
from sayso.model import Analysis, Attribution, Commitment, Event

PUBLISHED = "2024-03-21"


@pytest.fixture(scope="module")
def expected(fixtures):
    return json.loads((fixtures / "rt-france-troops.expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def analysis(fixtures, nlp) -> Analysis:
    text = (fixtures / "rt-france-troops.txt").read_text(encoding="utf-8")
    return analyze(text, nlp=nlp, path="rt-france-troops.txt", published=PUBLISHED)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _find(analysis: Analysis, item: dict) -> Attribution:
    for attribution in analysis.attributions:
        cue = attribution.cue.text.lower() if attribution.cue else None
        content = _flat(" ".join(attribution.content.pieces(analysis.article.text)))
        if cue == item["cue"].lower() and _flat(item["content_has"]) in content:
            return attribution
    raise AssertionError(f"{item['id']} not found")


# -- entities ---------------------------------------------------------------------------


def test_entities_with_types_and_mentions(analysis, expected):
    text = analysis.article.text
    for item in expected["entities"]:
        entity = next((e for e in analysis.entities if e.name == item["name"]), None)
        assert entity is not None, item["name"]
        assert entity.type == item["type"], (item["name"], entity.type)
        mentions = {text[s:e].lower() for s, e in entity.mentions}
        for mention in item.get("mentions", []):
            assert mention.lower() in mentions, (item["name"], mention)


def test_capitals_for_governments_are_recorded_as_metonyms(analysis):
    text = analysis.article.text
    metonyms = {e.name: {text[s:t] for s, t in e.metonyms} for e in analysis.entities}
    assert metonyms["France"] == {"Paris"}
    assert metonyms["Germany"] == {"Berlin"}
    assert metonyms["Russia"] == {"Moscow"}
    assert "Kiev" in metonyms["Ukraine"]


def test_canonical_keys_and_affiliations(analysis):
    by_name = {e.name: e for e in analysis.entities}
    assert by_name["France"].canonical == "country:FRA"
    assert by_name["Aleksey Goncharenko"].canonical == "person:goncharenko:aleksei"
    assert by_name["Aleksey Goncharenko"].country == "UKR"
    assert by_name["Emmanuel Macron"].country == "FRA"
    assert by_name["Sergey Naryshkin"].country == "RUS"
    assert by_name["Vladimir Putin"].country == "RUS"
    assert by_name["NATO"].canonical == "org:NATO"
    assert by_name["Odesa"].country == "UKR"  # "the city of Odessa"
    assert by_name["Baltic states"].members == ["Estonia", "Latvia", "Lithuania"]
    assert by_name["NATO member states"].affiliations == ["NATO"]


# -- times ------------------------------------------------------------------------------


def test_times_if_published(analysis, expected):
    values = {t.text: t.value for t in analysis.times}
    for text, value in expected["times_if_published_2024-03-21"].items():
        assert values.get(text) == value, (text, values)


def test_statement_times(analysis, expected):
    for item in expected["attributions"]:
        if "when" in item and not item.get("optional"):
            found = _find(analysis, item)
            assert found.statement_time is not None, item["id"]
    a1 = _find(analysis, expected["attributions"][0])
    assert a1.statement_time.value == "2024-03-20"


# -- certainty and stance of the 14 attributions ------------------------------------------

# id: (stance, certainty, polarity, deciding expression or None)
READINGS = {
    "a1": ("neutral", "probable", "positive", "is preparing"),
    "a2": ("neutral", "possible", "positive", "is considering"),
    "a3": ("neutral", "certain", "positive", None),
    "a4": ("neutral", "certain", "positive", None),
    "a5": ("distancing", "probable", "positive", "determined"),
    "a6": ("distancing", "probable", "positive", "wants"),
    "a7": ("endorsing", "probable", "negative", "unlikely"),
    "a8": ("neutral", "probable", "positive", "wants"),
    "a9": ("neutral", "probable", "positive", "looks like"),
    "a10": ("neutral", "possible", "positive", "cannot exclude"),
    "a11": ("distancing", "negated", "negative", "no plans"),
    "a12": ("distancing", "certain", "positive", None),
    "a13": ("neutral", "certain", "positive", "already"),
    "a14": ("emphatic", "probable", "positive", "would consider"),
}
COMMITMENT = {
    "neutral": Commitment.UNCOMMITTED,
    "emphatic": Commitment.UNCOMMITTED,
    "distancing": Commitment.DISTANCED,
    "endorsing": Commitment.COMMITTED,
}


@pytest.mark.parametrize("item_id", list(READINGS))
def test_certainty_and_stance(analysis, expected, item_id):
    item = next(a for a in expected["attributions"] if a["id"] == item_id)
    found = _find(analysis, item)
    stance, value, polarity, expression = READINGS[item_id]
    assert str(found.stance.value) == stance
    assert str(found.certainty.value) == value
    assert found.certainty.polarity == polarity
    if expression is None:
        assert found.certainty.expression is None or value == "certain"
    else:
        assert found.certainty.expression is not None
        assert found.certainty.expression.text == expression
    assert found.certainty.reporter is COMMITMENT[stance]


# -- events -----------------------------------------------------------------------------

# The annotation names events in words; PLOVER names them by category. "claimed" and
# "asserted" describe the reporting, not the event: the event is actual on its speaker's
# word, and the asserting attribution's stance says distancing or neutral.
ACTIONS = {
    "deploy troops": "MOBILIZE",
    "form coalition": "COOPERATE",
    "join coalition": "COOPERATE",
    "build training base and ammunition production": "COOPERATE",
    "prepare force": "MOBILIZE",
    "take part in conflict": "ASSAULT",
    "threaten": "THREATEN",
    "send troops": "MOBILIZE",
}
REPORTED = {"claimed": "distancing", "asserted": "neutral"}
CODES = {"France": "FRA", "Ukraine": "UKR", "Germany": "DEU", "Russia": "RUS", "Poland": "POL"}


def _argument_matches(argument, name: str) -> bool:
    return (
        argument.entity == name
        or (name in CODES and argument.code == CODES[name])
        or _flat(name).lower() in _flat(argument.text).lower()
        or name.lower() in (argument.entity or "").lower()
    )


def _matches(event: Event, item: dict, analysis: Analysis) -> bool:
    if event.action != ACTIONS[item["type"]]:
        return False
    if not any(_argument_matches(a, item["actor"]) for a in event.actors):
        return False
    for key in ("target", "with"):
        wanted = item.get(key)
        for name in [wanted] if isinstance(wanted, str) else wanted or []:
            if not any(_argument_matches(r, name) for r in event.recipients):
                return False
    if "where" in item and not (
        event.location and item["where"].lower() in event.location.text.lower()
    ):
        return False
    if "quantity" in item and not (event.quantity and event.quantity.text == item["quantity"]):
        return False
    if "condition" in item and not (
        event.condition and item["condition"] in _flat(event.condition.text)
    ):
        return False
    if not set(item["according_to"]) <= set(event.according_to):
        return False
    modality = item["modality"]
    if modality in REPORTED:
        asserting = analysis.attribution(event.attribution)
        return (
            str(event.modality) == "actual" and str(asserting.stance.value) == (REPORTED[modality])
        )
    return str(event.modality) == modality


@pytest.mark.parametrize("index", range(8))
def test_expected_events(analysis, expected, index):
    item = expected["events"][index]
    assert any(_matches(e, item, analysis) for e in analysis.events), (
        item,
        [(e.action, [a.text for a in e.actors], e.modality) for e in analysis.events],
    )


def test_events_rest_on_their_attributions(analysis, expected):
    first = _find(analysis, expected["attributions"][0])
    deploy = next(e for e in analysis.events if first.id in {m.attribution for m in e.mentions})
    assert deploy.action == "MOBILIZE" and deploy.id in first.events
    # "France is preparing …" and "Paris is considering deploying …" tell one event.
    assert len({m.attribution for m in deploy.mentions}) >= 2


def test_no_event_rests_on_a_teaser(analysis):
    teaser = next(p for p in analysis.removed if p.kind == "related_teaser")
    for event in analysis.events:
        for mention in event.mentions:
            assert not teaser.start <= mention.start < teaser.end


def test_without_publication_date_times_stay_unresolved(fixtures, nlp):
    text = (fixtures / "rt-france-troops.txt").read_text(encoding="utf-8")
    unanchored = analyze(text, nlp=nlp)
    assert {t.text for t in unanchored.times} >= {"on Wednesday", "this week"}
    assert all(t.value is None for t in unanchored.times)
