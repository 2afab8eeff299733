"""The claim graph's reads and writes in the store (tables of migration 0003).

Every value is a bound parameter; rows are read in chunks so a large store is never
loaded through one huge result.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import numpy as np
from sqlalchemy import Column, ForeignKey, MetaData, Table, delete, func, select, text
from sqlalchemy.engine import Connection

from sayso.graph.cluster import Placed, event_types
from sayso.graph.embed import from_blob, to_blob
from sayso.graph.tellings import ClaimFacts
from sayso.store.schema import (
    articles,
    graph_articles,
    graph_claims,
    graph_clusters,
    graph_event_clusters,
    graph_events,
)

CHUNK = 2000


@dataclass(frozen=True, slots=True)
class GraphTables:
    """The claim graph's tables: the live ones, or the ones ``sayso link --rebuild`` fills
    before it swaps them in (readers keep the old graph until then)."""

    articles: Table
    clusters: Table
    claims: Table
    event_clusters: Table
    events: Table

    def all(self) -> tuple[Table, ...]:
        """Children before parents: the order to drop them in."""
        return (self.events, self.event_clusters, self.claims, self.clusters, self.articles)


LIVE = GraphTables(graph_articles, graph_clusters, graph_claims, graph_event_clusters, graph_events)
REBUILD_SUFFIX = "_rebuild"


def rebuild_tables() -> GraphTables:
    """Tables like the live ones, named ``…_rebuild``, referring to each other, without
    secondary indexes (made at the swap, under the live names)."""
    metadata = MetaData()
    renamed = {table.name: table.name + REBUILD_SUFFIX for table in LIVE.all()}
    copies: dict[str, Table] = {}
    for table in reversed(LIVE.all()):  # parents first: the children refer to them
        columns = []
        for column in table.columns:
            keys = []
            for key in column.foreign_keys:
                target = key.column
                if target.table.name in copies:
                    target = copies[target.table.name].c[target.name]
                keys.append(ForeignKey(target))
            columns.append(
                Column(
                    column.name,
                    column.type,
                    *keys,
                    primary_key=column.primary_key,
                    nullable=column.nullable,
                    autoincrement=column.autoincrement,
                )
            )
        copies[table.name] = Table(renamed[table.name], metadata, *columns)
    return GraphTables(
        *(
            copies[t.name]
            for t in (
                graph_articles,
                graph_clusters,
                graph_claims,
                graph_event_clusters,
                graph_events,
            )
        )
    )


def start_rebuild(conn: Connection) -> GraphTables:
    """The rebuild tables, created if missing: a rebuild stopped half-way goes on."""
    tables = rebuild_tables()
    for table in reversed(tables.all()):
        table.create(conn, checkfirst=True)
    return tables


def swap_in(conn: Connection, tables: GraphTables) -> None:
    """Replace the live graph by the rebuilt one, in the caller's transaction: readers see
    the old graph until it commits, then the new one, never an empty one."""
    postgres = conn.dialect.name == "postgresql"
    for live in LIVE.all():  # children first: the foreign keys allow it
        live.drop(conn)
    for live, new in zip(reversed(LIVE.all()), reversed(tables.all()), strict=True):
        conn.execute(text(f'ALTER TABLE "{new.name}" RENAME TO "{live.name}"'))
        if postgres:
            # Name the primary key's index and the id sequence as a new store has them,
            # so the next rebuild's tables can take the ``_rebuild`` names again.
            conn.execute(text(f'ALTER INDEX "{new.name}_pkey" RENAME TO "{live.name}_pkey"'))
            if "id" in new.c and new.c.id.autoincrement is True:
                conn.execute(
                    text(f'ALTER SEQUENCE "{new.name}_id_seq" RENAME TO "{live.name}_id_seq"')
                )
    for live in LIVE.all():
        for index in sorted(live.indexes, key=lambda i: str(i.name)):
            index.create(conn)


def drop_rebuild(conn: Connection) -> None:
    for table in rebuild_tables().all():
        table.drop(conn, checkfirst=True)


@dataclass(frozen=True, slots=True)
class PendingArticle:
    id: str
    data: dict[str, Any]
    day: date | None  # publication day, else the day it was ingested
    published: date | None = None  # publication day only (None: unknown)
    text: str = ""
    duplicate_of: str | None = None


def now() -> datetime:
    return datetime.now(UTC)


def pending_ids(conn: Connection, tables: GraphTables = LIVE) -> list[str]:
    """Stored articles the graph has not read, in the order they were ingested."""
    read = tables.articles
    statement = (
        select(articles.c.id)
        .outerjoin(read, read.c.article_id == articles.c.id)
        .where(read.c.article_id.is_(None))
        .order_by(articles.c.ingested_at, articles.c.id)
    )
    return list(conn.execute(statement).scalars())


def load_articles(conn: Connection, ids: list[str]) -> list[PendingArticle]:
    rows = conn.execute(
        select(
            articles.c.id,
            articles.c.analysis,
            articles.c.published_day,
            articles.c.ingested_at,
            articles.c.text,
            articles.c.duplicate_of,
        ).where(articles.c.id.in_(ids))
    ).all()
    by_id = {
        r.id: PendingArticle(
            r.id,
            json.loads(r.analysis),
            r.published_day or _day(r.ingested_at),
            r.published_day,
            r.text,
            r.duplicate_of,
        )
        for r in rows
    }
    return [by_id[i] for i in ids if i in by_id]


def _day(value: Any) -> date | None:
    return value.date() if isinstance(value, datetime) else None


def count_placed(conn: Connection, tables: GraphTables = LIVE) -> int:
    claims = tables.claims
    return conn.execute(
        select(func.count()).select_from(claims).where(claims.c.cluster_id.is_not(None))
    ).scalar_one()


def placed_tellings(
    conn: Connection, tables: GraphTables = LIVE
) -> Iterator[tuple[np.ndarray, list[Placed]]]:
    """Every clustered telling's vector and what agreement needs, chunk by chunk."""
    graph_claims = tables.claims
    last: tuple[str, str] = ("", "")
    while True:
        rows = conn.execute(
            select(
                graph_claims.c.article_id,
                graph_claims.c.attribution_id,
                graph_claims.c.cluster_id,
                graph_claims.c.vector,
                graph_claims.c.entities,
                graph_claims.c.events,
                graph_claims.c["keys"],
                articles.c.published_day,
            )
            .join_from(graph_claims, articles, articles.c.id == graph_claims.c.article_id)
            .where(
                graph_claims.c.cluster_id.is_not(None),
                (graph_claims.c.article_id > last[0])
                | (
                    (graph_claims.c.article_id == last[0])
                    & (graph_claims.c.attribution_id > last[1])
                ),
            )
            .order_by(graph_claims.c.article_id, graph_claims.c.attribution_id)
            .limit(CHUNK)
        ).all()
        if not rows:
            return
        vectors = np.stack([from_blob(r.vector) for r in rows])
        placed = [
            Placed(
                r.cluster_id,
                frozenset(json.loads(r.entities)),
                event_types(json.loads(r.events)),
                frozenset(json.loads(r.keys or "[]")),
                r.published_day,
                r.attribution_id in ("headline", "standfirst"),
            )
            for r in rows
        ]
        yield vectors, placed
        last = (rows[-1].article_id, rows[-1].attribution_id)


