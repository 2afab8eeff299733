"""``sayso trace``: one claim and all its tellings across the store.

The trace of a claim is its cluster's tellings (each with its relation to the claim), their
provenance (``sayso.graph.provenance``) and the events it asserts linked across articles.
A claim can be named by id (``ARTICLE/aN``: the article id or a unique prefix, then the
attribution) or by words: the telling whose content is nearest in meaning is traced.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import and_, func, select
from sqlalchemy.engine import Connection, Row

from sayso.graph.embed import Embedder, default_embedder, from_blob
from sayso.graph.eventviews import linked_events
from sayso.graph.index import VectorIndex
from sayso.graph.provenance import score, summary
from sayso.graph.relations import TellingView, annotate
from sayso.graph.tellings import Voice
from sayso.store import Store
from sayso.store.schema import (
    articles,
    attributions,
    graph_articles,
    graph_claims,
    graph_clusters,
)

TELLINGS_SHOWN = 200
_CLAIM_ID = re.compile(r"^([0-9a-fA-F]{1,16})[/:# ]+([A-Za-z0-9_.-]{1,16})$")
MIN_TEXT_COSINE = 0.5  # a text query below this finds nothing rather than anything
NEAREST = 8
TIE = 0.03  # cosines this close to the nearest count as as near
OWN_VOICE_MARGIN = 0.15
DENIAL_MARGIN = 0.1


@dataclass(slots=True)
class ClaimTrace:
    """The cross-article view of one claim (the web app shows it under "Across articles")."""

    status: str  # linked, pending (not linked yet), none (no telling of its own)
    article_id: str
    attribution_id: str
    cluster: dict[str, Any] | None = None
    focus: TellingView | None = None
    stands_for: str | None = None  # a carrier or attitude: the telling traced instead
    tellings: list[TellingView] = field(default_factory=list)
    provenance: dict[str, Any] | None = None
    # A claim told through an intermediary ("Sokolov told Narva News that Kask said"): its
    # own say-so score, from its own chain alone, beside the cluster's.
    own_score: dict[str, Any] | None = None
    events: list[dict[str, Any]] = field(default_factory=list)
    query: dict[str, Any] | None = None  # a text query: the words and how close the claim is

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "article_id": self.article_id,
            "attribution_id": self.attribution_id,
            "stands_for": self.stands_for,
            "query": self.query,
            "cluster": self.cluster,
            "claim": self.focus.to_dict() if self.focus else None,
            "tellings": [t.to_dict() for t in self.tellings],
            "provenance": self.provenance,
            "own_score": self.own_score,
            "events": self.events,
        }


_MEMBER_COLUMNS = (
    graph_claims.c.article_id,
    graph_claims.c.attribution_id,
    graph_claims.c.polarity,
    graph_claims.c.denial,
    graph_claims.c.chain,
    graph_claims.c.score,
    graph_claims.c.kind,
    graph_claims.c.content.label("claim_text"),
    graph_articles.c.copy_of,
    graph_articles.c.containment,
    attributions.c.content,
    attributions.c.cue,
    attributions.c.stance,
    attributions.c.certainty,
    articles.c.publisher,
    articles.c.published_day,
    articles.c.ingested_at,
    articles.c.title,
    articles.c.url,
    articles.c.duplicate_of,
)


def _members(conn: Connection, *where: Any) -> list[TellingView]:
    statement = (
        select(*_MEMBER_COLUMNS)
        .select_from(
            graph_claims.join(articles, articles.c.id == graph_claims.c.article_id)
            .outerjoin(
                attributions,
                and_(
                    attributions.c.article_id == graph_claims.c.article_id,
                    attributions.c.id == graph_claims.c.attribution_id,
                ),
            )
            .outerjoin(graph_articles, graph_articles.c.article_id == graph_claims.c.article_id)
        )
        .where(*where)
        .order_by(
            articles.c.published_day,
            articles.c.ingested_at,
            articles.c.id,
            attributions.c.seq,
            graph_claims.c.attribution_id,
        )
    )
    return [_view(row) for row in conn.execute(statement)]


def _view(row: Row[*tuple[Any, ...]]) -> TellingView:
    # A missing publication date stays unknown: the day the store received the article is
    # another fact, shown as ``ingested``.
    day = row.published_day
    kind = row.kind or "attribution"
    return TellingView(
        article_id=row.article_id,
        attribution_id=row.attribution_id,
        content=row.content if row.content is not None else (row.claim_text or ""),
        cue=row.cue,
        polarity=int(row.polarity),
        denial=row.denial,
        chain=[Voice.from_dict(v) for v in json.loads(row.chain)],
        publisher=row.publisher,
        published=day.isoformat() if day else None,
        title=row.title,
        url=row.url,
        root=row.duplicate_of or row.copy_of or row.article_id,
        stance=row.stance,
        certainty=row.certainty,
        score=row.score,
        kind=kind,
        ingested=row.ingested_at.date().isoformat() if row.ingested_at else None,
        containment=row.containment if row.copy_of else None,
    )


def trace(store: Store, article_id: str, claim_id: str) -> ClaimTrace:
    """The claim's tellings across the store (``status`` says when there are none yet)."""
    with store.engine.connect() as conn:
        return trace_on(conn, article_id, claim_id)


