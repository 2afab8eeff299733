"""Token columns read in one call, to find the few tokens a pass over the Doc is about.

A loop ``for token in doc`` makes a Token object per token and reads each attribute
through it: over news articles of hundreds of tokens, passes that want one token in ten
spent more time there than in their own tests. ``Doc.to_array`` reads a column at C speed;
the passes then make Token objects only for the positions that can matter, and test them
exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.attrs import LEMMA, LOWER, ORTH, POS, TAG
from spacy.strings import hash_string  # type: ignore[attr-defined]  # not in its stub
from spacy.tokens import Doc


def positions_with_pos(doc: Doc, pos_ids: Iterable[int]) -> list[int]:
    """Indices of the tokens whose coarse part of speech is one of ``pos_ids``
    (``spacy.symbols.VERB``...)."""
    wanted = set(pos_ids)
    return [i for i, pos in enumerate(doc.to_array(POS).tolist()) if pos in wanted]


def positions_with_lower(doc: Doc, words: Iterable[str]) -> list[int]:
    """Indices of the tokens whose lower-cased text is one of ``words``."""
    wanted = {hash_string(w) for w in words}
    return [i for i, lower in enumerate(doc.to_array(LOWER).tolist()) if lower in wanted]


def positions_with_text(doc: Doc, words: Iterable[str]) -> list[int]:
    """Indices of the tokens whose text is exactly one of ``words``."""
    wanted = {hash_string(w) for w in words}
    return [i for i, orth in enumerate(doc.to_array(ORTH).tolist()) if orth in wanted]


def positions_with_lemma(doc: Doc, accept: Callable[[str], bool]) -> list[int]:
    """Indices of the tokens whose lower-cased lemma ``accept`` takes; each distinct lemma
    is tested once per process, so ``accept`` must be a fixed test of the lemma alone (a
    lexicon's ``__contains__``), not a closure made per call."""
    column = doc.to_array(LEMMA).tolist()
    strings = doc.vocab.strings
    # A lemma's hash is the same in every Doc: each test's answers are kept by hash (a few
    # thousand lemmas per test), which halved this pass's cost over the sample articles.
    known = _accepted.setdefault(accept, {})
    wanted = set()
    for h in set(column):
        answer = known.get(h)
        if answer is None:
            answer = accept(strings[h].lower() if h else "")
            if len(known) < _ACCEPTED_CACHE:
                known[h] = answer
        if answer:
            wanted.add(h)
    return [i for i, lemma in enumerate(column) if lemma in wanted]


_ACCEPTED_CACHE = 200_000
_accepted: dict[Callable[[str], bool], dict[int, bool]] = {}


def positions_with_tag(doc: Doc, tags: Iterable[str] = (), prefix: str | None = None) -> list[int]:
    """Indices of the tokens whose fine-grained tag is one of ``tags`` or starts with
    ``prefix``."""
    column = doc.to_array(TAG).tolist()
    strings = doc.vocab.strings
    wanted = {hash_string(t) for t in tags}
    if prefix is not None:
        wanted |= {h for h in set(column) if h and strings[h].startswith(prefix)}
    return [i for i, tag in enumerate(column) if tag in wanted]
