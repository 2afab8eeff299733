"""Fetching pages and feeds over http(s): timeouts, a size cap, robots.txt, a named agent."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import urllib3

from sayso.errors import InputError

USER_AGENT_TOKEN = "sayso"
DEFAULT_TIMEOUT = 15.0
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
_ROBOTS_MAX_BYTES = 512 * 1024
_CHUNK = 64 * 1024


def user_agent() -> str:
    from sayso import __version__

    return f"{USER_AGENT_TOKEN}/{__version__} (news attribution analysis; respects robots.txt)"


@dataclass(slots=True)
class Response:
    url: str  # after redirects
    status: int
    content_type: str
    body: bytes


@dataclass(slots=True)
class FetchOptions:
    timeout: float = DEFAULT_TIMEOUT  # seconds: to connect, between bytes, and in all
    max_bytes: int = DEFAULT_MAX_BYTES
    respect_robots: bool = True
    user_agent: str = field(default_factory=user_agent)


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


class Fetcher:
    """A polite http(s) client; every failure is an InputError naming the URL."""

    def __init__(self, options: FetchOptions | None = None) -> None:
        self.options = options or FetchOptions()
        self._pool = urllib3.PoolManager(
            headers={"User-Agent": self.options.user_agent},
            timeout=urllib3.Timeout(connect=self.options.timeout, read=self.options.timeout),
            retries=urllib3.Retry(total=2, connect=2, read=1, redirect=5, status=0),
        )
        self._robots: dict[str, RobotFileParser | None] = {}

    def get(self, url: str) -> Response:
        _check_scheme(url)
        if self.options.respect_robots and not self.allowed(url):
            raise InputError(url, "fetching is disallowed by the site's robots.txt")
        response = self._get(url, self.options.max_bytes)
        if response.status != 200:
            raise InputError(url, f"HTTP {response.status} {_reason(response.status)}".rstrip())
        return response

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        robots = self._robots[origin]
        return robots is None or robots.can_fetch(USER_AGENT_TOKEN, url)

    def _load_robots(self, origin: str) -> RobotFileParser | None:
        """RFC 9309: a 4xx robots.txt allows everything, a 5xx or no answer nothing."""
        parser = RobotFileParser(urljoin(origin, "/robots.txt"))
        try:
            response = self._get(parser.url, _ROBOTS_MAX_BYTES)
        except InputError:
            parser.disallow_all = True
            return parser
        if 400 <= response.status < 500:
            return None
        if response.status != 200:
            parser.disallow_all = True
            return parser
        parser.parse(response.body.decode("utf-8", "replace").splitlines())
        parser.modified()  # marks it read: can_fetch refuses everything until then
        return parser

    def _get(self, url: str, max_bytes: int) -> Response:
        deadline = time.monotonic() + self.options.timeout * 4
        try:
            raw = self._pool.request("GET", url, preload_content=False, redirect=True)
        except urllib3.exceptions.HTTPError as error:
            raise InputError(url, f"cannot fetch: {_describe(error)}") from error
        try:
            final = urljoin(url, raw.geturl() or url)  # the URL after redirects
            _check_scheme(final)
            length = raw.headers.get("Content-Length")
            if raw.status == 200 and length and length.isdigit() and int(length) > max_bytes:
                raise InputError(url, _too_big(int(length), max_bytes))
            body = bytearray()
            for chunk in raw.stream(_CHUNK):
                body += chunk
                if len(body) > max_bytes:
                    raise InputError(url, _too_big(None, max_bytes))
                if time.monotonic() > deadline:
                    raise InputError(url, "took too long to download")
            return Response(
                url=final,
                status=raw.status,
                content_type=raw.headers.get("Content-Type", ""),
                body=bytes(body),
            )
        except urllib3.exceptions.HTTPError as error:
            raise InputError(url, f"cannot fetch: {_describe(error)}") from error
        finally:
            raw.release_conn()


def _check_scheme(url: str) -> None:
    if not is_url(url):
        raise InputError(url, "only http:// and https:// URLs are fetched")


def _too_big(size: int | None, limit: int) -> str:
    said = f" ({size / 1e6:.1f} MB)" if size else ""
    return f"the response{said} is over the {limit / 1e6:.1f} MB limit"


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _describe(error: Exception) -> str:
    reason = getattr(error, "reason", None)
    return str(reason or error)
