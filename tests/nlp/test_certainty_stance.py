"""Certainty of contents (FactBank-like) and the reporter's stance of cues."""

from __future__ import annotations

import pytest

from sayso import analyze
from sayso.model import Commitment, Stance
from sayso.nlp.meaning.stance import stance_of


def _only(nlp, text):
    analysis = analyze(text, nlp=nlp)
    assert len(analysis.attributions) == 1, [a.content.text for a in analysis.attributions]
    return analysis.attributions[0]


@pytest.mark.parametrize(
    ("text", "value", "polarity", "expression"),
    [
        ("France is preparing to send troops, the MP wrote.", "probable", "positive",
         "is preparing"),
        ("Paris is considering deploying a force, the MP wrote.", "possible", "positive",
         "is considering"),
        ("Germany is unlikely to join the effort, he notes.", "probable", "negative", "unlikely"),
        ("Macron said that he cannot exclude sending soldiers.", "possible", "positive",
         "cannot exclude"),
        ("The ministers claimed that they had no plans to send troops.", "negated", "negative",
         "no plans"),
        ("The coalition may include Poland, the official said.", "possible", "positive",
         "may include"),
        ("The spokesman said the army did not attack the village.", "negated", "negative",
         "did not attack"),
        ("The minister said the talks would probably resume.", "probable", "positive", None),
        ("The minister said the talks will resume on Monday.", "certain", "positive",
         "will resume"),
        ("Putin said mercenaries are already taking part in the conflict.", "certain",
         "positive", "already"),
        ("The minister said the plan was ready.", "certain", "positive", None),
        ("It is unclear whether troops will be sent, the diplomat said.", "uncertain",
         "positive", None),
    ],
)  # fmt: skip
def test_certainty_of_content(nlp, text, value, polarity, expression):
    attribution = _only(nlp, text)
    certainty = attribution.certainty
    assert (str(certainty.value), certainty.polarity) == (value, polarity)
    if expression is not None:
        assert certainty.expression is not None and certainty.expression.text == expression


def test_factbank_codes(nlp):
    assert _only(nlp, "He said troops may be sent.").certainty.factbank == "PS+"
    assert _only(nlp, "Germany is unlikely to join, he notes.").certainty.factbank == "PR-"
    assert _only(nlp, "They said they had no plans to attack.").certainty.factbank == "CT-"


@pytest.mark.parametrize(
    ("cue", "lemma", "stance"),
    [
        ("said", "say", Stance.NEUTRAL),
        ("wrote", "write", Stance.NEUTRAL),
        ("according to", "according to", Stance.NEUTRAL),
        ("claimed", "claim", Stance.DISTANCING),
        ("alleged", "allege", Stance.DISTANCING),
        ("insisted", "insist", Stance.DISTANCING),
        ("revealed", "reveal", Stance.ENDORSING),
        ("confirmed", "confirm", Stance.ENDORSING),
        ("admitted", "admit", Stance.ENDORSING),
        ("pointed out", "point", Stance.ENDORSING),
        ("warned", "warn", Stance.EMPHATIC),
        ("slammed", "slam", Stance.EMPHATIC),
        ("concluded", "conclude", Stance.NEUTRAL),
    ],
)
def test_stance_lexicon(cue, lemma, stance):
    assert stance_of(cue, lemma)[0] is stance


def test_adverb_overrides_stance():
    assert stance_of("said", "say", {"reportedly"})[0] is Stance.DISTANCING


def test_reporter_commitment_follows_the_cue(nlp):
    claimed = _only(nlp, "Naryshkin claimed that France was preparing a force.")
    assert claimed.stance.value is Stance.DISTANCING
    assert claimed.certainty.reporter is Commitment.DISTANCED
    confirmed = _only(nlp, "The ministry confirmed that the talks had ended.")
    assert confirmed.stance.value is Stance.ENDORSING
    assert confirmed.certainty.reporter is Commitment.COMMITTED
    said = _only(nlp, "Putin said that mercenaries were in the conflict.")
    assert said.certainty.reporter is Commitment.UNCOMMITTED


def test_said_nothing_is_no_claim(nlp):
    analysis = analyze("She said nothing about the talks.", nlp=nlp)
    assert analysis.attributions == []
    assert analysis.events == []


def test_implicit_continuation_keeps_its_speakers_stance(nlp):
    text = "“We are ready,” the minister claimed.\n\n“Nobody will stop us.”\n"
    analysis = analyze(text, nlp=nlp)
    implicit = [a for a in analysis.attributions if str(a.kind) == "implicit"]
    assert len(implicit) == 1
    assert implicit[0].stance.value is Stance.DISTANCING
    assert implicit[0].certainty.reporter is Commitment.DISTANCED
