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

from sqlalchemy import (
    Select,
    String,
    Table,
    and_,
    case,
    cast,
    column,
    exists,
    func,
    literal,
    literal_column,
    select,
    table,
    tuple_,
    union,
)
from sqlalchemy.engine import Connection, Row
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement

from sayso.errors import SaysoError
from sayso.model import LOW_CONFIDENCE, Analysis, CertaintyValue, Stance
from sayso.serial import load_analysis
from sayso.store.matching import EntityQuery
from sayso.store.schema import articles, attributions, entities, mentions

MAX_LIMIT = 10_000
_FTS = table("attributions_fts", column("rowid"), column("content"))
_WORD = re.compile(r"\w+", re.UNICODE)
# How a list of claims can be ordered; "-" is descending. "relevance" needs words to
# search (full text: SQLite's bm25, PostgreSQL's ts_rank).
SORTS = (
    "-date",
    "date",
    "speaker",
    "-speaker",
    "publisher",
    "-publisher",
    "certainty",
    "-certainty",
    "relevance",
)
# Marks around the matched words of a snippet (private-use characters: never in news
# text); the web app turns them into <mark> after escaping the text.
MARK_START, MARK_END = "\ue000", "\ue001"
SNIPPET_WORDS = 24
HEADING_CHARS = 120  # an article's heading, at most
UNTITLED = "Untitled article"


@dataclass(slots=True)
class ClaimQuery:
    """Filters for :meth:`Store.claims` and :meth:`Store.sources`; all optional.

    ``speaker`` is who makes the claim, ``entity`` an entity its content mentions, and
    ``about`` an entity its content mentions when someone else makes it (an entity page's
    "what others said"): all three match by entity (:mod:`sayso.store.matching`: the name,
    any spelling sharing its canonical key, and for a bare surname every person of that
    surname), never by substring. ``publisher`` matches case-insensitively as a
    substring; ``text`` is a full-text search over the claim contents (every word must
    occur); ``since``/``until`` bound the publication day, inclusive; ``certainty`` and
    ``stance`` are values of the meaning layer (``CertaintyValue``, ``Stance``).
    Near-duplicate articles are left out unless ``include_duplicates``. ``sort`` is one of
    :data:`SORTS`; by default the most relevant first when there are words to search,
    else the newest.
    """

    speaker: str | None = None
    entity: str | None = None
    about: str | None = None
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
    sort: str | None = None

    def __post_init__(self) -> None:
        if self.sort is not None and self.sort not in SORTS:
            raise SaysoError(f"sort must be one of {', '.join(SORTS)}, not {self.sort!r}")
        if self.sort == "relevance" and not self.searches:
            raise SaysoError("sort=relevance needs words to search (text)")
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

    @property
    def searches(self) -> bool:
        """Whether the query has words to search (and so a relevance to order by)."""
        return bool(self.text and _WORD.search(self.text))

    @property
    def order(self) -> str:
        return self.sort or ("relevance" if self.searches else "-date")


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
    title: str | None  # the article's title as stored (None when it has none)
    publisher: str | None
    published: str | None
    article_url: str | None  # where the article was published on the web
    stance: str | None = None
    certainty: str | None = None
    source_resolution: str | None = None  # named, resolved, anonymous, group, unresolved
    source_confidence: float | None = None
    # Not exported: what a page shows as the article's title (see ``article_heading``),
    # and a search's relevance (higher is better; bm25 or ts_rank, not comparable across
    # backends).
    heading: str | None = field(default=None, compare=False)
    relevance: float | None = field(default=None, compare=False)

    @property
    def uncertain(self) -> bool:
        return self.source_confidence is not None and self.source_confidence < LOW_CONFIDENCE

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in CLAIM_FIELDS}


