"""Queries over the store: claims, sources, one article and the provenance of a claim.

Every value from the user reaches the database as a bound parameter; text search goes
through FTS5 on SQLite and a tsvector on PostgreSQL.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, and_, column, exists, func, literal, or_, select, table, text
from sqlalchemy.engine import Connection, Row
from sqlalchemy.sql.elements import ColumnElement

from sayso.errors import SaysoError
from sayso.model import LOW_CONFIDENCE, Analysis, CertaintyValue, Stance, analysis_from_dict
from sayso.store.rows import model_view
from sayso.store.schema import articles, attributions, entities, mentions

MAX_LIMIT = 10_000
_FTS = table("attributions_fts", column("rowid"), column("content"))
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(slots=True)
class ClaimQuery:
    """Filters for :meth:`Store.claims` and :meth:`Store.sources`; all optional.

    ``speaker``, ``entity`` and ``publisher`` match case-insensitively as substrings;
    ``text`` is a full-text search over the claim contents (every word must occur);
    ``since``/``until`` bound the publication day, inclusive; ``certainty`` and ``stance``
    are values of the meaning layer (``CertaintyValue``, ``Stance``). Near-duplicate articles
    are left out unless ``include_duplicates``.
    """

    speaker: str | None = None
    entity: str | None = None
    text: str | None = None
    since: date | None = None
    until: date | None = None
    publisher: str | None = None
    kind: str | None = None
    article_id: str | None = None
    certainty: str | None = None
    stance: str | None = None
    include_duplicates: bool = False
    limit: int | None = 50
    offset: int = 0

    def __post_init__(self) -> None:
        if self.limit is not None and not 0 <= self.limit <= MAX_LIMIT:
            raise SaysoError(f"limit must be between 0 and {MAX_LIMIT}")
        if self.offset < 0:
            raise SaysoError("offset must not be negative")
        for name in ("since", "until"):
            value = getattr(self, name)
            if isinstance(value, str):
                try:
                    setattr(self, name, date.fromisoformat(value))
                except ValueError as error:
                    raise SaysoError(f"{name}: not a date (YYYY-MM-DD): {value!r}") from error
        for name, allowed in (("certainty", CertaintyValue), ("stance", Stance)):
            value = getattr(self, name)
            if value is not None and value not in {str(v) for v in allowed}:
                choices = ", ".join(str(v) for v in allowed)
                raise SaysoError(f"{name} must be one of {choices}, not {value!r}")


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One attribution with the article it was read from."""

    article_id: str
    attribution_id: str
    kind: str
    speaker: str | None  # the resolved entity, or None
    source_text: str | None  # the mention on the page
    anonymous: bool
    group: bool
    cue: str | None
    content: str
    nested_in: str | None
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None
    stance: str | None = None
    certainty: str | None = None
    source_resolution: str | None = None  # named, resolved, anonymous, group, unresolved
    source_confidence: float | None = None

    @property
    def uncertain(self) -> bool:
        return self.source_confidence is not None and self.source_confidence < LOW_CONFIDENCE

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A speaker and how much they said."""

    speaker: str
    claims: int
    articles: int
    first_published: str | None
    last_published: str | None

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(slots=True)
class ArticleRecord:
    """One stored article: its analysis as stored and where it sits among the others."""

    data: dict[str, Any]
    input: str | None
    ingested_at: datetime
    duplicate_of: str | None
    similarity: float | None
    near_duplicates: list[str] = field(default_factory=list)

    @property
    def analysis(self) -> Analysis:
        return analysis_from_dict(model_view(self.data))

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.data,
            "store": {
                "input": self.input,
                "ingested_at": self.ingested_at.isoformat() if self.ingested_at else None,
                "duplicate_of": self.duplicate_of,
                "similarity": self.similarity,
                "near_duplicates": list(self.near_duplicates),
            },
        }


_CLAIM_COLUMNS = (
    attributions.c.article_id,
    attributions.c.id.label("attribution_id"),
    attributions.c.kind,
    attributions.c.source_entity.label("speaker"),
    attributions.c.source_text,
    attributions.c.anonymous,
    attributions.c.grouped.label("group"),
    attributions.c.cue,
    attributions.c.content,
    attributions.c.nested_in,
    articles.c.title,
    articles.c.publisher,
    articles.c.published,
    articles.c.url,
    attributions.c.stance,
    attributions.c.certainty,
    attributions.c.source_resolution,
    attributions.c.source_confidence,
)


CLAIM_COLUMNS = _CLAIM_COLUMNS


def _contains(column_: Any, value: str) -> ColumnElement[bool]:
    return func.lower(column_).contains(value.lower(), autoescape=True)


def _filters(query: ClaimQuery, dialect: str) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if not query.include_duplicates:
        where.append(articles.c.duplicate_of.is_(None))
    if query.article_id:
        where.append(attributions.c.article_id == query.article_id)
    if query.kind:
        where.append(attributions.c.kind == query.kind)
    if query.certainty:
        where.append(attributions.c.certainty == query.certainty)
    if query.stance:
        where.append(attributions.c.stance == query.stance)
    if query.speaker:
        where.append(
            or_(
                _contains(attributions.c.source_entity, query.speaker),
                _contains(attributions.c.source_text, query.speaker),
            )
        )
    if query.publisher:
        where.append(_contains(articles.c.publisher, query.publisher))
    if query.since:
        where.append(articles.c.published_day >= query.since)
    if query.until:
        where.append(articles.c.published_day <= query.until)
    if query.entity:
        where.append(_mentions_entity(query.entity))
    if query.text is not None:
        where.append(_matches_text(query.text, dialect))
    return where


def _mentions_entity(name: str) -> ColumnElement[bool]:
    """The claim's content holds a mention of an entity whose name contains ``name``."""
    return exists(
        select(literal(1))
        .select_from(
            mentions.join(
                entities,
                and_(
                    entities.c.article_id == mentions.c.article_id,
                    entities.c.id == mentions.c.entity_id,
                ),
            )
        )
        .where(
            mentions.c.article_id == attributions.c.article_id,
            mentions.c.start >= attributions.c.content_start,
            mentions.c.end <= attributions.c.content_end,
            _contains(entities.c.name, name),
        )
    )