def trace_on(conn: Connection, article_id: str, claim_id: str) -> ClaimTrace:
    result = ClaimTrace("pending", article_id, claim_id)
    row = conn.execute(
        select(graph_claims.c.role, graph_claims.c.telling_id, graph_claims.c.cluster_id).where(
            graph_claims.c.article_id == article_id, graph_claims.c.attribution_id == claim_id
        )
    ).first()
    if row is None:
        return result
    if row.role in ("carrier", "attitude") and row.telling_id:
        result.stands_for = row.telling_id
        row = conn.execute(
            select(graph_claims.c.cluster_id).where(
                graph_claims.c.article_id == article_id,
                graph_claims.c.attribution_id == row.telling_id,
            )
        ).first()
    if row is None or row.cluster_id is None:
        result.status = "none"
        return result
    _fill(conn, result, row.cluster_id, result.stands_for or claim_id)
    return result


def _fill(conn: Connection, result: ClaimTrace, cluster_id: int, focus_id: str) -> None:
    members = _members(conn, graph_claims.c.cluster_id == cluster_id)
    focus = next(
        m for m in members if (m.article_id, m.attribution_id) == (result.article_id, focus_id)
    )
    others = [m for m in members if m is not focus]
    annotate(focus, others)
    label = conn.execute(
        select(graph_clusters.c.label).where(graph_clusters.c.id == cluster_id)
    ).scalar_one()
    result.status = "linked"
    result.cluster = {"id": cluster_id, "label": label, "size": len(members)}
    result.focus = focus
    result.tellings = others[:TELLINGS_SHOWN]
    result.provenance = summary(members, focus.polarity)
    if focus.depth > 1:
        result.own_score = score([focus], focus.polarity)
    result.events = linked_events(conn, result.article_id, focus_id)


def resolve_claim_id(store: Store, query: str) -> tuple[str, str] | None:
    """``ARTICLE/aN`` (a unique article-id prefix is enough) as (article id, claim id)."""
    match = _CLAIM_ID.match(query.strip())
    if not match:
        return None
    article_id = store.resolve_article_id(match.group(1))
    return (article_id, match.group(2)) if article_id else None


def find_by_text(
    store: Store, text: str, embedder: Embedder | None = None
) -> tuple[str, str, float] | None:
    """The telling whose content is nearest in meaning to ``text``, and the cosine."""
    embedder = embedder or default_embedder()
    query = embedder.encode([text])[0]
    with store.engine.connect() as conn:
        total = conn.execute(
            select(func.count()).select_from(graph_claims).where(graph_claims.c.vector.is_not(None))
        ).scalar_one()
        index = VectorIndex(embedder.dimensions, total)
        keys: list[tuple[str, str, int, bool, int]] = []
        statement = (
            select(
                graph_claims.c.article_id,
                graph_claims.c.attribution_id,
                graph_claims.c.vector,
                graph_claims.c.polarity,
                graph_claims.c.kind,
                graph_claims.c.depth,
            )
            .where(graph_claims.c.vector.is_not(None))
            .order_by(graph_claims.c.article_id, graph_claims.c.attribution_id)
        )
        for chunk in conn.execute(statement).partitions(2000):
            index.add(np.stack([from_blob(r.vector) for r in chunk]))
            keys.extend(
                (r.article_id, r.attribution_id, int(r.polarity), r.kind == "own_voice", r.depth)
                for r in chunk
            )
    cosines, rows = index.search(query, NEAREST)
    if rows[0][0] < 0 or cosines[0][0] < MIN_TEXT_COSINE:
        return None
    # A denial is embedded as the claim it denies, so it ties with the claim: of the
    # tellings as near as the nearest, an attributed assertion told first-hand is traced.
    # A headline or lead (the publisher's own voice) is traced only when no attributed
    # telling comes within OWN_VOICE_MARGIN of it: a reader asking about a claim wants its
    # sources first.
    # Likewise a denial, embedded as the claim it denies: the words asked about are traced
    # from a telling that asserts them when one is nearly as near.
    ranked = [
        (keys[int(r)], float(c) - _margin(keys[int(r)]))
        for c, r in zip(cosines[0], rows[0], strict=True)
        if r >= 0
    ]
    best = max(c for _, c in ranked)
    near = [(key, c) for key, c in ranked if c >= best - TIE]
    key, cosine = min(near, key=lambda item: (item[0][2] < 0, item[0][4], -item[1]))
    return key[0], key[1], cosine + _margin(key)


def _margin(key: tuple[str, str, int, bool, int]) -> float:
    return (OWN_VOICE_MARGIN if key[3] else 0.0) + (DENIAL_MARGIN if key[2] < 0 else 0.0)
