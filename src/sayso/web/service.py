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
from pathlib import PurePosixPath
from typing import Any, Unpack
from urllib.parse import quote

from fastapi import HTTPException, Request
from markupsafe import Markup, escape

from sayso import serial
from sayso.analyze import MAX_ARTICLE_CHARS, ArticleInput, Metadata
from sayso.model import Analysis, Article, Attribution, Event
from sayso.store import ArticleRecord, ClaimRow, SaveResult, Store
from sayso.store.queries import MARK_END, MARK_START, UNTITLED, article_heading
from sayso.web.coverage import Coverage, coverage
from sayso.web.security import safe_url
from sayso.web.submissions import SubmissionQueue

log = logging.getLogger("sayso.web")

MAX_PAGE = 100  # the largest page of results any list gives
DEFAULT_PAGE = 20
TELLINGS_SHOWN = 20
_CLAIM_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,32}$")


def path_segment(value: str) -> str:
    """One URL path segment, percent-encoded ("/" and spaces too)."""
    return quote(value, safe="")


@dataclass(slots=True)
class WebState:
    """The app's settings and its store, on ``app.state.sayso``."""

    store: Store
    allow_submit: bool = False
    max_body: int = 2 * 1024 * 1024
    submissions: SubmissionQueue = field(default_factory=SubmissionQueue)
    # File names of the inputs articles were read from (never their folders): shown only
    # when the server was started with --show-file-names.
    show_file_names: bool = False


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
    """The attribution's record (docs/schema.md), as this version reads it."""
    attribution = record.analysis.attribution(claim_id)
    if attribution is None:
        raise not_found(f"no claim {claim_id[:32]!r}")
    return serial.record(attribution)


def file_name(value: object, show: bool) -> str | None:
    """The file name of a path, without its folders, when the server shows file names;
    else None. A server's paths are never shown."""
    if not show or not isinstance(value, str) or not value.strip():
        return None
    return PurePosixPath(value.replace("\\", "/")).name or None


def public_input(value: object, show: bool) -> str | None:
    """Where an article came from, as a page or an answer may show it: a web address as it
    is; a file (``dump.jsonl:12``, ``crawl.warc.gz@1205``) by its name only, and only when
    the server shows file names."""
    if not isinstance(value, str):
        return None
    if safe_url(value):
        return value
    return file_name(value, show)


def public_document(record: ArticleRecord, show_files: bool = False) -> dict[str, Any]:
    """The stored document as the API gives it: every field kept, but the file it was read
    from reduced to its name (or null) and no server path anywhere."""
    document = record.to_dict()
    article = dict(document.get("article") or {})
    if "path" in article:
        article["path"] = file_name(article["path"], show_files)
    document["article"] = article
    document["store"] = {**document["store"], "input": public_input(record.input, show_files)}
    return document


def article_summary(record: ArticleRecord, show_files: bool = False) -> dict[str, Any]:
    """The article's header for an answer: no path, the web address as ``article_url``."""
    article = record.analysis.article
    return {
        "id": article.id,
        "title": article.title,
        "heading": heading_of(article),
        "publisher": article.publisher,
        "published": article.published,
        "byline": article.byline,
        "article_url": article.url,
        "file_name": file_name(article.path, show_files),
        "url": f"/api/articles/{path_segment(article.id)}",
        "html_url": f"/article/{path_segment(article.id)}",
    }


def heading_of(article: Article) -> str:
    """What to call an article: never its path."""
    return article_heading(article.title, article.standfirst, article.text)


def claim_url(article_id: str, claim_id: str) -> str:
    return f"/api/articles/{path_segment(article_id)}/claims/{path_segment(claim_id)}"


def claim_page_url(article_id: str, claim_id: str) -> str:
    return f"/article/{path_segment(article_id)}/claim/{path_segment(claim_id)}"


def entity_url(name: str) -> str:
    return f"/api/entities/{path_segment(name)}"


def entity_page_url(name: str) -> str:
    return f"/entity/{path_segment(name)}"


