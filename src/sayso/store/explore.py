"""Queries for exploring the store (the web app's pages): articles, one entity across
articles, the claims nested in a claim, and other tellings of a claim's words.

Like :mod:`sayso.store.queries`, every value from the user is a bound parameter.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from sayso.errors import SaysoError
from sayso.store.matching import EntityQuery, name_key
from sayso.store.queries import (
    CLAIM_COLUMNS,
    HEADING_CHARS,
    MAX_LIMIT,
    ClaimQuery,
    ClaimRow,
    article_heading,
    claim_row,
    claims,
    count_claims,
)
from sayso.store.schema import articles, attributions, entities

Relation = Literal["said", "about"]
_WORD = re.compile(r"\w{3,}", re.UNICODE)
TELLING_WORDS = 12  # the distinct words of a claim that another telling must share
MAX_ROLE_LISTS = 50  # an entity's most frequent role lists shown (a speaker in every article)


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One stored article, for a list. No file path: pages and answers never show one."""

    id: str
    title: str | None  # as stored (None when it has none)
    heading: str  # what to call it: the title, else the standfirst or first line
    publisher: str | None
    published: str | None
    article_url: str | None  # where it was published on the web
    claims: int
    duplicate_of: str | None

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(slots=True)
class EntityProfile:
    """An entity as the store knows it across articles: every spelling and key it has."""

    name: str
    names: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    canonical: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    articles: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True, slots=True)
class EntityHit:
    name: str
    type: str
    articles: int

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def _page(limit: int | None, offset: int) -> None:
    if limit is not None and not 0 <= limit <= MAX_LIMIT:
        raise SaysoError(f"limit must be between 0 and {MAX_LIMIT}")
    if offset < 0:
        raise SaysoError("offset must not be negative")


def _article_conditions(
    publisher: str | None, title: str | None, include_duplicates: bool
) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if not include_duplicates:
        where.append(articles.c.duplicate_of.is_(None))
    if publisher:
        where.append(func.lower(articles.c.publisher).contains(publisher.lower(), autoescape=True))
    if title:
        where.append(func.lower(articles.c.title).contains(title.lower(), autoescape=True))
    return where


def list_articles(
    conn: Connection,
    *,
    publisher: str | None = None,
    title: str | None = None,
    include_duplicates: bool = False,
    limit: int | None = 50,
    offset: int = 0,
) -> tuple[list[ArticleRow], int]:
    """Articles, newest first, with their number of claims; and how many match in all."""
    _page(limit, offset)
    where = _article_conditions(publisher, title, include_duplicates)
    total = conn.execute(select(func.count()).select_from(articles).where(*where)).scalar_one()
    n_claims = (
        select(func.count())
        .where(attributions.c.article_id == articles.c.id)
        .scalar_subquery()
        .label("claims")
    )
    statement = (
        select(
            articles.c.id,
            articles.c.title,
            articles.c.standfirst,
            func.substr(articles.c.text, 1, HEADING_CHARS * 2).label("opening"),
            articles.c.publisher,
            articles.c.published,
            articles.c.url,
            articles.c.duplicate_of,
            n_claims,
        )
        .where(*where)
        .order_by(
            articles.c.published_day.is_(None),
            articles.c.published_day.desc(),
            articles.c.id,
        )
        .offset(offset)
    )
    if limit is not None:
        statement = statement.limit(limit)
    rows = [
        ArticleRow(
            id=r.id,
            title=r.title,
            heading=article_heading(r.title, r.standfirst, r.opening),
            publisher=r.publisher,
            published=r.published,
            article_url=r.url,
            claims=r.claims,
            duplicate_of=r.duplicate_of,
        )
        for r in conn.execute(statement)
    ]
    return rows, total


def article_headings(conn: Connection, article_ids: list[str]) -> dict[str, str]:
    """What to call each of these articles (:func:`article_heading`), by id."""
    wanted = sorted(set(article_ids))
    found: dict[str, str] = {}
    for i in range(0, len(wanted), 500):
        rows = conn.execute(
            select(
                articles.c.id,
                articles.c.title,
                articles.c.standfirst,
                func.substr(articles.c.text, 1, HEADING_CHARS * 2),
            ).where(articles.c.id.in_(wanted[i : i + 500]))
        )
        found.update({r[0]: article_heading(r[1], r[2], r[3]) for r in rows})
    return found


