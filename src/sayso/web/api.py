"""The REST API under ``/api/``: JSON for claims, articles, entities, events and traces.

Every list is one envelope (``items``, ``total``, ``limit`` at most :data:`MAX_PAGE`,
``offset``, and the percent-encoded URLs of the ``next`` and ``previous`` pages). Bad
parameters answer 400 with a message naming them; unknown articles, claims, events and
entities 404. Claims also come as a streamed CSV or JSON export of a whole filtered list.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse

from sayso import serial
from sayso.store import ClaimQuery, Store
from sayso.store.explore import entity_query
from sayso.store.output import neutralise_cell
from sayso.store.queries import CLAIM_FIELDS
from sayso.web import models
from sayso.web.network import entity_network
from sayso.web.params import (
    MAX_TEXT,
    ClaimFilters,
    Flag,
    Limit,
    Offset,
    Pager,
    claim_filters,
    export_filters,
    query_string,
    text_param,
)
from sayso.web.service import (
    DEFAULT_PAGE,
    article_summary,
    attribution_json,
    claim_item,
    entity_page_url,
    entity_url,
    event_links,
    find_article,
    find_attribution,
    find_event,
    forbid_submit,
    not_found,
    path_segment,
    public_document,
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
EXPORT_CHUNK = 500  # rows read from the database, and written out, at a time


def linker(path: str, **params: Any) -> Callable[[int], str]:
    """A function giving the URL of ``path`` with ``params`` at another offset."""

    def link(offset: int) -> str:
        return f"{path}?{query_string({**params, 'offset': offset})}"

    return link


def claim_page(store: Store, filters: ClaimFilters, path: str = "/api/claims") -> dict[str, Any]:
    """One page of claims as an envelope; with words to search, their snippets too."""
    query = filters.query()
    rows = store.claims(query)
    snippets = store.snippets(rows, filters.q) if filters.q else {}
    pager = Pager(store.count_claims(query), filters.limit, filters.offset)
    return pager.envelope([claim_item(row, snippets) for row in rows], filters.linker(path))


@router.get("/claims", response_model=models.ClaimPage, summary="List or search claims")
def list_claims(
    request: Request, filters: Annotated[ClaimFilters, Depends(claim_filters)]
) -> dict[str, Any]:
    """Claims matching every filter given: the most relevant first when ``q`` is given,
    else the newest articles first (``sort`` to choose)."""
    return claim_page(store_of(request), filters)


@router.get("/claims/facets", response_model=models.Facets, summary="Facet counts of claims")
def claim_facets(
    request: Request,
    filters: Annotated[ClaimFilters, Depends(export_filters)],
    size: Annotated[int, Query(ge=1, le=50, description="Values per facet.")] = 10,
) -> dict[str, Any]:
    """The most frequent speakers, publishers, certainty and stance values and years
    among the claims of the filters, with their counts; each facet is counted without
    its own filter, so that the other choices show too."""
    counted = store_of(request).facets(filters.query(paged=False), size=size)
    return {
        name: [{"value": value, "count": n} for value, n in values]
        for name, values in counted.items()
    }


@router.get(
    "/claims/export",
    summary="Export claims as CSV or JSON",
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {"text/csv": {}, "application/json": {}},
            "description": "Every claim of the filters, streamed.",
        }
    },
)
def export_claims(
    request: Request,
    filters: Annotated[ClaimFilters, Depends(export_filters)],
    format: Annotated[Literal["csv", "json"], Query(description="csv or json")] = "csv",
) -> StreamingResponse:
    """Every claim matching the filters (no paging), in the list's order, streamed as it
    is read. CSV cells that a spreadsheet would run as a formula (``=``, ``+``, ``-``,
    ``@``…) start with an apostrophe. Links (``url``, ``html_url``) are absolute."""
    query = filters.query(paged=False)
    base = str(request.base_url).rstrip("/")
    rows = (
        {**item, "url": base + item["url"], "html_url": base + item["html_url"]}
        for item in map(claim_item, store_of(request).export_claims(query, chunk=EXPORT_CHUNK))
    )
    name = "sayso-claims"
    if format == "json":
        body, media = _json_lines(rows), "application/json"
    else:
        body, media = _csv_lines(rows), "text/csv; charset=utf-8"
    headers = {"content-disposition": f'attachment; filename="{name}.{format}"'}
    return StreamingResponse(body, media_type=media, headers=headers)


EXPORT_COLUMNS = (*CLAIM_FIELDS, "html_url", "url")


def _csv_lines(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    for n, row in enumerate(rows, 1):
        writer.writerow([neutralise_cell(_cell(row.get(c))) for c in EXPORT_COLUMNS])
        if n % EXPORT_CHUNK == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _cell(value: Any) -> Any:
    return ("true" if value else "false") if isinstance(value, bool) else value


def _json_lines(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    yield "["
    for n, row in enumerate(rows):
        yield ("," if n else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]\n"


@router.get("/sources", response_model=models.SpeakerPage, summary="Speakers ranked")
def list_sources(
    request: Request, filters: Annotated[ClaimFilters, Depends(claim_filters)]
) -> dict[str, Any]:
    """Speakers ranked by their number of claims, under the same filters as ``/claims``."""
    store = store_of(request)
    query = filters.query()
    items = [
        {**row.to_dict(), "url": entity_url(row.speaker), "html_url": entity_page_url(row.speaker)}
        for row in store.sources(query)
    ]
    pager = Pager(store.count_sources(query), filters.limit, filters.offset)
    return pager.envelope(items, filters.linker("/api/sources"))


def article_items(rows: list[Any]) -> list[dict[str, Any]]:
    return [
        {
            **row.to_dict(),
            "url": f"/api/articles/{path_segment(row.id)}",
            "html_url": f"/article/{path_segment(row.id)}",
        }
        for row in rows
    ]


@router.get("/articles", response_model=models.ArticlePage, summary="List articles")
def list_articles(
    request: Request,
    publisher: Annotated[str | None, text_param("Publisher, part of the name.")] = None,
    title: Annotated[str | None, text_param("Words of the title.")] = None,
    with_duplicates: Flag = False,
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
    link = linker(
        "/api/articles",
        publisher=publisher,
        title=title,
        with_duplicates=with_duplicates,
        limit=limit,
    )
    return Pager(total, limit, offset).envelope(article_items(rows), link)


@router.get("/articles/{article_id}", summary="One article, as stored")
def get_article(request: Request, article_id: ArticleId) -> dict[str, Any]:
    """The article's complete analysis (schema ``sayso/2``, docs/schema.md) and, under
    ``store``, where it came from and its near-duplicates. ``article.path`` and
    ``store.input`` give a file's name only, and only when the server was started with
    ``--show-file-names`` (null otherwise); a web address is given as it is."""
    record = find_article(store_of(request), article_id)
    return public_document(record, state(request).show_file_names)


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
        "article": article_summary(record, state(request).show_file_names),
        "claim": claim_item(row),
        "attribution": attribution_json(record, attribution.id),
    }


@router.get(
    "/articles/{article_id}/claims/{claim_id}/trace",
    response_model=models.Trace,
    summary="Trace a claim",
)
def get_trace(request: Request, article_id: ArticleId, claim_id: ClaimId) -> dict[str, Any]:
    """The claim's provenance in its article (the chain of attributions it is told
    through, outermost first), the claims told inside it, other claims with the same
    words (full-text search), and the claim graph's view of it: its tellings in every
    article with their relation, the say-so score and what it covers."""
    store = store_of(request)
    record = find_article(store, article_id)
    analysis, attribution = find_attribution(record, claim_id)
    trace = trace_claim(store, analysis.article.id, attribution.id)
    return {"article": article_summary(record, state(request).show_file_names), **trace.to_dict()}


@router.get(
    "/articles/{article_id}/events/{event_id}",
    response_model=models.EventDetail,
    summary="One event",
)
def get_event(request: Request, article_id: ArticleId, event_id: EventId) -> dict[str, Any]:
    record = find_article(store_of(request), article_id)
    analysis, event = find_event(record, event_id)
    asserting = {event.attribution} | {m.attribution for m in event.mentions}
    attributions = [a for a in analysis.attributions if a.id in asserting]
    return {
        "article": article_summary(record, state(request).show_file_names),
        "event": serial.record(event),
        "attributions": serial.records(attributions),
        # The same happening in other articles: sayso.graph's linked events (null until linked).
        "linked": event_links(store_of(request), analysis.article.id, event.id),
    }


def entity_hits(store: Store, q: str, limit: int, offset: int) -> dict[str, Any]:
    hits, total = store.search_entities(q, limit=limit, offset=offset)
    items = [
        {**h.to_dict(), "url": entity_url(h.name), "html_url": entity_page_url(h.name)}
        for h in hits
    ]
    return Pager(total, limit, offset).envelope(items, linker("/api/entities", q=q, limit=limit))


@router.get("/entities", response_model=models.EntityHitPage, summary="Find entities")
def find_entities(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=MAX_TEXT, description="Part of a name.")],
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Entity names holding ``q`` (any case), the most widely named first."""
    return entity_hits(store_of(request), q, limit, offset)


