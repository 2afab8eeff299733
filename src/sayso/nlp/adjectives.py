"""Adjective cues: "Ryan is critical of the plan", "she was convinced that it would pass".

A predicative adjective reports a stance, a belief or an intention of the copula's subject;
its content is the adjective's complement: a preposition's object, a "that" clause or a
"to" infinitive. Only the complements :data:`ADJECTIVE_CUES` lists count.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sayso.nlp.candidates import Candidate, CueCategory
from sayso.nlp.lexicon import ADJECTIVE_CUES
from sayso.nlp.nouns import complement_piece
from sayso.nlp.phrases import NounPhrase, np_from_head

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_COMPLEMENT_DEPS = frozenset({"acomp", "oprd"})
_INTENTIONS = frozenset({"eager", "reluctant"})
_BELIEFS = frozenset({"convinced", "confident", "worried", "concerned", "adamant"})


def adjective_frame(doc: Doc, adjective: Token) -> Candidate | None:
    kinds = ADJECTIVE_CUES.get(adjective.lower_)
    if kinds is None or not _predicative(adjective):
        return None
    complement = _complement(adjective, kinds)
    piece = complement_piece(doc, complement) if complement is not None else None
    if piece is None:
        return None
    lemma = adjective.lower_
    return Candidate(
        cue=(adjective.i, adjective.i + 1),
        lemma=lemma,
        category=_category(lemma),
        source=_subject(adjective),
        content=[piece],
        rule="adjective",
    )


def _predicative(adjective: Token) -> bool:
    """ "is critical of", or a participle read as a passive: "was convinced that"."""
    if adjective.dep_ in _COMPLEMENT_DEPS:
        return True
    return adjective.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in adjective.children)


def _category(lemma: str) -> CueCategory:
    if lemma in _INTENTIONS:
        return CueCategory.INTENTION
    return CueCategory.BELIEF if lemma in _BELIEFS else CueCategory.ATTITUDE


def _complement(adjective: Token, kinds: frozenset[str]) -> Token | None:
    for child in adjective.children:
        infinitive = child.dep_ == "xcomp" and any(c.lower_ == "to" for c in child.children)
        if child.i > adjective.i and (
            (child.dep_ == "prep" and child.lower_ in kinds)
            or (child.dep_ == "ccomp" and "clause" in kinds)
            or (infinitive and "to" in kinds)
        ):
            return child
    return None


def _subject(adjective: Token) -> NounPhrase | None:
    """The subject of the copula ("Ryan is critical of"), or of the verb that makes the
    object so ("the vote made him eager to ...") is not a holder: only the copula's."""
    verb = adjective.head if adjective.dep_ in _COMPLEMENT_DEPS else adjective
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is None or subject.lower_ == "it":
        return None
    return np_from_head(subject, limit_end=verb.i if subject.i < verb.i else None)
