"""The publisher's own voice: what an article states without attributing it to anyone.

A headline that says "Hudak to resign", a lead that says "France is preparing to send
troops", a sentence that states an event: the publisher asserts these on its own say-so.
They become :class:`~sayso.model.Statement` records (``doc._.sayso_statements``), each with its
proposition and polarity (``sayso.nlp.meaning.polarity``), and the claim graph makes them
tellings whose source is the publisher (``kind: "own_voice"``).

Which sentences: the lead (the body's first sentence), and every sentence that holds an
event the event coder found with no attribution (the reporter's own voice), at most
``MAX_STATEMENTS`` an article. A sentence that holds a reporting cue, or that an
attribution's content mostly covers, is someone else's say-so and is left out. The headline
and standfirst are not part of the parsed body; :func:`title_statements` reads them with a
bare parse (the claim graph calls it when it links an article).

Cost: one pass over the sentences and a walk of a few parses, well under 1 % of the analysis.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sayso.model import Attribution, Entity, Event, Statement
from sayso.nlp.lexicon import SPEECH_VERBS
from sayso.nlp.meaning.polarity import DENIAL_VERBS, DENIAL_VERBS_OF_CLAIMS, read_proposition

MAX_STATEMENTS = 6
MIN_WORDS = 3
COVERED = 0.5  # share of a sentence an attribution's content may cover before it is theirs
# Headlines that report someone's words ("Hudak denies…", "…, say officials", "Hudak: I
# am staying") are that speaker's say-so: the body attributes them, the headline is skipped.
_REPORTING = SPEECH_VERBS | DENIAL_VERBS | DENIAL_VERBS_OF_CLAIMS | {"say", "tell"}


def own_voice(
    doc: Doc,
    attributions: Sequence[Attribution],
    events: Sequence[Event],
    entities: Sequence[Entity],
) -> list[Statement]:
    """The lead and the event sentences the article states in its own voice."""
    found: list[Statement] = []
    starts: list[int] = []
    lead = _first_sentence(doc)
    if lead is not None:
        starts.append(lead)
    for event in events:
        if event.attribution is None:
            for mention in event.mentions or []:
                token = _token_at(doc, mention.start)
                if token is not None:
                    starts.append(_sentence_start(doc, token))
    seen: set[int] = set()
    for start in starts:
        if start in seen or len(found) >= MAX_STATEMENTS:
            continue
        seen.add(start)
        sentence = doc[start : _sentence_end(doc, start)]
        if sum(t.is_alpha for t in sentence) < MIN_WORDS or _attributed(sentence, attributions):
            continue
        proposition = read_proposition(sentence, entities=entities)
        if proposition is None or proposition.frame == "anonymity":
            continue
        is_lead = start == lead
        kind = "lead" if is_lead else "event"
        ident = "lead" if is_lead else f"voice{len(found) + 1}"
        found.append(Statement(id=ident, kind=kind, proposition=proposition))
    return found


# Sentences are found from the tokens' sentence starts, not by iterating ``doc.sents``
# (which builds every sentence of the article: 1.4 % of the analysis on Wikinews).
def _first_sentence(doc: Doc) -> int | None:
    for token in doc:
        if not token.is_space:
            return _sentence_start(doc, token)
    return None


def _sentence_start(doc: Doc, token: Token) -> int:
    i = token.i
    while i > 0 and not doc[i].is_sent_start:
        i -= 1
    return i


def _sentence_end(doc: Doc, start: int) -> int:
    """The end of the sentence at ``start``, without the line breaks that close it (the
    statement's text is the sentence, not the paragraph break after it)."""
    i = start + 1
    while i < len(doc) and not doc[i].is_sent_start:
        i += 1
    while i > start + 1 and doc[i - 1].is_space:
        i -= 1
    return i


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _attributed(sentence: Span, attributions: Sequence[Attribution]) -> bool:
    start, end = sentence.start_char, sentence.end_char
    length = max(1, end - start)
    for a in attributions:
        if a.cue is not None and start <= a.cue.start < end:
            return True
        covered = sum(max(0, min(end, e) - max(start, s)) for s, e in a.content.spans)
        if covered / length >= COVERED:
            return True
    return False


def title_statements(
    nlp: Language, titles: Sequence[tuple[str, str]], entities: Sequence[Sequence[Entity]]
) -> list[Statement | None]:
    """The headline or standfirst statements of several articles, one parse each.

    ``titles`` are (kind, text) pairs, ``entities`` each article's entities (to key the
    subject). ``None`` where the title reports someone else's words or has no predicate.
    """
    from sayso.nlp.pipeline import MEANING_PIPES  # the parse, tags and lemmas are kept

    disabled = [name for name in nlp.pipe_names if name in MEANING_PIPES]
    results: list[Statement | None] = []
    texts = [text for _, text in titles]
    with nlp.select_pipes(disable=disabled):
        docs = list(nlp.pipe(texts))
    for (kind, _), doc, article_entities in zip(titles, docs, entities, strict=True):
        results.append(_title_statement(doc, kind, article_entities))
    return results


def _title_statement(doc: Doc, kind: str, entities: Sequence[Entity]) -> Statement | None:
    if len([t for t in doc if t.is_alpha]) < MIN_WORDS or _reports(doc):
        return None
    span = doc[:]
    proposition = read_proposition(span, entities=entities, by_name=True)
    if proposition is None or proposition.frame == "anonymity":
        return None
    return Statement(id=kind, kind=kind, proposition=proposition)


def _reports(doc: Doc) -> bool:
    """ "Hudak denies…", "…, say officials", "Hudak: I am staying", "Report: …"."""
    for token in doc:
        reporting = token.lemma_.lower() in _REPORTING and token.pos_ == "VERB"
        governs = token.dep_ == "ROOT" or any(c.dep_ in {"nsubj", "ccomp"} for c in token.children)
        if reporting and governs:
            return True
        if token.text == ":" and token.i <= 4:
            return True
    return False
