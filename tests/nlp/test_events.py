"""PLOVER events coded from sentence structure, with modality and the asserting claim."""

from __future__ import annotations

import pytest

from sayso import analyze
from sayso.model import Modality


def _events(nlp, text, **metadata):
    analysis = analyze(text, nlp=nlp, **metadata)
    return analysis, analysis.events


def _one(events, action):
    found = [e for e in events if e.action == action]
    assert found, [(e.action, e.trigger.text) for e in events]
    return found[0]


@pytest.mark.parametrize(
    ("text", "category", "mode"),
    [
        ("Russia deployed troops to the border.", "MOBILIZE", "troops"),
        ("The United States sent humanitarian aid to Haiti.", "AID", None),
        ("Rebels attacked a convoy near the capital.", "ASSAULT", None),
        ("Police arrested dozens of protesters in Minsk.", "COERCE", "arrest"),
        ("Thousands of workers protested against the reform in Paris.", "PROTEST", "demo"),
        ("The European Union imposed sanctions on Iran.", "SANCTION", "discontinue"),
        ("Israel released 200 prisoners on Sunday.", "RETREAT", "release"),
        ("The president met his Chinese counterpart in Beijing.", "CONSULT", None),
        ("Germany condemned the attack on the embassy.", "ACCUSE", "disapprove"),
        ("Serbia rejected the Australian ultimatum.", "REJECT", None),
        ("Iran threatened to close the strait.", "THREATEN", None),
        ("The opposition demanded the release of political prisoners.", "REQUEST", None),
        ("Japan praised the agreement.", "SUPPORT", None),
        ("Jordan and Britain held joint military exercises.", "COOPERATE", None),
        ("Japan expelled two Russian diplomats.", "SANCTION", "expel"),
    ],
)
def test_event_category_from_the_predicate_and_its_theme(nlp, text, category, mode):
    _, events = _events(nlp, text)
    types = [e.type for e in events]
    assert category in types, [(e.type, e.trigger.text) for e in events]
    event = next(e for e in events if e.type == category)
    if mode is not None:
        assert event.mode == mode


def test_send_troops_versus_send_aid(nlp):
    _, troops = _events(nlp, "France sent troops to Mali.")
    _, aid = _events(nlp, "France sent food aid to Mali.")
    assert _one(troops, "MOBILIZE").recipients[0].code == "MLI"
    assert _one(aid, "AID").recipients[0].code == "MLI"


def test_withdraw_troops_versus_withdraw_ambassador(nlp):
    _, troops = _events(nlp, "Russia withdrew its troops from the region.")
    _, envoy = _events(nlp, "Russia withdrew its ambassador from Lithuania.")
    assert troops and troops[0].action == "RETREAT"
    assert envoy and envoy[0].action == "SANCTION"


def test_actor_recipient_and_quantity(nlp):
    _, events = _events(nlp, "A force of up to 2,000 troops was being prepared by France.")
    event = _one(events, "MOBILIZE")
    assert event.actors[0].code == "FRA"
    assert event.quantity is not None and event.quantity.text == "up to 2,000 troops"
    assert event.modality is Modality.ACTUAL


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("France sent troops to Ukraine, the MP wrote.", Modality.ACTUAL),
        ("France is preparing to send troops to Ukraine, the MP wrote.", Modality.PLANNED),
        ("France wants to send troops to Ukraine, the MP wrote.", Modality.INTENDED),
        ("France may send troops to Ukraine, the MP wrote.", Modality.POSSIBLE),
        ("Germany is unlikely to send troops to Ukraine, he notes.", Modality.UNLIKELY),
        ("They claimed they had no plans to send troops to Ukraine.", Modality.DENIED),
        ("France did not send troops to Ukraine, the ministry said.", Modality.DENIED),
    ],
)
def test_past_versus_planned_and_denied(nlp, text, modality):
    _, events = _events(nlp, text)
    assert _one(events, "MOBILIZE").modality is modality


def test_future_cooperation_is_agree(nlp):
    _, events = _events(nlp, "Japan will provide aid to Indonesia, the minister said.")
    event = _one(events, "AID")
    assert event.type == "AGREE" and event.modality is Modality.PLANNED


def test_event_rests_on_the_attribution_that_asserts_it(nlp):
    analysis, events = _events(
        nlp, "France is preparing to send troops to Ukraine, Aleksey Goncharenko wrote."
    )
    event = _one(events, "MOBILIZE")
    attribution = analysis.attributions[0]
    assert event.attribution == attribution.id
    assert event.according_to == ["Aleksey Goncharenko"]
    assert event.id in attribution.events


def test_reporter_voice_event_has_no_attribution(nlp):
    _, events = _events(nlp, "Rebels shelled the city of Juba on Sunday.")
    event = _one(events, "ASSAULT")
    assert event.attribution is None and event.according_to == []
    assert event.recipients and "Juba" in event.recipients[0].text


def test_warning_of_harm_is_a_threat_a_plain_warning_is_not(nlp):
    _, threat = _events(nlp, "Putin warned that Moscow would consider it the start of a war.")
    assert _one(threat, "THREATEN").modality is Modality.CONDITIONAL
    _, plain = _events(nlp, "Forecasters warned that the winter would be cold.")
    assert not [e for e in plain if e.type == "THREATEN"]


def test_event_time_from_its_clause(nlp):
    _, events = _events(nlp, "Rebels attacked the convoy on Tuesday.", published="2024-03-21")
    event = _one(events, "ASSAULT")
    assert event.time is not None and event.time.value == "2024-03-19"


def test_no_event_in_plain_statements(nlp):
    _, events = _events(nlp, "The weather was cold and the minister wrote a book.")
    assert events == []
