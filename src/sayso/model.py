"""The sayso data model: every statement sayso makes about an article, in one place.

Every record carries character offsets into ``Article.text`` (the exact input), so each
statement can be traced back to the words it was read from. Exporters, the store and the
web app all read these classes; nothing else defines what an attribution is.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

SCHEMA = "sayso/3"
# Below this confidence a resolved speaker is shown as uncertain and the claim graph counts
# it as unknown (see docs/accuracy.md, "Confidence").
LOW_CONFIDENCE = 0.7


class AttributionKind(StrEnum):
    """How the content is rendered on the page."""

    DIRECT = "direct"  # the content is entirely a quotation
    INDIRECT = "indirect"  # reported speech, no quotation marks of its own
    MIXED = "mixed"  # reported speech carrying quoted fragments
    ACCORDING_TO = "according_to"  # "according to X" attached to a non-clausal content
    IMPLICIT = "implicit"  # continues a previous speaker's statement without a cue


class Stance(StrEnum):
    """How the reporter's cue frames the claim (see ``sayso.nlp.meaning.stance``)."""

    NEUTRAL = "neutral"  # "said", "wrote", "according to"
    DISTANCING = "distancing"  # "claimed", "alleged", "insisted"
    ENDORSING = "endorsing"  # "revealed", "confirmed", "pointed out"
    EMPHATIC = "emphatic"  # "warned", "slammed"


class CertaintyValue(StrEnum):
    """A FactBank-like scale of how sure the speaker presents the content to be."""

    CERTAIN = "certain"
    PROBABLE = "probable"
    POSSIBLE = "possible"
    UNCERTAIN = "uncertain"
    NEGATED = "negated"


class Commitment(StrEnum):
    """The reporter's own commitment to the content, as the cue shows it."""

    COMMITTED = "committed"  # factive and endorsing cues: "confirmed", "revealed"
    UNCOMMITTED = "uncommitted"  # neutral reporting: "said"
    DISTANCED = "distanced"  # "claimed", "alleged": the reporter keeps away from it


class Modality(StrEnum):
    """Whether an event happened, is planned, wanted, possible, denied..."""

    ACTUAL = "actual"
    PLANNED = "planned"
    INTENDED = "intended"
    PROBABLE = "probable"
    POSSIBLE = "possible"
    UNLIKELY = "unlikely"
    DENIED = "denied"
    HYPOTHETICAL = "hypothetical"
    CONDITIONAL = "conditional"


class RemovedKind(StrEnum):
    """Scraping noise separated from the body."""

    HEADLINE = "headline"
    STANDFIRST = "standfirst"
    PHOTO_CAPTION = "photo_caption"
    PHOTO_CREDIT = "photo_credit"
    RELATED_TEASER = "related_teaser"
    SOURCE_TAG = "source_tag"
    DATELINE = "dateline"
    BYLINE = "byline"
    BOILERPLATE = "boilerplate"  # page furniture: "Advertisement", sign-ups, share bars


class WarningKind(StrEnum):
    """Why an analysis may not be what it seems (see docs/schema.md)."""

    SHORT_BODY = "short_body"  # too few words of body: the article may not have been found
    MOSTLY_CAPTION = "mostly_caption"  # photo captions and credits outweigh the body
    NOT_ARTICLE = "not_article"  # a recipe, product page, listing…


@dataclass(frozen=True, slots=True)
class InputWarning:
    """Something about the input that makes its analysis doubtful."""

    kind: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "message": self.message}


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A contiguous piece of ``Article.text``: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class RemovedPiece:
    """Text that is not part of the article body (caption, teaser, source tag...)."""

    kind: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text}


class Resolution(StrEnum):
    """How a source mention was resolved."""

    NAMED = "named"  # the mention names the entity ("Aleksey Goncharenko", "Goncharenko")
    RESOLVED = "resolved"  # a pronoun or description linked to an entity ("he", "the MP")
    ANONYMOUS = "anonymous"  # an unnamed individual ("a source", "officials")
    GROUP = "group"  # a collective ("Republicans", "63 percent of voters")
    UNRESOLVED = "unresolved"  # no entity: sayso says so rather than guess


