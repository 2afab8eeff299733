"""Noun cues: "Clinton's criticism of the plan", "his claim that the vote was rigged".

The content is the noun's complement; the source is its possessor ("Clinton's"), the
subject of a light verb ("Trump expressed concern that ..."), or a "from"/"by" phrase.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sayso.nlp.candidates import Candidate, CueCategory
from sayso.nlp.lexicon import LIGHT_VERBS, NOUN_CUES, SPEECH_NOUNS
from sayso.nlp.phrases import NounPhrase, np_from_head
from sayso.nlp.text import finish_content, view_of

_SOURCE_PREPS = frozenset({"from", "by"})


def noun_frame(doc: Doc, noun: Token) -> Candidate | None:
    kinds = NOUN_CUES.get(noun.lemma_.lower())
    if kinds is None:
        return None
    complement = _complement(noun, kinds)
    piece = complement_piece(doc, complement) if complement is not None else None
    if piece is None:
        return None
    lemma = noun.lemma_.lower()
    return Candidate(
        cue=(noun.i, noun.i + 1),
        lemma=lemma,
        category=CueCategory.SPEECH if lemma in SPEECH_NOUNS else CueCategory.BELIEF,
        source=_noun_source(noun),
        content=[piece],
        rule="noun",
    )


def complement_piece(doc: Doc, complement: Token) -> tuple[int, int] | None:
    """The content a cue's complement gives: a clause whole, a preposition's object."""
    start = complement.left_edge
    if complement.dep_ == "prep":
        objects = [c for c in complement.children if c.dep_ in {"pobj", "pcomp"}]
        if not objects:
            return None
        start = objects[0].left_edge
    last = complement.right_edge
    return finish_content(view_of(doc), start.idx, last.idx + len(last.text))


def _complement(noun: Token, kinds: frozenset[str]) -> Token | None:
    for child in noun.children:
        if child.i < noun.i:
            continue
        if child.dep_ == "prep" and child.lower_ in kinds:
            return child
        is_clause = child.dep_ in {"acl", "ccomp"} and any(
            c.lower_ in {"that", "to"} for c in child.children
        )
        if is_clause and "clause" in kinds:
            return child
    return None


def _noun_source(noun: Token) -> NounPhrase | None:
    possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
    if possessor is not None:
        return _without_case(noun.doc, np_from_head(possessor))
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in _SOURCE_PREPS:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return np_from_head(pobj)
    verb = noun.head
    if noun.dep_ in {"dobj", "attr"} and verb.lemma_.lower() in LIGHT_VERBS:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ != "it":
            return np_from_head(subject, limit_end=verb.i)
    return None


def _without_case(doc: Doc, phrase: NounPhrase) -> NounPhrase:
    """ "Clinton's" -> "Clinton"."""
    end = phrase.end
    while end - 1 > phrase.start and doc[end - 1].dep_ == "case":
        end -= 1
    if end == phrase.end:
        return phrase
    return NounPhrase(start=phrase.start, end=end, head=phrase.head, role=phrase.role)
