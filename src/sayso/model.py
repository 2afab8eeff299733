"""The sayso data model: every statement sayso makes about an article, in one place.

Every record carries character offsets into ``Article.text`` (the exact input), so each
statement can be traced back to the words it was read from. Exporters, the store and the
web app all read these classes; nothing else defines what an attribution is.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

SCHEMA = "sayso/1"


class AttributionKind(StrEnum):
    """How the content is rendered on the page."""

    DIRECT = "direct"  # the content is entirely a quotation
    INDIRECT = "indirect"  # reported speech, no quotation marks of its own
    MIXED = "mixed"  # reported speech carrying quoted fragments
    ACCORDING_TO = "according_to"  # "according to X" attached to a non-clausal content
    IMPLICIT = "implicit"  # continues a previous speaker's statement without a cue


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


@dataclass(slots=True)
class Source:
    """Who makes a claim: the mention on the page and the entity it resolves to."""

    start: int
    end: int
    text: str
    entity: str | None = None  # canonical name of the resolved entity
    entity_id: str | None = None
    anonymous: bool = False
    group: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Cue:
    """The words that signal the attribution ("wrote", "according to", ":")."""

    start: int
    end: int
    text: str
    lemma: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "lemma": self.lemma}


@dataclass(frozen=True, slots=True)
class Content:
    """What is claimed. A split quote has several pieces; ``text`` is the outer extent."""

    spans: tuple[tuple[int, int], ...]
    text: str

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
        }


@dataclass(slots=True)
class Entity:
    """A referent within one article, with every mention of it."""

    id: str
    name: str
    type: str
    roles: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "roles": list(self.roles),
            "mentions": [list(m) for m in self.mentions],
        }


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

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "article": self.article.to_dict(),
            "removed": [piece.to_dict() for piece in self.removed],
            "attributions": [a.to_dict() for a in self.attributions],
            "entities": [e.to_dict() for e in self.entities],
        }

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def attribution(self, attribution_id: str | None) -> Attribution | None:
        return next((a for a in self.attributions if a.id == attribution_id), None)


def analysis_from_dict(data: dict[str, Any]) -> Analysis:
    """Rebuild an :class:`Analysis` from its ``to_dict`` form (the JSON schema)."""
    article = Article(**{k: data["article"].get(k) for k in Article.__dataclass_fields__})
    removed = [RemovedPiece(**piece) for piece in data.get("removed", [])]
    attributions = [_attribution_from_dict(a) for a in data.get("attributions", [])]
    entities = [
        Entity(
            id=e["id"],
            name=e["name"],
            type=e["type"],
            roles=list(e.get("roles", [])),
            mentions=[(int(s), int(t)) for s, t in e.get("mentions", [])],
        )
        for e in data.get("entities", [])
    ]
    return Analysis(article=article, removed=removed, attributions=attributions, entities=entities)


def _attribution_from_dict(data: dict[str, Any]) -> Attribution:
    content = data["content"]
    return Attribution(
        id=data["id"],
        kind=AttributionKind(data["kind"]),
        source=Source(**data["source"]) if data.get("source") else None,
        cue=Cue(**data["cue"]) if data.get("cue") else None,
        content=Content(
            spans=tuple((int(s), int(e)) for s, e in content["spans"]), text=content["text"]
        ),
        nested_in=data.get("nested_in"),
        channel=TextSpan(**data["channel"]) if data.get("channel") else None,
        when=TextSpan(**data["when"]) if data.get("when") else None,
    )