@dataclass(slots=True)
class Source:
    """Who makes a claim: the mention on the page and the entity it resolves to.

    ``confidence`` is the resolver's probability that ``entity`` is right (calibrated on
    PolNeAR-speakers dev: of resolutions at 0.9, about 90% are right); ``None`` when the
    source is unresolved.
    """

    start: int
    end: int
    text: str
    entity: str | None = None  # canonical name of the resolved entity
    entity_id: str | None = None
    anonymous: bool = False
    group: bool = False
    resolution: Resolution = Resolution.UNRESOLVED
    confidence: float | None = None

    def __post_init__(self) -> None:
        # A source built with an entity but no resolution says what its flags imply.
        if self.entity is not None and self.resolution == Resolution.UNRESOLVED:
            if self.anonymous:
                self.resolution = Resolution.ANONYMOUS
            elif self.group:
                self.resolution = Resolution.GROUP
            else:
                self.resolution = Resolution.NAMED

    @property
    def uncertain(self) -> bool:
        """Resolved, but below :data:`LOW_CONFIDENCE`."""
        return self.confidence is not None and self.confidence < LOW_CONFIDENCE

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "anonymous": self.anonymous,
            "group": self.group,
            "resolution": str(self.resolution),
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        """Also reads ``sayso/1`` and ``sayso/2`` sources, which have no resolution."""
        fields = {k: data[k] for k in ("start", "end", "text") if k in data}
        source = cls(
            **fields,
            entity=data.get("entity"),
            entity_id=data.get("entity_id"),
            anonymous=bool(data.get("anonymous")),
            group=bool(data.get("group")),
            confidence=data.get("confidence"),
        )
        if "resolution" in data:
            source.resolution = Resolution(data["resolution"])
        return source


@dataclass(frozen=True, slots=True)
class Cue:
    """The words that signal the attribution ("wrote", "according to", ":")."""

    start: int
    end: int
    text: str
    lemma: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "lemma": self.lemma}


# Between the pieces of a content in its ``text``: "A," he said, "B." reads "A … B".
PIECE_JOINER = " … "


@dataclass(frozen=True, slots=True)
class Content:
    """What is claimed. A split quote has several pieces; ``text`` is exactly the pieces,
    joined by :data:`PIECE_JOINER` (never the reporting clause between them)."""

    spans: tuple[tuple[int, int], ...]
    text: str

    @staticmethod
    def joined(article_text: str, spans: tuple[tuple[int, int], ...]) -> str:
        """The text of ``spans``: each piece as the article has it, joined."""
        return PIECE_JOINER.join(article_text[s:e] for s, e in spans)

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    def pieces(self, article_text: str) -> list[str]:
        return [article_text[s:e] for s, e in self.spans]

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "spans": [list(span) for span in self.spans],
        }


@dataclass(slots=True)
class TimeExpression:
    """A time expression, normalised against the publication date when there is one.

    ``value`` is ISO 8601 ("2024-03-20", "2024-W12", "2024-02", "2024", "199" for a
    decade) or a TIMEX3 reference ("PAST_REF", "PRESENT_REF", "FUTURE_REF"); ``None``
    when it cannot be resolved (a relative expression without a publication date).
    ``mod`` qualifies it ("START", "MID", "END", "BEFORE", "APPROX"), and ``range`` gives
    the first and last day it covers.
    """

    start: int
    end: int
    text: str
    value: str | None = None
    type: str = "date"  # date|week|weekend|month|year|decade|quarter|ref|duration
    mod: str | None = None
    range: tuple[str, str] | None = None
    anchor: str | None = None  # the publication date it was resolved against

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "type": self.type,
            "mod": self.mod,
            "range": list(self.range) if self.range is not None else None,
            "anchor": self.anchor,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimeExpression:
        span = data.get("range")
        return cls(
            start=int(data["start"]),
            end=int(data["end"]),
            text=data["text"],
            value=data.get("value"),
            type=data.get("type", "date"),
            mod=data.get("mod"),
            range=(span[0], span[1]) if span else None,
            anchor=data.get("anchor"),
        )


@dataclass(slots=True)
class ReporterStance:
    """The reporter's stance as shown by the cue, and the lexicon entry that decided it."""

    value: Stance
    lexeme: str | None = None  # the cue lemma or phrase found in the stance lexicon

    def to_dict(self) -> dict[str, Any]:
        return {"value": str(self.value), "lexeme": self.lexeme}


