"""The compiled attribute ruler sets exactly what spaCy's ruler sets."""

from __future__ import annotations

from itertools import islice

import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

from sayso.data import sample_articles
from sayso.nlp.pipeline import DEFAULT_MODEL
from sayso.nlp.rules import CompiledRules, compile_attribute_ruler

ATTRS = [TAG, POS, MORPH, LEMMA, DEP]
TRICKY = (
    "Y'all ain't gon na believe it, but I told you: it's got ta be done. "
    "Let's go! There are two of them; c'm on, nothin' is lost.\n\n  It was he who did."
)


@pytest.fixture(scope="module")
def model():
    return spacy.load(DEFAULT_MODEL)


def _both(model, text: str):
    ruler = model.get_pipe("attribute_ruler")
    upstream = ["attribute_ruler", "lemmatizer", "ner"]
    doc = next(model.pipe([text], disable=upstream))
    theirs, ours = doc.copy(), doc.copy()
    ruler(theirs)
    CompiledRules(ruler)(ours)
    return theirs, ours


@pytest.mark.parametrize(
    "text", [TRICKY, *(a.text for a in islice(sample_articles(), 6))], ids=lambda t: t[:20]
)
def test_same_tags_morphology_lemmas_and_labels_as_spacy(model, text):
    theirs, ours = _both(model, text)
    assert (theirs.to_array(ATTRS) == ours.to_array(ATTRS)).all()
    assert [str(t.morph) for t in theirs] == [str(t.morph) for t in ours]


def test_the_two_word_rules_apply_where_spacy_applies_them(model):
    theirs, ours = _both(model, TRICKY)
    lemmas = {t.lower_: t.lemma_ for t in ours}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to"  # index 0 and index 1
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]


def test_the_pipeline_runs_the_compiled_rules_in_place_of_spacys():
    nlp = spacy.load(DEFAULT_MODEL)
    names = list(nlp.pipe_names)
    compile_attribute_ruler(nlp)
    assert nlp.pipe_names == [
        "sayso_attribute_rules" if n == "attribute_ruler" else n for n in names
    ]


def test_a_ruler_with_rules_it_cannot_compile_is_kept(model):
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "a"})
    compile_attribute_ruler(nlp)
    assert "attribute_ruler" in nlp.pipe_names
    assert "sayso_attribute_rules" not in nlp.pipe_names
