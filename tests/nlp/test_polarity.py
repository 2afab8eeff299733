"""Scope-aware polarity and denial frames (sayso.nlp.meaning.polarity), through the whole
pipeline: each case names a sentence, the words of the claim it is about, whether the
sentence asserts (+) or denies (-) that claim, and, where it matters, the denial frame and
the proposition read out of the frame.

The first cases are the ones issue 16 reported; the rest are our own, negatives included:
a "failed" that is no negation, a "never" inside a quoted title, a "No" inside a name,
negations in clauses that do not reach the main predicate.
"""

from __future__ import annotations

import pytest

from sayso.analyze import analyze
from sayso.model import Proposition


def read(nlp, text: str, words: str) -> Proposition:
    """The proposition of the attribution (or own-voice statement) about ``words``."""
    analysis = analyze(text, nlp=nlp)
    for attribution in analysis.attributions:
        p = attribution.proposition
        if p is not None and words in p.text.text and p.frame != "anonymity":
            return p
    for attribution in analysis.attributions:
        p = attribution.proposition
        if p is not None and words in attribution.content.text:
            return p
    for statement in analysis.statements:
        if words in statement.proposition.text.text:
            return statement.proposition
    raise AssertionError(f"no telling about {words!r} in {text!r}: {analysis.attributions}")


# (sentence, words of the claim, expected sign, expected frame or None for "any")
ISSUE_CASES = [
    ("Officials said Woods had failed a drug test.", "Woods had failed a drug test", 1, None),
    (
        "The PGA Tour denied a claim that Woods had failed a drug test.",
        "Woods had failed a drug test",
        -1,
        "deny",
    ),
    (
        "The International Cycling Union refuted media reports that Lenz had failed a test.",
        "Lenz had failed a test",
        -1,
        "refute",
    ),
    ("Police said no threats were made.", "no threats were made", -1, "negation"),
    (
        "Reports that Lenz had failed a test were premature, team director Luc Moreau said.",
        "Lenz had failed a test",
        -1,
        "premature",
    ),
    (
        "His lawyer, Anna Berg, said there was no evidence that Lenz had failed a test.",
        "Lenz had failed a test",
        -1,
        "no evidence that",
    ),
]

