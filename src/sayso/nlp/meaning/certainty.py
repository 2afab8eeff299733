"""Certainty of each attribution's content, and the reporter's stance and commitment.

The speaker's certainty is read from the content's main predicate down through the verbs
and adjectives it governs: "France is preparing to send troops" is probable ("is
preparing"), "Paris is considering deploying" possible, "Germany is unlikely to join"
probable-negative, "they had no plans to send" negated, "cannot exclude" possible, a plain
assertion certain. The reporter's commitment comes from the cue's stance: "claimed"
distances the reporter, "confirmed" commits them, "said" leaves them uncommitted.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from sayso.model import (
    Attribution,
    Certainty,
    CertaintyValue,
    Entity,
    ReporterStance,
    Stance,
    TextSpan,
)
from sayso.nlp.meaning.modality import (
    BOOSTERS,
    GOVERNING_ADJECTIVES,
    PERCEPTION_VERBS,
    UNCERTAIN_PREDICATES,
    Marker,
    certainty_of,
    factbank,
    governing_marker,
    local_marker,
)
from sayso.nlp.meaning.polarity import read_proposition
from sayso.nlp.meaning.stance import COMMITMENT, stance_of

_DESCEND = {"xcomp", "acomp", "oprd"}


def assign_certainty(
    doc: Doc, attributions: list[Attribution], entities: list[Entity] | None = None
) -> None:
    """Set ``stance``, ``certainty`` and ``proposition`` on every attribution, in place."""
    by_id = {a.id: a for a in attributions}
    keys = {e.id: e.canonical for e in entities or []}
    for attribution in attributions:
        stance = _stance(doc, attribution, by_id)
        attribution.stance = stance
        content = doc.char_span(*attribution.content.spans[0], alignment_mode="expand")
        value, polarity, words = content_certainty(doc, attribution.content.spans[0], content)
        attribution.certainty = Certainty(
            value=value,
            polarity=polarity,
            factbank=factbank(value, polarity),
            expression=_text_span(doc, words),
            reporter=COMMITMENT[stance.value],
        )
        if content is not None:
            source = attribution.source
            attribution.proposition = read_proposition(
                content,
                cue_lemma=attribution.cue.lemma if attribution.cue else None,
                cue=_cue_span(attribution),
                speaker_key=keys.get(source.entity_id or "") if source else None,
                entities=entities or [],
            )


def _cue_span(attribution: Attribution) -> TextSpan | None:
    cue = attribution.cue
    return TextSpan(start=cue.start, end=cue.end, text=cue.text) if cue else None


def _stance(doc: Doc, attribution: Attribution, by_id: dict[str, Attribution]) -> ReporterStance:
    cue = attribution.cue
    if cue is None:
        # An implicit continuation carries on the stance of the quotation before it.
        previous = [
            a for a in by_id.values() if a.cue and a.content.end <= attribution.content.start
        ]
        if previous and attribution.source is not None:
            same = [
                a for a in previous if a.source and a.source.entity == attribution.source.entity
            ]
            if same and same[-1].stance is not None:
                return same[-1].stance
        return ReporterStance(Stance.NEUTRAL, None)
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    adverbs = set()
    if span is not None:
        adverbs = {c.lower_ for t in span for c in t.children if c.dep_ == "advmod"}
    value, lexeme = stance_of(cue.text, cue.lemma, adverbs)
    return ReporterStance(value, lexeme)


def content_certainty(
    doc: Doc, span: tuple[int, int], content: Span | None = None
) -> tuple[CertaintyValue, str, list[Token]]:
    """(value, polarity, deciding words) for the content at character range ``span``
    (``content``: that range as a Span, when the caller has it already)."""
    if content is None:
        content = doc.char_span(span[0], span[1], alignment_mode="expand")
    main = main_predicate(content) if content is not None else None
    if main is None:
        return CertaintyValue.CERTAIN, "positive", []
    if any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in main.children):
        mark = next(c for c in main.children if c.dep_ == "mark")
        return CertaintyValue.UNCERTAIN, "positive", [mark]
    decided = _deciding_marker(main)
    if decided is not None:
        return decided
    boosters = [c for c in main.children if c.dep_ == "advmod" and c.lower_ in BOOSTERS]
    return CertaintyValue.CERTAIN, "positive", boosters[:1]


def main_predicate(span: Span) -> Token | None:
    """The first token of ``span`` whose head lies outside it (the content's root)."""
    for token in span:
        if token.is_punct or token.is_space:
            continue
        if token.head.i == token.i or not (span.start <= token.head.i < span.end):
            return token if token.dep_ != "punct" else None
    return None


def _deciding_marker(main: Token) -> tuple[CertaintyValue, str, list[Token]] | None:
    node = main
    for _ in range(6):
        lemma = node.lemma_.lower()
        if lemma in PERCEPTION_VERBS and node.pos_ in {"VERB", "AUX"}:
            words = [node, *[c for c in node.children if c.dep_ == "prep" and c.lower_ == "like"]]
            words += [c for c in node.subtree if c.dep_ == "mark" and c.lower_ == "like"][:1]
            return CertaintyValue.PROBABLE, "positive", sorted(set(words), key=lambda t: t.i)
        if lemma in UNCERTAIN_PREDICATES or node.lower_ in UNCERTAIN_PREDICATES:
            return CertaintyValue.UNCERTAIN, "positive", [node]
        governed = next((c for c in node.children if c.dep_ in _DESCEND), None)
        if governed is None:
            governed = next(
                (c for c in node.children if c.dep_ == "dobj" and _governs_event(c)), None
            )
        marker = _marker_for(node, governed)
        if marker is not None:
            value, polarity = certainty_of(marker)
            return value, polarity, marker.tokens
        if governed is None:
            return None
        node = governed
    return None


def _marker_for(node: Token, governed: Token | None) -> Marker | None:
    if governed is None:
        return local_marker(node)
    if node.lower_ in GOVERNING_ADJECTIVES and node.dep_ in {"acomp", "oprd"}:
        return Marker(GOVERNING_ADJECTIVES[node.lower_], [node])
    return governing_marker(node, governed)


def _governs_event(noun: Token) -> bool:
    """ "no plans to send", "the possibility of": a noun that takes an event."""
    return any(c.dep_ in {"acl", "prep", "det"} for c in noun.children)


def _text_span(doc: Doc, words: list[Token]) -> TextSpan | None:
    if not words:
        return None
    # doc.text joins every token on each call: slice a span of the tokens instead.
    span = doc[min(t.i for t in words) : max(t.i for t in words) + 1]
    return TextSpan(start=span.start_char, end=span.end_char, text=span.text)