@router.get("/entities/{name:path}", response_model=models.EntityPage, summary="One entity")
def get_entity(
    request: Request, name: EntityName, limit: Limit = DEFAULT_PAGE, offset: Offset = 0
) -> dict[str, Any]:
    """The entity across articles (every stored entity the name stands for: the speaker
    filter's rule), and a page each of what it said and what others said about it; their
    ``next`` pages are the claims list filtered by ``speaker`` and by ``about``."""
    store = store_of(request)
    profile = store.entity(name)
    if profile is None:
        raise not_found(f"no entity named {name!r} in the store")
    result: dict[str, Any] = {
        "entity": profile.to_dict(),
        "network_url": f"/api/network/{path_segment(name)}",
    }
    said = ClaimFilters(speaker=name, limit=limit, offset=offset)
    about = ClaimFilters(about=name, limit=limit, offset=offset)
    for relation, filters in (("said", said), ("about", about)):
        query = entity_query(name, relation, limit=limit, offset=offset)  # type: ignore[arg-type]
        result[relation] = _page_of(store, query, filters)
    return result


def _page_of(store: Store, query: ClaimQuery, filters: ClaimFilters) -> dict[str, Any]:
    rows = store.claims(query)
    pager = Pager(store.count_claims(query), filters.limit, filters.offset)
    return pager.envelope([claim_item(r) for r in rows], filters.linker("/api/claims"))


