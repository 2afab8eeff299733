"""The web app: ``create_app(store_url)`` gives a FastAPI application over a store.

Pages (:mod:`sayso.web.pages`) and the JSON API (:mod:`sayso.web.api`) read the store
through :mod:`sayso.store`. Read-only unless ``allow_submit``: then pasted or uploaded
articles are analysed and stored.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException
from starlette.middleware.gzip import GZipMiddleware

from sayso.errors import SaysoError
from sayso.store import Store, open_store
from sayso.web import api, pages
from sayso.web.cache import MicroCacheMiddleware
from sayso.web.security import (
    DEFAULT_MAX_BODY,
    BodyLimitMiddleware,
    HostCheckMiddleware,
    NulGuardMiddleware,
    SameOriginMiddleware,
    SecurityHeadersMiddleware,
    security_headers,
)
from sayso.web.service import WebState
from sayso.web.templating import PACKAGE, CachedStaticFiles, render

log = logging.getLogger("sayso.web")
GZIP_MIN_BYTES = 500

DESCRIPTION = """\
For every claim in the news: on whose say-so? JSON over a sayso store.

Articles, attributions and events are returned as stored, in the `sayso/2` schema
(docs/schema.md). Every list is one envelope: `items`, `total`, `limit` (at most 100),
`offset`, and the URLs of the `next` and `previous` pages (percent-encoded; null at either
end). In every answer `url` is the address of a thing in this API and `html_url` its
page; where an article was published on the web is `article_url`. Speakers and entities
match by entity (a name, any spelling sharing its canonical key, or a bare surname for
every person of that surname), never by substring. Booleans are `true` or `false`. Bad
parameters answer 400 with a message, unknown ids 404. `POST /api/analyze` answers 403
unless the server was started with `--allow-submit`.
"""


def create_app(
    store_url: str | None = None,
    allow_submit: bool = False,
    *,
    store: Store | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    allowed_hosts: Sequence[str] | None = None,
    cache_seconds: float = 0.0,
    show_file_names: bool = False,
) -> FastAPI:
    """The sayso web app over the store at ``store_url`` (or an open ``store``).

    ``allowed_hosts`` limits the ``Host`` header (against DNS rebinding of a local
    server); ``None`` accepts any. ``cache_seconds`` keeps whole ``GET`` answers that long
    (:mod:`sayso.web.cache`; ``sayso serve``: 1 s). ``show_file_names``: pages and answers
    name the file an article was read from (its name only, never its folder); by default
    they do not.
    """
    if store is None:
        if store_url is None:
            raise SaysoError("create_app needs a store URL or a store")
        store = open_store(store_url)
    app = FastAPI(
        title="sayso",
        summary="Who says so: attributions, provenance and claims in the news.",
        description=DESCRIPTION,
        version=_version(),
        docs_url=None,  # the stock docs page loads script from a CDN; /api/docs is ours
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.sayso = WebState(
        store=store, allow_submit=allow_submit, max_body=max_body, show_file_names=show_file_names
    )
    if allow_submit:
        if store_url is not None and not store.read_only:
            app.state.sayso.submissions.store_url = store_url
        app.state.sayso.submissions.start()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", CachedStaticFiles(directory=str(PACKAGE / "static")), name="static")
    _add_error_handlers(app)
    web: WebState = app.state.sayso
    # Pages, answers and static files compressed (cytoscape.min.js: 436 KB, 136 KB gzipped).
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MIN_BYTES)
    if cache_seconds > 0:
        # Outside the compression, so a kept answer is kept compressed: inside it, every
        # answer from memory was gzipped anew, the largest part of a hit's CPU time. Inside
        # the guards and the security headers, which every answer still gets.
        app.add_middleware(
            MicroCacheMiddleware, version=lambda: web.submissions.writes, ttl=cache_seconds
        )
    if allowed_hosts is not None:
        app.add_middleware(HostCheckMiddleware, allowed=list(allowed_hosts))
    app.add_middleware(SameOriginMiddleware)
    app.add_middleware(NulGuardMiddleware)
    app.add_middleware(BodyLimitMiddleware, max_bytes=max_body)
    app.add_middleware(SecurityHeadersMiddleware)
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("sayso")
    except PackageNotFoundError:
        return "0"


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") and request.url.path != "/api/docs"


def _error(request: Request, status: int, message: str, **headers: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status, headers=headers or None)
    response = render(request, "error.html", status_code=status, status=status, message=message)
    response.headers.update(headers)
    return response


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors():
        where = [str(p) for p in item.get("loc", ()) if p not in ("query", "path", "body")]
        parts.append(f"{'.'.join(where) or 'request'}: {item.get('msg', 'invalid')}")
    return "bad parameter: " + "; ".join(parts)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        headers = dict(exc.headers or {})
        return _error(request, exc.status_code, str(exc.detail), **headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return _error(request, 400, _validation_message(exc))

    @app.exception_handler(SaysoError)
    async def sayso_error(request: Request, exc: SaysoError) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(SQLAlchemyError)
    async def store_error(request: Request, exc: SQLAlchemyError) -> Response:
        log.error("store error on %s: %s", request.url.path, exc.__class__.__name__)
        return _crash(request)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return _crash(request)


def _crash(request: Request) -> Response:
    """A clean 500: no traceback, no SQL, the security headers set by hand (a crash
    answers from outside the middleware)."""
    message = "internal error: the server could not answer this request"
    body: Any = {"detail": message}
    if _wants_json(request):
        return JSONResponse(body, status_code=500, headers=security_headers())
    try:
        response: Response = render(
            request, "error.html", status_code=500, status=500, message=message
        )
    except Exception:
        response = JSONResponse(body, status_code=500)
    response.headers.update(security_headers())
    return response
