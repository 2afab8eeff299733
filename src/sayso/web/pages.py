"""The HTML pages: server-rendered, complete without JavaScript.

Every page is a Jinja2 template with autoescaping on; article text reaches the page only
through :mod:`sayso.web.highlight` (escaped piece by piece) or template variables.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from sayso.analyze import ArticleInput
from sayso.clean.encoding import decode_bytes
from sayso.errors import InputError
from sayso.ingest.html import article_from_html, looks_like_html
from sayso.model import Analysis, Attribution
from sayso.store.queries import SORTS
from sayso.web.highlight import highlight, speaker_label
from sayso.web.network import entity_network
from sayso.web.params import (
    CERTAINTIES,
    KINDS,
    MAX_TEXT,
    PAGE_SIZES,
    STANCES,
    ClaimFilters,
    Offset,
    Pager,
    bad_request,
    claim_filters,
    query_string,
    text_param,
)
from sayso.web.service import (
    DEFAULT_PAGE,
    MAX_PAGE,
    claim_tellings,
    event_links,
    file_name,
    find_article,
    find_attribution,
    find_event,
    forbid_submit,
    heading_of,
    not_found,
    state,
    store_of,
    submit_analysis,
    trace_claim,
)
from sayso.web.templating import PACKAGE, SHORT, render

router = APIRouter(include_in_schema=False)

LEGEND = (
    ("source", "source: who makes the claim"),
    ("cue", "cue: the words that report it"),
    ("content", "content: what is claimed"),
    ("nested", "content told inside another claim"),
    ("removed", "removed: caption, teaser, source tag…"),
)


@router.get("/", response_class=HTMLResponse)
def home(
    request: Request,
    publisher: Annotated[str | None, text_param("Publisher")] = None,
    offset: Offset = 0,
) -> Response:
    store = store_of(request)
    rows, total = store.articles(publisher=publisher or None, limit=DEFAULT_PAGE, offset=offset)
    return render(
        request,
        "home.html",
        articles=rows,
        pager=Pager(total, DEFAULT_PAGE, offset),
        publisher=publisher or "",
        speakers=store.sources(limit=12),
        n_articles=store.articles(limit=0)[1],
        n_claims=store.count_claims(),
    )


def _who_claims_what(analysis: Analysis) -> OrderedDict[str, list[Attribution]]:
    groups: OrderedDict[str, list[Attribution]] = OrderedDict()
    for attribution in analysis.attributions:
        groups.setdefault(speaker_label(attribution), []).append(attribution)
    return groups


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> Response:
    record = find_article(store_of(request), article_id)
    analysis = record.analysis
    return render(
        request,
        "article.html",
        record=record,
        analysis=analysis,
        heading=heading_of(analysis.article),
        file_name=file_name(analysis.article.path, state(request).show_file_names),
        text=highlight(analysis),
        groups=_who_claims_what(analysis),
        legend=LEGEND,
        events_by_id={e.id: e for e in analysis.events},
    )


@router.get("/article/{article_id}/claim/{claim_id}", response_class=HTMLResponse)
def claim_page(request: Request, article_id: str, claim_id: str) -> Response:
    store = store_of(request)
    record = find_article(store, article_id)
    analysis, attribution = find_attribution(record, claim_id)
    trace = trace_claim(store, analysis.article.id, attribution.id)
    return render(
        request,
        "claim.html",
        record=record,
        analysis=analysis,
        heading=heading_of(analysis.article),
        attribution=attribution,
        trace=trace,
        tellings=claim_tellings(store, trace),
        coverage=trace.coverage,
        events=[e for e in analysis.events if e.id in attribution.events],
    )


@router.get("/article/{article_id}/event/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, article_id: str, event_id: str) -> Response:
    store = store_of(request)
    record = find_article(store, article_id)
    analysis, event = find_event(record, event_id)
    asserting = [a for a in analysis.attributions if event.id in a.events]
    linked = event_links(store, analysis.article.id, event.id)
    elsewhere = linked.get("elsewhere") or [] if linked else []
    return render(
        request,
        "event.html",
        record=record,
        analysis=analysis,
        heading=heading_of(analysis.article),
        event=event,
        asserting=asserting,
        linked=linked,
        headings=store.headings([m["article_id"] for m in elsewhere]),
    )


def _sort_links(filters: ClaimFilters, path: str) -> dict[str, str]:
    """For each sortable column, the URL sorting by it (the other way when it is the
    current order)."""
    current = filters.query(paged=False).order
    links = {}
    for column in ("speaker", "publisher", "certainty", "date"):
        first = "-date" if column == "date" else column  # newest first is the useful start
        flipped = first[1:] if first.startswith("-") else "-" + first
        links[column] = filters.link(path, 0, sort=flipped if current == first else first)
    if filters.q:
        links["relevance"] = filters.link(path, 0, sort="relevance")
    return links


def _year_bounds(year: str) -> tuple[str, str]:
    return f"{year}-01-01", f"{year}-12-31"


def _facet_links(filters: ClaimFilters, facets: dict[str, Any], path: str) -> dict[str, Any]:
    """Each facet value with its count, whether it is the filter now, and the URL that
    sets it (or, when set, removes it)."""
    result: dict[str, list[dict[str, Any]]] = {}
    for name, values in facets.items():
        entries = []
        for value, count in values:
            if name == "year":
                since, until = _year_bounds(value)
                chosen = (filters.since, filters.until) == (since, until)
                change = (
                    {"since": None, "until": None} if chosen else {"since": since, "until": until}
                )
            else:
                chosen = getattr(filters, name) == value
                change = {name: None if chosen else value}
            entries.append(
                {
                    "value": value,
                    "count": count,
                    "chosen": chosen,
                    "href": filters.link(path, 0, **change),
                }
            )
        result[name] = entries
    return result


def _export_links(filters: ClaimFilters) -> dict[str, str]:
    values = {**filters.active()}
    return {
        fmt: f"/api/claims/export?{query_string({**values, 'format': fmt})}"
        for fmt in ("csv", "json")
    }


def _listing(request: Request, filters: ClaimFilters, path: str) -> dict[str, Any]:
    """What a page listing claims shows: the rows (with snippets when searching), where
    the page sits, sorting, page size and export links."""
    store = store_of(request)
    query = filters.query()
    rows = store.claims(query)
    return {
        "rows": rows,
        "snippets": store.snippets(rows, filters.q) if filters.q else {},
        "pager": Pager(store.count_claims(query), filters.limit, filters.offset),
        "filters": filters,
        "sort_links": _sort_links(filters, path),
        "order": query.order,
        "page_sizes": PAGE_SIZES,
        "exports": _export_links(filters),
        "list_path": path,
    }


@router.get("/claims", response_class=HTMLResponse)
def claims_page(
    request: Request, filters: Annotated[ClaimFilters, Depends(claim_filters)]
) -> Response:
    store = store_of(request)
    facets = store.facets(filters.query(paged=False))
    return render(
        request,
        "claims.html",
        **_listing(request, filters, "/claims"),
        facets=_facet_links(filters, facets, "/claims"),
        kinds=KINDS,
        certainties=CERTAINTIES,
        stances=STANCES,
        sorts=SORTS,
    )


@router.get("/entity/{name:path}", response_class=HTMLResponse)
def entity_page(
    request: Request,
    name: str,
    said_offset: Offset = 0,
    about_offset: Offset = 0,
) -> Response:
    if len(name) > MAX_TEXT:
        raise bad_request(f"the entity name is longer than {MAX_TEXT} characters")
    store = store_of(request)
    profile = store.entity(name)
    if profile is None:
        raise not_found(f"no entity named {name!r} in the store")
    said = ClaimFilters(speaker=name, limit=DEFAULT_PAGE, offset=said_offset)
    about = ClaimFilters(about=name, limit=DEFAULT_PAGE, offset=about_offset)
    lists = {}
    for key, filters in (("said", said), ("about", about)):
        query = filters.query()
        lists[key] = {
            "rows": store.claims(query),
            "pager": Pager(store.count_claims(query), DEFAULT_PAGE, filters.offset),
            "exports": _export_links(filters),
            "list": filters.link("/claims", 0),
        }
    return render(
        request,
        "entity.html",
        profile=profile,
        name=name,
        lists=lists,
        said_offset=said_offset,
        about_offset=about_offset,
    )


@router.get("/network/{name:path}", response_class=HTMLResponse)
def network_page(
    request: Request,
    name: str,
    limit: Annotated[int, Query(ge=1, le=100)] = 25,
) -> Response:
    if len(name) > MAX_TEXT:
        raise bad_request(f"the entity name is longer than {MAX_TEXT} characters")
    network = entity_network(store_of(request), name, limit=limit)
    if network is None:
        raise not_found(f"no entity named {name!r} in the store")
    return render(request, "network.html", name=name, network=network, limit=limit)


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: Annotated[str, Query(max_length=MAX_TEXT)] = "",
    sort: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
    limit: Annotated[int, Query(ge=0, le=MAX_PAGE)] = DEFAULT_PAGE,
    offset: Offset = 0,
) -> Response:
    q = q.strip()
    store = store_of(request)
    results: dict[str, Any] = {}
    if q:
        filters = ClaimFilters(q=q, sort=sort or None, limit=limit, offset=offset)
        entities, n_entities = store.search_entities(q, limit=DEFAULT_PAGE)
        articles, n_articles = store.articles(title=q, limit=DEFAULT_PAGE)
        results = {
            **_listing(request, filters, "/search"),
            "entities": entities,
            "n_entities": n_entities,
            "articles": articles,
            "n_articles": n_articles,
        }
    return render(request, "search.html", q=q, **results)


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request) -> Response:
    if not state(request).allow_submit:
        raise forbid_submit()
    return render(request, "analyze.html", max_body=state(request).max_body)


@router.post("/analyze", response_class=HTMLResponse)
async def analyze_submit(request: Request) -> Response:
    web = state(request)
    if not web.allow_submit:
        raise forbid_submit()
    form = await request.form(max_files=1, max_fields=8, max_part_size=web.max_body)
    text = form.get("text")
    meta: dict[str, str | None] = {}
    upload = form.get("file")
    if isinstance(upload, UploadFile) and upload.filename:
        item = _read_upload(await upload.read(web.max_body + 1), upload.filename)
        text = item.text
        meta = {"title": item.title, "publisher": item.publisher, "published": item.published}
    if not isinstance(text, str) or not text.strip():
        raise bad_request("paste an article text or choose a file")
    for key in ("title", "publisher", "published"):
        value = form.get(key)
        if isinstance(value, str) and value.strip():
            meta[key] = value.strip()[:MAX_TEXT]
    if meta.get("published") and not _is_day(meta["published"] or ""):
        raise bad_request("published must be a date, YYYY-MM-DD")
    analysis, saved = await submit_analysis(web, text, save=True, **meta)
    target = saved.article_id if saved else analysis.article.id
    return RedirectResponse(f"/article/{target}", status_code=303)


def _read_upload(data: bytes, filename: str) -> ArticleInput:
    """An uploaded file: an HTML page through the ingest reader, else text."""
    name = filename[:MAX_TEXT]
    try:
        if name.lower().endswith(HTML_SUFFIXES) or looks_like_html(data):
            return article_from_html(data, name)
        return ArticleInput(text=decode_bytes(data, name))
    except InputError as error:
        raise bad_request(str(error)) from error


def _is_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@router.get("/favicon.ico")
def favicon() -> Response:
    """Browsers ask for it on every page: a real icon, not a 404."""
    data = (PACKAGE / "static" / "favicon.ico").read_bytes()
    return Response(data, media_type="image/x-icon", headers={"cache-control": SHORT})


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    """The OpenAPI document as a page: served by sayso itself, no script from elsewhere."""
    schema = request.app.openapi()
    operations = [
        {"method": method.upper(), "path": path, **operation}
        for path, methods in schema.get("paths", {}).items()
        for method, operation in methods.items()
    ]
    return render(request, "api_docs.html", schema=schema, operations=operations)