def marked_html(marked: str) -> Markup:
    """A snippet with the matched words marked (``MARK_START``/``MARK_END``) as safe HTML:
    the text escaped first, then each mark made a ``<mark>``; unbalanced marks (the text
    held the private-use characters itself) are dropped."""
    text = str(escape(marked))
    if text.count(MARK_START) != text.count(MARK_END):
        return Markup(text.replace(MARK_START, "").replace(MARK_END, ""))
    return Markup(text.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def claim_item(row: ClaimRow, snippets: dict[tuple[str, str], str] | None = None) -> dict[str, Any]:
    """One claim as the API lists it: the row, its own addresses, and for a search its
    relevance and the snippet with the matched words marked."""
    marked = (snippets or {}).get((row.article_id, row.attribution_id))
    return {
        **row.to_dict(),
        "url": claim_url(row.article_id, row.attribution_id),
        "html_url": claim_page_url(row.article_id, row.attribution_id),
        "relevance": row.relevance,
        "snippet_html": str(marked_html(marked)) if marked else None,
    }


@dataclass(slots=True)
class Trace:
    """A claim's say-so: the chain it is told through, what is told inside it, where else
    the store holds the same words, and the claim graph's view of it (its tellings, their
    relations and the say-so score, with what the score covers)."""

    claim: ClaimRow
    provenance: list[ClaimRow]  # outermost first, ending with the claim
    nested: list[ClaimRow]
    same_words: list[ClaimRow]  # full-text matches: not the claim graph's tellings
    graph: Any = None

    @property
    def coverage(self) -> Coverage | None:
        return coverage(self.graph)

    def to_dict(self) -> dict[str, Any]:
        covered = self.coverage
        return {
            "claim": claim_item(self.claim),
            "provenance": [claim_item(row) for row in self.provenance],
            "nested": [claim_item(row) for row in self.nested],
            "same_words": [claim_item(row) for row in self.same_words],
            "graph": self.graph,
            "coverage": covered.to_dict() if covered else None,
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
        same_words=tellings[:TELLINGS_SHOWN],
        graph=public_graph(graph_trace(store, article_id, claim_id)),
    )


def public_graph(graph: Any) -> Any:
    """The claim graph's trace with the API's field names: ``url`` is a claim's address in
    this API and ``html_url`` its page; the article's web address is ``article_url``."""
    if not isinstance(graph, dict):
        return graph
    graph = dict(graph)
    if isinstance(graph.get("claim"), dict):
        graph["claim"] = _public_telling(graph["claim"])
    graph["tellings"] = [
        _public_telling(t) for t in graph.get("tellings") or [] if isinstance(t, dict)
    ]
    return graph


def _public_telling(telling: dict[str, Any]) -> dict[str, Any]:
    telling = dict(telling)
    telling["article_url"] = telling.pop("url", None)
    article_id, claim_id = telling.get("article_id"), telling.get("attribution_id")
    if isinstance(article_id, str) and isinstance(claim_id, str):
        telling["url"] = claim_url(article_id, claim_id)
        telling["html_url"] = claim_page_url(article_id, claim_id)
    return telling


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
    web: WebState, text: str, *, save: bool, **metadata: Unpack[Metadata]
) -> tuple[Analysis, SaveResult | None]:
    """Analyse one submitted text in the submission queue (its own worker process, never
    the threads serving reads; 503 with Retry-After when the queue is full)."""
    if not web.allow_submit:
        raise forbid_submit()
    if not text.strip():
        raise HTTPException(status_code=400, detail="the article text is empty")
    if any(isinstance(value, str) and "\x00" in value for value in (text, *metadata.values())):
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


SAME_WORDS = {
    "kind": "same_words",
    "reason": "the same words, found by full-text search (not linked by the claim graph)",
}


def claim_tellings(store: Store, trace: Trace) -> list[dict[str, Any]]:
    """Every other telling of the claim, in one list: the claim graph's (each with its
    relation, chain and article), this article's first, then the other articles' by
    date; then the claims that only share its words (full-text search), when the graph
    did not place them. The claim's own chain and what is told inside it are its
    provenance, not tellings."""
    graph = trace.graph if isinstance(trace.graph, dict) else {}
    own = trace.claim.article_id
    rows: list[dict[str, Any]] = []
    placed = {(r.article_id, r.attribution_id) for r in (*trace.provenance, *trace.nested)}
    for telling in graph.get("tellings") or []:
        key = (telling.get("article_id"), telling.get("attribution_id"))
        if key in placed:
            continue
        placed.add(key)
        rows.append({**telling, "same_article": key[0] == own})
    for row in trace.same_words:
        key = (row.article_id, row.attribution_id)
        if key in placed:
            continue
        placed.add(key)
        rows.append(
            {
                **claim_item(row),
                "relation": SAME_WORDS,
                "chain": None,
                "same_article": row.article_id == own,
            }
        )
    headings = store.headings([r["article_id"] for r in rows])
    for item in rows:
        item["heading"] = headings.get(item["article_id"], UNTITLED)
    rows.sort(key=lambda r: not r["same_article"])  # stable: the graph's order within
    return rows