CLAIM_FIELDS = (
    "article_id",
    "attribution_id",
    "kind",
    "speaker",
    "source_text",
    "anonymous",
    "group",
    "cue",
    "content",
    "nested_in",
    "title",
    "publisher",
    "published",
    "article_url",
    "stance",
    "certainty",
    "source_resolution",
    "source_confidence",
)


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
    _analysis: Analysis | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def analysis(self) -> Analysis:
        """The stored record read as the typed model (once: a page reads it several times)."""
        if self._analysis is None:
            self._analysis = load_analysis(self.data)
        return self._analysis

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
    articles.c.url.label("article_url"),
    attributions.c.stance,
    attributions.c.certainty,
    attributions.c.source_resolution,
    attributions.c.source_confidence,
    # What a page shows as the article's title: the title, else the standfirst, else the
    # start of the text (``article_heading`` takes its first line).
    func.coalesce(
        func.nullif(articles.c.title, ""),
        func.nullif(articles.c.standfirst, ""),
        func.substr(articles.c.text, 1, HEADING_CHARS * 2),
    ).label("heading"),
)


def article_heading(
    title: str | None, standfirst: str | None = None, text: str | None = None
) -> str:
    """What to call an article: its title, else its standfirst, else its first line of
    text, else "Untitled article"; never the file it was read from."""
    for candidate in (title, standfirst, text):
        line = next((ln.strip() for ln in (candidate or "").splitlines() if ln.strip()), "")
        if line:
            words = " ".join(line.split())
            if len(words) <= HEADING_CHARS:
                return words
            return words[: HEADING_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return UNTITLED


CLAIM_COLUMNS = _CLAIM_COLUMNS


def _contains(column_: Any, value: str) -> ColumnElement[bool]:
    return func.lower(column_).contains(value.lower(), autoescape=True)


def _source_from_claims() -> Any:
    return attributions.join(articles, articles.c.id == attributions.c.article_id)


def _filters(
    query: ClaimQuery, dialect: str, conn: Connection, *, fts_joined: bool = False
) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if not query.include_duplicates:
        where.append(_original(dialect))
    if query.article_id:
        where.append(attributions.c.article_id == query.article_id)
    if query.kind:
        where.append(attributions.c.kind == query.kind)
    if query.certainty:
        where.append(attributions.c.certainty == query.certainty)
    if query.stance:
        where.append(attributions.c.stance == query.stance)
    if query.speaker:
        where.append(said_by(EntityQuery.parse(conn, query.speaker)))
    if query.entity:
        where.append(mentioning(EntityQuery.parse(conn, query.entity)))
    if query.about:
        about = EntityQuery.parse(conn, query.about)
        where.append(and_(mentioning(about), ~speaking(about)))
    if query.publisher:
        where.append(_contains(articles.c.publisher, query.publisher))
    if query.since:
        where.append(articles.c.published_day >= query.since)
    if query.until:
        where.append(articles.c.published_day <= query.until)
    if query.text is not None:
        where.append(_matches_text(query.text, dialect, fts_joined=fts_joined))
    return where


def _original(dialect: str) -> ColumnElement[bool]:
    """Not a near-duplicate. On SQLite the index on ``duplicate_of`` is disqualified (the
    unary ``+``; see :func:`listing`)."""
    if dialect == "sqlite":
        return literal_column("+articles.duplicate_of").is_(None)
    return articles.c.duplicate_of.is_(None)


@compiles(Table, "sqlite")
def _sqlite_table(element: Table, compiler: Any, **kw: Any) -> str:
    """SQLite's ``INDEXED BY`` from ``Select.with_hint(table, "INDEXED BY …", "sqlite")``:
    SQLAlchemy's SQLite compiler keeps such hints but never writes them out."""
    text: str = compiler.visit_table(element, **kw)
    hint = (kw.get("fromhints") or {}).get(element)
    if kw.get("asfrom") and isinstance(hint, str) and hint.startswith("INDEXED BY "):
        text += " " + hint
    return text


def listing(statement: Select[Any], dialect: str) -> Select[Any]:
    """A statement over claims and their articles that reads the articles from the
    covering index ``ix_articles_listing`` (migration 0006).

    On SQLite only, and for a reason: without statistics its planner takes ``duplicate_of
    IS NULL`` for a selective index, drives a count from every article instead of from a
    speaker's few claims (61 ms instead of 3 ms in a 10,000-article store), and reads the
    articles' rows, whose later columns lie past the overflow pages of the text and the
    analysis JSON (a count of every claim: 38 ms instead of 6 ms)."""
    if dialect == "sqlite":
        return statement.with_hint(articles, "INDEXED BY ix_articles_listing", "sqlite")
    return statement


def said_by(who: EntityQuery) -> ColumnElement[bool]:
    """The claim is made by the entity ``who`` stands for: its speaker is one of the
    entity rows ``who`` matches, found by index (migration 0006), not by scanning."""
    speaker = entities.alias("speaker")
    said = [
        select(attributions.c.pk)
        .select_from(
            speaker.join(
                attributions,
                and_(
                    attributions.c.article_id == speaker.c.article_id,
                    attributions.c.source_entity_id == speaker.c.id,
                ),
            )
        )
        .where(term)
        for term in who.terms(speaker)
    ]
    return attributions.c.pk.in_(union(*said) if len(said) > 1 else said[0])


def speaking(who: EntityQuery) -> ColumnElement[bool]:
    """The claim's own speaker is one of ``who``'s rows: checked claim by claim against its
    speaker's row, for claims already narrowed down (``NOT`` of :func:`said_by` would
    scan every attribution on PostgreSQL)."""
    speaker = entities.alias("own_speaker")
    return exists(
        select(literal(1)).where(
            speaker.c.article_id == attributions.c.article_id,
            speaker.c.id == attributions.c.source_entity_id,
            who.condition(speaker),
        )
    )


def mentioning(what: EntityQuery) -> ColumnElement[bool]:
    """The claim's content holds a mention of the entity ``what`` stands for."""
    mentioned = entities.alias("mentioned")
    inner = attributions.alias("inner")
    holding = [
        select(inner.c.pk)
        .select_from(
            mentioned.join(
                mentions,
                and_(
                    mentions.c.article_id == mentioned.c.article_id,
                    mentions.c.entity_id == mentioned.c.id,
                ),
            ).join(
                inner,
                and_(
                    inner.c.article_id == mentions.c.article_id,
                    inner.c.content_start <= mentions.c.start,
                    inner.c.content_end >= mentions.c.end,
                ),
            )
        )
        .where(term)
        for term in what.terms(mentioned)
    ]
    return attributions.c.pk.in_(union(*holding) if len(holding) > 1 else holding[0])


def _fts_match(words: list[str]) -> str:
    # Each word quoted: FTS5 syntax in the user's text ("AND", "*", ":") stays plain words.
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def _tsquery(words: list[str]) -> Any:
    return func.plainto_tsquery(literal_column("'english'"), literal(" ".join(words), String))


def _matches_text(query: str, dialect: str, *, fts_joined: bool = False) -> ColumnElement[bool]:
    words = _WORD.findall(query)
    if not words:
        return literal(False)
    if dialect == "postgresql":
        return literal_column("attributions.content_tsv").op("@@")(_tsquery(words))
    if fts_joined:
        return literal_column("attributions_fts").op("MATCH")(_fts_match(words))
    matching = select(_FTS.c.rowid).where(_FTS.c.content.op("MATCH")(_fts_match(words)))
    return attributions.c.pk.in_(matching)


def _relevance(query: ClaimQuery, dialect: str) -> Any:
    """The relevance of a claim to the query's words (higher is better)."""
    words = _WORD.findall(query.text or "")
    if dialect == "postgresql":
        return func.ts_rank(literal_column("attributions.content_tsv"), _tsquery(words))
    return -func.bm25(literal_column("attributions_fts"))  # bm25: lower is better


def claim_filters(query: ClaimQuery, dialect: str, conn: Connection) -> list[ColumnElement[bool]]:
    """The WHERE conditions of ``query`` over ``attributions`` joined to ``articles``."""
    return _filters(query, dialect, conn)


def claim_row(row: Row[*tuple[Any, ...]]) -> ClaimRow:
    """A :class:`ClaimRow` from a row selected with :data:`CLAIM_COLUMNS`."""
    return _claim(row)


def _claims_select(query: ClaimQuery, dialect: str, conn: Connection) -> Select[Any]:
    return (
        select(*_CLAIM_COLUMNS)
        .select_from(_source_from_claims())
        .where(*_filters(query, dialect, conn))
    )


_NULLS_LAST = {
    "date": articles.c.published_day,
    "speaker": attributions.c.source_entity,
    "publisher": articles.c.publisher,
    "certainty": attributions.c.certainty,
}
# Certainty sorts from the firmest to the weakest, not alphabetically.
_CERTAINTY_RANK = case(
    {str(value): rank for rank, value in enumerate(CertaintyValue)},
    value=attributions.c.certainty,
    else_=len(CertaintyValue),
)


def _ordered(statement: Select[Any], order: str, relevance: Any) -> Select[Any]:
    keys: list[Any] = []
    if order == "relevance":
        keys.append(relevance.desc())
    else:
        name = order.lstrip("-")
        column_ = _NULLS_LAST[name]
        sortable = {"speaker": func.lower(column_), "publisher": func.lower(column_)}.get(
            name, _CERTAINTY_RANK if name == "certainty" else column_
        )
        keys += [column_.is_(None), sortable.desc() if order.startswith("-") else sortable]
    if order not in ("date", "-date"):
        keys += [articles.c.published_day.is_(None), articles.c.published_day.desc()]
    # Then the article and the claim's place in it: ``pk`` follows ``seq`` within an
    # article (written in order) and, unlike ``seq``, is in every index.
    return statement.order_by(*keys, attributions.c.article_id, attributions.c.pk)


def ordered_claims(conn: Connection, query: ClaimQuery, dialect: str) -> Select[Any]:
    """The statement listing the claims of ``query`` in its order, paged.

    A page is found in two steps: the claims' keys sorted and cut to the page, then the
    columns of those claims only (a "deferred join"). Sorting 16,000 claims of one
    speaker with every column, the start of each article's text among them, took 150 ms;
    sorting their keys takes a few."""
    relevance = _relevance(query, dialect) if query.searches else None
    if relevance is not None and dialect == "sqlite":
        # bm25() needs the FTS5 table in the query itself, matched there.
        source = _source_from_claims().join(_FTS, _FTS.c.rowid == attributions.c.pk)
        where = _filters(query, dialect, conn, fts_joined=True)
    else:
        source, where = _source_from_claims(), _filters(query, dialect, conn)
    keys = [attributions.c.pk.label("pk")]
    if relevance is not None:
        keys.append(relevance.label("relevance"))
    page = listing(select(*keys).select_from(source).where(*where), dialect)
    page = _ordered(page, query.order, relevance)
    if query.limit is not None:
        page = page.limit(query.limit)
    if query.offset:
        page = page.offset(query.offset)
    chosen = page.subquery("page")
    columns: list[Any] = [*_CLAIM_COLUMNS]
    if relevance is not None:
        columns.append(chosen.c.relevance)
    statement = select(*columns).select_from(
        chosen.join(attributions, attributions.c.pk == chosen.c.pk).join(
            articles, articles.c.id == attributions.c.article_id
        )
    )
    return _ordered(statement, query.order, chosen.c.relevance if relevance is not None else None)


def claims(conn: Connection, query: ClaimQuery, dialect: str) -> list[ClaimRow]:
    return [_claim(row) for row in conn.execute(ordered_claims(conn, query, dialect))]


def count_claims(conn: Connection, query: ClaimQuery, dialect: str) -> int:
    statement = (
        select(func.count())
        .select_from(_source_from_claims())
        .where(*_filters(query, dialect, conn))
    )
    return conn.execute(listing(statement, dialect)).scalar_one()


def snippets(
    conn: Connection, rows: list[ClaimRow], text: str, dialect: str
) -> dict[tuple[str, str], str]:
    """The words of ``text`` marked in each claim's content (``MARK_START``/``MARK_END``),
    cut to a snippet around them: FTS5's ``snippet()``, PostgreSQL's ``ts_headline``.
    Only for the rows given (a page): neither is cheap over a whole table."""
    words = _WORD.findall(text)
    if not rows or not words:
        return {}
    keys = [(r.article_id, r.attribution_id) for r in rows]
    wanted = tuple_(attributions.c.article_id, attributions.c.id).in_(keys)
    if dialect == "postgresql":
        options = (
            f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={SNIPPET_WORDS}, "
            'MinWords=10, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "'
        )
        marked = func.ts_headline(
            literal_column("'english'"), attributions.c.content, _tsquery(words), options
        )
        statement = select(attributions.c.article_id, attributions.c.id, marked).where(wanted)
    else:
        marked = func.snippet(
            literal_column("attributions_fts"), 0, MARK_START, MARK_END, "…", SNIPPET_WORDS
        )
        statement = (
            select(attributions.c.article_id, attributions.c.id, marked)
            .select_from(attributions.join(_FTS, _FTS.c.rowid == attributions.c.pk))
            .where(literal_column("attributions_fts").op("MATCH")(_fts_match(words)), wanted)
        )
    return {(r[0], r[1]): r[2] for r in conn.execute(statement) if r[2]}


FACETS = ("speaker", "publisher", "certainty", "stance", "year")


def _year(dialect: str) -> Any:
    # The stored day as text ("2024-03-21") on both backends; its first four characters.
    return func.substr(cast(articles.c.published_day, String), 1, 4)


def facets(
    conn: Connection, query: ClaimQuery, dialect: str, *, size: int = 10
) -> dict[str, list[tuple[str, int]]]:
    """For each facet, its most frequent values among the claims of ``query`` with that
    facet's own filter left out (so the other choices show too), and their counts."""
    columns = {
        "speaker": attributions.c.source_entity,
        "publisher": articles.c.publisher,
        "certainty": attributions.c.certainty,
        "stance": attributions.c.stance,
        "year": _year(dialect),
    }
    own = {
        "speaker": {"speaker": None},
        "publisher": {"publisher": None},
        "certainty": {"certainty": None},
        "stance": {"stance": None},
        "year": {"since": None, "until": None},
    }
    result: dict[str, list[tuple[str, int]]] = {}
    for name in FACETS:
        values = {k: getattr(query, k) for k in query.__dataclass_fields__}
        values.update(own[name], limit=None, offset=0, sort=None)
        where = _filters(ClaimQuery(**values), dialect, conn)
        value = columns[name].label("value")
        n = func.count().label("n")
        statement = (
            select(value, n)
            .select_from(_source_from_claims())
            .where(columns[name].is_not(None), *where)
            .group_by(value)
            .order_by(n.desc(), value)
            .limit(size)
        )
        rows = conn.execute(listing(statement, dialect))
        result[name] = [(str(row.value), int(row.n)) for row in rows]
    return result


def _sources_select(query: ClaimQuery, dialect: str, conn: Connection) -> Select[Any]:
    n_claims = func.count().label("claims")
    return (
        select(
            attributions.c.source_entity,
            n_claims,
            func.count(func.distinct(attributions.c.article_id)).label("articles"),
            func.min(articles.c.published_day).label("first"),
            func.max(articles.c.published_day).label("last"),
        )
        .select_from(_source_from_claims())
        .where(attributions.c.source_entity.is_not(None), *_filters(query, dialect, conn))
        .group_by(attributions.c.source_entity)
        .order_by(n_claims.desc(), attributions.c.source_entity)
    )


def count_sources(conn: Connection, query: ClaimQuery, dialect: str) -> int:
    inner = listing(_sources_select(query, dialect, conn).order_by(None), dialect).subquery()
    return conn.execute(select(func.count()).select_from(inner)).scalar_one()


def sources(conn: Connection, query: ClaimQuery, dialect: str) -> list[SourceRow]:
    statement = listing(_sources_select(query, dialect, conn), dialect)
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
            .select_from(_source_from_claims())
            .where(attributions.c.article_id == article_id, attributions.c.id == current)
        ).first()
        if row is None:
            break
        chain.append(_claim(row))
        current = row.nested_in
    return list(reversed(chain))


def _claim(row: Row[*tuple[Any, ...]]) -> ClaimRow:
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
        article_url=row.article_url,
        stance=row.stance,
        certainty=row.certainty,
        source_resolution=row.source_resolution,
        source_confidence=row.source_confidence,
        heading=article_heading(row.heading),
        relevance=_rounded(getattr(row, "relevance", None)),
    )


def _rounded(value: Any) -> float | None:
    return round(float(value), 4) if value is not None else None


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
