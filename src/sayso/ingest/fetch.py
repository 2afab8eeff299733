"""Fetching pages and feeds over http(s), safely: a named agent, robots.txt on every hop,
a per-host politeness delay (and ``Crawl-delay``), a size cap, a wall-clock deadline, and an
address policy that keeps a feed from making sayso fetch internal addresses.

- **Deadline.** urllib3's read timeout is per socket read, so a server dripping one byte a
  second never trips it; the size cap was checked between 64 KB reads that a drip never
  fills. Each response has a deadline (four times ``timeout``) kept by a timer that shuts the
  connection's socket down when it passes, whatever phase the request is in (connecting,
  headers, body): the blocked read returns at once and the fetch fails with a clear error.
- **Addresses.** Host names are resolved by sayso and every address checked before the
  connection is made to that very address (no second lookup a DNS rebinding could change):
  loopback, private, link-local (169.254.169.254, cloud metadata), shared, multicast,
  reserved and unspecified addresses are refused, IPv4-mapped and 6to4 forms included
  (``2130706433`` and ``127.1`` resolve to 127.0.0.1 and are refused with it).
  ``allow_networks`` lets chosen networks through, for in-house feeds (``sayso ingest
  --allow-network 10.0.0.0/8``). Redirects are followed by sayso, hop by hop (at most 5),
  each hop checked the same way, robots.txt included.
- **Politeness.** Requests to one host are at least ``politeness`` seconds apart, or its
  robots.txt ``Crawl-delay`` when that is longer (capped at ``max_crawl_delay``).
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from sayso.errors import InputError

USER_AGENT_TOKEN = "sayso"
DEFAULT_TIMEOUT = 15.0
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_POLITENESS = 1.0  # seconds between two requests to one host
MAX_REDIRECTS = 5
_ROBOTS_MAX_BYTES = 512 * 1024
_CHUNK = 64 * 1024
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


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
    timeout: float = DEFAULT_TIMEOUT  # seconds: to connect, between bytes; 4x for the whole
    max_bytes: int = DEFAULT_MAX_BYTES
    respect_robots: bool = True
    user_agent: str = field(default_factory=user_agent)
    # Networks fetched although not public: CIDRs such as "10.0.0.0/8" or "127.0.0.1/32".
    allow_networks: tuple[str, ...] = ()
    politeness: float = DEFAULT_POLITENESS
    max_crawl_delay: float = 60.0  # a robots.txt asking more is honoured up to this

    @property
    def deadline(self) -> float:
        return self.timeout * 4


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


# -- the address policy ---------------------------------------------------------------------


class AddressRefused(Exception):
    """A host resolving to an address the policy refuses."""


def address_problem(
    address: str, allowed: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
) -> str | None:
    """Why ``address`` may not be fetched (``"loopback"``, ``"private"``…), or None."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            ip = embedded
    if any(ip.version == net.version and ip in net for net in allowed):
        return None
    for name in ("unspecified", "loopback", "link_local", "multicast", "private", "reserved"):
        if getattr(ip, f"is_{name}"):
            return name.replace("_", "-")
    return None if ip.is_global else "not public"


def parse_networks(
    values: tuple[str, ...],
) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError as error:
            raise InputError(
                value, f"not a network (give a CIDR like 10.0.0.0/8): {error}"
            ) from error
    return tuple(networks)


