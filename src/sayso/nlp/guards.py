"""Words that look like cues and report nothing: idioms and discourse markers.

"That said, the plan works", "Rest assured, we will win", "needless to say", "so to speak":
the verb of saying is frozen into a phrase that comments on the writer's own text. The
phrases are listed in :data:`sayso.nlp.lexicon.CLAUSE_OPENING_IDIOMS` and
:data:`~sayso.nlp.lexicon.NOT_CUE_IDIOMS`; "say" between commas
("a fee of, say, ten pounds") means "for example".
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from sayso.nlp.lexicon import CLAUSE_OPENING_IDIOMS, NOT_CUE_IDIOMS


@lru_cache(maxsize=1)
def _by_word() -> dict[str, list[tuple[tuple[str, ...], int, bool]]]:
    """Each word of an idiom, with the idioms it stands in, where, and whether the idiom
    must open its clause."""
    index: dict[str, list[tuple[tuple[str, ...], int, bool]]] = {}
    for opening, phrases in ((True, CLAUSE_OPENING_IDIOMS), (False, NOT_CUE_IDIOMS)):
        for phrase in phrases:
            for k, word in enumerate(phrase):
                index.setdefault(word, []).append((phrase, k, opening))
    return index


def in_idiom(doc: Doc, i: int) -> bool:
    """Whether token ``i`` stands in an idiom that reports nothing."""
    token = doc[i]
    for phrase, k, opening in _by_word().get(token.lower_, ()):
        start = i - k
        if start < 0 or start + len(phrase) > len(doc):
            continue
        if opening and not _opens_clause(doc, start):
            continue
        if all(doc[start + n].lower_ == word for n, word in enumerate(phrase)):
            return True
    return _say_for_example(doc, i)


_CLAUSE_OPENERS = frozenset(", ; : — – ( but and yet still so or".split()) | {"“", '"', "‘"}


def _opens_clause(doc: Doc, start: int) -> bool:
    if start == 0 or doc[start].is_sent_start:
        return True
    before = doc[start - 1]
    return before.is_space or before.lower_ in _CLAUSE_OPENERS


def _say_for_example(doc: Doc, i: int) -> bool:
    """ "a fee of, say, ten pounds": "say" between commas, with no subject of its own."""
    if doc[i].lower_ != "say" or i == 0 or i + 1 >= len(doc):
        return False
    if doc[i - 1].text != "," or doc[i + 1].text != ",":
        return False
    return not any(c.dep_ in {"nsubj", "nsubjpass"} for c in doc[i].children)
