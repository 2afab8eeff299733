"""The claim graph's reads and writes in the store (tables of migration 0003).

Every value is a bound parameter; rows are read in chunks so a large store is never
loaded through one huge result.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from typing import Any

import numpy as np
from sqlalchemy import (
    Column,
    ForeignKey,
    MetaData,
    Table,
    bindparam,
    delete,
    func,
    select,
    text,
    union_all,
    update,
)
from sqlalchemy.engine import Connection

from sayso.graph.blocking import vector_keys
from sayso.graph.cluster import Placed, Stored, event_types
from sayso.graph.embed import from_blob, to_blob
from sayso.graph.tellings import ClaimFacts
from sayso.store.schema import (
    articles,
    graph_articles,
    graph_claim_keys,
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
    keys: Table

    def all(self) -> tuple[Table, ...]:
        """Children before parents: the order to drop them in."""
        return (
            self.keys,
            self.events,
            self.event_clusters,
            self.claims,
            self.clusters,
            self.articles,
        )


LIVE = GraphTables(
    graph_articles,
    graph_clusters,
    graph_claims,
    graph_event_clusters,
    graph_events,
    graph_claim_keys,
)
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
    return GraphTables(*(copies[getattr(LIVE, f.name).name] for f in fields(GraphTables)))


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


def days_of(conn: Connection, ids: list[str]) -> tuple[date, date] | None:
    """The first and last day of these articles (publication, else ingestion)."""
    days: list[date] = []
    for start in range(0, len(ids), 500):
        rows = conn.execute(
            select(articles.c.published_day, articles.c.ingested_at).where(
                articles.c.id.in_(ids[start : start + 500])
            )
        )
        days += [d for d in (r.published_day or _day(r.ingested_at) for r in rows) if d]
    return (min(days), max(days)) if days else None


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


_STORED = (
    graph_claims.c.seq,
    graph_claims.c.attribution_id,
    graph_claims.c.cluster_id,
    graph_claims.c.vector,
    graph_claims.c.entities,
    graph_claims.c.events,
    graph_claims.c["keys"],
)


def _stored(rows: Sequence[Any]) -> list[Stored]:
    return [
        Stored(
            r.seq,
            from_blob(r.vector),
            Placed(
                r.cluster_id,
                frozenset(json.loads(r.entities)),
                event_types(json.loads(r.events)),
                frozenset(json.loads(r.keys or "[]")),
                r.published_day,
                r.attribution_id in ("headline", "standfirst"),
            ),
        )
        for r in rows
    ]


def _stored_select(tables: GraphTables) -> Any:
    claims = tables.claims
    return select(*(claims.c[c.name] for c in _STORED), articles.c.published_day).join_from(
        claims, articles, articles.c.id == claims.c.article_id
    )


def placed_tellings(conn: Connection, tables: GraphTables = LIVE) -> Iterator[list[Stored]]:
    """Every clustered telling in the order it was placed, chunk by chunk."""
    claims = tables.claims
    last = 0
    while True:
        rows = conn.execute(
            _stored_select(tables)
            .where(claims.c.cluster_id.is_not(None), claims.c.seq > last)
            .order_by(claims.c.seq)
            .limit(CHUNK)
        ).all()
        if not rows:
            return
        yield _stored(rows)
        last = rows[-1].seq


def stored_tellings(conn: Connection, seqs: list[int], tables: GraphTables = LIVE) -> list[Stored]:
    """The placed tellings of these ``seq``."""
    found: list[Stored] = []
    for start in range(0, len(seqs), 500):
        chunk = seqs[start : start + 500]
        found += _stored(
            conn.execute(_stored_select(tables).where(tables.claims.c.seq.in_(chunk))).all()
        )
    return found


def latest_by_key(
    conn: Connection, keys: list[str], limit: int, tables: GraphTables = LIVE
) -> dict[str, list[int]]:
    """The ``seq`` of the latest ``limit`` tellings under each key, oldest first: one query,
    each key read from the primary key's index alone."""
    found: dict[str, list[int]] = {key: [] for key in keys}
    table = tables.keys
    for start in range(0, len(keys), 200):
        parts = [
            select(table.c.key, table.c.seq)
            .where(table.c.key == key)
            .order_by(table.c.seq.desc())
            .limit(limit)
            .subquery()
            .select()
            for key in keys[start : start + 200]
        ]
        statement = parts[0] if len(parts) == 1 else union_all(*parts)
        for key, seq in conn.execute(statement):
            found[key].append(seq)
    return {key: sorted(seqs) for key, seqs in found.items()}


