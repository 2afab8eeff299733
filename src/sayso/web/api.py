"""The REST API under ``/api/``: JSON for claims, articles, entities, events and traces.

Every list is paged (``limit`` at most :data:`MAX_PAGE`, ``offset``) and says how many
results there are in all and where the next page is. Bad parameters answer 400 with a
message naming them; unknown articles, claims, events and entities 404.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse

from sayso.web import models
from sayso.web.params import (
    MAX_TEXT,
    ClaimFilters,
    Limit,
    Offset,
    Pager,
    claim_filters,
    text_param,
)
from sayso.web.service import (
    DEFAULT_PAGE,
    article_summary,
    attribution_json,
    event_links,
    find_article,
    find_attribution,
    find_event,
    forbid_submit,
    not_found,
    state,
    store_of,
    submit_analysis,
    trace_claim,
)

router = APIRouter(prefix="/api", tags=["api"])

ArticleId = Annotated[str, Path(description="Article id, or its first characters.")]
ClaimId = Annotated[str, Path(description="Attribution id within the article: a1, a2…")]
EventId = Annotated[str, Path(description="Event id within the article: v1, v2…")]
EntityName = Annotated[str, Path(max_length=MAX_TEXT, description="Entity name.")]


def _linker(request: Request, **params: Any) -> Callable[[int], str]:
    """A function giving the URL of the same list at another offset."""

    def link(offset: int) -> str:
        values = {k: v for k, v in params.items() if v not in (None, "", False)}
        values = {k: ("true" if v is True else v) for k, v in values.items()}
        return f"{request.url.path}?{urlencode({**values, 'offset': offset})}"

    return link


def _claim_page(request: Request, filters: ClaimFilters) -> dict[str, Any]:
    store = store_of(request)
    query = filters.query()
    rows = store.claims(query)
    total = store.count_claims(query)
    pager = Pager(total, filters.limit, filters.offset)
    link = _linker(request, **filters.active(), limit=filters.limit)
    return {"items": [row.to_dict() for row in rows], **pager.to_dict(link)}


@router.get("/claims", response_model=models.ClaimPage, summary="List or search claims")
def list_claims(
    request: Request, filters: Annotated[ClaimFilters, Depends(claim_filters)]
) -> dict[str, Any]:
    """Claims matching every filter given, newest articles first."""
    return _claim_page(request, filters)


@router.get("/sources", response_model=models.SpeakerList, summary="Speakers ranked")
def list_sources(
    request: Request, filters: Annotated[ClaimFilters, Depends(claim_filters)]
) -> dict[str, Any]:
    """Speakers ranked by their number of claims, under the same filters as ``/claims``."""
    rows = store_of(request).sources(filters.query())
    return {
        "items": [row.to_dict() for row in rows],
        "limit": filters.limit,
        "offset": filters.offset,
    }


@router.get("/articles", response_model=models.ArticlePage, summary="List articles")
def list_articles(
    request: Request,
    publisher: Annotated[str | None, text_param("Publisher, part of the name.")] = None,
    title: Annotated[str | None, text_param("Words of the title.")] = None,
    with_duplicates: bool = False,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict[str, Any]:
    rows, total = store_of(request).articles(
        publisher=publisher or None,
        title=title or None,
        include_duplicates=with_duplicates,
        limit=limit,
        offset=offset,
    )
    link = _linker(
        request, publisher=publisher, title=title, with_duplicates=with_duplicates, limit=limit
    )
    return {"items": [r.to_dict() for r in rows], **Pager(total, limit, offset).to_dict(link)}


@router.get("/articles/{article_id}", summary="One article, as stored")
def get_article(request: Request, article_id: ArticleId) -> dict[str, Any]:
    """The article's complete analysis (schema ``sayso/2``, docs/schema.md) and, under
    ``store``, where it came from and its near-duplicates."""
    return find_article(store_of(request), article_id).to_dict()


@router.get(
    "/articles/{article_id}/claims/{claim_id}",
    response_model=models.ClaimDetail,
    summary="One claim",
)
def get_claim(request: Request, article_id: ArticleId, claim_id: ClaimId) -> dict[str, Any]:
    store = store_of(request)
    record = find_article(store, article_id)
    analysis, attribution = find_attribution(record, claim_id)
    row = store.claim(analysis.article.id, attribution.id)
    if row is None:
        raise not_found(f"no claim {claim_id!r}")
    return {
        "article": article_summary(record),
        "claim": row.to_dict(),
        "attribution": attribution_json(record, attribution.id),
    }


@router.get(
    "/articles/{article_id}/claims/{claim_id}/trace",
    response_model=models.Trace,
    summary="Trace a claim",
)
def get_trace(request: Request, article_id: ArticleId, claim_id: ClaimId) -> dict[str, Any]:
    """The claim's provenance in its article (the chain of attributions it is told
    through, outermost first), the claims told inside it, and the other tellings of its
    words in the store (full-text search)."""
    store = store_of(request)
    record = find_article(store, article_id)
    analysis, attribution = find_attribution(record, claim_id)
    trace = trace_claim(store, analysis.article.id, attribution.id)
    return {"article": article_summary(record), **trace.to_dict()}


@router.get(
    "/articles/{article_id}/events/{event_id}",
    response_model=models.EventDetail,
    summary="One event",
)
def get_event(request: Request, article_id: ArticleId, event_id: EventId) -> dict[str, Any]:
    record = find_article(store_of(request), article_id)
    _, event = find_event(record, event_id)
    # The same happening in other articles: sayso.graph's linked events (null until linked).
    stored = next(
        e for e in record.data.get("events") or [] if isinstance(e, dict) and e["id"] == event.id
    )
    asserting = {event.attribution} | {m.attribution for m in event.mentions}
    attributions = [
        a
        for a in record.data.get("attributions") or []
        if isinstance(a, dict) and a.get("id") in asserting
    ]
    return {
        "article": article_summary(record),
        "event": stored,
        "attributions": attributions,
        "linked": event_links(store_of(request), record.analysis.article.id, event.id),
    }


@router.get("/entities", response_model=models.EntityHits, summary="Find entities")
def find_entities(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=MAX_TEXT, description="Part of a name.")],
    limit: Limit = DEFAULT_PAGE,
) -> dict[str, Any]:
    hits = store_of(request).search_entities(q, limit=limit)
    return {"items": [h.to_dict() for h in hits]}


@router.get("/entities/{name:path}", response_model=models.EntityPage, summary="One entity")
def get_entity(
    request: Request, name: EntityName, limit: Limit = DEFAULT_PAGE, offset: Offset = 0
) -> dict[str, Any]:
    """What the entity said and what others said about it, across articles (one page of
    each, at the same ``offset``)."""
    store = store_of(request)
    profile = store.entity(name)
    if profile is None:
        raise not_found(f"no entity named {name!r} in the store")
    result: dict[str, Any] = {"entity": profile.to_dict()}
    link = _linker(request, limit=limit)
    for relation in ("said", "about"):
        rows, total = store.entity_claims(name, relation, limit=limit, offset=offset)
        result[relation] = {
            "items": [r.to_dict() for r in rows],
            **Pager(total, limit, offset).to_dict(link),
        }
    return result


@router.get("/search", response_model=models.SearchResult, summary="Search everything")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=MAX_TEXT, description="Words to find.")],
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Claims whose words match (full text), entities whose name holds ``q``, and
    articles whose title holds it."""
    store = store_of(request)
    claims = _claim_page(request, ClaimFilters(q=q, limit=limit, offset=offset))
    articles, _ = store.articles(title=q, limit=limit)
    return {
        "q": q,
        "claims": claims,
        "entities": [h.to_dict() for h in store.search_entities(q, limit=limit)],
        "articles": [a.to_dict() for a in articles],
    }


def require_submit(request: Request) -> None:
    if not state(request).allow_submit:
        raise forbid_submit()


@router.post(
    "/analyze",
    summary="Analyse an article text",
    dependencies=[Depends(require_submit)],
    responses={403: {"description": "The server is read-only (no --allow-submit)."}},
)
async def analyze_text(request: Request, body: models.AnalyzeRequest) -> JSONResponse:
    """The analysis of ``text`` (schema ``sayso/2``); with ``store``, also kept in the
    store (``store`` in the answer then says whether it was new). Only when the server
    was started with ``--allow-submit``."""
    analysis, saved = await submit_analysis(
        state(request),
        body.text,
        save=body.store,
        title=body.title,
        publisher=body.publisher,
        published=body.published,
        url=body.url,
    )
    document = analysis.to_dict()
    status = 200
    if saved is not None:
        document["store"] = {"status": str(saved.status), "article_id": saved.article_id}
        status = 201 if saved.status != "duplicate" else 200
    return JSONResponse(document, status_code=status)