def new_cluster(conn: Connection, label: str, tables: GraphTables = LIVE) -> int:
    result = conn.execute(tables.clusters.insert().values(label=label[:500], created_at=now()))
    key = result.inserted_primary_key
    assert key is not None  # an INSERT of one row
    return int(key[0])


def claim_row(
    article_id: str,
    facts: ClaimFacts,
    *,
    cluster: int | None,
    vector: np.ndarray | None,
    score: float | None,
) -> dict[str, Any]:
    origin = facts.origin
    return {
        "article_id": article_id,
        "attribution_id": facts.attribution_id,
        "role": facts.role,
        "cluster_id": cluster,
        "telling_id": facts.telling_id,
        "vector": to_blob(vector) if vector is not None else None,
        "polarity": facts.polarity,
        "denial": facts.denial,
        "origin_key": origin.key if origin else None,
        "origin_name": origin.name if origin else None,
        "origin_anonymous": bool(origin and origin.anonymous),
        "depth": len(facts.chain),
        "chain": json.dumps([v.to_dict() for v in facts.chain], ensure_ascii=False),
        "entities": json.dumps(facts.entities, ensure_ascii=False),
        "events": json.dumps(facts.events, ensure_ascii=False),
        "score": score,
        "linked_at": now(),
        "kind": facts.kind,
        "content": facts.text,
        "keys": json.dumps(facts.keys, ensure_ascii=False),
    }


def write_claims(conn: Connection, rows: list[dict[str, Any]], tables: GraphTables = LIVE) -> None:
    if rows:
        conn.execute(tables.claims.insert(), rows)


def mark_read(
    conn: Connection,
    article_ids: list[str],
    copies: dict[str, tuple[str, float]] | None = None,
    tables: GraphTables = LIVE,
) -> None:
    """Mark articles linked, with the wire original each is a copy of (containment)."""
    if article_ids:
        stamp = now()
        copies = copies or {}
        conn.execute(
            tables.articles.insert(),
            [
                {
                    "article_id": i,
                    "linked_at": stamp,
                    "copy_of": copies[i][0] if i in copies else None,
                    "containment": round(copies[i][1], 4) if i in copies else None,
                }
                for i in article_ids
            ],
        )


def sharing_articles(
    conn: Connection,
    article_id: str,
    clusters: set[int],
    minimum: int,
    tables: GraphTables = LIVE,
) -> list[tuple[str, str, str]]:
    """Articles with ``minimum`` or more of ``clusters``: (id, text, wire original)."""
    graph_claims, graph_articles = tables.claims, tables.articles
    shared = (
        select(graph_claims.c.article_id, func.count(func.distinct(graph_claims.c.cluster_id)))
        .where(graph_claims.c.cluster_id.in_(sorted(clusters)))
        .where(graph_claims.c.article_id != article_id)
        .group_by(graph_claims.c.article_id)
        .having(func.count(func.distinct(graph_claims.c.cluster_id)) >= minimum)
    )
    ids = [row[0] for row in conn.execute(shared)]
    if not ids:
        return []
    rows = conn.execute(
        select(articles.c.id, articles.c.text, articles.c.duplicate_of, graph_articles.c.copy_of)
        .outerjoin(graph_articles, graph_articles.c.article_id == articles.c.id)
        .where(articles.c.id.in_(ids))
        .order_by(articles.c.ingested_at, articles.c.id)
    ).all()
    return [(r.id, r.text, r.duplicate_of or r.copy_of or r.id) for r in rows]


def clear(conn: Connection) -> None:
    """Forget the whole graph (``sayso link --rebuild``): every article is pending again."""
    for table in (graph_events, graph_event_clusters, graph_claims, graph_clusters, graph_articles):
        conn.execute(delete(table))