def centroids(
    conn: Connection, clusters: list[int], tables: GraphTables = LIVE
) -> dict[int, np.ndarray]:
    """The stored vector sums of these clusters (a cluster without one is left out)."""
    table = tables.clusters
    found: dict[int, np.ndarray] = {}
    for start in range(0, len(clusters), 500):
        rows = conn.execute(
            select(table.c.id, table.c.centroid).where(
                table.c.id.in_(clusters[start : start + 500]), table.c.centroid.is_not(None)
            )
        )
        for cluster, blob in rows:
            found[cluster] = np.frombuffer(blob, dtype=np.float32).copy()
    return found


def save_centroids(
    conn: Connection, sums: dict[int, np.ndarray], tables: GraphTables = LIVE
) -> None:
    if sums:
        table = tables.clusters
        conn.execute(
            update(table)
            .where(table.c.id == bindparam("cluster"))
            .values(centroid=bindparam("blob")),
            [
                {"cluster": c, "blob": np.asarray(v, dtype=np.float32).tobytes()}
                for c, v in sums.items()
            ],
        )


def next_seq(conn: Connection, tables: GraphTables = LIVE) -> int:
    return int(conn.execute(select(func.max(tables.claims.c.seq))).scalar() or 0) + 1


class StoredClaims:
    """The store's placed tellings as a bounded clusterer reads them (``ClaimSource``),
    through the connection of the batch being linked."""

    def __init__(self, tables: GraphTables = LIVE, empty: bool = False) -> None:
        self.tables = tables
        self.conn: Connection | None = None
        # Nothing was placed before this run: what it places, the clusterer holds already.
        self.empty = empty

    def _connection(self) -> Connection:
        assert self.conn is not None, "set StoredClaims.conn to the batch's connection"
        return self.conn

    def latest(self, keys: list[str], limit: int) -> dict[str, list[int]]:
        if self.empty:
            return {key: [] for key in keys}
        return latest_by_key(self._connection(), keys, limit, self.tables)

    def tellings(self, seqs: list[int]) -> list[Stored]:
        return stored_tellings(self._connection(), seqs, self.tables)

    def sums(self, clusters: list[int]) -> dict[int, np.ndarray]:
        return centroids(self._connection(), clusters, self.tables)


def claim_keys(seq: int, keys: frozenset[str], vector: np.ndarray) -> list[dict[str, Any]]:
    """The rows of ``graph_claim_keys`` for one placed telling."""
    return [{"key": k[:255], "seq": seq} for k in sorted({*keys, *vector_keys(vector)})]


def write_keys(conn: Connection, rows: list[dict[str, Any]], tables: GraphTables = LIVE) -> None:
    if rows:
        conn.execute(tables.keys.insert(), rows)


def backfill(conn: Connection, tables: GraphTables = LIVE) -> int:
    """Give tellings placed before migration 0008 their order, keys and cluster sums (in
    the order the linker read them then: by article and attribution); how many."""
    claims = tables.claims
    missing = select(func.count()).where(claims.c.cluster_id.is_not(None), claims.c.seq.is_(None))
    if not conn.execute(missing).scalar_one():
        return 0
    seq = next_seq(conn, tables)
    done = 0
    while True:
        rows = conn.execute(
            select(claims.c.article_id, claims.c.attribution_id, claims.c.vector, claims.c["keys"])
            .where(claims.c.cluster_id.is_not(None), claims.c.seq.is_(None))
            .order_by(claims.c.article_id, claims.c.attribution_id)
            .limit(CHUNK)
        ).all()
        if not rows:
            break
        keys: list[dict[str, Any]] = []
        numbered = []
        for row in rows:
            numbered.append({"a": row.article_id, "c": row.attribution_id, "s": seq})
            keys += claim_keys(seq, frozenset(json.loads(row.keys or "[]")), from_blob(row.vector))
            seq += 1
        conn.execute(
            update(claims)
            .where(claims.c.article_id == bindparam("a"), claims.c.attribution_id == bindparam("c"))
            .values(seq=bindparam("s")),
            numbered,
        )
        write_keys(conn, keys, tables)
        done += len(rows)
    sums: dict[int, np.ndarray] = {}
    for chunk in placed_tellings(conn, tables):
        for item in chunk:
            total = sums.get(item.placed.cluster)
            sums[item.placed.cluster] = item.vector.copy() if total is None else total + item.vector
    save_centroids(conn, sums, tables)
    return done


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
    seq: int | None = None,
) -> dict[str, Any]:
    origin = facts.origin
    return {
        "seq": seq,
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
    for table in LIVE.all():
        conn.execute(delete(table))