@dataclass(slots=True)
class Certainty:
    """How certain the content is presented: by its speaker, and by the reporter.

    ``value``/``polarity`` are the speaker's commitment (FactBank: ``factbank`` is one of
    CT+, CT-, PR+, PR-, PS+, PS-, Uu); ``expression`` is the words that decided it ("is
    considering", "cannot exclude", "no plans"), ``None`` for a plain assertion.
    ``reporter`` is the reporter's own commitment to the content.
    """

    value: CertaintyValue
    polarity: str = "positive"  # positive|negative
    factbank: str = "CT+"
    expression: TextSpan | None = None
    reporter: Commitment = Commitment.UNCOMMITTED

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": str(self.value),
            "polarity": self.polarity,
            "factbank": self.factbank,
            "expression": self.expression.to_dict() if self.expression else None,
            "reporter": str(self.reporter),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Certainty:
        expression = data.get("expression")
        return cls(
            value=CertaintyValue(data["value"]),
            polarity=data.get("polarity", "positive"),
            factbank=data.get("factbank", "CT+"),
            expression=TextSpan(**expression) if expression else None,
            reporter=Commitment(data.get("reporter", "uncommitted")),
        )


@dataclass(slots=True)
class Proposition:
    """What a content (or a statement in the publisher's own voice) asserts or denies, read
    from the dependency parse (``sayso.nlp.meaning.polarity``).

    ``text`` is the proposition itself: the whole content, or the claim a frame carries
    ("denied reports that she was about to resign": "she was about to resign").
    ``polarity`` is negative when a negation or a denial scopes over its main predicate;
    ``negated_by`` holds the words that decided it and ``frame`` the lexicon entry
    ("deny", "not true", "premature", "no evidence that", "negation"). ``predicate`` is the
    lemma of the main predicate below any control verb ("is about to resign": "resign"),
    ``subject`` its subject and ``subject_key`` the cross-article key of the entity the
    subject denotes (a first-person subject denotes the speaker), ``object`` the lemma of
    its direct object: the keys claims are joined by.
    """

    text: TextSpan
    polarity: str = "positive"  # positive|negative
    negated_by: TextSpan | None = None
    frame: str | None = None
    predicate: str | None = None
    subject: TextSpan | None = None
    subject_key: str | None = None
    object: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text.to_dict(),
            "polarity": self.polarity,
            "negated_by": self.negated_by.to_dict() if self.negated_by else None,
            "frame": self.frame,
            "predicate": self.predicate,
            "subject": self.subject.to_dict() if self.subject else None,
            "subject_key": self.subject_key,
            "object": self.object,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Proposition:
        def span(key: str) -> TextSpan | None:
            value = data.get(key)
            return TextSpan(**value) if value else None

        return cls(
            text=TextSpan(**data["text"]),
            polarity=data.get("polarity", "positive"),
            negated_by=span("negated_by"),
            frame=data.get("frame"),
            predicate=data.get("predicate"),
            subject=span("subject"),
            subject_key=data.get("subject_key"),
            object=data.get("object"),
        )


@dataclass(slots=True)
class Statement:
    """Something the article says in its own voice, unattributed: the headline, the
    standfirst, the lead, or a sentence stating an event (``kind``)."""

    id: str  # "headline", "standfirst", "lead", "voice2"…
    kind: str  # headline|standfirst|lead|event
    proposition: Proposition

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "proposition": self.proposition.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Statement:
        return cls(
            id=data["id"], kind=data["kind"], proposition=Proposition.from_dict(data["proposition"])
        )


@dataclass(slots=True)
class Attribution:
    """One claim and the say-so it rests on."""

    id: str
    kind: AttributionKind
    source: Source | None
    cue: Cue | None
    content: Content
    nested_in: str | None = None
    channel: TextSpan | None = None  # medium named with the cue: "on his Telegram channel"
    when: TextSpan | None = None  # time expression attached to the cue: "on Wednesday"
    stance: ReporterStance | None = None
    certainty: Certainty | None = None
    statement_time: TimeExpression | None = None  # ``when``, normalised
    events: list[str] = field(default_factory=list)  # ids of the events its content asserts
    proposition: Proposition | None = None  # what the content asserts or denies

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": str(self.kind),
            "source": self.source.to_dict() if self.source else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict(),
            "nested_in": self.nested_in,
            "channel": self.channel.to_dict() if self.channel else None,
            "when": self.when.to_dict() if self.when else None,
            "stance": self.stance.to_dict() if self.stance else None,
            "certainty": self.certainty.to_dict() if self.certainty else None,
            "statement_time": self.statement_time.to_dict() if self.statement_time else None,
            "events": list(self.events),
            "proposition": self.proposition.to_dict() if self.proposition else None,
        }


