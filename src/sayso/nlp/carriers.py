"""Claims carried by a document: "In an NBC News poll released Monday, 50 percent chose
Clinton", "Iran is ready to talk, in a statement from its foreign ministry".

The preposition "in" with a poll, report, statement, interview... is the cue, the document
is the source, and the main clause it modifies is the content. When the main verb is a cue
of its own ("In a statement, Trump said ..."), that verb's frame reports the claim instead.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from sayso.nlp.candidates import Candidate, CueCategory, cue_category
from sayso.nlp.content import content_end
from sayso.nlp.lexicon import CARRIER_NOUNS, PASSIVE_CUE_VERBS
from sayso.nlp.phrases import np_from_head, trim
from sayso.nlp.text import QuoteIndex, finish_content, view_of


def in_document_frame(doc: Doc, preposition: Token, quotes: QuoteIndex) -> Candidate | None:
    document = _document(preposition)
    clause = preposition.head
    if document is None or not _plain_main_clause(clause):
        return None
    sent = preposition.sent
    pp_start, pp_end = preposition.i, preposition.right_edge.i + 1
    if trim(doc, sent.start, pp_start)[1] <= sent.start:
        piece = _after(doc, pp_end, sent, quotes)
    elif trim(doc, pp_end, sent.end)[1] <= pp_end and doc[pp_start - 1].text == ",":
        piece = _before(doc, sent, pp_start)
    else:
        return None
    if piece is None:
        return None
    return Candidate(
        cue=(preposition.i, preposition.i + 1),
        lemma="in",
        category=CueCategory.ACCORDING_TO,
        source=np_from_head(document),
        content=[piece],
        rule="in-document",
    )


def _document(preposition: Token) -> Token | None:
    if preposition.lower_ != "in" or preposition.dep_ != "prep":
        return None
    pobj = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in CARRIER_NOUNS:
        return None
    return pobj


def _plain_main_clause(verb: Token) -> bool:
    """The sentence's main verb, and not a cue that reports the claim itself."""
    if verb.dep_ != "ROOT" or verb.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = verb.lemma_.lower()
    return cue_category(lemma) is None and lemma not in PASSIVE_CUE_VERBS


def _after(doc: Doc, pp_end: int, sent: Span, quotes: QuoteIndex) -> tuple[int, int] | None:
    start, end = trim(doc, pp_end, sent.end)
    if end <= start:
        return None
    return finish_content(view_of(doc), doc[start].idx, content_end(doc, start, sent, quotes))


def _before(doc: Doc, sent: Span, pp_start: int) -> tuple[int, int] | None:
    start, end = trim(doc, sent.start, pp_start)
    if end <= start:
        return None
    last = doc[end - 1]
    return finish_content(view_of(doc), doc[start].idx, last.idx + len(last.text))