OWN_CASES = [
    # plain assertions and plain negations
    (
        "Defence Minister Ana Costa said Portugal would send aircraft.",
        "Portugal would send",
        1,
        None,
    ),
    ("Costa said Portugal would not send aircraft.", "Portugal would not send", -1, "negation"),
    ("Costa said Portugal won't send aircraft.", "Portugal wo", -1, "negation"),
    ("Costa said Portugal had never sent aircraft abroad.", "Portugal had never", -1, "negation"),
    ('"I am not resigning," Petra Hudak told reporters.', "I am not resigning", -1, "negation"),
    ('"I am resigning," Petra Hudak told reporters.', "I am resigning", 1, None),
    ("The spokesman said nobody had been arrested.", "nobody had been arrested", -1, "negation"),
    ("The mayor said nothing had been decided.", "nothing had been decided", -1, "negation"),
    ("Police said no one was hurt in the blast.", "no one was hurt", -1, "negation"),
    ("The ministry said no decision had been taken.", "no decision had been taken", -1, "negation"),
    # governing verbs: the negation of a control verb scopes over the lower predicate
    ("Sedlak said the government did not plan to raise taxes.", "raise taxes", -1, "negation"),
    ("Sedlak said the government is not about to raise taxes.", "raise taxes", -1, "negation"),
    ("Sedlak said the government was preparing to raise taxes.", "raise taxes", 1, None),
    ("Sedlak said the government had no plans to raise taxes.", "raise taxes", -1, "no plan to"),
    ("The union said Lenz failed to finish the stage.", "finish the stage", -1, "negation"),
    (
        "The club said the striker refused to sign the contract.",
        "sign the contract",
        -1,
        "negation",
    ),
    ("The club said the striker agreed to sign the contract.", "sign the contract", 1, None),
    # "failed" with an object is an assertion about a failure, not a negation
    ("Two officials said Lenz failed a doping test.", "Lenz failed a doping test", 1, None),
    ("The report said the bank failed an audit in May.", "the bank failed an audit", 1, None),
    ("Officials said the dam failed after heavy rain.", "the dam failed", 1, None),
    # denial cues: the complement is the denied claim
    ("Varga denied that Hudak was about to resign.", "Hudak was about to resign", -1, "deny"),
    ("Hudak denied reports that she was about to resign.", "she was about to resign", -1, "deny"),
    (
        "The ministry dismissed claims that the border would close.",
        "the border would close",
        -1,
        "dismiss",
    ),
    (
        "The minister rejected reports that she would step down.",
        "she would step down",
        -1,
        "reject",
    ),
    (
        "The agency debunked claims that the vaccine caused autism.",
        "the vaccine caused autism",
        -1,
        "debunk",
    ),
    (
        "The club disputed reports that the coach had been sacked.",
        "the coach had been sacked",
        -1,
        "dispute",
    ),
    # denials of negations assert
    (
        "The ministry denied that it had no plans to close the border.",
        "close the border",
        1,
        "deny+negation",
    ),
    (
        "The coach denied that he had never met the player.",
        "he had never met the player",
        1,
        "deny+negation",
    ),
    # untrue predicates
    ("The spokesman said the reports were false.", "the reports were false", -1, "false"),
    (
        '"These reports are fake news," the spokesman said.',
        "These reports are fake news",
        -1,
        "fake",
    ),
    (
        "The minister said it was not true that the army would be deployed.",
        "the army would be deployed",
        -1,
        "not true",
    ),
    ("The club said the rumours were untrue.", "the rumours were untrue", -1, "untrue"),
    (
        "The minister said reports of a deal were premature.",
        "reports of a deal were premature",
        -1,
        "premature",
    ),
    ("The spokesman said the reports were true.", "the reports were true", 1, None),
    # "no evidence that"
    (
        "Investigators said there was no evidence that the fire was set deliberately.",
        "the fire was set deliberately",
        -1,
        "no evidence that",
    ),
    (
        "Investigators said there was evidence that the fire was set deliberately.",
        "the fire was set deliberately",
        1,
        None,
    ),
    # negations that do not reach the main predicate
    (
        "Officials said the man, who did not give his name, had been detained.",
        "had been detained",
        1,
        None,
    ),
    (
        "The mayor said the bridge, which had not been inspected since 2010, would close.",
        "would close",
        1,
        None,
    ),
    (
        "Police said the suspect fled after officers who were not armed arrived.",
        "the suspect fled",
        1,
        None,
    ),
    (
        "The coach said the team would win because it had never lost at home.",
        "the team would win",
        1,
        None,
    ),
    # a "never" inside a quoted title, a "No" inside a name
    (
        'The studio said "Never Let Me Go" would be released in May.',
        "would be released in May",
        1,
        None,
    ),
    (
        'The critic said "Never Say Never" had sold a million copies.',
        "had sold a million copies",
        1,
        None,
    ),
    ("No Frills said its stores would stay open on Sunday.", "its stores would stay open", 1, None),
    ("The chain said No Frills would open ten new stores.", "would open ten new stores", 1, None),
    (
        "The publisher said Dr. No would be reprinted next year.",
        "would be reprinted next year",
        1,
        None,
    ),
    # hedges are not negations
    ("The minister said Portugal might send aircraft.", "Portugal might send aircraft", 1, None),
    ("The minister said Portugal was unlikely to send aircraft.", "send aircraft", 1, None),
]


@pytest.mark.parametrize(("text", "words", "sign", "frame"), ISSUE_CASES + OWN_CASES)
def test_polarity_scopes_over_the_main_predicate(nlp, text, words, sign, frame):
    proposition = read(nlp, text, words)
    expected = "negative" if sign < 0 else "positive"
    assert proposition.polarity == expected, (text, proposition)
    if frame is not None:
        assert proposition.frame == frame, (text, proposition)


def test_a_denial_is_the_denied_claim_attributed_to_the_denier(nlp):
    analysis = analyze("Hudak denied reports that she was about to resign.", nlp=nlp)
    (attribution,) = analysis.attributions
    assert attribution.source.text == "Hudak"
    proposition = attribution.proposition
    assert proposition.text.text == "she was about to resign"  # X, not "reports that X"
    assert (proposition.polarity, proposition.negated_by.text) == ("negative", "denied")
    assert (proposition.predicate, proposition.subject.text) == ("resign", "she")


def test_asking_not_to_be_named_is_no_claim(nlp):
    analysis = analyze(
        "The officials, who asked not to be named, said Hudak had lost the vote.", nlp=nlp
    )
    asked = [a for a in analysis.attributions if "named" in a.content.text]
    assert asked and all(a.proposition.frame == "anonymity" for a in asked)
    said = next(a for a in analysis.attributions if "lost the vote" in a.content.text)
    assert said.proposition.polarity == "positive"


def test_a_first_person_subject_is_keyed_as_the_speaker(nlp):
    analysis = analyze(
        '"I am not resigning," Finance Minister Petra Hudak told reporters in Bratislava.',
        nlp=nlp,
    )
    (attribution,) = analysis.attributions
    proposition = attribution.proposition
    assert proposition.subject_key == "person:hudak:petra"
    assert (proposition.predicate, proposition.polarity) == ("resign", "negative")


def test_the_object_of_a_passive_is_its_subject(nlp):
    analysis = analyze("Raik said the crossing would be closed to freight traffic.", nlp=nlp)
    proposition = analysis.attributions[0].proposition
    assert (proposition.predicate, proposition.object) == ("close", "crossing")