def resolve(host: str, port: int) -> list[tuple[int, tuple]]:
    """Every (family, socket address) ``host`` resolves to."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [(family, sockaddr) for family, _, _, _, sockaddr in infos]


class _Guard:
    """One fetcher's address policy and the sockets of its request in flight (for the
    deadline timer to shut down)."""

    def __init__(self, allowed: tuple) -> None:
        self.allowed = allowed
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()

    def check(self, host: str, port: int) -> list[tuple[int, tuple]]:
        try:
            addresses = resolve(host.strip("[]"), port)
        except (socket.gaierror, UnicodeError) as error:
            raise AddressRefused(f"cannot resolve {host}: {error}") from error
        for _, sockaddr in addresses:
            problem = address_problem(sockaddr[0], self.allowed)
            if problem is not None:
                raise AddressRefused(
                    f"{host} is {sockaddr[0]}, a {problem} address: refused (internal "
                    "addresses are not fetched; allow a network with --allow-network)"
                )
        return addresses

    def connect(self, host: str, port: int, timeout: float | None, options: list) -> socket.socket:
        errors = []
        for family, sockaddr in self.check(host, port):
            sock = socket.socket(family, socket.SOCK_STREAM)
            for option in options or []:
                sock.setsockopt(*option)
            sock.settimeout(timeout)
            with self.lock:
                self.sockets.append(sock)
            try:
                sock.connect(sockaddr)
                return sock
            except OSError as error:
                errors.append(error)
                sock.close()
        raise OSError(f"cannot connect to {host}: {errors[-1] if errors else 'no address'}")

    def abort(self) -> None:
        with self.lock:
            for sock in self.sockets:
                with contextlib.suppress(OSError):  # already closed
                    sock.shutdown(socket.SHUT_RDWR)


def _guarded_classes(guard: _Guard) -> dict[str, type]:
    """Connection pools whose connections resolve and check addresses through ``guard``."""

    def new_conn(self: HTTPConnection) -> socket.socket:
        timeout = self.timeout if isinstance(self.timeout, (int, float)) else None
        try:
            return guard.connect(self._dns_host, self.port, timeout, self.socket_options)
        except AddressRefused:
            raise
        except OSError as error:
            raise urllib3.exceptions.NewConnectionError(self, str(error)) from error

    http = type("GuardedHTTPConnection", (HTTPConnection,), {"_new_conn": new_conn})
    https = type("GuardedHTTPSConnection", (HTTPSConnection,), {"_new_conn": new_conn})
    return {
        "http": type("GuardedHTTPPool", (HTTPConnectionPool,), {"ConnectionCls": http}),
        "https": type("GuardedHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": https}),
    }


# -- the fetcher ------------------------------------------------------------------------------


class Fetcher:
    """A polite and careful http(s) client; every failure is an InputError naming the URL."""

    def __init__(
        self, options: FetchOptions | None = None, *, sleep: Callable[[float], None] = time.sleep
    ) -> None:
        self.options = options or FetchOptions()
        self._guard = _Guard(parse_networks(self.options.allow_networks))
        self._pool = urllib3.PoolManager(
            headers={"User-Agent": self.options.user_agent, "Connection": "close"},
            timeout=urllib3.Timeout(connect=self.options.timeout, read=self.options.timeout),
            retries=urllib3.Retry(total=2, connect=2, read=0, redirect=0, status=0),
        )
        self._pool.pool_classes_by_scheme = _guarded_classes(self._guard)  # type: ignore[assignment]
        self._robots: dict[str, RobotFileParser | None] = {}
        self._last: dict[str, float] = {}  # host -> when the last request to it started
        self._sleep = sleep

    def get(self, url: str) -> Response:
        """The page at ``url``, following redirects hop by hop, each hop checked."""
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            self._check_hop(url, current)
            self._wait_turn(current)
            response = self._get(url, current, self.options.max_bytes)
            location = response.content_type if response.status in _REDIRECTS else None
            if location is None:
                if response.status != 200:
                    raise InputError(
                        url, f"HTTP {response.status} {_reason(response.status)}".rstrip()
                    )
                return response
            current = urljoin(current, location)
        raise InputError(url, f"more than {MAX_REDIRECTS} redirects")

    def _check_hop(self, url: str, hop: str) -> None:
        where = "" if hop == url else f" (redirected to {hop})"
        if not is_url(hop):
            raise InputError(url, f"only http:// and https:// URLs are fetched{where}")
        parts = urlsplit(hop)
        try:
            self._guard.check(parts.hostname or "", parts.port or _default_port(parts.scheme))
        except AddressRefused as error:
            raise InputError(url, f"{error}{where}") from None
        except ValueError as error:  # a bad port
            raise InputError(url, f"bad URL{where}: {error}") from None
        if self.options.respect_robots and not self.allowed(hop):
            raise InputError(url, f"fetching is disallowed by the site's robots.txt{where}")

    def allowed(self, url: str) -> bool:
        robots = self._robots_for(url)
        return robots is None or robots.can_fetch(USER_AGENT_TOKEN, url)

    def _robots_for(self, url: str) -> RobotFileParser | None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        return self._robots[origin]

    def _wait_turn(self, url: str) -> None:
        """Keep requests to one host ``politeness`` seconds (or its Crawl-delay) apart."""
        host = (urlsplit(url).hostname or "").lower()
        delay = self.options.politeness
        robots = self._robots_for(url) if self.options.respect_robots else None
        if robots is not None:
            asked = robots.crawl_delay(USER_AGENT_TOKEN)
            if asked:
                delay = max(delay, min(float(asked), self.options.max_crawl_delay))
        last = self._last.get(host)
        if last is not None:
            wait = last + delay - time.monotonic()
            if wait > 0:
                self._sleep(wait)
        self._last[host] = time.monotonic()

    def _load_robots(self, origin: str) -> RobotFileParser | None:
        """RFC 9309: a 4xx robots.txt allows everything, a 5xx or no answer nothing; up to
        five redirects are followed (each hop's address checked)."""
        parser = RobotFileParser(urljoin(origin, "/robots.txt"))
        target = parser.url
        try:
            for _ in range(MAX_REDIRECTS + 1):
                response = self._get(parser.url, target, _ROBOTS_MAX_BYTES)
                if response.status not in _REDIRECTS:
                    break
                target = urljoin(target, response.content_type)
                if not is_url(target):
                    raise InputError(parser.url, "redirected off http(s)")
                parts = urlsplit(target)
                self._guard.check(parts.hostname or "", parts.port or _default_port(parts.scheme))
        except (InputError, AddressRefused):
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

    def _get(self, url: str, target: str, max_bytes: int) -> Response:
        """One request, no redirect followed: a redirect's Location comes back as
        ``content_type``. The deadline covers connecting, headers and body."""
        expired = threading.Event()
        with self._guard.lock:
            self._guard.sockets = []

        def abort() -> None:
            expired.set()
            self._guard.abort()

        timer = threading.Timer(self.options.deadline, abort)
        timer.daemon = True
        timer.start()
        raw = None
        try:
            raw = self._pool.request("GET", target, preload_content=False, redirect=False)
            length = raw.headers.get("Content-Length")
            if raw.status == 200 and length and length.isdigit() and int(length) > max_bytes:
                raise InputError(url, _too_big(int(length), max_bytes))
            if raw.status in _REDIRECTS:
                location = raw.headers.get("Location") or ""
                if not location:
                    raise InputError(url, f"HTTP {raw.status} without a Location")
                return Response(url=target, status=raw.status, content_type=location, body=b"")
            body = bytearray()
            for chunk in raw.stream(_CHUNK):
                body += chunk
                if len(body) > max_bytes:
                    raise InputError(url, _too_big(None, max_bytes))
            if expired.is_set():
                raise InputError(url, self._too_slow())
            return Response(
                url=target,
                status=raw.status,
                content_type=raw.headers.get("Content-Type", ""),
                body=bytes(body),
            )
        except AddressRefused as error:
            raise InputError(url, str(error)) from None
        except (urllib3.exceptions.HTTPError, OSError) as error:
            if expired.is_set():
                raise InputError(url, self._too_slow()) from None
            raise InputError(url, f"cannot fetch: {_describe(error)}") from error
        finally:
            timer.cancel()
            if raw is not None:
                raw.release_conn()
            self._pool.clear()  # one connection per request: the deadline owns its socket

    def _too_slow(self) -> str:
        return (
            f"took longer than {self.options.deadline:.0f} s to download (slow or stalled server)"
        )


def _default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


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
