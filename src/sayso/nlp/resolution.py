"""Ask the speaker resolver what any span of an analysed article refers to.

``resolve_mentions(doc, spans)`` is the resolver's public question: for each character span
of a Doc that sayso's pipeline has processed, the article entity it denotes (one of
``to_analysis(doc).entities``), or that it is an anonymous source, a group, or
unresolved. The evaluations use it to probe the resolver on gold mentions whether or not an
attribution was found there (``sayso eval speakers --oracle``, ``sayso eval gap --oracle``);
they talk to the resolver only through this function and the analysis output, so the
resolver's internals may change behind it.

Today it runs :class:`sayso.nlp.speakers.SpeakerResolver` once more over the article, with
the article's own attribution candidates first (resolved exactly as in the analysis) and
then one synthetic candidate per span whose source is a noun phrase over the span: its head
is the token of the span whose syntactic head lies outside it, and a relative pronoun
("who", "which") stands for the noun phrase it attaches to, as the attribution extractor
reads it. A probe's content is empty, so that no other candidate ever reads it as the
quotation a first-person source ("I") speaks in.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from spacy.tokens import Doc

from sayso.model import Entity
from sayso.nlp.annotations import annotations as typed_annotations
from sayso.nlp.annotations import attribution_candidates
from sayso.nlp.candidates import Candidate, CueCategory
from sayso.nlp.drafts import EntityDraft, Resolution
from sayso.nlp.lexicon import RELATIVE_PRONOUNS
from sayso.nlp.phrases import NounPhrase, head_of, np_from_head, trim
from sayso.nlp.speakers import SpeakerResolver

ResolutionKind = Literal["named", "resolved", "anonymous", "group", "unresolved"]

PROBE_RULE = "resolution_probe"
# Ids of entities that only a probe introduced (a name the analysis never resolved as a
# source): they are not among the analysis' entities.
NEW_ENTITY_PREFIX = "new:"


@dataclass(frozen=True, slots=True)
class MentionResolution:
    """What one mention refers to.

    ``entity`` is the article entity (an object of the analysis' ``entities``; an entity
    only this mention introduces has an id starting with ``new:``); ``anonymous``/``group``
    the flags an attribution's source would carry;
    ``confidence`` the resolver's probability that the answer is right (``None`` when the
    resolver gives none); ``resolution`` says how it was reached: ``named`` (the mention
    names the entity), ``resolved`` (a pronoun, role noun or description linked to it),
    ``anonymous``, ``group`` or ``unresolved`` (no entity, no flag).
    """

    entity: Entity | None
    anonymous: bool = False
    group: bool = False
    confidence: float | None = None
    resolution: ResolutionKind = "unresolved"


def resolve_mentions(doc: Doc, spans: list[tuple[int, int]]) -> list[MentionResolution]:
    """Resolve each ``(start, end)`` character span of ``doc`` (processed by sayso's
    pipeline); one answer per span, in order. A span that covers no token is unresolved."""
    candidates = list(attribution_candidates(doc))
    probes = [_probe(doc, start, end) for start, end in spans]
    resolver = SpeakerResolver(doc, candidates + [p for p in probes if p is not None])
    resolutions = resolver.build()[len(candidates) :]
    entities = _EntityMap(doc)
    answers: list[MentionResolution] = []
    found = iter(resolutions)
    for probe in probes:
        if probe is None:
            answers.append(MentionResolution(entity=None))
            continue
        answers.append(_answer(doc, probe, next(found), entities))
    return answers


def _probe(doc: Doc, start: int, end: int) -> Candidate | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    first, last = trim(doc, span.start, span.end)
    if last <= first:
        first, last = span.start, span.end
    head = head_of(doc, first, last)
    if last - first == 1 and head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        source = np_from_head(head)
    else:
        source = NounPhrase(start=first, end=last, head=head.i)
    at = doc[source.start].idx
    return Candidate(
        cue=None,
        lemma="",
        category=CueCategory.NONE,
        source=source,
        content=[(at, at)],
        rule=PROBE_RULE,
        extra={"mention_head": head.i},
    )


def _answer(
    doc: Doc, probe: Candidate, resolution: Resolution | None, entities: _EntityMap
) -> MentionResolution:
    draft = resolution.entity if resolution else None
    entity = entities.find(draft) if draft is not None else None
    anonymous = bool(resolution and resolution.anonymous)
    group = bool(resolution and resolution.group)
    kind: ResolutionKind
    if anonymous:
        kind = "anonymous"
    elif group:
        kind = "group"
    elif entity is None:
        kind = "unresolved"
    else:
        # Of the mention itself: "who" stands for a name but does not name anyone.
        head = doc[int(probe.extra["mention_head"])]  # type: ignore[call-overload]
        kind = "named" if head.pos_ == "PROPN" or head.ent_type_ else "resolved"
    return MentionResolution(entity=entity, anonymous=anonymous, group=group, resolution=kind)


class _EntityMap:
    """The analysis entity a draft of the probing resolver stands for: the one sharing the
    most mentions with it (the probing resolver builds the same entities, plus the probes'
    mentions)."""

    def __init__(self, doc: Doc) -> None:
        self.entities: list[Entity] = list(typed_annotations(doc).entities)
        self.by_mention: dict[tuple[int, int], list[int]] = {}
        for index, entity in enumerate(self.entities):
            for mention in entity.mentions:
                self.by_mention.setdefault(tuple(mention), []).append(index)  # type: ignore[arg-type]
        self.new: dict[int, Entity] = {}

    def find(self, draft: EntityDraft) -> Entity:
        votes: dict[int, int] = {}
        for mention in draft.mentions:
            for index in self.by_mention.get(mention, ()):
                votes[index] = votes.get(index, 0) + 1
        if votes:
            best = max(votes, key=lambda index: (votes[index], -index))
            return self.entities[best]
        key = id(draft)
        if key not in self.new:
            number = len(self.new) + 1
            self.new[key] = replace(draft.freeze(), id=f"{NEW_ENTITY_PREFIX}e{number}")
        return self.new[key]
