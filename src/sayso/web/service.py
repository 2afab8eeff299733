"""What the pages and the API share: the app's state, look-ups that answer 404, the trace of
a claim, and analysing submitted text.

The claim-graph layer (``sayso.graph``, a later issue) plugs in through one seam,
:func:`graph_trace`: when ``sayso.graph`` has a ``trace`` function, the trace of a claim
carries what it returns under ``graph``; otherwise ``graph`` is ``None``.
"""

from __future__ import annotations

import importlib
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from fastapi import HTTPException, Request

from sayso.analyze import MAX_ARTICLE_CHARS, ArticleInput
from sayso.model import Analysis, Attribution, Event
from sayso.store import ArticleRecord, ClaimRow, SaveResult, Store
from sayso.web.submissions import SubmissionQueue

log = logging.getLogger("sayso.web")

MAX_PAGE = 100  # the largest page of results any list gives
DEFAULT_PAGE = 20
TELLINGS_SHOWN = 20
_CLAIM_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,32}$")


@dataclass(slots=True)
class WebState:
    """The app's settings and its store, on ``app.state.sayso``."""

    store: Store
    allow_submit: bool = False
    max_body: int = 2 * 1024 * 1024
    submissions: SubmissionQueue = field(default_factory=SubmissionQueue)


def state(request: Request) -> WebState:
    return request.app.state.sayso


def store_of(request: Request) -> Store:
    return state(request).store


def not_found(message: str) -> HTTPException:
    return HTTPException(status_code=404, detail=message)


def find_article(store: Store, article_id: str) -> ArticleRecord:
    """The article with this id (or a unique prefix of it); 404 otherwise."""
    found = store.resolve_article_id(article_id) if len(article_id) <= 64 else None
    record = store.article(found) if found else None
    if record is None:
        raise not_found(f"no article {article_id[:64]!r} in the store")
    return record


def find_attribution(record: ArticleRecord, claim_id: str) -> tuple[Analysis, Attribution]:
    analysis = record.analysis
    attribution = analysis.attribution(claim_id) if _CLAIM_ID.match(claim_id) else None
    if attribution is None:
        raise not_found(f"article {analysis.article.id} has no claim {claim_id[:32]!r}")
    return analysis, attribution


def find_event(record: ArticleRecord, event_id: str) -> tuple[Analysis, Event]:
    analysis = record.analysis
    event = analysis.event(event_id) if _CLAIM_ID.match(event_id) else None
    if event is None:
        raise not_found(f"article {analysis.article.id} has no event {event_id[:32]!r}")
    return analysis, event


def attribution_json(record: ArticleRecord, claim_id: str) -> dict[str, Any]:
    """The attribution exactly as stored (schema sayso/2, every field it has)."""
    for attribution in record.data.get("attributions") or []:
        if isinstance(attribution, dict) and attribution.get("id") == claim_id:
            return attribution
    raise not_found(f"no claim {claim_id[:32]!r}")


def article_summary(record: ArticleRecord) -> dict[str, Any]:
    article = record.data.get("article") or {}
    keys = ("id", "title", "publisher", "published", "url", "path", "byline")
    return {key: article.get(key) for key in keys}


@dataclass(slots=True)
class Trace:
    """A claim's say-so: the chain it is told through, what is told inside it, and where
    else the store holds the same words."""

    claim: ClaimRow
    provenance: list[ClaimRow]  # outermost first, ending with the claim
    nested: list[ClaimRow]
    tellings: list[ClaimRow]
    graph: Any = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim": self.claim.to_dict(),
            "provenance": [row.to_dict() for row in self.provenance],
            "nested": [row.to_dict() for row in self.nested],
            "tellings": [row.to_dict() for row in self.tellings],
            "graph": self.graph,
        }


def trace_claim(store: Store, article_id: str, claim_id: str) -> Trace:
    chain = store.provenance(article_id, claim_id) if _CLAIM_ID.match(claim_id) else []
    if not chain:
        raise not_found(f"article {article_id} has no claim {claim_id[:32]!r}")
    claim = chain[-1]
    nested = store.nested_claims(article_id, claim_id)
    # The claims it is told through or that are told inside it share its words: they are
    # its provenance, not other tellings.
    related = {(row.article_id, row.attribution_id) for row in chain + nested}
    tellings = [
        row
        for row in store.tellings(claim, limit=TELLINGS_SHOWN + len(related))
        if (row.article_id, row.attribution_id) not in related
    ]
    return Trace(
        claim=claim,
        provenance=chain,
        nested=nested,
        tellings=tellings[:TELLINGS_SHOWN],
        graph=graph_trace(store, article_id, claim_id),
    )


def graph_trace(store: Store, article_id: str, claim_id: str) -> Any:
    """The claim graph's view of a claim, when ``sayso.graph.trace`` exists, else None.

    The seam: ``sayso.graph.trace(store, article_id, claim_id)`` returning a JSON-ready
    dict or an object with ``to_dict()``. A failure there is logged and shown as None:
    the in-article provenance never depends on it.
    """
    try:
        graph = importlib.import_module("sayso.graph")
    except ImportError:
        return None
    trace = getattr(graph, "trace", None)
    if not callable(trace):
        return None
    try:
        result = trace(store, article_id, claim_id)
        return result.to_dict() if hasattr(result, "to_dict") else result
    except Exception:
        log.exception("sayso.graph.trace failed for %s/%s", article_id, claim_id)
        return None


def event_links(store: Store, article_id: str, event_id: str) -> dict[str, Any] | None:
    """The event's mates in other articles (``sayso.graph``), or None when it is not linked.

    Like :func:`graph_trace`, a failure there is logged and gives None: the event page
    never depends on it."""
    from sayso.graph.eventviews import event_mates

    try:
        with store.engine.connect() as conn:
            return event_mates(conn, article_id, event_id)
    except Exception:
        log.exception("linked events failed for %s/%s", article_id, event_id)
        return None


def forbid_submit() -> HTTPException:
    return HTTPException(
        status_code=403,
        detail="submitting articles is turned off: this server is read-only "
        "(start it with `sayso serve --allow-submit` to analyse pasted or uploaded text)",
    )


async def submit_analysis(
    web: WebState, text: str, *, save: bool, **metadata: str | None
) -> tuple[Analysis, SaveResult | None]:
    """Analyse one submitted text in the submission queue (its own worker process, never
    the threads serving reads; 503 with Retry-After when the queue is full)."""
    if not web.allow_submit:
        raise forbid_submit()
    if not text.strip():
        raise HTTPException(status_code=400, detail="the article text is empty")
    if any(value and "\x00" in value for value in (text, *metadata.values())):
        raise HTTPException(
            status_code=400, detail="the submission holds NUL characters: binary data, not text"
        )
    if len(text) > MAX_ARTICLE_CHARS:
        raise HTTPException(
            status_code=413,
            detail=f"the article has {len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,}",
        )
    item = ArticleInput(text=text, **metadata)
    return await web.submissions.submit(web.store, item, save=save)