@dataclass(slots=True)
class Entity:
    """A referent within one article, with every mention of it.

    ``canonical`` is a key shared across articles ("country:FRA", "person:goncharenko:
    aleksei", "org:NATO"); ``country`` the ISO 3166 alpha-3 code of the country it is, lies
    in, or serves; ``metonyms`` the mentions where a capital stands for its government
    ("Paris is considering" is France).
    """

    id: str
    name: str
    type: str
    roles: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    canonical: str | None = None
    country: str | None = None
    affiliations: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    metonyms: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "roles": list(self.roles),
            "mentions": [list(span) for span in self.mentions],
            "canonical": self.canonical,
            "country": self.country,
            "affiliations": list(self.affiliations),
            "members": list(self.members),
            "metonyms": [list(span) for span in self.metonyms],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            id=data["id"],
            name=data["name"],
            type=data["type"],
            roles=list(data.get("roles", [])),
            mentions=[(int(s), int(t)) for s, t in data.get("mentions", [])],
            canonical=data.get("canonical"),
            country=data.get("country"),
            affiliations=list(data.get("affiliations", [])),
            members=list(data.get("members", [])),
            metonyms=[(int(s), int(t)) for s, t in data.get("metonyms", [])],
        )


@dataclass(slots=True)
class EventArgument:
    """A participant or place of an event: the words, and the entity they resolve to.

    ``code`` is the PLOVER/CAMEO actor code: a country's ISO alpha-3 code, or "IGO" for an
    intergovernmental organisation; ``sector`` is "GOV", "MIL", "REB", "CVL"... when known.
    """

    start: int
    end: int
    text: str
    entity: str | None = None
    entity_id: str | None = None
    code: str | None = None
    sector: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "code": self.code,
            "sector": self.sector,
        }


@dataclass(slots=True)
class EventMention:
    """One clause that describes an event, and the attribution that asserts it."""

    start: int
    end: int
    text: str  # the trigger words ("send troops", "is unlikely to join")
    attribution: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "attribution": self.attribution,
        }


