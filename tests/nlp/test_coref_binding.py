"""Principle B in the resolver: a pronoun that is its verb's object is not its subject."""

from __future__ import annotations

from typing import Any

from sayso.nlp.coref.referring import Referring, grammatical_role
from sayso.nlp.coref.walk import _co_subject


def _her(doc: Any) -> Referring:
    token = next(t for t in doc if t.lower_ == "her")
    return Referring("he", token.i, token.i + 1, token.i, grammatical_role(token), "f")


def test_the_subject_of_the_verb_a_pronoun_is_the_object_of(nlp):
    doc = nlp("Martha informed her that the war was over.")
    martha: Any = object()
    her = _her(doc)
    assert _co_subject(doc[her.head], her, {0: martha}) is martha


def test_no_co_subject_for_a_possessive(nlp):
    doc = nlp("Martha said that her sister had left.")
    her = _her(doc)
    assert _co_subject(doc[her.head], her, {0: object()}) is None  # type: ignore[dict-item]
