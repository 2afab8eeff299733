"""The store: every analysis in a database, written once, queryable.

Each article is written in its own transaction. An article is stored once: the same text
(by content hash, or the same words after folding case and whitespace) adds nothing, and a
near-duplicate (a wire copy with small edits) is stored linked to its original through
``articles.duplicate_of``. The complete analysis JSON is kept next to the normalised
tables, so fields a newer model adds survive a round trip.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from sayso.model import Analysis
from sayso.serial import load_analysis, record
from sayso.store import explore, neardup, queries
from sayso.store.engine import DEFAULT_URL, is_read_only, make_engine, writing
from sayso.store.explore import ArticleRow, EntityHit, EntityProfile, Relation
from sayso.store.migrate import check_current, upgrade
from sayso.store.queries import ArticleRecord, ClaimQuery, ClaimRow, SourceRow
from sayso.store.rows import article_row, attribution_rows, entity_rows, removed_rows
from sayso.store.schema import (
    articles,
    attributions,
    entities,
    failures,
    mentions,
    minhash_bands,
    minhashes,
    removed,
)


class SaveStatus(StrEnum):
    NEW = "new"  # stored as an original article
    NEAR_DUPLICATE = "near_duplicate"  # stored, linked to its original
    DUPLICATE = "duplicate"  # already in the store: nothing added


@dataclass(frozen=True, slots=True)
class SaveResult:
    status: SaveStatus
    article_id: str  # the stored article (for a duplicate: the one already there)
    duplicate_of: str | None = None
    similarity: float | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    item: str
    input: str
    error: str
    failed_at: datetime


@dataclass(slots=True)
class StoreSummary:
    articles: int
    near_duplicates: int
    attributions: int
    speakers: int
    failures: int
    top_speakers: list[tuple[str, int]]


class Store:
    """A sayso store over SQLAlchemy; the schema is migrated to the newest on opening."""

    def __init__(self, engine: Engine, *, migrate: bool = True, read_only: bool = False) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self.read_only = read_only
        if read_only:
            check_current(engine)
        elif migrate:
            upgrade(engine)

    @classmethod
    def open(cls, url: str = DEFAULT_URL, *, read_only: bool | None = None) -> Store:
        """``read_only`` None: as the store allows (a SQLite file on read-only media or
        without write permission is opened for reading only: queries and ``sayso serve``
        work, writes fail with a clear error)."""
        if read_only is None:
            read_only = is_read_only(url)
        return cls(make_engine(url, read_only=read_only), read_only=read_only)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------

    def add(self, analysis: Analysis | dict[str, Any], *, item: str | None = None) -> SaveResult:
        """Store one analysis (a model object or its JSON form) in its own transaction.

        Exactly once with any number of writers: the check for the same text, the choice
        of the original a near-duplicate copies and the insert are one transaction under
        the store's write lock (:func:`sayso.store.engine.writing`), and the database's
        unique keys (``content_hash``, ``norm_key``) refuse a second copy even so.
        """
        data = record(analysis) if isinstance(analysis, Analysis) else analysis
        text = data["article"]["text"]
        exact, folded = neardup.content_hash(text), neardup.normalised_hash(text)
        signature = neardup.signature(text)  # outside the lock: it is the slow part
        try:
            with writing(self.engine) as conn:
                found = self._existing(conn, exact, folded)
                if found is not None:
                    if item is not None:
                        conn.execute(delete(failures).where(failures.c.item == item))
                    return SaveResult(SaveStatus.DUPLICATE, found)
                original, similarity = self._nearest(conn, signature)
                extra = {
                    "content_hash": exact,
                    "norm_hash": folded,
                    "norm_key": folded,
                    "duplicate_of": original,
                    "similarity": similarity,
                    "input": item,
                }
                self._insert(conn, data, extra, signature)
                if item is not None:
                    conn.execute(delete(failures).where(failures.c.item == item))
        except IntegrityError:
            # A writer without the lock (an older sayso) stored the same text between our
            # check and our insert: the unique keys refused ours, so it is a duplicate.
            with self.engine.connect() as conn:
                found = self._existing(conn, exact, folded)
            if found is None:
                raise
            return SaveResult(SaveStatus.DUPLICATE, found)
        status = SaveStatus.NEW if original is None else SaveStatus.NEAR_DUPLICATE
        return SaveResult(status, data["article"]["id"], original, similarity)

    def save(self, analysis: Analysis) -> bool:
        """Store one analysis; False when the article was already there."""
        return self.add(analysis).status is not SaveStatus.DUPLICATE

    def record_failure(self, item: str, input_name: str, error: str) -> None:
        """Remember why an input item failed; a later success of the same item clears it."""
        with writing(self.engine) as conn:
            conn.execute(delete(failures).where(failures.c.item == item))
            conn.execute(
                failures.insert().values(
                    item=item, input=input_name, error=error, failed_at=datetime.now(UTC)
                )
            )

    def _existing(self, conn: Connection, exact: str, folded: str) -> str | None:
        row = conn.execute(
            select(articles.c.id)
            .where((articles.c.content_hash == exact) | (articles.c.norm_hash == folded))
            .order_by(articles.c.ingested_at, articles.c.id)
            .limit(1)
        ).first()
        return row[0] if row else None

    def _nearest(
        self, conn: Connection, signature: neardup.Signature | None
    ) -> tuple[str | None, float | None]:
        if signature is None:
            return None, None
        bands = [
            (minhash_bands.c.band == band) & (minhash_bands.c.key == key)
            for band, key in signature.band_keys()
        ]
        candidates = set(
            conn.execute(select(minhash_bands.c.article_id).where(or_(*bands))).scalars()
        )
        best: tuple[float, str] | None = None
        for article_id, blob in conn.execute(
            select(minhashes.c.article_id, minhashes.c.signature).where(
                minhashes.c.article_id.in_(sorted(candidates))
            )
        ):
            similarity = signature.similarity(neardup.Signature.from_bytes(blob))
            if similarity >= neardup.THRESHOLD and (
                best is None or (similarity, article_id) > best
            ):
                best = (similarity, article_id)
        if best is None:
            return None, None
        root = conn.execute(
            select(articles.c.duplicate_of).where(articles.c.id == best[1])
        ).scalar_one()
        return root or best[1], best[0]

    def _insert(
        self,
        conn: Connection,
        data: dict[str, Any],
        extra: dict[str, Any],
        signature: neardup.Signature | None,
    ) -> None:
        article_id = data["article"]["id"]
        conn.execute(articles.insert().values(**article_row(data, **extra)))
        entity_list, mention_list = entity_rows(data)
        for table, rows in (
            (removed, removed_rows(data)),
            (entities, entity_list),
            (mentions, mention_list),
            (attributions, attribution_rows(data)),
        ):
            if rows:
                conn.execute(table.insert(), rows)
        if signature is not None:
            conn.execute(
                minhashes.insert().values(article_id=article_id, signature=signature.to_bytes())
            )
            conn.execute(
                minhash_bands.insert(),
                [{"band": b, "key": k, "article_id": article_id} for b, k in signature.band_keys()],
            )

    # -- reading ---------------------------------------------------------------------

    def is_known(self, text: str) -> bool:
        """Whether an article with this text (exactly, or folding case and spacing) is stored."""
        exact, folded = neardup.content_hash(text), neardup.normalised_hash(text)
        with self.engine.connect() as conn:
            return self._existing(conn, exact, folded) is not None

    def clear_failure(self, item: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(failures).where(failures.c.item == item))

    def known_texts(self, texts: Iterable[str]) -> set[str]:
        """The content hashes, among those of ``texts``, already in the store."""
        hashes = {neardup.content_hash(text) for text in texts}
        return self.known_hashes(hashes)

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        wanted = sorted(set(hashes))
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                rows = conn.execute(
                    select(articles.c.content_hash).where(articles.c.content_hash.in_(chunk))
                )
                found.update(row[0] for row in rows)
        return found

    def has(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            row = conn.execute(select(articles.c.id).where(articles.c.id == article_id)).first()
        return row is not None

    def resolve_article_id(self, prefix: str) -> str | None:
        """The article whose id is ``prefix`` or the one article whose id starts with it."""
        if not prefix or not all(c in "0123456789abcdef" for c in prefix.lower()):
            return None
        prefix = prefix.lower()
        with self.engine.connect() as conn:
            found = (
                conn.execute(
                    select(articles.c.id)
                    .where(articles.c.id.startswith(prefix, autoescape=True))
                    .order_by(articles.c.id)
                    .limit(2)
                )
                .scalars()
                .all()
            )
        if prefix in found:
            return prefix
        return found[0] if len(found) == 1 else None

    def load(self, article_id: str) -> Analysis | None:
        data = self.load_dict(article_id)
        return load_analysis(data) if data is not None else None

    def load_dict(self, article_id: str) -> dict[str, Any] | None:
        """The analysis exactly as stored (its JSON form, with every field it had)."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(articles.c.analysis).where(articles.c.id == article_id)
            ).first()
        return json.loads(row[0]) if row else None

    def article(self, article_id: str) -> ArticleRecord | None:
        """One article with its analysis, its original or near-duplicates, and its input."""
        with self.engine.connect() as conn:
            return queries.article_record(conn, article_id)

    def provenance(self, article_id: str, attribution_id: str) -> list[ClaimRow]:
        """The chain of say-so behind one claim, outermost first, ending with the claim."""
        with self.engine.connect() as conn:
            return queries.provenance(conn, article_id, attribution_id)

    def claims(self, query: ClaimQuery | None = None, **filters: Any) -> list[ClaimRow]:
        """Attributions matching the filters (see :class:`ClaimQuery`)."""
        query = query or ClaimQuery(**filters)
        with self.engine.connect() as conn:
            return queries.claims(conn, query, self.dialect)

    def count_claims(self, query: ClaimQuery | None = None, **filters: Any) -> int:
        query = query or ClaimQuery(**filters)
        with self.engine.connect() as conn:
            return queries.count_claims(conn, query, self.dialect)

    def sources(self, query: ClaimQuery | None = None, **filters: Any) -> list[SourceRow]:
        """Speakers ranked by how many claims they make, under the same filters."""
        query = query or ClaimQuery(**filters)
        with self.engine.connect() as conn:
            return queries.sources(conn, query, self.dialect)

    def count_sources(self, query: ClaimQuery | None = None, **filters: Any) -> int:
        """How many distinct speakers make the claims of ``query``."""
        query = query or ClaimQuery(**filters)
        with self.engine.connect() as conn:
            return queries.count_sources(conn, query, self.dialect)

    def facets(
        self, query: ClaimQuery | None = None, *, size: int = 10, **filters: Any
    ) -> dict[str, list[tuple[str, int]]]:
        """Counts of speakers, publishers, certainty, stance and years among the claims of
        ``query`` (each facet without its own filter)."""
        query = query or ClaimQuery(**filters)
        with self.engine.connect() as conn:
            return queries.facets(conn, query, self.dialect, size=size)

    def snippets(self, rows: list[ClaimRow], text: str) -> dict[tuple[str, str], str]:
        """The words of ``text`` marked in each row's content, cut to a snippet
        (``queries.MARK_START``/``MARK_END`` around each match)."""
        with self.engine.connect() as conn:
            return queries.snippets(conn, rows, text, self.dialect)

    def export_claims(self, query: ClaimQuery, *, chunk: int = 500) -> Iterator[ClaimRow]:
        """Every claim of ``query`` (its paging too), read from the database in chunks as
        they are consumed: for streaming a large export without holding it in memory."""
        with self.engine.connect() as conn:
            statement = queries.ordered_claims(conn, query, self.dialect)
            result = conn.execution_options(stream_results=True, yield_per=chunk).execute(statement)
            for row in result:
                yield queries.claim_row(row)

    def claim(self, article_id: str, attribution_id: str) -> ClaimRow | None:
        """One claim, or None."""
        chain = self.provenance(article_id, attribution_id)
        return chain[-1] if chain else None

    def nested_claims(self, article_id: str, attribution_id: str) -> list[ClaimRow]:
        """The claims told inside this one's content."""
        with self.engine.connect() as conn:
            return explore.nested_claims(conn, article_id, attribution_id)

    def tellings(self, claim: ClaimRow, *, limit: int = 20) -> list[ClaimRow]:
        """Other claims in the store telling the same words (full-text search)."""
        with self.engine.connect() as conn:
            return explore.tellings(conn, self.dialect, claim, limit=limit)

    def articles(self, **filters: Any) -> tuple[list[ArticleRow], int]:
        """Articles, newest first, and how many match: ``publisher``, ``title``, paging."""
        with self.engine.connect() as conn:
            return explore.list_articles(conn, **filters)

    def headings(self, article_ids: list[str]) -> dict[str, str]:
        """What to call each article (title, standfirst or first line; never a path)."""
        with self.engine.connect() as conn:
            return explore.article_headings(conn, article_ids)

    def entity(self, name: str) -> EntityProfile | None:
        """An entity across articles (by name, and every spelling sharing its canonical key)."""
        with self.engine.connect() as conn:
            return explore.entity_profile(conn, name)

    def entity_claims(
        self, name: str, relation: Relation, *, limit: int | None = 50, offset: int = 0
    ) -> tuple[list[ClaimRow], int]:
        """What an entity said, or what others said about it; and how many in all."""
        with self.engine.connect() as conn:
            return explore.entity_claims(
                conn, self.dialect, name, relation, limit=limit, offset=offset
            )

    def search_entities(
        self, text: str, *, limit: int = 20, offset: int = 0
    ) -> tuple[list[EntityHit], int]:
        """Entity names holding ``text``, the most widely named first; and how many."""
        with self.engine.connect() as conn:
            return explore.search_entities(conn, text, limit=limit, offset=offset)

    def failures(self) -> list[Failure]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(failures).order_by(failures.c.item)).all()
        return [Failure(r.item, r.input, r.error, r.failed_at) for r in rows]

    def article_ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(articles.c.id).order_by(articles.c.id)).scalars())

    def summary(self, top: int = 5) -> StoreSummary:
        with self.engine.connect() as conn:
            originals = _count(conn, articles, articles.c.duplicate_of.is_(None))
            near = _count(conn, articles, articles.c.duplicate_of.is_not(None))
            n_failures = _count(conn, failures)
        sources = self.sources(ClaimQuery(limit=None))
        n_attributions = self.count_claims(ClaimQuery())
        return StoreSummary(
            articles=originals,
            near_duplicates=near,
            attributions=n_attributions,
            speakers=len(sources),
            failures=n_failures,
            top_speakers=[(s.speaker, s.claims) for s in sources[:top]],
        )


def _count(conn: Connection, table: Any, *where: Any) -> int:
    return conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()


def open_store(url: str = DEFAULT_URL, *, read_only: bool | None = None) -> Store:
    """Open (and create or migrate) the store at ``url``: a SQLAlchemy URL or a file name;
    a store that cannot be written is opened for reading (see :meth:`Store.open`)."""
    return Store.open(url, read_only=read_only)


__all__: Sequence[str] = [
    "ClaimQuery",
    "ClaimRow",
    "Failure",
    "SaveResult",
    "SaveStatus",
    "SourceRow",
    "Store",
    "StoreSummary",
    "open_store",
]