def _matches_text(query: str, dialect: str) -> ColumnElement[bool]:
    words = _WORD.findall(query)
    if not words:
        return literal(False)
    if dialect == "postgresql":
        condition = "attributions.content_tsv @@ plainto_tsquery('english', :fts_query)"
        return text(condition).bindparams(fts_query=" ".join(words))
    # Each word quoted: FTS5 syntax in the user's text ("AND", "*", ":") stays plain words.
    match = " ".join('"' + word.replace('"', '""') + '"' for word in words)
    matching = select(_FTS.c.rowid).where(_FTS.c.content.op("MATCH")(match))
    return attributions.c.pk.in_(matching)


def claim_filters(query: ClaimQuery, dialect: str) -> list[ColumnElement[bool]]:
    """The WHERE conditions of ``query`` over ``attributions`` joined to ``articles``."""
    return _filters(query, dialect)


def claim_row(row: Row[Any]) -> ClaimRow:
    """A :class:`ClaimRow` from a row selected with :data:`CLAIM_COLUMNS`."""
    return _claim(row)


def _claims_select(query: ClaimQuery, dialect: str) -> Select[Any]:
    return (
        select(*_CLAIM_COLUMNS)
        .select_from(attributions.join(articles, articles.c.id == attributions.c.article_id))
        .where(*_filters(query, dialect))
    )


def claims(conn: Connection, query: ClaimQuery, dialect: str) -> list[ClaimRow]:
    statement = _claims_select(query, dialect).order_by(
        articles.c.published_day.is_(None),
        articles.c.published_day.desc(),
        attributions.c.article_id,
        attributions.c.seq,
    )
    if query.limit is not None:
        statement = statement.limit(query.limit)
    if query.offset:
        statement = statement.offset(query.offset)
    return [_claim(row) for row in conn.execute(statement)]


def count_claims(conn: Connection, query: ClaimQuery, dialect: str) -> int:
    inner = _claims_select(query, dialect).subquery()
    return conn.execute(select(func.count()).select_from(inner)).scalar_one()


def sources(conn: Connection, query: ClaimQuery, dialect: str) -> list[SourceRow]:
    n_claims = func.count().label("claims")
    statement = (
        select(
            attributions.c.source_entity,
            n_claims,
            func.count(func.distinct(attributions.c.article_id)).label("articles"),
            func.min(articles.c.published_day).label("first"),
            func.max(articles.c.published_day).label("last"),
        )
        .select_from(attributions.join(articles, articles.c.id == attributions.c.article_id))
        .where(attributions.c.source_entity.is_not(None), *_filters(query, dialect))
        .group_by(attributions.c.source_entity)
        .order_by(n_claims.desc(), attributions.c.source_entity)
    )
    if query.limit is not None:
        statement = statement.limit(query.limit)
    if query.offset:
        statement = statement.offset(query.offset)
    return [
        SourceRow(
            speaker=row.source_entity,
            claims=row.claims,
            articles=row.articles,
            first_published=_iso(row.first),
            last_published=_iso(row.last),
        )
        for row in conn.execute(statement)
    ]


def article_record(conn: Connection, article_id: str) -> ArticleRecord | None:
    row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
    if row is None:
        return None
    near = conn.execute(
        select(articles.c.id).where(articles.c.duplicate_of == article_id).order_by(articles.c.id)
    ).scalars()
    return ArticleRecord(
        data=json.loads(row.analysis),
        input=row.input,
        ingested_at=row.ingested_at,
        duplicate_of=row.duplicate_of,
        similarity=row.similarity,
        near_duplicates=list(near),
    )


def provenance(conn: Connection, article_id: str, attribution_id: str) -> list[ClaimRow]:
    """The claim and every claim it is nested in, outermost first."""
    chain: list[ClaimRow] = []
    seen: set[str] = set()
    current: str | None = attribution_id
    while current is not None and current not in seen:
        seen.add(current)
        row = conn.execute(
            select(*_CLAIM_COLUMNS)
            .select_from(attributions.join(articles, articles.c.id == attributions.c.article_id))
            .where(attributions.c.article_id == article_id, attributions.c.id == current)
        ).first()
        if row is None:
            break
        chain.append(_claim(row))
        current = row.nested_in
    return list(reversed(chain))


def _claim(row: Row[Any]) -> ClaimRow:
    return ClaimRow(
        article_id=row.article_id,
        attribution_id=row.attribution_id,
        kind=row.kind,
        speaker=row.speaker,
        source_text=row.source_text,
        anonymous=bool(row.anonymous),
        group=bool(row.group),
        cue=row.cue,
        content=row.content,
        nested_in=row.nested_in,
        title=row.title,
        publisher=row.publisher,
        published=row.published,
        url=row.url,
        stance=row.stance,
        certainty=row.certainty,
        source_resolution=row.source_resolution,
        source_confidence=row.source_confidence,
    )


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
