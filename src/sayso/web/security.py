"""Security for a server that shows untrusted text: response headers, a body size limit,
and a same-origin rule for requests that change anything.

Everything here is plain ASGI middleware, so it covers every response the app sends,
static files and error pages included.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

DEFAULT_MAX_BODY = 2 * 1024 * 1024  # bytes; an upload or a pasted article

# No inline script or style at all, nothing from another origin, no framing.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "font-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    # same-origin, not no-referrer: under no-referrer a browser posts the app's own forms
    # with "Origin: null", which cannot be told from a sandboxed page of another site.
    # Other sites still learn nothing of the page a link was followed from.
    ("referrer-policy", "same-origin"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
    ("permissions-policy", "camera=(), microphone=(), geolocation=(), payment=()"),
)

_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _json_response(status: int, message: str) -> tuple[Message, Message]:
    body = json.dumps({"detail": message}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    start: Message = {"type": "http.response.start", "status": status, "headers": headers}
    return start, {"type": "http.response.body", "body": body}


def host_name(header: str | None) -> str:
    """The host of a ``Host`` header, without its port: ``[::1]:8000`` → ``::1``."""
    value = (header or "").strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class HostCheckMiddleware:
    """Refuses a request whose ``Host`` is not one of ``allowed`` (400): a page of another
    site that rebinds its DNS name to a loopback address then cannot read this server.
    IPv6 literals are understood (``[::1]:8000``), which Starlette's own check splits
    wrongly."""

    def __init__(self, app: ASGIApp, allowed: Sequence[str]) -> None:
        self.app = app
        self.allowed = {host_name(host) for host in allowed}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket") and (
            host_name(_header(scope, b"host")) not in self.allowed
        ):
            if scope["type"] == "http":
                await _send_all(send, *_json_response(400, "invalid Host header"))
            return
        await self.app(scope, receive, send)


class SecurityHeadersMiddleware:
    """Adds the security headers to every HTTP response that lacks them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                for name, value in SECURITY_HEADERS:
                    if name.encode() not in present:
                        headers.append((name.encode(), value.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimitMiddleware:
    """Refuses a request body over ``max_bytes`` with 413, whether its size is announced
    (``Content-Length``) or only found while reading it (chunked)."""

    def __init__(self, app: ASGIApp, max_bytes: int = DEFAULT_MAX_BODY) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        message = f"the request body is over the {self.max_bytes:,} byte limit"
        length = _header(scope, b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await _send_all(send, *_json_response(413, message))
            return
        received = 0
        started = responded = False

        async def counting_receive() -> Message:
            # Over the limit: answer 413 now, and tell the app the client has gone, so
            # it stops reading; whatever it answers then is dropped.
            nonlocal received, responded
            if responded:
                return {"type": "http.disconnect"}
            incoming = await receive()
            if incoming["type"] == "http.request":
                received += len(incoming.get("body", b""))
                if received > self.max_bytes:
                    if not started:
                        await _send_all(send, *_json_response(413, message))
                        responded = True
                    return {"type": "http.disconnect"}
            return incoming

        async def tracking_send(outgoing: Message) -> None:
            nonlocal started
            if responded:
                return
            if outgoing["type"] == "http.response.start":
                started = True
            await send(outgoing)

        await self.app(scope, counting_receive, tracking_send)


class NulGuardMiddleware:
    """Refuses a URL holding a NUL character (400): no page needs one, and PostgreSQL
    refuses it in a query parameter."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and (
            "\x00" in scope.get("path", "") or b"%00" in scope.get("query_string", b"")
        ):
            message = "NUL characters are not allowed in a URL"
            await _send_all(send, *_json_response(400, message))
            return
        await self.app(scope, receive, send)


class SameOriginMiddleware:
    """Refuses a request that changes something (POST, PUT, DELETE…) sent by a page of
    another site, with 403.

    Browsers say where a request comes from; the rule follows what they send:

    * ``Sec-Fetch-Site`` (every current browser): only ``same-origin`` (the app's own
      pages) and ``none`` (typed by the user, e.g. a bookmarklet) pass; ``cross-site`` and
      ``same-site`` (another port or subdomain) are refused, whatever ``Origin`` says;
    * else ``Origin``: it must name this server (host and port as in ``Host``);
      ``null`` (a sandboxed frame, a ``data:`` page) is refused;
    * neither header: not a browser (curl, a script); nothing to forge, it passes.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in _SAFE_METHODS and cross_origin(scope):
            await _send_all(send, *_refusal(scope, 403, "cross-origin requests are refused"))
            return
        await self.app(scope, receive, send)


def cross_origin(scope: Scope) -> bool:
    """Whether a browser says this request comes from a page of another origin."""
    fetch_site = _header(scope, b"sec-fetch-site")
    if fetch_site is not None:
        return fetch_site.lower() not in ("same-origin", "none")
    origin = _header(scope, b"origin")
    if origin is None:
        return False
    if origin == "null":
        return True
    # Host and port only: behind a proxy that ends TLS the page is https, the app http.
    return urlsplit(origin).netloc != _header(scope, b"host")


def _refusal(scope: Scope, status: int, message: str) -> tuple[Message, Message]:
    """The refusal as JSON for the API, as a small page for a browser's form."""
    if scope.get("path", "").startswith("/api/"):
        return _json_response(status, message)
    page = (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        f"<title>Error {status} · sayso</title></head><body><h1>{status}</h1>"
        f"<p>{html.escape(message)}</p><p><a href=/>Back to the articles</a></p></body></html>"
    ).encode()
    headers = [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", str(len(page)).encode()),
    ]
    start: Message = {"type": "http.response.start", "status": status, "headers": headers}
    return start, {"type": "http.response.body", "body": page}


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1").strip()
    return None


async def _send_all(send: Send, *messages: Message) -> None:
    for message in messages:
        await send(message)


def security_headers() -> dict[str, str]:
    """The headers as a dict, for responses built outside the middleware (a crash)."""
    return dict(SECURITY_HEADERS)


def safe_url(url: object) -> str | None:
    """``url`` when it is an http(s) link, else None: never a ``javascript:`` link."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None
