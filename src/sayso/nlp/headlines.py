"""Headline grammar: "Jeb Bush Super PAC Chief Praises Marco Rubio Donor's Campaign".

Headlines drop articles and auxiliaries, put past events in the present tense and, in US
style, capitalise every word — which the tagger reads as a run of proper nouns, leaving no
verb for the frames to start from. On a headline line (title case, or the article's first
line), a word that is the present or past form of a cue verb ("Says", "Praises",
"Slammed") is read as the cue; the words before it are the source and the rest of the line
the content. Other headline grammar is read by the frames themselves: a passive without
its auxiliary ("Meadows accused of ...", :func:`sayso.nlp.frames.headline_passive_frame`)
and a label before a colon that is a topic, not a speaker
(:func:`sayso.nlp.frames.colon_frame`).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from spacy.attrs import IS_TITLE, LOWER
from spacy.strings import hash_string  # type: ignore[attr-defined]  # not in its stub
from spacy.tokens import Doc, Token

from sayso.nlp.candidates import Candidate, cue_category
from sayso.nlp.lexicon import BELIEF_VERBS, NEEDS_THAT_CLAUSE, SPEECH_VERBS
from sayso.nlp.phrases import NounPhrase, head_of, np_run_before
from sayso.nlp.text import finish_content, text_of, view_of

_IRREGULAR = {
    "say": ("says", "said"),
    "tell": ("tells", "told"),
    "think": ("thinks", "thought"),
    "write": ("writes", "wrote"),
    "speak": ("speaks", "spoke"),
    "hit": ("hits", "hit"),
    "swear": ("swears", "swore"),
    "feel": ("feels", "felt"),
}
# Clause-taking belief verbs read as cues in a headline only with their clause; the
# others ("Praises", "Slams") take the rest of the line as what they say or judge.
_NOT_ALONE = NEEDS_THAT_CLAUSE | {"know", "understand"}


@lru_cache(maxsize=1)
def headline_forms() -> dict[str, str]:
    """Third-person and past forms of the cue verbs, lower-cased, with their lemma."""
    from sayso.nlp.lexicon import INTENTION_VERBS, OBJECT_CUE_VERBS, WANT_CUE_VERBS

    lemmas = SPEECH_VERBS | BELIEF_VERBS | OBJECT_CUE_VERBS | INTENTION_VERBS | WANT_CUE_VERBS
    forms: dict[str, str] = {}
    for lemma in sorted(lemmas - _NOT_ALONE):
        for form in _IRREGULAR.get(lemma, _regular(lemma)):
            forms.setdefault(form, lemma)
    return forms


@lru_cache(maxsize=1)
def _form_hashes() -> frozenset[int]:
    return frozenset(hash_string(form) for form in headline_forms())


def headline_positions(doc: Doc) -> list[int]:
    """Tokens in title case that are a cue verb's headline form ("Says", "Praises")."""
    lower, title = doc.to_array([LOWER, IS_TITLE]).T
    titled = np.flatnonzero(title == 1)  # few tokens: test only these against the forms
    forms = _form_hashes()
    return [int(i) for i, h in zip(titled, lower[titled].tolist(), strict=True) if h in forms]


def _regular(verb: str) -> tuple[str, str]:
    if verb.endswith("y") and verb[-2:-1] not in tuple("aeiou"):
        return verb[:-1] + "ies", verb[:-1] + "ied"
    third = verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z")) else "s")
    past = verb + ("d" if verb.endswith("e") else "ed")
    return third, past


def is_headline_line(doc: Doc, token: Token) -> bool:
    """Whether ``token`` stands in a title-case line of at least three words."""
    text = text_of(doc)
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    line = text[start : end if end >= 0 else len(text)]
    words = [w for w in line.split() if w[:1].isalpha() and len(w) > 3]
    if len(words) < 3:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.75 * len(words)


def headline_verb_frame(doc: Doc, token: Token) -> Candidate | None:
    """ "Conservative Icon Morton Blackwell Endorses Ted Cruz": source, cue, content."""
    lemma = headline_forms().get(token.lower_)
    if lemma is None or token.i == 0 or not token.text[:1].isupper():
        return None
    if token.dep_ in {"nsubj", "nsubjpass"} and token.head.i > token.i:
        return None  # "Obama Power Plant Rules Face Key Test": a noun, the verb comes later
    text = text_of(doc)
    line_start = text.rfind("\n", 0, token.idx) + 1
    line_end = text.find("\n", token.idx)
    line_end = len(text) if line_end < 0 else line_end
    floor = doc.char_span(line_start, token.idx, alignment_mode="expand")
    if floor is None or not len(floor):
        return None
    run = np_run_before(doc, token.i, floor.start)
    if run is None or run[1] != token.i:
        return None
    if doc[run[0]].text[:1].islower():
        return None
    content = finish_content(view_of(doc), token.idx + len(token.text), line_end)
    if content is None or len(text[content[0] : content[1]].split()) < 2:
        return None
    category = cue_category(lemma)
    if category is None:
        return None
    return Candidate(
        cue=(token.i, token.i + 1),
        lemma=lemma,
        category=category,
        source=NounPhrase(start=run[0], end=run[1], head=head_of(doc, *run).i),
        content=[content],
        rule="headline",
    )
