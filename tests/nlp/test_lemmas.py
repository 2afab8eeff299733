"""The column lemmatizer gives exactly spaCy's lemmas."""

from __future__ import annotations

from itertools import islice

import pytest
import spacy

from sayso.data import sample_articles
from sayso.nlp.lemmas import ColumnLemmatizer, columnise_lemmatizer
from sayso.nlp.pipeline import DEFAULT_MODEL

TRICKY = "He hoped the hoping would've stopped; the mice ran, the geese were better-looking."


def column_lemmatizer() -> ColumnLemmatizer:
    """The component, with the model's tables, as sayso's pipeline has it."""
    nlp = spacy.load(DEFAULT_MODEL)
    columnise_lemmatizer(nlp)
    return nlp.get_pipe("sayso_lemmatizer")


@pytest.fixture(scope="module")
def upstream():
    nlp = spacy.load(DEFAULT_MODEL)
    texts = [TRICKY, *(a.text for a in islice(sample_articles(), 6))]
    return nlp, list(nlp.pipe(texts, disable=["lemmatizer", "ner"]))


def test_same_lemmas_as_spacy_twice_over(upstream):
    nlp, docs = upstream
    theirs, ours = nlp.get_pipe("lemmatizer"), column_lemmatizer()
    for _ in range(2):  # the second time from what the first one learned
        for doc in docs:
            a, b = theirs(doc.copy()), ours(doc.copy())
            assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    assert ours.known


def test_lemmas_set_by_the_attribute_rules_are_kept(upstream):
    nlp, docs = upstream
    doc = docs[0].copy()
    doc[0].lemma_ = "HE"
    lemmatizer = column_lemmatizer()
    assert lemmatizer(doc)[0].lemma_ == "HE"
    assert doc[1].lemma_ == nlp.get_pipe("lemmatizer")(docs[0].copy())[1].lemma_ != ""


def test_only_the_english_rule_lemmatizer_is_replaced():
    nlp = spacy.load(DEFAULT_MODEL)
    columnise_lemmatizer(nlp)
    assert "sayso_lemmatizer" in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    lookup = spacy.blank("en")
    lookup.add_pipe("lemmatizer", config={"mode": "lookup"})
    columnise_lemmatizer(lookup)
    assert lookup.pipe_names == ["lemmatizer"]
