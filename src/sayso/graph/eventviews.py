"""Reading linked events: one event's mates in other articles, and the list of happenings
told by several articles (``sayso events``)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from sayso.errors import SaysoError
from sayso.serial import load_analysis
from sayso.store.queries import MAX_LIMIT
from sayso.store.schema import articles, graph_event_clusters, graph_events

MATES_SHOWN = 50


def _mate(row: Any) -> dict[str, Any]:
    return {
        "article_id": row.article_id,
        "event_id": row.event_id,
        "type": row.type,
        "trigger": row.trigger,
        "predicate": row.predicate,
        "codes": json.loads(row.codes),
        "day": row.day.isoformat() if row.day else None,
        "publisher": row.publisher,
        "title": row.title,
        "probability": round(row.probability, 3) if row.probability is not None else None,
    }


_MATE_COLUMNS = (
    graph_events.c.article_id,
    graph_events.c.event_id,
    graph_events.c.type,
    graph_events.c.trigger,
    graph_events.c.predicate,
    graph_events.c.codes,
    graph_events.c.day,
    graph_events.c.probability,
    articles.c.publisher,
    articles.c.title,
)


def event_mates(conn: Connection, article_id: str, event_id: str) -> dict[str, Any] | None:
    """The event's cluster and its members in other articles; None when not linked yet."""
    cluster = conn.execute(
        select(graph_events.c.cluster_id).where(
            graph_events.c.article_id == article_id, graph_events.c.event_id == event_id
        )
    ).scalar_one_or_none()
    if cluster is None:
        return None
    label = conn.execute(
        select(graph_event_clusters.c.label).where(graph_event_clusters.c.id == cluster)
    ).scalar_one()
    rows = conn.execute(
        select(*_MATE_COLUMNS)
        .select_from(graph_events.join(articles, articles.c.id == graph_events.c.article_id))
        .where(graph_events.c.cluster_id == cluster, graph_events.c.article_id != article_id)
        .order_by(graph_events.c.day, graph_events.c.article_id, graph_events.c.event_id)
        .limit(MATES_SHOWN)
    ).all()
    return {"cluster": cluster, "label": label, "elsewhere": [_mate(r) for r in rows]}


def linked_events(conn: Connection, article_id: str, attribution_id: str) -> list[dict[str, Any]]:
    """The events a claim asserts, each with its mates in other articles."""
    analysis = conn.execute(
        select(articles.c.analysis).where(articles.c.id == article_id)
    ).scalar_one_or_none()
    if analysis is None:
        return []
    read = load_analysis(json.loads(analysis))
    claim = read.attribution(attribution_id)
    found = []
    for event in read.events:
        if claim is None or event.id not in claim.events:
            continue
        mates = event_mates(conn, article_id, event.id)
        found.append(
            {
                "event_id": event.id,
                "type": event.type,
                "trigger": event.trigger.text,
                **(mates or {"cluster": None, "label": None, "elsewhere": []}),
            }
        )
    return found


def event_clusters(
    conn: Connection, *, min_articles: int = 2, kind: str | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    """Happenings told by at least ``min_articles`` articles, the most widely told first."""
    if not 0 <= limit <= MAX_LIMIT:
        raise SaysoError(f"limit must be between 0 and {MAX_LIMIT}")
    n_articles = func.count(func.distinct(graph_events.c.article_id)).label("articles")
    statement = (
        select(
            graph_event_clusters.c.id,
            graph_event_clusters.c.type,
            graph_event_clusters.c.label,
            n_articles,
            func.count().label("mentions"),
            func.min(graph_events.c.day).label("first"),
            func.max(graph_events.c.day).label("last"),
        )
        .select_from(
            graph_event_clusters.join(
                graph_events, graph_events.c.cluster_id == graph_event_clusters.c.id
            )
        )
        .group_by(
            graph_event_clusters.c.id, graph_event_clusters.c.type, graph_event_clusters.c.label
        )
        .having(n_articles >= min_articles)
        .order_by(n_articles.desc(), graph_event_clusters.c.id)
        .limit(limit)
    )
    if kind:
        statement = statement.where(graph_event_clusters.c.type == kind.upper())
    clusters = []
    for row in conn.execute(statement):
        members = conn.execute(
            select(*_MATE_COLUMNS)
            .select_from(graph_events.join(articles, articles.c.id == graph_events.c.article_id))
            .where(graph_events.c.cluster_id == row.id)
            .order_by(graph_events.c.day, graph_events.c.article_id, graph_events.c.event_id)
            .limit(MATES_SHOWN)
        ).all()
        clusters.append(
            {
                "id": row.id,
                "type": row.type,
                "label": row.label,
                "articles": row.articles,
                "mentions": row.mentions,
                "first_seen": row.first.isoformat() if row.first else None,
                "last_seen": row.last.isoformat() if row.last else None,
                "publishers": sorted({m.publisher for m in members if m.publisher}),
                "members": [_mate(m) for m in members],
            }
        )
    return clusters