@dataclass(slots=True)
class Event:
    """An event in the PLOVER ontology, as the article tells it.

    ``type`` follows PLOVER's coding conventions (a planned cooperative act is AGREE);
    ``action`` is the category of the act itself before them (COOPERATE). ``attribution``
    is the innermost attribution whose content asserts it (``None``: the reporter's own
    voice) and ``according_to`` the chain of speakers, innermost first.
    """

    id: str
    type: str
    trigger: TextSpan
    predicate: str  # lemma of the predicate with its theme: "send troops"
    action: str | None = None
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    actors: list[EventArgument] = field(default_factory=list)
    recipients: list[EventArgument] = field(default_factory=list)
    location: EventArgument | None = None
    quantity: TextSpan | None = None
    time: TimeExpression | None = None
    modality: Modality = Modality.ACTUAL
    modality_cue: TextSpan | None = None
    condition: TextSpan | None = None
    attribution: str | None = None
    according_to: list[str] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "trigger": self.trigger.to_dict(),
            "predicate": self.predicate,
            "action": self.action,
            "mode": self.mode,
            "context": list(self.context),
            "actors": [actor.to_dict() for actor in self.actors],
            "recipients": [recipient.to_dict() for recipient in self.recipients],
            "location": self.location.to_dict() if self.location else None,
            "quantity": self.quantity.to_dict() if self.quantity else None,
            "time": self.time.to_dict() if self.time else None,
            "modality": str(self.modality),
            "modality_cue": self.modality_cue.to_dict() if self.modality_cue else None,
            "condition": self.condition.to_dict() if self.condition else None,
            "attribution": self.attribution,
            "according_to": list(self.according_to),
            "mentions": [mention.to_dict() for mention in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        def span(key: str) -> TextSpan | None:
            value = data.get(key)
            return TextSpan(**value) if value else None

        location = data.get("location")
        time = data.get("time")
        return cls(
            id=data["id"],
            type=data["type"],
            action=data.get("action"),
            mode=data.get("mode"),
            context=list(data.get("context", [])),
            trigger=TextSpan(**data["trigger"]),
            predicate=data.get("predicate", ""),
            actors=[EventArgument(**a) for a in data.get("actors", [])],
            recipients=[EventArgument(**r) for r in data.get("recipients", [])],
            location=EventArgument(**location) if location else None,
            quantity=span("quantity"),
            time=TimeExpression.from_dict(time) if time else None,
            modality=Modality(data.get("modality", "actual")),
            modality_cue=span("modality_cue"),
            condition=span("condition"),
            attribution=data.get("attribution"),
            according_to=list(data.get("according_to", [])),
            mentions=[EventMention(**m) for m in data.get("mentions", [])],
        )


def article_id(text: str) -> str:
    """An article's stable id: the first 16 hex digits of the SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(slots=True)
class Article:
    """The input, exactly as read, with what the cleaner learned about it."""

    id: str
    text: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    standfirst: str | None = None
    publisher: str | None = None
    byline: str | None = None
    published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "url": self.url,
            "title": self.title,
            "standfirst": self.standfirst,
            "publisher": self.publisher,
            "byline": self.byline,
            "published": self.published,
            "text": self.text,
        }


@dataclass(slots=True)
class Analysis:
    """Everything sayso reads out of one article."""

    article: Article
    removed: list[RemovedPiece] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    warnings: list[InputWarning] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)  # the publisher's own voice

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "warnings": [warning.to_dict() for warning in self.warnings],
            "article": self.article.to_dict(),
            "removed": [piece.to_dict() for piece in self.removed],
            "attributions": [a.to_dict() for a in self.attributions],
            "entities": [e.to_dict() for e in self.entities],
            "events": [e.to_dict() for e in self.events],
            "times": [t.to_dict() for t in self.times],
            "statements": [s.to_dict() for s in self.statements],
        }

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def attribution(self, attribution_id: str | None) -> Attribution | None:
        return next((a for a in self.attributions if a.id == attribution_id), None)

    def event(self, event_id: str | None) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)


def analysis_from_dict(data: dict[str, Any]) -> Analysis:
    """Rebuild an :class:`Analysis` from its ``to_dict`` form (``sayso/1`` to ``sayso/3``)."""
    article = Article(**{k: data["article"].get(k) for k in Article.__dataclass_fields__})
    removed = [RemovedPiece(**piece) for piece in data.get("removed", [])]
    return Analysis(
        article=article,
        removed=removed,
        attributions=[_attribution_from_dict(a) for a in data.get("attributions", [])],
        entities=[Entity.from_dict(e) for e in data.get("entities", [])],
        events=[Event.from_dict(e) for e in data.get("events", [])],
        times=[TimeExpression.from_dict(t) for t in data.get("times", [])],
        warnings=[InputWarning(**w) for w in data.get("warnings", [])],
        statements=[Statement.from_dict(s) for s in data.get("statements", [])],
    )


def _attribution_from_dict(data: dict[str, Any]) -> Attribution:
    content = data["content"]
    stance = data.get("stance")
    certainty = data.get("certainty")
    statement_time = data.get("statement_time")
    return Attribution(
        id=data["id"],
        kind=AttributionKind(data["kind"]),
        source=Source.from_dict(data["source"]) if data.get("source") else None,
        cue=Cue(**data["cue"]) if data.get("cue") else None,
        content=Content(
            spans=tuple((int(s), int(e)) for s, e in content["spans"]), text=content["text"]
        ),
        nested_in=data.get("nested_in"),
        channel=TextSpan(**data["channel"]) if data.get("channel") else None,
        when=TextSpan(**data["when"]) if data.get("when") else None,
        stance=ReporterStance(Stance(stance["value"]), stance.get("lexeme")) if stance else None,
        certainty=Certainty.from_dict(certainty) if certainty else None,
        statement_time=TimeExpression.from_dict(statement_time) if statement_time else None,
        events=list(data.get("events", [])),
        proposition=Proposition.from_dict(data["proposition"]) if data.get("proposition") else None,
    )
