"""The intermediate record the extractor builds before it becomes an :class:`Attribution`."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from spacy.tokens import Token

from sayso.nlp.lexicon import (
    BELIEF_VERBS,
    CLAUSE_CUE_VERBS,
    INTENTION_VERBS,
    OBJECT_CUE_VERBS,
    PARTICLE_SPEECH_VERBS,
    PREP_CUE_VERBS,
    RAISING_CUE_VERBS,
    SPEECH_VERBS,
    WANT_CUE_VERBS,
)
from sayso.nlp.phrases import NounPhrase


class CueCategory(StrEnum):
    SPEECH = "speech"
    BELIEF = "belief"
    INTENTION = "intention"
    ACCORDING_TO = "according_to"
    COLON = "colon"
    ATTITUDE = "attitude"  # stances and evaluations: "endorsed", "criticized ... for"
    NONE = "none"


@dataclass(slots=True)
class Candidate:
    """A cue with its source and content, in token and character offsets."""

    cue: tuple[int, int] | None  # token range of the cue words
    lemma: str
    category: CueCategory
    source: NounPhrase | None
    content: list[tuple[int, int]]  # character ranges, in order
    rule: str  # which frame produced it, for debugging and error analysis
    channel: tuple[int, int] | None = None  # token range
    when: tuple[int, int] | None = None  # token range
    implicit_from: int | None = None  # index of the candidate whose speaker it continues
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def content_start(self) -> int:
        return self.content[0][0]

    @property
    def content_end(self) -> int:
        return self.content[-1][1]

    def covers(self, char: int) -> bool:
        return any(start <= char < end for start, end in self.content)


def cue_category(lemma: str) -> CueCategory | None:
    if lemma in SPEECH_VERBS:
        return CueCategory.SPEECH
    if lemma in BELIEF_VERBS:
        return CueCategory.BELIEF
    if lemma in INTENTION_VERBS or lemma in WANT_CUE_VERBS:
        return CueCategory.INTENTION
    if lemma in CLAUSE_CUE_VERBS:
        return CueCategory.BELIEF
    if lemma in OBJECT_CUE_VERBS or lemma in PREP_CUE_VERBS or lemma in RAISING_CUE_VERBS:
        return CueCategory.ATTITUDE
    return None


def token_category(cue: Token) -> CueCategory | None:
    """:func:`cue_category` of a verb, reading a particle where the verb needs one to
    report speech ("hit back", "lashed out")."""
    lemma = cue.lemma_.lower()
    category = cue_category(lemma)
    if category is None and lemma in PARTICLE_HEADS and _particle(cue) is not None:
        return CueCategory.SPEECH
    return category


def _particle(cue: Token) -> Token | None:
    """The particle right after a verb that reports speech only with it ("hit back",
    which the parser may read as an adverb)."""
    lemma = cue.lemma_.lower()
    for child in cue.children:
        near = child.i == cue.i + 1 and child.dep_ in {"prt", "advmod"}
        if near and (lemma, child.lower_) in PARTICLE_SPEECH_VERBS:
            return child
    return None


PARTICLE_HEADS = frozenset(verb for verb, _ in PARTICLE_SPEECH_VERBS)


def cue_range(cue: Token) -> tuple[int, int]:
    """The cue's own words: the verb and an adjacent particle ("pointed out")."""
    end = cue.i + 1
    for child in cue.children:
        if child.dep_ == "prt" and child.i == end:
            end += 1
    if end == cue.i + 1 and cue.lemma_.lower() in PARTICLE_HEADS and _particle(cue) is not None:
        end += 1
    return cue.i, end


def cue_lemma(cue: Token) -> str:
    start, end = cue_range(cue)
    return " ".join(t.lemma_.lower() for t in cue.doc[start:end])
