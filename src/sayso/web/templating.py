"""Jinja2 with autoescaping always on, and the filters the templates use."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.responses import Response
from starlette.types import Scope

from sayso.web.params import query_string
from sayso.web.security import safe_url
from sayso.web.service import marked_html

PACKAGE = resources.files("sayso.web")
# A static file named with its content's hash (?v=) never changes: cached for a year. The
# same file asked without it (a bookmark, a tool) is cached for an hour.
IMMUTABLE = "public, max-age=31536000, immutable"
SHORT = "public, max-age=3600"


class CachedStaticFiles(StaticFiles):
    """Static files with ``Cache-Control`` (their ETag and Last-Modified come from
    Starlette, so a revalidation answers 304)."""

    def file_response(
        self, full_path: Any, stat_result: Any, scope: Scope, status_code: int = 200
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        versioned = b"v=" in scope.get("query_string", b"")
        response.headers["cache-control"] = IMMUTABLE if versioned else SHORT
        return response


@cache
def static_url(path: str) -> str:
    """``/static/PATH?v=HASH``: the URL changes when the file does, so it can be cached."""
    data = (PACKAGE / "static" / path).read_bytes()
    return f"/static/{path}?v={hashlib.sha256(data).hexdigest()[:12]}"


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(PACKAGE / "templates")),
        autoescape=True,  # every template, whatever its name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["seg"] = lambda value: quote(str(value), safe="")
    env.filters["safe_url"] = safe_url
    env.filters["label"] = lambda value: str(value).replace("_", " ")
    env.filters["marked"] = marked_html
    env.globals["query"] = lambda **values: query_string(values)
    env.globals["static"] = static_url
    return env


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    web = getattr(request.app.state, "sayso", None)
    page = (
        environment()
        .get_template(template)
        .render(
            request=request,
            allow_submit=bool(web and web.allow_submit),
            **context,
        )
    )
    return HTMLResponse(page, status_code=status_code)
