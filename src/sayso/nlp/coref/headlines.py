"""Title-case headlines, and the descriptions that stand before a name."""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import IDX
from spacy.tokens import Doc

from sayso.nlp.coref.lexicon import PERSON_DESCRIPTION_NOUNS
from sayso.nlp.lexicon import TITLE_WORDS
from sayso.nlp.text import text_of

_WORD = re.compile(r"[^\W\d_][\w’'-]{3,}")


def headline_tokens(doc: Doc) -> set[int]:
    """Tokens of lines written in title case ("Obama Sees 'Personal Insult' if Blacks Don't
    Rally"): at least three words of four letters or more, four in five capitalised. The
    tagger reads such lines as one long name."""
    spans = []
    start = 0
    for line in text_of(doc).split("\n"):
        words = _WORD.findall(line)
        if 3 <= len(words) <= 25 and sum(w[0].isupper() for w in words) >= 0.8 * len(words):
            spans.append((start, start + len(line)))
        start += len(line) + 1
    if not spans:
        return set()
    idx = doc.to_array(IDX)
    found: set[int] = set()
    for line_start, line_end in spans:
        first, last = np.searchsorted(idx, [line_start, line_end])
        found.update(range(int(first), int(last)))
    return found


_MODIFIER_POS = frozenset({"ADJ", "PROPN", "NOUN"})


def premodifier_role(doc: Doc, start: int) -> str | None:
    """The description right before a name, within its noun phrase: "Republican
    presidential nominee| Donald Trump", "New York businessman| Donald Trump" — kept as a
    role so that "the nominee" and "the New York businessman" find the person later."""
    i = start
    found_noun = False
    while i - 1 >= 0:
        token = doc[i - 1]
        if token.pos_ not in _MODIFIER_POS or token.ent_type_ == "PERSON":
            break
        if token.is_punct and not token.text.endswith("."):
            break
        if token.lower_ in PERSON_DESCRIPTION_NOUNS or token.lower_ in TITLE_WORDS:
            found_noun = True
        i -= 1
        if start - i >= 6:
            break
    if not found_noun or i == start:
        return None
    return doc[i:start].text
