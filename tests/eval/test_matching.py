"""The matching rule of ``sayso eval speakers`` (docs/accuracy.md, "The matching rule"):
when a resolved entity's name is the annotated referent."""

from __future__ import annotations

import pytest

from sayso.eval.matching import Verdict, entity_matches, match_verdict

MUST_MATCH = [
    # people: the same person under the same key
    ("Donald J. Trump", "NAME", "Donald Trump"),  # middle initial ignored
    ("Donald Trump", "NAME", "Donald J. Trump"),
    ("Barack Obama", "NAME", "President Barack Obama"),  # title dropped
    ("Martin Luther King Jr.", "NAME", "Martin Luther King"),  # suffix dropped
    ("Hillary Clinton", "NAME", "Hillary Clinton’s"),  # possessive dropped
    ("Aleksey Goncharenko", "NAME", "Alexei Goncharenko"),  # one given-name class
    ("James O’Neill", "NAME", "James O'Neill"),  # apostrophes
    ("J. Smith", "NAME", "John Smith"),  # an initial agrees with its name
    ("@nycsouthpaw", "NAME", "@NYCsouthpaw"),  # handles are names
    # people: a bare surname nobody else in the article shares
    ("Barack Obama", "NAME", "Obama"),
    ("Barack Obama", "NAME", "Mr. Obama"),
    ("Chandler Van Voorhis", "NAME", "Van Voorhis"),  # a particle starts the surname
    ("Ildefonso Guajardo Villarreal", "NAME", "Guajardo Villarreal"),  # double surname
    # organisations
    ("The Washington Post", "ORG", "Washington Post"),  # determiner
    ("the F.B.I.", "ORG", "FBI"),  # full stops, case
    ("Securities and Exchange Commission", "ORG", "S.E.C."),  # acronym of content words
    ("United States", "ORG", "U.S."),
    ("Republican Party", "ORG", "GOP"),  # the one alias
    ("Wells Fargo", "ORG", "Wells Fargo & Co."),  # corporate suffix
    ("Clinton campaign", "ORG", "Hillary Clinton campaign"),  # a fuller name
    ("The New York Post", "ORG", "Post"),  # a short form, unambiguous
    ("Peabody Energy", "ORG", "Peabody"),  # a company by its first word
    ("Donald Trump’s campaign", "ORG", "Trump campaign"),
    # joins: every member and nothing else
    ("Barack Obama & Hillary Clinton", "NAME", "Obama and Clinton"),
    ("CNN & ORC", "ORG", "CNN & ORC"),
]

MUST_NOT_MATCH = [
    ("Bill Clinton", "NAME", "Hillary Clinton"),  # another given name
    ("Donald Trump", "NAME", "Trump campaign"),  # an organisation, not the person
    ("Donald Trump", "NAME", "he"),  # not a name
    ("Donald Trump", "NAME", "Donald"),  # a bare first name is not a surname
    ("Donald J. Trump", "NAME", "J. Trump"),  # the initial disagrees
    ("Jeh Johnson", "NAME", "Gary Johnson"),
    ("The New York Post", "ORG", "The New York Times"),
    ("Clinton campaign", "ORG", "Hillary Clinton"),  # the campaign is not the person
    ("Commission on Presidential Debates", "ORG", "Federal Election Commission"),
    ("MSNBC", "ORG", "MNSBC"),  # a typo is another name
    ("Barack Obama & Hillary Clinton", "NAME", "Barack Obama"),  # one member of a join
    ("Barack Obama & Hillary Clinton", "NAME", "Obama and Clinton and Biden"),  # one too many
    ("Donald Trump", "NAME", ""),
]


@pytest.mark.parametrize(("gold", "label", "predicted"), MUST_MATCH)
def test_must_match(gold, label, predicted):
    assert entity_matches(gold, label, predicted), match_verdict(gold, label, predicted)


@pytest.mark.parametrize(("gold", "label", "predicted"), MUST_NOT_MATCH)
def test_must_not_match(gold, label, predicted):
    assert not entity_matches(gold, label, predicted)


def test_a_bare_surname_another_person_shares_is_ambiguous():
    others = ["Barack Obama", "Michelle Obama"]
    verdict = match_verdict("Barack Obama", "NAME", "Obama", gold_names=others)
    assert verdict == Verdict.AMBIGUOUS
    # the same surname under the same person's name is no ambiguity
    assert match_verdict("Barack Obama", "NAME", "Obama", gold_names=["Barack Obama"]) == "short"
    # a junk entity whose surname is another word is none either ("Obama Says")
    assert match_verdict("Barack Obama", "NAME", "Obama", entities=["Obama Says"]) == "short"


def test_a_short_form_beside_the_full_entity_is_a_duplicate():
    """The analysis has "Ava DuVernay" and resolved the source to a separate "DuVernay":
    the resolved entity is not the annotated one."""
    verdict = match_verdict("Ava DuVernay", "NAME", "DuVernay", entities=["Ava DuVernay"])
    assert verdict == Verdict.DUPLICATE
    assert not entity_matches("Ava DuVernay", "NAME", "DuVernay", entities=["Ava DuVernay"])
    org = match_verdict("The New York Post", "ORG", "Post", entities=["New York Post", "Post"])
    assert org == Verdict.DUPLICATE


def test_an_organisation_short_form_two_organisations_share_is_ambiguous():
    names = ["The New York Post", "The Washington Post"]
    assert match_verdict("The New York Post", "ORG", "Post", gold_names=names) == "ambiguous"


def test_full_matches_ignore_the_article_context():
    crowded = ["Donald Trump", "Donald Trump Jr.", "Melania Trump"]
    assert match_verdict("Donald J. Trump", "NAME", "Donald Trump", entities=crowded) == "full"
