"""The sayso data model: every statement sayso makes about an article, in one place.

Every record carries character offsets into ``Article.text`` (the exact input), so each
statement can be traced back to the words it was read from. Exporters, the store and the
web app all read these classes; nothing else defines what an attribution is.

The classes are plain dataclasses: building one validates nothing, so the NLP builds them
at no cost. They become JSON, are read back from it and give their JSON Schema in one
way only, through :mod:`sayso.serial` (pydantic ``TypeAdapter`` s over these classes): a
record's keys are the fields in the order declared here.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum

from pydantic import model_serializer
from typing_extensions import TypedDict  # pydantic reads TypedDicts from here on 3.11

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


class EntityType(StrEnum):
    """What an entity is: spaCy's named-entity labels sayso keeps, and sayso's own."""

    PERSON = "PERSON"
    ORG = "ORG"
    GPE = "GPE"  # a city, state or region that is not a country
    NORP = "NORP"  # a nationality, religious or political group ("Republicans")
    LOC = "LOC"
    FAC = "FAC"
    COUNTRY = "COUNTRY"  # a sovereign state (sayso's gazetteer)
    GROUP = "GROUP"  # a collective speaker ("63 percent of voters", "the EU members")
    ANONYMOUS = "ANONYMOUS"  # an unnamed individual ("a source", "officials")


class WarningKind(StrEnum):
    """Why an analysis may not be what it seems (see docs/schema.md)."""

    SHORT_BODY = "short_body"  # too few words of body: the article may not have been found
    MOSTLY_CAPTION = "mostly_caption"  # photo captions and credits outweigh the body
    NOT_ARTICLE = "not_article"  # a recipe, product page, listing…


@dataclass(frozen=True, slots=True)
class InputWarning:
    """Something about the input that makes its analysis doubtful."""

    kind: WarningKind
    message: str


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A contiguous piece of ``Article.text``: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class RemovedPiece:
    """Text that is not part of the article body (caption, teaser, source tag...)."""

    kind: RemovedKind
    start: int
    end: int
    text: str


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


@dataclass(frozen=True, slots=True)
class Cue:
    """The words that signal the attribution ("wrote", "according to", ":")."""

    start: int
    end: int
    text: str
    lemma: str


class ContentRecord(TypedDict):
    """A :class:`Content` as JSON: where it starts and ends, its text, then its pieces."""

    start: int
    end: int
    text: str
    spans: list[tuple[int, int]]


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

    @model_serializer(mode="plain")
    def _record(self) -> ContentRecord:
        # ``start``/``end`` lead the record (readers take a claim's extent without the
        # pieces), so the record is written here rather than from the fields.
        return {"start": self.start, "end": self.end, "text": self.text, "spans": list(self.spans)}


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


@dataclass(slots=True)
class ReporterStance:
    """The reporter's stance as shown by the cue, and the lexicon entry that decided it."""

    value: Stance
    lexeme: str | None = None  # the cue lemma or phrase found in the stance lexicon


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


@dataclass(slots=True)
class Statement:
    """Something the article says in its own voice, unattributed: the headline, the
    standfirst, the lead, or a sentence stating an event (``kind``)."""

    id: str  # "headline", "standfirst", "lead", "voice2"…
    kind: str  # headline|standfirst|lead|event
    proposition: Proposition


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
    type: EntityType
    roles: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    canonical: str | None = None
    country: str | None = None
    affiliations: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    metonyms: list[tuple[int, int]] = field(default_factory=list)


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


@dataclass(slots=True)
class EventMention:
    """One clause that describes an event, and the attribution that asserts it."""

    start: int
    end: int
    text: str  # the trigger words ("send troops", "is unlikely to join")
    attribution: str | None = None


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
    predicate: str = ""  # lemma of the predicate with its theme: "send troops"
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


def article_id(text: str) -> str:
    """An article's stable id: the first 16 hex digits of the SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(slots=True)
class Article:
    """The input, exactly as read, with what the cleaner learned about it (``text`` comes
    last in its record, after the short fields a reader looks at first)."""

    id: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    standfirst: str | None = None
    publisher: str | None = None
    byline: str | None = None
    published: str | None = None
    text: str = field(kw_only=True)


@dataclass(slots=True, kw_only=True)
class Analysis:
    """Everything sayso reads out of one article. Its record opens with the schema version
    (always this version's: a record read from an older one is written back as this one)
    and the warnings, before the article."""

    schema: str = field(default=SCHEMA, init=False)
    warnings: list[InputWarning] = field(default_factory=list)
    article: Article
    removed: list[RemovedPiece] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)  # the publisher's own voice

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def attribution(self, attribution_id: str | None) -> Attribution | None:
        return next((a for a in self.attributions if a.id == attribution_id), None)

    def event(self, event_id: str | None) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)
