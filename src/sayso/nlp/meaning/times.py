"""Time expressions of a document, normalised against its publication date.

Candidates are the entity recognizer's DATE and TIME spans, widened to take in the
preposition that governs them ("on Wednesday", "in late February"). Each is normalised by
:mod:`sayso.nlp.meaning.timex` with the tense of the clause it modifies, so "on
Wednesday" in "wrote on Wednesday" is the Wednesday before publication.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from sayso.model import Attribution, TimeExpression
from sayso.nlp.meaning.timex import normalise_time, parse_anchor

_TIME_PREPOSITIONS = frozenset(
    "on in at during since until till by before after over throughout from within".split()
)
_FUTURE_WORDS = frozenset({"next", "coming", "tomorrow", "upcoming", "later"})
_PAST_WORDS = frozenset({"last", "yesterday", "ago", "earlier", "past", "previous"})


def find_times(doc: Doc, published: str | None) -> list[TimeExpression]:
    """Every normalisable time expression of ``doc``, in text order."""
    anchor = parse_anchor(published)
    found: list[TimeExpression] = []
    for ent in doc.ents:
        if ent.label_ not in {"DATE", "TIME"}:
            continue
        span = _with_preposition(ent)
        expression = normalise_span(span, anchor, published)
        if expression is not None:
            found.append(expression)
    return found


def normalise_span(span: Span, anchor: date | None, published: str | None) -> TimeExpression | None:
    """Normalise one span of ``span.doc``; None when it is no time expression sayso reads."""
    tense = tense_of(span)
    value = normalise_time(span.text, anchor, tense)
    if value is None:
        return None
    return TimeExpression(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        value=value.value,
        type=value.type,
        mod=value.mod,
        range=value.range,
        anchor=published if anchor is not None else None,
    )


def statement_times(doc: Doc, attributions: list[Attribution], published: str | None) -> None:
    """Normalise each attribution's ``when`` into ``statement_time``, in place."""
    anchor = parse_anchor(published)
    for attribution in attributions:
        if attribution.when is None:
            continue
        span = doc.char_span(attribution.when.start, attribution.when.end, alignment_mode="expand")
        if span is not None:
            attribution.statement_time = normalise_span(span, anchor, published)


def tense_of(span: Span) -> str:
    """past, present or future, from the verb the expression modifies (news defaults to
    the past: most dated statements report what happened)."""
    words = {t.lower_ for t in span}
    if words & _FUTURE_WORDS:
        return "future"
    if words & _PAST_WORDS:
        return "past"
    verb = governing_verb(span.root)
    if verb is None:
        return "past"
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if auxes & {"will", "shall", "'ll", "’ll"} or _going_to(verb):
        return "future"
    if verb.tag_ in {"VBD", "VBN"} or auxes & {"was", "were", "had", "did", "has", "have"}:
        return "past"
    if verb.tag_ == "VBG" and auxes & {"is", "are", "am", "'s", "’s", "'re", "’re"}:
        return "future"
    return "present" if verb.tag_ in {"VBZ", "VBP"} else "past"


def governing_verb(token: Token) -> Token | None:
    for _ in range(6):
        if token.pos_ in {"VERB", "AUX"}:
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _going_to(verb: Token) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and head.lower_ == "going" and head.head.i != head.i


def _with_preposition(ent: Span) -> Span:
    root = ent.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in _TIME_PREPOSITIONS and head.i == ent.start - 1:
        return ent.doc[head.i : ent.end]
    return ent