@router.get("/network/{name:path}", response_model=models.Network, summary="Who cites whom")
def get_network(
    request: Request,
    name: EntityName,
    limit: Annotated[int, Query(ge=1, le=100, description="Links shown each way.")] = 25,
) -> dict[str, Any]:
    """Who the entity cites (the speakers whose words it passes on) and who cites it (the
    speakers and publishers passing its words on), across the store's chains of say-so,
    the most frequent first. Needs ``sayso link`` (``pending_articles`` says how many
    articles it has not read)."""
    network = entity_network(store_of(request), name, limit=limit)
    if network is None:
        raise not_found(f"no entity named {name!r} in the store")
    return network.to_dict()


@router.get("/search", response_model=models.SearchResult, summary="Search everything")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=MAX_TEXT, description="Words to find.")],
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Claims whose words match (full text, the most relevant first, with snippets),
    entities whose name holds ``q``, and articles whose title holds it: one page of each
    at ``offset``, each linking its next page in its own list endpoint."""
    store = store_of(request)
    articles, total = store.articles(title=q, limit=limit, offset=offset)
    article_link = linker("/api/articles", title=q, limit=limit)
    return {
        "q": q,
        "claims": claim_page(store, ClaimFilters(q=q, limit=limit, offset=offset)),
        "entities": entity_hits(store, q, limit, offset),
        "articles": Pager(total, limit, offset).envelope(article_items(articles), article_link),
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
    document = serial.record(analysis)
    status = 200
    if saved is not None:
        document["store"] = {"status": str(saved.status), "article_id": saved.article_id}
        status = 201 if saved.status != "duplicate" else 200
    return JSONResponse(document, status_code=status)
