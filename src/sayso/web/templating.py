"""Jinja2 with autoescaping always on, and the filters the templates use."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from sayso.web.security import safe_url

PACKAGE = resources.files("sayso.web")


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
    env.globals["query"] = _query
    return env


def _query(**values: Any) -> str:
    """A query string from the values that are set."""
    kept = {k: ("true" if v is True else v) for k, v in values.items() if v not in (None, "")}
    return urlencode(kept)


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