def entity_profile(conn: Connection, name: str) -> EntityProfile | None:
    """Everything the store's articles say an entity is, or None when no article names it.

    The entity is every stored entity the name stands for (:mod:`sayso.store.matching`):
    the same rule as the speaker filter, so the page and the filtered list agree. Counted
    in the database, not row by row (a speaker named in 16,000 articles)."""
    who = EntityQuery.parse(conn, name)
    matching = who.condition(entities)
    n = func.count().label("n")
    spellings = conn.execute(
        select(entities.c.name, entities.c.type, entities.c.canonical, n)
        .where(matching)
        .group_by(entities.c.name, entities.c.type, entities.c.canonical)
        .order_by(n.desc(), entities.c.name)
    ).all()
    if not spellings:
        return None
    profile = EntityProfile(name=name)
    for row in spellings:
        _add_unique(profile.names, row.name)
        _add_unique(profile.types, row.type)
        _add_unique(profile.canonical, row.canonical)
    profile.canonical.sort()
    roles = conn.execute(
        select(entities.c.roles, n)
        .where(matching, entities.c.roles != "[]")
        .group_by(entities.c.roles)
        .order_by(n.desc(), entities.c.roles)
        .limit(MAX_ROLE_LISTS)
    )
    for row in roles:
        for role in json.loads(row.roles or "[]"):
            _add_unique(profile.roles, role)
    profile.articles = conn.execute(
        select(func.count(func.distinct(entities.c.article_id))).where(matching)
    ).scalar_one()
    exact = next((n for n in profile.names if name_key(n) == who.name), None)
    profile.name = exact or spellings[0].name
    return profile


def _add_unique(values: list[str], value: str | None) -> None:
    if value and value not in values:
        values.append(value)


def entity_query(name: str, relation: Relation, **paging: Any) -> ClaimQuery:
    """The claims query of an entity's page: what it ``said`` (the speaker filter), or
    what others said ``about`` it (mentioned in the content, said by someone else)."""
    if relation == "said":
        return ClaimQuery(speaker=name, **paging)
    if relation == "about":
        return ClaimQuery(about=name, **paging)
    raise SaysoError(f"relation must be 'said' or 'about', not {relation!r}")


def entity_claims(
    conn: Connection,
    dialect: str,
    name: str,
    relation: Relation,
    *,
    limit: int | None = 50,
    offset: int = 0,
) -> tuple[list[ClaimRow], int]:
    """What an entity said (``said``), or what others said about it (``about``)."""
    _page(limit, offset)
    query = entity_query(name, relation, limit=limit, offset=offset)
    return claims(conn, query, dialect), count_claims(conn, query, dialect)


def search_entities(
    conn: Connection, text: str, *, limit: int = 20, offset: int = 0
) -> tuple[list[EntityHit], int]:
    """Entity names containing ``text`` (any case), the most widely named first; and how
    many names match in all."""
    _page(limit, offset)
    wanted = name_key(text)
    if not wanted:
        return [], 0
    where = entities.c.name_key.contains(wanted, autoescape=True)
    total = conn.execute(
        select(func.count(func.distinct(entities.c.name))).where(where)
    ).scalar_one()
    n_articles = func.count(func.distinct(entities.c.article_id)).label("n")
    rows = conn.execute(
        select(entities.c.name, func.min(entities.c.type).label("type"), n_articles)
        .where(where)
        .group_by(entities.c.name)
        .order_by(n_articles.desc(), entities.c.name)
        .limit(limit)
        .offset(offset)
    )
    return [EntityHit(r.name, r.type, r.n) for r in rows], total


def nested_claims(conn: Connection, article_id: str, attribution_id: str) -> list[ClaimRow]:
    """The claims told inside this one's content ("According to X, Y claims Z": Y's in X's)."""
    statement = (
        select(*CLAIM_COLUMNS)
        .select_from(attributions.join(articles, articles.c.id == attributions.c.article_id))
        .where(
            attributions.c.article_id == article_id,
            attributions.c.nested_in == attribution_id,
        )
        .order_by(attributions.c.seq)
    )
    return [claim_row(r) for r in conn.execute(statement)]


def telling_words(content: str) -> str:
    """The words another telling must share: the first distinct words of three letters up."""
    seen: list[str] = []
    for word in _WORD.findall(content.lower()):
        if word not in seen:
            seen.append(word)
        if len(seen) == TELLING_WORDS:
            break
    return " ".join(seen)


def tellings(conn: Connection, dialect: str, claim: ClaimRow, *, limit: int = 20) -> list[ClaimRow]:
    """Other claims in the store, near-duplicate articles included, that tell the same words."""
    words = telling_words(claim.content)
    if not words:
        return []
    query = ClaimQuery(text=words, include_duplicates=True, limit=limit + 1)
    found = claims(conn, query, dialect)
    other = [
        c
        for c in found
        if (c.article_id, c.attribution_id) != (claim.article_id, claim.attribution_id)
    ]
    return other[:limit]
